"""The notice to comply, in English with Sinhala, as the Department of Labour issues it.

Bodies use the letter template language of the core; the ministry's letterhead is added by the
core's letter layout. The compliance order starts bilingual (English with Sinhala, or English with
Tamil), under the Department's trilingual letterhead, with the contraventions in a table. The
Sinhala and Tamil texts are to be reviewed by a native speaker.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import DocumentTemplate

NOTICE = "lk_notice_to_comply"
COMPLIANCE_ORDER = "lk_compliance_order"
COMPLIANCE_ORDER_TA = "lk_compliance_order_ta"

# The Department of Labour's name in the three languages of a Sri Lankan government letterhead.
LETTERHEAD = {
    "si": "කම්කරු දෙපාර්තමේන්තුව",
    "ta": "தொழில் திணைக்களம்",
    "en": "Department of Labour",
}

_EN_ORDER = (
    "Compliance order",
    "<p>To <strong>{{ extra.employer }}</strong>, {{ extra.address }}.</p>"
    "<p>The inspection of {{ extra.inspected_on }} found the contraventions below. Comply with "
    "each by <strong>{{ extra.deadline }}</strong>, failing which the labour officer may "
    "prosecute in the Magistrate's Court.</p>"
    "<table><thead><tr><th>Provision</th><th>Contravention</th><th>Comply by</th></tr></thead>"
    "<tbody><tr><td>{{ extra.provision }}</td><td>{{ extra.findings }}</td>"
    "<td>{{ extra.deadline }}</td></tr></tbody></table>"
    "<p>{{ officer.full_name }}<br>Labour Officer</p>",
)

TEMPLATES = (
    DocumentTemplate(
        NOTICE,
        _("Notice to comply"),
        prefix="NTC",
        texts={
            "en": (
                "Notice to comply",
                "<p>{{ ministry.name }}</p><p>To <strong>{{ extra.employer }}</strong>: the "
                "inspection found {{ extra.findings }}, contrary to {{ extra.provision }}. "
                "Comply by {{ extra.deadline }}, failing which the labour officer may prosecute "
                "in the Magistrate's Court.</p><p>{{ officer.full_name }}<br>Labour Officer</p>",
            ),
            "si": (
                "අනුකූල වීමට දැන්වීම",
                "<p>{{ ministry.name }}</p><p><strong>{{ extra.employer }}</strong> වෙත: "
                "පරීක්ෂණයේදී {{ extra.provision }} උල්ලංඝනය කරමින් {{ extra.findings }} "
                "අනාවරණය විය. {{ extra.deadline }} දිනට පෙර අනුකූල වන්න; එසේ නොවුවහොත් කම්කරු "
                "නිලධාරියා මහේස්ත්‍රාත් අධිකරණයේ නඩු පැවරිය හැක.</p>"
                "<p>{{ officer.full_name }}<br>කම්කරු නිලධාරී</p>",
            ),
        },
    ),
    DocumentTemplate(
        COMPLIANCE_ORDER,
        _("Compliance order (English and Sinhala)"),
        prefix="LKCO",
        layout="sections",
        letterhead=LETTERHEAD,
        texts={
            "en": _EN_ORDER,
            "si": (
                "අනුකූල වීමේ නියෝගය",
                "<p><strong>{{ extra.employer }}</strong>, {{ extra.address }} වෙත.</p>"
                "<p>{{ extra.inspected_on }} දින පරීක්ෂණයේදී පහත උල්ලංඝන අනාවරණය විය. "
                "<strong>{{ extra.deadline }}</strong> දිනට පෙර එක් එක් උල්ලංඝනය නිවැරදි කරන්න; "
                "එසේ නොවුවහොත් කම්කරු නිලධාරියා මහේස්ත්‍රාත් අධිකරණයේ නඩු පැවරිය හැක.</p>"
                "<table><thead><tr><th>විධිවිධානය</th><th>උල්ලංඝනය</th><th>අවසන් දිනය</th>"
                "</tr></thead><tbody><tr><td>{{ extra.provision }}</td>"
                "<td>{{ extra.findings }}</td><td>{{ extra.deadline }}</td></tr></tbody></table>"
                "<p>{{ officer.full_name }}<br>කම්කරු නිලධාරී</p>",
            ),
        },
    ),
    DocumentTemplate(
        COMPLIANCE_ORDER_TA,
        _("Compliance order (English and Tamil)"),
        prefix="LKCOT",
        layout="sections",
        letterhead=LETTERHEAD,
        texts={
            "en": _EN_ORDER,
            "ta": (
                "இணக்க உத்தரவு",
                "<p><strong>{{ extra.employer }}</strong>, {{ extra.address }} அவர்களுக்கு.</p>"
                "<p>{{ extra.inspected_on }} அன்று நடத்திய பரிசோதனையில் கீழ்க்காணும் மீறல்கள் "
                "கண்டறியப்பட்டன. <strong>{{ extra.deadline }}</strong> க்கு முன் ஒவ்வொன்றையும் "
                "சரிசெய்யவும்; தவறினால் தொழில் அலுவலர் நீதவான் நீதிமன்றத்தில் வழக்குத் "
                "தொடரலாம்.</p>"
                "<table><thead><tr><th>ஏற்பாடு</th><th>மீறல்</th><th>இறுதி நாள்</th></tr>"
                "</thead><tbody><tr><td>{{ extra.provision }}</td><td>{{ extra.findings }}</td>"
                "<td>{{ extra.deadline }}</td></tr></tbody></table>"
                "<p>{{ officer.full_name }}<br>தொழில் அலுவலர்</p>",
            ),
        },
    ),
)
