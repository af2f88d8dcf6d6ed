"""Hostile files and forms: clear translated errors, and nothing half-saved."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils import translation

from labourhub.connectors.models import ConnectorRun, ConnectorSource, DeclaredWorker
from labourhub.connectors.selectors import connector_run_errors, connector_run_message

from .conftest import HEADER, payroll_csv, upload


def _in(language, run, what):
    with translation.override(language):
        if what == "message":
            return connector_run_message(run=run)
        return [e.text for e in connector_run_errors(run=run)]


def test_a_file_in_the_wrong_encoding_is_refused_with_a_translated_message(
    in_ministry, site, payroll_source, run_file
):
    site()
    content = (HEADER + "EST-1,X1,DNI,Peña Müller,F,1990-01-01,permanent,10,2026-10\n").encode(
        "latin-1"
    )
    run = run_file(payroll_source(), "latin1.csv", content)
    assert run.status == "rejected"
    assert "not UTF-8" in _in("en", run, "message")
    assert "no es texto UTF-8" in _in("es", run, "message")
    assert "pas du texte UTF-8" in _in("fr", run, "message")
    assert not DeclaredWorker.objects.exists()


def test_one_bad_record_refuses_the_whole_file_and_names_each_line(
    in_ministry, site, payroll_source, run_file
):
    site()
    good = payroll_csv(20).decode()
    bad = (
        good
        + "EST-1,,DNI,Sin documento,F,1990-01-01,permanent,10,2026-10\n"
        + "EST-1,Z9,DNI,Fecha rara,F,1990-13-45,permanent,10,2026-10\n"
        + "EST-1,Z8,DNI,Contrato raro,X,1990-01-01,permanent,10,2026-10\n"
        + "NOPE,Z7,DNI,Sin sitio,F,1990-01-01,permanent,10,2026-10\n"
        + "EST-1,DNI00000003,DNI,Repetido,F,1990-01-01,permanent,10,2026-10\n"
    )
    run = run_file(payroll_source(), "bad.csv", bad.encode())
    assert run.status == "rejected" and run.error_count == 5
    assert not DeclaredWorker.objects.exists()  # the 20 good rows were not half-saved
    assert [e.line for e in connector_run_errors(run=run)] == [22, 23, 24, 25, 26]
    spanish = _in("es", run, "errors")
    assert spanish[0] == "Número de documento es obligatorio." or "obligatorio" in spanish[0]
    assert "no es una fecha" in spanish[1]
    assert "valor desconocido" in spanish[2]
    assert "NOPE" in spanish[3] and "Ningún establecimiento" in spanish[3]
    assert "dos veces" in spanish[4]
    assert "id_number" not in " ".join(spanish)  # field names are shown translated
    assert "5 registros tienen errores" in _in("es", run, "message")


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2+3"])
def test_formula_injection_cells_are_refused(in_ministry, site, payroll_source, run_file, cell):
    site()
    content = (HEADER + f"EST-1,A1,DNI,{cell},F,1990-01-01,permanent,10,2026-10\n").encode()
    run = run_file(payroll_source(), "formula.csv", content)
    assert run.status == "rejected"
    assert "fórmula" in _in("es", run, "errors")[0]
    assert "formule" in _in("fr", run, "errors")[0]
    assert not DeclaredWorker.objects.exists()


def test_a_huge_file_is_refused_at_upload_and_in_the_drop(
    in_ministry,
    ministry,
    admin,
    site,
    payroll_source,
    client_for,
    django_capture_on_commit_callbacks,
):
    from labourhub.connectors.services import connector_run_start

    site()
    source = payroll_source()
    browser = client_for(ministry)
    browser.force_login(admin)
    with override_settings(CONNECTOR_MAX_BYTES=10_000):
        response = browser.post(
            f"/app/connectors/{source.pk}/", {"file": upload("big.csv", payroll_csv(400))}
        )
        assert response.status_code == 400
        assert "larger than the limit of 0.01 MB" in response.content.decode()
        # A partner may still put one into the bucket directly: the run refuses it unread.
        default_storage.save(f"{source.drop_prefix}/direct.csv", ContentFile(payroll_csv(400)))
        with django_capture_on_commit_callbacks(execute=True):
            run = connector_run_start(source=source, file_name="direct.csv", actor=admin)
    run.refresh_from_db()
    assert run.status == "rejected" and "larger than the limit" in _in("en", run, "message")
    assert "supera el límite" in _in("es", run, "message")
    assert not DeclaredWorker.objects.exists()


def test_empty_and_headerless_files_are_refused(in_ministry, site, payroll_source, run_file):
    site()
    source = payroll_source()
    run = run_file(source, "blank.csv", b"\n\n  \n")
    assert run.status == "rejected" and "empty" in _in("en", run, "message")
    run = run_file(source, "noheader.csv", b"a,b,c\n1,2,3\n")
    assert run.status == "rejected"
    assert "establishment, id_number" in _in("en", run, "errors")[0]
    run = run_file(payroll_source(kind="payroll-json"), "x.json", b'{"workers": [1, "x"')
    assert run.status == "rejected" and "JSON" in _in("en", run, "errors")[0]


def test_a_failing_parser_leaves_a_refused_run_not_a_hanging_one(
    in_ministry, ministry, site, payroll_source, run_file, register_temporary_plugin
):
    from labourhub.extensions.connector_types import ConnectorKind
    from labourhub.extensions.hookspecs import hookimpl

    def explode(text, name):
        yield from ()
        raise ValueError("boom")

    class Broken:
        @hookimpl
        def register_connector_kinds(self):
            return [ConnectorKind("broken", "Broken", "payroll", explode)]

    register_temporary_plugin(Broken(), slug="broken-kinds", active_for=(ministry,))
    site()
    run = run_file(payroll_source(kind="broken"), "x.txt", b"anything")
    assert run.status == "rejected" and "could not be read" in _in("en", run, "message")


def test_hostile_source_forms_are_refused_and_nothing_is_saved(
    in_ministry, ministry, admin, client_for
):
    browser = client_for(ministry)
    browser.force_login(admin)
    cases = [
        ({"name": "", "kind": "payroll-csv", "transport": "drop"}, "This field is required"),
        ({"name": "A", "kind": "../../etc", "transport": "drop"}, "not one of the available"),
        ({"name": "A", "kind": "payroll-csv", "transport": "http", "url": "ftp://x/y"}, "https://"),
        (
            {"name": "A", "kind": "payroll-csv", "transport": "http", "url": "http://u:p@x/"},
            "https://",
        ),
    ]
    for data, message in cases:
        response = browser.post("/app/connectors/", data)
        assert response.status_code == 400 and message in response.content.decode(), data
    assert not ConnectorSource.objects.exists()


def test_a_run_of_a_file_not_in_the_drop_is_refused(
    in_ministry, ministry, admin, payroll_source, client_for
):
    source = payroll_source()
    browser = client_for(ministry)
    browser.force_login(admin)
    response = browser.post(
        f"/app/connectors/{source.pk}/run/", {"file_name": "../../secrets"}, follow=True
    )
    assert "Choose a file that is in the drop." in response.content.decode()
    assert not ConnectorRun.objects.exists()


class _Partner(BaseHTTPRequestHandler):
    body = b""
    status = 200

    def do_GET(self):
        self.send_response(self.status)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Partner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_an_http_source_fetches_from_the_partner_and_reports_its_failures(
    in_ministry, admin, site, partner_endpoint, django_capture_on_commit_callbacks
):
    from labourhub.connectors.services import connector_run_start, connector_source_create

    assert settings.INTEROP_WEBHOOK_ALLOW_HTTP
    site()
    url = f"http://127.0.0.1:{partner_endpoint.server_port}/rosters/latest.csv"
    source = connector_source_create(
        name="Planillas API", kind="payroll-csv", transport="http", url=url, actor=admin
    )
    _Partner.body, _Partner.status = payroll_csv(30), 200
    with django_capture_on_commit_callbacks(execute=True):
        run = connector_run_start(source=source, actor=admin)
    run.refresh_from_db()
    assert run.status == "done" and run.created_count == 30 and run.file_name == "latest.csv"
    _Partner.status = 503
    with django_capture_on_commit_callbacks(execute=True):
        run = connector_run_start(source=source, actor=admin)
    run.refresh_from_db()
    assert run.status == "rejected" and "HTTP 503" in _in("en", run, "message")
    assert DeclaredWorker.objects.count() == 30


def test_observed_workers_input_is_checked(
    in_ministry, ministry, admin, site, client_for, user_with_role
):
    from django.utils import timezone

    from labourhub.accounts.roles import Role
    from labourhub.connectors.models import ObservedWorker
    from labourhub.inspections.models import Inspection
    from labourhub.inspections.services import inspection_create

    inspection = inspection_create(
        establishment=site(),
        origin=Inspection.Origin.PLANNED,
        scheduled_for=timezone.localdate(),
        actor=None,
    )
    inspector = user_with_role(Role.INSPECTOR, username="obsinsp")
    browser = client_for(ministry)
    browser.force_login(inspector)
    url = f"/app/connectors/inspections/{inspection.pk}/observed/"
    assert browser.post(url, {"workers": "DNI1"}).status_code == 403  # not assigned to it
    Inspection.objects.filter(pk=inspection.pk).update(inspector=inspector)
    page = browser.post(url, {"workers": "=cmd|' /C calc'!A0, x"}, follow=True).content.decode()
    assert "Line 1: write the worker" in page
    assert not ObservedWorker.objects.exists()
    browser.post(url, {"workers": "dni1, Ana\nDNI2"})
    assert sorted(ObservedWorker.objects.values_list("id_number", flat=True)) == ["DNI1", "DNI2"]


def test_a_failure_while_writing_undoes_everything_and_ends_the_run(
    in_ministry, site, payroll_source, run_file, monkeypatch
):
    from labourhub.connectors.services import payroll

    def fail(**kwargs):
        raise RuntimeError("disk full")

    site()
    monkeypatch.setattr(payroll, "_counts_follow", fail)
    run = run_file(payroll_source(), "roster.csv", payroll_csv(10))
    assert run.status == "failed"
    assert "no se guardó nada" in _in("es", run, "message")
    assert not DeclaredWorker.objects.exists()
