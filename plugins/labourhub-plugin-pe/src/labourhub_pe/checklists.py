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

CONSTRUCCION = ChecklistDefinition(
    code="pe-construccion",
    label="Construcción (Perú)",
    version="2026.1",
    items=(
        ChecklistItem(
            "trabajo_altura",
            "¿Los trabajos en altura cuentan con barandas, arneses y líneas de vida?",
            "D.S. 011-2019-TR (Reglamento de SST para la construcción)" + PC,
        ),
        ChecklistItem(
            "excavaciones",
            "¿Las excavaciones y zanjas están entibadas y señalizadas?",
            "D.S. 011-2019-TR (Reglamento de SST para la construcción)" + PC,
        ),
        ChecklistItem(
            "epp_obra",
            "¿Todo el personal de obra usa casco, calzado de seguridad y equipo adecuado?",
            "D.S. 011-2019-TR (Reglamento de SST para la construcción)" + PC,
        ),
        ChecklistItem(
            "menores_obra",
            "¿No hay adolescentes trabajando en la obra?",
            "Código de los Niños y Adolescentes (Ley 27337)" + PC,
        ),
    ),
)

AGRICULTURA = ChecklistDefinition(
    code="pe-agricultura",
    label="Agricultura (Perú)",
    version="2026.1",
    items=(
        ChecklistItem(
            "plaguicidas",
            "¿Los plaguicidas se almacenan y aplican con equipo de protección y capacitación?",
            "Ley 29783" + PC,
        ),
        ChecklistItem(
            "agua_sombra",
            "¿Los trabajadores del campo disponen de agua potable, sombra y servicios higiénicos?",
            "Ley 29783" + PC,
        ),
        ChecklistItem(
            "seguridad_social_agro",
            "¿Los trabajadores temporales están registrados y afiliados a la seguridad social?",
            "Ley 31110 (régimen laboral agrario)" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil_agro",
            "¿No hay niños trabajando en la cosecha ni en la aplicación de agroquímicos?",
            "Código de los Niños y Adolescentes (Ley 27337)" + PC,
        ),
    ),
)

CHECKLISTS = (GENERAL, SST, CONSTRUCCION, AGRICULTURA)
