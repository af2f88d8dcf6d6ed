"""Document templates of the Secretaría de Trabajo y Seguridad Social, in Spanish.

The acta de inspección is the name the law gives the inspector's record (verified); the other
names follow the ministry's practice. The ministry's letterhead is added by the core's letter
layout; the administrators edit the text afterwards like any core letter.
"""

from labourhub.plugin_api import DocumentTemplate

ACTA_INSPECCION = "hn_acta_inspeccion"
REQUERIMIENTO = "hn_requerimiento"
RESOLUCION_SANCION = "hn_resolucion_sancion"

_INSPECTOR = "<p>{{ officer.full_name }}<br>Inspector de Trabajo</p>"

TEMPLATES = (
    DocumentTemplate(
        ACTA_INSPECCION,
        "Acta de inspección",
        prefix="AI",
        texts={
            "es": (
                "Acta de inspección",
                "<p>{{ ministry.name }}</p>"
                "<p>En el centro de trabajo <strong>{{ extra.empleador }}</strong>, el "
                "inspector que suscribe hace constar: {{ extra.constataciones }}.</p>"
                "<p>Fundamento: Decreto 178-2016 (Ley de Inspección del Trabajo).</p>" + _INSPECTOR,
            )
        },
    ),
    DocumentTemplate(
        REQUERIMIENTO,
        "Requerimiento",
        prefix="RQ",
        texts={
            "es": (
                "Requerimiento de cumplimiento",
                "<p>{{ ministry.name }}</p>"
                "<p>Se requiere a <strong>{{ extra.empleador }}</strong> que, en el plazo de "
                "{{ extra.plazo }} días hábiles, corrija: {{ extra.incumplimientos }}. "
                "Vencido el plazo se practicará reinspección.</p>"
                "<p>Fundamento: Decreto 178-2016 (Ley de Inspección del Trabajo).</p>" + _INSPECTOR,
            )
        },
    ),
    DocumentTemplate(
        RESOLUCION_SANCION,
        "Resolución de sanción",
        prefix="RS",
        texts={
            "es": (
                "Resolución de sanción",
                "<p>{{ ministry.name }}</p>"
                "<p>Se impone a <strong>{{ extra.empleador }}</strong> una multa de "
                "{{ extra.multa_valor }}, con fundamento en {{ extra.fundamento }}.</p>"
                "<p>Contra esta resolución procede recurso ante la segunda instancia.</p>"
                "<p>{{ officer.full_name }}<br>Dirección General de Inspección del Trabajo</p>",
            )
        },
    ),
)
