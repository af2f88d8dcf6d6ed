"""The demo's hand-written case texts in each demo ministry's language.

Demo data, not interface text: each ministry shows them in its own language, as its staff would
have typed them, so they are not gettext strings.
"""

from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

TEXTS: dict[str, dict[str, str]] = {
    "requirement": {
        "en": "Install guards on the cutting machines and train operators.",
        "es": "Instalar resguardos en las máquinas de corte y capacitar a los operarios.",
        "fr": "Installer des protecteurs sur les machines de coupe et former les opérateurs.",
        "vi": "Lắp đặt che chắn cho máy cắt và huấn luyện người vận hành.",
        "si": "කපන යන්ත්‍රවලට ආරක්ෂක ආවරණ සවි කර ක්‍රියාකරුවන් පුහුණු කරන්න.",
        "ta": "வெட்டும் இயந்திரங்களுக்குப் பாதுகாப்பு மூடிகளைப் பொருத்தி இயக்குநர்களுக்குப் பயிற்சி அளிக்கவும்.",
    },
    "campaign_name": {
        "en": "Wages and contracts",
        "es": "Salarios y contratos",
        "fr": "Salaires et contrats",
        "vi": "Tiền lương và hợp đồng lao động",
        "si": "වැටුප් සහ සේවා ගිවිසුම්",
        "ta": "ஊதியங்களும் ஒப்பந்தங்களும்",
    },
    "campaign_theme": {
        "en": "Minimum wage and written contracts",
        "es": "Salario mínimo y contratos escritos",
        "fr": "Salaire minimum et contrats écrits",
        "vi": "Lương tối thiểu và hợp đồng lao động bằng văn bản",
        "si": "අවම වැටුප සහ ලිඛිත සේවා ගිවිසුම්",
        "ta": "குறைந்தபட்ச ஊதியமும் எழுத்துமூல ஒப்பந்தங்களும்",
    },
    "complaint_subject": {
        "en": "Unpaid overtime",
        "es": "Horas extra no pagadas",
        "fr": "Heures supplémentaires impayées",
        "vi": "Không trả tiền làm thêm giờ",
        "si": "අතිකාල දීමනා නොගෙවීම",
        "ta": "கூடுதல் நேர ஊதியம் வழங்கப்படவில்லை",
    },
    "complaint_description": {
        "en": "We work twelve hours a day and overtime is never paid.",
        "es": "Trabajamos doce horas al día y nunca nos pagan las horas extra.",
        "fr": "Nous travaillons douze heures par jour et les heures supplémentaires ne sont jamais payées.",
        "vi": "Chúng tôi làm việc mười hai giờ mỗi ngày và không bao giờ được trả tiền làm thêm giờ.",
        "si": "අපි දිනකට පැය දොළහක් වැඩ කරන නමුත් අතිකාල දීමනා කිසිදා ගෙවන්නේ නැත.",
        "ta": "நாங்கள் நாளொன்றுக்குப் பன்னிரண்டு மணி நேரம் வேலை செய்கிறோம்; கூடுதல் நேர ஊதியம் ஒருபோதும் வழங்கப்படுவதில்லை.",
    },
    "employer": {
        "en": "Demo employer",
        "es": "Empleador de demostración",
        "fr": "Employeur de démonstration",
        "vi": "Người sử dụng lao động mẫu",
        "si": "ආදර්ශ සේවා යෝජකයා",
        "ta": "மாதிரி வேலை வழங்குநர்",
    },
    "complainant": {
        "en": "Demo worker",
        "es": "Trabajador de demostración",
        "fr": "Travailleur de démonstration",
        "vi": "Người lao động mẫu",
        "si": "ආදර්ශ සේවකයා",
        "ta": "மாதிரித் தொழிலாளர்",
    },
    "accident": {
        "en": "Fall from a scaffold without a harness.",
        "es": "Caída desde un andamio sin arnés de seguridad.",
        "fr": "Chute d'un échafaudage sans harnais.",
        "vi": "Ngã từ giàn giáo do không đeo dây an toàn.",
        "si": "ආරක්ෂක පටියක් නොමැතිව පලංචියකින් වැටීම.",
        "ta": "பாதுகாப்புக் கச்சை இல்லாமல் சாரத்திலிருந்து விழுதல்.",
    },
    "triage_reason": {
        "en": "Credible and specific.",
        "es": "Denuncia verosímil y concreta.",
        "fr": "Plainte crédible et précise.",
        "vi": "Đơn có căn cứ và cụ thể.",
        "si": "විශ්වාසදායක හා නිශ්චිත පැමිණිල්ලකි.",
        "ta": "நம்பத்தகுந்த, குறிப்பான புகார்.",
    },
    "overtime_subject": {
        "en": "Overtime not paid",
        "es": "No pagan las horas extra",
        "fr": "Heures supplémentaires non payées",
        "vi": "Không được trả tiền làm thêm giờ",
        "si": "අතිකාල දීමනා ගෙවන්නේ නැත",
        "ta": "கூடுதல் நேர ஊதியம் வழங்கப்படுவதில்லை",
    },
    "overtime_description": {
        "en": "Twelve-hour shifts six days a week; overtime is never paid.",
        "es": "Turnos de doce horas seis días a la semana; nunca pagan las horas extra.",
        "fr": "Des postes de douze heures six jours par semaine ; les heures supplémentaires ne sont jamais payées.",
        "vi": "Ca làm mười hai giờ, sáu ngày mỗi tuần; tiền làm thêm giờ không bao giờ được trả.",
        "si": "සතියකට දින හයක් පැය දොළහේ මුර; අතිකාල දීමනා කිසිදා ගෙවන්නේ නැත.",
        "ta": "வாரத்தில் ஆறு நாட்கள் பன்னிரண்டு மணி நேரப் பணி; கூடுதல் நேர ஊதியம் ஒருபோதும் வழங்கப்படுவதில்லை.",
    },
    "persons_met": {
        "en": "HR manager",
        "es": "Jefa de recursos humanos",
        "fr": "Responsable des ressources humaines",
        "vi": "Trưởng phòng nhân sự",
        "si": "මානව සම්පත් කළමනාකරු",
        "ta": "மனிதவள மேலாளர்",
    },
    "refused": {
        "en": "The guard refused entry on the owner's orders.",
        "es": "El guardia negó el ingreso por orden del propietario.",
        "fr": "Le gardien a refusé l'entrée sur ordre du propriétaire.",
        "vi": "Bảo vệ từ chối cho vào theo lệnh của chủ cơ sở.",
        "si": "හිමිකරුගේ නියෝගය මත ආරක්ෂකයා ඇතුළුවීම ප්‍රතික්ෂේප කළේය.",
        "ta": "உரிமையாளரின் உத்தரவின் பேரில் காவலர் நுழைவை மறுத்தார்.",
    },
    "closed_season": {
        "en": "Establishment closed for the season.",
        "es": "Establecimiento cerrado por temporada.",
        "fr": "Établissement fermé pour la saison.",
        "vi": "Cơ sở tạm đóng cửa theo mùa vụ.",
        "si": "ආයතනය සෘතුව සඳහා වසා ඇත.",
        "ta": "பருவகாலத்திற்காக நிறுவனம் மூடப்பட்டுள்ளது.",
    },
    "assign_reason": {
        "en": "Workload of the district",
        "es": "Carga de trabajo del distrito",
        "fr": "Charge de travail du district",
        "vi": "Khối lượng công việc của địa bàn",
        "si": "දිස්ත්‍රික්කයේ වැඩ බර",
        "ta": "மாவட்டத்தின் பணிச்சுமை",
    },
    "portal_subject": {
        "en": "Remote inspection: payroll and contracts",
        "es": "Inspección remota: planillas y contratos",
        "fr": "Inspection à distance : registre des salaires et contrats",
        "vi": "Thanh tra từ xa: bảng lương và hợp đồng",
        "si": "දුරස්ථ පරීක්ෂණය: වැටුප් ලේඛනය සහ ගිවිසුම්",
        "ta": "தொலை ஆய்வு: சம்பளப் பதிவேடு மற்றும் ஒப்பந்தங்கள்",
    },
    "portal_body": {
        "en": "Upload the payroll of the last three months and the employment contracts.",
        "es": "Suba las planillas de los últimos tres meses y los contratos de trabajo.",
        "fr": "Déposez le registre des salaires des trois derniers mois et les contrats de travail.",
        "vi": "Tải lên bảng lương ba tháng gần nhất và các hợp đồng lao động.",
        "si": "පසුගිය මාස තුනේ වැටුප් ලේඛනය සහ රැකියා ගිවිසුම් උඩුගත කරන්න.",
        "ta": "கடந்த மூன்று மாதங்களின் சம்பளப் பதிவேட்டையும் வேலை ஒப்பந்தங்களையும் பதிவேற்றவும்.",
    },
    "portal_payroll": {
        "en": "Payroll (last three months)",
        "es": "Planillas (últimos tres meses)",
        "fr": "Registre des salaires (trois derniers mois)",
        "vi": "Bảng lương (ba tháng gần nhất)",
        "si": "වැටුප් ලේඛනය (පසුගිය මාස තුන)",
        "ta": "சம்பளப் பதிவேடு (கடந்த மூன்று மாதங்கள்)",
    },
    "portal_contracts": {
        "en": "Employment contracts",
        "es": "Contratos de trabajo",
        "fr": "Contrats de travail",
        "vi": "Hợp đồng lao động",
        "si": "රැකියා ගිවිසුම්",
        "ta": "வேலை ஒப்பந்தங்கள்",
    },
}


def demo_text(key: str) -> str:
    """``key``'s text in the active ministry's default language (English if it has none)."""
    language = getattr(getattr(connection, "tenant", None), "default_language", "") or "en"
    texts = TEXTS[key]
    return texts.get(language, texts["en"])


def demo_provision() -> str:
    """The provision of the demo's compliance orders, named as the generic fine schedule names it
    in the ministry's language, so the orders find their fine rule."""
    language = getattr(getattr(connection, "tenant", None), "default_language", "") or "en"
    with translation.override(language):
        return gettext("Occupational safety and health")
