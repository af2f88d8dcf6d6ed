"""A document template a plugin declares is listed, edited and issued like a core letter."""

import re

import pytest

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.models import Document
from labourhub.documents.services import document_issue, document_pdf_bytes
from labourhub.extensions import hookimpl
from labourhub.extensions.types import DocumentTemplate
from tests.extensions.effects import effect_of

from .conftest import pdf_text

PERMIT = DocumentTemplate(
    code="lc_work_permit",
    label="Work permit",
    prefix="WP",
    texts={
        "en": ("Work permit", "<p>{{ ministry.name }} grants a work permit.</p>"),
        "es": ("Permiso de trabajo", "<p>{{ ministry.name }} concede un permiso.</p>"),
    },
)


class PermitTemplates:
    @hookimpl
    def register_document_templates(self, tenant):
        return [PERMIT]


@effect_of("register_document_templates")
def test_a_plugin_template_is_listed_and_issues_numbered_pdfs(
    ministry, in_ministry, register_temporary_plugin, inspector, admin, client_for
):
    register_temporary_plugin(PermitTemplates(), slug="lc-permit-docs", active_for=(ministry,))
    client = client_for(ministry)
    client.force_login(admin)
    listing = client.get("/app/documents/templates/")
    assert listing.status_code == 200
    assert "Work permit" in listing.content.decode()

    first = document_issue(kind="lc_work_permit", officer=inspector, actor=inspector)
    second = document_issue(kind="lc_work_permit", officer=inspector, actor=inspector)
    assert re.fullmatch(r"WP-\d{4}-000001", first.number)
    assert re.fullmatch(r"WP-\d{4}-000002", second.number)
    assert "Test Ministry of Labour" in pdf_text(document_pdf_bytes(document=first))
    assert AuditEvent.objects.filter(action="document.issued", subject_id=str(first.pk)).exists()
    assert Document.objects.filter(kind="lc_work_permit").count() == 2


def test_a_plugin_template_is_unknown_where_the_plugin_is_not_active(
    second_ministry, in_second_ministry, register_temporary_plugin
):
    register_temporary_plugin(PermitTemplates(), slug="lc-permit-docs", active_for=())
    with pytest.raises(ApplicationError):
        document_issue(kind="lc_work_permit", officer=None, actor=None)
