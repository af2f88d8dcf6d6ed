"""Small helpers about the ministry being served, for plugins."""

from typing import Any

from django.db import connection
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office


def current_ministry() -> Any:
    """The ministry whose schema is active (None on the platform's public host)."""
    tenant = getattr(connection, "tenant", None)
    if tenant is None or getattr(tenant, "schema_name", "public") == "public":
        return None
    return tenant


def office_root() -> Office:
    """The ministry's head office (the top of its office tree), created when missing.

    Cases need an office; a plugin whose records are not handled by a local office (e.g. a
    national register) files them here.
    """
    office = Office.objects.filter(parent=None).order_by("id").first()
    if office is None:
        from labourhub.accounts.services import office_create

        office = office_create(code="HQ", name=_("Head office"), level="region", actor=None)
    return office


def small_count_threshold() -> int:
    """Counts below this number are never published (the ministry's LMI setting, 5 by default).

    Plugins computing indicators from people's records suppress small counts with it, exactly as
    the LMI website does. Read through the app registry: the core does not import the CMS.
    """
    from django.apps import apps

    try:
        settings_model = apps.get_model("cms", "LmiSettings")
    except LookupError:
        return 5
    row = settings_model._default_manager.order_by("pk").first()
    return int(row.suppression_threshold) if row is not None else 5
