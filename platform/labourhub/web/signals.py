from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from labourhub.accounts.services import user_login_record, user_token_revoke


@receiver(user_logged_in)
def _record_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    user_login_record(user=user, succeeded=True)


@receiver(user_login_failed)
def _record_login_failure(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    username = credentials.get("username")
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is not None:
        user_login_record(user=user, succeeded=False)


@receiver(user_logged_out)
def _revoke_tokens_on_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    # Signing out ends the person's API access too, not only the browser session.
    if user is not None and user.is_authenticated:
        user_token_revoke(user=user, actor=user, reason="sign-out")
