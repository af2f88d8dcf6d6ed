"""The starter letter set, one template per kind, in the languages the demo ministries use.

Administrators are expected to rewrite these in the browser; they exist so that a new ministry
can issue a correct-looking letter on day one. The Sinhala, Tamil and Vietnamese wording is a
starting point to be reviewed by the ministry's own translators.
"""

from labourhub.documents.models import DocumentKind as K

TITLES: dict[str, dict[str, str]] = {
    "en": {
        K.ORDER_TO_INSPECT: "Order to inspect",
        K.NOTICE_OF_INSPECTION: "Notice of inspection",
        K.MINUTES: "Inspection minutes",
        K.COMPLIANCE_ORDER: "Compliance order",
        K.INFRACTION_REPORT: "Infraction report",
        K.SANCTION_NOTICE: "Notice of sanction proceedings",
        K.FINE_DECISION: "Fine decision",
        K.HEARING_SUMMONS: "Hearing summons",
        K.APPEAL_DECISION: "Appeal decision",
        K.REFERRAL: "Referral",
        K.COMPLAINT_ACKNOWLEDGEMENT: "Acknowledgement of complaint",
        K.CERTIFICATE: "Certificate",
    },
    "es": {
        K.ORDER_TO_INSPECT: "Orden de inspección",
        K.NOTICE_OF_INSPECTION: "Aviso de inspección",
        K.MINUTES: "Acta de inspección",
        K.COMPLIANCE_ORDER: "Requerimiento de cumplimiento",
        K.INFRACTION_REPORT: "Acta de infracción",
        K.SANCTION_NOTICE: "Notificación de procedimiento sancionador",
        K.FINE_DECISION: "Resolución de multa",
        K.HEARING_SUMMONS: "Citación a audiencia",
        K.APPEAL_DECISION: "Resolución de recurso",
        K.REFERRAL: "Remisión",
        K.COMPLAINT_ACKNOWLEDGEMENT: "Acuse de recibo de denuncia",
        K.CERTIFICATE: "Constancia",
    },
    "fr": {
        K.ORDER_TO_INSPECT: "Ordre d'inspection",
        K.NOTICE_OF_INSPECTION: "Avis d'inspection",
        K.MINUTES: "Procès-verbal d'inspection",
        K.COMPLIANCE_ORDER: "Mise en demeure",
        K.INFRACTION_REPORT: "Procès-verbal d'infraction",
        K.SANCTION_NOTICE: "Notification de procédure de sanction",
        K.FINE_DECISION: "Décision d'amende",
        K.HEARING_SUMMONS: "Convocation à audience",
        K.APPEAL_DECISION: "Décision sur recours",
        K.REFERRAL: "Transmission du dossier",
        K.COMPLAINT_ACKNOWLEDGEMENT: "Accusé de réception de plainte",
        K.CERTIFICATE: "Attestation",
    },
    "si": {
        K.ORDER_TO_INSPECT: "පරීක්ෂණ නියෝගය",
        K.NOTICE_OF_INSPECTION: "පරීක්ෂණ දැන්වීම",
        K.MINUTES: "පරීක්ෂණ වාර්තාව",
        K.COMPLIANCE_ORDER: "අනුකූලතා නියෝගය",
        K.INFRACTION_REPORT: "උල්ලංඝන වාර්තාව",
        K.SANCTION_NOTICE: "දඬුවම් කටයුතු පිළිබඳ දැන්වීම",
        K.FINE_DECISION: "දඩ තීරණය",
        K.HEARING_SUMMONS: "විභාග කැඳවීම",
        K.APPEAL_DECISION: "අභියාචනා තීරණය",
        K.REFERRAL: "යොමු කිරීම",
        K.COMPLAINT_ACKNOWLEDGEMENT: "පැමිණිල්ල ලැබුණු බව දැනුම්දීම",
        K.CERTIFICATE: "සහතිකය",
    },
    "ta": {
        K.ORDER_TO_INSPECT: "ஆய்வு ஆணை",
        K.NOTICE_OF_INSPECTION: "ஆய்வு அறிவிப்பு",
        K.MINUTES: "ஆய்வு அறிக்கை",
        K.COMPLIANCE_ORDER: "இணக்க உத்தரவு",
        K.INFRACTION_REPORT: "மீறல் அறிக்கை",
        K.SANCTION_NOTICE: "தண்டனை நடவடிக்கை அறிவிப்பு",
        K.FINE_DECISION: "அபராத முடிவு",
        K.HEARING_SUMMONS: "விசாரணை அழைப்பாணை",
        K.APPEAL_DECISION: "மேல்முறையீட்டு முடிவு",
        K.REFERRAL: "பரிந்துரை",
        K.COMPLAINT_ACKNOWLEDGEMENT: "புகார் பெறப்பட்டதற்கான ஒப்புகை",
        K.CERTIFICATE: "சான்றிதழ்",
    },
    "vi": {
        K.ORDER_TO_INSPECT: "Quyết định thanh tra",
        K.NOTICE_OF_INSPECTION: "Thông báo thanh tra",
        K.MINUTES: "Biên bản thanh tra",
        K.COMPLIANCE_ORDER: "Yêu cầu khắc phục vi phạm",
        K.INFRACTION_REPORT: "Biên bản vi phạm hành chính",
        K.SANCTION_NOTICE: "Thông báo xử lý vi phạm",
        K.FINE_DECISION: "Quyết định xử phạt",
        K.HEARING_SUMMONS: "Giấy triệu tập",
        K.APPEAL_DECISION: "Quyết định giải quyết khiếu nại",
        K.REFERRAL: "Văn bản chuyển hồ sơ",
        K.COMPLAINT_ACKNOWLEDGEMENT: "Giấy xác nhận đã nhận khiếu nại",
        K.CERTIFICATE: "Giấy chứng nhận",
    },
}

# Per language: the sentence every letter opens with, the findings-table headings, and the
# fine-amount label. The opening names the kind's title so each kind reads correctly.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "to": "To",
        "intro": "The labour inspectorate issues this {title} concerning the establishment named "
        "above, in case {{{{ case.reference }}}}.",
        "provision": "Provision",
        "finding": "Finding",
        "deadline": "Deadline",
        "amount": "Amount",
        "comply": "You must correct each finding listed by its deadline.",
    },
    "es": {
        "to": "A",
        "intro": "La inspección del trabajo emite la presente {title} relativa al establecimiento "
        "arriba indicado, en el expediente {{{{ case.reference }}}}.",
        "provision": "Disposición",
        "finding": "Hallazgo",
        "deadline": "Plazo",
        "amount": "Monto",
        "comply": "Debe corregir cada hallazgo indicado dentro de su plazo.",
    },
    "fr": {
        "to": "À",
        "intro": "L'inspection du travail émet le présent document ({title}) concernant "
        "l'établissement désigné ci-dessus, dans le dossier {{{{ case.reference }}}}.",
        "provision": "Disposition",
        "finding": "Constat",
        "deadline": "Délai",
        "amount": "Montant",
        "comply": "Vous devez corriger chaque constat dans le délai indiqué.",
    },
    "si": {
        "to": "වෙත",
        "intro": "ඉහත සඳහන් ආයතනය සම්බන්ධයෙන්, {{{{ case.reference }}}} නඩුවේ, කම්කරු පරීක්ෂණ "
        "අංශය මෙම {title} නිකුත් කරයි.",
        "provision": "විධිවිධානය",
        "finding": "සොයාගැනීම",
        "deadline": "අවසන් දිනය",
        "amount": "මුදල",
        "comply": "සඳහන් කර ඇති සෑම සොයාගැනීමක්ම නියමිත දිනට පෙර නිවැරදි කළ යුතුය.",
    },
    "ta": {
        "to": "பெறுநர்",
        "intro": "மேலே குறிப்பிட்ட நிறுவனம் தொடர்பாக, {{{{ case.reference }}}} வழக்கில், தொழில் "
        "ஆய்வுத் துறை இந்த {title} வெளியிடுகிறது.",
        "provision": "விதி",
        "finding": "கண்டறிதல்",
        "deadline": "காலக்கெடு",
        "amount": "தொகை",
        "comply": "பட்டியலிடப்பட்ட ஒவ்வொரு கண்டறிதலையும் காலக்கெடுவுக்குள் சரிசெய்ய வேண்டும்.",
    },
    "vi": {
        "to": "Kính gửi",
        "intro": "Thanh tra lao động ban hành {title} này đối với cơ sở nêu trên, trong hồ sơ "
        "{{{{ case.reference }}}}.",
        "provision": "Điều khoản",
        "finding": "Nội dung vi phạm",
        "deadline": "Thời hạn",
        "amount": "Số tiền",
        "comply": "Cơ sở phải khắc phục từng nội dung vi phạm trong thời hạn nêu trên.",
    },
}

SEEDED_LANGUAGES = tuple(PHRASES)

_BODY = """<p>{to}: <strong>{{{{ establishment.name or subject.label }}}}</strong>{{% if establishment.address %}}, {{{{ establishment.address }}}}{{% endif %}}</p>
<p>{intro}</p>
{{% if findings %}}
<table>
<thead><tr><th>{provision}</th><th>{finding}</th><th>{deadline}</th></tr></thead>
<tbody>{{% for f in findings %}}<tr><td>{{{{ f.provision }}}}</td><td>{{{{ f.description }}}}</td><td>{{{{ f.deadline }}}}</td></tr>{{% endfor %}}</tbody>
</table>
{comply_block}{{% endif %}}
{{% if extra.amount %}}<p>{amount}: <strong>{{{{ extra.amount }}}}</strong></p>{{% endif %}}
<p>{{{{ officer.full_name }}}}<br>{{{{ officer.role }}}}{{% if office.name %}}, {{{{ office.name }}}}{{% endif %}}</p>
"""


def default_text(kind: str, language: str) -> dict[str, str]:
    phrases = PHRASES[language]
    title = TITLES[language][kind]
    intro = phrases["intro"].format(title=title)
    comply = f"<p>{phrases['comply']}</p>\n" if kind == K.COMPLIANCE_ORDER else ""
    body = _BODY.format(
        to=phrases["to"],
        intro=intro,
        provision=phrases["provision"],
        finding=phrases["finding"],
        deadline=phrases["deadline"],
        amount=phrases["amount"],
        comply_block=comply,
    )
    return {"title": title, "body": body}
