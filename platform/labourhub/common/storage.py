from storages.backends.s3 import S3Storage

from labourhub.common.db import current_schema


class TenantS3Storage(S3Storage):
    """Keys live under ``tenants/<schema>/``; the prefix comes from the active schema, never
    from user input (R36, R38), so one ministry's code cannot address another's objects."""

    def _normalize_name(self, name: str) -> str:
        return str(super()._normalize_name(f"tenants/{current_schema()}/{name}"))
