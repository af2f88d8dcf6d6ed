"""The complaints app's own hook implementations (registered as a core plugin)."""

from typing import Any

from labourhub.extensions import hookimpl
from labourhub.extensions.types import CasePanel, StepHandler


@hookimpl
def register_step_handlers(tenant: Any) -> list[StepHandler]:
    from labourhub.complaints.steps import complaint_step, dispute_step

    return [StepHandler("complaint", complaint_step), StepHandler("dispute", dispute_step)]


@hookimpl
def register_case_panels(tenant: Any) -> list[CasePanel]:
    from labourhub.complaints.steps import links_panel

    return [
        CasePanel(procedure, "complaints/case_links.html", links_panel)
        for procedure in ("complaint", "accident", "dispute")
    ]
