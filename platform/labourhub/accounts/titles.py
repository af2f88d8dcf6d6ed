"""Role names as the ministry's country uses them.

The core names its roles generically ("Inspector", "Authorising official"); a country pack may
title them as its law and its staff do (``register_role_titles``: Colombia's "Inspector de
Trabajo y Seguridad Social", Paraguay's "Ministro"). Every place that shows a role to a person
asks here, so the pack's title appears on the user list, the home page, the audit trail and the
assignment pickers alike; the generic, translated label is the fallback.
"""

from typing import Any

from django.db import connection
from django.utils import translation

from labourhub.accounts.roles import Role


def role_titles(*, tenant: Any = None) -> dict[str, str]:
    """{role value: title} for ``tenant`` (default: the current ministry) in the active
    language: the pack's title for this language, else its title for every language, else the
    core's translated label."""
    from labourhub.extensions import flatten, hooks_for

    tenant = tenant if tenant is not None else getattr(connection, "tenant", None)
    titles = {str(role.value): str(role.label) for role in Role}
    if tenant is None or getattr(tenant, "pk", None) is None:
        return titles
    language = (translation.get_language() or "").split("-")[0]
    general: dict[str, str] = {}
    specific: dict[str, str] = {}
    for found in flatten(hooks_for(tenant).register_role_titles(tenant=tenant)):
        if found.role not in titles or not found.title.strip():
            continue
        if not found.language:
            general.setdefault(found.role, found.title.strip())
        elif found.language.split("-")[0] == language:
            specific.setdefault(found.role, found.title.strip())
    return {**titles, **general, **specific}


def role_title(role: str, *, tenant: Any = None) -> str:
    """The title of one role (the raw value is never shown: unknown roles read "—")."""
    return role_titles(tenant=tenant).get(str(role), "—")


def role_choices(*, tenant: Any = None) -> list[tuple[str, str]]:
    """Choices for a role picker, titled for the ministry, in the core's order."""
    titles = role_titles(tenant=tenant)
    return [(str(role.value), titles[str(role.value)]) for role in Role]
