"""The portal over HTTP: boundary with the staff app, sign-up by link, inbox pages, page weight."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from labourhub.portal.models import AnswerDocument, PortalAccount, Receipt
from labourhub.portal.services.ebox import notification_serve
from tests.portal.conftest import PASSWORD, minimal_pdf


def _serve(portal, establishment=None):
    return notification_serve(
        establishment=establishment or portal.est_a,
        kind="document_requirement",
        subject="Produce the payroll",
        body="Upload the payroll.",
        requested_documents=["Payroll"],
        reply_days=5,
        actor=portal.supervisor,
    )


def _portal_routes():
    def walk(resolver, prefix):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern)

    routes = set()
    for route in walk(get_resolver("labourhub.config.urls_tenant"), ""):
        if not route.startswith("portal/"):
            continue
        path = re.sub(r"<int:[^>]+>", "{id}", route)
        path = re.sub(r"<(?:str|slug):[^>]+>", "x", path)
        if "<" not in path:
            routes.add("/" + path)
    return sorted(routes)


PUBLIC_PAGES = {
    "/portal/",
    "/portal/login/",
    "/portal/signup/",
    "/portal/signup/sent/",
    "/portal/password-reset/",
    "/portal/password-reset/sent/",
    "/portal/password-reset/done/",
    "/portal/complaints/",
    "/portal/complaints/track/",
}


def test_employer_and_worker_never_reach_the_staff_app_or_api(
    portal, client_for, ministry, api_client_for
):
    for user in (portal.employer_a, portal.worker):
        client = client_for(ministry)
        client.force_login(user)
        for path in ("/app/", "/app/cases/", "/app/establishments/", "/app/portal/accounts/"):
            response = client.get(path)
            assert response.status_code == 302 and response["Location"] == "/portal/", path
        assert client.get("/api/v1/establishments/").status_code == 403
        assert client.get("/portal/").status_code == 200
    token_client = api_client_for(ministry, portal.employer_a)
    from tests.test_isolation_sweep import _staff_paths

    opened = [p for p in _staff_paths("/api/v1/") if token_client.get(p).status_code == 200]
    assert opened == []


def test_portal_sign_in_sends_portal_roles_to_the_portal_and_staff_to_the_app(
    portal, client_for, ministry
):
    client = client_for(ministry)
    response = client.post("/portal/login/", {"username": "empa", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/portal/"
    # The staff sign-in page sends an employer on to the portal too.
    client = client_for(ministry)
    client.post("/app/login/", {"username": "empa", "password": PASSWORD})
    assert client.get("/app/")["Location"] == "/portal/"


def test_web_sign_up_confirm_and_password_reset(
    portal, client_for, ministry, django_capture_on_commit_callbacks
):
    client = client_for(ministry)
    data = {
        "kind": "employer",
        "first_name": "Rosa",
        "last_name": "Pineda",
        "email": "rosa@example.org",
        "username": "rosa",
        "password": "Lempira-Cafe-2026",
        "password_again": "Lempira-Cafe-2026",
        "organisation": "Café Lempira SA",
        "tax_number": "0801-1999",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/signup/", data)
    assert response.status_code == 302
    link = re.search(r"http://[^\s]+/portal/verify-email/[^\s]+/", mail.outbox[-1].body).group(0)
    page = client.get(link[link.index("/portal/") :])
    assert page.status_code == 200
    assert PortalAccount.objects.get(user__username="rosa").status == "review_pending"
    assert client.get("/portal/verify-email/forged-token/").status_code == 400
    client.post("/portal/password-reset/", {"email": "rosa@example.org"})
    reset = re.search(r"/portal/password-reset/[^\s]+/[^\s]+/", mail.outbox[-1].body).group(0)
    form = client.get(reset, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Another-Strong-2026x", "new_password2": "Another-Strong-2026x"},
    )
    assert done.status_code == 302
    signed_in = client_for(ministry).post(
        "/portal/login/", {"username": "rosa", "password": "Another-Strong-2026x"}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/portal/"


def test_hostile_sign_up_form_shows_errors_in_spanish_and_saves_nothing(
    portal, client_for, ministry
):
    client = client_for(ministry)
    client.cookies["django_language"] = "es"
    response = client.post(
        "/portal/signup/",
        {
            "kind": "employer",
            "first_name": "<script>alert(1)</script>",
            "last_name": "x",
            "email": "x@example.org",
            "username": "../../admin",
            "password": "123",
            "password_again": "124",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "Las dos contraseñas son distintas" in body
    assert not PortalAccount.objects.filter(user__email="x@example.org").exists()


def test_inbox_flow_over_http_with_receipt_shown_to_the_inspector(portal, client_for, ministry):
    notification = _serve(portal)
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    inbox = employer.get("/portal/inbox/")
    assert b"Produce the payroll" in inbox.content
    page = employer.get(f"/portal/inbox/{notification.pk}/")
    assert page.status_code == 200
    receipt = Receipt.objects.get(notification=notification)
    assert receipt.opened_by == portal.employer_a
    answer = employer.post(
        f"/portal/inbox/{notification.pk}/",
        {"note": "Attached", "files": [SimpleUploadedFile("planilla.pdf", minimal_pdf())]},
    )
    assert answer.status_code == 302
    assert AnswerDocument.objects.filter(answer__notification=notification).count() == 1
    bad = employer.post(
        f"/portal/inbox/{notification.pk}/",
        {"files": [SimpleUploadedFile("virus.pdf", b"MZ" + b"\x00" * 64)]},
    )
    assert bad.status_code == 200 and "program" in bad.content.decode()
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    detail = staff.get(f"/app/portal/notifications/{notification.pk}/")
    assert detail.status_code == 200
    assert "empa" in detail.content.decode()
    document = AnswerDocument.objects.get(answer__notification=notification)
    download = staff.get(f"/app/portal/documents/{document.pk}/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")


def test_employer_b_reaches_nothing_of_employer_a(portal, client_for, ministry):
    notification = _serve(portal)
    other = client_for(ministry)
    other.force_login(portal.employer_b)
    assert other.get(f"/portal/inbox/{notification.pk}/").status_code == 404
    assert b"Produce the payroll" not in other.get("/portal/inbox/").content
    posted = other.post(
        f"/portal/inbox/{notification.pk}/",
        {"files": [SimpleUploadedFile("p.pdf", minimal_pdf())]},
    )
    assert posted.status_code == 404
    assert not Receipt.objects.filter(notification=notification).exists()
    # Workers have no inbox nor establishments.
    worker = client_for(ministry)
    worker.force_login(portal.worker)
    assert worker.get("/portal/inbox/").status_code == 403
    assert worker.get(f"/portal/inbox/{notification.pk}/").status_code == 403


def test_staff_of_another_office_cannot_see_or_serve(portal, client_for, ministry):
    notification = _serve(portal)
    far = client_for(ministry)
    far.force_login(portal.far_inspector)
    assert far.get(f"/app/portal/notifications/{notification.pk}/").status_code == 404
    page = far.get(f"/app/portal/establishments/{portal.est_a.pk}/inbox/")
    assert b"Produce the payroll" not in page.content
    posted = far.post(
        f"/app/portal/establishments/{portal.est_a.pk}/inbox/",
        {"kind": "sanction", "subject": "x", "body": "y", "reply_days": 0},
    )
    assert posted.status_code == 403


@pytest.mark.multi_tenant
def test_every_portal_route_refuses_another_ministrys_account(
    portal, client_for, ministry, second_ministry
):
    notification = _serve(portal)
    mine = client_for(ministry)
    mine.force_login(portal.employer_a)
    other = client_for(second_ministry)
    other.cookies["sessionid"] = mine.cookies["sessionid"].value
    routes = _portal_routes()
    assert "/portal/inbox/{id}/" in routes and len(routes) >= 14
    leaks = []
    for route in routes:
        path = route.replace("{id}", str(notification.pk))
        response = other.get(path)
        if path in PUBLIC_PAGES:
            continue  # anyone may read these; they show nothing of an account
        if "verify-email" in path or "password-reset/x" in path:
            continue
        signed_out = response.status_code == 302 and "/login/" in response["Location"]
        if not (signed_out or response.status_code == 404):
            leaks.append((path, response.status_code))
    assert leaks == []
    # The same session on its own ministry does open the private pages: the check can fail.
    assert mine.get(f"/portal/inbox/{notification.pk}/").status_code == 200


def _stylesheets_gzipped(html: bytes) -> int:
    """The gzipped size of the stylesheets a page links (the static storage serves them
    compressed), read from the apps' static folders."""
    from django.conf import settings

    total = 0
    hrefs = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    assert hrefs, "the page links no stylesheet"
    for href in hrefs:
        name = href.decode().removeprefix(settings.STATIC_URL)
        path = finders.find(name)
        assert path is not None, name
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    return total


def test_first_page_weighs_under_100_kb(portal, client_for, ministry):
    # The portal shares the staff app's GOV.UK stylesheets and runs no script at all; what a
    # phone downloads (compressed HTML and CSS) stays under 100 KB.
    response = client_for(ministry).get("/portal/")
    html = response.content
    assert b"<script" not in html
    assert b"govuk-frontend" in html and b"portal.css" not in html
    weight = len(gzip.compress(html)) + _stylesheets_gzipped(html)
    assert weight < 100 * 1024
    assert b"/portal/complaints/" in html
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    signed_in = employer.get("/portal/").content
    signed_in_weight = len(gzip.compress(signed_in)) + _stylesheets_gzipped(signed_in)
    assert b"<script" not in signed_in and signed_in_weight < 100 * 1024
    print(
        f"portal first page: {weight} bytes anonymous, {signed_in_weight} bytes signed in "
        "(gzipped HTML + CSS, no scripts or images)"
    )


def test_clerk_verification_queue_and_representatives_over_http(
    portal, client_for, ministry, django_capture_on_commit_callbacks
):
    from labourhub.portal.services.accounts import portal_email_confirm
    from tests.portal.conftest import signup, token_from_outbox

    with django_capture_on_commit_callbacks(execute=True):
        account = signup("employer", "queued")
    portal_email_confirm(token=token_from_outbox())
    clerk = client_for(ministry)
    clerk.force_login(portal.clerk)
    queue = clerk.get("/app/portal/accounts/")
    assert b"queued SA" in queue.content
    refused = clerk.post(f"/app/portal/accounts/{account.pk}/", {"decision": "reject", "note": ""})
    assert refused.status_code == 200
    accepted = clerk.post(f"/app/portal/accounts/{account.pk}/", {"decision": "accept"})
    assert accepted.status_code == 302
    added = clerk.post(
        f"/app/portal/establishments/{portal.est_a.pk}/representatives/", {"username": "queued"}
    )
    assert added.status_code == 302
    page = clerk.get(f"/app/portal/establishments/{portal.est_a.pk}/representatives/")
    assert b"queued" in page.content
    inspector = client_for(ministry)
    inspector.force_login(portal.inspector)
    assert inspector.get("/app/portal/accounts/").status_code == 403


def test_hostile_serve_form_is_refused_in_spanish_and_nothing_served(portal, client_for, ministry):
    from labourhub.portal.models import Notification

    staff = client_for(ministry)
    staff.cookies["django_language"] = "es"
    staff.force_login(portal.supervisor)
    response = staff.post(
        f"/app/portal/establishments/{portal.est_a.pk}/inbox/",
        {
            "kind": "document_requirement",
            "subject": "<img src=x onerror=alert(1)>",
            "body": "x",
            "requested_documents": "Planilla",
            "reply_days": "0",
            "inspection": "NO-SUCH-REF",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ninguna inspección tiene esta referencia." in body
    assert "<img src=x" not in body
    assert not Notification.objects.exists()
    response = staff.post(
        f"/app/portal/establishments/{portal.est_a.pk}/inbox/",
        {"kind": "document_requirement", "subject": "S", "body": "x",
         "requested_documents": "Planilla", "reply_days": "0"},
    )  # fmt: skip
    assert "El plazo para responder debe estar entre 1 y 60 días hábiles." in (
        response.content.decode()
    )
    assert not Notification.objects.exists()
