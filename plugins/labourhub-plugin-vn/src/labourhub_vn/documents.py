"""Document templates named as the Vietnamese labour inspectorate names them, in Vietnamese.

Bodies use the letter template language of the core (``{{ ministry.name }}``,
``{{ officer.full_name }}``, ``{{ extra.<key> }}``); the ministry's letterhead is added by the
core's letter layout. Texts and titles are to be reviewed by a native speaker.
"""

from decimal import ROUND_HALF_UP, Decimal

from labourhub.plugin_api import DocumentTemplate

QUYET_DINH_THANH_TRA = "vn_quyet_dinh_thanh_tra"
BIEN_BAN_VI_PHAM = "vn_bien_ban_vi_pham"
QUYET_DINH_XU_PHAT = "vn_quyet_dinh_xu_phat"

# Role titles as the inspectorate uses them.
THANH_TRA_VIEN = "Thanh tra viên lao động"
CHANH_THANH_TRA = "Chánh Thanh tra"
_QUOC_HIEU = (
    "<p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>"
    "Độc lập - Tự do - Hạnh phúc</p><p>{{ ministry.name }}</p>"
)


def so_tien(amount: Decimal) -> str:
    """An amount in đồng as a Vietnamese decision writes it: no decimals, dots between
    thousands ("112.000.000 đồng"); the đồng has no subunit in use."""
    whole = int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{whole:,}".replace(",", ".") + " đồng"


def _ky(title: str) -> str:
    return f"<p>{title}<br>{{{{ officer.full_name }}}}</p>"


TEMPLATES = (
    DocumentTemplate(
        QUYET_DINH_THANH_TRA,
        "Quyết định thanh tra",
        prefix="QDTT",
        texts={
            "vi": (
                "Quyết định thanh tra việc chấp hành pháp luật lao động",
                _QUOC_HIEU + "<p>Thanh tra việc chấp hành pháp luật lao động tại "
                "<strong>{{ extra.don_vi }}</strong>. Thời hạn thanh tra: "
                "{{ extra.thoi_han }} ngày. Đoàn thanh tra: {{ extra.doan_thanh_tra }}.</p>"
                "<p>Căn cứ: Bộ luật Lao động 2019; Luật Thanh tra.</p>" + _ky(CHANH_THANH_TRA),
            )
        },
    ),
    DocumentTemplate(
        BIEN_BAN_VI_PHAM,
        "Biên bản vi phạm hành chính",
        prefix="BBVP",
        texts={
            "vi": (
                "Biên bản vi phạm hành chính trong lĩnh vực lao động",
                _QUOC_HIEU + "<p>Hôm nay, {{ extra.ngay }}, tại {{ extra.dia_diem }}, lập biên "
                "bản vi phạm hành chính đối với <strong>{{ extra.don_vi }}</strong>.</p>"
                "<p>Hành vi vi phạm: {{ extra.hanh_vi }}, quy định tại {{ extra.can_cu }}.</p>"
                "<p>Trong thời hạn 07 ngày kể từ ngày lập biên bản, người có thẩm quyền ra quyết "
                "định xử phạt (Luật Xử lý vi phạm hành chính điều 66).</p>" + _ky(THANH_TRA_VIEN),
            )
        },
    ),
    DocumentTemplate(
        QUYET_DINH_XU_PHAT,
        "Quyết định xử phạt vi phạm hành chính",
        prefix="QDXP",
        texts={
            "vi": (
                "Quyết định xử phạt vi phạm hành chính trong lĩnh vực lao động",
                _QUOC_HIEU + "<p>Xử phạt <strong>{{ extra.don_vi }}</strong> số tiền "
                "<strong>{{ extra.so_tien }}</strong> về hành vi: {{ extra.hanh_vi }}.</p>"
                "<p>Căn cứ: {{ extra.can_cu }}.</p>"
                "<p>Người bị xử phạt phải chấp hành quyết định trong thời hạn 10 ngày kể từ ngày "
                "nhận quyết định; có quyền khiếu nại hoặc khởi kiện theo quy định của pháp "
                "luật.</p>" + _ky(CHANH_THANH_TRA),
            )
        },
    ),
)
