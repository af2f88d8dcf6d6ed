from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import MenuItem

__all__ = ["MenuItem", "core_menu", "menu_for"]


# (label, URL name or None, suffix or literal path, action). Names that the current URLconf does
# not have (tenant-only pages on the platform's public host) are left out of the menu.
CORE_ITEMS: list[tuple[str | Promise, str | None, str, Action]] = [
    (_("Dashboard"), "web:home", "", Action.DASHBOARD_VIEW),
    (_("Console"), "console:home", "", Action.PLATFORM_MANAGE),
    (_("Establishments"), "registry:list", "", Action.ESTABLISHMENT_VIEW),
    (_("Imports"), "registry:imports", "", Action.ESTABLISHMENT_IMPORT),
    (_("Users"), "web:user-list", "", Action.USER_MANAGE),
    (_("Partner systems"), "interop:partner-list", "", Action.USER_MANAGE),
    (_("Connectors"), "connectors:source-list", "", Action.USER_MANAGE),
    (_("Safety alerts"), "inspections:alert-routing", "", Action.USER_MANAGE),
    (_("Audit trail"), "web:audit-list", "", Action.AUDIT_VIEW),
    (_("Offline inspections"), "offline:settings", "", Action.CALENDAR_MANAGE),
    (_("Plugins"), "extensions-ministry-plugins", "", Action.PLUGIN_MANAGE),
    (_("Documents"), "documents:list", "", Action.DOCUMENT_VIEW),
    (_("My inspections"), "inspections:mine", "", Action.CASE_VIEW),
    (_("Inspections"), "inspections:list", "", Action.CASE_VIEW),
    (_("Cases"), "workflow:case-list", "", Action.CASE_VIEW),
    (_("Overdue"), "workflow:overdue", "", Action.CASE_SUPERVISE),
    (_("Complaints"), "complaints:list", "", Action.CASE_VIEW),
    (_("Portal accounts"), "portal-staff:account-queue", "", Action.PORTAL_ACCOUNT_VERIFY),
    (
        _("Establishment submissions"),
        "portal-staff:submission-queue",
        "",
        Action.PORTAL_ACCOUNT_VERIFY,
    ),
    (_("Indicators"), "analytics:dashboard", "", Action.DASHBOARD_VIEW),
    (_("Reports"), "analytics:reports", "", Action.REPORT_VIEW),
    (_("Risk ranking"), "targeting:ranking", "", Action.RISK_VIEW),
    (_("LMI data uploads"), "lmi:contribute", "", Action.LMI_CONTRIBUTE),
    (_("LMI data vetting"), "lmi:contribute", "#datasets", Action.LMI_VET),
    (_("API"), "v1:docs", "", Action.DASHBOARD_VIEW),
]


def core_menu() -> list[MenuItem]:
    items = []
    for label, name, suffix, action in CORE_ITEMS:
        if name is None:
            items.append(MenuItem(label, suffix, action))
            continue
        try:
            items.append(MenuItem(label, reverse(name) + suffix, action))
        except NoReverseMatch:
            continue
    return items


def menu_for(*, user: User) -> list[MenuItem]:
    """Core items plus those of the plugins enabled for the current ministry."""
    items = core_menu() + flatten(
        current_hooks().register_menu_items(tenant=getattr(connection, "tenant", None), user=user)
    )
    return [
        item for item in items if item.action is None or user_can(user=user, action=item.action)
    ]
