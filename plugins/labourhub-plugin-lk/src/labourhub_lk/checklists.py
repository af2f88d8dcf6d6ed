"""Inspection checklists, each question bound to its provision; Sinhala in the pack catalogue.

Sections not in the pack's verified sources carry "(to be confirmed by the ministry)".
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

TBC = " (to be confirmed by the ministry)"
SOE = "Shop and Office Employees Act No. 19 of 1954"

SHOPS = ChecklistDefinition(
    code="lk-shop-office",
    label=_("Shops and offices (Sri Lanka)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "hours",
            _("Do normal hours stay within 8 a day and 45 a week?"),
            f"{SOE} s.3",
        ),
        ChecklistItem(
            "records",
            _("Does the employer keep the records the Act requires?"),
            f"{SOE} s.18",
        ),
        ChecklistItem(
            "wages_board",
            _("Are wages at least the minimum set by the Wages Board for the trade?"),
            "Wages Boards Ordinance" + TBC,
        ),
    ),
)

FACTORIES = ChecklistDefinition(
    code="lk-factories",
    label=_("Factories: safety and health (Sri Lanka)"),
    version="2026.1",
    items=(
        ChecklistItem(
            "machinery",
            _("Are dangerous parts of machinery securely fenced?"),
            "Factories Ordinance" + TBC,
        ),
        ChecklistItem(
            "accidents",
            _("Are accidents reported to the Department of Labour?"),
            "Factories Ordinance" + TBC,
        ),
    ),
)

CHECKLISTS = (SHOPS, FACTORIES)
