"""The enforcement app's own hook implementations (registered as a core plugin)."""

from typing import Any

from labourhub.extensions import hookimpl
from labourhub.extensions.types import CasePanel, StepHandler


@hookimpl
def register_step_handlers(tenant: Any) -> list[StepHandler]:
    from labourhub.enforcement.steps import enforcement_step

    return [StepHandler("enforcement", enforcement_step)]


@hookimpl
def register_case_panels(tenant: Any) -> list[CasePanel]:
    from labourhub.enforcement.steps import enforcement_panel

    # Hearings serve enforcement (sanction hearings) and disputes (conciliation) alike.
    return [
        CasePanel(procedure, "enforcement/case_extra.html", enforcement_panel)
        for procedure in ("enforcement", "dispute", "complaint")
    ]
