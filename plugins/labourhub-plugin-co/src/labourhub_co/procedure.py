"""The administrative sanction procedure of the Ministerio del Trabajo, as versioned data.

Ley 1610 de 2013 gives the inspectors their powers; the procedure is the general administrative
sanction procedure of Ley 1437 de 2011 (CPACA) arts. 47-52, with appeals under art. 76. The
existence of these laws is verified; the day counts below are the common reading of the CPACA
and are marked "por confirmar por el ministerio" until the ministry's legal office confirms them.
Each version applies from its ``effective_from`` date; the newest one in effect is used.
"""

import datetime as dt

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

PROCEDURE = "co_sancionatorio"
POR_CONFIRMAR = "plazo por confirmar por el ministerio"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value

SANCIONATORIO_2013 = ProcedureType(
    code=PROCEDURE,
    label="Procedimiento administrativo sancionatorio (Ley 1610 de 2013 y CPACA)",
    legal_basis="Ley 1610 de 2013; Ley 1437 de 2011 (CPACA) arts. 47 a 52 y 76",
    steps=(
        WorkflowStep(
            "averiguacion_preliminar",
            "Averiguación preliminar",
            legal_basis="Ley 1437 de 2011 art. 47 (sin plazo fijo)",
            next_steps=("formulacion_cargos", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "formulacion_cargos",
            "Formulación de cargos: término para presentar descargos",
            time_limit_days=15,
            legal_basis=f"Ley 1437 de 2011 art. 47: 15 días hábiles desde la notificación "
            f"del auto de cargos ({POR_CONFIRMAR})",
            next_steps=("pruebas", "alegatos", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "pruebas",
            "Periodo probatorio",
            time_limit_days=30,
            legal_basis=f"Ley 1437 de 2011 art. 48: hasta 30 días; 60 con tres o más "
            f"investigados ({POR_CONFIRMAR})",
            next_steps=("alegatos",),
            action=EDIT,
        ),
        WorkflowStep(
            "alegatos",
            "Traslado para alegatos de conclusión",
            time_limit_days=10,
            legal_basis=f"Ley 1437 de 2011 art. 48: 10 días ({POR_CONFIRMAR})",
            next_steps=("decision",),
            action=EDIT,
        ),
        WorkflowStep(
            "decision",
            "Decisión: resolución sancionatoria o archivo",
            time_limit_days=30,
            legal_basis=f"Ley 1437 de 2011 art. 49: hasta 30 días tras los alegatos "
            f"({POR_CONFIRMAR})",
            next_steps=("recursos", "sancion_en_firme", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "recursos",
            "Recursos de reposición y apelación",
            time_limit_days=10,
            legal_basis=f"Ley 1437 de 2011 art. 76: 10 días desde la notificación "
            f"({POR_CONFIRMAR})",
            next_steps=("sancion_en_firme", "archivo"),
            action=DECIDE,
        ),
        WorkflowStep(
            "sancion_en_firme",
            "Sanción en firme",
            legal_basis="Ley 1437 de 2011 art. 87 (por confirmar por el ministerio)",
            action=DECIDE,
        ),
        WorkflowStep(
            "archivo",
            "Archivo de la actuación",
            legal_basis="Ley 1437 de 2011 art. 47",
            action=DECIDE,
        ),
    ),
)

# (effective_from, procedure): Ley 1610 was published on 2 January 2013.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2013, 1, 2), SANCIONATORIO_2013),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
