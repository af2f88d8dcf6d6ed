"""One query function per source model: the rows the analytics count."""

from typing import Any

from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Left, TruncDate
from django.utils import timezone

from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.enforcement.models import ComplianceOrder, Fine, Payment
from labourhub.inspections.models import Finding, Inspection
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case as WorkflowCase
from labourhub.workflow.models import Deadline


def _days_between(end: Any, start: Any) -> Func:
    """Whole days from ``start`` to ``end`` (PostgreSQL ``date - date`` is an integer)."""
    return Func(
        Cast(end, DateField()),
        Cast(start, DateField()),
        template="(%(expressions)s)",
        arg_joiner=" - ",
        output_field=IntegerField(),
    )


def _inspection_day(prefix: str = "") -> Coalesce:
    # An inspection counts in the month it was submitted; before that, when it was scheduled.
    return Coalesce(
        TruncDate(f"{prefix}submitted_at"),
        F(f"{prefix}scheduled_for"),
        TruncDate(f"{prefix}created_at"),
        output_field=DateField(),
    )


# -- one query function per source model -------------------------------------------------------


def inspection_rows() -> QuerySet[Any]:
    return Inspection.objects.annotate(
        a_date=_inspection_day(),
        a_office=F("office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Coalesce(F("inspector_id"), Value(0)),
        a_changed=F("updated_at"),
        a_done=Q(status=Inspection.Status.COMPLETED),
        a_origin=F("origin"),
        a_est=F("establishment_id"),
        a_est_office=F("establishment__office_id"),
        a_wf=F("establishment__workers_female"),
        a_wm=F("establishment__workers_male"),
    )


def finding_rows() -> QuerySet[Any]:
    return Finding.objects.annotate(
        a_date=_inspection_day("inspection__"),
        a_office=F("inspection__office_id"),
        a_isic=F("inspection__establishment__isic_code"),
        a_inspector=Coalesce(F("inspection__inspector_id"), Value(0)),
        a_changed=Greatest("updated_at", "inspection__updated_at"),
        a_live=Q(withdrawn_by__isnull=True, inspection__status=Inspection.Status.COMPLETED),
        a_provision=Left("provision", 120),
        a_child=F("child_labour"),
        a_inspection=F("inspection_id"),
    )


def order_rows() -> QuerySet[Any]:
    due = (
        Deadline.objects.filter(case_id=OuterRef("case_id"), code="order_compliance")
        .values("case_id")
        .annotate(d=Max("due_on"))
        .values("d")
    )
    return ComplianceOrder.objects.annotate(
        a_date=TruncDate("verified_at"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        # order_verify() uses QuerySet.update(), which leaves updated_at alone.
        a_changed=Greatest("updated_at", "verified_at"),
        a_verified=Q(verified_at__isnull=False) & ~Q(result=ComplianceOrder.Result.PENDING),
        a_complied=Q(result=ComplianceOrder.Result.COMPLIED),
        a_due=Subquery(due, output_field=DateField()),
    )


def fine_rows() -> QuerySet[Any]:
    first_finding = (
        ComplianceOrder.objects.filter(case_id=OuterRef("case_id"), finding__isnull=False)
        .values("case_id")
        .annotate(m=Min("finding__created_at"))
        .values("m")
    )
    return Fine.objects.annotate(
        a_date=TruncDate("created_at"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_live=Q(annulled=False),
        a_amount=F("amount"),
        a_found=Subquery(first_finding),
    ).annotate(a_days=_days_between(F("created_at"), F("a_found")))


def payment_rows() -> QuerySet[Any]:
    return Payment.objects.annotate(
        a_date=F("paid_on"),
        a_office=F("fine__case__office_id"),
        a_isic=F("fine__establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_amount=F("amount"),
    )


def complaint_rows() -> QuerySet[Any]:
    return Complaint.objects.annotate(
        a_date=TruncDate("created_at"),
        a_office=F("case__office_id"),
        a_isic=Coalesce(F("establishment__isic_code"), Value(""), output_field=CharField()),
        a_inspector=Value(0),
        a_changed=Greatest("updated_at", "case__updated_at"),
        a_channel=F("channel"),
        a_closed=F("case__closed_at"),
    )


def complaint_closed_rows() -> QuerySet[Any]:
    rows: QuerySet[Any] = complaint_rows().annotate(
        a_date=TruncDate("case__closed_at"),
        a_days=_days_between(F("case__closed_at"), F("created_at")),
    )
    return rows


def accident_rows() -> QuerySet[Any]:
    return AccidentNotification.objects.annotate(
        a_date=F("occurred_on"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_accident=Q(kind=AccidentNotification.Kind.ACCIDENT),
        a_disease=Q(kind=AccidentNotification.Kind.DISEASE),
        a_fatal_kind=Q(severity=AccidentNotification.Severity.FATAL),
        a_deaths=F("fatalities"),
        a_vf=F("victims_female"),
        a_vm=F("victims_male"),
    )


def establishment_rows() -> QuerySet[Any]:
    return Establishment.objects.filter(status=Establishment.Status.ACTIVE).annotate(
        a_date=F("created_at"),
        a_office=F("office_id"),
        a_isic=F("isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_wf=F("workers_female"),
        a_wm=F("workers_male"),
    )


AGE_BUCKETS = ((30, "0-30"), (90, "31-90"), (180, "91-180"), (365, "181-365"))


def open_case_rows() -> QuerySet[Any]:
    today = timezone.localdate()
    age = _days_between(Value(today), F("created_at"))
    bucket = Case(
        *[When(a_age__lte=limit, then=Value(label)) for limit, label in AGE_BUCKETS],
        default=Value(">365"),
        output_field=CharField(),
    )
    return (
        WorkflowCase.objects.filter(closed_at__isnull=True)
        .annotate(
            a_date=TruncDate("created_at"),
            a_office=F("office_id"),
            a_isic=Coalesce(F("establishment__isic_code"), Value(""), output_field=CharField()),
            a_inspector=Coalesce(F("assigned_to_id"), Value(0)),
            a_changed=F("updated_at"),
            a_age=age,
            a_procedure=F("procedure"),
        )
        .annotate(a_bucket=bucket)
    )
