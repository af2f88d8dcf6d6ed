from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail

from labourhub.accounts.models import Office
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.portal.models import PortalAccount
from labourhub.portal.services.accounts import (
    portal_account_decide,
    portal_email_confirm,
    portal_signup,
    representation_add,
)
from labourhub.registry.services import employer_create, establishment_create

PASSWORD = "Strong-Portal-Pass-2026"
LINK_BASE = "http://test.localhost/portal/verify-email/"


def minimal_pdf(text: str = "payroll") -> bytes:
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + f"% {text}\n".encode()
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return body


def token_from_outbox() -> str:
    body = mail.outbox[-1].body
    start = body.index(LINK_BASE) + len(LINK_BASE)
    return body[start:].split("/", 1)[0]


def signup(kind: str, username: str, **extra: Any) -> PortalAccount:
    data = {
        "kind": kind,
        "username": username,
        "email": f"{username}@example.org",
        "password": PASSWORD,
        "first_name": "Ana",
        "last_name": username.title(),
        "link_base": LINK_BASE,
    }
    if kind == "employer":
        data.update(organisation=f"{username} SA", tax_number=f"RTN-{username}")
    data.update(extra)
    return portal_signup(**data)


@dataclass
class Portal:
    district: Office
    other_district: Office
    est_a: Any
    est_b: Any
    est_far: Any
    clerk: Any
    supervisor: Any
    inspector: Any
    far_inspector: Any
    employer_a: Any
    employer_b: Any
    worker: Any


def verified_employer(username: str, clerk: Any, establishment: Any, capture: Any) -> Any:
    with capture(execute=True):
        account = signup("employer", username)
    portal_email_confirm(token=token_from_outbox())
    portal_account_decide(account=account, accept=True, note="", actor=clerk)
    representation_add(user=account.user, establishment=establishment, actor=clerk)
    return account.user


@pytest.fixture
def portal(in_ministry, user_with_role, django_capture_on_commit_callbacks) -> Portal:
    region = office_create(code="P-REG", name="Region", level="region", actor=None)
    district = office_create(
        code="P-DIS", name="District", level="district", parent=region, actor=None
    )
    other_region = office_create(code="P-REG2", name="Far region", level="region", actor=None)
    other = office_create(
        code="P-DIS2", name="Far district", level="district", parent=other_region, actor=None
    )
    employer = employer_create(legal_name="Textiles SA", tax_id="P-1", actor=None)
    other_employer = employer_create(legal_name="Cafés SA", tax_id="P-2", actor=None)

    def est(name: str, office: Office, owner: Any) -> Any:
        return establishment_create(
            employer=owner, name=name, office=office, isic_code="1410", actor=None
        )

    est_a = est("Textiles planta 1", district, employer)
    est_b = est("Cafés centro", district, other_employer)
    est_far = est("Textiles planta lejana", other, employer)
    clerk = user_with_role(Role.CLERK, username="pclerk", office=district)
    supervisor = user_with_role(Role.SUPERVISOR, username="psupervisor", office=district)
    inspector = user_with_role(Role.INSPECTOR, username="pinspector", office=district)
    far_inspector = user_with_role(Role.INSPECTOR, username="pfar", office=other)
    capture = django_capture_on_commit_callbacks
    employer_a = verified_employer("empa", clerk, est_a, capture)
    employer_b = verified_employer("empb", clerk, est_b, capture)
    with capture(execute=True):
        worker_account = signup("worker", "wrk")
    portal_email_confirm(token=token_from_outbox())
    return Portal(
        district=district,
        other_district=other,
        est_a=est_a,
        est_b=est_b,
        est_far=est_far,
        clerk=clerk,
        supervisor=supervisor,
        inspector=inspector,
        far_inspector=far_inspector,
        employer_a=employer_a,
        employer_b=employer_b,
        worker=worker_account.user,
    )
