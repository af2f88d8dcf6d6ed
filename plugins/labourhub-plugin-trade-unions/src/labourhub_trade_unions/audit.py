"""The audit event kinds this plugin records, declared to the core's audit trail."""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import audit_action_register

UNION_FILED = audit_action_register(code="trade_union.filed", label=_("Trade union filed"))
UNION_REVIEWED = audit_action_register(code="trade_union.reviewed", label=_("Trade union reviewed"))
UNION_REGISTERED = audit_action_register(
    code="trade_union.registered", label=_("Trade union registered")
)
UNION_REFUSED = audit_action_register(
    code="trade_union.refused", label=_("Trade union registration refused")
)
