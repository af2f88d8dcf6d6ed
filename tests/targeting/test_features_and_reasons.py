"""Features come from one bulk query; reasons name an establishment's real top factors."""

import datetime as dt

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from labourhub.accounts.roles import Role
from labourhub.complaints.services import complaint_register
from labourhub.registry.models import HistoricalInspection
from labourhub.targeting.features import NUMERIC, risk_features_list
from labourhub.targeting.models import RiskScore
from labourhub.workflow.services import ministry_today
from tests.targeting.conftest import generate, train_and_activate


def _col(table, i, name):
    return table.numeric[i, NUMERIC.index(name)]


def test_features_of_any_number_of_establishments_take_one_query(regions):
    generate(regions, n=400, signal=True)
    with CaptureQueriesContext(connection) as ctx:
        table = risk_features_list(as_of=dt.date(2025, 1, 1), until=dt.date(2026, 1, 1))
    reads = [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith("SET ")]
    assert len(reads) == 1, reads
    assert len(table) == 400
    labelled = table.labelled()
    assert 0 < len(labelled) < 400  # only those inspected in 2025 carry an outcome


def _history(est, days_and_outcomes):
    for day, outcome in days_and_outcomes:
        HistoricalInspection.objects.create(
            establishment=est,
            inspected_on=dt.date.fromisoformat(day),
            outcome=outcome,
            source_reference=f"H-{est.pk}-{day}",
        )


def test_features_count_what_happened_before_the_day_only(regions):
    ests = generate(regions, n=20, signal=False)
    target = ests[0]
    _history(target, [("2019-03-01", "sanction"), ("2023-05-01", "order"), ("2026-02-01", "x")])
    for n in range(3):
        complaint_register(
            office=target.office,
            subject=f"Unpaid overtime {n}",
            description="Overtime has not been paid for months.",
            channel="staff",
            actor=None,
            establishment=target,
            anonymous=True,
        )
    tomorrow = ministry_today() + dt.timedelta(days=1)
    today_table = risk_features_list(as_of=tomorrow, active_only=True)
    i = list(today_table.ids).index(target.pk)
    assert _col(today_table, i, "complaints_12m") == 3
    # 2026-02-01 is the latest record (the unknown outcome counts as a visit without breach).
    assert _col(today_table, i, "never_inspected") == 0
    earlier = risk_features_list(as_of=dt.date(2024, 1, 1))
    j = list(earlier.ids).index(target.pk)
    assert _col(earlier, j, "complaints_12m") == 0  # registered after that day
    assert _col(earlier, j, "past_breaches") == 2  # 2019 and 2023, both within five years
    assert _col(earlier, j, "findings_serious") == 1  # the sanction
    assert round(_col(earlier, j, "years_since_inspection"), 1) == 0.7


def test_the_learned_models_reason_names_the_real_top_factor(
    regions, user_with_role, client_for, ministry
):
    ests = generate(regions, n=1500, signal=True)
    repeat = ests[-1]
    HistoricalInspection.objects.filter(establishment=repeat).delete()
    _history(
        repeat,
        [
            ("2022-03-01", "order"),
            ("2023-03-01", "sanction"),
            ("2024-03-01", "order"),
            ("2025-03-01", "sanction"),
        ],
    )
    version = train_and_activate("learned")
    score = RiskScore.objects.get(version=version, establishment=repeat)
    assert score.reasons[0][0] == "past_breaches" and score.reasons[0][1] == 4
    assert score.band == "high"
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    page = client.get(f"/app/establishments/{repeat.pk}/").content.decode()
    assert "breaches found at 4 inspections in the last 5 years" in page
    assert "past_breaches" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page_es = client.get(f"/app/establishments/{repeat.pk}/").content.decode()
    assert "incumplimientos en 4 inspecciones en los últimos 5 años" in page_es


def test_the_baseline_names_complaints_in_plain_words(
    regions, user_with_role, client_for, ministry
):
    ests = generate(regions, n=600, signal=True)
    target = ests[3]
    for n in range(3):
        complaint_register(
            office=target.office,
            subject=f"Unsafe scaffolding {n}",
            description="Workers on the scaffolding have no harness.",
            channel="staff",
            actor=None,
            establishment=target,
            anonymous=True,
        )
    version = train_and_activate("baseline")
    score = RiskScore.objects.get(version=version, establishment=target)
    assert ["complaints_12m", 3] in [r[:2] for r in score.reasons]
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    ranking = client.get("/app/targeting/?page=1").content.decode()
    detail = client.get(f"/app/establishments/{target.pk}/").content.decode()
    assert "3 complaints in the last 12 months" in detail
    assert "complaints_12m" not in detail and "complaints_12m" not in ranking
