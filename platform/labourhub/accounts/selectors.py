from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import QuerySet

from labourhub.accounts.models import Office, RoleGrant, User
from labourhub.accounts.roles import POLICY, Action, Role, Scope


def user_roles(*, user: User) -> list[Role]:
    cached: list[Role] | None = getattr(user, "_lh_roles", None)
    if cached is None:
        cached = [Role(r) for r in user.role_grants.values_list("role", flat=True)]
        user._lh_roles = cached  # type: ignore[attr-defined]
    return cached


def user_scope_for(*, user: User | AnonymousUser, action: Action) -> Scope | None:
    """The widest scope any of the user's roles grants for ``action``; None if none does."""
    if not isinstance(user, User) or not user.is_active:
        return None
    scopes = [POLICY[role][action] for role in user_roles(user=user) if action in POLICY[role]]
    return max(scopes) if scopes else None


def user_can(
    *,
    user: User | AnonymousUser,
    action: Action,
    office: Office | None = None,
    owner_id: int | None = None,
) -> bool:
    """Role x action x scope, decided here and nowhere else.

    Without ``office``/``owner_id`` the question is "may the user do this anywhere at all".
    """
    scope = user_scope_for(user=user, action=action)
    if scope is None:
        return False
    if scope == Scope.MINISTRY or (office is None and owner_id is None):
        return True
    if not isinstance(user, User):
        return False
    if owner_id is not None and owner_id == user.pk:
        return True
    if office is None or user.office is None:
        return False
    if scope == Scope.REGION:
        return office.region_id == user.office.region_id
    if scope in (Scope.OFFICE, Scope.TEAM):
        return office.pk == user.office_id
    return False


def user_list(*, search: str = "") -> QuerySet[User]:
    qs = User.objects.select_related("office").prefetch_related("role_grants").order_by("username")
    if search:
        qs = qs.filter(username__icontains=search) | qs.filter(last_name__icontains=search)
    return qs


def user_list_without_role() -> QuerySet[User]:
    """Active accounts with no role yet: they can sign in but see nothing until one is given."""
    return (
        User.objects.filter(is_active=True, role_grants__isnull=True)
        .select_related("office")
        .order_by("-date_joined", "username")
    )


def user_list_suspended() -> QuerySet[User]:
    return User.objects.filter(status=User.Status.SUSPENDED).order_by("username")


def user_get(*, user_id: int) -> User | None:
    return User.objects.select_related("office").filter(pk=user_id).first()


def office_list() -> QuerySet[Office]:
    return Office.objects.select_related("parent").order_by("code")


def office_list_for(*, user: User | AnonymousUser, action: Action) -> QuerySet[Office]:
    """The offices where ``user`` may do ``action``: what a form offers to choose from."""
    scope = user_scope_for(user=user, action=action)
    offices = Office.objects.order_by("code")
    if scope is None:
        return offices.none()
    if scope == Scope.MINISTRY:
        return offices
    own = user.office if isinstance(user, User) else None
    if own is None:
        return offices.none()
    if scope == Scope.REGION:
        region = own.region_id
        return offices.filter(models.Q(pk=region) | models.Q(parent_id=region))
    return offices.filter(pk=own.pk)


def role_grant_list(*, user: User) -> QuerySet[RoleGrant]:
    return RoleGrant.objects.filter(user=user).order_by("role")
