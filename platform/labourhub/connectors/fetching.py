"""Getting a run's file: from the source's drop in object storage or the partner's endpoint.

Both paths stop reading one byte past the limit, so a huge file is refused without being held
in memory, and both raise ``ConnectorFileError`` with a translatable message.
"""

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.translation import gettext_noop

from labourhub.connectors.models import ConnectorRun, ConnectorSource

TOO_LARGE = gettext_noop("The file is larger than the limit of %(limit)s MB.")
EMPTY = gettext_noop("The file is empty.")
NOT_FOUND = gettext_noop("The file %(name)s is no longer in the drop.")
NOT_UTF8 = gettext_noop(
    "The file is not UTF-8 text (unreadable bytes near position %(position)s); save it as UTF-8."
)
ENDPOINT_FAILED = gettext_noop("The partner's endpoint did not answer correctly (%(detail)s).")


@dataclass
class ConnectorFileError(Exception):
    message: str
    params: dict[str, Any] = field(default_factory=dict)


def max_bytes() -> int:
    return int(settings.CONNECTOR_MAX_BYTES)


def _limit_mb() -> str:
    return f"{max_bytes() / 1_000_000:g}"


def drop_files(*, source: ConnectorSource) -> list[str]:
    """Names of the files waiting in the source's drop, newest name last."""
    if source.transport != ConnectorSource.Transport.DROP or not source.drop_prefix:
        return []
    _dirs, files = default_storage.listdir(source.drop_prefix)
    return sorted(files)


def _read_drop(run: ConnectorRun) -> bytes:
    key = run.storage_key
    if not default_storage.exists(key):
        raise ConnectorFileError(NOT_FOUND, {"name": run.file_name})
    if default_storage.size(key) > max_bytes():
        raise ConnectorFileError(TOO_LARGE, {"limit": _limit_mb()})
    with default_storage.open(key, "rb") as handle:
        data: bytes = handle.read(max_bytes() + 1)
    return data


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could point the server at an address the administrator never approved.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _read_http(source: ConnectorSource) -> bytes:
    request = urllib.request.Request(source.url, headers={"Accept": "*/*"})  # noqa: S310  (the form admits http(s) only)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=settings.CONNECTOR_HTTP_TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes():
                raise ConnectorFileError(TOO_LARGE, {"limit": _limit_mb()})
            data: bytes = response.read(max_bytes() + 1)
            return data
    except urllib.error.HTTPError as exc:
        raise ConnectorFileError(ENDPOINT_FAILED, {"detail": f"HTTP {exc.code}"}) from None
    except (urllib.error.URLError, OSError) as exc:
        raise ConnectorFileError(ENDPOINT_FAILED, {"detail": type(exc).__name__}) from None


def run_file_read(*, run: ConnectorRun) -> tuple[str, str]:
    """The run's file decoded, and its SHA-256; ``ConnectorFileError`` when it cannot be used."""
    source = run.source
    data = (
        _read_drop(run)
        if source.transport == ConnectorSource.Transport.DROP
        else _read_http(source)
    )
    if len(data) > max_bytes():
        raise ConnectorFileError(TOO_LARGE, {"limit": _limit_mb()})
    if not data.strip():
        raise ConnectorFileError(EMPTY)
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConnectorFileError(NOT_UTF8, {"position": exc.start}) from None
    return text, digest
