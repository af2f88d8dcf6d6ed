"""The STSS inspection procedure, as versioned data: inspection, requerimiento, re-inspection,
sanction, with conciliation.

Decreto 178-2016 (Ley de Inspección del Trabajo, in force since its publication in La Gaceta on
15 March 2017) creates the Dirección General de Inspección del Trabajo; its regulation is
Acuerdo STSS-350-2019 and the Código del Trabajo is Decreto 189 of 1959 (verified). Inspectors
record their findings in an acta de inspección (verified). None of the day counts of the steps
is in the pack's verified sources: every limit below is "por confirmar por el ministerio" and
must be read from Decreto 178-2016 and Acuerdo STSS-350-2019 by the ministry's legal office.

The periods granted to the employer (``WAITING_PERIODS``: the time to correct after the
requerimiento, the time to appeal the sanction) hold back the next step while they run; their
lengths are the same unverified counts, ``confirmed=False`` until the ministry confirms them.
"""

import datetime as dt

from labourhub.plugin_api import Action, ProcedureType, WaitingPeriod, WorkflowStep

PROCEDURE = "hn_inspeccion"
PC = "plazo por confirmar por el ministerio"
LEY = "Decreto 178-2016 (Ley de Inspección del Trabajo)"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value

WAITING_PERIODS = (
    WaitingPeriod(
        "plazo_correccion",
        "Plazo del empleador para corregir lo requerido",
        days=10,
        opened_by="requerimiento",
        blocks=("reinspeccion",),
        legal_basis=f"{LEY}; Acuerdo STSS-350-2019: plazo que fija el inspector en el "
        f"requerimiento ({PC})",
        confirmed=False,
    ),
    WaitingPeriod(
        "plazo_recurso",
        "Plazo para recurrir la resolución de sanción",
        days=10,
        opened_by="sancion",
        blocks=("sancion_firme",),
        legal_basis=f"{LEY}; Acuerdo STSS-350-2019: recurso ante la segunda instancia ({PC})",
        confirmed=False,
    ),
)

INSPECCION_2017 = ProcedureType(
    code=PROCEDURE,
    label="Inspección del trabajo y procedimiento sancionador (Decreto 178-2016)",
    legal_basis=f"{LEY}; Acuerdo STSS-350-2019; Código del Trabajo (Decreto 189 de 1959)",
    waiting_periods=WAITING_PERIODS,
    steps=(
        WorkflowStep(
            "inspeccion",
            "Inspección ordenada: visita y acta de inspección",
            time_limit_days=10,
            legal_basis=f"{LEY}: visita ordinaria o extraordinaria y acta de inspección ({PC})",
            next_steps=("requerimiento", "conciliacion", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "requerimiento",
            "Requerimiento notificado: plazo para corregir",
            time_limit_days=10,
            legal_basis=f"{LEY}; Acuerdo STSS-350-2019: plazo que fija el inspector ({PC})",
            next_steps=("reinspeccion",),
            action=EDIT,
        ),
        WorkflowStep(
            "reinspeccion",
            "Reinspección: verificación del cumplimiento",
            time_limit_days=5,
            legal_basis=f"{LEY}: acta de reinspección ({PC})",
            next_steps=("sancion", "conciliacion", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "conciliacion",
            "Audiencia de conciliación",
            time_limit_days=10,
            legal_basis=f"Código del Trabajo (Decreto 189 de 1959), conciliación administrativa "
            f"({PC})",
            next_steps=("archivo", "sancion"),
            action=EDIT,
        ),
        WorkflowStep(
            "sancion",
            "Resolución de sanción: plazo para recurrir",
            time_limit_days=10,
            legal_basis=f"{LEY}; Acuerdo STSS-350-2019: recurso ante la segunda instancia ({PC})",
            next_steps=("recurso", "sancion_firme"),
            action=DECIDE,
        ),
        WorkflowStep(
            "recurso",
            "Recurso ante la segunda instancia",
            legal_basis="Acuerdo STSS-350-2019 (por confirmar por el ministerio)",
            next_steps=("sancion_firme", "archivo"),
            action=DECIDE,
        ),
        WorkflowStep(
            "sancion_firme",
            "Sanción firme",
            legal_basis=f"{LEY} (por confirmar por el ministerio)",
            action=DECIDE,
        ),
        WorkflowStep(
            "archivo",
            "Archivo del expediente",
            legal_basis=LEY,
            action=EDIT,
        ),
    ),
)

# (effective_from, procedure): Decreto 178-2016 was published in La Gaceta on 15 March 2017.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2017, 3, 15), INSPECCION_2017),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
