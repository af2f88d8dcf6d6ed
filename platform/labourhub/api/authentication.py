"""API tokens that expire: a token lost on a shared computer stops working by itself."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from labourhub.accounts.services import user_token_revoke

TOKEN_EXPIRED = gettext_noop("This API token has expired. Request a new one.")


def token_expires_at(token: Token) -> Any:
    return token.created + timedelta(seconds=settings.API_TOKEN_TTL_SECONDS)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if timezone.now() >= token_expires_at(token):
            user_token_revoke(user=user, actor=None, reason="expired")
            raise AuthenticationFailed(_(TOKEN_EXPIRED))
        return user, token
