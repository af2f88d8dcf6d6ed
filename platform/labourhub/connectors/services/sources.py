"""Configuring sources, placing a file in a drop, and starting a run."""

import re
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.connectors import events
from labourhub.connectors.fetching import drop_files, max_bytes
from labourhub.connectors.models import ConnectorRun, ConnectorSource
from labourhub.connectors.selectors import connector_kinds
from labourhub.interop.webhooks import url_check

Actor = User | None
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _check(*, name: str, kind: str, transport: str, url: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Enter a name.")
    if kind not in connector_kinds():
        errors["kind"] = _("Choose one of the formats offered.")
    if transport not in ConnectorSource.Transport.values:
        errors["transport"] = _("Choose how the files arrive.")
    elif transport == ConnectorSource.Transport.HTTP:
        try:
            url_check(url)
        except ValidationError:
            errors["url"] = _("Enter the partner's address, starting with https://.")
    return errors


@transaction.atomic
def connector_source_create(
    *, name: str, kind: str, transport: str, actor: Actor, url: str = ""
) -> ConnectorSource:
    permission_check(actor=actor, action=Action.USER_MANAGE)
    errors = _check(name=name, kind=kind, transport=transport, url=url)
    if errors:
        raise ValidationError(errors)
    source = ConnectorSource.objects.create(
        name=name.strip(),
        kind=kind,
        transport=transport,
        url=url.strip() if transport == ConnectorSource.Transport.HTTP else "",
        drop_prefix=f"connectors/{uuid.uuid4().hex}"
        if transport == ConnectorSource.Transport.DROP
        else "",
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=events.SOURCE_CREATED,
        subject=source,
        payload={"values": {"kind": kind, "transport": transport}},
    )
    return source


@transaction.atomic
def connector_source_update(
    *, source: ConnectorSource, active: bool, actor: Actor
) -> ConnectorSource:
    permission_check(actor=actor, action=Action.USER_MANAGE)
    if source.active != active:
        source.active = active
        source.save(update_fields=["active", "updated_at"])
        audit_record(
            actor=actor,
            action=events.SOURCE_UPDATED,
            subject=source,
            payload={"values": {"active": active}},
        )
    return source


def connector_file_drop(*, source: ConnectorSource, upload: File[Any], actor: Actor) -> str:
    """Put a file into the source's drop (what a partner does over S3) and return its name."""
    permission_check(actor=actor, action=Action.USER_MANAGE)
    if source.transport != ConnectorSource.Transport.DROP:
        raise ValidationError({"file": _("This source reads a partner's endpoint, not a drop.")})
    if upload.size > max_bytes():
        raise ValidationError(
            {
                "file": _("The file is larger than the limit of %(limit)s MB.")
                % {"limit": f"{max_bytes() / 1_000_000:g}"}
            }
        )
    if not upload.size:
        raise ValidationError({"file": _("The file is empty.")})
    # The stored name keeps only safe characters of the partner's name (which can carry the
    # period, as Peru's do) and never a path.
    base = (
        _SAFE_NAME.sub("_", (upload.name or "file").rsplit("/", 1)[-1])[-120:].lstrip(".") or "file"
    )
    stored = default_storage.save(f"{source.drop_prefix}/{base}", upload)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=events.FILE_DROPPED,
            subject=source,
            payload={"values": {"file": base}},
        )
    return stored.rsplit("/", 1)[-1]


@transaction.atomic
def connector_run_start(
    *, source: ConnectorSource, actor: Actor, file_name: str = ""
) -> ConnectorRun:
    """Queue a run of ``source`` (for a drop, of one of its files); the worker does the rest."""
    permission_check(actor=actor, action=Action.USER_MANAGE)
    if not source.active:
        raise ValidationError(_("This source is switched off."))
    storage_key = ""
    if source.transport == ConnectorSource.Transport.DROP:
        if file_name not in drop_files(source=source):
            raise ValidationError({"file_name": _("Choose a file that is in the drop.")})
        storage_key = f"{source.drop_prefix}/{file_name}"
    else:
        file_name = source.url.rsplit("/", 1)[-1][:255]
    run = ConnectorRun.objects.create(
        source=source, file_name=file_name, storage_key=storage_key, started_by=actor
    )
    audit_record(
        actor=actor, action=events.RUN_STARTED, subject=run, payload={"values": {"file": file_name}}
    )
    task_enqueue_on_commit("labourhub.connectors.tasks.connector_run_task", run_id=run.pk)
    return run
