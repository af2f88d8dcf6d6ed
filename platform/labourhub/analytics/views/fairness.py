"""Individual performance pages (every look is audited) and the analytics settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.models import User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.analytics.forms import DashboardFilterForm, SettingsForm
from labourhub.analytics.selectors import (
    NOT_ALLOWED,
    PERFORMANCE_REFUSED,
    analytics_settings_get,
    office_ranking,
    performance_allowed,
    performance_get,
)
from labourhub.analytics.services import (
    analytics_settings_update,
    performance_view_record,
)
from labourhub.analytics.views.dashboard import _user
from labourhub.common.forms import form_apply_errors

# -- fairness: individual performance --------------------------------------------------------


@login_required
def performance_view(request: HttpRequest, user_id: int) -> HttpResponse:
    viewer = _user(request)
    inspector = get_object_or_404(User.objects.select_related("office"), pk=user_id)
    if not performance_allowed(viewer=viewer, inspector=inspector):
        raise PermissionDenied(_(PERFORMANCE_REFUSED))
    form = DashboardFilterForm(request.GET or None)
    f = form.filters()
    performance_view_record(
        viewer=viewer,
        inspector=inspector,
        what="individual",
        period=f"{f.start:%Y-%m}..{f.end:%Y-%m}",
    )
    return render(
        request,
        "analytics/performance.html",
        {
            "inspector": inspector,
            "data": performance_get(inspector=inspector, f=f),
            "form": form,
            "filters": f,
        },
    )


@login_required
def team_view(request: HttpRequest) -> HttpResponse:
    viewer = _user(request)
    scope = user_scope_for(user=viewer, action=Action.PERFORMANCE_VIEW)
    if scope is None or viewer.office is None:
        raise PermissionDenied(_(PERFORMANCE_REFUSED))
    form = DashboardFilterForm(request.GET or None)
    f = form.filters()
    settings_obj = analytics_settings_get()
    is_supervisor = (
        user_can(user=viewer, action=Action.PERFORMANCE_VIEW, office=viewer.office)
        and scope > Scope.OWN
    )
    ranking = None
    if is_supervisor and settings_obj.ranking_enabled:
        ranking = office_ranking(office=viewer.office, f=f)
        performance_view_record(
            viewer=viewer,
            inspector=None,
            what="office_ranking",
            period=f"{f.start:%Y-%m}..{f.end:%Y-%m}",
        )
    return render(
        request,
        "analytics/team.html",
        {
            "ranking": ranking,
            "ranking_enabled": settings_obj.ranking_enabled,
            "is_supervisor": is_supervisor,
            "form": form,
            "filters": f,
        },
    )


@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
@require_http_methods(["GET", "POST"])
def settings_view(request: StaffRequest) -> HttpResponse:
    current = analytics_settings_get()
    form = SettingsForm(
        request.POST or None,
        initial={
            "ranking_enabled": current.ranking_enabled,
            "min_wage_patterns": "\n".join(current.min_wage_patterns),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            analytics_settings_update(
                actor=request.user,
                ranking_enabled=form.cleaned_data["ranking_enabled"],
                min_wage_patterns=form.patterns(),
            )
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Settings saved."))
            return HttpResponseRedirect(reverse("analytics:settings"))
    return render(
        request,
        "analytics/settings.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
