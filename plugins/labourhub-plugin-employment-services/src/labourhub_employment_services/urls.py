from django.urls import path

from labourhub_employment_services.views import counselling, public, seekers, vacancies

# Mounted by the core at /app/x/employment-services/ with namespace x:employment-services.
urlpatterns = [
    path("", seekers.seeker_list_view, name="seekers"),
    path("seekers/new/", seekers.seeker_register_view, name="seeker-new"),
    path("seekers/<int:seeker_id>/", seekers.seeker_detail_view, name="seeker"),
    path("seekers/<int:seeker_id>/<slug:action>/", seekers.seeker_action_view, name="seeker-do"),
    path(
        "seekers/<int:seeker_id>/documents/<int:item_id>/",
        counselling.seeker_document_view,
        name="seeker-document",
    ),
    path(
        "seekers/<int:seeker_id>/counselling/<slug:action>/",
        counselling.seeker_counselling_view,
        name="seeker-counselling",
    ),
    path(
        "seekers/<int:seeker_id>/counselling/<slug:action>/<int:item_id>/",
        counselling.seeker_counselling_view,
        name="seeker-counselling-item",
    ),
    # Public (no sign-in) when the ministry switched the list on; linked from its LMI website.
    path("public/vacancies/", public.public_vacancies_view, name="public-vacancies"),
    path("programmes/", counselling.programme_list_view, name="programmes"),
    path("vacancies/", vacancies.vacancy_list_view, name="vacancies"),
    path("vacancies/new/", vacancies.vacancy_register_view, name="vacancy-new"),
    path("vacancies/<int:vacancy_id>/", vacancies.vacancy_detail_view, name="vacancy"),
    path(
        "vacancies/<int:vacancy_id>/<slug:action>/",
        vacancies.vacancy_action_view,
        name="vacancy-do",
    ),
    path(
        "referrals/<int:referral_id>/<slug:step>/",
        vacancies.referral_step_view,
        name="referral-step",
    ),
]
