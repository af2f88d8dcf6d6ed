"""Inspection checklists in English, one per DOLE priority sector, each question bound to its
provision.

Labor Code Art. 128, DO 238-23, RA 11058 and its IRR DO 198-18 are verified; every other
provision carries "(to be confirmed by the ministry)". Each question is answered yes when the
establishment complies. Every checklist carries the child-labour question, flagged so that a
"no" raises the child-labour alert at once. The sectors are DO 238-23's priority
establishments: construction, contracting, domestic-shipping vessels, fishing vessels and
hazardous work such as land transport.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

TBC = " (to be confirmed by the ministry)"

CHILD_LABOUR = ChecklistItem(
    "child_labour",
    _("Is no child below 15 working, and no worker below 18 in hazardous work?"),
    "RA 9231 amending RA 7610; Labor Code Art. 137" + TBC,
    child_labour=True,
)

HAZARDOUS_CHILD_WORK = ChecklistItem(
    "no_minor_hazardous",
    _("Is no worker below 18 assigned to hazardous work, at night or at sea?"),
    "RA 9231; DO 149-16 list of hazardous work" + TBC,
    child_labour=True,
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
            "RA 11058; DO 198-18: OSH personnel and committee",
        ),
        ChecklistItem(
            "osh_program",
            _("Is there a written OSH program, known to the workers?"),
            "RA 11058; DO 198-18: OSH program",
        ),
        ChecklistItem(
            "ppe",
            _("Is personal protective equipment provided free of charge?"),
            "RA 11058; DO 198-18: personal protective equipment",
        ),
        ChecklistItem(
            "imminent_danger",
            _("Is every worker free of any risk of death, serious injury or serious illness?"),
            "RA 11058; DO 198-18: maximum administrative fine; Work Stoppage Order",
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
        HAZARDOUS_CHILD_WORK,
        ChecklistItem(
            "working_child_permit",
            _("Has each working child below 15 a work permit from DOLE?"),
            "RA 9231" + TBC,
            child_labour=True,
        ),
        ChecklistItem(
            "young_worker_hours",
            _("Do workers aged 15 to 17 work no more than eight hours a day and not at night?"),
            "RA 9231" + TBC,
            child_labour=True,
        ),
    ),
)

CONSTRUCTION = ChecklistDefinition(
    code="ph-construction",
    label=_("Construction"),
    version="2026.1",
    sector="construction",
    items=(
        ChecklistItem(
            "construction_safety_program",
            _("Has the project a construction safety and health program approved by DOLE?"),
            "RA 11058; DO 13-98" + TBC,
        ),
        ChecklistItem(
            "fall_protection",
            _("Are workers at height protected by guardrails or safety harnesses?"),
            "RA 11058; DO 198-18: safety devices (Occupational Safety and Health Standards)",
        ),
        ChecklistItem(
            "contractor_registration",
            _("Are the contractors and subcontractors registered with DOLE?"),
            "DO 174-17" + TBC,
        ),
        ChecklistItem(
            "no_imminent_danger_site",
            _("Is the site free of imminent danger (no work stoppage order needed)?"),
            "RA 11058; DO 198-18: Work Stoppage Order for imminent danger",
        ),
        CHILD_LABOUR,
        HAZARDOUS_CHILD_WORK,
    ),
)

CONTRACTING = ChecklistDefinition(
    code="ph-contracting",
    label=_("Contracting and subcontracting (DO 174-17)"),
    version="2026.1",
    sector="contracting",
    items=(
        ChecklistItem(
            "contractor_registered",
            _("Is the contractor registered with the DOLE Regional Office?"),
            "DO 174-17 s. 14" + TBC,
        ),
        ChecklistItem(
            "no_labor_only",
            _(
                "Has the contractor substantial capital and control of the work (no labor-only "
                "contracting)?"
            ),
            "Labor Code Art. 106; DO 174-17 s. 5" + TBC,
        ),
        ChecklistItem(
            "service_agreement",
            _("Is there a written service agreement guaranteeing labour standards?"),
            "DO 174-17 s. 11" + TBC,
        ),
        ChecklistItem(
            "contractor_wages",
            _(
                "Do the contractor's workers receive the wages and benefits due "
                "(principal solidarily liable)?"
            ),
            "Labor Code Arts. 106 and 109; DO 174-17" + TBC,
        ),
        CHILD_LABOUR,
    ),
)

MARITIME = ChecklistDefinition(
    code="ph-maritime",
    label=_("Domestic shipping vessels"),
    version="2026.1",
    sector="maritime",
    items=(
        ChecklistItem(
            "seafarer_contract",
            _("Has every seafarer on board a written employment contract?"),
            "RA 11058; DO 238-23 (domestic-shipping vessels are priority establishments)",
        ),
        ChecklistItem(
            "rest_hours_sea",
            _("Are the seafarers' hours of rest recorded and respected?"),
            "DO 129-13 (domestic shipping)" + TBC,
        ),
        ChecklistItem(
            "lifesaving",
            _("Are lifesaving appliances and safety drills in place?"),
            "RA 11058; DO 198-18: safety devices",
        ),
        CHILD_LABOUR,
        HAZARDOUS_CHILD_WORK,
    ),
)

FISHING = ChecklistDefinition(
    code="ph-fishing",
    label=_("Fishing vessels"),
    version="2026.1",
    sector="fishing",
    items=(
        ChecklistItem(
            "fisher_agreement",
            _("Has every fisher a written fisher's work agreement?"),
            "DO 156-16 (commercial fishing vessels)" + TBC,
        ),
        ChecklistItem(
            "fisher_pay",
            _("Do fishers receive at least the minimum wage, besides any share of the catch?"),
            "DO 156-16" + TBC,
        ),
        ChecklistItem(
            "fisher_safety",
            _("Are fishers given safety equipment and medical care on board?"),
            "RA 11058; DO 156-16" + TBC,
        ),
        CHILD_LABOUR,
        HAZARDOUS_CHILD_WORK,
    ),
)

LAND_TRANSPORT = ChecklistDefinition(
    code="ph-land-transport",
    label=_("Land transport"),
    version="2026.1",
    sector="land_transport",
    items=(
        ChecklistItem(
            "driver_pay_scheme",
            _(
                "Are drivers and conductors paid at least the minimum wage (no pure boundary "
                "system)?"
            ),
            "DO 118-12 (public utility buses)" + TBC,
        ),
        ChecklistItem(
            "driver_hours",
            _("Do drivers work no more than the hours allowed, with rest breaks?"),
            "Labor Code Art. 83; DO 118-12" + TBC,
        ),
        ChecklistItem(
            "vehicle_safety",
            _("Are vehicles maintained and drivers trained in road safety?"),
            "RA 11058; DO 198-18: OSH training",
        ),
        CHILD_LABOUR,
    ),
)

CHECKLISTS = (GENERAL, OSH, CHILD, CONSTRUCTION, CONTRACTING, MARITIME, FISHING, LAND_TRANSPORT)
