from django.urls import include, path

from labourhub.web.views import health
from tenants import views

urlpatterns = [
    path("", views.platform_home, name="platform-home"),
    path("health/", health, name="health"),
    path("lmi/", include("tenants.lmi_portal")),
    # Coordination-unit operators sign in with the same shell; their accounts live in public.
    path("app/", include("labourhub.web.urls")),
    path("console/", include("tenants.console_urls")),
]
