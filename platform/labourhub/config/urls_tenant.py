from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import page_language_redirect
from labourhub.documents.views import verify_view as document_verify_view
from labourhub.web.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("app/documents/", include("labourhub.documents.urls")),
    path("app/establishments/", include("labourhub.registry.urls_web")),
    path("app/inspections/", include("labourhub.inspections.urls")),
    path("app/cases/", include("labourhub.workflow.urls")),
    path("app/enforcement/", include("labourhub.enforcement.urls")),
    path("app/complaints/", include("labourhub.complaints.urls")),
    path("portal/complaints/", include("labourhub.complaints.portal_urls")),
    path("portal/", include("labourhub.portal.urls")),
    path("app/portal/", include("labourhub.portal.urls_staff")),
    path("app/analytics/", include("labourhub.analytics.urls")),
    path("app/targeting/", include("labourhub.targeting.urls")),
    path("app/offline/", include("labourhub.offline.urls")),
    path("app/partners/", include("labourhub.interop.urls")),
    path("app/connectors/", include("labourhub.connectors.urls")),
    path("app/", include("labourhub.web.urls")),
    path("app/", include("labourhub.extensions.urls")),  # plugin pages: /app/x/<slug>/
    path("api/v1/", include(("labourhub.api.urls", "v1"), namespace="v1")),
    path("soap/v1/", include("labourhub.interop.soap_urls")),
    path("lmi/", include("cms.urls")),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("verify/<str:code>/", document_verify_view, name="document-verify"),
]
# Only the public LMI pages carry the language in their address (/es/..., /fr/...); the staff
# app, portal, API and downloads above keep theirs. An address without a language goes to the
# visitor's language (ministry default, cookie or preference) with the same path.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
urlpatterns += [re_path(r"^(?P<path>(?:[\w\-]+/)*)$", page_language_redirect)]

if settings.DEBUG:  # pragma: no cover
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = staticfiles_urlpatterns() + urlpatterns

# Styled, translated error pages that say what to do next (labourhub.web.errors).
handler403 = "labourhub.web.errors.permission_denied"
handler404 = "labourhub.web.errors.page_not_found"
handler500 = "labourhub.web.errors.server_error"
