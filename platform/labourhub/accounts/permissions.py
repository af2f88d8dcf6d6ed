"""One way to ask "may this user do that, there?" for pages, the API and services.

The decision itself stays in ``accounts.selectors.user_can`` (role x action x scope). This module
only wires it to the three places that ask: ``staff_page`` for function views, ``HasAction`` for
DRF views and ``permission_check`` for services, so a page, the API and a plugin cannot disagree.
"""

from collections.abc import Callable
from functools import update_wrapper
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import STAFF_ROLES, Action
from labourhub.accounts.selectors import user_can, user_roles

P = ParamSpec("P")
R = TypeVar("R")

NOT_ALLOWED = gettext_noop("Your role does not allow this.")
SCOPE_MISSING = gettext_noop("This client's scopes do not allow this.")

# Partner clients (OAuth2 client credentials) hold scopes, not roles: an endpoint's action says
# which kind of data it is about, the HTTP method whether it reads or writes. A view may name
# its kind itself (``partner_resource = "complaints"``). Actions outside this map are never
# open to partners (users, audit, documents, plugins, risk...).
ACTION_RESOURCES: dict[Action, str] = {
    Action.CASE_VIEW: "cases",
    Action.CASE_EDIT: "cases",
    Action.CASE_SUPERVISE: "cases",
    Action.ESTABLISHMENT_VIEW: "establishments",
    Action.ESTABLISHMENT_EDIT: "establishments",
    Action.ESTABLISHMENT_IMPORT: "establishments",
    Action.ESTABLISHMENT_MERGE: "establishments",
    Action.INSPECTION_PLAN: "inspections",
    Action.INSPECTION_ASSIGN: "inspections",
    Action.INSPECTION_AUTHORISE: "inspections",
    Action.REPORT_VIEW: "indicators",
    Action.DASHBOARD_VIEW: "indicators",
}


def request_scopes(request: Request) -> frozenset[str] | None:
    """The scopes of a partner client's token, or ``None`` when a person is calling."""
    if getattr(request, "partner", None) is None:
        return None
    return frozenset(str(getattr(request.auth, "scope", "") or "").split())


def scope_required(*, actions: list[Action], method: str, view: Any) -> str | None:
    """The scope a partner needs for ``method`` on ``view``; ``None``: never open to partners."""
    resource = getattr(view, "partner_resource", None)
    if resource is None:
        kinds = {ACTION_RESOURCES.get(a) for a in actions}
        if len(kinds) != 1 or None in kinds:
            return None
        resource = kinds.pop()
    return f"{resource}:{'read' if method in SAFE_METHODS else 'write'}"


class StaffRequest(HttpRequest):
    """A request that ``staff_page`` let through: ``user`` is a signed-in, active staff ``User``."""

    user: User


def user_is_staff(*, user: object) -> bool:
    if not isinstance(user, User) or not user.is_active:
        return False
    return any(role in STAFF_ROLES for role in user_roles(user=user))


def _allowed(user: object, actions: tuple[Action, ...]) -> bool:
    if not isinstance(user, User) or not user_is_staff(user=user):
        return False
    return any(user_can(user=user, action=a) for a in actions)


def staff_page(
    action: Action,
    *alternatives: Action,
    post: Action | None = None,
    message: str = NOT_ALLOWED,
) -> Callable[
    [Callable[Concatenate[StaffRequest, P], R]], Callable[Concatenate[HttpRequest, P], R]
]:
    """Guard a function view: sign in first, then hold a staff role allowing ``action``.

    ``alternatives`` are further actions any one of which is enough; ``post`` is an action a
    POST needs on top (a page that lists for everyone but creates for planners). Anonymous
    visitors go to the login page; signed-in users without the right get the translated 403 page
    (``message`` is a ``gettext_noop`` constant, translated when refused). The view receives a
    ``StaffRequest``, whose ``user`` is typed ``User``.
    """
    actions = (action, *alternatives)

    def decorate(
        view: Callable[Concatenate[StaffRequest, P], R],
    ) -> Callable[Concatenate[HttpRequest, P], R]:
        def guarded(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())  # type: ignore[return-value]
            if not _allowed(request.user, actions):
                raise PermissionDenied(_(message))
            if (
                post is not None
                and request.method == "POST"
                and not _allowed(request.user, (post,))
            ):
                raise PermissionDenied(_(message))
            return view(request, *args, **kwargs)  # type: ignore[arg-type]

        update_wrapper(guarded, view)
        return guarded

    return decorate


class HasAction(BasePermission):
    """DRF permission: an active staff user allowed ``required_action`` (deny by default).

    Configure per view with ``permission_classes = [HasAction.of(Action.X)]``; like
    ``staff_page``, ``of`` takes actions an HTTP method needs on top, e.g.
    ``HasAction.of(Action.CASE_VIEW, post=Action.CALENDAR_MANAGE)``.
    """

    required_action: Action | None = None
    method_actions: dict[str, Action] = {}
    message = gettext_lazy(NOT_ALLOWED)

    @classmethod
    def of(cls, action: Action, **per_method: Action) -> type["HasAction"]:
        methods = {m.upper(): a for m, a in per_method.items()}
        name = f"HasAction[{action.value}]"
        return type(name, (cls,), {"required_action": action, "method_actions": methods})

    def has_permission(self, request: Request, view: Any) -> bool:
        needed = [self.required_action, self.method_actions.get(request.method or "")]
        actions = [a for a in needed if a is not None]
        scopes = request_scopes(request)
        if scopes is not None:
            needed_scope = scope_required(actions=actions, method=request.method or "", view=view)
            if needed_scope is None or needed_scope not in scopes:
                self.message = gettext_lazy(SCOPE_MISSING)
                return False
        if not actions:
            return user_is_staff(user=request.user)
        return all(_allowed(request.user, (a,)) for a in actions)


def request_user(request: Request | HttpRequest) -> User:
    """The typed user of a request that ``HasAction`` or ``staff_page`` admitted."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied(_(NOT_ALLOWED))
    return user


def permission_check(
    *,
    actor: object,
    action: Action,
    office: Office | None = None,
    region: Office | None = None,
    message: str = NOT_ALLOWED,
) -> None:
    """Refuse (``PermissionDenied``) unless ``actor`` may do ``action`` for ``office``/``region``.

    Services call this themselves, so the rule holds whoever calls them. ``actor=None`` is the
    platform itself (seeds, imports, scheduled jobs) and is always allowed; any other non-user is
    refused. ``region`` is a region-level ``Office``: an office-scoped grant never covers one.
    ``message`` is a ``gettext_noop`` constant, translated when refused.
    """
    if actor is None:
        return
    if not isinstance(actor, User) or not user_can(
        user=actor, action=action, office=office if office is not None else region
    ):
        raise PermissionDenied(_(message))
