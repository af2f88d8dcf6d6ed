import io
import re

import pytest
from openpyxl import Workbook

from cms.models import Dataset, DatasetRow, Observation
from cms.parsing import DatasetInvalidError
from cms.services import dataset_submit
from labourhub.common.exceptions import ApplicationError
from tests.cms.conftest import english, upload


def _errors(lmi, text, name="data.csv"):
    with pytest.raises(DatasetInvalidError) as exc:
        dataset_submit(actor=lmi.stats, indicator=lmi.unemployment, upload=upload(text, name))
    assert Dataset.objects.count() == 0 and DatasetRow.objects.count() == 0
    assert Observation.objects.count() == 0
    return [(e["row"], e["column"]) for e in exc.value.extra["errors"]], exc.value


def test_statistics_office_cannot_upload_for_national_insurance_indicator(lmi):
    with pytest.raises(ApplicationError) as exc:
        dataset_submit(
            actor=lmi.stats, indicator=lmi.fatal, upload=upload("period,value\n2024,3.1\n")
        )
    assert "not responsible" in exc.value.message
    assert Dataset.objects.count() == 0


def test_unknown_dimension_code_is_reported_with_its_row(lmi):
    errors, _exc = _errors(lmi, "period,sex,value\n2024,F,9\n2024,X,7\n")
    assert errors == [(3, "sex")]


def test_duplicated_keys_are_reported(lmi):
    errors, exc = _errors(lmi, "period,sex,value\n2024,F,9\n2023,F,9\n2024,F,9.5\n")
    assert errors == [(4, "")]
    assert "row 2" in exc.extra["errors"][0]["message"]


def test_text_in_numeric_cell_is_reported(lmi):
    errors, _exc = _errors(lmi, "period,sex,value\n2024,F,nine\n2024,M,7\n")
    assert errors == [(2, "value")]


def test_csv_formula_cell_is_refused(lmi):
    errors, exc = _errors(lmi, 'period,sex,value\n2024,F,"=HYPERLINK(""http://x"")"\n2024,M,-1\n')
    assert errors == [(2, "value")]
    assert "Formulas" in exc.extra["errors"][0]["message"]


def test_excel_formula_cell_is_refused(lmi):
    wb = Workbook()
    ws = wb.active
    ws.append(["period", "sex", "value"])
    ws.append(["2024", "F", 9.1])
    ws.append(["2024", "M", "=SUM(1,2)"])
    buf = io.BytesIO()
    wb.save(buf)
    errors, _exc = _errors(lmi, buf.getvalue(), "data.xlsx")
    assert errors == [(3, "value")]


def test_excel_upload_is_accepted(lmi):
    wb = Workbook()
    ws = wb.active
    ws.append(["period", "sex", "value", "flag"])
    ws.append([2024, "F", 9.1, "P"])
    buf = io.BytesIO()
    wb.save(buf)
    ds = dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload(buf.getvalue(), "lfs.xlsx")
    )
    row = ds.rows.get()
    assert (row.period, row.dims, str(row.value), row.flag) == ("2024", {"sex": "F"}, "9.1000", "P")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("period,value\n2024,9\n", [(1, "sex")]),  # missing dimension column
        ("period,sex,value,extra\n2024,F,9\n", [(1, "extra")]),
        ("period,sex,value\n24,F,9\n", [(2, "period")]),
        ("period,sex,value,flag\n2024,F,9,Z\n", [(2, "flag")]),
        ("period,sex,value\n", [(2, "")]),
        ("", [(1, "")]),
        ("period,sex,value\n2024,F,NaN\n", [(2, "value")]),
    ],
)
def test_hostile_or_malformed_files(lmi, text, expected):
    errors, _exc = _errors(lmi, text)
    assert errors == expected


def test_binary_and_wrong_extension(lmi):
    errors, _exc = _errors(lmi, b"\xff\xfe\x00bad", "data.csv")
    assert errors == [(0, "")]
    errors, _exc = _errors(lmi, "period,sex,value\n", "data.exe")
    assert errors == [(0, "")]


def test_web_upload_shows_row_errors_and_saves_nothing(lmi, client_for, ministry):

    web = english(client_for(ministry))
    web.force_login(lmi.stats)
    bad = upload("period,sex,value\n2024,F,9\n2024,Q,x\n2024,F,1\n")
    response = web.post("/lmi/contribute/", {"indicator": lmi.unemployment.pk, "file": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Problems found, by row" in html or "<caption" in html
    assert re.search(r"<td[^>]*>3</td>", html) and re.search(r"<td[^>]*>4</td>", html)
    assert Dataset.objects.count() == 0


def test_web_upload_cannot_target_another_agency_indicator(lmi, client_for, ministry):

    web = english(client_for(ministry))
    web.force_login(lmi.stats)
    response = web.post(
        "/lmi/contribute/", {"indicator": lmi.fatal.pk, "file": upload("period,value\n2024,3\n")}
    )
    assert response.status_code == 400  # not among the choices offered
    assert Dataset.objects.count() == 0


def test_web_upload_accepted_redirects_to_dataset(lmi, client_for, ministry):

    web = english(client_for(ministry))
    web.force_login(lmi.stats)
    response = web.post(
        "/lmi/contribute/",
        {"indicator": lmi.unemployment.pk, "file": upload("period,sex,value\n2024,F,9\n")},
    )
    assert response.status_code == 302
    ds = Dataset.objects.get()
    page = web.get(response["Location"])
    assert page.status_code == 200 and "9.0000" in page.content.decode()
    assert ds.status == Dataset.Status.SUBMITTED
