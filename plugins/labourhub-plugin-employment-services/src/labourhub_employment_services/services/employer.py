"""Vacancies a verified employer submits through the portal, for an establishment they represent."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import establishment_list_represented
from labourhub_employment_services import audit
from labourhub_employment_services.models import Vacancy
from labourhub_employment_services.services.vacancies import vacancy_create

ERR_NOT_REPRESENTED = gettext_noop("You do not represent this establishment.")


@transaction.atomic
def vacancy_submit(
    *,
    user: Any,
    establishment_id: int,
    title: str,
    occupation: str,
    sector: str,
    wage_min: Decimal,
    wage_max: Decimal,
    posts: int,
    closing_date: dt.date,
    region: Any = None,
    community: str = "",
    requirements: str = "",
    skills: str = "",
) -> Vacancy:
    """Submit a vacancy for review by the employment service; audited with the portal user.

    Only a verified account with a current representation of the establishment may submit: the
    portal's own selector decides, so a removed representative loses the right at once.
    """
    establishment = (
        establishment_list_represented(user=user)
        .select_related("employer")
        .filter(pk=establishment_id)
        .first()
    )
    if establishment is None:
        raise PermissionDenied(_(ERR_NOT_REPRESENTED))
    return vacancy_create(
        actor=user,
        audit_action=audit.VACANCY_SUBMITTED,
        title=title,
        employer_name=establishment.name[:200],
        occupation=occupation,
        sector=sector,
        wage_min=wage_min,
        wage_max=wage_max,
        posts=posts,
        closing_date=closing_date,
        region=region,
        community=community,
        requirements=requirements,
        skills=skills,
        establishment=establishment,
        submitted_by_id=user.pk,
    )
