"""Sign-up, e-mail confirmation, the clerk's check and representation links."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from labourhub.accounts.models import User
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.portal.models import AccountEvidence, PortalAccount, Representation
from labourhub.portal.selectors import establishment_list_represented
from labourhub.portal.services.accounts import (
    LINK_INVALID,
    portal_account_decide,
    portal_email_confirm,
    portal_evidence_add,
    representation_add,
    representation_remove,
)
from tests.portal.conftest import minimal_pdf, signup, token_from_outbox


def test_employer_signs_up_confirms_and_is_verified_by_a_clerk(
    portal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        account = signup("employer", "newco")
    assert account.status == PortalAccount.Status.EMAIL_PENDING
    assert mail.outbox[-1].to == ["newco@example.org"]
    confirmed = portal_email_confirm(token=token_from_outbox())
    assert confirmed.status == PortalAccount.Status.REVIEW_PENDING
    # Nothing to act for before the ministry's check.
    assert not establishment_list_represented(user=account.user).exists()
    evidence = SimpleUploadedFile("poder.pdf", minimal_pdf("power of attorney"))
    assert portal_evidence_add(account=account, files=[evidence], actor=account.user) == 1
    stored = AccountEvidence.objects.get(account=account)
    assert len(stored.sha256) == 64 and default_storage.exists(stored.storage_key)
    decided = portal_account_decide(account=account, accept=True, note="RTN ok", actor=portal.clerk)
    assert decided.status == PortalAccount.Status.VERIFIED
    representation_add(user=account.user, establishment=portal.est_a, actor=portal.clerk)
    assert list(establishment_list_represented(user=account.user)) == [portal.est_a]
    trail = list(
        AuditEvent.objects.filter(subject_type="portal.portalaccount", subject_id=str(account.pk))
        .order_by("id")
        .values_list("action", "actor_id")
    )
    assert trail == [
        ("portal_account.signed_up", account.user.pk),
        ("portal_account.email_verified", account.user.pk),
        ("portal_account.evidence_added", account.user.pk),
        ("portal_account.verified", portal.clerk.pk),
    ]


def test_worker_is_ready_after_confirming_the_email(portal):
    assert PortalAccount.objects.get(user=portal.worker).status == PortalAccount.Status.VERIFIED


@pytest.mark.parametrize(
    ("password", "fragment"),
    [("short1A", "too short"), ("1234567890123", "entirely numeric"), ("password123", "common")],
)
def test_weak_passwords_are_refused_and_nothing_is_saved(portal, password, fragment):
    with pytest.raises(ValidationError) as exc:
        signup("employer", "weakco", password=password)
    assert fragment in " ".join(exc.value.message_dict["password"])
    assert not User.objects.filter(username="weakco").exists()
    assert not PortalAccount.objects.filter(organisation="weakco SA").exists()


def test_hostile_signup_input_is_refused_in_spanish(portal):
    with translation.override("es"), pytest.raises(ValidationError) as exc:
        signup(
            "employer",
            "hostile",
            email="not-an-email<script>",
            organisation="  ",
            tax_number="",
            first_name="",
        )
    errors = exc.value.message_dict
    assert set(errors) >= {"email", "organisation", "tax_number", "first_name"}
    assert "correo" in errors["email"][0].lower()
    assert not User.objects.filter(username="hostile").exists()


def test_the_same_email_cannot_sign_up_twice(portal):
    with pytest.raises(ValidationError) as exc:
        signup("worker", "again", email="EMPA@example.org")
    assert "email" in exc.value.message_dict


def test_a_forged_or_tampered_link_is_refused(portal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup("worker", "tamper")
    token = token_from_outbox()
    for bad in (token[:-2] + "xx", "garbage", ""):
        with pytest.raises(ApplicationError) as exc:
            portal_email_confirm(token=bad)
        assert exc.value.message == LINK_INVALID


def test_hostile_evidence_uploads_leave_nothing_behind(portal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        account = signup("employer", "evil")
    portal_email_confirm(token=token_from_outbox())
    good = SimpleUploadedFile("ok.pdf", minimal_pdf())
    exe = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(ValidationError):
        portal_evidence_add(account=account, files=[good, exe], actor=account.user)
    assert not AccountEvidence.objects.filter(account=account).exists()
    with pytest.raises(PermissionDenied):
        portal_evidence_add(account=account, files=[good], actor=portal.employer_b)


def test_only_verified_employers_can_be_linked_and_links_can_be_ended(portal):
    with pytest.raises(ApplicationError):
        representation_add(user=portal.worker, establishment=portal.est_a, actor=portal.clerk)
    with pytest.raises(ApplicationError):
        representation_add(user=portal.employer_a, establishment=portal.est_a, actor=portal.clerk)
    # Several representatives per establishment, several establishments per person.
    representation_add(user=portal.employer_b, establishment=portal.est_a, actor=portal.clerk)
    assert set(establishment_list_represented(user=portal.employer_b)) == {
        portal.est_a,
        portal.est_b,
    }
    link = Representation.objects.get(user=portal.employer_b, establishment=portal.est_a)
    representation_remove(link=link, actor=portal.clerk)
    assert list(establishment_list_represented(user=portal.employer_b)) == [portal.est_b]
    # Staff of another office cannot link anyone to an establishment outside their office.
    with pytest.raises(PermissionDenied):
        representation_add(
            user=portal.employer_b, establishment=portal.est_a, actor=portal.far_inspector
        )


def test_a_refusal_needs_a_reason(portal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        account = signup("employer", "refused")
    portal_email_confirm(token=token_from_outbox())
    with pytest.raises(ValidationError):
        portal_account_decide(account=account, accept=False, note=" ", actor=portal.clerk)
    refused = portal_account_decide(
        account=account, accept=False, note="No proof", actor=portal.clerk
    )
    assert refused.status == PortalAccount.Status.REJECTED
