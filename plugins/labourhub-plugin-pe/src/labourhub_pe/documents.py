"""Document templates named as SUNAFIL names them, in Spanish.

The ministry's letterhead is added by the core's letter layout; the administrators edit the
text afterwards like any core letter.
"""

from labourhub.plugin_api import DocumentTemplate

ORDEN_INSPECCION = "pe_orden_inspeccion"
REQUERIMIENTO = "pe_medida_requerimiento"
ACTA_INFRACCION = "pe_acta_infraccion"

TEMPLATES = (
    DocumentTemplate(
        ORDEN_INSPECCION,
        "Orden de inspección",
        prefix="OI",
        texts={
            "es": (
                "Orden de inspección",
                "<p>{{ ministry.name }}</p>"
                "<p>Se dispone el inicio de actuaciones inspectivas en "
                "<strong>{{ extra.empleador }}</strong>, a cargo del inspector "
                "{{ extra.inspector }}, sobre las materias: {{ extra.materias }}.</p>"
                "<p>Plazo de las actuaciones: 30 días hábiles (Ley 28806 art. 13).</p>"
                "<p>{{ officer.full_name }}<br>Sub Intendente de Actuación Inspectiva</p>",
            )
        },
    ),
    DocumentTemplate(
        REQUERIMIENTO,
        "Medida de requerimiento",
        prefix="MR",
        texts={
            "es": (
                "Medida inspectiva de requerimiento",
                "<p>{{ ministry.name }}</p>"
                "<p>Se requiere a <strong>{{ extra.empleador }}</strong> que, en el plazo de "
                "{{ extra.plazo }} días hábiles, acredite la subsanación de: "
                "{{ extra.incumplimientos }}.</p>"
                "<p>Fundamento: Ley 28806 art. 14.</p>"
                "<p>{{ officer.full_name }}<br>Inspector del Trabajo</p>",
            )
        },
    ),
    DocumentTemplate(
        ACTA_INFRACCION,
        "Acta de infracción",
        prefix="AI",
        texts={
            "es": (
                "Acta de infracción",
                "<p>{{ ministry.name }}</p>"
                "<p>Se constata que <strong>{{ extra.empleador }}</strong> incurrió en "
                "{{ extra.infraccion }} ({{ extra.gravedad }}), que afecta a "
                "{{ extra.trabajadores }} trabajadores.</p>"
                "<p>Multa propuesta: {{ extra.multa_uit }} UIT ({{ extra.multa_valor }}), "
                "según {{ extra.fundamento }}.</p>"
                "<p>{{ officer.full_name }}<br>Inspector del Trabajo</p>",
            )
        },
    ),
)
