"""Shared builders: every record with business meaning is made by the real services."""

import datetime as dt
from decimal import Decimal
from typing import Any

from labourhub_employment_services.services import (
    jobseeker_register,
    vacancy_publish,
    vacancy_register,
)

from labourhub.plugin_api import ministry_today


def region(code: str = "N", name: str = "North") -> Any:
    from labourhub_employment_services.models import JobSeeker

    office = JobSeeker._meta.get_field("region").related_model
    found = office._default_manager.filter(code=code).first()
    if found is not None:
        return found
    from labourhub.accounts.services import office_create

    return office_create(code=code, name=name, level="region", actor=None)


def seeker(**kw: Any) -> Any:
    data: dict[str, Any] = {
        "first_name": "Keisha",
        "last_name": "Joseph",
        "sex": "F",
        "birth_year": 1995,
        "consent_processing": True,
        "consent_sharing": True,
        "occupations": ["51"],
        "skills": "food safety, customer service",
        "education": 3,
        "community": "Gros Islet",
        "actor": None,
    }
    data.update(kw)
    return jobseeker_register(**data)


def vacancy(publish: bool = True, **kw: Any) -> Any:
    data: dict[str, Any] = {
        "title": "Line cook",
        "employer_name": "Rodney Bay Resort Ltd",
        "occupation": "51",
        "sector": "I",
        "wage_min": Decimal("1800"),
        "wage_max": Decimal("2400"),
        "posts": 2,
        "closing_date": ministry_today() + dt.timedelta(days=30),
        "skills": "food safety",
        "min_education": 2,
        "community": "Gros Islet",
        "actor": None,
    }
    data.update(kw)
    made = vacancy_register(**data)
    return vacancy_publish(vacancy=made, actor=None) if publish else made


def cv_pdf(text: str = "Curriculum vitae") -> bytes:
    """A small but complete PDF (catalogue, page tree, trailer), as a scanner would save it."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + f"% {text}\n".encode()
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
