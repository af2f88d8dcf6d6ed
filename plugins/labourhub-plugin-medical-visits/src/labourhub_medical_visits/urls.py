from django.urls import path

from labourhub_medical_visits import views

# Mounted by the core at /app/x/medical-visits/ with namespace x:medical-visits.
urlpatterns = [
    path("", views.visit_list_view, name="list"),
    path("plan/", views.visit_plan_view, name="plan"),
    path("<int:visit_id>/", views.visit_detail_view, name="detail"),
    path("<int:visit_id>/health/", views.visit_health_view, name="health"),
    path("<int:visit_id>/<str:step>/", views.visit_step_view, name="step"),
]
