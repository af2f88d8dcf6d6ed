from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.localtime import ministry_language_default
from labourhub.extensions import current_hooks, flatten
from labourhub.inspections.models import (
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
)
from labourhub.inspections.seed_checklists import SEED_CHECKLISTS
from labourhub.inspections.services._common import Actor, actor_user

NOT_A_DRAFT = gettext_noop(
    "Version %(number)s is published and can no longer change. Start a new draft to edit it."
)
EMPTY_VERSION = gettext_noop(
    "A checklist version needs at least one question before it is published."
)
CODE_TAKEN = gettext_noop("Another question in this version already uses the code “%(code)s”.")
CHOICES_NEEDED = gettext_noop("A choice question needs at least two choices, one per line.")
UNKNOWN_CONDITION = gettext_noop("There is no question “%(code)s” earlier in this version.")
CHECKLIST_CODE_TAKEN = gettext_noop("Another checklist already uses this code.")

QUESTION_FIELDS = (
    "code",
    "text",
    "kind",
    "choices",
    "required",
    "condition_code",
    "condition_value",
    "noncompliant_value",
    "legal_article",
    "legal_instrument",
    "legal_version",
    "corrective_measure",
    "penalty_min",
    "penalty_max",
    "penalty_unit",
    "severity",
    "child_labour",
)


def _draft_check(version: ChecklistVersion) -> None:
    if version.status != ChecklistVersion.Status.DRAFT:
        raise ApplicationError(_(NOT_A_DRAFT) % {"number": version.number})


@transaction.atomic
def checklist_create(
    *, code: str, title: str, topic: str, sector: str = "", actor: Actor
) -> ChecklistVersion:
    """A new checklist with an empty draft version 1."""
    if Checklist.objects.filter(code=code).exists():
        raise ValidationError({"code": _(CHECKLIST_CODE_TAKEN)})
    checklist = Checklist(code=code, title=title.strip(), topic=topic, sector=sector.strip())
    checklist.full_clean()
    checklist.save()
    version = ChecklistVersion.objects.create(checklist=checklist, number=1)
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_CREATED,
        subject=checklist,
        payload={"values": {"code": code, "title": checklist.title, "topic": topic}},
    )
    return version


def _copy_version(source: ChecklistVersion, target: ChecklistVersion) -> None:
    for section in source.sections.prefetch_related("questions").order_by("order", "id"):
        new_section = ChecklistSection.objects.create(
            version=target, order=section.order, title=section.title
        )
        ChecklistQuestion.objects.bulk_create(
            ChecklistQuestion(
                section=new_section, order=q.order, **{f: getattr(q, f) for f in QUESTION_FIELDS}
            )
            for q in section.questions.order_by("order", "id")
        )


@transaction.atomic
def checklist_draft_start(*, checklist: Checklist, actor: Actor) -> ChecklistVersion:
    """The open draft, or a new one copied from the latest version (idempotent)."""
    Checklist.objects.select_for_update().get(pk=checklist.pk)
    draft = ChecklistVersion.objects.filter(
        checklist=checklist, status=ChecklistVersion.Status.DRAFT
    ).first()
    if draft is not None:
        return draft
    latest = ChecklistVersion.objects.filter(checklist=checklist).order_by("-number").first()
    number = (latest.number if latest else 0) + 1
    draft = ChecklistVersion.objects.create(checklist=checklist, number=number)
    if latest is not None:
        _copy_version(latest, draft)
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_DRAFT_STARTED,
        subject=checklist,
        payload={"values": {"version": number, "copied_from": latest.number if latest else None}},
    )
    return draft


@transaction.atomic
def checklist_section_add(
    *, version: ChecklistVersion, title: str, actor: Actor
) -> ChecklistSection:
    _draft_check(version)
    order = (version.sections.aggregate(m=Max("order"))["m"] or 0) + 1
    section = ChecklistSection(version=version, order=order, title=title.strip())
    section.full_clean()
    section.save()
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_SECTION_ADDED,
        subject=version.checklist,
        payload={"values": {"version": version.number, "section": section.title}},
    )
    return section


def _clean_question(
    version: ChecklistVersion, data: dict[str, Any], exclude_pk: int | None = None
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    code = str(data.get("code") or "").strip()
    same_code = ChecklistQuestion.objects.filter(section__version=version, code=code)
    if exclude_pk:
        same_code = same_code.exclude(pk=exclude_pk)
    if code and same_code.exists():
        errors["code"] = _(CODE_TAKEN) % {"code": code}
    choices = [c.strip() for c in data.get("choices") or [] if str(c).strip()]
    if data.get("kind") == ChecklistQuestion.Kind.CHOICE and len(choices) < 2:
        errors["choices"] = _(CHOICES_NEEDED)
    condition = str(data.get("condition_code") or "").strip()
    if (
        condition
        and not ChecklistQuestion.objects.filter(section__version=version, code=condition).exists()
    ):
        errors["condition_code"] = _(UNKNOWN_CONDITION) % {"code": condition}
    if errors:
        raise ValidationError(errors)
    return {**data, "code": code, "choices": choices, "condition_code": condition}


@transaction.atomic
def checklist_question_add(
    *, section: ChecklistSection, data: dict[str, Any], actor: Actor
) -> ChecklistQuestion:
    version = section.version
    _draft_check(version)
    clean = _clean_question(version, data)
    order = (section.questions.aggregate(m=Max("order"))["m"] or 0) + 1
    question = ChecklistQuestion(
        section=section, order=order, **{f: clean[f] for f in QUESTION_FIELDS if f in clean}
    )
    question.full_clean()
    question.save()
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_QUESTION_ADDED,
        subject=version.checklist,
        payload={
            "values": {
                "version": version.number,
                "code": question.code,
                "text": question.text,
                "kind": question.kind,
            }
        },
    )
    return question


@transaction.atomic
def checklist_question_remove(*, question: ChecklistQuestion, actor: Actor) -> None:
    version = question.section.version
    _draft_check(version)
    code = question.code
    question.delete()
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_QUESTION_REMOVED,
        subject=version.checklist,
        payload={"values": {"version": version.number, "code": code}},
    )


@transaction.atomic
def checklist_publish(*, version: ChecklistVersion, actor: Actor) -> ChecklistVersion:
    """Freeze the draft. Earlier versions stay attached to the inspections that used them."""
    version = ChecklistVersion.objects.select_for_update().get(pk=version.pk)
    _draft_check(version)
    if not ChecklistQuestion.objects.filter(section__version=version).exists():
        raise ApplicationError(_(EMPTY_VERSION))
    ChecklistVersion.objects.filter(
        checklist_id=version.checklist_id, status=ChecklistVersion.Status.PUBLISHED
    ).update(status=ChecklistVersion.Status.RETIRED)
    version.status = ChecklistVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor_user(actor)
    version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CHECKLIST_PUBLISHED,
        subject=version.checklist,
        payload={"values": {"version": version.number}},
    )
    return version


def _seed_one(definition: dict[str, Any], actor: Actor) -> bool:
    if Checklist.objects.filter(code=definition["code"]).exists():
        return False
    version = checklist_create(
        code=definition["code"],
        title=definition["title"],
        topic=definition["topic"],
        sector=definition.get("sector", ""),
        actor=actor,
    )
    for title, questions in definition["sections"]:
        section = checklist_section_add(version=version, title=title, actor=actor)
        for q in questions:
            data = {"kind": ChecklistQuestion.Kind.YES_NO_NA, "noncompliant_value": "no", **q}
            # Stored text, in the language active here (the ministry's): not the lazy string.
            data = {k: str(v) if isinstance(v, Promise) else v for k, v in data.items()}
            for key in ("penalty_min", "penalty_max"):
                if data.get(key) is not None:
                    data[key] = Decimal(str(data[key]))
            checklist_question_add(section=section, data=data, actor=actor)
    checklist_publish(version=version, actor=actor)
    return True


def _from_plugin(definition: Any) -> dict[str, Any]:
    """A plugin's ``ChecklistDefinition`` (register_checklists) as a one-section seed."""
    items = [
        {
            "code": item.code,
            "text": str(item.question),
            "legal_article": item.legal_basis,
            "child_labour": bool(getattr(item, "child_labour", False)),
            "severity": "very_serious" if getattr(item, "child_labour", False) else "serious",
        }
        for item in definition.items
    ]
    return {
        "code": definition.code,
        "title": str(definition.label),
        "topic": "sector",
        "sector": str(getattr(definition, "sector", "") or ""),
        "sections": [(str(definition.label), items)],
    }


def _flag_child_labour(definition: dict[str, Any], actor: Actor) -> bool:
    """A plugin checklist seeded before its pack flagged child-labour questions gets a new
    published version with the flags; nothing else an administrator changed is touched."""
    flagged = {
        q["code"]
        for _title, questions in definition["sections"]
        for q in questions
        if q.get("child_labour")
    }
    if not flagged:
        return False
    checklist = Checklist.objects.filter(code=definition["code"]).first()
    if checklist is None:
        return False
    published = ChecklistVersion.objects.filter(
        checklist=checklist, status=ChecklistVersion.Status.PUBLISHED
    ).first()
    if (
        published is None
        or ChecklistVersion.objects.filter(
            checklist=checklist, status=ChecklistVersion.Status.DRAFT
        ).exists()
    ):
        return False
    missing = ChecklistQuestion.objects.filter(
        section__version=published, code__in=flagged, child_labour=False
    )
    if not missing.exists():
        return False
    draft = checklist_draft_start(checklist=checklist, actor=actor)
    ChecklistQuestion.objects.filter(section__version=draft, code__in=flagged).update(
        child_labour=True
    )
    checklist_publish(version=draft, actor=actor)
    return True


@transaction.atomic
def checklists_seed(*, actor: Actor = None) -> int:
    """Create the core seed sets and the enabled plugins' checklists that are missing.

    Titles, sections and questions are stored text: they are written in the ministry's
    language, whatever language (often none, in a management command) the caller runs in.
    """
    tenant = getattr(connection, "tenant", None)
    plugin_defs = flatten(current_hooks().register_checklists(tenant=tenant))
    created = 0
    with translation.override(ministry_language_default(tenant)):
        for definition in SEED_CHECKLISTS:
            created += _seed_one(definition, actor)
        for definition in (_from_plugin(d) for d in plugin_defs):
            created += _seed_one(definition, actor) or _flag_child_labour(definition, actor)
    return created
