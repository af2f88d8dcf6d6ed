from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from labourhub.accounts.services import user_login_record


@receiver(user_logged_in)
def _record_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    user_login_record(user=user, succeeded=True)


@receiver(user_login_failed)
def _record_login_failure(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    username = credentials.get("username")
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is not None:
        user_login_record(user=user, succeeded=False)
