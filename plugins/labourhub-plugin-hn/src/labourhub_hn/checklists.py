"""Inspection checklists in Spanish, each question bound to its provision.

The article numbers are not in the pack's verified sources, hence "(por confirmar por el
ministerio)" on each reference.
"""

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

PC = " (por confirmar por el ministerio)"
CT = "Código del Trabajo (Decreto 189 de 1959)"

GENERAL = ChecklistDefinition(
    code="hn-condiciones-generales",
    label="Condiciones generales de trabajo (Honduras)",
    version="2026.1",
    items=(
        ChecklistItem(
            "contrato",
            "¿Los contratos de trabajo constan por escrito cuando la ley lo exige?",
            CT + ", contrato de trabajo" + PC,
        ),
        ChecklistItem(
            "salario_minimo",
            "¿Ningún trabajador recibe menos del salario mínimo vigente para su rama?",
            CT + ", salario mínimo" + PC,
        ),
        ChecklistItem(
            "jornada",
            "¿La jornada no supera el máximo legal y las horas extra se pagan con recargo?",
            CT + ", jornada de trabajo" + PC,
        ),
        ChecklistItem(
            "decimo_tercer_mes",
            "¿Se pagan el décimo tercer y el décimo cuarto mes de salario?",
            "Decreto 112-1982 y Decreto 135-1994" + PC,
        ),
        ChecklistItem(
            "ihss",
            "¿Todos los trabajadores están afiliados al Instituto Hondureño de Seguridad Social?",
            "Ley del Seguro Social" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil",
            "¿No hay niños ni adolescentes en trabajos prohibidos o sin autorización de la "
            "Secretaría?",
            "Código de la Niñez y de la Adolescencia" + PC,
        ),
        ChecklistItem(
            "acceso_inspeccion",
            "¿El empleador permitió el libre acceso del inspector y la revisión de documentos?",
            "Decreto 178-2016 (Ley de Inspección del Trabajo) art. 84",
        ),
    ),
)

SST = ChecklistDefinition(
    code="hn-sst",
    label="Seguridad y salud ocupacional (Honduras)",
    version="2026.1",
    items=(
        ChecklistItem(
            "reglamento_sso",
            "¿Se cumple el reglamento general de medidas preventivas de accidentes de trabajo "
            "y enfermedades profesionales?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "comision_mixta",
            "¿Existe la comisión mixta de higiene y seguridad?",
            CT + ", higiene y seguridad" + PC,
        ),
        ChecklistItem(
            "epp",
            "¿Se entrega equipo de protección personal adecuado al riesgo?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "accidentes",
            "¿Se registran y notifican los accidentes de trabajo?",
            CT + ", riesgos profesionales" + PC,
        ),
    ),
)

CONSTRUCCION = ChecklistDefinition(
    code="hn-construccion",
    label="Construcción (Honduras)",
    version="2026.1",
    items=(
        ChecklistItem(
            "trabajo_altura",
            "¿Los trabajos en altura cuentan con barandas, arneses y líneas de vida?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "excavaciones",
            "¿Las excavaciones y zanjas están entibadas y señalizadas?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "epp_obra",
            "¿Todo el personal de obra usa casco, calzado de seguridad y equipo adecuado?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "menores_obra",
            "¿No hay adolescentes trabajando en la obra?",
            "Código de la Niñez y de la Adolescencia" + PC,
        ),
    ),
)

AGRICULTURA = ChecklistDefinition(
    code="hn-agricultura",
    label="Agricultura (Honduras)",
    version="2026.1",
    items=(
        ChecklistItem(
            "plaguicidas",
            "¿Los plaguicidas se almacenan y aplican con equipo de protección y capacitación?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "agua_sombra",
            "¿Los trabajadores del campo disponen de agua potable, sombra y servicios higiénicos?",
            "Acuerdo Ejecutivo STSS-053-04" + PC,
        ),
        ChecklistItem(
            "seguridad_social_agro",
            "¿Los trabajadores temporales están registrados y afiliados a la seguridad social?",
            "Ley del Seguro Social" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil_agro",
            "¿No hay niños trabajando en la cosecha ni en la aplicación de agroquímicos?",
            "Código de la Niñez y de la Adolescencia" + PC,
        ),
    ),
)

CHECKLISTS = (GENERAL, SST, CONSTRUCCION, AGRICULTURA)
