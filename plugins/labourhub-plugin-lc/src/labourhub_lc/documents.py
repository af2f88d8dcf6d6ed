"""Document templates of the Department of Labour, in English.

Bodies use the letter template language of the core (``{{ ministry.name }}``,
``{{ officer.full_name }}``, ``{{ extra.<key> }}``); the ministry's letterhead is added by the
core's letter layout, and the administrators edit the text afterwards like any core letter.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import DocumentTemplate

ORDER_TO_COMPLY = "lc_order_to_comply"
RECORDS_RECEIPT = "lc_records_receipt"
PROSECUTION_REFERRAL = "lc_prosecution_referral"

TEMPLATES = (
    DocumentTemplate(
        ORDER_TO_COMPLY,
        _("Order to comply"),
        prefix="OC",
        texts={
            "en": (
                "Order to comply",
                "<p>{{ ministry.name }}</p>"
                "<p>Under section 179 of the Labour Act, <strong>{{ extra.employer }}</strong> is "
                "ordered to: {{ extra.requirements }}, by {{ extra.comply_by }}.</p>"
                "<p>A compliance plan is to be submitted to the Department of Labour in the form "
                "directed by the Chief Occupational Safety and Health Officer.</p>"
                "<p>{{ officer.full_name }}<br>Labour Officer</p>",
            )
        },
    ),
    DocumentTemplate(
        RECORDS_RECEIPT,
        _("Receipt for documents removed"),
        prefix="RR",
        texts={
            "en": (
                "Receipt for documents removed",
                "<p>{{ ministry.name }}</p>"
                "<p>The following documents were removed from "
                "<strong>{{ extra.employer }}</strong>: {{ extra.documents }}. They will be "
                "returned by {{ extra.return_by }} (Labour Act s.176).</p>"
                "<p>{{ officer.full_name }}<br>Authorised Officer</p>",
            )
        },
    ),
    DocumentTemplate(
        PROSECUTION_REFERRAL,
        _("Referral for prosecution"),
        prefix="RP",
        texts={
            "en": (
                "Referral for prosecution",
                "<p>{{ ministry.name }}</p>"
                "<p><strong>{{ extra.employer }}</strong> did not comply with order "
                "{{ extra.order_number }}. The offence is {{ extra.offence }}, punishable on "
                "summary conviction by a fine not exceeding {{ extra.maximum }} "
                "({{ extra.legal_basis }}).</p>"
                "<p>{{ officer.full_name }}<br>Labour Commissioner</p>",
            )
        },
    ),
)
