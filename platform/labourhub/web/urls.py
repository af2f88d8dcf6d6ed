from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from labourhub.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/otp/", views.login_otp, name="login-otp"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="web/password_reset.html",
            email_template_name="web/password_reset_email.txt",
            success_url=reverse_lazy("web:password-reset-done"),
        ),
        name="password-reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="web/password_reset_done.html"),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="web/password_reset_confirm.html",
            success_url=reverse_lazy("web:password-reset-complete"),
        ),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="web/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path("account/", views.account_view, name="account"),
    path("language/", views.set_language_view, name="set-language"),
    path("users/", views.user_list_view, name="user-list"),
    path("users/<int:user_id>/deactivate/", views.user_deactivate_view, name="user-deactivate"),
    path("users/deactivate/", views.user_bulk_deactivate_view, name="user-bulk-deactivate"),
    path("audit/", views.audit_list_view, name="audit-list"),
    path("help/", views.guide_list_view, name="guide-list"),
    path("help/img/<str:name>", views.guide_image_view, name="guide-image"),
    path("help/<slug:slug>", views.guide_view, name="guide"),
]
