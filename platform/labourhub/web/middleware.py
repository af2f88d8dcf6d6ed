from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from labourhub.common.db import current_schema

SUPPORTED = {code for code, _name in settings.LANGUAGES}
OTP_REQUIRED = gettext_noop(
    "Enter the code from your authenticator app first: this account needs a second factor."
)


def ministry_language(request: HttpRequest) -> str:
    """The LMI site's language prefix (/es/...), then the user's preference, then the language
    switcher's cookie, then the ministry's default.

    The browser's Accept-Language is deliberately not used: a ministry's site speaks the
    ministry's language unless the person chooses otherwise.
    """
    # A public page's address names its language, so a shared link reads the same for everyone.
    prefixed = translation.get_language_from_path(request.path_info)
    if prefixed in SUPPORTED:
        return str(prefixed)
    user = getattr(request, "user", None)
    pref = getattr(user, "preferred_language", "") if user is not None else ""
    if pref in SUPPORTED:
        return str(pref)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in SUPPORTED:
        return cookie
    tenant = getattr(request, "tenant", None)
    default = getattr(tenant, "default_language", "") or settings.LANGUAGE_CODE
    return default if default in SUPPORTED else settings.LANGUAGE_CODE


class MinistryLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = ministry_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        translation.deactivate()
        return response


class OtpRequiredMiddleware:
    """A user who has a confirmed TOTP device must present a code before using any route.

    The password alone opens only the sign-in steps: every page, the API (answered as JSON)
    and the CMS admin wait for the second factor.
    """

    EXEMPT_PREFIXES = (
        "/app/login",
        "/app/logout",
        "/app/password-reset",
        "/app/language/",
        "/portal/login/",
        "/static/",
        "/health/",
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path_info.startswith(self.EXEMPT_PREFIXES)
            and not user.is_verified()
            and user.totpdevice_set.filter(confirmed=True).exists()
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"message": _(OTP_REQUIRED), "extra": {}}, status=403)
            if request.path_info.startswith("/portal/"):
                # The staff code page is closed to portal accounts: they have their own.
                return HttpResponseRedirect(reverse("portal:login-otp"))
            return HttpResponseRedirect(reverse("web:login-otp"))
        return self.get_response(request)


class MinistryRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects exist per ministry; the platform's public schema has no such table."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if current_schema() == "public":
            return response
        return super().process_response(request, response)  # type: ignore[no-any-return]
