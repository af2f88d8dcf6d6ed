import unicodedata
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from labourhub.web.menu import MenuItem, menu_for


def _own_name(code: str) -> str:
    """The language's name in itself, so a reader finds it whatever language the page is in.

    Django's data spells some names with combining accents (vi); NFC gives the precomposed
    letters that fonts and in-page search expect.
    """
    return unicodedata.normalize("NFC", str(get_language_info(code)["name_local"]))


def shell(request: HttpRequest) -> dict[str, Any]:
    tenant = getattr(request, "tenant", None)
    names = dict(settings.LANGUAGES)
    codes = list(getattr(tenant, "languages", None) or [])
    for code in settings.UI_TRANSLATED_LANGUAGES:
        if code not in codes:
            codes.append(code)
    user = getattr(request, "user", None)

    cache: dict[str, list[MenuItem]] = {}

    def menu() -> list[MenuItem]:
        # Evaluated only by templates that show the staff menu, once per request.
        if "items" not in cache:
            signed_in = user is not None and user.is_authenticated
            cache["items"] = menu_for(user=user) if signed_in and user is not None else []
        return cache["items"]

    def role_guide_url() -> str:
        # Evaluated only by templates that show the "Help" link.
        return guide_url_for(user=user) if user is not None and user.is_authenticated else ""

    return {
        "ministry": tenant,
        "switch_languages": [(c, _own_name(c)) for c in codes if c in names],
        "menu": menu,
        "role_guide_url": role_guide_url,
    }


def guide_url_for(*, user: Any) -> str:
    """The in-app guide of ``user``'s role: their first role's guide, the coordination unit's
    on the platform's own host, else the list of every guide."""
    from django.db import connection
    from django.urls import NoReverseMatch, reverse

    from labourhub.accounts.roles import Action
    from labourhub.accounts.selectors import user_can, user_roles
    from labourhub.web.guides import guide_for_roles

    if getattr(connection, "schema_name", "public") == "public":
        slug = "coordination-unit" if user_can(user=user, action=Action.PLATFORM_MANAGE) else None
    else:
        slug = guide_for_roles(user_roles(user=user))
    try:
        return reverse("web:guide", args=[slug]) if slug else reverse("web:guide-list")
    except NoReverseMatch:
        return ""
