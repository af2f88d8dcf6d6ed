from collections.abc import Callable
from functools import update_wrapper
from typing import Concatenate, ParamSpec, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.portal.models import PortalAccount
from labourhub.portal.plugin_pages import portal_pages_for
from labourhub.portal.selectors import portal_account_get, user_is_portal_only

P = ParamSpec("P")
R = TypeVar("R")

PORTAL_LOGIN = "/portal/login/"


class PortalRequest(HttpRequest):
    """A request ``portal_page`` let through: a signed-in portal account."""

    user: User
    account: PortalAccount


def portal_page(
    *, kind: str | None = None
) -> Callable[
    [Callable[Concatenate[PortalRequest, P], R]], Callable[Concatenate[HttpRequest, P], R]
]:
    """Guard a portal view: signed in, a portal-only account, of ``kind`` when given."""

    def decorate(
        view: Callable[Concatenate[PortalRequest, P], R],
    ) -> Callable[Concatenate[HttpRequest, P], R]:
        def guarded(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> R:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(  # type: ignore[return-value]
                    request.get_full_path(), PORTAL_LOGIN
                )
            if not user_is_portal_only(user=user):
                raise PermissionDenied(_("This page is for employer and worker accounts."))
            account = portal_account_get(user=user)
            if account is None:
                raise PermissionDenied(_("This account has no portal profile."))
            if kind is not None and account.kind != kind:
                raise PermissionDenied(_("This page is for another kind of account."))
            request.account = account  # type: ignore[attr-defined]
            request.portal_pages = portal_pages_for(audience=account.kind)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)  # type: ignore[arg-type]

        update_wrapper(guarded, view)
        return guarded

    return decorate


def stored_file_response(*, key: str, name: str, content_type: str) -> HttpResponse:
    with default_storage.open(key, "rb") as handle:
        data = bytes(handle.read())
    response = HttpResponse(data, content_type=content_type)
    safe = "".join(c for c in name if c.isalnum() or c in "._- ")[:150] or "document"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response
