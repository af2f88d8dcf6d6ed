"""Inspection checklists in English, each question bound to its provision.

Labor Code Art. 128, DO 238-23 and RA 11058 are verified; every other provision carries
"(to be confirmed by the ministry)". Each checklist has a child-labour question.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

TBC = " (to be confirmed by the ministry)"

CHILD_LABOUR = ChecklistItem(
    "child_labour",
    _("Is no child below 15 working, and no worker below 18 in hazardous work?"),
    "RA 9231 amending RA 7610; Labor Code Art. 137" + TBC,
)

GENERAL = ChecklistDefinition(
    code="ph-general-labour-standards",
    label=_("General labour standards (Philippines)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "minimum_wage",
            _("Does every worker receive at least the regional minimum wage?"),
            "Labor Code Art. 99; regional wage orders" + TBC,
        ),
        ChecklistItem(
            "hours_of_work",
            _("Are hours beyond eight a day paid as overtime, with night shift differential?"),
            "Labor Code Arts. 83, 86 and 87" + TBC,
        ),
        ChecklistItem(
            "holiday_pay",
            _("Are regular holidays and service incentive leave paid?"),
            "Labor Code Arts. 94 and 95" + TBC,
        ),
        ChecklistItem(
            "thirteenth_month",
            _("Was the 13th month pay paid by 24 December?"),
            "Presidential Decree 851" + TBC,
        ),
        ChecklistItem(
            "social_security",
            _("Are all workers registered and paid up with SSS, PhilHealth and Pag-IBIG?"),
            "DO 238-23: the Regional Director endorses non-coverage or non-remittance",
        ),
        ChecklistItem(
            "records",
            _("Are employment records kept for at least three years and shown to the inspector?"),
            "Labor Code Art. 128(a); DO 238-23",
        ),
        CHILD_LABOUR,
    ),
)

OSH = ChecklistDefinition(
    code="ph-osh",
    label=_("Occupational safety and health (RA 11058)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "safety_officer",
            _("Has the employer a safety officer and an OSH committee?"),
            "RA 11058; DO 198-18" + TBC,
        ),
        ChecklistItem(
            "osh_program",
            _("Is there a written OSH program, known to the workers?"),
            "RA 11058; DO 198-18" + TBC,
        ),
        ChecklistItem(
            "ppe",
            _("Is personal protective equipment provided free of charge?"),
            "RA 11058; DO 198-18" + TBC,
        ),
        ChecklistItem(
            "imminent_danger",
            _("Is any worker exposed to a risk of death, serious injury or serious illness?"),
            "RA 11058: maximum administrative fine; Work Stoppage Order" + TBC,
        ),
        CHILD_LABOUR,
    ),
)

CHILD = ChecklistDefinition(
    code="ph-child-labour",
    label=_("Child labour"),
    version="2026.1",
    items=(
        CHILD_LABOUR,
        ChecklistItem(
            "working_child_permit",
            _("Has each working child below 15 a work permit from DOLE?"),
            "RA 9231" + TBC,
        ),
        ChecklistItem(
            "young_worker_hours",
            _("Do workers aged 15 to 17 work no more than eight hours a day and not at night?"),
            "RA 9231" + TBC,
        ),
    ),
)

CONSTRUCTION = ChecklistDefinition(
    code="ph-construction",
    label=_("Construction"),
    version="2026.1",
    items=(
        ChecklistItem(
            "construction_safety_program",
            _("Has the project a construction safety and health program approved by DOLE?"),
            "RA 11058; DO 13-98" + TBC,
        ),
        ChecklistItem(
            "fall_protection",
            _("Are workers at height protected by guardrails or safety harnesses?"),
            "Occupational Safety and Health Standards" + TBC,
        ),
        ChecklistItem(
            "contractor_registration",
            _("Are the contractors and subcontractors registered with DOLE?"),
            "DO 174-17" + TBC,
        ),
        CHILD_LABOUR,
    ),
)

CHECKLISTS = (GENERAL, OSH, CHILD, CONSTRUCTION)
