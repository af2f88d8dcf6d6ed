"""The notice to comply, in English with Sinhala, as the Department of Labour issues it.

Bodies use the letter template language of the core; the ministry's letterhead is added by the
core's letter layout. The Sinhala text is to be reviewed by a native speaker.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import DocumentTemplate

NOTICE = "lk_notice_to_comply"

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
)
