from typing import Any

from django.conf import settings
from django.http import HttpRequest

from labourhub.web.menu import MenuItem, menu_for


def shell(request: HttpRequest) -> dict[str, Any]:
    tenant = getattr(request, "tenant", None)
    names = dict(settings.LANGUAGES)
    codes = list(getattr(tenant, "languages", None) or [])
    for code in settings.UI_TRANSLATED_LANGUAGES:
        if code not in codes:
            codes.append(code)
    user = getattr(request, "user", None)

    def menu() -> list[MenuItem]:
        # Evaluated only by templates that show the staff menu.
        return menu_for(user=user) if user is not None and user.is_authenticated else []

    return {
        "ministry": tenant,
        "switch_languages": [(c, names.get(c, c)) for c in codes if c in names],
        "menu": menu,
    }
