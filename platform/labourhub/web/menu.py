from dataclasses import dataclass

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import MENU_GROUPS, MenuItem

__all__ = ["MenuGroup", "MenuItem", "core_menu", "menu_for", "menu_groups"]


# (label, URL name or None, suffix or literal path, action, group). Names that the current
# URLconf does not have (tenant-only pages on the platform's public host) are left out.
CORE_ITEMS: list[tuple[str | Promise, str | None, str, Action, str]] = [
    (_("Dashboard"), "web:home", "", Action.DASHBOARD_VIEW, "work"),
    (_("My inspections"), "inspections:mine", "", Action.CASE_VIEW, "work"),
    (_("Inspections"), "inspections:list", "", Action.CASE_VIEW, "work"),
    (_("Establishments"), "registry:list", "", Action.ESTABLISHMENT_VIEW, "establishments"),
    (_("Imports"), "registry:imports", "", Action.ESTABLISHMENT_IMPORT, "establishments"),
    (
        _("Portal accounts"),
        "portal-staff:account-queue",
        "",
        Action.PORTAL_ACCOUNT_VERIFY,
        "establishments",
    ),
    (
        _("Establishment submissions"),
        "portal-staff:submission-queue",
        "",
        Action.PORTAL_ACCOUNT_VERIFY,
        "establishments",
    ),
    (_("Cases"), "workflow:case-list", "", Action.CASE_VIEW, "cases"),
    (_("Overdue"), "workflow:overdue", "", Action.CASE_SUPERVISE, "cases"),
    (_("Complaints"), "complaints:list", "", Action.CASE_VIEW, "cases"),
    (_("Documents"), "documents:list", "", Action.DOCUMENT_VIEW, "cases"),
    (_("Indicators"), "analytics:dashboard", "", Action.DASHBOARD_VIEW, "reports"),
    (_("Reports"), "analytics:reports", "", Action.REPORT_VIEW, "reports"),
    (_("Risk ranking"), "targeting:ranking", "", Action.RISK_VIEW, "reports"),
    (_("LMI data uploads"), "lmi:contribute", "", Action.LMI_CONTRIBUTE, "reports"),
    (_("LMI data vetting"), "lmi:contribute", "#datasets", Action.LMI_VET, "reports"),
    (_("Console"), "console:home", "", Action.PLATFORM_MANAGE, "administration"),
    (_("Users"), "web:user-list", "", Action.USER_MANAGE, "administration"),
    (_("Partner systems"), "interop:partner-list", "", Action.USER_MANAGE, "administration"),
    (_("Connectors"), "connectors:source-list", "", Action.USER_MANAGE, "administration"),
    (_("Safety alerts"), "inspections:alert-routing", "", Action.USER_MANAGE, "administration"),
    (_("Audit trail"), "web:audit-list", "", Action.AUDIT_VIEW, "administration"),
    (
        _("Offline inspections"),
        "offline:settings",
        "",
        Action.CALENDAR_MANAGE,
        "administration",
    ),
    (_("Plugins"), "extensions-ministry-plugins", "", Action.PLUGIN_MANAGE, "administration"),
    (_("API"), "v1:docs", "", Action.DASHBOARD_VIEW, "administration"),
]

GROUP_LABELS: dict[str, str | Promise] = {
    "work": _("Work"),
    "establishments": _("Establishments"),
    "cases": _("Cases"),
    "reports": _("Reports"),
    "administration": _("Administration"),
}


@dataclass(frozen=True)
class MenuGroup:
    """One task group of the staff menu, with the links the user may open."""

    key: str
    label: str | Promise
    items: tuple[MenuItem, ...]


def core_menu() -> list[MenuItem]:
    items = []
    for label, name, suffix, action, group in CORE_ITEMS:
        if name is None:
            items.append(MenuItem(label, suffix, action, group))
            continue
        try:
            items.append(MenuItem(label, reverse(name) + suffix, action, group))
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


def menu_groups(items: list[MenuItem]) -> list[MenuGroup]:
    """The items by task group, in menu order; empty groups are left out."""
    by_group: dict[str, list[MenuItem]] = {key: [] for key in MENU_GROUPS}
    for item in items:
        by_group.get(item.group, by_group["work"]).append(item)
    return [
        MenuGroup(key, GROUP_LABELS[key], tuple(entries))
        for key, entries in by_group.items()
        if entries
    ]


def menu_trail(items: list[MenuItem], path: str, home_url: str) -> list[MenuItem]:
    """Breadcrumb parents of ``path``: the dashboard, then the menu link whose address is the
    longest prefix of the path (unless that link is the page itself)."""
    home = next((item for item in items if item.url == home_url), None)
    if home is None or path == home.url:
        return []
    trail = [home]
    best = max(
        (
            item
            for item in items
            if item is not home and "#" not in item.url and path.startswith(item.url)
        ),
        key=lambda item: len(item.url),
        default=None,
    )
    if best is not None and best.url != path:
        trail.append(best)
    return trail
