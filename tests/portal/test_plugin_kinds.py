"""Plugins add inbox document kinds, only in the ministries that enabled them."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from labourhub.extensions import hookimpl
from labourhub.extensions.types import InboxDocumentKind
from labourhub.portal.kinds import inbox_kinds
from labourhub.portal.services.ebox import notification_serve
from tests.extensions.effects import effect_of


class Kinds:
    @hookimpl
    def register_inbox_document_kinds(self, tenant: Any) -> list[InboxDocumentKind]:
        return [
            InboxDocumentKind("xx_hearing_record", "Record of the hearing (plugin)"),
            InboxDocumentKind("sanction", "A plugin cannot rename a core kind"),
        ]


def _serve(portal, kind):
    return notification_serve(
        establishment=portal.est_a, kind=kind, subject="Acta", body="Adjuntamos el acta.",
        actor=portal.supervisor,
    )  # fmt: skip


@effect_of("register_inbox_document_kinds")
def test_a_plugin_kind_can_be_served_where_enabled(
    portal, ministry, register_temporary_plugin, client_for
):
    with pytest.raises(ValidationError):
        _serve(portal, "xx_hearing_record")
    register_temporary_plugin(Kinds(), slug="xx-inbox", active_for=(ministry,))
    assert str(inbox_kinds()["sanction"]) != "A plugin cannot rename a core kind"
    notification = _serve(portal, "xx_hearing_record")
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    assert "Record of the hearing (plugin)" in employer.get("/portal/inbox/").content.decode()
    assert notification.kind == "xx_hearing_record"
