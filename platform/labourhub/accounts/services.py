from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from labourhub.accounts.models import Office, RoleGrant, User
from labourhub.accounts.roles import Role
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.services import model_update

USER_DEPARTED_FINAL = gettext_noop(
    "A departed user can never be reactivated; create a new account instead."
)
USERNAME_TAKEN = gettext_noop("This username is already taken.")
CANNOT_DEACTIVATE_SELF = gettext_noop("You cannot deactivate your own account.")
ALREADY_DEPARTED = gettext_noop("Already departed: nothing to do.")


@transaction.atomic
def office_create(
    *, code: str, name: str, level: str, parent: Office | None = None, actor: Actor
) -> Office:
    office = Office(code=code, name=name, level=level, parent=parent)
    office.full_clean()
    office.save()
    audit_record(
        actor=actor,
        action=AuditAction.OFFICE_CREATED,
        subject=office,
        payload={"values": {"code": code, "name": name, "level": level}},
    )
    return office


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    office: Office | None = None,
    roles: list[Role] | None = None,
    preferred_language: str = "",
    actor: Actor,
) -> User:
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _(USERNAME_TAKEN)})
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        office=office,
        preferred_language=preferred_language,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    for role in roles or []:
        RoleGrant.objects.create(user=user, role=role)
    audit_record(
        actor=actor,
        action=AuditAction.USER_CREATED,
        subject=user,
        payload={
            "values": {
                "username": username,
                "office": office.code if office else None,
                "roles": sorted(roles or []),
            }
        },
    )
    return user


@transaction.atomic
def user_update(*, user: User, data: dict[str, Any], actor: Actor) -> User:
    fields = ["first_name", "last_name", "email", "office", "preferred_language"]
    user, changed, diff = model_update(instance=user, fields=fields, data=data)
    if changed:
        audit_record(
            actor=actor,
            action=AuditAction.USER_UPDATED,
            subject=user,
            payload={"changes": {k: (str(a), str(b)) for k, (a, b) in diff.items()}},
        )
    return user


@transaction.atomic
def user_set_language(*, user: User, language: str, actor: Actor) -> User:
    return user_update(user=user, data={"preferred_language": language}, actor=actor)


@transaction.atomic
def role_grant(*, user: User, role: Role, actor: Actor) -> RoleGrant:
    grant, created = RoleGrant.objects.get_or_create(user=user, role=role)
    if created:
        audit_record(
            actor=actor,
            action=AuditAction.ROLE_GRANTED,
            subject=user,
            payload={"values": {"role": role}},
        )
    return grant


@transaction.atomic
def role_revoke(*, user: User, role: Role, actor: Actor) -> None:
    deleted, _n = RoleGrant.objects.filter(user=user, role=role).delete()
    if deleted:
        audit_record(
            actor=actor,
            action=AuditAction.ROLE_REVOKED,
            subject=user,
            payload={"values": {"role": role}},
        )


@transaction.atomic
def user_deactivate(*, user: User, actor: Actor, reason: str = "", departed: bool = True) -> User:
    """End a user's access at once and keep their history.

    ``departed`` is final; ``departed=False`` suspends. Open sessions die on the next request
    because the auth backend refuses inactive users; API tokens are deleted here.
    """
    if actor is not None and actor.pk == user.pk:
        raise ApplicationError(_(CANNOT_DEACTIVATE_SELF))
    before = user.status
    user.is_active = False
    user.status = User.Status.DEPARTED if departed else User.Status.SUSPENDED
    if departed:
        user.departed_at = timezone.now()
    user.save(update_fields=["is_active", "status", "departed_at"])
    tokens, _n = Token.objects.filter(user=user).delete()
    audit_record(
        actor=actor,
        action=AuditAction.USER_DEACTIVATED,
        subject=user,
        payload={
            "changes": {"status": (before, user.status)},
            "values": {"reason": reason, "tokens_revoked": tokens},
        },
    )
    return user


@dataclass(frozen=True)
class DeactivationOutcome:
    user: User
    deactivated: bool
    message: str


@transaction.atomic
def users_deactivate(
    *, users: list[User], actor: Actor, reason: str = ""
) -> list[DeactivationOutcome]:
    """Deactivate many users at once (people leaving); one outcome per user, in name order.

    Refusals (the actor's own account, a user already departed) are reported, not raised, so
    one refusal does not block the others; each deactivation is audited like a single one.
    """
    outcomes = []
    for user in sorted(users, key=lambda u: u.username):
        if actor is not None and actor.pk == user.pk:
            outcomes.append(DeactivationOutcome(user, False, _(CANNOT_DEACTIVATE_SELF)))
        elif user.status == User.Status.DEPARTED:
            outcomes.append(DeactivationOutcome(user, False, _(ALREADY_DEPARTED)))
        else:
            user_deactivate(user=user, actor=actor, reason=reason)
            outcomes.append(DeactivationOutcome(user, True, _("Can no longer sign in.")))
    return outcomes


@transaction.atomic
def user_reactivate(*, user: User, actor: Actor) -> User:
    if user.status == User.Status.DEPARTED:
        raise ApplicationError(_(USER_DEPARTED_FINAL))
    user.is_active = True
    user.status = User.Status.ACTIVE
    user.save(update_fields=["is_active", "status"])
    audit_record(actor=actor, action=AuditAction.USER_REACTIVATED, subject=user)
    return user


@transaction.atomic
def user_token_issue(*, user: User, actor: Actor) -> Token:
    if not user.is_active:
        raise ApplicationError(_("This account is not active."))
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit_record(actor=actor, action=AuditAction.USER_TOKEN_ISSUED, subject=user)
    return token


@transaction.atomic
def user_token_revoke(*, user: User, actor: Actor, reason: str) -> int:
    """End every API token of ``user`` (sign-out, expiry); returns how many there were."""
    revoked, _n = Token.objects.filter(user=user).delete()
    if revoked:
        audit_record(
            actor=actor,
            action=AuditAction.USER_TOKEN_REVOKED,
            subject=user,
            payload={"values": {"reason": reason}},
        )
    return revoked


@transaction.atomic
def user_second_factor_check(*, user: User, code: str) -> bool:
    """True when the account has no authenticator, or ``code`` is its current one.

    django-otp records the used step and failure throttling on the device, hence a service.
    """
    devices = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
    if not devices:
        return True
    return bool(code) and any(bool(device.verify_token(code)) for device in devices)


@transaction.atomic
def user_second_factor_device(*, user: User, code: str) -> TOTPDevice | None:
    """The confirmed device ``code`` belongs to, to mark the session verified; None if wrong."""
    if not code:
        return None
    for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


@transaction.atomic
def user_login_record(*, user: User, succeeded: bool) -> None:
    audit_record(
        actor=user if succeeded else None,
        action=AuditAction.AUTH_LOGGED_IN if succeeded else AuditAction.AUTH_LOGIN_FAILED,
        subject=user,
    )


@transaction.atomic
def user_totp_start(*, user: User, actor: Actor) -> TOTPDevice:
    """Create an unconfirmed TOTP device; it protects nothing until confirmed with a code."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    audit_record(actor=actor, action=AuditAction.USER_TOTP_STARTED, subject=user)
    return device


@transaction.atomic
def user_totp_confirm(*, user: User, token: str, actor: Actor) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        raise ApplicationError(_("That code is not valid. Try the current one."))
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=actor, action=AuditAction.USER_TOTP_ENABLED, subject=user)
    return device


@transaction.atomic
def user_totp_disable(*, user: User, token: str, actor: Actor) -> int:
    """Remove the account's authenticators; a current code proves the holder has the device."""
    if user_second_factor_device(user=user, code=token) is None:
        raise ApplicationError(_("That code is not valid. Try the current one."))
    removed, _n = TOTPDevice.objects.filter(user=user).delete()
    audit_record(actor=actor, action=AuditAction.USER_TOTP_DISABLED, subject=user)
    return int(removed)
