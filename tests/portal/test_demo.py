"""The demo employer finds an establishment and a requirement in the inbox."""

from devtools.demo.portal import portal_demo_seed
from labourhub.accounts.roles import Role
from labourhub.portal.models import PortalAccount
from labourhub.portal.selectors import establishment_list_represented, inbox_for_user


def test_demo_employer_and_worker_get_their_portal(portal, user_with_role, client_for, ministry):
    employer = user_with_role(Role.EMPLOYER, username="employer")
    user_with_role(Role.WORKER, username="worker")
    user_with_role(Role.SUPERVISOR, username="supervisor", office=portal.district)
    portal_demo_seed()
    portal_demo_seed()  # idempotent
    assert PortalAccount.objects.get(user=employer).status == PortalAccount.Status.VERIFIED
    assert establishment_list_represented(user=employer).count() == 1
    assert inbox_for_user(user=employer).count() == 1
    # In the ministry's language (the test ministry speaks Spanish), as its staff wrote it.
    notification = inbox_for_user(user=employer).get()
    assert notification.subject == "Inspección remota: planillas y contratos"
    assert "Contratos de trabajo" in notification.requested_documents
    client = client_for(ministry)
    client.force_login(employer)
    assert client.get("/portal/inbox/").status_code == 200
