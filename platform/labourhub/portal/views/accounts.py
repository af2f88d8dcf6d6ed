from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.portal.forms import EvidenceForm, SignupForm
from labourhub.portal.models import PortalAccount
from labourhub.portal.selectors import (
    establishment_list_represented,
    inbox_unopened_count,
    portal_account_get,
    user_is_portal_only,
)
from labourhub.portal.services.accounts import (
    portal_email_confirm,
    portal_evidence_add,
    portal_signup,
    portal_verification_resend,
)
from labourhub.portal.views.common import PortalRequest, portal_page
from labourhub.portal.views.security import second_step_begin, user_has_second_factor
from labourhub.web.forms import LoginForm


def _verify_link_base(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("portal:verify-email", args=["x"]))[:-2]


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return render(request, "portal/landing.html")
    if not user_is_portal_only(user=user):
        return HttpResponseRedirect("/app/")
    assert isinstance(user, User)
    account = portal_account_get(user=user)
    context = {
        "account": account,
        "establishments": establishment_list_represented(user=user)[:20],
        "unopened": inbox_unopened_count(user=user),
    }
    return render(request, "portal/home.html", context)


class PortalLoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return reverse("portal:home")

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if user_is_portal_only(user=user) and user_has_second_factor(user):
            return second_step_begin(self.request, user)
        super().form_valid(form)
        if not user_is_portal_only(user=user):
            return HttpResponseRedirect("/app/")
        return HttpResponseRedirect(self.get_success_url())


@require_http_methods(["GET", "POST"])
def signup_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return HttpResponseRedirect(reverse("portal:home"))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("password_again")
        try:
            portal_signup(
                link_base=_verify_link_base(request),
                language=getattr(request, "LANGUAGE_CODE", ""),
                **data,
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            return HttpResponseRedirect(reverse("portal:signup-sent"))
    return render(request, "portal/signup.html", {"form": form})


def signup_sent_view(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/signup_sent.html")


def verify_email_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        account = portal_email_confirm(token=token[:500])
    except ApplicationError as exc:
        return render(request, "portal/verify_failed.html", {"message": exc.message}, status=400)
    return render(request, "portal/verify_done.html", {"account": account})


@portal_page()
@require_http_methods(["GET", "POST"])
def account_view(request: PortalRequest) -> HttpResponse:
    account = request.account
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if "resend" in request.POST:
            portal_verification_resend(account=account, link_base=_verify_link_base(request))
            messages.success(request, _("We sent the confirmation link again."))
            return HttpResponseRedirect(reverse("portal:account"))
        if form.is_valid():
            try:
                count = portal_evidence_add(
                    account=account, files=form.cleaned_data["files"], actor=request.user
                )
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc, default="files")
            else:
                messages.success(request, _("%(n)s document(s) added.") % {"n": count})
                return HttpResponseRedirect(reverse("portal:account"))
    evidence = account.evidence.all() if account.kind == PortalAccount.Kind.EMPLOYER else []
    return render(
        request, "portal/account.html", {"account": account, "form": form, "evidence": evidence}
    )


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
def establishments_view(request: PortalRequest) -> HttpResponse:
    establishments = establishment_list_represented(user=request.user)
    return render(request, "portal/establishments.html", {"establishments": establishments})


password_reset = auth_views.PasswordResetView.as_view(
    template_name="portal/password_reset.html",
    email_template_name="portal/password_reset_email.txt",
    subject_template_name="portal/password_reset_subject.txt",
    success_url=reverse_lazy("portal:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="portal/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="portal/password_reset_confirm.html",
    success_url=reverse_lazy("portal:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="portal/password_reset_complete.html"
)
