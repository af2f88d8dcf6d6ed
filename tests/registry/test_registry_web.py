import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from labourhub.accounts.roles import Role
from labourhub.registry.models import (
    Establishment,
    EstablishmentMerge,
    ImportBatch,
    ImportMapping,
)
from tenants.context import ministry_context

CSV = (
    "Numero registro;Nombre;Razon social;Oficina;CIIU\n"
    "W-1;Compañía Industrial Ñandú;Ñandú SA;D-TGU;1071\n"
    'W-2;=HYPERLINK("http://evil");Mala SA;D-TGU;1071\n'
).encode()


def logged_in(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def test_list_search_and_empty_states(client_for, ministry, user_with_role, make_establishment):
    client = logged_in(client_for, ministry, user_with_role(Role.INSPECTOR))
    page = client.get("/app/establishments/").content.decode()
    assert 'class="lh-empty empty"' in page  # the empty registry says what to do
    est = make_establishment(name="Compañía Industrial Ñandú")
    page = client.get("/app/establishments/", {"q": "compania industrail nandu"}).content.decode()
    assert f'href="/app/establishments/{est.pk}/"' in page
    page = client.get("/app/establishments/", {"q": "zzzzqqq"}).content.decode()
    assert f'href="/app/establishments/{est.pk}/"' not in page
    assert 'class="lh-empty empty"' in page
    analyst = logged_in(client_for, ministry, user_with_role(Role.ANALYST))
    assert (
        'href="/app/establishments/new/"'
        not in analyst.get("/app/establishments/").content.decode()
    )


def test_inspector_reads_any_establishment_page(
    client_for, ministry, user_with_role, make_establishment
):
    est = make_establishment(name="Fábrica de otra oficina")
    client = logged_in(client_for, ministry, user_with_role(Role.INSPECTOR))
    res = client.get(f"/app/establishments/{est.pk}/")
    assert res.status_code == 200
    assert "Fábrica de otra oficina" in res.content.decode()
    assert client.get(f"/app/establishments/{est.pk}/edit/").status_code == 403


def test_create_form_shows_translated_errors_and_keeps_input(
    client_for, ministry, user_with_role, offices
):
    _region, district = offices
    client = logged_in(client_for, ministry, user_with_role(Role.CLERK, office=district))
    res = client.post(
        "/app/establishments/new/",
        {
            "name": "Taller <script>",
            "employer_legal_name": "Taller SA",
            "office": district.pk,
            "isic_code": "9999",
            "workers_female": 1,
            "workers_male": 0,
            "workers_minors": 5,
            "hours_pattern": "day",
            "status": "active",
            "risk_level": "low",
        },
    )
    assert res.status_code == 200
    page = res.content.decode()
    assert "Taller &lt;script&gt;" in page  # kept, escaped
    assert "govuk-form-group--error has-error" in page
    assert Establishment.objects.count() == 0
    res = client.post(
        "/app/establishments/new/",
        {
            "name": "Taller",
            "employer_legal_name": "Taller SA",
            "office": district.pk,
            "isic_code": "4520",
            "workers_female": 1,
            "workers_male": 0,
            "workers_minors": 0,
            "hours_pattern": "day",
            "status": "active",
            "risk_level": "low",
        },
    )
    assert res.status_code == 302
    assert Establishment.objects.get().name == "Taller"


def test_import_pages_dry_run_progress_and_report(
    client_for, ministry, user_with_role, offices, django_capture_on_commit_callbacks
):
    client = logged_in(client_for, ministry, user_with_role(Role.CLERK))
    res = client.post(
        "/app/establishments/imports/",
        {"kind": "establishments", "encoding": "utf-8", "file": SimpleUploadedFile("old.csv", CSV)},
    )
    assert res.status_code == 302
    batch = ImportBatch.objects.get()
    page = client.get(res.url).content.decode()
    assert 'name="col__registration_number"' in page
    mapping = {
        "col__registration_number": "Numero registro",
        "col__name": "Nombre",
        "col__employer_name": "Razon social",
        "col__office": "Oficina",
        "col__isic_code": "CIIU",
        "save_as": "Registro antiguo",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(res.url, mapping)
    assert ImportMapping.objects.get().name == "Registro antiguo"
    batch.refresh_from_db()
    assert (batch.status, batch.valid_rows, batch.error_rows) == ("checked", 1, 1)
    assert Establishment.objects.count() == 0
    progress = client.get(
        f"/app/establishments/imports/{batch.pk}/progress/", HTTP_HX_REQUEST="true"
    )
    assert progress["HX-Refresh"] == "true"
    report = b"".join(
        client.get(f"/app/establishments/imports/{batch.pk}/errors.csv").streaming_content
    ).decode()
    rows = list(csv.reader(io.StringIO(report.lstrip("\ufeff"))))
    assert rows[1][0] == "3" and rows[1][3].startswith("'=")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/app/establishments/imports/{batch.pk}/run/")
    batch.refresh_from_db()
    assert (batch.status, batch.created_rows) == ("done", 1)
    page = client.get(f"/app/establishments/imports/{batch.pk}/").content.decode()
    assert "<progress" not in page


def test_upload_of_a_wrong_file_shows_the_reason(client_for, ministry, user_with_role, offices):
    client = logged_in(client_for, ministry, user_with_role(Role.CLERK))
    res = client.post(
        "/app/establishments/imports/",
        {
            "kind": "establishments",
            "encoding": "utf-8",
            "file": SimpleUploadedFile("evil.exe", b"MZ"),
        },
    )
    assert res.status_code == 200
    assert 'class="error"' in res.content.decode()
    assert ImportBatch.objects.count() == 0


def test_export_csv_and_excel(client_for, ministry, user_with_role, make_establishment):
    make_establishment(name="=cmd|' /C calc'!A0")
    make_establishment(name="Normal")
    client = logged_in(client_for, ministry, user_with_role(Role.ANALYST))
    body = b"".join(client.get("/app/establishments/export.csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 3
    assert rows[1][1].startswith("'=")
    res = client.get("/app/establishments/export.xlsx", {"q": "Normal"})
    book = openpyxl.load_workbook(io.BytesIO(b"".join(res.streaming_content)))
    assert [r[1] for r in book.active.iter_rows(values_only=True)][1:] == ["Normal"]
    assert client.get("/app/establishments/export.exe").status_code == 404


def test_merge_and_undo_from_the_page(client_for, ministry, user_with_role, make_establishment):
    a = make_establishment(name="Compañía Industrial Ñandú")
    b = make_establishment(name="Compania Industrial Nandu")
    client = logged_in(client_for, ministry, user_with_role(Role.OFFICE_HEAD))
    page = client.get(f"/app/establishments/{a.pk}/").content.decode()
    assert f'value="{b.pk}"' in page
    client.post(f"/app/establishments/{a.pk}/merge/", {"duplicate": b.pk, "reason": "mismo"})
    b.refresh_from_db()
    assert b.merged_into_id == a.pk
    page = client.get(f"/app/establishments/{a.pk}/").content.decode()
    merge_id = EstablishmentMerge.objects.get().pk
    assert f"/app/establishments/merges/{merge_id}/undo/" in page
    client.post(f"/app/establishments/merges/{merge_id}/undo/")
    b.refresh_from_db()
    assert b.merged_into_id is None


def test_pages_of_another_ministry_are_unreachable(
    client_for, ministry, second_ministry, user_with_role, make_establishment
):
    est = make_establishment(name="Solo en A")
    clerk = user_with_role(Role.SYSTEM_ADMIN)
    client_a = logged_in(client_for, ministry, clerk)
    client_a.post(
        "/app/establishments/imports/",
        {"kind": "establishments", "encoding": "utf-8", "file": SimpleUploadedFile("a.csv", CSV)},
    )
    batch = ImportBatch.objects.get()
    with ministry_context(second_ministry):
        from labourhub.accounts.services import user_create
        from labourhub.testing.pytest_plugin import TEST_PASSWORD

        admin_b = user_create(
            username="admin-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        client_b = logged_in(client_for, second_ministry, admin_b)
        for path in (
            f"/app/establishments/{est.pk}/",
            f"/app/establishments/{est.pk}/edit/",
            f"/app/establishments/imports/{batch.pk}/",
            f"/app/establishments/imports/{batch.pk}/progress/",
            f"/app/establishments/imports/{batch.pk}/errors.csv",
        ):
            assert client_b.get(path).status_code == 404, path
        assert client_b.post(f"/app/establishments/imports/{batch.pk}/run/").status_code == 404
        body = b"".join(client_b.get("/app/establishments/export.csv").streaming_content)
        assert "Solo en A" not in body.decode()
        # The stored original is addressed under the active ministry's prefix only.
        from django.core.files.storage import default_storage

        assert not default_storage.exists(batch.file.name)
    from django.core.files.storage import default_storage

    assert default_storage.exists(batch.file.name)


def test_detail_page_lists_contractor_links(
    client_for, ministry, user_with_role, make_establishment
):
    from labourhub.registry.services import employer_create, employer_link_create

    est = make_establishment(name="Mina Norte")
    contractor = employer_create(legal_name="Transportes Ñuble", actor=None)
    employer_link_create(principal=est.employer, partner=contractor, kind="contractor", actor=None)
    client = logged_in(client_for, ministry, user_with_role(Role.INSPECTOR))
    assert "Transportes Ñuble" in client.get(f"/app/establishments/{est.pk}/").content.decode()
