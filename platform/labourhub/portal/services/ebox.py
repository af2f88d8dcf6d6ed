"""The electronic inbox: serve, open (legal receipt), answer with documents, review."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.permissions import NOT_ALLOWED
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.localtime import ministry_zone
from labourhub.common.middleware import client_ip_var
from labourhub.inspections.models import Inspection
from labourhub.portal import events
from labourhub.portal.kinds import inbox_kinds
from labourhub.portal.models import Answer, AnswerDocument, Notification, Receipt
from labourhub.portal.selectors import establishment_list_represented, notification_staff_may
from labourhub.portal.services.uploads import upload_check_many, upload_discard, upload_store
from labourhub.registry.models import Establishment
from labourhub.workflow.calendar import WORKING_DAYS, calendar_current
from labourhub.workflow.models import Case
from labourhub.workflow.services import deadline_add

UNKNOWN_KIND = gettext_noop("Choose one of the listed kinds of notification.")
SUBJECT_REQUIRED = gettext_noop("Give the notification a subject.")
BODY_REQUIRED = gettext_noop("Write the text of the notification.")
DAYS_RANGE = gettext_noop("The time to answer must be between 1 and 60 working days.")
WRONG_INSPECTION = gettext_noop("That inspection is not about this establishment.")
WRONG_CASE = gettext_noop("That case is not about this establishment.")
NOT_YOURS = gettext_noop("You do not represent this establishment.")
NOT_OPENED = gettext_noop("Open the notification before answering it.")
NO_ANSWER_EXPECTED = gettext_noop("This notification does not ask for an answer.")
ALREADY_REVIEWED = gettext_noop("The ministry has already reviewed this notification.")
NOTHING_TO_REVIEW = gettext_noop("There is no answer to review yet.")
TOO_MANY_DOCS = gettext_noop("List at most 20 documents.")
DEEMED_RANGE = gettext_noop("Give between 0 (never) and 60 working days.")

DEADLINE_LABEL = gettext_noop("Answer the electronic notification")


def _local_date(moment: dt.datetime) -> dt.date:
    from django.db import connection

    return moment.astimezone(ministry_zone(getattr(connection, "tenant", None))).date()


@transaction.atomic
def notification_serve(
    *,
    establishment: Establishment,
    kind: str,
    subject: str,
    body: str,
    actor: User,
    requested_documents: list[str] | None = None,
    reply_days: int = 0,
    inspection: Inspection | None = None,
    case: Case | None = None,
    deemed_after_days: int = 0,
) -> Notification:
    """Serve a formal notification to the establishment's inbox.

    The time limit does not start here: it starts on the day the employer opens it (receipt).
    """
    owner = inspection.inspector_id if inspection is not None else None
    if not user_can(
        user=actor, action=Action.CASE_EDIT, office=establishment.office, owner_id=owner
    ):
        raise PermissionDenied(_(NOT_ALLOWED))
    errors: dict[str, str] = {}
    if kind not in inbox_kinds():
        errors["kind"] = _(UNKNOWN_KIND)
    if not subject.strip():
        errors["subject"] = _(SUBJECT_REQUIRED)
    if not body.strip():
        errors["body"] = _(BODY_REQUIRED)
    docs = [d.strip()[:200] for d in (requested_documents or []) if d.strip()]
    if len(docs) > 20:
        errors["requested_documents"] = _(TOO_MANY_DOCS)
    if (docs or reply_days) and not 1 <= reply_days <= 60:
        errors["reply_days"] = _(DAYS_RANGE)
    if inspection is not None and inspection.establishment_id != establishment.pk:
        errors["inspection"] = _(WRONG_INSPECTION)
    if case is not None and case.establishment_id != establishment.pk:
        errors["case"] = _(WRONG_CASE)
    if not 0 <= deemed_after_days <= 60:
        errors["deemed_after_days"] = _(DEEMED_RANGE)
    if errors:
        raise ValidationError(errors)
    notification = Notification.objects.create(
        establishment=establishment,
        inspection=inspection,
        case=case,
        kind=kind,
        subject=subject.strip()[:200],
        body=body.strip(),
        requested_documents=docs,
        reply_days=reply_days,
        served_by=actor,
        served_at=timezone.now(),
        deemed_after_days=deemed_after_days,
    )
    audit_record(
        actor=actor,
        action=events.NOTIFICATION_SERVED,
        subject=notification,
        payload={
            "values": {
                "establishment": establishment.registration_number,
                "kind": kind,
                "documents": docs,
                "reply_days": reply_days,
                "inspection": inspection.reference if inspection else None,
                "deemed_after_days": deemed_after_days,
            }
        },
    )
    return notification


def notification_limit_start(
    *, notification: Notification, start_on: dt.date, actor: User | None
) -> None:
    """Start the answer's time limit on ``start_on`` (the day of the receipt), on the case too."""
    if not notification.reply_days:
        return
    if notification.case is not None:
        deadline = deadline_add(
            case=notification.case,
            code="ebox_answer",
            label=DEADLINE_LABEL,
            amount=notification.reply_days,
            unit=WORKING_DAYS,
            start_on=start_on,
            actor=actor,
        )
        notification.due_on = deadline.due_on
    else:
        notification.due_on = calendar_current().add(
            start_on, notification.reply_days, WORKING_DAYS
        )
    notification.save(update_fields=["due_on", "updated_at"])


@transaction.atomic
def notification_open(*, notification: Notification, actor: User) -> Receipt:
    """Record the legal receipt the first time a representative opens the notification.

    Opening again returns the first receipt unchanged: the legal time runs from the first
    opening only. The answer's due date is counted on the ministry's calendar from that day.
    """
    if not establishment_list_represented(user=actor).filter(pk=notification.establishment_id):
        raise PermissionDenied(_(NOT_YOURS))
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    existing = Receipt.objects.filter(notification=locked).first()
    if existing is not None:
        return existing
    now = timezone.now()
    receipt = Receipt.objects.create(
        notification=locked, opened_by=actor, opened_at=now, ip=client_ip_var.get()
    )
    notification_limit_start(notification=locked, start_on=_local_date(now), actor=actor)
    audit_record(
        actor=actor,
        action=events.NOTIFICATION_OPENED,
        subject=locked,
        payload={"values": {"opened_at": now, "due_on": locked.due_on}},
    )
    return receipt


def notification_answer(
    *, notification: Notification, note: str, files: list[Any], actor: User
) -> Answer:
    """Answer a requirement with documents; every file is checked before any is stored.

    Called outside a transaction (the view does): stored objects are removed again if the rows
    cannot be recorded, so neither an orphan file nor a half answer can remain.
    """
    if not establishment_list_represented(user=actor).filter(pk=notification.establishment_id):
        raise PermissionDenied(_(NOT_YOURS))
    if not notification.requested_documents and not notification.reply_days:
        raise ApplicationError(_(NO_ANSWER_EXPECTED))
    if not Receipt.objects.filter(notification=notification).exists():
        raise ApplicationError(_(NOT_OPENED))
    if notification.reviewed_at is not None:
        raise ApplicationError(_(ALREADY_REVIEWED))
    checked = upload_check_many(files=files)
    keys: list[str] = []
    try:
        for item in checked:
            # Remembered one by one: a failure half-way must remove the files already written.
            key = upload_store(folder=f"ebox/{notification.pk}", checked=item)
            keys.append(key)
        with transaction.atomic():
            answer = Answer.objects.create(
                notification=notification, submitted_by=actor, note=note.strip()[:5000]
            )
            for item, key in zip(checked, keys, strict=True):
                AnswerDocument.objects.create(
                    answer=answer,
                    original_name=item.name,
                    storage_key=key,
                    sha256=item.sha256,
                    size=len(item.data),
                    content_type=item.content_type,
                )
            audit_record(
                actor=actor,
                action=events.NOTIFICATION_ANSWERED,
                subject=notification,
                payload={
                    "values": {
                        "answer": answer.pk,
                        "files": [{"name": c.name, "sha256": c.sha256} for c in checked],
                    }
                },
            )
    except BaseException:
        upload_discard(keys=keys)
        raise
    return answer


@transaction.atomic
def notification_review(*, notification: Notification, note: str, actor: User) -> Notification:
    """The inspector records that the answer was reviewed; findings go to the inspection."""
    if not notification_staff_may(user=actor, notification=notification, action=Action.CASE_EDIT):
        raise PermissionDenied(_(NOT_ALLOWED))
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.reviewed_at is not None:
        raise ApplicationError(_(ALREADY_REVIEWED))
    if not locked.answers.exists():
        raise ApplicationError(_(NOTHING_TO_REVIEW))
    locked.reviewed_at = timezone.now()
    locked.reviewed_by = actor
    locked.review_note = note.strip()[:5000]
    locked.save(update_fields=["reviewed_at", "reviewed_by", "review_note", "updated_at"])
    audit_record(
        actor=actor,
        action=events.NOTIFICATION_REVIEWED,
        subject=locked,
        payload={"values": {"note": locked.review_note}},
    )
    return locked
