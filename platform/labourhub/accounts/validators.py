"""Password rules Django's own validators miss."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

PASSWORD_HAS_USERNAME = gettext_noop("The password must not contain your username or email name.")


class NoUsernameInPasswordValidator:
    """Refuse a password that contains the username (or the name part of the email).

    Django's similarity check compares whole strings, so "maria.lopez2026!" for the user
    "maria.lopez" passes it; this catches the containment case.
    """

    min_length = 3

    def validate(self, password: str, user: Any = None) -> None:
        if user is None:
            return
        lowered = password.casefold()
        names = [str(getattr(user, "username", "") or "")]
        names.append(str(getattr(user, "email", "") or "").partition("@")[0])
        for name in names:
            if len(name) >= self.min_length and name.casefold() in lowered:
                raise ValidationError(_(PASSWORD_HAS_USERNAME), code="password_has_username")

    def get_help_text(self) -> str:
        return _(PASSWORD_HAS_USERNAME)
