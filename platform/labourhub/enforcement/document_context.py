"""What letters issued from a case (the fine decision) print: the case's reference, its
establishment and one line per violation with its legal provision and penalty."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def case_subject(case: Any) -> dict[str, Any]:
    from labourhub.documents.contexts import office_context_data
    from labourhub.enforcement.models import ComplianceOrder, PenaltyLine

    penalties = {p.order_id: p.amount for p in PenaltyLine.objects.filter(case=case)}
    findings = [
        {
            "provision": o.provision,
            "description": o.requirement,
            "deadline": str(penalties.get(o.pk, "")),
        }
        for o in ComplianceOrder.objects.filter(case=case).order_by("id")
    ]
    est = case.establishment
    data: dict[str, Any] = {
        "subject": {"label": case.reference},
        "case": {
            "reference": case.reference,
            "opened_on": timezone.localdate(case.created_at).isoformat(),
            "description": case.title,
        },
        "findings": findings,
        "office": office_context_data(case.office),
    }
    if est is not None:
        data["establishment"] = {
            "name": est.name,
            "address": est.address,
            "registration_number": est.registration_number,
            "sector": est.isic_code,
            "workers": est.workers_female + est.workers_male,
        }
    return data


def register() -> None:
    from labourhub.documents.contexts import register_subject_provider

    register_subject_provider("workflow.case", case_subject, _("Case"))
