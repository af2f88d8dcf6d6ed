"""Keep employer and worker accounts inside the portal.

Staff pages and the staff API already refuse non-staff roles one by one; this boundary makes it
total, so a staff route added tomorrow without a guard still never opens to a portal account.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _

from labourhub.portal.selectors import user_is_portal_only

PORTAL_HOME = "/portal/"
# Signing out and switching language are shared with the staff shell.
OPEN_PREFIXES = ("/app/logout/", "/app/language/", "/app/help/")
CLOSED_PAGES = ("/app/", "/cms-admin/")


class PortalBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        watched = path.startswith(CLOSED_PAGES) or path.startswith("/api/")
        if watched and not path.startswith(OPEN_PREFIXES):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user_is_portal_only(user=user):
                if path.startswith("/api/"):
                    message = _("Portal accounts cannot use the staff API.")
                    return JsonResponse({"message": message, "extra": {}}, status=403)
                return HttpResponseRedirect(PORTAL_HOME)
        return self.get_response(request)
