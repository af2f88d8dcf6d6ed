"""Access checks shared by the staff pages and the API (both map these errors to 403/404)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.inspections import selectors as sel
from labourhub.inspections.models import Inspection


def _user(request: Any) -> User:
    return request.user  # type: ignore[no-any-return]


def _inspection(request: Any, inspection_id: int, action: Action = Action.CASE_VIEW) -> Inspection:
    inspection = sel.inspection_get(inspection_id=inspection_id)
    if inspection is None:
        raise Http404
    user = _user(request)
    if not sel.inspection_can(user=user, action=action, inspection=inspection):
        raise PermissionDenied(_("Your role does not allow this."))
    if action == Action.CASE_EDIT and not sel.inspection_is_assignee(
        user=user, inspection=inspection
    ):
        raise PermissionDenied(_("Only the assigned inspector or team can do this."))
    return inspection
