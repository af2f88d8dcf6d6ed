"""Portal accounts: sign-up, e-mail confirmation, the ministry's check, representation links."""

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.services import user_create
from labourhub.audit.services import audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.portal import events
from labourhub.portal.models import AccountEvidence, PortalAccount, Representation
from labourhub.portal.services.uploads import upload_check_many, upload_discard, upload_store
from labourhub.registry.models import Establishment

VERIFY_SALT = "labourhub.portal.email"
VERIFY_MAX_AGE = 3 * 24 * 3600

EMAIL_TAKEN = gettext_noop("An account with this e-mail address already exists.")
EMAIL_INVALID = gettext_noop("Enter a valid e-mail address.")
ORGANISATION_REQUIRED = gettext_noop("Give the name of the organisation you act for.")
TAX_REQUIRED = gettext_noop("Give the organisation's tax or registration number.")
NAME_REQUIRED = gettext_noop("Give your first and last name.")
LINK_INVALID = gettext_noop(
    "This confirmation link is not valid or has expired. Sign in to receive a new one."
)
NOT_IN_QUEUE = gettext_noop("This account is not waiting for a check.")
NOT_VERIFIED = gettext_noop("The account must be verified by the ministry first.")
NOT_EMPLOYER = gettext_noop("Only employer accounts can represent an establishment.")
ALREADY_LINKED = gettext_noop("This person already represents this establishment.")
REASON_REQUIRED = gettext_noop("Say why the account is refused; the applicant reads it.")
NOT_EMPLOYER_ACCOUNT = gettext_noop("Only employers upload evidence.")


def _clean_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _(EMAIL_INVALID)}) from None
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _(EMAIL_TAKEN)})
    return email


def email_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


def _send_verification(*, user: User, link_base: str) -> None:
    link = f"{link_base}{email_token(user=user)}/"
    body = _(
        "Hello %(name)s,\n\nConfirm your e-mail address for the labour ministry's portal by "
        "opening this link within three days:\n\n%(link)s\n\nIf you did not sign up, ignore "
        "this message."
    ) % {"name": user.get_full_name() or user.get_username(), "link": link}
    send_mail(
        _("Confirm your e-mail address"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@transaction.atomic
def portal_signup(
    *,
    kind: str,
    username: str,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    link_base: str,
    organisation: str = "",
    tax_number: str = "",
    phone: str = "",
    language: str = "",
) -> PortalAccount:
    """Create an employer or worker account waiting for its e-mail confirmation.

    The confirmation mail leaves after the commit, so a refused sign-up never sends one.
    """
    errors: dict[str, Any] = {}
    if kind not in PortalAccount.Kind.values:
        raise ValidationError({"kind": _("Choose employer or worker.")})
    if not first_name.strip() or not last_name.strip():
        errors["first_name"] = _(NAME_REQUIRED)
    if kind == PortalAccount.Kind.EMPLOYER:
        if not organisation.strip():
            errors["organisation"] = _(ORGANISATION_REQUIRED)
        if not tax_number.strip():
            errors["tax_number"] = _(TAX_REQUIRED)
    try:
        email = _clean_email(email)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    user = user_create(
        username=username.strip(),
        password=password,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        roles=[Role(kind)],
        preferred_language=language,
        actor=None,
    )
    account = PortalAccount(
        user=user,
        kind=kind,
        organisation=organisation.strip(),
        tax_number=tax_number.strip(),
        phone=phone.strip(),
    )
    account.full_clean()
    account.save()
    audit_record(
        actor=user,
        action=events.ACCOUNT_SIGNED_UP,
        subject=account,
        payload={"values": {"kind": kind, "organisation": account.organisation}},
    )
    transaction.on_commit(lambda: _send_verification(user=user, link_base=link_base))
    return account


def portal_verification_resend(*, account: PortalAccount, link_base: str) -> None:
    if account.status == PortalAccount.Status.EMAIL_PENDING:
        _send_verification(user=account.user, link_base=link_base)


@transaction.atomic
def portal_email_confirm(*, token: str) -> PortalAccount:
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
        user_id, email = int(data["u"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ApplicationError(_(LINK_INVALID)) from None
    account = (
        PortalAccount.objects.select_for_update()
        .select_related("user")
        .filter(user_id=user_id, user__email=email)
        .first()
    )
    if account is None:
        raise ApplicationError(_(LINK_INVALID))
    if account.status != PortalAccount.Status.EMAIL_PENDING:
        return account
    # Workers act only for themselves; an employer waits for the ministry's check.
    account.status = (
        PortalAccount.Status.VERIFIED
        if account.kind == PortalAccount.Kind.WORKER
        else PortalAccount.Status.REVIEW_PENDING
    )
    account.email_verified_at = timezone.now()
    account.save(update_fields=["status", "email_verified_at", "updated_at"])
    audit_record(
        actor=account.user,
        action=events.ACCOUNT_EMAIL_VERIFIED,
        subject=account,
        payload={"values": {"status": account.status}},
    )
    return account


def portal_evidence_add(*, account: PortalAccount, files: list[Any], actor: User) -> int:
    """Check and store the employer's proof documents; all or nothing.

    Runs outside a transaction: objects are written only after every file passed its checks and
    removed again if recording the rows fails.
    """
    if actor.pk != account.user_id:
        raise PermissionDenied(_("You may only add evidence to your own account."))
    if account.kind != PortalAccount.Kind.EMPLOYER:
        raise ApplicationError(_(NOT_EMPLOYER_ACCOUNT))
    checked = upload_check_many(files=files)
    keys: list[str] = []
    try:
        for item in checked:
            # Remembered one by one: a failure half-way must remove the files already written.
            key = upload_store(folder=f"accounts/{account.pk}", checked=item)
            keys.append(key)
        with transaction.atomic():
            for item, key in zip(checked, keys, strict=True):
                evidence = AccountEvidence.objects.create(
                    account=account,
                    original_name=item.name,
                    storage_key=key,
                    sha256=item.sha256,
                    size=len(item.data),
                    content_type=item.content_type,
                )
                audit_record(
                    actor=actor,
                    action=events.ACCOUNT_EVIDENCE_ADDED,
                    subject=account,
                    payload={
                        "values": {
                            "evidence": evidence.pk,
                            "name": item.name,
                            "sha256": item.sha256,
                        }
                    },
                )
    except BaseException:
        upload_discard(keys=keys)
        raise
    return len(checked)


@transaction.atomic
def portal_account_decide(
    *, account: PortalAccount, accept: bool, note: str, actor: User
) -> PortalAccount:
    """A clerk accepts or refuses an employer account after looking at its evidence."""
    permission_check(actor=actor, action=Action.PORTAL_ACCOUNT_VERIFY)
    locked = PortalAccount.objects.select_for_update().get(pk=account.pk)
    if locked.status != PortalAccount.Status.REVIEW_PENDING:
        raise ApplicationError(_(NOT_IN_QUEUE))
    if not accept and not note.strip():
        raise ValidationError({"note": _(REASON_REQUIRED)})
    locked.status = PortalAccount.Status.VERIFIED if accept else PortalAccount.Status.REJECTED
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.review_note = note.strip()
    locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    audit_record(
        actor=actor,
        action=events.ACCOUNT_VERIFIED if accept else events.ACCOUNT_REJECTED,
        subject=locked,
        payload={"values": {"note": locked.review_note}},
    )
    return locked


@transaction.atomic
def portal_account_attach(
    *, user: User, kind: str, organisation: str = "", tax_number: str = "", actor: User | None
) -> PortalAccount:
    """Give an existing employer/worker login its verified portal profile (accounts the ministry
    opened itself, e.g. at a service desk or in a demo); the ministry vouches for it."""
    permission_check(actor=actor, action=Action.PORTAL_ACCOUNT_VERIFY)
    now = timezone.now()
    account = PortalAccount(
        user=user,
        kind=kind,
        organisation=organisation.strip(),
        tax_number=tax_number.strip(),
        status=PortalAccount.Status.VERIFIED,
        email_verified_at=now,
        reviewed_by=actor,
        reviewed_at=now,
    )
    account.full_clean()
    account.save()
    audit_record(
        actor=actor,
        action=events.ACCOUNT_VERIFIED,
        subject=account,
        payload={"values": {"kind": kind, "organisation": account.organisation}},
    )
    return account


@transaction.atomic
def representation_add(
    *, user: User, establishment: Establishment, actor: User | None
) -> Representation:
    """Link a verified employer account to an establishment (the ministry decides)."""
    permission_check(actor=actor, action=Action.ESTABLISHMENT_EDIT, office=establishment.office)
    account = PortalAccount.objects.filter(user=user).first()
    if account is None or account.kind != PortalAccount.Kind.EMPLOYER:
        raise ApplicationError(_(NOT_EMPLOYER))
    if account.status != PortalAccount.Status.VERIFIED:
        raise ApplicationError(_(NOT_VERIFIED))
    if Representation.objects.filter(
        user=user, establishment=establishment, removed_at__isnull=True
    ).exists():
        raise ApplicationError(_(ALREADY_LINKED))
    link = Representation.objects.create(user=user, establishment=establishment, added_by=actor)
    audit_record(
        actor=actor,
        action=events.REPRESENTATION_ADDED,
        subject=establishment,
        payload={"values": {"representative": user.get_username(), "link": link.pk}},
    )
    return link


@transaction.atomic
def representation_remove(*, link: Representation, actor: User) -> Representation:
    permission_check(
        actor=actor, action=Action.ESTABLISHMENT_EDIT, office=link.establishment.office
    )
    locked = Representation.objects.select_for_update().get(pk=link.pk)
    if locked.removed_at is not None:
        return locked
    locked.removed_at = timezone.now()
    locked.removed_by = actor
    locked.save(update_fields=["removed_at", "removed_by", "updated_at"])
    audit_record(
        actor=actor,
        action=events.REPRESENTATION_REMOVED,
        subject=locked.establishment,
        payload={"values": {"representative": locked.user.get_username(), "link": locked.pk}},
    )
    return locked
