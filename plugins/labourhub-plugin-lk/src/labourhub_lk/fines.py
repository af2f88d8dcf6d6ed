"""Sri Lanka's penalties: imposed by the Magistrate's Court, recorded from the judgement, in LKR.

Labour officers prosecute; the court sets the fine or imprisonment per Act and section. The
amounts under the Shop and Office Employees Act, the Wages Boards Ordinance and the Factories
Ordinance are not in the pack's verified sources (several were amended between 1957 and 1985),
so the schedule carries no rule: the pack suggests no fine and invents no range. When the
ministry's legal office confirms the consolidated text, each section becomes a
``FineRuleVersion`` in LKR with its ``effective_from``.
"""

from labourhub.plugin_api import FineRuleVersion, FineSchedule

RULES: tuple[FineRuleVersion, ...] = ()

SCHEDULE = FineSchedule(
    code="lk-court-penalties",
    label="Penalties imposed by the Magistrate's Court (LKR)",
    currency="LKR",
    rules=RULES,
)
