"""Inspection checklists in Spanish, each question bound to its provision.

Article numbers not in the pack's verified sources carry "(por confirmar por el ministerio)".
"""

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

PC = " (por confirmar por el ministerio)"

GENERAL = ChecklistDefinition(
    code="co-condiciones-generales",
    label="Condiciones generales de trabajo (Colombia)",
    version="2026.1",
    items=(
        ChecklistItem(
            "contrato",
            "¿Los trabajadores tienen contrato de trabajo y se conservan los soportes?",
            "Código Sustantivo del Trabajo arts. 22 y 23" + PC,
        ),
        ChecklistItem(
            "salario_minimo",
            "¿Ningún trabajador recibe menos del salario mínimo legal vigente?",
            "Código Sustantivo del Trabajo art. 145" + PC,
        ),
        ChecklistItem(
            "jornada",
            "¿La jornada no supera la máxima legal y las horas extra se pagan con recargo?",
            "Código Sustantivo del Trabajo arts. 161 y 168" + PC,
        ),
        ChecklistItem(
            "seguridad_social",
            "¿Todos los trabajadores están afiliados a salud, pensión y riesgos laborales?",
            "Ley 100 de 1993" + PC,
        ),
        ChecklistItem(
            "prestaciones",
            "¿Se pagan la prima de servicios y las cesantías?",
            "Código Sustantivo del Trabajo arts. 249 y 306" + PC,
        ),
        ChecklistItem(
            "trabajo_infantil",
            "¿No hay menores de edad trabajando sin autorización del inspector de trabajo?",
            "Ley 1098 de 2006 (Código de la Infancia y la Adolescencia)" + PC,
        ),
    ),
)

SST = ChecklistDefinition(
    code="co-sst",
    label="Seguridad y salud en el trabajo (SG-SST)",
    version="2026.1",
    items=(
        ChecklistItem(
            "sg_sst",
            "¿La empresa tiene implementado el Sistema de Gestión de Seguridad y Salud en el "
            "Trabajo?",
            "Decreto 1072 de 2015, Libro 2, Parte 2, Título 4, Cap. 6" + PC,
        ),
        ChecklistItem(
            "reporte_accidentes",
            "¿Los accidentes graves y mortales se reportaron a la Dirección Territorial dentro "
            "de los 2 días hábiles siguientes?",
            "Decreto 472 de 2015 art. 14" + PC,
        ),
        ChecklistItem(
            "epp",
            "¿Se entregan elementos de protección personal adecuados al riesgo?",
            "Decreto 1072 de 2015 art. 2.2.4.6.24" + PC,
        ),
        ChecklistItem(
            "riesgo_inminente",
            "¿Hay trabajos con riesgo grave e inminente que requieran paralización inmediata?",
            "Ley 1610 de 2013 art. 11",
        ),
    ),
)

CHECKLISTS = (GENERAL, SST)
