from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from labourhub.accounts.models import User
from labourhub.accounts.roles import STAFF_ROLES
from labourhub.accounts.selectors import user_roles


class IsMinistryStaff(BasePermission):
    """Deny by default (R16): an authenticated, active user holding a staff role."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not isinstance(user, User) or not user.is_active:
            return False
        # A partner client reaches only endpoints that name an action (``HasAction``).
        if getattr(request, "partner", None) is not None:
            return False
        return any(role in STAFF_ROLES for role in user_roles(user=user))
