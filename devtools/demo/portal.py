"""The demo `employer` and `worker` logins get their portal profiles, so /portal/ shows something:
the employer represents one establishment and finds one requirement in the electronic inbox,
written in the ministry's language."""

from devtools.demo.texts import demo_text
from labourhub.accounts.models import User
from labourhub.portal.models import Notification, PortalAccount
from labourhub.portal.services.accounts import portal_account_attach, representation_add
from labourhub.portal.services.ebox import notification_serve
from labourhub.registry.models import Establishment


def portal_demo_seed() -> None:
    employer = User.objects.filter(username="employer").first()
    worker = User.objects.filter(username="worker").first()
    if employer is None or worker is None or PortalAccount.objects.filter(user=employer).exists():
        return
    portal_account_attach(user=worker, kind=PortalAccount.Kind.WORKER, actor=None)
    supervisor = User.objects.filter(username="supervisor").first()
    office = supervisor.office if supervisor is not None else None
    establishment = (
        Establishment.objects.filter(office=office, status=Establishment.Status.ACTIVE)
        .order_by("id")
        .first()
    )
    if establishment is None or supervisor is None:
        return
    portal_account_attach(
        user=employer,
        kind=PortalAccount.Kind.EMPLOYER,
        organisation=establishment.employer.legal_name,
        tax_number=establishment.employer.tax_id or "DEMO",
        actor=None,
    )
    representation_add(user=employer, establishment=establishment, actor=None)
    if not Notification.objects.filter(establishment=establishment).exists():
        notification_serve(
            establishment=establishment,
            kind="document_requirement",
            subject=demo_text("portal_subject"),
            body=demo_text("portal_body"),
            requested_documents=[demo_text("portal_payroll"), demo_text("portal_contracts")],
            reply_days=5,
            actor=supervisor,
        )
