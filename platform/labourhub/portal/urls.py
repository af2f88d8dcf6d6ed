from django.urls import path

from labourhub.portal.plugin_pages import PortalPagesResolver
from labourhub.portal.views import accounts, inbox, reports, security, submissions, workers

app_name = "portal"

urlpatterns = [
    path("", accounts.home, name="home"),
    path("login/", accounts.PortalLoginView.as_view(), name="login"),
    path("login/otp/", security.login_otp_view, name="login-otp"),
    path("signup/", accounts.signup_view, name="signup"),
    path("signup/sent/", accounts.signup_sent_view, name="signup-sent"),
    path("verify-email/<str:token>/", accounts.verify_email_view, name="verify-email"),
    path("password-reset/", accounts.password_reset, name="password-reset"),
    path("password-reset/sent/", accounts.password_reset_done, name="password-reset-done"),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path("password-reset/done/", accounts.password_reset_complete, name="password-reset-complete"),
    path("account/", accounts.account_view, name="account"),
    path("account/security/", security.security_view, name="security"),
    path("establishments/", accounts.establishments_view, name="establishments"),
    path("establishments/new/", submissions.submission_new_view, name="submission-new"),
    path(
        "establishments/<int:establishment_id>/update/",
        submissions.submission_update_view,
        name="submission-update",
    ),
    path("establishments/submissions/", submissions.submission_list_view, name="submissions"),
    path(
        "establishments/submissions/<int:submission_id>/",
        submissions.submission_view,
        name="submission",
    ),
    path("my-complaints/", workers.complaints_view, name="complaints"),
    path("my-complaints/new/", workers.complaint_new_view, name="complaint-new"),
    path("my-complaints/<int:complaint_id>/", workers.complaint_view, name="complaint"),
    path(
        "my-complaints/<int:complaint_id>/documents/<int:share_id>/",
        workers.complaint_document_view,
        name="complaint-document",
    ),
    path("accidents/", workers.accidents_view, name="accidents"),
    path("accidents/new/", workers.accident_new_view, name="accident-new"),
    path("reports/", reports.report_list_view, name="reports"),
    path("reports/new/", reports.report_new_view, name="report-new"),
    path("inbox/", inbox.inbox_view, name="inbox"),
    path("inbox/<int:notification_id>/", inbox.notification_view, name="notification"),
    PortalPagesResolver(),
]
