"""Partner systems: OAuth2 client credentials (django-oauth-toolkit) and event webhooks."""

from labourhub.config.env import env

OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    # Partner tokens are short-lived: a leaked one is useless within the hour.
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("PARTNER_TOKEN_TTL_SECONDS", default=60 * 60),
    "SCOPES_BACKEND_CLASS": "labourhub.interop.oauth.PartnerScopes",
    "OAUTH2_VALIDATOR_CLASS": "labourhub.interop.oauth.PartnerValidator",
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    "PKCE_REQUIRED": True,
}
INTEROP_WEBHOOK_BACKOFF_SECONDS = env.float("INTEROP_WEBHOOK_BACKOFF_SECONDS", default=30.0)
INTEROP_WEBHOOK_MAX_ATTEMPTS = env.int("INTEROP_WEBHOOK_MAX_ATTEMPTS", default=10)
INTEROP_WEBHOOK_TIMEOUT_SECONDS = env.float("INTEROP_WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# Production sends events over https only; development and tests post to local receivers.
INTEROP_WEBHOOK_ALLOW_HTTP = env.bool("INTEROP_WEBHOOK_ALLOW_HTTP", default=False)
# Connectors (files pulled in from partners): the largest file a run reads, and how long the
# partner's endpoint may take to answer.
CONNECTOR_MAX_BYTES = env.int("CONNECTOR_MAX_BYTES", default=20_000_000)
CONNECTOR_HTTP_TIMEOUT_SECONDS = env.float("CONNECTOR_HTTP_TIMEOUT_SECONDS", default=30.0)
# SOAP calls of the facade are a few hundred bytes; anything far larger is refused unread.
SOAP_MAX_BODY_BYTES = env.int("SOAP_MAX_BODY_BYTES", default=64 * 1024)
