from django.urls import path
from oauth2_provider import views as oauth_views

# Django views of django-oauth-toolkit: form-encoded bodies, as RFC 6749 requires.
urlpatterns = [
    path("oauth/token/", oauth_views.TokenView.as_view(), name="oauth-token"),
    path("oauth/revoke/", oauth_views.RevokeTokenView.as_view(), name="oauth-revoke"),
]
