"""Inspection checklists in Spanish, each question bound to its provision.

The article numbers are not in the pack's verified sources, hence "(por confirmar por el
ministerio)" on each reference.
"""

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

PC = " (por confirmar por el ministerio)"

GENERAL = ChecklistDefinition(
    code="pe-condiciones-generales",
    label="Condiciones generales de trabajo (Perú)",
    version="2026.1",
    items=(
        ChecklistItem(
            "planilla",
            "¿Todos los trabajadores están registrados en la planilla electrónica (T-Registro "
            "y PLAME)?",
            "D.S. 018-2007-TR" + PC,
        ),
        ChecklistItem(
            "remuneracion_minima",
            "¿Ningún trabajador percibe menos de la remuneración mínima vital?",
            "Constitución Política del Perú art. 24" + PC,
        ),
        ChecklistItem(
            "jornada",
            "¿La jornada no supera las 8 horas diarias o 48 semanales y las horas extra se "
            "pagan con sobretasa?",
            "D.S. 007-2002-TR (TUO de la Ley de jornada de trabajo)" + PC,
        ),
        ChecklistItem(
            "boletas",
            "¿Se entregan las boletas de pago dentro del plazo?",
            "D.S. 001-98-TR" + PC,
        ),
        ChecklistItem(
            "cts_gratificaciones",
            "¿Se depositan la CTS y se pagan las gratificaciones legales?",
            "D.S. 001-97-TR; Ley 27735" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil",
            "¿No hay adolescentes en trabajos peligrosos ni menores sin autorización?",
            "Código de los Niños y Adolescentes (Ley 27337)" + PC,
        ),
    ),
)

SST = ChecklistDefinition(
    code="pe-sst",
    label="Seguridad y salud en el trabajo (Perú)",
    version="2026.1",
    items=(
        ChecklistItem(
            "sistema_gestion",
            "¿El empleador tiene un sistema de gestión de la seguridad y salud en el trabajo?",
            "Ley 29783 (Ley de Seguridad y Salud en el Trabajo)" + PC,
        ),
        ChecklistItem(
            "comite",
            "¿Existe el comité o supervisor de seguridad y salud en el trabajo?",
            "Ley 29783" + PC,
        ),
        ChecklistItem(
            "iperc",
            "¿Se identificaron los peligros y evaluaron los riesgos (IPERC)?",
            "D.S. 005-2012-TR" + PC,
        ),
        ChecklistItem(
            "accidentes",
            "¿Se notifican los accidentes de trabajo mortales e incidentes peligrosos?",
            "Ley 29783" + PC,
        ),
    ),
)

CHECKLISTS = (GENERAL, SST)
