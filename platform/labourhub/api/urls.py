from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("", include("labourhub.accounts.urls")),
    path("", include("labourhub.interop.api_urls")),  # OAuth2 token endpoint for partners
    path("", include("labourhub.audit.urls")),
    path("open/", include("cms.api_urls")),
    path("", include("labourhub.extensions.api_urls")),  # /api/v1/x/<slug>/
    path("documents/", include("labourhub.documents.api_urls")),
    path("", include("labourhub.registry.urls")),
    path("inspections/", include("labourhub.inspections.api_urls")),
    path("offline/", include("labourhub.offline.api_urls")),
    path("", include("labourhub.workflow.api_urls")),  # cases, alerts, calendar
    path("complaints/", include("labourhub.complaints.api_urls")),
    path("enforcement/", include("labourhub.enforcement.api_urls")),
    path("analytics/", include("labourhub.analytics.api_urls")),
    path("connectors/", include("labourhub.connectors.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="v1:schema"), name="docs"),
]
