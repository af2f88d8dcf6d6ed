from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tenants.selectors import ministry_list, ministry_url


def platform_home(request: HttpRequest) -> HttpResponse:
    """The coordination unit's home at the apex domain: every ministry on the platform."""
    ministries = [(m, ministry_url(ministry=m)) for m in ministry_list()]
    return render(request, "tenants/platform_home.html", {"ministries": ministries})
