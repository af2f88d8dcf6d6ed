"""The district office the demo's users work in: the first one listed for the ministry's
country (its capital's), so the showcase data sit where the demo users can act on them."""

from django.db import connection

from devtools.ministries import DEMO
from labourhub.accounts.models import Office

HOME_DISTRICTS = {spec.country: offices[0][2][0][0] for spec, offices in DEMO if offices}


def home_district() -> Office | None:
    """The capital's district office, else (any other ministry) the first district by code."""
    country = str(getattr(getattr(connection, "tenant", None), "country", "") or "")
    code = HOME_DISTRICTS.get(country)
    found = Office.objects.filter(code=code).first() if code else None
    return found or Office.objects.filter(level=Office.Level.DISTRICT).order_by("code").first()
