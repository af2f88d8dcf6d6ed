"""The Saint Lucia story: upload, return, approve for a date, embargo, publication."""

import csv
import io
from datetime import UTC, datetime

import time_machine

from cms.models import Dataset, Observation, ObservationRevision
from cms.services import (
    dataset_approve,
    dataset_return,
    dataset_submit,
    observations_apply,
)
from labourhub.audit.models import AuditEvent
from tenants.cms_schedules import cms_publish_due_enqueue
from tests.cms.conftest import english, rows, upload

LFS_2024 = "period,sex,value,flag\n2024,F,9.1,P\n2024,M,7.2,P\n2024,_T,8.1,P\n2023,_T,8.6,R\n"
LFS_2024_FIXED = LFS_2024.replace("8.1,P", "8.3,P")
RELEASE = datetime(2030, 3, 2, 13, 0, tzinfo=UTC)


def _csv_values(response):
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    return {(r["period"], r["sex"]): r["value"] for r in reader}


def test_upload_return_approve_embargo_publish(lmi, client_for, ministry):
    observations_apply(
        indicator=lmi.unemployment,
        dataset=None,
        now=datetime(2029, 1, 1, tzinfo=UTC),
        rows=rows(("2023", {"sex": "_T"}, "8.4")),
    )
    first = dataset_submit(actor=lmi.stats, indicator=lmi.unemployment, upload=upload(LFS_2024))
    assert first.status == Dataset.Status.SUBMITTED and first.row_count == 4
    assert first.file.name and first.file.read().decode() == LFS_2024  # kept in object storage

    dataset_return(actor=lmi.editor, dataset=first, comment="2024 total looks wrong")
    first.refresh_from_db()
    assert first.status == Dataset.Status.RETURNED and first.comment

    second = dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload(LFS_2024_FIXED)
    )
    dataset_approve(actor=lmi.editor, dataset=second, release_at=RELEASE)
    web = english(client_for(ministry))

    with time_machine.travel(datetime(2030, 3, 2, 12, 59, tzinfo=UTC), tick=False):
        cms_publish_due_enqueue()  # the beat task: one per ministry, eager in tests
        second.refresh_from_db()
        assert second.status == Dataset.Status.APPROVED
        assert not Observation.objects.filter(period="2024").exists()
        csv_before = web.get("/lmi/data/unemployment-rate.csv")
        assert ("2024", "_T") not in _csv_values(csv_before)
        api = web.get("/api/v1/open/indicators/unemployment-rate/observations/?period=2024")
        assert api.status_code == 200 and api.json()["results"] == []

    with time_machine.travel(datetime(2030, 3, 2, 13, 1, tzinfo=UTC), tick=False):
        cms_publish_due_enqueue()
        second.refresh_from_db()
        assert second.status == Dataset.Status.PUBLISHED
        assert second.release.status == "published"
        values = _csv_values(web.get("/lmi/data/unemployment-rate.csv"))
        assert values[("2024", "_T")] == "8.3000"
        assert values[("2023", "_T")] == "8.6000"  # revised from 8.4

    revision = ObservationRevision.objects.get(observation__period="2023")
    assert (str(revision.old_value), str(revision.new_value)) == ("8.4000", "8.6000")
    actions = list(
        AuditEvent.objects.filter(action__startswith="lmi_dataset.")
        .values_list("action", flat=True)
        .order_by("id")
    )
    assert actions == [
        "lmi_dataset.submitted",
        "lmi_dataset.returned",
        "lmi_dataset.submitted",
        "lmi_dataset.approved",
        "lmi_dataset.published",
    ]


def test_chart_block_and_indicator_page_show_new_numbers(lmi, client_for, ministry):
    from cms.models import HomePage, IndicatorPage

    home = HomePage.objects.get()
    page = IndicatorPage(
        title="Unemployment rate", slug="unemployment", indicator=lmi.unemployment, breakdown="sex"
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    web = english(client_for(ministry))
    empty = web.get(page.url)
    assert empty.status_code == 200
    assert "No data have been published" in empty.content.decode()

    dataset = dataset_submit(actor=lmi.stats, indicator=lmi.unemployment, upload=upload(LFS_2024))
    dataset_approve(actor=lmi.editor, dataset=dataset, release_at=RELEASE)
    with time_machine.travel(RELEASE, tick=False):
        cms_publish_due_enqueue()
    html = web.get(page.url).content.decode()
    assert "9.1" in html and "7.2" in html  # women and men lines in the table
    assert 'class="lmi-chart"' in html and '"values": [' in html  # the chart's JSON data
    assert "/lmi/data/unemployment-rate.csv" in html


def test_publication_revises_history_and_shows_what_changed(lmi, client_for, ministry):
    from cms.models import HomePage, IndicatorPage

    observations_apply(
        indicator=lmi.unemployment,
        dataset=None,
        now=RELEASE,
        rows=rows(("2023", {"sex": "_T"}, "8.4")),
    )
    home = HomePage.objects.get()
    page = IndicatorPage(title="U", slug="u", indicator=lmi.unemployment)
    home.add_child(instance=page)
    page.save_revision().publish()
    dataset = dataset_submit(actor=lmi.stats, indicator=lmi.unemployment, upload=upload(LFS_2024))
    dataset_approve(actor=lmi.editor, dataset=dataset, release_at=RELEASE)
    with time_machine.travel(RELEASE, tick=False):
        cms_publish_due_enqueue()
    html = english(client_for(ministry)).get(page.url).content.decode()
    assert "What changed" in html or "Qué cambió" in html
    obs = Observation.objects.get(period="2023", dims_key="sex=_T")
    assert obs.flag == "R"
