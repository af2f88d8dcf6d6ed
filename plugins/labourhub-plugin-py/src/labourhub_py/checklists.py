"""Inspection checklists in Spanish, each question bound to its provision.

None of the article numbers is in the pack's verified sources, hence "(por confirmar por el
ministerio)" on each reference.
"""

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

PC = " (por confirmar por el ministerio)"

GENERAL = ChecklistDefinition(
    code="py-condiciones-generales",
    label="Condiciones generales de trabajo (Paraguay)",
    version="2026.1",
    items=(
        ChecklistItem(
            "contrato",
            "¿Los contratos de trabajo constan por escrito cuando la ley lo exige?",
            "Ley 213/93 (Código del Trabajo)" + PC,
        ),
        ChecklistItem(
            "salario_minimo",
            "¿Ningún trabajador percibe menos del salario mínimo legal vigente?",
            "Ley 213/93 (Código del Trabajo), salario mínimo" + PC,
        ),
        ChecklistItem(
            "jornada",
            "¿La jornada ordinaria no supera el máximo legal y las horas extra se pagan con "
            "recargo?",
            "Ley 213/93 (Código del Trabajo), jornada de trabajo" + PC,
        ),
        ChecklistItem(
            "ips",
            "¿Todos los trabajadores están inscriptos en el Instituto de Previsión Social?",
            "Ley del seguro social (IPS)" + PC,
        ),
        ChecklistItem(
            "registro",
            "¿El empleador está inscripto en el registro obrero patronal del MTESS y presenta "
            "sus planillas?",
            "Ley 5115/2013" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil",
            "¿No hay niños ni adolescentes en trabajos prohibidos o sin autorización?",
            "Ley 1680/01 (Código de la Niñez y la Adolescencia)" + PC,
        ),
    ),
)

SST = ChecklistDefinition(
    code="py-sst",
    label="Seguridad, higiene y medicina en el trabajo (Paraguay)",
    version="2026.1",
    items=(
        ChecklistItem(
            "reglamento_tecnico",
            "¿Se cumplen las condiciones del reglamento general técnico de seguridad, higiene "
            "y medicina en el trabajo?",
            "Decreto 14390/92" + PC,
        ),
        ChecklistItem(
            "epp",
            "¿Se entregan equipos de protección personal adecuados al riesgo?",
            "Decreto 14390/92" + PC,
        ),
        ChecklistItem(
            "accidentes",
            "¿Se registran y comunican los accidentes de trabajo?",
            "Ley 213/93 (Código del Trabajo)" + PC,
        ),
    ),
)

CHECKLISTS = (GENERAL, SST)
