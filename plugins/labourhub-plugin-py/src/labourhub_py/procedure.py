"""The MTESS inspection procedure, as versioned data: request, visit, acta, closure.

Ley 5115/2013 makes the MTESS the labour authority; Res. MTESS 346/2024 is its manual of the
inspection procedure, whose infractions lead to a *sumario administrativo* (verified). Only the
Minister activates an inspection (the ministry's practice, seen in 2021; whether Res. 346/2024
delegates it is to be confirmed). No day count of the procedure is in the pack's verified
sources: every limit below is marked "por confirmar por el ministerio".
"""

import datetime as dt

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

PROCEDURE = "py_inspeccion"
AUTHORISE_STEP = "autorizada"
PC = "plazo por confirmar por el ministerio"
EDIT = Action.CASE_EDIT.value
AUTHORISE = Action.INSPECTION_AUTHORISE.value
DECIDE = Action.SANCTION_DECIDE.value

INSPECCION_2024 = ProcedureType(
    code=PROCEDURE,
    label="Procedimiento de inspección y fiscalización del trabajo (MTESS)",
    legal_basis="Ley 213/93 (Código del Trabajo); Ley 5115/2013; Res. MTESS 346/2024",
    steps=(
        WorkflowStep(
            "solicitud",
            "Solicitud de inspección recibida",
            time_limit_days=5,
            legal_basis=f"Res. MTESS 346/2024: elevar la solicitud al Ministro ({PC})",
            next_steps=(AUTHORISE_STEP, "desestimada"),
            action=EDIT,
        ),
        WorkflowStep(
            AUTHORISE_STEP,
            "Inspección autorizada por el Ministro",
            time_limit_days=10,
            legal_basis=f"Ley 5115/2013 art. 2; Res. MTESS 346/2024: realizar la visita ({PC})",
            next_steps=("visita",),
            action=AUTHORISE,
        ),
        WorkflowStep(
            "visita",
            "Visita de inspección realizada",
            time_limit_days=3,
            legal_basis=f"Res. MTESS 346/2024: labrar y notificar el acta ({PC})",
            next_steps=("acta",),
            action=EDIT,
        ),
        WorkflowStep(
            "acta",
            "Acta de inspección notificada al empleador",
            time_limit_days=5,
            legal_basis=f"Res. MTESS 346/2024: descargo del empleador ({PC})",
            next_steps=("cierre", "sumario"),
            action=EDIT,
        ),
        WorkflowStep(
            "cierre",
            "Cierre de la inspección",
            legal_basis="Res. MTESS 346/2024",
            action=EDIT,
        ),
        WorkflowStep(
            "sumario",
            "Remisión a sumario administrativo",
            legal_basis="Res. MTESS 346/2024; Ley 6715/2021",
            action=DECIDE,
        ),
        WorkflowStep(
            "desestimada",
            "Solicitud desestimada",
            legal_basis="Res. MTESS 346/2024",
            action=AUTHORISE,
        ),
    ),
)

# (effective_from, procedure): Res. MTESS 346/2024 of 21 May 2024.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2024, 5, 21), INSPECCION_2024),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
