"""What the inspection pages share: running a service against a form, and coming back."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse

from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.inspections.models import (
    Inspection,
)

Form = Any


def _attempt(form: Form, call: Callable[[], Any]) -> tuple[bool, Any, int]:
    """Run a service; put its refusal on the form. Returns (ok, result, status for re-render)."""
    try:
        return True, call(), 200
    except ValidationError as exc:
        form_apply_errors(form, exc)
        return False, None, 400
    except ApplicationError as exc:
        form_apply_errors(form, exc)
        return False, None, 409


def _back(inspection: Inspection, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("inspections:detail", args=[inspection.pk])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)
