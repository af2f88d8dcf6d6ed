from django.urls import include, path
from health_check.views import HealthCheckView

from labourhub.common.observability import metrics_view, readiness_checks, worker_checks
from labourhub.web.views import health
from tenants import views

urlpatterns = [
    path("", views.platform_home, name="platform-home"),
    path("health/", health, name="health"),
    path("health/ready/", HealthCheckView.as_view(checks=readiness_checks()), name="health-ready"),
    path("health/workers/", HealthCheckView.as_view(checks=worker_checks()), name="health-workers"),
    path("metrics", metrics_view, name="metrics"),
    path("lmi/", include("tenants.lmi_portal")),
    # Coordination-unit operators sign in with the same shell; their accounts live in public.
    path("app/", include("labourhub.web.urls")),
    path("console/", include("tenants.console_urls")),
]

# Styled, translated error pages that say what to do next (labourhub.web.errors).
handler403 = "labourhub.web.errors.permission_denied"
handler404 = "labourhub.web.errors.page_not_found"
handler500 = "labourhub.web.errors.server_error"
