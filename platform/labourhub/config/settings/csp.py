"""Content-Security-Policy (django-csp): scripts only from this server, nothing inline.

The platform's own templates load every script from /static/, so script-src needs no
'unsafe-inline'; a template that truly needs an inline script uses ``{{ request.csp_nonce }}``.
Styles allow inline because the templates size chart bars with ``style="width:…"`` and htmx
injects its indicator style; CSS cannot run script. Images may be ``data:`` (QR codes) or come
from the object store's own address (presigned URLs for Wagtail images).
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from labourhub.config.env import env

_S3 = env("S3_PUBLIC_ENDPOINT_URL", default="") or env("S3_ENDPOINT_URL", default="")
_S3_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(_S3)) if _S3 else ""

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *([_S3_ORIGIN] if _S3_ORIGIN else [])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Wagtail's admin writes a few inline initialisers (date pickers, inline panels); it is staff-only
# and gets the same policy with inline scripts allowed (see labourhub.web.security).
CSP_RELAXED_SCRIPT_PREFIXES = ("/cms-admin/",)
