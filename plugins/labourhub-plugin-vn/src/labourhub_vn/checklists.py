"""Inspection checklists in Vietnamese, each question bound to its provision.

Labels are to be reviewed by a native speaker. Article numbers not in the pack's verified sources
carry "(cần Bộ xác nhận)" (to be confirmed by the ministry).
"""

from labourhub.plugin_api import ChecklistDefinition, ChecklistItem

CXN = " (cần Bộ xác nhận)"
BLLD = "Bộ luật Lao động 2019"

GENERAL = ChecklistDefinition(
    code="vn-dieu-kien-lao-dong",
    label="Thanh tra chấp hành pháp luật lao động (Việt Nam)",
    version="2026.1",
    items=(
        ChecklistItem(
            "hop_dong",
            "Người sử dụng lao động có giao kết hợp đồng lao động bằng văn bản với người lao "
            "động không?",
            f"{BLLD} điều 14{CXN}",
        ),
        ChecklistItem(
            "thong_bao_cham_dut",
            "Người lao động có được thông báo bằng văn bản khi chấm dứt hợp đồng lao động không?",
            "Nghị định 12/2022/NĐ-CP điều 12 khoản 1" + CXN,
        ),
        ChecklistItem(
            "luong_toi_thieu",
            "Không có người lao động nào được trả lương thấp hơn mức lương tối thiểu vùng?",
            f"{BLLD} điều 90{CXN}",
        ),
        ChecklistItem(
            "thoi_gio_lam_viec",
            "Thời giờ làm việc bình thường không vượt quá 8 giờ/ngày và 48 giờ/tuần?",
            f"{BLLD} điều 105{CXN}",
        ),
        ChecklistItem(
            "giay_to_goc",
            "Người sử dụng lao động không giữ bản chính giấy tờ tùy thân, văn bằng của người lao "
            "động?",
            f"{BLLD} điều 17{CXN}",
        ),
        ChecklistItem(
            "lao_dong_chua_thanh_nien",
            "Không có lao động chưa thành niên làm công việc bị cấm?",
            f"{BLLD} điều 147{CXN}",
        ),
    ),
)

BHXH = ChecklistDefinition(
    code="vn-bao-hiem-xa-hoi",
    label="Bảo hiểm xã hội, bảo hiểm thất nghiệp",
    version="2026.1",
    items=(
        ChecklistItem(
            "niem_yet_bhxh",
            "Thông tin đóng bảo hiểm xã hội hằng năm có được niêm yết công khai không?",
            "Nghị định 12/2022/NĐ-CP điều 39 khoản 2 điểm a" + CXN,
        ),
        ChecklistItem(
            "cung_cap_thong_tin",
            "Thông tin bảo hiểm xã hội có được cung cấp khi người lao động hoặc công đoàn yêu "
            "cầu không?",
            "Nghị định 12/2022/NĐ-CP điều 39 khoản 2 điểm b" + CXN,
        ),
        ChecklistItem(
            "bao_cao_bhxh",
            "Thông tin bảo hiểm xã hội có được báo cáo chính xác, đầy đủ và đúng hạn không?",
            "Nghị định 12/2022/NĐ-CP điều 39 khoản 4" + CXN,
        ),
    ),
)

CHECKLISTS = (GENERAL, BHXH)
