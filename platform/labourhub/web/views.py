from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from labourhub.accounts.models import User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import user_can, user_list, user_roles
from labourhub.accounts.services import (
    user_create,
    user_deactivate,
    user_set_language,
    user_totp_confirm,
    user_totp_start,
    users_deactivate,
)
from labourhub.accounts.titles import role_title
from labourhub.audit.selectors import audit_event_list
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.web.forms import (
    AuditFilterForm,
    LanguageForm,
    LoginForm,
    OtpForm,
    UserCreateForm,
)
from labourhub.web.guides import GUIDES, guide_html, guide_image_path
from labourhub.web.selectors import dashboard_counts, home_queues
from labourhub.web.tables import table_sort, table_sorted

LOCKED_OUT = gettext_noop(
    "Too many failed sign-in attempts. This account is locked for 15 minutes."
)

# Columns the user list sorts by (address key -> fields, ascending).
USER_COLUMNS = {
    "username": ("username",),
    "name": ("last_name", "first_name"),
    "office": ("office__name",),
    "status": ("status",),
}


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if TOTPDevice.objects.filter(user=form.get_user(), confirmed=True).exists():
            return HttpResponseRedirect(reverse("web:login-otp"))
        return response


def lockout_response(
    request: HttpRequest, credentials: Any, *args: Any, **kwargs: Any
) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        # API clients parse JSON; an HTML sign-in page would be unreadable to them.
        return JsonResponse({"message": _(LOCKED_OUT), "extra": {}}, status=429)
    form = LoginForm(request)
    # Portal accounts meet the lockout on the portal's own sign-in page.
    template = "portal/login.html" if request.path_info.startswith("/portal/") else "web/login.html"
    return render(request, template, {"form": form, "locked_out": _(LOCKED_OUT)}, status=429)


@login_required
@require_http_methods(["GET", "POST"])
def login_otp(request: HttpRequest) -> HttpResponse:
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return HttpResponseRedirect(reverse("web:home"))
        form.add_error("token", _("That code is not valid. Try the current one."))
    return render(request, "web/login_otp.html", {"form": form})


def _holidays_missing_year(user: User) -> int | None:
    """For who keeps the calendar: next year, once it is due and still has no holidays."""
    from labourhub.accounts.selectors import user_can
    from labourhub.common.db import current_schema
    from labourhub.workflow.selectors import calendar_next_year_missing
    from labourhub.workflow.services import ministry_today

    # The platform's own host has no calendar: only a ministry keeps one.
    if current_schema() == "public" or not user_can(user=user, action=Action.CALENDAR_MANAGE):
        return None
    return calendar_next_year_missing(today=ministry_today())


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    queues = home_queues(user=user)
    # The platform-wide figures matter to whoever manages accounts, and fill an empty page.
    show_counts = not queues or user_can(user=user, action=Action.USER_MANAGE)
    return render(
        request,
        "web/home.html",
        {
            "queues": queues,
            "counts": dashboard_counts(user=user) if show_counts else [],
            "roles": [role_title(r) for r in user_roles(user=user)],
            "missing_year": _holidays_missing_year(user),
        },
    )


@staff_page(Action.USER_MANAGE)
@require_http_methods(["GET", "POST"])
def user_list_view(request: StaffRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = user_create(
                username=data["username"],
                password=data["password"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                office=data["office"],
                roles=[Role(data["role"])],
                actor=request.user,
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="password")
        else:
            messages.success(request, _("User %(name)s created.") % {"name": created.username})
            return HttpResponseRedirect(reverse("web:user-list"))
    sort = table_sort(request.GET, USER_COLUMNS, "username")
    rows = table_sorted(user_list(search=request.GET.get("q", "")), sort)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "web/users.html",
        {"page": page, "form": form, "q": request.GET.get("q", ""), "sort": sort.key},
        status=400 if form.errors else 200,
    )


@staff_page(Action.USER_MANAGE)
@require_POST
def user_deactivate_view(request: StaffRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(User, pk=user_id)
    try:
        user_deactivate(
            user=target, actor=request.user, reason=request.POST.get("reason", "")[:500]
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s can no longer sign in.") % {"name": target.username})
    return HttpResponseRedirect(reverse("web:user-list"))


BULK_NONE = gettext_noop("Select at least one user.")
BULK_BAD_ID = gettext_noop("The selection was not understood; select the users again.")


@staff_page(Action.USER_MANAGE)
@require_POST
def user_bulk_deactivate_view(request: StaffRequest) -> HttpResponse:
    """Select → confirm (it cannot be undone) → one line of outcome per user."""
    raw = request.POST.getlist("user")
    if not raw or not all(r.isdigit() and len(r) <= 12 for r in raw):
        messages.error(request, _(BULK_BAD_ID) if raw else _(BULK_NONE))
        return render(request, "web/users_bulk.html", {"step": "error"}, status=400)
    # Ids of another ministry simply match nothing: the query runs in this ministry's schema.
    users = list(User.objects.filter(pk__in={int(r) for r in raw}).order_by("username"))
    if not users:
        messages.error(request, _(BULK_NONE))
        return render(request, "web/users_bulk.html", {"step": "error"}, status=400)
    if request.POST.get("confirm") != "yes":
        return render(request, "web/users_bulk.html", {"step": "confirm", "users": users})
    outcomes = users_deactivate(
        users=users, actor=request.user, reason=request.POST.get("reason", "")[:500]
    )
    return render(request, "web/users_bulk.html", {"step": "done", "outcomes": outcomes})


@staff_page(Action.AUDIT_VIEW)
def audit_list_view(request: StaffRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events = audit_event_list(filters=form.cleaned_data if form.is_valid() else {})  # type: ignore[arg-type]
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    template = "web/partials/audit_rows.html" if request.htmx else "web/audit.html"  # type: ignore[attr-defined]
    return render(
        request, template, {"form": form, "page": page}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    language_form = LanguageForm(
        request.POST if "language" in request.POST else None,
        initial={"language": request.LANGUAGE_CODE},
    )
    otp_form = OtpForm(request.POST if "token" in request.POST else None)
    if language_form.is_bound and language_form.is_valid():
        user_set_language(user=user, language=language_form.cleaned_data["language"], actor=user)
        return HttpResponseRedirect(reverse("web:account"))
    if otp_form.is_bound and otp_form.is_valid():
        try:
            user_totp_confirm(user=user, token=otp_form.cleaned_data["token"], actor=user)
        except ApplicationError as exc:
            otp_form.add_error("token", exc.message)
        else:
            messages.success(request, _("Two-step sign-in is on."))
            return HttpResponseRedirect(reverse("web:account"))
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if request.GET.get("totp") == "start" and pending is None:
        pending = user_totp_start(user=user, actor=user)
    qr_svg = ""
    if pending is not None:
        buf = BytesIO()
        qrcode.make(pending.config_url, image_factory=qrcode.image.svg.SvgPathImage).save(buf)
        qr_svg = buf.getvalue().decode()
    return render(
        request,
        "web/account.html",
        {
            "language_form": language_form,
            "otp_form": otp_form,
            "pending": pending,
            "qr_svg": qr_svg,
            "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        },
        status=400 if (otp_form.errors or language_form.errors) else 200,
    )


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"ok {timezone.now():%Y-%m-%dT%H:%M:%SZ}", content_type="text/plain")


@require_POST
def set_language_view(request: HttpRequest) -> HttpResponse:
    """The switcher: remembers the choice in a cookie, and on the account when signed in."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        # A public LMI page names its language in the address: the same page, new language.
        shown = translation.get_language_from_path(next_url)
        if shown:
            response = HttpResponseRedirect(f"/{language}/{next_url[len(shown) + 2 :]}")
        if request.user.is_authenticated:
            user_set_language(user=request.user, language=language, actor=request.user)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
        )
    return response


@login_required
def guide_list_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/guide.html",
        {
            "guides": [
                (slug, label, reverse("web:guide", args=[slug])) for slug, label in GUIDES.items()
            ]
        },
    )


@login_required
def guide_view(request: HttpRequest, slug: str) -> HttpResponse:
    html = guide_html(slug=slug)
    if html is None:
        raise Http404(_("There is no such guide."))
    return render(
        request,
        "web/guide.html",
        {"guide_title": GUIDES[slug], "guide_body": mark_safe(html)},  # noqa: S308
    )


@login_required
def guide_image_view(request: HttpRequest, name: str) -> FileResponse:
    path = guide_image_path(name=name)
    if path is None:
        raise Http404(_("There is no such image."))
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
