"""Inspection checklists in English, each question bound to its provision of the Labour Act.

Sections 176, 178, 179 and 407 are verified; every other provision carries "(to be confirmed by
the ministry)".
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

ACT = "Labour Act (No. 37 of 2006)"
TBC = " (to be confirmed by the ministry)"

YOUNG_PERSONS = ChecklistItem(
    "young_persons",
    _("Is no young person employed against a medical inspector's notice?"),
    f"{ACT} s.178(2)",
)

GENERAL = ChecklistDefinition(
    code="lc-general-conditions",
    label=_("General conditions of employment (Saint Lucia)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "contract_particulars",
            _("Has every employee written particulars of the contract of employment?"),
            f"{ACT} Part II, s.16" + TBC,
        ),
        ChecklistItem(
            "minimum_wage",
            _("Is every employee paid at least the minimum wage in force?"),
            f"{ACT}; minimum wage order" + TBC,
        ),
        ChecklistItem(
            "hours_overtime",
            _("Are hours beyond the normal working week paid as overtime?"),
            f"{ACT}, hours of work" + TBC,
        ),
        ChecklistItem(
            "leave",
            _("Are annual vacation, sick leave and maternity leave granted?"),
            f"{ACT}, leave" + TBC,
        ),
        ChecklistItem(
            "records",
            _("Are the employment records kept and produced to the labour officer?"),
            f"{ACT} s.407",
        ),
        YOUNG_PERSONS,
    ),
)

OSH = ChecklistDefinition(
    code="lc-osh",
    label=_("Occupational safety and health (Labour Act)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "danger",
            _("Is there a danger that needs a stop-use or stop-work order?"),
            f"{ACT} s.179",
        ),
        ChecklistItem(
            "compliance_plan",
            _("Has the employer filed the compliance plan required by an earlier order?"),
            f"{ACT} s.179",
        ),
        ChecklistItem(
            "machinery_guarding",
            _("Are dangerous parts of machinery guarded?"),
            f"{ACT}, occupational safety and health" + TBC,
        ),
        ChecklistItem(
            "accident_register",
            _("Are accidents and dangerous occurrences recorded and reported?"),
            f"{ACT}, occupational safety and health" + TBC,
        ),
        YOUNG_PERSONS,
    ),
)

CHECKLISTS = (GENERAL, OSH)
