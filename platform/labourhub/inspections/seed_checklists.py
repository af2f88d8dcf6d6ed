"""Starter checklists every ministry gets; administrators adapt them in the browser.

Provisions cite ILO conventions because national codes differ; each ministry replaces them with
its own articles in a new version. Penalty ranges are in "minimum monthly wages" (mmw), the unit
most of the source countries use. Titles, sections, questions and corrective measures are marked
for translation: they are stored in the ministry's language when seeded.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

GENERAL: dict[str, Any] = {
    "code": "general-labour-standards",
    "title": _("General labour standards"),
    "topic": "general",
    "sections": [
        (
            _("Records and contracts"),
            [
                {
                    "code": "contracts-written",
                    "text": _("Do all workers have a written contract?"),
                    "legal_article": "Art. 7",
                    "legal_instrument": "ILO C181 / national labour code",
                    "corrective_measure": _(
                        "Issue written contracts to every worker within 15 days."
                    ),
                    "penalty_min": 1,
                    "penalty_max": 10,
                    "penalty_unit": "mmw",
                    "required": True,
                },
                {
                    "code": "payroll-kept",
                    "text": _("Is a payroll register kept and up to date?"),
                    "legal_article": "Art. 14",
                    "legal_instrument": "ILO C095 (Protection of Wages)",
                    "corrective_measure": _("Keep a payroll register with hours and amounts paid."),
                    "penalty_min": 1,
                    "penalty_max": 5,
                    "penalty_unit": "mmw",
                    "required": True,
                },
                {
                    "code": "payroll-photo",
                    "text": _("Photo of the payroll register"),
                    "kind": "photo",
                    "noncompliant_value": "",
                    "condition_code": "payroll-kept",
                    "condition_value": "yes",
                },
                {
                    "code": "workers-present",
                    "text": _("Workers present at the time of the visit"),
                    "kind": "number",
                    "noncompliant_value": "",
                    "required": True,
                },
            ],
        ),
        (
            _("Wages and hours"),
            [
                {
                    "code": "minimum-wage",
                    "text": _("Are all workers paid at least the minimum wage?"),
                    "legal_article": "Art. 1",
                    "legal_instrument": "ILO C131 (Minimum Wage Fixing)",
                    "corrective_measure": _("Pay arrears up to the minimum wage for every worker."),
                    "penalty_min": 5,
                    "penalty_max": 50,
                    "penalty_unit": "mmw",
                    "severity": "very_serious",
                    "required": True,
                },
                {
                    "code": "weekly-rest",
                    "text": _("Do workers get at least 24 hours of rest a week?"),
                    "legal_article": "Art. 2",
                    "legal_instrument": "ILO C014 (Weekly Rest)",
                    "corrective_measure": _(
                        "Organise shifts so every worker rests 24 consecutive hours."
                    ),
                    "penalty_min": 1,
                    "penalty_max": 10,
                    "penalty_unit": "mmw",
                },
                {
                    "code": "last-pay-date",
                    "text": _("Date wages were last paid"),
                    "kind": "date",
                    "noncompliant_value": "",
                },
                {
                    "code": "pay-method",
                    "text": _("How are wages paid?"),
                    "kind": "choice",
                    "choices": ["Bank transfer", "Cash with receipt", "Cash without receipt"],
                    "noncompliant_value": "Cash without receipt",
                    "legal_article": "Art. 5",
                    "legal_instrument": "ILO C095 (Protection of Wages)",
                    "corrective_measure": _("Pay by transfer or against a signed receipt."),
                    "severity": "minor",
                },
            ],
        ),
        (
            _("Closing"),
            [
                {
                    "code": "employer-signature",
                    "text": _("Employer representative (name as signed)"),
                    "kind": "signature",
                    "noncompliant_value": "",
                },
            ],
        ),
    ],
}

OSH: dict[str, Any] = {
    "code": "occupational-safety-health",
    "title": _("Occupational safety and health"),
    "topic": "osh",
    "sections": [
        (
            _("Prevention"),
            [
                {
                    "code": "risk-assessment",
                    "text": _("Is there a written risk assessment?"),
                    "legal_article": "Art. 16",
                    "legal_instrument": "ILO C155 (OSH)",
                    "corrective_measure": _("Carry out and document a risk assessment."),
                    "penalty_min": 2,
                    "penalty_max": 20,
                    "penalty_unit": "mmw",
                    "required": True,
                },
                {
                    "code": "ppe-provided",
                    "text": _("Is personal protective equipment provided free?"),
                    "legal_article": "Art. 16(3)",
                    "legal_instrument": "ILO C155 (OSH)",
                    "corrective_measure": _("Provide suitable PPE at no cost to workers."),
                    "penalty_min": 2,
                    "penalty_max": 20,
                    "penalty_unit": "mmw",
                    "severity": "very_serious",
                    "required": True,
                },
                {
                    "code": "first-aid",
                    "text": _("Is a stocked first-aid kit available?"),
                    "legal_article": "Art. 5",
                    "legal_instrument": "ILO C161 (Occupational Health Services)",
                    "corrective_measure": _("Install a first-aid kit and name a first-aider."),
                    "severity": "minor",
                },
                {
                    "code": "hazard-photo",
                    "text": _("Photo of any hazard observed"),
                    "kind": "photo",
                    "noncompliant_value": "",
                },
            ],
        ),
    ],
}

CHILD_LABOUR: dict[str, Any] = {
    "code": "child-labour",
    "title": _("Child labour"),
    "topic": "child_labour",
    "sections": [
        (
            _("Minimum age"),
            [
                {
                    "code": "minors-present",
                    "text": _("Are there workers under 18?"),
                    "noncompliant_value": "",
                    "required": True,
                },
                {
                    "code": "under-min-age",
                    "text": _("Are any workers below the minimum working age?"),
                    "condition_code": "minors-present",
                    "condition_value": "yes",
                    "noncompliant_value": "yes",
                    "child_labour": True,
                    "severity": "very_serious",
                    "legal_article": "Art. 2",
                    "legal_instrument": "ILO C138 (Minimum Age)",
                    "corrective_measure": _(
                        "Remove the children from work at once and refer them to "
                        "child protection services."
                    ),
                    "penalty_min": 20,
                    "penalty_max": 200,
                    "penalty_unit": "mmw",
                },
                {
                    "code": "hazardous-minors",
                    "text": _("Are workers under 18 doing hazardous work?"),
                    "condition_code": "minors-present",
                    "condition_value": "yes",
                    "noncompliant_value": "yes",
                    "child_labour": True,
                    "severity": "very_serious",
                    "legal_article": "Art. 3(d)",
                    "legal_instrument": "ILO C182 (Worst Forms)",
                    "corrective_measure": _(
                        "Move the young workers to non-hazardous tasks at once."
                    ),
                    "penalty_min": 20,
                    "penalty_max": 200,
                    "penalty_unit": "mmw",
                },
                {
                    "code": "minors-register",
                    "text": _("Is a register of young workers kept?"),
                    "condition_code": "minors-present",
                    "condition_value": "yes",
                    "legal_article": "Art. 9(3)",
                    "legal_instrument": "ILO C138 (Minimum Age)",
                    "corrective_measure": _(
                        "Keep a register of workers under 18 with dates of birth."
                    ),
                },
            ],
        ),
    ],
}


def _sector(code: str, sector: str, title: Any, questions: list[dict[str, Any]]) -> dict[str, Any]:
    # The title is shown, in the ministry's language; the sector matches registry data, in
    # English whatever the language.
    return {
        "code": code,
        "title": title,
        "topic": "sector",
        "sector": sector,
        "sections": [(title, questions)],
    }


CONSTRUCTION = _sector(
    "construction",
    "Construction",
    _("Construction"),
    [
        {
            "code": "fall-protection",
            "text": _("Is fall protection in place above 2 metres?"),
            "legal_article": "Art. 18",
            "legal_instrument": "ILO C167 (Safety and Health in Construction)",
            "corrective_measure": _(
                "Install guardrails or harness anchor points before work continues."
            ),
            "severity": "very_serious",
            "penalty_min": 5,
            "penalty_max": 50,
            "penalty_unit": "mmw",
        },
        {
            "code": "scaffold-inspected",
            "text": _("Are scaffolds inspected by a competent person?"),
            "legal_article": "Art. 14",
            "legal_instrument": "ILO C167",
            "corrective_measure": _("Have scaffolds inspected and tagged before use."),
        },
        {
            "code": "site-photo",
            "text": _("Photo of the site"),
            "kind": "photo",
            "noncompliant_value": "",
        },
    ],
)

MARITIME = _sector(
    "maritime-fishing",
    "Maritime and fishing",
    _("Maritime and fishing"),
    [
        {
            "code": "crew-agreement",
            "text": _("Does every fisher have a signed work agreement?"),
            "legal_article": "Art. 16",
            "legal_instrument": "ILO C188 (Work in Fishing)",
            "corrective_measure": _("Sign work agreements with every fisher before the next trip."),
        },
        {
            "code": "rest-hours",
            "text": _("Do fishers get the minimum hours of rest?"),
            "legal_article": "Art. 14",
            "legal_instrument": "ILO C188",
            "corrective_measure": _("Adjust watch schedules to respect minimum rest."),
            "severity": "very_serious",
        },
        {
            "code": "medical-certificate",
            "text": _("Do fishers hold valid medical certificates?"),
            "legal_article": "Art. 10",
            "legal_instrument": "ILO C188",
        },
    ],
)

LAND_TRANSPORT = _sector(
    "land-transport",
    "Land transport",
    _("Land transport"),
    [
        {
            "code": "driving-hours",
            "text": _("Are drivers' daily driving hours within the limit?"),
            "legal_article": "Art. 6",
            "legal_instrument": "ILO C153 (Hours of Work and Rest Periods, Road Transport)",
            "severity": "very_serious",
            "corrective_measure": _("Keep tachograph or log records and plan rotations."),
        },
        {
            "code": "driver-rest",
            "text": _("Do drivers get a daily rest of at least 10 hours?"),
            "legal_article": "Art. 8",
            "legal_instrument": "ILO C153",
        },
        {
            "code": "vehicle-log",
            "text": _("Is a driving-time log kept for each vehicle?"),
            "legal_article": "Art. 11",
            "legal_instrument": "ILO C153",
            "severity": "minor",
        },
    ],
)

SEED_CHECKLISTS = [GENERAL, OSH, CHILD_LABOUR, CONSTRUCTION, MARITIME, LAND_TRANSPORT]
