from typing import Any

from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import HasAction
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import user_list, user_roles
from labourhub.accounts.services import (
    user_create,
    user_deactivate,
    user_second_factor_check,
    user_token_issue,
    user_token_revoke,
)
from labourhub.api.authentication import token_expires_at
from labourhub.api.pagination import get_paginated_response

OTP_CODE_NEEDED = gettext_noop(
    "This account uses an authenticator app: send its current code in the otp field."
)


class UserOutput(serializers.ModelSerializer[User]):
    office: serializers.SlugRelatedField[Office] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "office",
            "status",
            "is_active",
            "preferred_language",
            "roles",
        ]

    def get_roles(self, obj: User) -> list[str]:
        return [g.role for g in obj.role_grants.all()]


class TokenObtainApi(APIView):
    """Password, and the authenticator code when the account has one, for an expiring token."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer[Any]):
        username = serializers.CharField(max_length=150)
        password = serializers.CharField(max_length=4096, trim_whitespace=False)
        otp = serializers.CharField(max_length=16, required=False, default="")

    @extend_schema(request=InputSerializer, responses={200: dict})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if user is None:
            raise AuthenticationFailed(_("Wrong username or password, or the account is locked."))
        if not user_second_factor_check(user=user, code=data.validated_data["otp"]):
            raise AuthenticationFailed(_(OTP_CODE_NEEDED))
        token = user_token_issue(user=user, actor=user)
        return Response({"token": token.key, "expires_at": token_expires_at(token).isoformat()})


class TokenRevokeApi(APIView):
    """Sign out of the API: the caller's tokens stop working at once (any signed-in account)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        user_token_revoke(user=user, actor=user, reason="sign-out")
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    @extend_schema(responses=UserOutput)
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = UserOutput(user).data
        data["roles"] = list(user_roles(user=user))
        return Response(data)


class UserListApi(APIView):
    permission_classes = [HasAction.of(Action.USER_MANAGE)]

    @extend_schema(responses=UserOutput(many=True))
    def get(self, request: Request) -> Response:
        return get_paginated_response(
            serializer_class=UserOutput,
            queryset=user_list(search=request.query_params.get("q", "")),
            request=request,
            view=self,
        )


class UserCreateApi(APIView):
    permission_classes = [HasAction.of(Action.USER_MANAGE)]

    class InputSerializer(serializers.Serializer[Any]):
        username = serializers.RegexField(r"^[\w.@+-]{3,150}$")
        password = serializers.CharField(max_length=4096, trim_whitespace=False)
        email = serializers.EmailField(required=False, default="")
        first_name = serializers.CharField(max_length=150, required=False, default="")
        last_name = serializers.CharField(max_length=150, required=False, default="")
        office = serializers.SlugRelatedField(
            slug_field="code",
            queryset=Office.objects.all(),
            required=False,
            allow_null=True,
            default=None,
        )
        roles = serializers.ListField(
            child=serializers.ChoiceField(choices=Role.choices),
            allow_empty=False,
            max_length=len(Role),
        )

    @extend_schema(request=InputSerializer, responses={201: UserOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["roles"] = [Role(r) for r in values["roles"]]
        user = user_create(**values, actor=request.user)
        return Response(UserOutput(user).data, status=status.HTTP_201_CREATED)


class UserDeactivateApi(APIView):
    permission_classes = [HasAction.of(Action.USER_MANAGE)]

    class InputSerializer(serializers.Serializer[Any]):
        reason = serializers.CharField(max_length=500, required=False, default="")

    @extend_schema(request=InputSerializer, responses=UserOutput)
    def post(self, request: Request, user_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = get_object_or_404(User, pk=user_id)
        user = user_deactivate(
            user=target, actor=request.user, reason=data.validated_data["reason"]
        )
        return Response(UserOutput(user).data)
