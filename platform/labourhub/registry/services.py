"""Writes to the registry: employers, establishments, contractor links, merge and undo."""

import uuid
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.services import model_update
from labourhub.registry.fields import extra_validate
from labourhub.registry.isic import isic_is_valid
from labourhub.registry.models import (
    Employer,
    EmployerLink,
    Establishment,
    EstablishmentMerge,
    SizeBand,
)

UNKNOWN_SECTOR = gettext_noop("“%(code)s” is not an ISIC Rev.4 class (four digits, e.g. 1071).")
REGISTRATION_TAKEN = gettext_noop("Another establishment already has this registration number.")
TAX_ID_TAKEN = gettext_noop("Another employer already has this tax id.")
MINORS_EXCEED = gettext_noop("Workers under 18 cannot outnumber all workers.")
MERGE_SELF = gettext_noop("An establishment cannot be merged into itself.")
MERGE_MERGED = gettext_noop(
    "One of these establishments has already been merged; undo that merge first."
)
MERGE_UNDONE = gettext_noop("This merge has already been undone.")
MERGE_OUTDATED = gettext_noop(
    "The duplicate was changed after the merge; the merge cannot be undone safely."
)

EDITABLE_FIELDS = [
    "name",
    "address",
    "locality",
    "office",
    "latitude",
    "longitude",
    "isic_code",
    "size_band",
    "workers_female",
    "workers_male",
    "workers_minors",
    "hours_pattern",
    "licences",
    "status",
    "risk_level",
    "opened_on",
    "extra",
]
# Fields a merge may fill on the survivor when the survivor has no value of its own.
MERGE_FILLABLE = ["address", "locality", "latitude", "longitude", "opened_on", "last_inspected_on"]


def size_band_for(workers: int) -> str:
    if workers < 10:
        return SizeBand.MICRO
    if workers < 50:
        return SizeBand.SMALL
    if workers < 250:
        return SizeBand.MEDIUM
    return SizeBand.LARGE


def new_registration_number() -> str:
    return "LH-" + uuid.uuid4().hex[:10].upper()


def _check_values(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    code = values.get("isic_code")
    if code is not None and not isic_is_valid(code):
        errors["isic_code"] = _(UNKNOWN_SECTOR) % {"code": code}
    if values.get("workers_minors", 0) > values.get("workers_female", 0) + values.get(
        "workers_male", 0
    ):
        errors["workers_minors"] = _(MINORS_EXCEED)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def employer_create(
    *,
    legal_name: str,
    tax_id: str = "",
    legal_form: str = Employer.LegalForm.COMPANY,
    trade_names: list[str] | None = None,
    identifiers: dict[str, str] | None = None,
    actor: Actor,
) -> Employer:
    tax_id = tax_id.strip()
    if tax_id and Employer.objects.filter(tax_id=tax_id).exists():
        raise ValidationError({"tax_id": _(TAX_ID_TAKEN)})
    employer = Employer(
        legal_name=legal_name.strip(),
        tax_id=tax_id,
        legal_form=legal_form,
        trade_names=trade_names or [],
        identifiers=identifiers or {},
    )
    employer.full_clean()
    employer.save()
    audit_record(
        actor=actor,
        action=AuditAction.EMPLOYER_CREATED,
        subject=employer,
        payload={
            "values": {
                "legal_name": employer.legal_name,
                "tax_id": tax_id,
                "legal_form": legal_form,
            }
        },
    )
    return employer


@transaction.atomic
def employer_link_create(
    *, principal: Employer, partner: Employer, kind: str, actor: Actor
) -> EmployerLink:
    link = EmployerLink(principal=principal, partner=partner, kind=kind)
    link.full_clean()
    link.save()
    audit_record(
        actor=actor,
        action=AuditAction.EMPLOYER_LINKED,
        subject=principal,
        payload={"values": {"partner": partner.pk, "kind": kind}},
    )
    return link


@transaction.atomic
def establishment_create(
    *,
    employer: Employer,
    name: str,
    office: Office,
    isic_code: str,
    registration_number: str = "",
    address: str = "",
    locality: str = "",
    workers_female: int = 0,
    workers_male: int = 0,
    workers_minors: int = 0,
    size_band: str = "",
    extra: dict[str, Any] | None = None,
    actor: Actor,
    **optional: Any,
) -> Establishment:
    """Create a site. ``optional`` takes the remaining editable fields (hours, risk, status...).

    Raises ``ValidationError`` keyed by field; plugin fields are keyed ``extra.<key>``, and
    ``PermissionDenied`` when ``actor`` may not edit establishments of ``office``.
    """
    permission_check(actor=actor, action=Action.ESTABLISHMENT_EDIT, office=office)
    unknown = set(optional) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {sorted(unknown)}")
    values = {
        "isic_code": isic_code,
        "workers_female": workers_female,
        "workers_male": workers_male,
        "workers_minors": workers_minors,
    }
    _check_values(values)
    registration_number = registration_number.strip() or new_registration_number()
    if Establishment.objects.filter(registration_number=registration_number).exists():
        raise ValidationError({"registration_number": _(REGISTRATION_TAKEN)})
    establishment = Establishment(
        employer=employer,
        name=name.strip(),
        office=office,
        registration_number=registration_number,
        address=address.strip(),
        locality=locality.strip(),
        size_band=size_band or size_band_for(workers_female + workers_male),
        extra=extra_validate(extra or {}),
        **values,
        **optional,
    )
    establishment.full_clean()
    establishment.save()
    audit_record(
        actor=actor,
        action=AuditAction.ESTABLISHMENT_CREATED,
        subject=establishment,
        payload={
            "values": {
                "registration_number": registration_number,
                "name": establishment.name,
                "employer": employer.pk,
                "office": office.code,
                "isic_code": isic_code,
            }
        },
    )
    return establishment


@transaction.atomic
def establishment_update(
    *, establishment: Establishment, data: dict[str, Any], actor: Actor
) -> Establishment:
    """Apply the editable ``data``; the actor must be allowed to edit both the establishment's
    office and, when it moves, the office it moves to (``PermissionDenied`` otherwise)."""
    permission_check(actor=actor, action=Action.ESTABLISHMENT_EDIT, office=establishment.office)
    data = {k: v for k, v in data.items() if k in EDITABLE_FIELDS}
    if data.get("office") is not None:
        permission_check(actor=actor, action=Action.ESTABLISHMENT_EDIT, office=data["office"])
    if "extra" in data:
        data["extra"] = extra_validate(data["extra"] or {})
    merged = {
        f: data.get(f, getattr(establishment, f))
        for f in ("isic_code", "workers_female", "workers_male", "workers_minors")
    }
    _check_values(merged)
    establishment, changed, diff = model_update(
        instance=establishment, fields=EDITABLE_FIELDS, data=data
    )
    if changed:
        if "office" in diff:
            before, after = diff["office"]
            diff["office"] = (getattr(before, "code", None), getattr(after, "code", None))
        audit_record(
            actor=actor,
            action=AuditAction.ESTABLISHMENT_UPDATED,
            subject=establishment,
            payload={"changes": diff},
        )
    return establishment


def _fk_relations() -> list[Any]:
    # Every foreign key that points at Establishment, including those of apps written later
    # (inspections, complaints...): a merge must carry their rows along without code changes.
    # Earlier merges (merged_into) are left alone so each merge stays independently undoable;
    # tombstones chain (A -> B -> C).
    return [
        rel
        for rel in Establishment._meta.related_objects
        if (rel.one_to_many or rel.one_to_one)
        and rel.related_model not in (EstablishmentMerge, Establishment)
    ]


@transaction.atomic
def establishment_merge(
    *, survivor: Establishment, duplicate: Establishment, reason: str = "", actor: Actor
) -> EstablishmentMerge:
    """Fold ``duplicate`` into ``survivor``; every row pointing at the duplicate moves over.

    The duplicate stays as a ``merged`` tombstone and the moved row ids are recorded, so
    ``establishment_merge_undo`` can put everything back.
    """
    if survivor.pk == duplicate.pk:
        raise ApplicationError(_(MERGE_SELF))
    locked = {
        e.pk: e
        for e in Establishment.objects.select_for_update().filter(
            pk__in=[survivor.pk, duplicate.pk]
        )
    }
    survivor, duplicate = locked[survivor.pk], locked[duplicate.pk]
    if Establishment.Status.MERGED in (survivor.status, duplicate.status):
        raise ApplicationError(_(MERGE_MERGED))
    moved: dict[str, list[Any]] = {}
    for rel in _fk_relations():
        model = rel.related_model
        qs = model._base_manager.filter(**{rel.field.name: duplicate})
        ids = list(qs.values_list("pk", flat=True))
        if ids:
            model._base_manager.filter(pk__in=ids).update(**{rel.field.name: survivor})
            moved[f"{model._meta.label_lower}.{rel.field.name}"] = ids
    before: dict[str, Any] = {}
    for name in MERGE_FILLABLE:
        mine, theirs = getattr(survivor, name), getattr(duplicate, name)
        newer = name == "last_inspected_on" and mine and theirs and theirs > mine
        if newer or (mine in (None, "") and theirs not in (None, "")):
            before[name] = mine
            setattr(survivor, name, theirs)
    missing_extra = {k: v for k, v in duplicate.extra.items() if k not in survivor.extra}
    if missing_extra:
        before["extra"] = dict(survivor.extra)
        survivor.extra = {**survivor.extra, **missing_extra}
    if before:
        survivor.save(update_fields=[*before, "updated_at"])
    merge = EstablishmentMerge.objects.create(
        survivor=survivor,
        duplicate=duplicate,
        moved=moved,
        survivor_before={k: _jsonable(v) for k, v in before.items()},
        duplicate_status_before=duplicate.status,
        reason=reason[:500],
        merged_by=_user(actor),
    )
    duplicate.status = Establishment.Status.MERGED
    duplicate.merged_into = survivor
    duplicate.save(update_fields=["status", "merged_into", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.ESTABLISHMENT_MERGED,
        subject=survivor,
        payload={
            "values": {
                "duplicate": duplicate.pk,
                "filled": sorted(before),
                "merge": merge.pk,
                "moved": {k: len(v) for k, v in moved.items()},
                "reason": reason[:500],
            }
        },
    )
    return merge


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and not isinstance(value, (str, int, float, bool, dict, list)):
        return str(value)
    return value


@transaction.atomic
def establishment_merge_undo(*, merge: EstablishmentMerge, actor: Actor) -> EstablishmentMerge:
    merge = EstablishmentMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ApplicationError(_(MERGE_UNDONE))
    survivor = Establishment.objects.select_for_update().get(pk=merge.survivor_id)
    duplicate = Establishment.objects.select_for_update().get(pk=merge.duplicate_id)
    if duplicate.status != Establishment.Status.MERGED or duplicate.merged_into_id != survivor.pk:
        raise ApplicationError(_(MERGE_OUTDATED))
    for key, ids in merge.moved.items():
        label, field_name = key.rsplit(".", 1)
        model = apps.get_model(label)
        # Only rows still on the survivor go back: rows re-pointed since then stay where a user
        # deliberately put them.
        model._base_manager.filter(pk__in=ids, **{field_name: survivor}).update(
            **{field_name: duplicate}
        )
    restored = []
    for name, value in merge.survivor_before.items():
        field = Establishment._meta.get_field(name)
        python_value = field.to_python(value) if value is not None else None  # type: ignore[union-attr]
        setattr(survivor, name, python_value)
        restored.append(name)
    if restored:
        survivor.save(update_fields=[*restored, "updated_at"])
    duplicate.status = merge.duplicate_status_before
    duplicate.merged_into = None
    duplicate.save(update_fields=["status", "merged_into", "updated_at"])
    merge.undone_at = timezone.now()
    merge.undone_by = _user(actor)
    merge.save(update_fields=["undone_at", "undone_by", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.ESTABLISHMENT_MERGE_UNDONE,
        subject=survivor,
        payload={"values": {"duplicate": duplicate.pk, "restored": restored, "merge": merge.pk}},
    )
    return merge
