"""The ministry URLconf plus one view that fails, to see the 500 page a person would get."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from labourhub.config.urls_tenant import handler403, handler404, handler500  # noqa: F401
from labourhub.config.urls_tenant import urlpatterns as ministry_urlpatterns


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("database fell over")


urlpatterns = [path("app/boom/", boom), *ministry_urlpatterns]
