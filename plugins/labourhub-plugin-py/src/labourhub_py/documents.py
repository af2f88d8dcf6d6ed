"""Document templates of the MTESS, in Spanish.

The order of inspection carries the Minister's authorisation; the acta records what the
inspector found. The ministry's letterhead is added by the core's letter layout.
"""

from labourhub.plugin_api import DocumentTemplate

ORDEN_INSPECCION = "py_orden_inspeccion"
ACTA_INSPECCION = "py_acta_inspeccion"

TEMPLATES = (
    DocumentTemplate(
        ORDEN_INSPECCION,
        "Orden de inspección",
        prefix="OI",
        texts={
            "es": (
                "Orden de inspección",
                "<p>{{ ministry.name }}</p>"
                "<p>Se autoriza la inspección del establecimiento "
                "<strong>{{ extra.establecimiento }}</strong>, a cargo del inspector "
                "{{ extra.inspector }}, con el objeto de verificar: {{ extra.objeto }}.</p>"
                "<p>Fundamento: Ley 213/93 (Código del Trabajo); Ley 5115/2013; "
                "Res. MTESS 346/2024.</p>"
                "<p>{{ officer.full_name }}<br>Ministro de Trabajo, Empleo y Seguridad "
                "Social</p>",
            )
        },
    ),
    DocumentTemplate(
        ACTA_INSPECCION,
        "Acta de inspección",
        prefix="AI",
        texts={
            "es": (
                "Acta de inspección",
                "<p>{{ ministry.name }}</p>"
                "<p>En el establecimiento <strong>{{ extra.establecimiento }}</strong>, el "
                "inspector que suscribe hace constar: {{ extra.constataciones }}.</p>"
                "<p>El empleador puede presentar su descargo en el plazo que fija el "
                "procedimiento del Ministerio.</p>"
                "<p>{{ officer.full_name }}<br>Inspector de Trabajo</p>",
            )
        },
    ),
)
