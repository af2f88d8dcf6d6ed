"""Vietnam's fine ranges per violation from Decree 12/2022/NĐ-CP, in VND, versioned.

The Decree (17 January 2022, replacing Decree 28/2020/NĐ-CP) is verified; the rows below were
read in secondary sources only, so every row is ``confirmed=False`` ("cần Bộ xác nhận", to be
confirmed by the ministry). The Decree's amounts are for an individual; an organisation is
reported to pay twice the range (Decree 12/2022 art. 6, also to be confirmed): each violation has
an individual provision and an organisation provision (``-to-chuc``). Labels are in Vietnamese,
to be reviewed by a native speaker. The suggested fine is the minimum of the range; the official
who decides graduates it within the range. Fines are in money, so the unit is the đồng itself.

Each organisation rule cites its article as the checklists write it on a finding, so each
violation an inspection finds gets its own suggested fine, in the organisation's range (the
employers inspected are organisations; for an individual employer the decider picks the
individual rule). Individual rules cite nothing, so a finding never matches both.
"""

import datetime as dt
from decimal import Decimal

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

VND = "VND"
ND12 = dt.date(2022, 1, 17)
CXN = "cần Bộ xác nhận"
ORGANISATION = "-to-chuc"

# (provision, article, label, minimum, maximum) for an individual, from Decree 12/2022.
_ROWS: tuple[tuple[str, str, str, int, int], ...] = (
    (
        "vn-nd12-12-1",
        "điều 12 khoản 1",
        "Không thông báo bằng văn bản cho người lao động về việc chấm dứt hợp đồng lao động",
        1_000_000,
        3_000_000,
    ),
    (
        "vn-nd12-14-2",
        "điều 14 khoản 2",
        "Lợi dụng danh nghĩa đào tạo nghề, tập nghề để trục lợi, bóc lột sức lao động",
        50_000_000,
        75_000_000,
    ),
    (
        "vn-nd12-39-2a",
        "điều 39 khoản 2 điểm a",
        "Không niêm yết công khai thông tin đóng bảo hiểm xã hội hằng năm",
        1_000_000,
        3_000_000,
    ),
    (
        "vn-nd12-39-2b",
        "điều 39 khoản 2 điểm b",
        "Không cung cấp hoặc cung cấp không đầy đủ thông tin về bảo hiểm xã hội, bảo hiểm "
        "thất nghiệp khi người lao động hoặc công đoàn yêu cầu",
        1_000_000,
        3_000_000,
    ),
    (
        "vn-nd12-39-3",
        "điều 39 khoản 3",
        "Không xác nhận bảo hiểm thất nghiệp cho người lao động (mỗi người lao động, tối đa "
        "75.000.000 đồng)",
        1_000_000,
        75_000_000,
    ),
    (
        "vn-nd12-39-4",
        "điều 39 khoản 4",
        "Báo cáo thông tin bảo hiểm xã hội, bảo hiểm thất nghiệp không chính xác, không đầy đủ "
        "hoặc không đúng hạn",
        5_000_000,
        10_000_000,
    ),
)


def _basis(article: str, organisation: bool) -> str:
    basis = f"Nghị định 12/2022/NĐ-CP {article} (mức phạt {CXN})"
    if organisation:
        basis += f"; tổ chức bị phạt gấp 2 lần mức phạt đối với cá nhân, điều 6 ({CXN})"
    return basis


RULES: tuple[FineRuleVersion, ...] = tuple(
    FineRuleVersion(
        provision=code + (ORGANISATION if organisation else ""),
        label=label + (" (tổ chức)" if organisation else " (cá nhân)"),
        effective_from=ND12,
        legal_basis=_basis(article, organisation),
        unit=VND,
        minimum=Decimal(low * (2 if organisation else 1)),
        maximum=Decimal(high * (2 if organisation else 1)),
        confirmed=False,
        cites=(f"Nghị định 12/2022/NĐ-CP {article}",) if organisation else (),
    )
    for code, article, label, low, high in _ROWS
    for organisation in (False, True)
)

# Fines are fixed in đồng: one unit is one đồng.
UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(VND, ND12, Decimal(1), "Nghị định 12/2022/NĐ-CP (mức phạt bằng đồng)", True),
)

SCHEDULE = FineSchedule(
    code="vn-muc-phat",
    label="Mức phạt vi phạm hành chính trong lĩnh vực lao động (Nghị định 12/2022/NĐ-CP)",
    currency="VND",
    rules=RULES,
    unit_values=UNIT_VALUES,
)
