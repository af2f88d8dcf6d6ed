"""The Sri Lankan inspection and prosecution procedure, end to end, on Sri Lanka's calendar with
a frozen clock: the notice's compliance period skips a Poya day."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from labourhub_lk import documents, procedure
from labourhub_lk.hooks import SLUG

from labourhub.plugin_api import (
    ApplicationError,
    Role,
    calendar_current,
    case_open,
    case_transition,
    document_issue,
    fine_suggest,
    fine_suggestions,
)
from labourhub.workflow.models import CalendarDay, Deadline

D = dt.date.fromisoformat


def _at(ministry, day: str) -> dt.datetime:
    return dt.datetime.combine(D(day), dt.time(10), tzinfo=zoneinfo.ZoneInfo(ministry.time_zone))


@pytest.fixture
def pack(enable_plugin, ministry):
    # Activated on 2 November 2026: the library has Sri Lanka's 2026 gazette (Poya days).
    with time_machine.travel(_at(ministry, "2026-11-02"), tick=False):
        return enable_plugin(SLUG)


def _due(case, step: str) -> dt.date:
    return Deadline.objects.get(case=case, code=step, status="open").due_on


def test_the_procedure_runs_on_sri_lanka_s_calendar_over_a_poya_day(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    # Il Full Moon Poya Day, Tuesday 24 November 2026, named in Sinhala.
    assert not cal.is_working(D("2026-11-24")) and cal.is_working(D("2026-11-25"))
    assert CalendarDay.objects.get(date=D("2026-11-24")).name == "ඉල් පුර පසළොස්වක පෝය දිනය"

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2026-11-16"), tick=False):
        case = case_open(
            procedure=procedure.PROCEDURE,
            title="Perera Textiles (Pvt) Ltd: hours and records",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "inspection"
    assert not Deadline.objects.filter(case=case).exists()  # no statutory limit: none invented

    # Notice served Monday 23 November: 14 working days, skipping the Poya day: 14 December
    # (11 December without it).
    with time_machine.travel(_at(ministry, "2026-11-23"), tick=False):
        notice = document_issue(
            kind=documents.NOTICE,
            officer=inspector,
            extra={
                "employer": "Perera Textiles (Pvt) Ltd",
                "findings": "no record of overtime",
                "provision": "Shop and Office Employees Act No. 19 of 1954 s.18",
                "deadline": "14.12.2026",
            },
            actor=inspector,
        )
    assert notice.number.startswith("NTC-2026-")
    case = step("2026-11-23", procedure.NOTICE_STEP, inspector)
    assert _due(case, procedure.NOTICE_STEP) == D("2026-12-14")

    # Not complied with: only someone who decides sanctions sends the case to court.
    with pytest.raises(ApplicationError):
        step("2026-12-15", "prosecution", inspector)
    case = step("2026-12-15", "prosecution", director)
    assert not Deadline.objects.filter(case=case, status="open").exists()  # the court fixes dates

    # The court sets the penalty: the schedule suggests none and invents no range.
    assert fine_suggest(tenant=ministry, provision="lk-shop-office-s15", on=D("2026-12-15")) is None
    assert fine_suggestions(tenant=ministry, on=D("2026-12-15")) == []
    case = step("2026-12-28", "judgement", director)
    assert case.closed_at is not None


def test_the_labels_are_in_sinhala_with_english_fallback(pack, ministry, in_ministry):
    from django.utils import translation

    step = procedure.INSPECTION_1954.steps[1]
    with translation.override("si"):
        assert str(step.label) == "සේවා යෝජකයාට අනුකූල වීමේ දැන්වීම භාර දෙන ලදී"
        assert str(procedure.INSPECTION_1954.label).startswith("කම්කරු පරීක්ෂණය")
    with translation.override("ta"):
        assert str(step.label) == "இணங்குவதற்கான அறிவிப்பு முதலாளிக்கு வழங்கப்பட்டது"
    with translation.override("en"):
        assert str(step.label) == "Notice to comply served on the employer"


def test_checklists_and_the_bilingual_notice_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"lk-shop-office", "lk-factories"} <= codes
    templates = {t.code: t for t in flatten(hooks.register_document_templates(tenant=ministry))}
    notice = templates[documents.NOTICE]
    assert set(notice.texts) == {"en", "si"} and "අනුකූල" in notice.texts["si"][0]
    assert list(templates[documents.COMPLIANCE_ORDER].texts) == ["en", "si"]
    assert list(templates[documents.COMPLIANCE_ORDER_TA].texts) == ["en", "ta"]


def test_the_checklists_are_seeded_with_their_provisions(pack, in_ministry):
    from django.utils import translation

    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    # Seeded in the ministry's language, whatever the caller's: Sri Lanka's is Sinhala.
    in_ministry.default_language = "si"
    with translation.override("en"):
        checklists_seed()
    shops = Checklist.objects.get(code="lk-shop-office")
    assert shops.title == "සාප්පු සහ කාර්යාල (ශ්‍රී ලංකාව)"
    hours = ChecklistQuestion.objects.filter(code="hours")
    assert hours.exists() and all("s.3" in q.legal_article for q in hours)


def test_the_bilingual_notice_pdf_renders_sinhala_and_english_with_the_deadline(
    pack, ministry, in_ministry, user_with_role
):
    import subprocess
    import tempfile

    from labourhub.documents.services import document_pdf_bytes, document_template_save

    inspector = user_with_role(Role.INSPECTOR)
    admin = user_with_role(Role.SYSTEM_ADMIN)
    # The administrator turns the pack's two texts into a two-column English/Sinhala notice.
    template = next(t for t in documents.TEMPLATES if t.code == documents.NOTICE)
    texts = {code: {"title": t, "body": b} for code, (t, b) in template.texts.items()}
    document_template_save(
        kind=documents.NOTICE, layout="columns", languages=["si", "en"], texts=texts, actor=admin
    )
    notice = document_issue(
        kind=documents.NOTICE,
        officer=inspector,
        extra={
            "employer": "Silva Tea Estates Ltd",
            "findings": "no overtime register",
            "provision": "s.18",
            "deadline": "14.12.2026",
        },
        actor=inspector,
    )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(document_pdf_bytes(document=notice))
        pdf.flush()
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", pdf.name, "-"], capture_output=True, check=True
        ).stdout.decode()
    flat = " ".join(text.split())
    assert "Silva Tea Estates Ltd" in flat and "14.12.2026" in flat
    assert "Notice to comply" in flat and "Labour Officer" in flat
    assert "අනුකූල වීමට දැන්වීම" in flat and "කම්කරු නිලධාරී" in flat
