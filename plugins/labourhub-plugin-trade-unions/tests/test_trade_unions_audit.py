"""The plugin's audit event kinds are declared to the core and read in the ministry's language."""

from django.utils import translation
from labourhub_trade_unions import audit

from labourhub.audit.events import audit_action_label

ACTIONS = [audit.UNION_FILED, audit.UNION_REVIEWED, audit.UNION_REGISTERED, audit.UNION_REFUSED]


def test_every_plugin_action_is_registered_and_translated():
    for action in ACTIONS:
        english = audit_action_label(action.code)
        assert english == str(action.label) and english != action.code
        for language in ("es", "fr"):
            with translation.override(language):
                assert audit_action_label(action.code) != english, (action.code, language)
