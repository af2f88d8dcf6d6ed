from dataclasses import dataclass

from django.db import connection
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.extensions import current_hooks, flatten


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url: str
    action: Action | None = None


def core_menu() -> list[MenuItem]:
    return [
        MenuItem(_("Dashboard"), reverse("web:home"), Action.DASHBOARD_VIEW),
        MenuItem(_("Establishments"), reverse("registry:list"), Action.ESTABLISHMENT_VIEW),
        MenuItem(_("Imports"), reverse("registry:imports"), Action.ESTABLISHMENT_IMPORT),
        MenuItem(_("Users"), reverse("web:user-list"), Action.USER_MANAGE),
        MenuItem(_("Audit trail"), reverse("web:audit-list"), Action.AUDIT_VIEW),
        MenuItem(_("Plugins"), reverse("extensions-ministry-plugins"), Action.PLUGIN_MANAGE),
        MenuItem(_("Documents"), reverse("documents:list"), Action.DOCUMENT_VIEW),
        MenuItem(_("My inspections"), reverse("inspections:mine"), Action.CASE_VIEW),
        MenuItem(_("Inspections"), reverse("inspections:list"), Action.CASE_VIEW),
        MenuItem(_("Cases"), reverse("workflow:case-list"), Action.CASE_VIEW),
        MenuItem(_("Overdue"), reverse("workflow:overdue"), Action.CASE_SUPERVISE),
        MenuItem(_("Complaints"), reverse("complaints:list"), Action.CASE_VIEW),
        MenuItem(_("Indicators"), reverse("analytics:dashboard"), Action.DASHBOARD_VIEW),
        MenuItem(_("Reports"), reverse("analytics:reports"), Action.REPORT_VIEW),
        MenuItem(_("LMI data uploads"), reverse("lmi:contribute"), Action.LMI_CONTRIBUTE),
        MenuItem(_("LMI data vetting"), reverse("lmi:contribute") + "#datasets", Action.LMI_VET),
        MenuItem(_("API"), "/api/v1/docs/", Action.DASHBOARD_VIEW),
    ]


def menu_for(*, user: User) -> list[MenuItem]:
    """Core items plus those of the plugins enabled for the current ministry."""
    items = core_menu() + flatten(
        current_hooks().register_menu_items(tenant=getattr(connection, "tenant", None), user=user)
    )
    return [
        item for item in items if item.action is None or user_can(user=user, action=item.action)
    ]
