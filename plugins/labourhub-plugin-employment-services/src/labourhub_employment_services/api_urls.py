from django.urls import path

from labourhub_employment_services import apis

# Mounted by the core at /api/v1/x/employment-services/ with namespace v1:x:employment-services.
urlpatterns = [
    path("seekers/", apis.SeekerListApi.as_view(), name="seeker-list"),
    path("seekers/register/", apis.SeekerRegisterApi.as_view(), name="seeker-register"),
    path("seekers/<int:seeker_id>/", apis.SeekerDetailApi.as_view(), name="seeker-detail"),
    path(
        "seekers/<int:seeker_id>/matches/", apis.SeekerMatchesApi.as_view(), name="seeker-matches"
    ),
    path(
        "seekers/<int:seeker_id>/consent/withdraw/",
        apis.SeekerConsentWithdrawApi.as_view(),
        name="seeker-consent-withdraw",
    ),
    path("seekers/<int:seeker_id>/erase/", apis.SeekerEraseApi.as_view(), name="seeker-erase"),
    path("vacancies/", apis.VacancyListApi.as_view(), name="vacancy-list"),
    path("vacancies/register/", apis.VacancyRegisterApi.as_view(), name="vacancy-register"),
    path(
        "vacancies/<int:vacancy_id>/publish/",
        apis.VacancyPublishApi.as_view(),
        name="vacancy-publish",
    ),
    path(
        "vacancies/<int:vacancy_id>/matches/",
        apis.VacancyMatchesApi.as_view(),
        name="vacancy-matches",
    ),
    path("vacancies/<int:vacancy_id>/refer/", apis.VacancyReferApi.as_view(), name="vacancy-refer"),
    path(
        "referrals/<int:referral_id>/record/",
        apis.ReferralRecordApi.as_view(),
        name="referral-record",
    ),
    path("occupations/", apis.OccupationSearchApi.as_view(), name="occupation-search"),
]
