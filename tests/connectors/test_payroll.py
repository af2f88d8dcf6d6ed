"""Payroll rosters: a 500-worker file through the staff pages, idempotent re-runs, history."""

import time

from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.connectors.models import ConnectorRun, DeclaredWorker, DeclaredWorkerChange
from labourhub.inspections.models import Inspection
from labourhub.inspections.services import inspection_create

from .conftest import payroll_csv, upload


def _snapshot(establishment):
    workers = DeclaredWorker.objects.filter(establishment=establishment)
    return (
        sorted(workers.values_list("id_number", "updated_at", "active", "wage")),
        DeclaredWorkerChange.objects.count(),
        AuditEvent.objects.filter(action="declared_roster.loaded").count(),
    )


def test_a_500_worker_file_loads_through_the_pages_and_the_inspection_shows_it(
    in_ministry, ministry, admin, site, client_for, django_capture_on_commit_callbacks, capsys
):
    establishment = site()
    browser = client_for(ministry)
    browser.force_login(admin)
    response = browser.post(
        "/app/connectors/",
        {"name": "EsSalud planillas", "kind": "payroll-csv", "transport": "drop", "url": ""},
    )
    assert response.status_code == 302, response.content.decode()
    source_url = response["Location"]
    content = payroll_csv(500)
    response = browser.post(source_url, {"file": upload("planilla-2026-10.csv", content)})
    assert response.status_code == 302
    page = browser.get(source_url).content.decode()
    assert "planilla-2026-10.csv" in page  # listed from the drop in object storage
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(source_url + "run/", {"file_name": "planilla-2026-10.csv"})
    elapsed = time.perf_counter() - started
    run = ConnectorRun.objects.get()
    assert response["Location"] == f"/app/connectors/runs/{run.pk}/"
    assert run.status == "done", (run.message, list(run.row_errors.all()[:3]))
    assert (run.created_count, run.total_rows, run.error_count) == (500, 500, 0)
    with capsys.disabled():
        print(f"\n500-worker payroll file: {elapsed * 1000:.0f} ms end to end, "
              f"{run.duration_ms} ms in the run")  # fmt: skip
    page = browser.get(response["Location"]).content.decode()
    assert 'id="count-created">500<' in page and "Loaded" in page
    establishment.refresh_from_db()
    assert (establishment.workers_female, establishment.workers_male) == (250, 250)
    assert establishment.workers_minors == 100

    # The next inspection there shows the declared workers, and what the inspector found.
    inspection = inspection_create(
        establishment=establishment,
        origin=Inspection.Origin.PLANNED,
        scheduled_for=timezone.localdate(),
        actor=None,
    )
    page = browser.get(f"/app/inspections/{inspection.pk}/").content.decode()
    assert "500 workers declared for 2026-10: 250 women, 250 men." in page
    assert "Fixed term" in page and "Under 18" in page


def test_a_second_run_of_the_same_file_changes_nothing(in_ministry, site, payroll_source, run_file):
    establishment = site()
    source = payroll_source()
    content = payroll_csv(500)
    first = run_file(source, "roster.csv", content)
    assert first.status == "done"
    before = _snapshot(establishment)
    second = run_file(source, "roster.csv", content)
    assert second.status == "unchanged"
    assert second.content_hash == first.content_hash
    assert (second.created_count, second.updated_count) == (0, 0)
    assert _snapshot(establishment) == before


def test_the_same_workers_in_other_bytes_are_recognised_by_their_natural_keys(
    in_ministry, site, payroll_source, run_file
):
    establishment = site()
    source = payroll_source()
    run_file(source, "roster.csv", payroll_csv(50))
    before = _snapshot(establishment)
    lines = payroll_csv(50).decode().splitlines(keepends=True)
    reordered = (lines[0] + "".join(reversed(lines[1:]))).encode()
    again = run_file(source, "roster-copy.csv", reordered)
    assert again.status == "done"
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 50)
    assert _snapshot(establishment) == before


def test_next_month_s_roster_keeps_history_of_changes_and_departures(
    in_ministry, site, payroll_source, run_file
):
    establishment = site()
    source = payroll_source()
    run_file(source, "oct.csv", payroll_csv(10, period="2026-10"))
    # November: workers 0-7 stay (with a raise), 8-9 leave, 10-11 join.
    november = payroll_csv(12, period="2026-11", wage="1400.00").decode().splitlines(True)
    november = [november[0], *november[1:9], *november[11:13]]
    run = run_file(source, "nov.csv", "".join(november).encode())
    assert run.status == "done"
    assert (run.created_count, run.updated_count, run.removed_count) == (2, 8, 2)
    assert DeclaredWorker.objects.filter(establishment=establishment, active=True).count() == 10
    raised = DeclaredWorker.objects.get(id_number="DNI00000001")
    assert str(raised.wage) == "1400.00" and raised.period == "2026-11"
    change = raised.history.get(change="changed")
    assert change.before["wage"] == "1250.00" and change.before["period"] == "2026-10"
    left = DeclaredWorker.objects.get(id_number="DNI00000008")
    assert not left.active and left.history.filter(change="removed").exists()
    # An October file arriving late cannot overwrite November.
    late = run_file(source, "oct-late.csv", payroll_csv(3, period="2026-10", wage="1.00"))
    assert late.status == "rejected"
    assert str(DeclaredWorker.objects.get(id_number="DNI00000001").wage) == "1400.00"


def test_the_generic_json_format_loads_too(in_ministry, site, payroll_source, run_file):
    import json

    site()
    source = payroll_source(kind="payroll-json")
    body = {
        "period": "2026-10",
        "workers": [
            {"establishment": "EST-1", "id_number": "a-1", "name": "Ana", "sex": "f",
             "age_band": "25_34", "contract_type": "permanent", "wage": 900},
            {"establishment": "EST-1", "id_number": "B-2", "name": "Beto", "sex": "M",
             "age_band": "45_54", "contract_type": "part_time"},
        ],
    }  # fmt: skip
    run = run_file(source, "roster.json", json.dumps(body).encode())
    assert run.status == "done" and run.created_count == 2
    assert DeclaredWorker.objects.get(id_number="A-1").sex == "F"
