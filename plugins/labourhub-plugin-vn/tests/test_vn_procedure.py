"""The Vietnamese inspection and sanction procedure, end to end, on Vietnam's calendar with a
frozen clock: the 7 days to decide run over Tết, and three violations get three fines."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_vn import documents, fines, procedure
from labourhub_vn.hooks import SLUG

from labourhub.plugin_api import (
    ApplicationError,
    Role,
    calendar_current,
    case_open,
    case_transition,
    document_issue,
    fine_suggest,
)
from labourhub.workflow.models import CalendarDay, Deadline

D = dt.date.fromisoformat


def _at(ministry, day: str) -> dt.datetime:
    return dt.datetime.combine(D(day), dt.time(10), tzinfo=zoneinfo.ZoneInfo(ministry.time_zone))


@pytest.fixture
def pack(enable_plugin, ministry):
    # Activated on 1 December 2026: the calendar covers 2026, 2027 and 2028.
    with time_machine.travel(_at(ministry, "2026-12-01"), tick=False):
        return enable_plugin(SLUG)


def _due(case, step: str) -> dt.date:
    return Deadline.objects.get(case=case, code=step, status="open").due_on


def test_the_sanction_procedure_runs_over_tet_on_vietnam_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    # Tết Nguyên Đán 2027: Thursday 4 to Wednesday 10 February, names in Vietnamese.
    assert not any(cal.is_working(D(f"2027-02-{d:02d}")) for d in range(4, 11))
    assert cal.is_working(D("2027-02-03")) and cal.is_working(D("2027-02-11"))
    assert CalendarDay.objects.get(date=D("2027-02-08")).name == "Mùng ba Tết Nguyên Đán"

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2027-01-25"), tick=False):
        case = case_open(
            procedure=procedure.PROCEDURE,
            title="Công ty TNHH May mặc Sông Hồng: nợ bảo hiểm xã hội",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "quyet_dinh_thanh_tra"
    assert not Deadline.objects.filter(case=case).exists()  # no verified limit: none invented
    case = step("2027-01-27", "tien_hanh_thanh_tra", inspector)

    # Record of violation on Monday 1 February: 7 working days to decide (Law on Handling
    # Administrative Violations art. 66), skipping the whole of Tết: due Wednesday 17 February.
    case = step("2027-02-01", procedure.RECORD_STEP, inspector)
    assert _due(case, procedure.RECORD_STEP) == D("2027-02-17")

    # Three different violations: three fines, each within its Decree 12/2022 range, for an
    # organisation (twice the individual range).
    found = {
        code: fine_suggest(tenant=ministry, provision=code + fines.ORGANISATION, on=D("2027-02-01"))
        for code in ("vn-nd12-12-1", "vn-nd12-14-2", "vn-nd12-39-4")
    }
    amounts = {code: (f.amount, f.minimum, f.maximum) for code, f in found.items() if f}
    assert amounts == {
        "vn-nd12-12-1": (Decimal("2000000.00"), Decimal(2_000_000), Decimal(6_000_000)),
        "vn-nd12-14-2": (Decimal("100000000.00"), Decimal(100_000_000), Decimal(150_000_000)),
        "vn-nd12-39-4": (Decimal("10000000.00"), Decimal(10_000_000), Decimal(20_000_000)),
    }
    for suggestion in found.values():
        assert suggestion is not None and suggestion.currency == "VND"
        assert suggestion.minimum <= suggestion.units <= suggestion.maximum
        assert "Nghị định 12/2022/NĐ-CP điều" in suggestion.legal_basis
        assert suggestion.confirmed is False  # secondary sources: the ministry confirms
    individual = fine_suggest(tenant=ministry, provision="vn-nd12-12-1", on=D("2027-02-01"))
    assert individual is not None and individual.amount == Decimal("1000000.00")
    # No rule before the Decree took effect: old cases are not fined under it.
    assert fine_suggest(tenant=ministry, provision="vn-nd12-12-1", on=D("2021-12-31")) is None

    # Only someone who decides sanctions may take the penalty decision.
    with pytest.raises(ApplicationError):
        step("2027-02-15", procedure.DECISION_STEP, inspector)
    with time_machine.travel(_at(ministry, "2027-02-15"), tick=False):
        decision = document_issue(
            kind=documents.QUYET_DINH_XU_PHAT,
            officer=director,
            extra={
                "don_vi": "Công ty TNHH May mặc Sông Hồng",
                "so_tien": f"{sum(a for a, _, _ in amounts.values()):,.0f} đồng".replace(",", "."),
                "hanh_vi": "ba hành vi vi phạm",
                "can_cu": "Nghị định 12/2022/NĐ-CP",
            },
            actor=director,
        )
    assert decision.number.startswith("QDXP-2027-")
    # 10 working days to comply, from Monday 15 February: Monday 1 March.
    case = step("2027-02-15", procedure.DECISION_STEP, director)
    assert _due(case, procedure.DECISION_STEP) == D("2027-03-01")
    # A complaint: 30 working days to settle it.
    case = step("2027-02-22", "khieu_nai", director)
    assert _due(case, "khieu_nai") == D("2027-04-05")
    case = step("2027-03-15", "chap_hanh_xong", director)
    assert case.closed_at is not None


def test_fines_apply_to_the_ministry_s_fine_table(pack, in_ministry):
    from labourhub.enforcement.models import FineRule

    assert FineRule.objects.filter(provision__endswith="(cá nhân)").count() == 6
    org = FineRule.objects.get(provision__startswith="Lợi dụng", provision__endswith="(tổ chức)")
    assert (org.base_amount, org.maximum) == (Decimal(100_000_000), Decimal(150_000_000))


def test_vietnamese_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"vn-dieu-kien-lao-dong", "vn-bao-hiem-xa-hoi"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Quyết định thanh tra", "Biên bản vi phạm hành chính"} <= labels
    assert "Quyết định xử phạt vi phạm hành chính" in labels


def test_the_case_page_shows_the_suggested_fine_in_vietnamese(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure=procedure.PROCEDURE,
        title="Công ty Cổ phần Thủy sản Đà Nẵng",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Mức phạt đề xuất" in page and "căn cứ pháp lý" in page
    assert "Không thông báo bằng văn bản cho người lao động" in page
    assert "Nghị định 12/2022/NĐ-CP điều 12 khoản 1" in page and "cần Bộ xác nhận" in page
    assert "Quyết định thanh tra" in page


def test_the_checklists_are_seeded_in_vietnamese_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    checklists_seed()
    general = Checklist.objects.get(code="vn-dieu-kien-lao-dong")
    assert general.title.startswith("Thanh tra chấp hành pháp luật lao động")
    questions = ChecklistQuestion.objects.filter(code="luong_toi_thieu")
    assert questions.exists() and all(q.legal_article for q in questions)
    assert Checklist.objects.filter(code="vn-bao-hiem-xa-hoi").exists()


def test_the_penalty_decision_pdf_is_vietnamese_with_its_diacritics_and_vnd(
    pack, ministry, in_ministry, user_with_role
):
    import subprocess
    import tempfile

    from labourhub.documents.services import document_pdf_bytes

    director = user_with_role(Role.DIRECTOR)
    decision = document_issue(
        kind=documents.QUYET_DINH_XU_PHAT,
        officer=director,
        extra={
            "don_vi": "Công ty TNHH Thủy sản Đà Nẵng",
            "so_tien": documents.so_tien(Decimal("112000000.00")),
            "hanh_vi": "không xác nhận bảo hiểm thất nghiệp",
            "can_cu": "Nghị định 12/2022/NĐ-CP điều 39 khoản 3",
        },
        actor=director,
    )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(document_pdf_bytes(document=decision))
        pdf.flush()
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", pdf.name, "-"], capture_output=True, check=True
        ).stdout.decode()
    flat = " ".join(text.split())
    assert "Quyết định xử phạt vi phạm hành chính" in flat
    assert "Công ty TNHH Thủy sản Đà Nẵng" in flat and "112.000.000 đồng" in flat
    assert "Nghị định 12/2022/NĐ-CP điều 39 khoản 3" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "Độc lập - Tự do - Hạnh phúc" in flat
    assert "112.000.000,00" not in flat and "112000000" not in flat
    assert documents.so_tien(Decimal("1500000.50")) == "1.500.001 đồng"


def test_three_violations_found_on_an_inspection_get_three_fines_before_the_decision(
    pack, ministry, in_ministry, user_with_role
):
    from labourhub_vn import checklists

    from labourhub.enforcement.models import ComplianceOrder
    from labourhub.enforcement.services import order_issue
    from labourhub.enforcement.services.penalties import penalty_preview
    from labourhub.registry.services import employer_create, establishment_create

    supervisor = user_with_role(Role.SUPERVISOR)
    employer = employer_create(
        legal_name="Công ty TNHH May mặc Sông Hồng", tax_id="VN-1", actor=None
    )
    site = establishment_create(
        employer=employer,
        name="Xưởng may Sông Hồng",
        office=supervisor.office,
        isic_code="1410",
        actor=None,
    )
    # The provisions as the Vietnamese checklists write them on the findings.
    items = {i.code: i for c in checklists.CHECKLISTS for i in c.items}
    cited = [items[c].legal_basis for c in ("thong_bao_cham_dut", "niem_yet_bhxh", "bao_cao_bhxh")]
    first = order_issue(
        establishment=site,
        office=supervisor.office,
        provision=cited[0],
        requirement="Thông báo bằng văn bản cho người lao động",
        days=30,
        actor=supervisor,
    )
    for provision in cited[1:]:
        ComplianceOrder.objects.create(
            case=first.case, establishment=site, provision=provision, requirement="Khắc phục"
        )
    suggestions, missing = penalty_preview(case=first.case)
    assert missing == []
    ranges = {s.provision: (s.suggested, s.minimum, s.maximum) for s in suggestions}
    # Organisations: twice the individual range of each article (điều 6).
    assert ranges == {
        cited[0]: (Decimal("2000000.00"), Decimal("2000000.00"), Decimal("6000000.00")),
        cited[1]: (Decimal("2000000.00"), Decimal("2000000.00"), Decimal("6000000.00")),
        cited[2]: (Decimal("10000000.00"), Decimal("10000000.00"), Decimal("20000000.00")),
    }
    for s in suggestions:
        assert s.minimum <= s.amount <= s.maximum
        assert "Nghị định 12/2022/NĐ-CP điều" in s.legal_basis and "tổ chức" in s.legal_basis
    # "điều 39 khoản 2 điểm a" is not "điều 39 khoản 2 điểm b": each violation its own rule.
    assert len({s.legal_basis for s in suggestions}) == 3
