"""OpenAPI: the partner scheme (OAuth2 client credentials) and the scope each operation needs."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from labourhub.accounts.permissions import HasAction, scope_required
from labourhub.interop.scopes import SCOPES

TOKEN_URL = "/api/v1/oauth/token/"  # noqa: S105  (an address, not a secret)


def operation_scope(view: Any, method: str) -> str | None:
    actions = []
    for permission in getattr(view, "permission_classes", []):
        if isinstance(permission, type) and issubclass(permission, HasAction):
            actions += [permission.required_action, permission.method_actions.get(method)]
    return scope_required(actions=[a for a in actions if a is not None], method=method, view=view)


class PartnerOAuth2Scheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "labourhub.interop.oauth.PartnerTokenAuthentication"
    name = "partnerOAuth2"
    priority = 1

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "oauth2",
            "description": (
                "Partner systems: POST grant_type=client_credentials (and optionally scope) as "
                "application/x-www-form-urlencoded to the token URL, with the client id and "
                "secret in HTTP Basic authentication; send the access token as "
                "'Authorization: Bearer <token>'. Tokens expire (expires_in seconds)."
            ),
            "flows": {
                "clientCredentials": {
                    "tokenUrl": TOKEN_URL,
                    "scopes": {code: str(label) for code, label in SCOPES.items()},
                }
            },
        }

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[str]] | list[Any]:
        scope = operation_scope(auto_schema.view, auto_schema.method.upper())
        if scope is None or scope not in SCOPES:
            # Not open to partner clients: the scheme is left out of this operation.
            return []
        return {self.name: [scope]}
