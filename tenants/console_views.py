"""The coordination unit's console at the apex domain (public schema).

Shows which core and plugin versions every ministry runs, activates plugins per ministry and
rolls releases out (canary, then all) with live per-ministry progress.
"""

import json
from collections.abc import Callable
from functools import update_wrapper
from typing import Concatenate, ParamSpec

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.audit.selectors import audit_event_list
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.extensions.plugin import core_version
from labourhub.extensions.registry import plugin_app_configs
from labourhub.web.forms import AuditFilterForm
from labourhub.web.menu import MenuItem
from tenants.console_forms import CanaryForm, PluginActivateForm, ReleaseCreateForm
from tenants.models import Release, TenantUpgrade
from tenants.plugin_services import plugin_activate, plugin_available_for, plugin_deactivate
from tenants.release_services import (
    release_create,
    release_preflight,
    release_rollout_retry,
    release_rollout_start,
)
from tenants.selectors import (
    ministry_get,
    ministry_running_versions,
    plugin_activation_get,
    release_get,
    release_list,
    release_progress,
    tenant_upgrade_list,
)

P = ParamSpec("P")
OPERATORS_ONLY = gettext_noop("Only coordination-unit operators may use the console.")


def console_page(
    view: Callable[Concatenate[StaffRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """A console page: the public schema only, for staff allowed to run the platform."""
    guarded = staff_page(Action.PLATFORM_MANAGE, message=OPERATORS_ONLY)(view)

    def on_public_schema(
        request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        # The console exists only on the public schema; ministry staff are never public users.
        if connection.schema_name != "public":  # type: ignore[attr-defined]
            raise Http404
        return guarded(request, *args, **kwargs)

    update_wrapper(on_public_schema, view)
    return on_public_schema


def console_menu() -> list[MenuItem]:
    # The console has its own menu: the staff shell's items belong to ministry hosts.
    return [
        MenuItem(_("Console"), reverse("console:home"), group="administration"),
        MenuItem(_("Ministries"), reverse("platform-home"), group="administration"),
        MenuItem(_("Audit trail"), reverse("console:audit"), group="administration"),
    ]


def _render(
    request: HttpRequest, template: str, context: dict[str, object], status: int = 200
) -> HttpResponse:
    return render(request, template, {**context, "menu": console_menu()}, status=status)


@console_page
@require_http_methods(["GET", "POST"])
def console_home(request: StaffRequest) -> HttpResponse:
    form = ReleaseCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            release = release_create(
                version=form.cleaned_data["version"],
                notes=form.cleaned_data["notes"],
                actor=request.user,
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="version")
        else:
            messages.success(request, _("Release %(v)s recorded.") % {"v": release.version})
            return HttpResponseRedirect(reverse("console:release", args=[release.pk]))
    return _render(
        request,
        "tenants/console/home.html",
        {
            "core_version": core_version(),
            "rows": ministry_running_versions(),
            "plugins": sorted(plugin_app_configs().items()),
            "releases": release_list()[:20],
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@console_page
@require_http_methods(["GET", "POST"])
def console_ministry_plugins(request: StaffRequest, slug: str) -> HttpResponse:
    ministry = ministry_get(slug=slug)
    if ministry is None:
        raise Http404
    plugin_slug = request.POST.get("plugin", "")
    forms = {}
    status = 200
    for pslug in plugin_app_configs():
        activation = plugin_activation_get(ministry=ministry, slug=pslug)
        initial = {"config": json.dumps(activation.config) if activation else ""}
        bound = request.method == "POST" and pslug == plugin_slug
        forms[pslug] = PluginActivateForm(
            request.POST if bound else None, initial=initial, prefix=pslug
        )
    if request.method == "POST":
        if plugin_slug not in forms:
            raise Http404
        form = forms[plugin_slug]
        try:
            if request.POST.get("op") == "deactivate":
                plugin_deactivate(ministry=ministry, slug=plugin_slug, actor=request.user)
                messages.success(
                    request,
                    _("%(p)s is now off for %(m)s; its data is kept.")
                    % {"p": plugin_slug, "m": ministry.name},
                )
                return HttpResponseRedirect(request.path)
            if form.is_valid():
                plugin_activate(
                    ministry=ministry,
                    slug=plugin_slug,
                    config=form.cleaned_data["config"],
                    actor=request.user,
                )
                messages.success(
                    request,
                    _("%(p)s is now active for %(m)s.") % {"p": plugin_slug, "m": ministry.name},
                )
                return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            form_apply_errors(form, exc, default="config")
        except ApplicationError as exc:
            form_apply_errors(form, exc)
        status = 400
    items = []
    for pslug, config in sorted(plugin_app_configs().items()):
        activation = plugin_activation_get(ministry=ministry, slug=pslug)
        items.append(
            {
                "slug": pslug,
                "meta": config.PluginMeta,
                "activation": activation,
                "available": plugin_available_for(ministry=ministry, slug=pslug),
                "form": forms[pslug],
            }
        )
    return _render(
        request,
        "tenants/console/ministry_plugins.html",
        {"target": ministry, "items": items},
        status=status,
    )


def _release_context(release_id: int) -> dict[str, object]:
    release = release_get(release_id=release_id)
    if release is None:
        raise Http404
    progress = release_progress(release=release)
    busy = progress.get(TenantUpgrade.Status.PENDING, 0) + progress.get(
        TenantUpgrade.Status.RUNNING, 0
    )
    return {
        "release": release,
        "upgrades": tenant_upgrade_list(release=release),
        "progress": progress,
        "busy": busy > 0,
        "done_pct": round(100 * progress.get("done", 0) / progress["total"])
        if progress["total"]
        else 0,
    }


@console_page
@require_http_methods(["GET", "POST"])
def console_release(request: StaffRequest, release_id: int) -> HttpResponse:
    ctx = _release_context(release_id)
    release: Release = ctx["release"]  # type: ignore[assignment]
    canary_form = CanaryForm(request.POST if request.POST.get("op") == "canary" else None)
    status = 200
    if request.method == "POST":
        op = request.POST.get("op")
        try:
            if op == "canary" and canary_form.is_valid():
                release_rollout_start(
                    release=release,
                    canary=canary_form.cleaned_data["canary"],
                    actor=request.user,
                )
            elif op == "all":
                release_rollout_start(release=release, actor=request.user)
            elif op == "retry":
                release_rollout_retry(release=release, actor=request.user)
            elif op != "canary":
                raise Http404
            if not canary_form.errors:
                return HttpResponseRedirect(request.path)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            for problem in exc.extra.get("problems", []):
                messages.error(request, problem)
        status = 400
    ctx.update({"canary_form": canary_form, "problems": release_preflight(release=release)})
    return _render(request, "tenants/console/release.html", ctx, status=status)


@console_page
def console_release_progress(request: StaffRequest, release_id: int) -> HttpResponse:
    """The htmx fragment polled while a rollout runs."""
    return render(request, "tenants/console/partials/progress.html", _release_context(release_id))


@console_page
def console_audit(request: StaffRequest) -> HttpResponse:
    """The platform's own trail (public schema): provisioning, plugins, releases, operators."""
    form = AuditFilterForm(request.GET or None)
    events = audit_event_list(filters=form.cleaned_data if form.is_valid() else {})  # type: ignore[arg-type]
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    template = "web/partials/audit_rows.html" if request.htmx else "tenants/console/audit.html"  # type: ignore[attr-defined]
    return _render(
        request, template, {"form": form, "page": page}, status=400 if form.errors else 200
    )
