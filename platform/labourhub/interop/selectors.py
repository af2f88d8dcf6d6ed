from django.db.models import Count, Q, QuerySet

from labourhub.audit.events import AuditAction
from labourhub.interop.models import Delivery, PartnerClient, WebhookSubscription
from labourhub.interop.scopes import event_scope


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
