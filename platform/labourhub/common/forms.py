"""Putting a service's refusal on the form the user filled in, one way for every page."""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from labourhub.common.exceptions import ApplicationError


def form_apply_errors(
    form: forms.BaseForm,
    exc: ValidationError | ApplicationError,
    *,
    default: str | None = None,
    rename: Callable[[str], str | None] | None = None,
) -> None:
    """Show ``exc`` on ``form``: field errors next to their field, the rest above the form.

    Services key ``ValidationError`` by model field; ``rename`` maps such a key to the form's
    field name when they differ. Keys the form does not have go to ``default`` (a field name) or,
    without one, above the form, so no message is lost.
    """
    if isinstance(exc, ApplicationError):
        form.add_error(None, exc.message)
        return
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        field = rename(key) if rename is not None and key != "__all__" else key
        target = field if field in form.fields else default
        form.add_error(target, errors)


def error_text(exc: ValidationError | ApplicationError) -> str:
    """The refusal as one sentence, for pages that report it as a message rather than on a form."""
    if isinstance(exc, ApplicationError):
        return exc.message
    return " ".join(str(m) for m in exc.messages)
