"""Plugin activation per ministry: data in the public schema, decided by the coordination unit.

Activation validates the ministry's configuration against the plugin's schema, refuses plugins
that are not available for the ministry's country, seeds the plugin's data in the ministry's
schema (``plugin_enabled`` hook) and audits the change in both the public trail and the
ministry's own. Deactivation keeps every row the plugin wrote (R26).
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.audit.services import Actor, AuditAction, AuditPayload, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import activation_cache_clear
from labourhub.extensions.config import plugin_config_validate
from labourhub.extensions.manager import single_plugin_caller
from labourhub.extensions.registry import plugin_app_config, plugin_is_registered
from tenants.context import ministry_context
from tenants.models import Ministry, PluginActivation

ERR_NOT_INSTALLED = gettext_noop("The plugin %(slug)s is not installed on this platform.")
ERR_NOT_AVAILABLE = gettext_noop(
    "The plugin %(slug)s is not available for %(ministry)s (%(country)s)."
)
ERR_NOT_ACTIVE = gettext_noop("The plugin %(slug)s is not active for %(ministry)s.")


def _actor_name(actor: Actor) -> str:
    return actor.get_username() if actor is not None and actor.is_authenticated else "system"


def _by(actor: Actor, on_behalf_of: str) -> str:
    return on_behalf_of or _actor_name(actor)


def _invalidate(ministry: Ministry) -> None:
    # Now for this process (so the rest of this request sees it), and again after commit in case
    # another thread cached the old set in between.
    schema = str(ministry.schema_name)
    activation_cache_clear(schema)
    transaction.on_commit(lambda: activation_cache_clear(schema))


def plugin_activations_export(*, ministry: Ministry) -> list[dict[str, Any]]:
    """The ministry's plugin switches and settings, as a backup carries them."""
    return [
        {"slug": a.plugin_slug, "enabled": a.enabled, "config": a.config}
        for a in PluginActivation.objects.filter(ministry=ministry).order_by("plugin_slug")
    ]


def plugin_activations_restore(
    *, ministry: Ministry, activations: list[dict[str, Any]], changed_by: str
) -> list[str]:
    """Make ``ministry``'s plugin switches exactly those of a backup; returns the enabled slugs.

    Only the switches and settings are written: the plugins' own rows come back with the
    ministry's tables, so the activation side effects (seeding, calendars) must not run again.
    The caller (the restore) runs this in its transaction and audits the restore as a whole.
    """
    wanted = {str(a["slug"]): a for a in activations}
    for row in PluginActivation.objects.select_for_update().filter(ministry=ministry):
        if row.plugin_slug not in wanted and row.enabled:
            row.enabled = False
            row.changed_by = changed_by
            row.save()
    for slug, item in wanted.items():
        PluginActivation.objects.update_or_create(
            ministry=ministry,
            plugin_slug=slug,
            defaults={
                "enabled": bool(item.get("enabled")),
                "config": item.get("config") or {},
                "changed_by": changed_by,
            },
        )
    _invalidate(ministry)
    return sorted(slug for slug, item in wanted.items() if item.get("enabled"))


def plugin_available_for(*, ministry: Ministry, slug: str) -> bool:
    config = plugin_app_config(slug)
    if config is None or not plugin_is_registered(slug):
        return False
    countries = config.PluginMeta.countries
    if "*" not in countries and str(ministry.country) not in countries:
        return False
    verdict = single_plugin_caller(slug, "plugin_is_available")(tenant=ministry)
    return verdict is not False


@transaction.atomic
def plugin_activate(
    *,
    ministry: Ministry,
    slug: str,
    config: dict[str, Any] | None = None,
    actor: Actor,
    on_behalf_of: str = "",
) -> PluginActivation:
    """Activate (or re-activate) ``slug`` for ``ministry`` with a validated configuration.

    Raises ApplicationError when the plugin is missing or unavailable there, and ValidationError
    when the configuration does not fit the plugin's schema; nothing is written in either case.
    """
    app = plugin_app_config(slug)
    if app is None or not plugin_is_registered(slug):
        raise ApplicationError(_(ERR_NOT_INSTALLED) % {"slug": slug})
    if not plugin_available_for(ministry=ministry, slug=slug):
        raise ApplicationError(
            _(ERR_NOT_AVAILABLE)
            % {"slug": slug, "ministry": ministry.name, "country": ministry.country}
        )
    clean = plugin_config_validate(schema=app.PluginMeta.config_schema, data=config)
    activation = (
        PluginActivation.objects.select_for_update()
        .filter(ministry=ministry, plugin_slug=slug)
        .first()
    )
    before = (
        None if activation is None else {"enabled": activation.enabled, "config": activation.config}
    )
    if activation is None:
        activation = PluginActivation(ministry=ministry, plugin_slug=slug)
    activation.enabled = True
    activation.config = clean
    activation.changed_by = _by(actor, on_behalf_of)
    activation.save()
    payload: AuditPayload = {
        "changes": {
            "enabled": (before["enabled"] if before else False, True),
            "config": (before["config"] if before else None, clean),
        },
        "values": {"plugin": slug, "version": app.PluginMeta.version},
    }
    by = _by(actor, on_behalf_of)
    audit_record(
        actor=actor,
        action=AuditAction.PLUGIN_ACTIVATED,
        subject=ministry,
        payload=payload,
        actor_name=by,
    )
    _invalidate(ministry)
    with ministry_context(ministry):
        # The operator has no account in the ministry's schema: record them by name.
        audit_record(
            actor=None, action=AuditAction.PLUGIN_ACTIVATED, payload=payload, actor_name=by
        )
        single_plugin_caller(slug, "plugin_enabled")(tenant=ministry, config=clean)
        # A country pack's national calendar and fine schedule take effect at once.
        from labourhub.extensions.country import country_pack_apply

        country_pack_apply(tenant=ministry, actor=None)
    return activation


@transaction.atomic
def plugin_configure(
    *, ministry: Ministry, slug: str, config: dict[str, Any], actor: Actor
) -> PluginActivation:
    app = plugin_app_config(slug)
    activation = (
        PluginActivation.objects.select_for_update()
        .filter(ministry=ministry, plugin_slug=slug, enabled=True)
        .first()
    )
    if app is None or activation is None:
        raise ApplicationError(_(ERR_NOT_ACTIVE) % {"slug": slug, "ministry": ministry.name})
    clean = plugin_config_validate(schema=app.PluginMeta.config_schema, data=config)
    before = activation.config
    activation.config = clean
    activation.changed_by = _actor_name(actor)
    activation.save()
    audit_record(
        actor=actor,
        action=AuditAction.PLUGIN_CONFIGURED,
        subject=ministry,
        payload={"changes": {"config": (before, clean)}, "values": {"plugin": slug}},
    )
    return activation


@transaction.atomic
def plugin_deactivate(
    *, ministry: Ministry, slug: str, actor: Actor, on_behalf_of: str = ""
) -> PluginActivation:
    """Switch ``slug`` off for ``ministry``; its data stays, hidden until re-activation."""
    activation = (
        PluginActivation.objects.select_for_update()
        .filter(ministry=ministry, plugin_slug=slug, enabled=True)
        .first()
    )
    if activation is None:
        raise ApplicationError(_(ERR_NOT_ACTIVE) % {"slug": slug, "ministry": ministry.name})
    activation.enabled = False
    activation.changed_by = _by(actor, on_behalf_of)
    activation.save()
    payload: AuditPayload = {"changes": {"enabled": (True, False)}, "values": {"plugin": slug}}
    by = _by(actor, on_behalf_of)
    audit_record(
        actor=actor,
        action=AuditAction.PLUGIN_DEACTIVATED,
        subject=ministry,
        payload=payload,
        actor_name=by,
    )
    _invalidate(ministry)
    if plugin_is_registered(slug):
        with ministry_context(ministry):
            audit_record(
                actor=None, action=AuditAction.PLUGIN_DEACTIVATED, payload=payload, actor_name=by
            )
            single_plugin_caller(slug, "plugin_disabled")(tenant=ministry)
    return activation


ERR_MINISTRY_MAY_NOT = gettext_noop(
    "The coordination unit activates %(slug)s; ask it to switch the plugin on or off for you."
)


def _ministry_may_manage(*, slug: str, actor: Actor) -> None:
    from labourhub.accounts.roles import Action
    from labourhub.accounts.selectors import user_can

    app = plugin_app_config(slug)
    if app is None or not plugin_is_registered(slug):
        raise ApplicationError(_(ERR_NOT_INSTALLED) % {"slug": slug})
    if not app.PluginMeta.ministry_admin_may_activate:
        raise ApplicationError(_(ERR_MINISTRY_MAY_NOT) % {"slug": slug})
    if not user_can(user=actor, action=Action.PLUGIN_MANAGE):  # type: ignore[arg-type]
        raise ApplicationError(_("Your role does not allow this."))


def plugin_activate_checked(
    *, ministry: Ministry, slug: str, config: dict[str, Any] | None, actor: Actor
) -> PluginActivation:
    """A ministry's own administrator activates a plugin whose metadata allows it.

    Called from the ministry's schema (the actor is a ministry user); the activation itself is
    written by the coordination unit's service in the public schema, recorded as on behalf of
    that user, since ministry users do not exist in the public schema.
    """
    from tenants.context import public_context

    _ministry_may_manage(slug=slug, actor=actor)
    by = f"{ministry.schema_name}:{_actor_name(actor)}"
    with public_context():
        return plugin_activate(
            ministry=ministry, slug=slug, config=config, actor=None, on_behalf_of=by
        )


def plugin_deactivate_checked(*, ministry: Ministry, slug: str, actor: Actor) -> PluginActivation:
    from tenants.context import public_context

    _ministry_may_manage(slug=slug, actor=actor)
    by = f"{ministry.schema_name}:{_actor_name(actor)}"
    with public_context():
        return plugin_deactivate(ministry=ministry, slug=slug, actor=None, on_behalf_of=by)
