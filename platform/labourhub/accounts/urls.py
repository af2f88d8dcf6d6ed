from django.urls import path

from labourhub.accounts import apis

urlpatterns = [
    path("auth/token/", apis.TokenObtainApi.as_view(), name="token-obtain"),
    path("auth/token/revoke/", apis.TokenRevokeApi.as_view(), name="token-revoke"),
    path("me/", apis.MeApi.as_view(), name="me"),
    path("users/", apis.UserListApi.as_view(), name="user-list"),
    path("users/create/", apis.UserCreateApi.as_view(), name="user-create"),
    path(
        "users/<int:user_id>/deactivate/", apis.UserDeactivateApi.as_view(), name="user-deactivate"
    ),
]
