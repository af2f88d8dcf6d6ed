"""SUNAFIL's inspection and sanction procedure, as versioned data.

Ley 28806 (Ley General de Inspección del Trabajo) and its regulation, D.S. 019-2006-TR, as
amended (among others) by D.S. 008-2020-TR: orden de inspección, actuaciones inspectivas, medida
de requerimiento, acta de infracción, then the procedimiento administrativo sancionador in two
phases (instructiva and sancionadora, TUO de la Ley 27444 arts. 254-255, verified), the appeal
decided by Resolución de Intendencia and the review before the Tribunal de Fiscalización
Laboral (verified names). The day counts are the common reading of the law and are marked
"por confirmar por el ministerio" until SUNAFIL's legal office confirms them.

The periods the law grants the employer (``WAITING_PERIODS``) hold back the next step while
they run: the descargos to the imputación de cargos and to the informe final de instrucción,
and the time to appeal before a sanction becomes firm. Their lengths are the common reading of
the law, not yet verified against the official text: ``confirmed=False``.
"""

import datetime as dt

from labourhub.plugin_api import Action, ProcedureType, WaitingPeriod, WorkflowStep

PROCEDURE = "pe_inspeccion_sancionador"
PC = "plazo por confirmar por el ministerio"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value

WAITING_PERIODS = (
    WaitingPeriod(
        "descargos_imputacion",
        "Plazo del administrado para presentar descargos a la imputación de cargos",
        days=5,
        opened_by="imputacion_cargos",
        blocks=("informe_final_instruccion",),
        legal_basis=f"D.S. 019-2006-TR art. 53, modificado por el D.S. 008-2020-TR: 5 días "
        f"hábiles ({PC}); TUO de la Ley 27444 art. 254",
        confirmed=False,
    ),
    WaitingPeriod(
        "descargos_informe_final",
        "Plazo del administrado para presentar descargos al informe final de instrucción",
        days=5,
        opened_by="informe_final_instruccion",
        blocks=("resolucion_sub_intendencia",),
        legal_basis=f"TUO de la Ley 27444 art. 255: 5 días hábiles ({PC})",
        confirmed=False,
    ),
    WaitingPeriod(
        "plazo_apelacion",
        "Plazo para interponer recurso de apelación",
        days=15,
        opened_by="resolucion_sub_intendencia",
        blocks=("sancion_firme",),
        legal_basis=f"TUO de la Ley 27444 art. 218: 15 días hábiles ({PC})",
        confirmed=False,
    ),
)

PROCEDIMIENTO_2006 = ProcedureType(
    code=PROCEDURE,
    label="Inspección del trabajo y procedimiento sancionador (Ley 28806)",
    legal_basis="Ley 28806; D.S. 019-2006-TR y modificatorias; TUO de la Ley 27444 arts. 254-255",
    waiting_periods=WAITING_PERIODS,
    steps=(
        WorkflowStep(
            "orden_inspeccion",
            "Orden de inspección emitida",
            time_limit_days=5,
            legal_basis=f"Ley 28806 art. 12: iniciar las actuaciones inspectivas ({PC})",
            next_steps=("actuaciones_inspectivas",),
            action=EDIT,
        ),
        WorkflowStep(
            "actuaciones_inspectivas",
            "Actuaciones inspectivas: visita, comparecencia y comprobación de datos",
            time_limit_days=30,
            legal_basis=f"Ley 28806 art. 13: 30 días hábiles, prorrogables ({PC})",
            next_steps=("medida_requerimiento", "acta_infraccion", "informe_actuaciones"),
            action=EDIT,
        ),
        WorkflowStep(
            "medida_requerimiento",
            "Medida de requerimiento: plazo para subsanar",
            time_limit_days=10,
            legal_basis=f"Ley 28806 art. 14: plazo que fija el inspector ({PC})",
            next_steps=("acta_infraccion", "informe_actuaciones"),
            action=EDIT,
        ),
        WorkflowStep(
            "informe_actuaciones",
            "Informe de actuaciones inspectivas: sin infracción, archivo",
            legal_basis="Ley 28806 art. 13; D.S. 019-2006-TR (por confirmar por el ministerio)",
            action=EDIT,
        ),
        WorkflowStep(
            "acta_infraccion",
            "Acta de infracción emitida",
            time_limit_days=10,
            legal_basis=f"Ley 28806 art. 16: remitir el acta a la autoridad instructora ({PC})",
            next_steps=("imputacion_cargos",),
            action=EDIT,
        ),
        WorkflowStep(
            "imputacion_cargos",
            "Fase instructiva: imputación de cargos, plazo para descargos",
            time_limit_days=5,
            legal_basis=f"D.S. 019-2006-TR art. 53: 5 días hábiles para descargos ({PC}); "
            "TUO de la Ley 27444 art. 254",
            next_steps=("informe_final_instruccion", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "informe_final_instruccion",
            "Fase instructiva: informe final de instrucción notificado, descargos",
            time_limit_days=5,
            legal_basis=f"TUO de la Ley 27444 art. 255: 5 días hábiles para descargos ({PC})",
            next_steps=("resolucion_sub_intendencia", "archivo"),
            action=EDIT,
        ),
        WorkflowStep(
            "resolucion_sub_intendencia",
            "Fase sancionadora: Resolución de Sub Intendencia, plazo para apelar",
            time_limit_days=15,
            legal_basis=f"TUO de la Ley 27444 art. 218: 15 días hábiles para apelar ({PC})",
            next_steps=("apelacion", "sancion_firme", "archivo"),
            action=DECIDE,
        ),
        WorkflowStep(
            "apelacion",
            "Recurso de apelación: Resolución de Intendencia, plazo para la revisión",
            time_limit_days=15,
            legal_basis=f"Ley 28806; Tribunal de Fiscalización Laboral: 15 días hábiles para el "
            f"recurso de revisión ({PC})",
            next_steps=("revision", "sancion_firme", "archivo"),
            action=DECIDE,
        ),
        WorkflowStep(
            "revision",
            "Recurso de revisión ante el Tribunal de Fiscalización Laboral",
            legal_basis="Ley 28806; Tribunal de Fiscalización Laboral",
            next_steps=("sancion_firme", "archivo"),
            action=DECIDE,
        ),
        WorkflowStep(
            "sancion_firme",
            "Sanción firme",
            legal_basis="TUO de la Ley 27444 (por confirmar por el ministerio)",
            action=DECIDE,
        ),
        WorkflowStep(
            "archivo",
            "Archivo del procedimiento",
            legal_basis="TUO de la Ley 27444 art. 255",
            action=DECIDE,
        ),
    ),
)

# (effective_from, procedure): D.S. 019-2006-TR of 29 October 2006 (date por confirmar).
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2006, 10, 29), PROCEDIMIENTO_2006),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
