"""Document templates named as the Ministerio del Trabajo names them, in Spanish.

Bodies use the letter template language of the core (``{{ ministry.name }}``,
``{{ officer.full_name }}``, ``{{ extra.<key> }}``); the ministry's letterhead is added by the
core's letter layout, and the administrators edit the text afterwards like any core letter.
"""

from labourhub.plugin_api import DocumentTemplate

AUTO_AVERIGUACION = "co_auto_averiguacion"
AUTO_CARGOS = "co_auto_cargos"
RESOLUCION_SANCION = "co_resolucion_sancion"

_FIRMA = "<p>{{ officer.full_name }}<br>Inspector de Trabajo y Seguridad Social</p>"

TEMPLATES = (
    DocumentTemplate(
        AUTO_AVERIGUACION,
        "Auto de averiguación preliminar",
        prefix="AAP",
        texts={
            "es": (
                "Auto de averiguación preliminar",
                "<p>{{ ministry.name }}</p>"
                "<p>En ejercicio de las funciones de inspección, vigilancia y control de la "
                "Ley 1610 de 2013, se ordena adelantar averiguación preliminar respecto de "
                "<strong>{{ extra.empleador }}</strong> por los hechos: {{ extra.hechos }}.</p>"
                "<p>Fundamento: Ley 1437 de 2011 art. 47.</p>" + _FIRMA,
            )
        },
    ),
    DocumentTemplate(
        AUTO_CARGOS,
        "Auto de apertura y formulación de cargos",
        prefix="AFC",
        texts={
            "es": (
                "Auto de apertura de procedimiento sancionatorio y formulación de cargos",
                "<p>{{ ministry.name }}</p>"
                "<p>Se formulan cargos contra <strong>{{ extra.empleador }}</strong> por "
                "presunta infracción de {{ extra.normas }}.</p>"
                "<p>El investigado cuenta con {{ extra.plazo_descargos }} días hábiles desde la "
                "notificación para presentar descargos y solicitar pruebas (Ley 1437 de 2011 "
                "art. 47).</p>" + _FIRMA,
            )
        },
    ),
    DocumentTemplate(
        RESOLUCION_SANCION,
        "Resolución sancionatoria",
        prefix="RS",
        texts={
            "es": (
                "Resolución por la cual se impone una sanción",
                "<p>{{ ministry.name }}</p>"
                "<p>Se impone a <strong>{{ extra.empleador }}</strong> una multa de "
                "{{ extra.multa_smmlv }} SMMLV ({{ extra.multa_valor }}), con fundamento en "
                "{{ extra.fundamento }}.</p>"
                "<p>Contra esta resolución proceden los recursos de reposición y apelación "
                "dentro de los 10 días siguientes a su notificación (Ley 1437 de 2011 "
                "art. 76).</p>" + _FIRMA,
            )
        },
    ),
)
