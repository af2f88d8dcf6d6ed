"""The labour inspection and administrative sanction procedure of Vietnam, as versioned data.

Labels are in Vietnamese, the ministry's working language (to be reviewed by a native speaker).
Verified in the pack's sources: Decree 12/2022/NĐ-CP (17 January 2022) on administrative
penalties in labour; the Law on Handling Administrative Violations 2012 (amended 2020), whose
art. 66 gives the penalty decision **7 days from the record of violation**, and the names
*biên bản vi phạm hành chính* and *quyết định xử phạt vi phạm hành chính*. Everything else (the
inspection decision's limit, the day type of the 7 days, explanation, execution and complaint
periods) is marked "cần Bộ xác nhận" (to be confirmed by the ministry).
Each version applies from its ``effective_from`` date; the newest one in effect is used.
"""

import datetime as dt

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

PROCEDURE = "vn_thanh_tra_xu_phat"
CXN = "cần Bộ xác nhận"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value
LXLVPHC = "Luật Xử lý vi phạm hành chính 2012 (sửa đổi 2020)"
RECORD_STEP = "bien_ban_vi_pham"
DECISION_STEP = "quyet_dinh_xu_phat"

THANH_TRA_2022 = ProcedureType(
    code=PROCEDURE,
    label="Thanh tra lao động và xử phạt vi phạm hành chính (Nghị định 12/2022/NĐ-CP)",
    legal_basis=f"Bộ luật Lao động 2019; Nghị định 12/2022/NĐ-CP; {LXLVPHC}",
    steps=(
        WorkflowStep(
            "quyet_dinh_thanh_tra",
            "Quyết định thanh tra",
            legal_basis=f"Luật Thanh tra; Bộ luật Lao động 2019 (thời hạn {CXN})",
            next_steps=("tien_hanh_thanh_tra",),
            action=EDIT,
        ),
        WorkflowStep(
            "tien_hanh_thanh_tra",
            "Tiến hành thanh tra tại đơn vị",
            legal_basis=f"Luật Thanh tra (thời hạn thanh tra {CXN})",
            next_steps=(RECORD_STEP, "ket_luan_khong_vi_pham"),
            action=EDIT,
        ),
        WorkflowStep(
            RECORD_STEP,
            "Kết luận thanh tra: lập biên bản vi phạm hành chính",
            time_limit_days=7,
            legal_basis=f"{LXLVPHC} điều 66: ra quyết định xử phạt trong thời hạn 07 ngày kể từ "
            f"ngày lập biên bản (ngày làm việc hay ngày lịch: {CXN}; gia hạn khi có giải trình: "
            f"{CXN})",
            next_steps=("giai_trinh", DECISION_STEP),
            action=EDIT,
        ),
        WorkflowStep(
            "giai_trinh",
            "Giải trình của người vi phạm",
            legal_basis=f"{LXLVPHC} (thời hạn giải trình {CXN})",
            next_steps=(DECISION_STEP,),
            action=EDIT,
        ),
        WorkflowStep(
            DECISION_STEP,
            "Quyết định xử phạt vi phạm hành chính",
            time_limit_days=10,
            legal_basis=f"{LXLVPHC}: thời hạn chấp hành quyết định xử phạt 10 ngày ({CXN}); "
            f"mức phạt theo Nghị định 12/2022/NĐ-CP",
            next_steps=("khieu_nai", "chap_hanh_xong"),
            action=DECIDE,
        ),
        WorkflowStep(
            "khieu_nai",
            "Khiếu nại hoặc khởi kiện quyết định xử phạt",
            time_limit_days=30,
            legal_basis=f"Luật Khiếu nại 2011; Luật Tố tụng hành chính (thời hạn giải quyết {CXN})",
            next_steps=("chap_hanh_xong", "huy_quyet_dinh"),
            action=DECIDE,
        ),
        WorkflowStep(
            "chap_hanh_xong",
            "Đã chấp hành xong quyết định xử phạt",
            legal_basis=LXLVPHC,
            action=DECIDE,
        ),
        WorkflowStep(
            "huy_quyet_dinh",
            "Quyết định xử phạt bị hủy sau khiếu nại",
            legal_basis=f"Luật Khiếu nại 2011 ({CXN})",
            action=DECIDE,
        ),
        WorkflowStep(
            "ket_luan_khong_vi_pham",
            "Kết luận thanh tra: không phát hiện vi phạm",
            legal_basis="Luật Thanh tra",
            action=EDIT,
        ),
    ),
)

# (effective_from, procedure): Decree 12/2022/NĐ-CP of 17 January 2022.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2022, 1, 17), THANH_TRA_2022),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
