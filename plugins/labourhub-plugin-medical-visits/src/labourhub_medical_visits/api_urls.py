from django.urls import path

from labourhub_medical_visits import apis

# Mounted by the core at /api/v1/x/medical-visits/ with namespace v1:x:medical-visits.
urlpatterns = [
    path("visits/", apis.VisitListApi.as_view(), name="visit-list"),
    path("visits/<int:visit_id>/examinations/", apis.ExaminationListApi.as_view(), name="exams"),
]
