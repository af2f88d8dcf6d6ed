"""The ministry's own plugin page (/app/plugins/): which plugins run here, and switching on or
off those whose metadata lets the ministry's administrator do it."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import enabled_slugs
from labourhub.extensions.registry import plugin_app_configs, plugin_is_registered


@staff_page(Action.PLUGIN_MANAGE)
@require_http_methods(["GET", "POST"])
def ministry_plugins_view(request: StaffRequest) -> HttpResponse:
    from tenants.plugin_services import (
        plugin_activate_checked,
        plugin_available_for,
        plugin_deactivate_checked,
    )

    ministry = getattr(connection, "tenant", None)
    if ministry is None or ministry.schema_name == "public":
        raise Http404
    error = ""
    status = 200
    if request.method == "POST":
        slug = request.POST.get("plugin", "")
        if slug not in plugin_app_configs():
            raise Http404
        try:
            if request.POST.get("op") == "deactivate":
                plugin_deactivate_checked(ministry=ministry, slug=slug, actor=request.user)
            else:
                raw = request.POST.get("config", "").strip() or "{}"
                try:
                    config = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise ValidationError({"config": [_("This is not valid JSON.")]}) from exc
                plugin_activate_checked(
                    ministry=ministry, slug=slug, config=config, actor=request.user
                )
        except ApplicationError as exc:
            error = exc.message
        except ValidationError as exc:
            error = " ".join(m for ms in exc.message_dict.values() for m in ms)
        else:
            messages.success(request, _("Saved."))
            return HttpResponseRedirect(request.path)
        status = 400
    active = enabled_slugs(ministry)
    items = [
        {
            "slug": slug,
            "meta": config.PluginMeta,
            "active": slug in active,
            "available": plugin_is_registered(slug)
            and plugin_available_for(ministry=ministry, slug=slug),
        }
        for slug, config in sorted(plugin_app_configs().items())
    ]
    return render(
        request,
        "extensions/ministry_plugins.html",
        {"items": items, "error": error},
        status=status,
    )
