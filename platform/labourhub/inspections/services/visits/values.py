"""Checking one answer against its question, and whether it breaks the rule."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.inspections.models import Answer, ChecklistQuestion, Finding, Inspection

NO_AUTHORISATION = gettext_noop(
    "This inspection has no valid authorisation, and this ministry's procedure requires one "
    "before a visit starts."
)
NO_CHECKLIST = gettext_noop("Choose the checklist for this visit first.")
BAD_YES_NO = gettext_noop("Answer yes, no or not applicable.")
BAD_NUMBER = gettext_noop("Enter a number (at most 12 digits).")
BAD_DATE = gettext_noop("Enter a date as YYYY-MM-DD.")
BAD_CHOICE = gettext_noop("Choose one of: %(choices)s.")
TOO_LONG = gettext_noop("Keep this under %(max)s characters.")
NOT_ON_CHECKLIST = gettext_noop("“%(code)s” is not a question of this checklist.")
MISSING_ANSWERS = gettext_noop("Answer every required question before submitting: %(questions)s.")
MISSING_PHOTO = gettext_noop("Add a photo for: %(questions)s.")
REFUSAL_NOTE = gettext_noop("Describe how entry was refused (who refused, when, what was said).")
FINDING_DESCRIPTION = gettext_noop("Describe the finding.")

YES, NO, NA = "yes", "no", "na"
MAX_TEXT = 5000
MAX_NUMBER = Decimal("1e12")


def _clean_value(question: ChecklistQuestion, raw: Any) -> Any:
    """Turn a submitted value into what is stored; ``None`` clears the answer."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    kind = question.kind
    if kind == ChecklistQuestion.Kind.YES_NO_NA:
        if text not in (YES, NO, NA):
            raise ValidationError(_(BAD_YES_NO))
        return text
    if kind == ChecklistQuestion.Kind.NUMBER:
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValidationError(_(BAD_NUMBER)) from None
        if not number.is_finite() or abs(number) > MAX_NUMBER:
            raise ValidationError(_(BAD_NUMBER))
        return str(int(number)) if number == number.to_integral() else str(number)
    if kind == ChecklistQuestion.Kind.DATE:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(_(BAD_DATE)) from None
    if kind == ChecklistQuestion.Kind.CHOICE:
        if text not in question.choices:
            raise ValidationError(_(BAD_CHOICE) % {"choices": ", ".join(question.choices)})
        return text
    if len(text) > MAX_TEXT:
        raise ValidationError(_(TOO_LONG) % {"max": MAX_TEXT})
    return text


def is_noncompliant(question: ChecklistQuestion, value: Any) -> bool:
    rule = question.noncompliant_value
    if not rule or value is None:
        return False
    if question.kind == ChecklistQuestion.Kind.NUMBER and rule[:1] in "<>":
        try:
            number, limit = Decimal(str(value)), Decimal(rule[1:])
        except InvalidOperation:
            return False
        return number < limit if rule[0] == "<" else number > limit
    return str(value) == rule


def finding_from_question(
    *, inspection: Inspection, answer: Answer | None, question: ChecklistQuestion
) -> Finding:
    """A finding for a non-compliant answer, carrying the question's provision and penalties."""
    return Finding.objects.create(
        inspection=inspection,
        answer=answer,
        question=question,
        provision=question.provision,
        description=question.text,
        severity=question.severity,
        corrective_measure=question.corrective_measure,
        penalty_min=question.penalty_min,
        penalty_max=question.penalty_max,
        child_labour=question.child_labour,
    )
