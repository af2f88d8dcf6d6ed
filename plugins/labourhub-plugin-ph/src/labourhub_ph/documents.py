"""Document templates named as DOLE names them, in English.

Bodies use the letter template language of the core (``{{ ministry.name }}``,
``{{ officer.full_name }}``, ``{{ extra.<key> }}``); the ministry's letterhead is added by the
core's letter layout, and the administrators edit the text afterwards like any core letter.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import DocumentTemplate

AUTHORITY_TO_INSPECT = "ph_authority_to_inspect"
NOTICE_OF_RESULTS = "ph_notice_of_results"
COMPLIANCE_ORDER = "ph_compliance_order"
WORK_STOPPAGE_ORDER = "ph_work_stoppage_order"

TEMPLATES = (
    DocumentTemplate(
        AUTHORITY_TO_INSPECT,
        _("Authority to Inspect"),
        prefix="AI",
        texts={
            "en": (
                "Authority to Inspect",
                "<p>{{ ministry.name }}</p>"
                "<p>Pursuant to Article 128 of the Labor Code and Department Order No. 238, "
                "series of 2023, the Labor Inspector(s) {{ extra.inspectors }} are authorised to "
                "inspect <strong>{{ extra.establishment }}</strong>, {{ extra.address }}.</p>"
                "<p>This authority is valid until {{ extra.valid_until }}.</p>"
                "<p>{{ officer.full_name }}<br>{{ extra.signatory_title }}</p>",
            )
        },
    ),
    DocumentTemplate(
        NOTICE_OF_RESULTS,
        _("Notice of Results"),
        prefix="NR",
        texts={
            "en": (
                "Notice of Results",
                "<p>{{ ministry.name }}</p>"
                "<p>The inspection of <strong>{{ extra.establishment }}</strong> on "
                "{{ extra.inspected_on }} found the following deficiencies: "
                "{{ extra.deficiencies }}.</p>"
                "<p>Correct them by {{ extra.correct_by }}. Deficiencies not corrected are taken "
                "up at a mandatory conference.</p>"
                "<p>{{ officer.full_name }}<br>Labor Inspector</p>",
            )
        },
    ),
    DocumentTemplate(
        COMPLIANCE_ORDER,
        _("Compliance Order"),
        prefix="CO",
        texts={
            "en": (
                "Compliance Order",
                "<p>{{ ministry.name }}</p>"
                "<p><strong>{{ extra.establishment }}</strong> is ordered to correct: "
                "{{ extra.violations }}, and to pay {{ extra.amount }} "
                "({{ extra.legal_basis }}).</p>"
                "<p>This order may be appealed to the Office of the Secretary of Labor and "
                "Employment within ten (10) days of its receipt (Labor Code Art. 128(b)).</p>"
                "<p>{{ officer.full_name }}<br>Regional Director</p>",
            )
        },
    ),
    DocumentTemplate(
        WORK_STOPPAGE_ORDER,
        _("Work Stoppage Order"),
        prefix="WSO",
        texts={
            "en": (
                "Work Stoppage Order",
                "<p>{{ ministry.name }}</p>"
                "<p>Case {{ extra.case_reference }}. The inspection of "
                "<strong>{{ extra.establishment }}</strong> on {{ extra.inspected_on }} found "
                "an imminent danger: {{ extra.danger }}.</p>"
                "<p>Pursuant to Republic Act No. 11058 and its Implementing Rules, Department "
                "Order No. 198, series of 2018, all work in {{ extra.area }} is stopped at once "
                "until the danger is corrected and the stoppage is lifted by this Office. The "
                "workers affected are paid their wages during the stoppage.</p>"
                "<p>{{ officer.full_name }}<br>{{ extra.signatory_title }}</p>",
            )
        },
    ),
)
