"""A count of 3, below the threshold of 5, never reaches the public."""

import csv
import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from cms.models import HomePage, IndicatorPage
from cms.services import observations_apply
from tests.cms.conftest import english, rows

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def _seed(lmi):
    observations_apply(
        indicator=lmi.inspections,
        dataset=None,
        now=NOW,
        rows=rows(
            ("2024", {"sector": "AGR"}, 3),
            ("2024", {"sector": "SER"}, 41),
            ("2024", {"sector": "_T"}, 44),
        ),
    )
    page = IndicatorPage(
        title="Inspections", slug="inspections", indicator=lmi.inspections, breakdown="sector"
    )
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_small_count_is_absent_from_page_and_every_download(lmi, client_for, ministry):
    page = _seed(lmi)
    web = english(client_for(ministry))
    html = web.get(page.url).content.decode()
    assert "<td>41</td>" not in html or "41" in html  # sanity: the page renders values
    assert "41" in html and "44" in html
    assert ">3<" not in html and '"values": [3' not in html and "3.0," not in html

    reader = list(
        csv.DictReader(io.StringIO(web.get("/lmi/data/labour-inspections.csv").content.decode()))
    )
    agr = next(r for r in reader if r["sector"] == "AGR")
    assert agr["value"] == "" and agr["flag"] == "C"
    assert {r["sector"]: r["value"] for r in reader}["SER"] == "41.0000"

    wb = load_workbook(io.BytesIO(web.get("/lmi/data/labour-inspections.xlsx").content))
    cells = [c.value for row in wb.active.iter_rows() for c in row]
    assert 3 not in cells and 3.0 not in cells and 41.0 in cells

    sdmx = web.get("/lmi/data/labour-inspections.sdmx.json").json()
    values = [o[0] for o in sdmx["dataSets"][0]["observations"].values()]
    assert 3.0 not in values and None in values and 41.0 in values

    api = web.get("/api/v1/open/indicators/labour-inspections/observations/").json()["results"]
    assert {o["dims"]["sector"]: o["value"] for o in api}["AGR"] is None


def test_revision_history_never_reveals_a_small_count(lmi, client_for, ministry):
    page = _seed(lmi)
    observations_apply(
        indicator=lmi.inspections, dataset=None, now=NOW, rows=rows(("2024", {"sector": "AGR"}, 9))
    )
    html = english(client_for(ministry)).get(page.url).content.decode()
    assert "No published value has been revised" in html


def test_threshold_is_per_ministry(lmi, client_for, ministry):
    from cms.models import LmiSettings

    page = _seed(lmi)
    LmiSettings.objects.update(suppression_threshold=2)
    reader = csv.DictReader(
        io.StringIO(
            english(client_for(ministry)).get("/lmi/data/labour-inspections.csv").content.decode()
        )
    )
    assert {r["sector"]: r["value"] for r in reader}["AGR"] == "3.0000"
    assert page.pk
