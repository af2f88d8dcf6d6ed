"""Partner clients and their webhook subscriptions: the only code that writes them."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oauth2_provider.models import AccessToken, Application

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.services import role_grant
from labourhub.audit.services import Actor, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.interop import events
from labourhub.interop.models import Delivery, PartnerClient, WebhookSubscription
from labourhub.interop.scopes import SCOPES
from labourhub.interop.webhooks import url_check

NAME_REQUIRED = gettext_noop("Give the partner system a name.")
CONTACT_REQUIRED = gettext_noop("Give a contact person or address for the partner system.")
SCOPES_REQUIRED = gettext_noop("Choose at least one scope.")
SCOPE_UNKNOWN = gettext_noop("Unknown scope: %(scope)s.")
EVENT_TYPES_REQUIRED = gettext_noop("Choose at least one kind of event.")
EVENT_TYPE_UNKNOWN = gettext_noop("Unknown kind of event: %(type)s.")
MANAGE_DENIED = gettext_noop("Only the ministry's administrator manages partner systems.")


@dataclass(frozen=True)
class Credentials:
    """What the administrator hands to the partner once; the secret is never shown again."""

    partner: PartnerClient
    client_id: str
    client_secret: str


def _scopes_clean(scopes: list[str]) -> list[str]:
    cleaned = sorted({str(s).strip() for s in scopes if str(s).strip()})
    if not cleaned:
        raise ValidationError({"allowed_scopes": _(SCOPES_REQUIRED)})
    for scope in cleaned:
        if scope not in SCOPES:
            raise ValidationError({"allowed_scopes": _(SCOPE_UNKNOWN) % {"scope": scope[:50]}})
    return cleaned


def _text_clean(value: str, field: str, message: str, limit: int) -> str:
    cleaned = "".join(ch for ch in (value or "") if ch.isprintable()).strip()
    if not cleaned:
        raise ValidationError({field: _(message)})
    if len(cleaned) > limit:
        raise ValidationError({field: _("At most %(n)d characters.") % {"n": limit}})
    return cleaned


def _tokens_revoke(partner: PartnerClient) -> int:
    revoked, _n = AccessToken.objects.filter(application=partner.application).delete()
    return int(revoked)


@transaction.atomic
def partner_client_register(
    *, name: str, contact: str, allowed_scopes: list[str], actor: Actor
) -> Credentials:
    """Register a partner system; returns its client id and secret (shown once)."""
    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    clean_name = _text_clean(name, "name", NAME_REQUIRED, 200)
    clean_contact = _text_clean(contact, "contact", CONTACT_REQUIRED, 300)
    scopes = _scopes_clean(allowed_scopes)
    secret = secrets.token_urlsafe(32)
    application = Application(
        name=clean_name,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        client_secret=secret,
        hash_client_secret=True,
    )
    application.full_clean(exclude=["user"])
    application.save()
    user = User(
        username=f"partner-{get_random_string(12).lower()}",
        first_name=clean_name[:150],
        password=make_password(None),
    )
    user.save()
    # The base role gives ministry-wide reads; the token's scopes narrow every request.
    role_grant(user=user, role=Role.DIRECTOR, actor=actor)
    partner = PartnerClient.objects.create(
        name=clean_name,
        contact=clean_contact,
        allowed_scopes=scopes,
        application=application,
        service_user=user,
    )
    audit_record(
        actor=actor,
        action=events.PARTNER_REGISTERED,
        subject=partner,
        payload={"values": {"name": clean_name, "scopes": scopes}},
    )
    return Credentials(partner=partner, client_id=application.client_id, client_secret=secret)


@transaction.atomic
def partner_client_suspend(*, partner: PartnerClient, actor: Actor) -> PartnerClient:
    """Stop a partner at once: its tokens are deleted and no new one is issued."""
    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    locked = PartnerClient.objects.select_for_update().get(pk=partner.pk)
    revoked = _tokens_revoke(locked)
    if locked.status != PartnerClient.Status.SUSPENDED:
        locked.status = PartnerClient.Status.SUSPENDED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action=events.PARTNER_SUSPENDED,
            subject=locked,
            payload={"changes": {"status": ("active", "suspended")}, "values": {"tokens": revoked}},
        )
    return locked


@transaction.atomic
def partner_client_reactivate(*, partner: PartnerClient, actor: Actor) -> PartnerClient:
    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    locked = PartnerClient.objects.select_for_update().get(pk=partner.pk)
    if locked.status != PartnerClient.Status.ACTIVE:
        locked.status = PartnerClient.Status.ACTIVE
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action=events.PARTNER_REACTIVATED,
            subject=locked,
            payload={"changes": {"status": ("suspended", "active")}},
        )
    return locked


@transaction.atomic
def partner_client_rotate_secret(*, partner: PartnerClient, actor: Actor) -> Credentials:
    """Replace the secret; the old one and every token issued with it stop working."""
    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    locked = PartnerClient.objects.select_for_update().get(pk=partner.pk)
    secret = secrets.token_urlsafe(32)
    application = locked.application
    application.client_secret = secret
    application.save(update_fields=["client_secret", "updated"])
    revoked = _tokens_revoke(locked)
    audit_record(
        actor=actor,
        action=events.PARTNER_SECRET_ROTATED,
        subject=locked,
        payload={"values": {"tokens": revoked}},
    )
    return Credentials(partner=locked, client_id=application.client_id, client_secret=secret)


def partner_request_record(*, partner: PartnerClient, method: str, path: str) -> None:
    """Log one API request of a partner (usage log, not the audit chain: reads are many)."""
    partner.requests.create(method=method[:10], path=path[:500])


@transaction.atomic
def webhook_subscription_create(
    *, partner: PartnerClient, url: str, event_types: list[str], actor: Actor
) -> WebhookSubscription:
    """Subscribe ``partner``'s ``url`` to ``event_types`` (audit codes the scopes allow)."""
    from labourhub.interop.selectors import event_types_for

    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    clean_url = url_check(url)
    allowed = {code for code, _label in event_types_for(partner=partner)}
    chosen = sorted({str(t).strip() for t in event_types if str(t).strip()})
    if not chosen:
        raise ValidationError({"event_types": _(EVENT_TYPES_REQUIRED)})
    for code in chosen:
        if code not in allowed:
            raise ValidationError({"event_types": _(EVENT_TYPE_UNKNOWN) % {"type": code[:100]}})
    subscription = WebhookSubscription.objects.create(
        partner=partner, url=clean_url, event_types=chosen, secret=secrets.token_urlsafe(32)
    )
    audit_record(
        actor=actor,
        action=events.SUBSCRIPTION_CREATED,
        subject=subscription,
        payload={"values": {"partner": partner.name, "url": clean_url, "types": chosen}},
    )
    return subscription


@transaction.atomic
def delivery_replay(*, delivery: Delivery, actor: Actor) -> Delivery:
    """Put a dead letter back in the queue (same event id, so the partner can deduplicate)."""
    permission_check(actor=actor, action=Action.USER_MANAGE, message=MANAGE_DENIED)
    locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
    locked.status = Delivery.Status.PENDING
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.save(update_fields=["status", "attempts", "next_attempt_at"])
    audit_record(
        actor=actor,
        action=events.DELIVERY_REPLAYED,
        subject=locked.subscription,
        payload={"values": {"event": str(locked.event.event_id)}},
    )
    task_enqueue_on_commit("labourhub.interop.tasks.delivery_send", delivery_id=locked.pk)
    return locked
