"""The employment service's API: one APIView per operation, nested serializers."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.plugin_api import Action, HasAction, get_paginated_response, request_user
from labourhub_employment_services import isco
from labourhub_employment_services.matching import Match, seeker_matches, vacancy_matches
from labourhub_employment_services.models import Education, JobSeeker, Referral, Vacancy
from labourhub_employment_services.selectors import (
    jobseeker_get,
    jobseeker_list,
    referral_get,
    region_by_id,
    vacancy_get,
    vacancy_list,
)
from labourhub_employment_services.services import (
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_register,
    referral_make,
    referral_record,
    vacancy_publish,
    vacancy_register,
)


class SeekerOutput(serializers.ModelSerializer[JobSeeker]):
    name = serializers.CharField(source="display_name")
    occupation_names = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = JobSeeker
        fields = [
            "id", "name", "sex", "birth_year", "region", "community", "education", "occupations",
            "occupation_names", "skills", "experience_years", "availability", "status",
            "in_matching", "consent_sharing_at", "created_at",
        ]  # fmt: skip


class VacancyOutput(serializers.ModelSerializer[Vacancy]):
    occupation_name = serializers.CharField(source="occupation_label")
    sector_name = serializers.CharField(source="sector_label")

    class Meta:
        model = Vacancy
        fields = [
            "id", "reference", "title", "employer_name", "occupation", "occupation_name",
            "sector", "sector_name", "region", "community", "wage_min", "wage_max",
            "requirements", "skills", "min_education", "min_experience_years", "posts",
            "posts_filled", "closing_date", "status", "published_at",
        ]  # fmt: skip


class ReferralOutput(serializers.ModelSerializer[Referral]):
    class Meta:
        model = Referral
        fields = [
            "id",
            "seeker",
            "vacancy",
            "status",
            "referred_on",
            "interviewed_on",
            "outcome_on",
        ]


class FilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(max_length=100, required=False, default="")
    status = serializers.CharField(max_length=12, required=False, default="")


def _region_error() -> str:
    return _("Choose one of the ministry's regions.")


def _match_output(match: Match, output: type[serializers.Serializer[Any]]) -> dict[str, Any]:
    return {
        "score": match.score,
        "reasons": match.reasons,
        "warnings": match.warnings,
        "referred": match.referred,
        "item": output(match.obj).data,
    }


def _seeker(seeker_id: int) -> JobSeeker:
    seeker = jobseeker_get(seeker_id=seeker_id)
    if seeker is None:
        raise Http404
    return seeker


def _vacancy(vacancy_id: int) -> Vacancy:
    vacancy = vacancy_get(vacancy_id=vacancy_id)
    if vacancy is None:
        raise Http404
    return vacancy


class SeekerListApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    @extend_schema(parameters=[FilterSerializer], responses=SeekerOutput(many=True))
    def get(self, request: Request) -> Response:
        f = FilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        status_ = f.validated_data["status"]
        qs = jobseeker_list(
            search=f.validated_data["q"],
            status=status_ if status_ in JobSeeker.Status.values else "",
        )
        return get_paginated_response(
            serializer_class=SeekerOutput, request=request, view=self, queryset=qs
        )


class SeekerRegisterApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        first_name = serializers.CharField(max_length=100)
        last_name = serializers.CharField(max_length=100)
        sex = serializers.ChoiceField(choices=JobSeeker.Sex.choices)
        birth_year = serializers.IntegerField(min_value=1900, max_value=2100)
        consent_processing = serializers.BooleanField()
        consent_sharing = serializers.BooleanField()
        occupations = serializers.ListField(
            child=serializers.ChoiceField(choices=list(isco.SUB_MAJOR_GROUPS)),
            allow_empty=False,
            max_length=5,
        )
        skills = serializers.ListField(
            child=serializers.CharField(max_length=60), required=False, default=list, max_length=30
        )
        education = serializers.ChoiceField(choices=Education.choices, default=0)
        availability = serializers.ChoiceField(
            choices=JobSeeker.Availability.choices, default="immediate"
        )
        region = serializers.IntegerField(required=False, allow_null=True, default=None)
        community = serializers.CharField(max_length=100, required=False, default="")
        national_id = serializers.CharField(max_length=30, required=False, default="")
        phone = serializers.CharField(max_length=30, required=False, default="")
        email = serializers.EmailField(required=False, default="")

        def validate_region(self, value: int | None) -> Any:
            region = region_by_id(value)
            if value is not None and region is None:
                raise serializers.ValidationError(_region_error())
            return region

    @extend_schema(request=InputSerializer, responses={201: SeekerOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seeker = jobseeker_register(**data.validated_data, actor=request_user(request))
        return Response(SeekerOutput(seeker).data, status=status.HTTP_201_CREATED)


class SeekerDetailApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    @extend_schema(responses=SeekerOutput)
    def get(self, request: Request, seeker_id: int) -> Response:
        return Response(SeekerOutput(_seeker(seeker_id)).data)


class SeekerMatchesApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    @extend_schema(responses={200: dict})
    def get(self, request: Request, seeker_id: int) -> Response:
        matches = seeker_matches(seeker=_seeker(seeker_id))
        return Response({"results": [_match_output(m, VacancyOutput) for m in matches]})


class SeekerConsentWithdrawApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        sharing_only = serializers.BooleanField(default=True)

    @extend_schema(request=InputSerializer, responses=SeekerOutput)
    def post(self, request: Request, seeker_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seeker = jobseeker_consent_withdraw(
            seeker=_seeker(seeker_id), **data.validated_data, actor=request_user(request)
        )
        return Response(SeekerOutput(seeker).data)


class SeekerEraseApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    @extend_schema(request=None, responses=SeekerOutput)
    def post(self, request: Request, seeker_id: int) -> Response:
        seeker = jobseeker_erase(seeker=_seeker(seeker_id), actor=request_user(request))
        return Response(SeekerOutput(seeker).data)


class VacancyListApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    @extend_schema(parameters=[FilterSerializer], responses=VacancyOutput(many=True))
    def get(self, request: Request) -> Response:
        f = FilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        status_ = f.validated_data["status"]
        qs = vacancy_list(
            search=f.validated_data["q"],
            status=status_ if status_ in Vacancy.Status.values else "",
        )
        return get_paginated_response(
            serializer_class=VacancyOutput, request=request, view=self, queryset=qs
        )


class VacancyRegisterApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        title = serializers.CharField(max_length=200)
        employer_name = serializers.CharField(max_length=200)
        occupation = serializers.ChoiceField(choices=list(isco.SUB_MAJOR_GROUPS))
        sector = serializers.ChoiceField(choices=list(isco.SECTIONS))
        wage_min = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
        wage_max = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
        posts = serializers.IntegerField(min_value=1, max_value=1000)
        closing_date = serializers.DateField()
        region = serializers.IntegerField(required=False, allow_null=True, default=None)
        community = serializers.CharField(max_length=100, required=False, default="")
        requirements = serializers.CharField(max_length=5000, required=False, default="")
        skills = serializers.ListField(
            child=serializers.CharField(max_length=60), required=False, default=list, max_length=30
        )
        min_education = serializers.ChoiceField(choices=Education.choices, default=0)
        min_experience_years = serializers.IntegerField(min_value=0, max_value=50, default=0)

        def validate_region(self, value: int | None) -> Any:
            region = region_by_id(value)
            if value is not None and region is None:
                raise serializers.ValidationError(_region_error())
            return region

    @extend_schema(request=InputSerializer, responses={201: VacancyOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vacancy = vacancy_register(**data.validated_data, actor=request_user(request))
        return Response(VacancyOutput(vacancy).data, status=status.HTTP_201_CREATED)


class VacancyPublishApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_SUPERVISE)]

    @extend_schema(request=None, responses=VacancyOutput)
    def post(self, request: Request, vacancy_id: int) -> Response:
        vacancy = vacancy_publish(vacancy=_vacancy(vacancy_id), actor=request_user(request))
        return Response(VacancyOutput(vacancy).data)


class VacancyMatchesApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    @extend_schema(responses={200: dict})
    def get(self, request: Request, vacancy_id: int) -> Response:
        vacancy = _vacancy(vacancy_id)
        matches = vacancy_matches(vacancy=vacancy) if vacancy.status == "published" else []
        return Response({"results": [_match_output(m, SeekerOutput) for m in matches]})


class VacancyReferApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        seeker = serializers.IntegerField(min_value=1, max_value=2**62)
        note = serializers.CharField(max_length=2000, required=False, default="")

    @extend_schema(request=InputSerializer, responses={201: ReferralOutput})
    def post(self, request: Request, vacancy_id: int) -> Response:
        vacancy = _vacancy(vacancy_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral = referral_make(
            seeker=_seeker(data.validated_data["seeker"]),
            vacancy=vacancy,
            note=data.validated_data["note"],
            actor=request_user(request),
        )
        return Response(ReferralOutput(referral).data, status=status.HTTP_201_CREATED)


class ReferralRecordApi(APIView):
    permission_classes = [HasAction.of(Action.PES_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(choices=Referral.Status.choices)
        on = serializers.DateField(required=False, default=None)
        note = serializers.CharField(max_length=2000, required=False, default="")

    @extend_schema(request=InputSerializer, responses=ReferralOutput)
    def post(self, request: Request, referral_id: int) -> Response:
        referral = referral_get(referral_id=referral_id)
        if referral is None:
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral = referral_record(
            referral=referral, **data.validated_data, actor=request_user(request)
        )
        return Response(ReferralOutput(referral).data)


class OccupationSearchApi(APIView):
    permission_classes = [HasAction.of(Action.PES_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        q = serializers.CharField(max_length=100)

    @extend_schema(parameters=[FilterSerializer], responses={200: dict})
    def get(self, request: Request) -> Response:
        f = self.FilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        found = isco.occupation_search(f.validated_data["q"])
        return Response({"results": [{"code": g.code, "name": g.name()} for g in found]})
