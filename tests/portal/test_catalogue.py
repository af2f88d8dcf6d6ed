"""The portal's own Spanish and French catalogues are complete (no English left)."""

import pytest
from django.utils import translation

from labourhub.portal import events
from tests.test_catalogues import ROOT, parse_po


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_portal_entry_is_translated(language):
    path = ROOT / "platform/labourhub/portal/locale" / language / "LC_MESSAGES/django.po"
    entries = [e for e in parse_po(path) if e.msgid]
    assert len(entries) > 200
    assert [e.msgid for e in entries if not e.msgstr or not all(e.msgstr.values())] == []


def test_audit_labels_and_errors_read_in_spanish():
    with translation.override("es"):
        assert str(events.NOTIFICATION_OPENED.label) == "Notificación abierta (constancia legal)"
        assert translation.gettext("Check and verify employer portal accounts").startswith(
            "Verificar"
        )
