"""What letters about an inspection (order to inspect, minutes) can print."""

from typing import Any

from django.utils.translation import gettext_lazy as _


def inspection_subject(inspection: Any) -> dict[str, Any]:
    from labourhub.documents.contexts import office_context_data

    est = inspection.establishment
    findings = [
        {
            "provision": f.provision,
            "description": f.description
            + (f" ({f.workers_affected} workers)" if f.workers_affected else ""),
            "deadline": "",
        }
        for f in inspection.findings.filter(withdrawn_by=None).order_by("id")
    ]
    return {
        "subject": {"label": inspection.reference},
        "case": {
            "reference": inspection.reference,
            "opened_on": inspection.created_at.date().isoformat() if inspection.created_at else "",
            "description": str(inspection.get_origin_display()),
        },
        "establishment": {
            "name": est.name,
            "address": est.address,
            "registration_number": est.registration_number,
            "sector": est.isic_code,
            "workers": est.workers_female + est.workers_male,
        },
        "findings": findings,
        "office": office_context_data(inspection.office),
    }


def register() -> None:
    from labourhub.documents.contexts import register_subject_provider

    register_subject_provider("inspections.inspection", inspection_subject, _("Inspection"))
