"""The complaints app's own hook implementations (registered as a core plugin)."""

from typing import Any

from labourhub.extensions import hookimpl
from labourhub.extensions.types import StepHandler


@hookimpl
def register_step_handlers(tenant: Any) -> list[StepHandler]:
    from labourhub.complaints.steps import complaint_step

    return [StepHandler("complaint", complaint_step)]
