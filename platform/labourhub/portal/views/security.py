"""The optional second factor of portal accounts: the same django-otp devices as staff accounts.

A portal account with an authenticator is not signed in after its password: the password step
only remembers who is waiting (for a few minutes) and the session is opened once the code is
right. Wrong codes count as failed sign-ins, so the lockout is the password sign-in's lockout.
"""

import time
from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from labourhub.accounts.models import User
from labourhub.accounts.services import (
    user_second_factor_device,
    user_totp_confirm,
    user_totp_disable,
    user_totp_start,
)
from labourhub.common.exceptions import ApplicationError
from labourhub.portal.selectors import user_is_portal_only
from labourhub.portal.views.common import PortalRequest, portal_page
from labourhub.web.forms import OtpForm
from labourhub.web.views import lockout_response

PENDING_USER = "portal_otp_user"
PENDING_BACKEND = "portal_otp_backend"
PENDING_SINCE = "portal_otp_since"
# Long enough to open the app and type a code, short enough that a forgotten tab is useless.
PENDING_SECONDS = 300
CODE_INVALID = "That code is not valid. Try the current one."


def user_has_second_factor(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def second_step_begin(request: HttpRequest, user: User) -> HttpResponse:
    """After a right password: remember who is waiting for the code, without signing in."""
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_BACKEND] = getattr(
        user, "backend", settings.AUTHENTICATION_BACKENDS[-1]
    )
    request.session[PENDING_SINCE] = int(time.time())
    return HttpResponseRedirect(reverse("portal:login-otp"))


def _pending_user(request: HttpRequest) -> User | None:
    since = request.session.get(PENDING_SINCE)
    user_id = request.session.get(PENDING_USER)
    if not isinstance(since, int) or not isinstance(user_id, int):
        return None
    if time.time() - since > PENDING_SECONDS:
        _forget_pending(request)
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def _forget_pending(request: HttpRequest) -> None:
    for key in (PENDING_USER, PENDING_BACKEND, PENDING_SINCE):
        request.session.pop(key, None)


@require_http_methods(["GET", "POST"])
def login_otp_view(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    if signed_in:
        # A session opened before the authenticator was added (another browser, say).
        user: User | None = request.user  # type: ignore[assignment]
        assert isinstance(user, User)
        if not user_is_portal_only(user=user):
            return HttpResponseRedirect("/app/")
        if request.user.is_verified() or not user_has_second_factor(user):  # type: ignore[union-attr]
            return HttpResponseRedirect(reverse("portal:home"))
    else:
        user = _pending_user(request)
        if user is None:
            return HttpResponseRedirect(reverse("portal:login"))
    credentials = {"username": user.username}
    if AxesProxyHandler.is_locked(request, credentials):
        _forget_pending(request)
        return lockout_response(request, credentials)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = user_second_factor_device(user=user, code=form.cleaned_data["token"])
        if device is not None:
            if not signed_in:
                backend = request.session.get(PENDING_BACKEND)
                _forget_pending(request)
                login(request, user, backend=backend)
            otp_login(request, device)
            return HttpResponseRedirect(reverse("portal:home"))
        # Counted by axes and audited like a wrong password: the same lockout applies.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        form.add_error("token", _(CODE_INVALID))
    status = 400 if form.errors else 200
    return render(request, "portal/login_otp.html", {"form": form}, status=status)


def _qr_svg(url: str) -> str:
    buffer = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return buffer.getvalue().decode()


@portal_page()
@require_http_methods(["GET", "POST"])
def security_view(request: PortalRequest) -> HttpResponse:
    user = request.user
    step = request.POST.get("step", "")
    form = OtpForm(request.POST if step in ("confirm", "disable") else None)
    if step == "start" and not user_has_second_factor(user):
        user_totp_start(user=user, actor=user)
        return HttpResponseRedirect(reverse("portal:security"))
    if form.is_bound and form.is_valid():
        token = form.cleaned_data["token"]
        try:
            if step == "confirm":
                device = user_totp_confirm(user=user, token=token, actor=user)
                # This session proved the code just now; it stays open.
                otp_login(request, device)
                messages.success(request, _("Two-step sign-in is on."))
            else:
                user_totp_disable(user=user, token=token, actor=user)
                messages.success(request, _("Two-step sign-in is off."))
        except ApplicationError as exc:
            form.add_error("token", exc.message)
        else:
            return HttpResponseRedirect(reverse("portal:security"))
    enabled = user_has_second_factor(user)
    pending = None if enabled else TOTPDevice.objects.filter(user=user, confirmed=False).first()
    context = {
        "form": form,
        "enabled": enabled,
        "pending": pending,
        "qr_svg": _qr_svg(pending.config_url) if pending is not None else "",
        "secret": b32encode(pending.bin_key).decode() if pending is not None else "",
        "step": step,
    }
    return render(request, "portal/security.html", context, status=400 if form.errors else 200)
