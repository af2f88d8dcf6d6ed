"""Preformatted reports on screen, PDF, Excel and CSV; schedules by e-mail."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from pypdf import PdfReader

from labourhub.accounts.roles import Role
from labourhub.analytics.models import ReportSchedule
from labourhub.analytics.reports import report_build, report_render
from labourhub.analytics.services import report_schedule_create, report_schedules_send_due
from labourhub.audit.models import AuditEvent


def rows_of(report):
    return {str(r[0]).strip(): r[-1] for r in report.rows}


def test_ilo_c81_totals_match_the_hand_computed_data_and_the_dashboard(
    refreshed, client_for, ministry, user_with_role
):
    report = report_build(code="ilo_c81", period="2025")
    values = list(report.rows)
    by_position = [r[1] for r in values]
    # registered 4, women 85, men 115, total 200, inspectors 2, visits 4, then origins...
    assert by_position[:6] == [4, 85, 115, 200, 2, 4]
    tail = by_position[-8:]
    # violations 4, fines 3, amount 1750, collected 900, accidents 2, deaths 1, injured 3, diseases 1
    assert tail == [4, 3, 1750, 900, 2, 1, 3, 1]

    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    dashboard = client.get("/app/analytics/?start=2025-01&end=2025-12")
    cards = {
        c["indicator"].code: c["value"] for _l, cs in dashboard.context["sections"] for c in cs
    }
    assert cards["inspections_done"] == by_position[5]
    assert cards["violations"] == tail[0]
    assert cards["fines_imposed"] == tail[2] and cards["fines_collected"] == tail[3]


def test_ilo_c81_pdf_is_a_real_pdf_with_the_same_totals(
    refreshed, client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    response = client.get("/app/analytics/reports/ilo_c81/?period=2025&format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "2025" in text and "1,750" not in text  # amounts are plain numbers
    assert "1750" in text and "900" in text


def test_each_report_renders_in_every_format(refreshed):
    for code, period in (
        ("ilo_c81", "2025"),
        ("monthly_office", "2025-02"),
        ("minimum_wage", "2025"),
        ("case_ageing", ""),
    ):
        report = report_build(code=code, period=period)
        assert report.rows
        for fmt in ("pdf", "xlsx", "csv"):
            content, _mime, ext = report_render(report=report, file_format=fmt)
            assert content and ext == fmt
        book = load_workbook(io.BytesIO(report_render(report=report, file_format="xlsx")[0]))
        assert book.active.max_row == len(report.rows) + 1


def test_minimum_wage_report_counts_the_configured_provisions(refreshed):
    report = report_build(code="minimum_wage", period="2025")
    assert report.rows[-1][-1] == 2  # F1 and F3 (F5 is on an unfinished inspection)
    by_region = {r[0]: r[2] for r in report.rows[:-1]}
    assert by_region == {"Test region": 2}


def test_monthly_office_report_for_one_office(refreshed):
    office = refreshed["offices"]["dis_b"]
    report = report_build(code="monthly_office", period="2025-02", office=office)
    # Rows follow CORE_INDICATORS; the first is "inspections done": I4 only.
    assert report.rows[0][1] == 1
    assert len(report.rows) == 16


def test_case_ageing_counts_open_cases(refreshed):
    from labourhub.workflow.models import Case

    open_cases = Case.objects.filter(closed_at__isnull=True).count()
    report = report_build(code="case_ageing", period="")
    assert report.rows[-1][-1] == open_cases and open_cases > 0


@pytest.mark.parametrize("period", ["", "20255", "2025-13", "abcd", "2025-1", "'; DROP"])
def test_bad_report_period_is_a_clear_error(
    refreshed, client_for, ministry, user_with_role, period
):
    with pytest.raises(ValidationError):
        report_build(code="ilo_c81", period=period or "x")
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    response = client.get("/app/analytics/reports/ilo_c81/", {"period": period or "x"})
    assert response.status_code == 400 and response.context["error"]


def test_inspector_cannot_open_reports(refreshed, client_for, ministry):
    client = client_for(ministry)
    client.force_login(refreshed["u1"])
    assert client.get("/app/analytics/reports/ilo_c81/?period=2025").status_code == 403


def test_schedule_sends_once_per_period_with_the_attachment(refreshed):
    schedule = report_schedule_create(
        actor=None,
        report="ilo_c81",
        frequency="yearly",
        file_format="xlsx",
        recipients=["stats@example.org"],
    )
    from django.db import connection
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True, using=connection.alias):
        assert report_schedules_send_due(today=dt.date(2026, 1, 2)) == 1
    with TestCase.captureOnCommitCallbacks(execute=True, using=connection.alias):
        assert report_schedules_send_due(today=dt.date(2026, 1, 3)) == 0  # already sent
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["stats@example.org"]
    name, content, _mime = message.attachments[0]
    assert name == "ilo_c81-2025.xlsx" and content[:2] == b"PK"
    schedule.refresh_from_db()
    assert schedule.last_period == "2025"
    assert AuditEvent.objects.filter(action="report_schedule.sent").count() == 1


def test_schedule_form_refuses_hostile_input_and_saves_nothing(
    refreshed, client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    response = client.post(
        "/app/analytics/reports/schedule/",
        {
            "report": "ilo_c81",
            "frequency": "yearly",
            "file_format": "pdf",
            "recipients": "ok@example.org\n=HYPERLINK(evil)\n<script>",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["recipients"]
    assert not ReportSchedule.objects.exists()
    response = client.post(
        "/app/analytics/reports/schedule/",
        {"report": "nope", "frequency": "weekly", "file_format": "exe", "recipients": ""},
    )
    assert set(response.context["form"].errors) >= {
        "report",
        "frequency",
        "file_format",
        "recipients",
    }
    ok = client.post(
        "/app/analytics/reports/schedule/",
        {
            "report": "case_ageing",
            "frequency": "monthly",
            "file_format": "csv",
            "recipients": "a@example.org, b@example.org",
        },
    )
    assert ok.status_code == 302
    assert ReportSchedule.objects.get().recipients == ["a@example.org", "b@example.org"]
    assert AuditEvent.objects.filter(action="report_schedule.created").count() == 1


def test_settings_need_the_configure_right_and_validate(
    refreshed, client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(refreshed["u1"])
    assert client.get("/app/analytics/settings/").status_code == 403
    client.force_login(user_with_role(Role.DIRECTOR))
    response = client.post(
        "/app/analytics/settings/", {"ranking_enabled": "", "min_wage_patterns": "x" * 150}
    )
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action="analytics.settings_updated").count() == 0
