"""Bulk import: dry run refuses bad rows with clear messages and writes nothing; the valid
subset imports; a re-import adds nothing; the original stays in the ministry's storage."""

import datetime as dt

import openpyxl
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import override_settings
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.imports import (
    import_batch_check,
    import_batch_create,
    import_batch_run,
    import_error_report_rows,
)
from labourhub.registry.models import (
    Employer,
    Establishment,
    HistoricalInspection,
    ImportBatch,
    ImportRowError,
)

HEADER = (
    "registration_number,name,employer_name,employer_tax_id,address,office,isic_code,"
    "workers_female,workers_male,workers_minors,opened_on\n"
)


def _future() -> str:
    return (timezone.localdate() + dt.timedelta(days=30)).isoformat()


def mixed_csv() -> bytes:
    rows = [
        "REG-1,Compañía Industrial Ñandú,Ñandú S.A.,0801-1,Calle 1,D-TGU,1071,10,12,0,2010-05-01",
        "REG-2,Taller Dos,Taller Dos SRL,,Calle 2,Tegucigalpa,0111,1,1,0,",
        "REG-3,Sector desconocido,X S.A.,,Calle 3,D-TGU,9999,1,1,0,",
        f"REG-4,Fecha futura,Y S.A.,,Calle 4,D-TGU,1071,1,1,0,{_future()}",
        "REG-1,Repetido,Z S.A.,,Calle 5,D-TGU,1071,1,1,0,",
        '"REG-6","=HYPERLINK(""http://evil"",""click"")",Evil S.A.,,Calle 6,D-TGU,1071,1,1,0,',
        "REG-7,Oficina rara,W S.A.,,Calle 7,NOWHERE,1071,1,1,0,",
        "REG-8,Menores,V S.A.,,Calle 8,D-TGU,1071,1,1,5,",
        "REG-9,Trabajadores,U S.A.,,Calle 9,D-TGU,1071,muchos,1,0,",
    ]
    text = HEADER + "\n".join(rows) + "\n"
    # A row saved in Latin-1 inside a UTF-8 file: the classic bad-encoding export.
    return text.encode("utf-8") + "REG-10,Panader\xeda,T S.A.,,Calle 10,D-TGU,1071,1,1,0,\n".encode(
        "latin-1"
    )


def upload(content: bytes, name="registry.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def checked(content, name="registry.csv", kind="establishments", **kw):
    batch = import_batch_create(
        kind=kind, upload=upload(content, name), actor=None, language="es", **kw
    )
    return import_batch_check(batch_id=batch.pk)


def errors_by_row(batch):
    out = {}
    for err in ImportRowError.objects.filter(batch=batch):
        out.setdefault(err.row_number, []).append(err.code)
    return out


def test_dry_run_reports_every_bad_row_in_the_users_language_and_writes_nothing(offices):
    batch = checked(mixed_csv())
    assert batch.status == ImportBatch.Status.CHECKED
    assert Establishment.objects.count() == 0
    assert Employer.objects.count() == 0
    by_row = errors_by_row(batch)
    assert by_row == {
        4: ["sector"],
        5: ["future_date"],
        6: ["duplicate"],
        7: ["formula"],
        8: ["office"],
        9: ["minors"],
        10: ["number"],
        11: ["encoding"],
    }
    assert (batch.total_rows, batch.valid_rows, batch.error_rows) == (10, 2, 8)
    sector = ImportRowError.objects.get(batch=batch, code="sector")
    # Rendered in Spanish, the uploader's language, when the catalogue has it; never empty.
    assert "9999" in sector.message
    dup = ImportRowError.objects.get(batch=batch, code="duplicate")
    assert "2" in dup.message


def test_valid_subset_imports_then_reimport_adds_nothing(offices):
    batch = checked(mixed_csv())
    batch = import_batch_run(batch_id=batch.pk)
    assert batch.status == ImportBatch.Status.DONE
    assert batch.created_rows == 2
    assert set(Establishment.objects.values_list("registration_number", flat=True)) == {
        "REG-1",
        "REG-2",
    }
    first = Establishment.objects.get(registration_number="REG-1")
    assert first.name == "Compañía Industrial Ñandú"
    assert first.employer.tax_id == "0801-1"
    assert Establishment.objects.get(registration_number="REG-2").isic_code == "0111"
    assert AuditEvent.objects.filter(
        action="import.rows_written", subject_id=str(batch.pk)
    ).exists()

    again = checked(mixed_csv())
    assert again.existing_rows == 2
    again = import_batch_run(batch_id=again.pk)
    assert again.created_rows == 0
    assert Establishment.objects.count() == 2
    assert Employer.objects.count() == 2


def test_running_twice_is_refused(offices):
    batch = import_batch_run(batch_id=checked(mixed_csv()).pk)
    with pytest.raises(ApplicationError):
        import_batch_run(batch_id=batch.pk)


def test_missing_required_column_refuses_the_whole_file(offices):
    content = b"registration_number,name\nREG-1,Uno\n"
    batch = checked(content)
    codes = list(ImportRowError.objects.filter(batch=batch).values_list("row_number", "code"))
    assert (1, "missing_column") in codes
    assert len([c for c in codes if c[1] == "missing_column"]) == 3  # employer, office, isic
    assert batch.valid_rows == 0
    with pytest.raises(ApplicationError):
        import_batch_run(batch_id=batch.pk)
    assert Establishment.objects.count() == 0


def test_a_one_gigabyte_file_is_refused_before_anything_is_stored(offices, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as fh:
        fh.truncate(1024**3)  # sparse: 1 GB on paper, nothing on disk
    with open(path, "rb") as fh:
        big = UploadedFile(fh, name="huge.csv", size=1024**3)
        with pytest.raises(ApplicationError) as exc:
            import_batch_create(kind="establishments", upload=big, actor=None)
    assert "1,024" in exc.value.message
    assert ImportBatch.objects.count() == 0


@override_settings(REGISTRY_IMPORT_MAX_BYTES=100)
def test_size_limit_is_a_setting(offices):
    with pytest.raises(ApplicationError):
        import_batch_create(kind="establishments", upload=upload(mixed_csv()), actor=None)


def test_other_file_types_and_damaged_excel_are_refused(offices):
    with pytest.raises(ApplicationError):
        import_batch_create(
            kind="establishments", upload=upload(b"MZ\x90", "virus.exe"), actor=None
        )
    with pytest.raises(ApplicationError):
        import_batch_create(
            kind="establishments", upload=upload(b"not a zip", "bad.xlsx"), actor=None
        )
    assert ImportBatch.objects.count() == 0


def test_original_file_is_kept_under_the_ministrys_prefix(offices):
    batch = import_batch_create(kind="establishments", upload=upload(mixed_csv()), actor=None)
    assert default_storage.exists(batch.file.name)
    with default_storage.open(batch.file.name, "rb") as fh:
        assert fh.read() == mixed_csv()
    key = default_storage._normalize_name(batch.file.name)
    assert key.startswith("tenants/test/registry/imports/")


def test_excel_import_with_formula_cell_and_numeric_codes(offices, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "Registration number",
            "Establishment name",
            "Employer legal name",
            "Office",
            "ISIC Rev.4 class",
            "Women workers",
            "Opened on",
        ]
    )
    sheet.append(["X-1", "Finca El Ñandú", "Agro S.A.", "D-TGU", 111, 4, dt.date(2001, 1, 2)])
    sheet.append(["X-2", '=HYPERLINK("http://x")', "Agro S.A.", "D-TGU", 1071, 4, None])
    path = tmp_path / "reg.xlsx"
    book.save(path)
    batch = checked(path.read_bytes(), "reg.xlsx")
    assert errors_by_row(batch) == {3: ["formula"]}
    batch = import_batch_run(batch_id=batch.pk)
    est = Establishment.objects.get()
    assert (est.isic_code, est.workers_female, est.opened_on) == ("0111", 4, dt.date(2001, 1, 2))


def test_error_report_neutralises_formulas(offices):
    batch = checked(mixed_csv())
    rows = list(import_error_report_rows(batch=batch))
    assert rows[0][0] in {"Row", "Fila"}
    formula = next(r for r in rows if r[4] == "formula")
    assert formula[3].startswith("'=")


def test_historical_inspections_import_links_to_establishments(offices, make_establishment):
    est = make_establishment(name="Fábrica Uno", registration_number="REG-1")
    content = (
        "source_reference,registration_number,inspected_on,inspector_name,findings_summary,"
        "outcome\n"
        "ARCH-1,REG-1,12/03/2015,Ana Pérez,Sin extintores,order\n"
        "ARCH-2,REG-1,2018-07-01,Luis Díaz,Todo en orden,compliant\n"
        f"ARCH-3,REG-1,{_future()},Luis Díaz,x,compliant\n"
        "ARCH-4,NOPE,2018-07-01,Luis Díaz,x,compliant\n"
        "ARCH-5,REG-1,2018-07-01,Luis Díaz,x,exploded\n"
    ).encode()
    batch = checked(content, "archive.csv", kind="inspections")
    assert errors_by_row(batch) == {4: ["future_date"], 5: ["unknown_establishment"], 6: ["choice"]}
    assert HistoricalInspection.objects.count() == 0
    import_batch_run(batch_id=batch.pk)
    assert HistoricalInspection.objects.filter(establishment=est).count() == 2
    est.refresh_from_db()
    assert est.last_inspected_on == dt.date(2018, 7, 1)
    again = import_batch_run(batch_id=checked(content, "archive.csv", kind="inspections").pk)
    assert again.created_rows == 0
    assert HistoricalInspection.objects.count() == 2


def test_windows_1252_file_is_read_when_its_encoding_is_chosen(offices):
    content = (HEADER + "R-1,Panadería Ñandú,Pan S.A.,,x,D-TGU,1071,1,1,0,\n").encode("cp1252")
    assert errors_by_row(checked(content)) == {2: ["encoding"]}
    batch = checked(content, encoding="windows-1252")
    assert errors_by_row(batch) == {}
    import_batch_run(batch_id=batch.pk)
    assert Establishment.objects.get().name == "Panadería Ñandú"


def test_chunked_import_reports_progress(offices, monkeypatch):
    monkeypatch.setattr("labourhub.registry.imports.cleaning.CHUNK", 7)
    lines = [f"R-{i},Sitio {i},Emp {i % 5},,x,D-TGU,1071,1,1,0," for i in range(50)]
    batch = checked((HEADER + "\n".join(lines)).encode())
    batch = import_batch_run(batch_id=batch.pk)
    assert (batch.processed_rows, batch.created_rows, batch.percent) == (50, 50, 100)
    assert Employer.objects.count() == 5
    written = AuditEvent.objects.filter(action="import.rows_written", subject_id=str(batch.pk))
    assert written.count() == 8


def test_an_oversized_cell_is_refused_for_its_row_only(offices):
    giant = "x" * 200_000  # above the csv module's field limit
    content = (
        HEADER + f'R-1,"{giant}",E SA,,x,D-TGU,1071,1,1,0,\nR-2,Bien,E SA,,x,D-TGU,1071,1,1,0,\n'
    ).encode()
    batch = checked(content)
    codes = errors_by_row(batch)
    assert list(codes.values()) == [["unreadable"]]
    assert batch.valid_rows == 1
