"""Medical visits: planned -> visited (examinations, certificates, OSH findings) | cancelled.

Health data (examinations) is written and read only by users with ``health_data.view`` (the
occupational physician); services check it themselves so the rule holds whoever calls them, and
``health_data_read`` leaves an audit event for every read. Audit payloads never carry clinical
findings: the audit trail is read by directors, who may not see health data.
"""

import datetime as dt
import secrets
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import (
    Action,
    Actor,
    audit_record,
    case_open,
    current_ministry,
    document_issue,
    establishment_get_by_registration,
    ministry_today,
    permission_check,
    plugin_config,
)
from labourhub_medical_visits import audit
from labourhub_medical_visits.apps import MedicalVisitsSettings
from labourhub_medical_visits.codes import CERTIFICATE, SLUG
from labourhub_medical_visits.models import Examination, Exposure, MedicalVisit, OshFinding

HEALTH_ONLY = gettext_noop("Only the occupational physician may record or read health data.")
ERR_NO_ESTABLISHMENT = gettext_noop("No establishment has registration number %(n)s.")
ERR_FUTURE_VISIT = gettext_noop("The visit date cannot be in the future.")
ERR_BEFORE_PLAN = gettext_noop("A visit cannot be planned in the past.")
ERR_NOT_PLANNED = gettext_noop("Only a planned visit can be recorded or cancelled.")
ERR_NOT_VISITED = gettext_noop("Record the visit before adding examinations or findings.")
ERR_UNKNOWN_EXPOSURE = gettext_noop("Unknown exposure: %(code)s.")
ERR_RESTRICTIONS = gettext_noop("State the restrictions of a worker who is fit with restrictions.")
ERR_ALREADY_EXAMINED = gettext_noop("This worker already has an examination on this visit.")
ERR_BIRTH_YEAR = gettext_noop("The year of birth must make the worker between 14 and 90 years old.")
ERR_REASON = gettext_noop("Give the reason for cancelling.")
ERR_CLAIM = gettext_noop(
    "The certificate number or the code is wrong. Both are on the paper the physician gave you."
)
ERR_CLAIM_TAKEN = gettext_noop(
    "This examination is already open in another portal account. Ask the ministry for help."
)
ERR_CLAIM_LOCKED = gettext_noop("Too many wrong attempts. Try again in an hour.")
CLAIM_ATTEMPTS = 5
CLAIM_WINDOW = 3600
# Letters and digits that cannot be misread on paper (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def worker_code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def settings_for_current_ministry() -> MedicalVisitsSettings:
    return MedicalVisitsSettings.model_validate(plugin_config(current_ministry(), SLUG))


def _next_number(model: Any, field: str, prefix: str) -> str:
    # Numbers are legal identifiers: serialise issuers so two physicians never get the same one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"medical:{field}"])
    start = f"{prefix}-{ministry_today().year}-"
    taken = model.objects.filter(**{f"{field}__startswith": start}).count()
    return f"{start}{taken + 1:05d}"


def _exposures(codes: list[str], field: str = "exposures") -> list[str]:
    for code in codes:
        if code not in Exposure.values:
            raise ValidationError({field: [_(ERR_UNKNOWN_EXPOSURE) % {"code": code[:40]}]})
    return sorted(set(codes))


def _health_check(actor: Actor) -> None:
    permission_check(actor=actor, action=Action.HEALTH_DATA_VIEW, message=HEALTH_ONLY)


def _locked(visit: MedicalVisit) -> MedicalVisit:
    return (
        MedicalVisit.objects.select_for_update(of=("self",))
        .select_related("establishment")
        .get(pk=visit.pk)
    )


@transaction.atomic
def visit_plan(
    *, registration_number: str, planned_for: dt.date, purpose: str, actor: Any
) -> MedicalVisit:
    """The physician plans a visit to an establishment of the registry."""
    _health_check(actor)
    establishment = establishment_get_by_registration(
        registration_number=registration_number.strip()
    )
    if establishment is None:
        raise ValidationError(
            {"registration_number": [_(ERR_NO_ESTABLISHMENT) % {"n": registration_number[:64]}]}
        )
    if planned_for < ministry_today():
        raise ValidationError({"planned_for": [_(ERR_BEFORE_PLAN)]})
    conf = settings_for_current_ministry()
    visit = MedicalVisit(
        number=_next_number(MedicalVisit, "number", conf.visit_prefix),
        establishment=establishment,
        physician=actor,
        planned_for=planned_for,
        purpose=purpose.strip(),
    )
    visit.full_clean()
    visit.save()
    audit_record(
        actor=actor,
        action=audit.VISIT_PLANNED,
        subject=visit,
        payload={
            "values": {
                "establishment": establishment.name,
                "planned_for": planned_for.isoformat(),
                "purpose": visit.purpose,
            }
        },
    )
    return visit


@transaction.atomic
def visit_record(
    *,
    visit: MedicalVisit,
    visited_on: dt.date,
    workers_present: int,
    exposures: list[str],
    workplace_notes: str = "",
    actor: Any,
) -> MedicalVisit:
    _health_check(actor)
    visit = _locked(visit)
    if visit.status != MedicalVisit.Status.PLANNED:
        raise ValidationError({"visited_on": [_(ERR_NOT_PLANNED)]})
    if visited_on > ministry_today():
        raise ValidationError({"visited_on": [_(ERR_FUTURE_VISIT)]})
    visit.exposures = _exposures(exposures)
    visit.visited_on = visited_on
    visit.workers_present = workers_present
    visit.workplace_notes = workplace_notes.strip()
    visit.status = MedicalVisit.Status.RECORDED
    visit.full_clean()
    visit.save()
    audit_record(
        actor=actor,
        action=audit.VISIT_RECORDED,
        subject=visit,
        payload={
            "changes": {"status": ("planned", "recorded")},
            "values": {
                "visited_on": visited_on.isoformat(),
                "workers_present": workers_present,
                "exposures": visit.exposures,
            },
        },
    )
    return visit


@transaction.atomic
def visit_cancel(*, visit: MedicalVisit, reason: str, actor: Any) -> MedicalVisit:
    _health_check(actor)
    visit = _locked(visit)
    if visit.status != MedicalVisit.Status.PLANNED:
        raise ValidationError({"reason": [_(ERR_NOT_PLANNED)]})
    if not reason.strip():
        raise ValidationError({"reason": [_(ERR_REASON)]})
    visit.status = MedicalVisit.Status.CANCELLED
    visit.cancel_reason = reason.strip()
    visit.save(update_fields=["status", "cancel_reason", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.VISIT_CANCELLED,
        subject=visit,
        payload={"changes": {"status": ("planned", "cancelled")}, "values": {"reason": reason}},
    )
    return visit


@transaction.atomic
def examination_record(
    *,
    visit: MedicalVisit,
    worker_name: str,
    worker_id_number: str,
    sex: str,
    birth_year: int,
    job_title: str,
    exposures: list[str],
    clinical_findings: str,
    fitness: str,
    restrictions: str = "",
    actor: Any,
) -> Examination:
    """Record one worker's examination and issue the numbered, verifiable fitness certificate."""
    _health_check(actor)
    visit = _locked(visit)
    if visit.status != MedicalVisit.Status.RECORDED or visit.visited_on is None:
        raise ValidationError({"worker_name": [_(ERR_NOT_VISITED)]})
    errors: dict[str, list[str]] = {}
    age = visit.visited_on.year - birth_year
    if not 14 <= age <= 90:
        errors["birth_year"] = [_(ERR_BIRTH_YEAR)]
    if fitness == Examination.Fitness.RESTRICTED and not restrictions.strip():
        errors["restrictions"] = [_(ERR_RESTRICTIONS)]
    if visit.examinations.filter(worker_id_number=worker_id_number.strip()).exists():
        errors["worker_id_number"] = [_(ERR_ALREADY_EXAMINED)]
    if errors:
        raise ValidationError(errors)
    exam = Examination(
        visit=visit,
        worker_name=worker_name.strip(),
        worker_id_number=worker_id_number.strip(),
        sex=sex,
        birth_year=birth_year,
        job_title=job_title.strip(),
        exposures=_exposures(exposures),
        clinical_findings=clinical_findings.strip(),
        fitness=fitness,
        restrictions=restrictions.strip(),
        worker_code=worker_code_new(),
    )
    exam.full_clean()
    exam.save()
    # The certificate's number is the document's own (one number, printed and verifiable).
    with translation.override(getattr(current_ministry(), "default_language", None)):
        fitness_label = str(exam.get_fitness_display())
    document = document_issue(
        kind=CERTIFICATE,
        officer=actor,
        subject=exam,
        office=visit.establishment.office,
        extra={
            "visit_number": visit.number,
            "visited_on": visit.visited_on.isoformat(),
            "establishment": visit.establishment.name,
            "worker_name": exam.worker_name,
            "worker_id_number": exam.worker_id_number,
            "job_title": exam.job_title,
            "fitness": fitness_label,
            "restrictions": exam.restrictions,
        },
        actor=actor,
    )
    exam.document_id = document.pk
    exam.certificate_number = document.number
    exam.save(update_fields=["document_id", "certificate_number", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.EXAMINATION_RECORDED,
        subject=visit,
        payload={"values": {"certificate_number": exam.certificate_number}},
    )
    return exam


@transaction.atomic
def health_data_read(
    *, visit: MedicalVisit, actor: Any, examination: Examination | None = None
) -> None:
    """Check the reader may see health data and leave the read in the audit trail."""
    _health_check(actor)
    audit_record(
        actor=actor,
        action=audit.HEALTH_DATA_READ,
        subject=visit,
        payload={
            "values": {
                "certificate_number": examination.certificate_number if examination else "",
                "examinations": 1 if examination else visit.examinations.count(),
            }
        },
    )


def _claim_key(user: Any) -> str:
    return f"medical:claim-failures:{getattr(current_ministry(), 'pk', 0)}:{user.pk}"


@transaction.atomic
def examination_claim(*, certificate_number: str, code: str, actor: Any) -> Examination:
    """Open an examination in the worker's portal account, proved by the code from the visit.

    Wrong attempts are counted per account and refused after ``CLAIM_ATTEMPTS`` in an hour, so
    the code cannot be guessed; the same answer is given for an unknown certificate and a wrong
    code, so the portal does not reveal which certificate numbers exist.
    """
    key = _claim_key(actor)
    if int(cache.get(key, 0)) >= CLAIM_ATTEMPTS:
        raise ValidationError({"code": [_(ERR_CLAIM_LOCKED)]})
    number = certificate_number.strip().upper()[:40]
    given = code.strip().upper().replace(" ", "")[:20]
    exam = (
        Examination.objects.select_for_update().filter(certificate_number=number).first()
        if number
        else None
    )
    if (
        exam is None
        or not exam.worker_code
        or not secrets.compare_digest(exam.worker_code.encode(), given.encode())
    ):
        cache.set(key, int(cache.get(key, 0)) + 1, CLAIM_WINDOW)
        raise ValidationError({"code": [_(ERR_CLAIM)]})
    if exam.portal_user_id == actor.pk:
        return exam
    if exam.portal_user_id is not None:
        raise ValidationError({"code": [_(ERR_CLAIM_TAKEN)]})
    exam.portal_user = actor
    exam.claimed_at = timezone.now()
    exam.save(update_fields=["portal_user", "claimed_at", "updated_at"])
    cache.delete(key)
    audit_record(
        actor=actor,
        action=audit.EXAMINATION_CLAIMED,
        subject=exam.visit,
        payload={"values": {"certificate_number": exam.certificate_number}},
    )
    return exam


@transaction.atomic
def health_data_read_own(*, examinations: list[Examination], actor: Any) -> None:
    """Leave the worker's read of their own examinations in the audit trail."""
    for exam in examinations:
        if exam.portal_user_id != actor.pk:
            raise ValidationError(_(HEALTH_ONLY))
        audit_record(
            actor=actor,
            action=audit.HEALTH_DATA_READ,
            subject=exam.visit,
            payload={"values": {"certificate_number": exam.certificate_number, "examinations": 1}},
        )


@transaction.atomic
def finding_raise(
    *,
    visit: MedicalVisit,
    description: str,
    legal_provision: str,
    corrective_measure: str,
    actor: Any,
) -> OshFinding:
    """An OSH hazard seen on the visit opens a case in the ministry's procedure, so it follows
    the same orders, deadlines and sanctions as an inspector's finding."""
    visit = _locked(visit)
    if visit.status != MedicalVisit.Status.RECORDED:
        raise ValidationError({"description": [_(ERR_NOT_VISITED)]})
    finding = OshFinding(
        visit=visit,
        description=description.strip(),
        legal_provision=legal_provision.strip(),
        corrective_measure=corrective_measure.strip(),
    )
    finding.full_clean(exclude=["case"])
    establishment = visit.establishment
    finding.case = case_open(
        procedure=settings_for_current_ministry().finding_procedure,
        title=f"{establishment.name}: {finding.description}"[:300],
        office=establishment.office,
        establishment=establishment,
        assigned_to=actor if getattr(actor, "is_authenticated", False) else None,
        actor=actor,
        note=f"{visit.number} · {finding.legal_provision} · {finding.corrective_measure}"[:2000],
    )
    finding.save()
    audit_record(
        actor=actor,
        action=audit.FINDING_RAISED,
        subject=visit,
        payload={
            "values": {
                "description": finding.description,
                "legal_provision": finding.legal_provision,
                "case": finding.case.reference,
            }
        },
    )
    return finding
