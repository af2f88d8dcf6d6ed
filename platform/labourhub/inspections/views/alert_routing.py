"""The administrator's page choosing which roles each safety alert reaches."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.titles import role_titles
from labourhub.common.forms import form_apply_errors
from labourhub.inspections.models import InspectionAlert
from labourhub.inspections.selectors.alerts import ALERT_ROLE_CHOICES, alert_routing_table
from labourhub.inspections.services.alert_routing import ROUTING_REFUSED, alert_routing_set


class AlertRoutingForm(forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        titles = role_titles()
        for kind, label in InspectionAlert.Kind.choices:
            self.fields[kind] = forms.MultipleChoiceField(
                label=label,
                choices=[(r.value, titles[r.value]) for r in Role if r in ALERT_ROLE_CHOICES],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=gettext_lazy(
                    "These roles see the alert in their bell at once, in the inspection's "
                    "office or region for roles limited to one."
                ),
            )


@staff_page(Action.USER_MANAGE, message=ROUTING_REFUSED)
@require_http_methods(["GET", "POST"])
def alert_routing_view(request: StaffRequest) -> HttpResponse:
    form = AlertRoutingForm(request.POST or None, initial=alert_routing_table())
    if request.method == "POST" and form.is_valid():
        kind = ""
        try:
            # All kinds or none: a refused choice leaves every setting as it was.
            with transaction.atomic():
                for kind in InspectionAlert.Kind.values:
                    alert_routing_set(kind=kind, roles=form.cleaned_data[kind], actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc, rename=lambda key: kind if key == "roles" else None)
        else:
            messages.success(request, _("Saved: who safety alerts reach."))
            return HttpResponseRedirect(reverse("inspections:alert-routing"))
    if request.method == "POST" and not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
    return render(request, "inspections/alert_routing.html", {"form": form})
