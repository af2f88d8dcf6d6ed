import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet

from labourhub.accounts.models import User
from labourhub.audit.events import AuditAction
from labourhub.interop.models import Delivery, PartnerClient, WebhookSubscription
from labourhub.interop.scopes import event_scope
from labourhub.registry.models import Establishment
from labourhub.workflow.display import ProcedureWords
from labourhub.workflow.selectors import case_list, traffic_light

# An employer with more workplaces than this is answered in part; SOAP lookups are not listings.
SOAP_MAX_ROWS = 200


def partner_client_list() -> QuerySet[PartnerClient]:
    return PartnerClient.objects.select_related("application").annotate(
        dead=Count("subscriptions__deliveries", filter=Q(subscriptions__deliveries__status="dead"))
    )


def partner_client_get(*, partner_id: int) -> PartnerClient:
    return PartnerClient.objects.select_related("application").get(pk=partner_id)


def event_types_for(*, partner: PartnerClient) -> list[tuple[str, str]]:
    """Kinds of event ``partner`` may subscribe to: those its scopes cover, as (code, label)."""
    return [
        (a.value, str(a.label))
        for a in AuditAction
        if (scope := event_scope(a.value)) is not None and scope in partner.allowed_scopes
    ]


def subscription_list(*, partner: PartnerClient) -> QuerySet[WebhookSubscription]:
    return partner.subscriptions.all()


def delivery_list(*, partner: PartnerClient, status: str = "") -> QuerySet[Delivery]:
    deliveries = Delivery.objects.filter(subscription__partner=partner).select_related(
        "event", "subscription"
    )
    return deliveries.filter(status=status) if status else deliveries


def partner_request_count(*, partner: PartnerClient) -> int:
    return partner.requests.count()


def soap_case_by_reference(*, user: User, reference: str, today: dt.date) -> dict[str, Any] | None:
    """The status of the case ``reference`` as ``user`` (a partner's service account) sees it."""
    case = (
        case_list(user=user, filters={"open": False}, today=today)
        .filter(reference=reference)
        .first()
    )
    if case is None:
        return None
    words = ProcedureWords()
    return {
        "reference": case.reference,
        "procedure": case.procedure,
        "procedure_label": words.procedure_text(case.procedure),
        "state": case.state,
        "state_label": words.state_text(case.procedure, case.state),
        "opened_at": case.created_at,
        "closed_at": case.closed_at,
        "next_due_on": case.next_due_on,
        "light": traffic_light(
            next_due_on=case.next_due_on, next_warn_on=case.next_warn_on, today=today
        ),
    }


def _establishment_rows(qs: QuerySet[Establishment]) -> list[dict[str, Any]]:
    return [
        {
            "registration_number": e.registration_number,
            "name": e.name,
            "employer_name": e.employer.legal_name,
            "tax_id": e.employer.tax_id,
            "address": e.address,
            "locality": e.locality,
            "isic_code": e.isic_code,
            "size_band": e.size_band,
            "status": e.status,
            "status_label": str(e.get_status_display()),
            "last_inspected_on": e.last_inspected_on,
        }
        for e in qs.select_related("employer").order_by("registration_number")[:SOAP_MAX_ROWS]
    ]


def soap_establishments_by_registration(*, registration_number: str) -> list[dict[str, Any]]:
    return _establishment_rows(
        Establishment.objects.filter(registration_number=registration_number)
    )


def soap_establishments_by_tax_id(*, tax_id: str) -> list[dict[str, Any]]:
    """Every establishment of the employer with ``tax_id`` (an employer may have several)."""
    return _establishment_rows(Establishment.objects.filter(employer__tax_id=tax_id))
