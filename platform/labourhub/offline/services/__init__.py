"""Offline work arriving from inspectors' devices (R4: a package; import from here)."""

from labourhub.offline.services.batch import offline_batch_apply_checked
from labourhub.offline.services.settings import offline_settings_update
from labourhub.offline.services.uploads import (
    evidence_upload_chunk,
    evidence_upload_finish,
    evidence_upload_start,
)

__all__ = [
    "evidence_upload_chunk",
    "evidence_upload_finish",
    "evidence_upload_start",
    "offline_batch_apply_checked",
    "offline_settings_update",
]
