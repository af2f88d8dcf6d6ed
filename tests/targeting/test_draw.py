"""Campaign targets from the ranking keep a random control share, reproducible from its seed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import CampaignEstablishment
from labourhub.inspections.services import campaign_create
from labourhub.targeting.models import RiskDraw, RiskScore
from labourhub.targeting.selectors import risk_draw_pool
from labourhub.targeting.services import risk_draw_control, risk_draw_make
from tests.targeting.conftest import generate, train_and_activate


def _campaign(name="Construction 2027", **kw):
    return campaign_create(
        name=name, starts_on=dt.date(2027, 1, 1), ends_on=dt.date(2027, 6, 30), actor=None, **kw
    )


@pytest.fixture
def ranked(regions):
    generate(regions, n=700, signal=True)
    return train_and_activate("learned")


def test_a_campaign_of_100_keeps_10_random_controls_redrawable_from_the_seed(
    ranked, user_with_role
):
    director = user_with_role(Role.DIRECTOR)
    campaign = _campaign()
    pool_before = risk_draw_pool(version=ranked, campaign=campaign, user=director)
    draw = risk_draw_make(campaign=campaign, count=100, seed=424242, actor=director)
    entries = list(draw.entries.all())
    ranked_ids = [e.establishment_id for e in entries if e.kind == "ranked"]
    control_ids = sorted(e.establishment_id for e in entries if e.kind == "control")
    assert len(entries) == 100 and len(ranked_ids) == 90 and len(control_ids) == 10
    assert draw.seed == 424242 and draw.control_share == Decimal("0.100")
    # The ranked part is the top of the ranking; the controls come from the rest.
    assert ranked_ids == [e for e, _s in pool_before[:90]]
    rest = [e for e, _s in pool_before[90:]]
    assert set(control_ids) <= set(rest) and draw.pool_size == len(rest)
    # Anyone with the recorded seed and pool redraws exactly the same controls.
    assert sorted(risk_draw_control(pool=rest, count=10, seed=draw.seed)) == control_ids
    assert sorted(risk_draw_control(pool=rest, count=10, seed=draw.seed + 1)) != control_ids
    # Inspectors see every target the same way: the campaign does not flag the controls.
    sources = set(
        CampaignEstablishment.objects.filter(campaign=campaign).values_list("source", flat=True)
    )
    assert sources == {"risk"}
    event = AuditEvent.objects.filter(action="risk_draw.made").latest("id")
    assert event.extra["values"]["seed"] == 424242 and event.extra["values"]["control"] == 10


def test_the_same_seed_on_the_same_ranking_gives_the_same_draw(ranked):
    first = risk_draw_make(campaign=_campaign("A"), count=50, seed=99, actor=None)
    second = risk_draw_make(campaign=_campaign("B"), count=50, seed=99, actor=None)
    pick = lambda d: sorted((e.establishment_id, e.kind) for e in d.entries.all())  # noqa: E731
    assert pick(first) == pick(second)
    fresh = risk_draw_make(campaign=_campaign("C"), count=50, actor=None)
    assert fresh.seed != 99 and 0 <= fresh.seed < 2**62


def test_the_draw_respects_the_campaign_region_and_skips_listed_establishments(ranked, regions):
    north, _district = regions["north"]
    campaign = _campaign(region=north)
    draw = risk_draw_make(campaign=campaign, count=40, seed=1, actor=None)
    offices = set(
        RiskScore.objects.filter(
            version=ranked, establishment_id__in=draw.entries.values("establishment_id")
        ).values_list("establishment__office__parent_id", flat=True)
    )
    assert offices == {north.pk}
    again = risk_draw_make(campaign=campaign, count=40, seed=1, actor=None)
    assert not set(again.entries.values_list("establishment_id", flat=True)) & set(
        draw.entries.values_list("establishment_id", flat=True)
    )


@pytest.mark.parametrize(
    ("count", "share", "seed", "field"),
    [
        (0, "0.1", None, "count"),
        (10**9, "0.1", None, "count"),
        (10, "0.9", None, "control_share"),
        (10, "-0.1", None, "control_share"),
        (10, "0.1", -5, "seed"),
        (10, "0.1", 2**70, "seed"),
    ],
)
def test_hostile_draw_values_are_refused_and_nothing_is_written(ranked, count, share, seed, field):
    with pytest.raises(ValidationError) as caught:
        risk_draw_make(
            campaign=_campaign(), count=count, control_share=Decimal(share), seed=seed, actor=None
        )
    assert field in caught.value.message_dict
    assert not RiskDraw.objects.exists()


def test_the_draw_needs_a_planner_an_active_model_and_an_open_campaign(regions, user_with_role):
    campaign = _campaign()
    with pytest.raises(ApplicationError):
        risk_draw_make(campaign=campaign, count=5, actor=None)  # no model switched on yet
    with pytest.raises(PermissionDenied):
        risk_draw_make(campaign=campaign, count=5, actor=user_with_role(Role.INSPECTOR))


def test_the_draw_form_refuses_hostile_input(ranked, user_with_role, client_for, ministry):
    campaign = _campaign()
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    for bad in (
        {"campaign": "1 OR 1=1", "count": "10", "control_percent": "10"},
        {"campaign": campaign.pk, "count": "<script>", "control_percent": "NaN"},
        {"campaign": campaign.pk, "count": "10", "control_percent": "1e9", "seed": "-1"},
        {"campaign": campaign.pk, "count": "9" * 40, "control_percent": "10"},
    ):
        response = client.post("/app/targeting/draw/", bad)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode()
    assert not RiskDraw.objects.exists()
    ok = client.post(
        "/app/targeting/draw/",
        {"campaign": campaign.pk, "count": "20", "control_percent": "25", "seed": "7"},
    )
    assert ok.status_code == 302
    draw = RiskDraw.objects.get()
    assert draw.seed == 7 and draw.entries.filter(kind="control").count() == 5


def test_the_draw_page_compares_ranked_and_control_hit_rates(
    ranked, user_with_role, client_for, ministry
):
    from labourhub.inspections.models import Finding, Inspection
    from labourhub.targeting.selectors import risk_draw_outcomes

    campaign = _campaign()
    draw = risk_draw_make(
        campaign=campaign, count=20, control_share=Decimal("0.25"), seed=3, actor=None
    )
    ranked_entries = list(draw.entries.filter(kind="ranked")[:2])
    control_entries = list(draw.entries.filter(kind="control")[:1])
    for n, entry in enumerate(ranked_entries + control_entries):
        # Completed visits of the campaign, as the inspection flow leaves them.
        visit = Inspection.objects.create(
            reference=f"T-RISK-{n}",
            establishment_id=entry.establishment_id,
            office=entry.establishment.office,
            campaign=campaign,
            origin="planned",
            status="completed",
            outcome="visited",
        )
        if n == 0:
            Finding.objects.create(inspection=visit, description="No payslips", severity="serious")
    outcomes = risk_draw_outcomes(draw_ids=[draw.pk])[draw.pk]
    assert outcomes == {"ranked": (2, 1), "control": (1, 0)}
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    page = client.get("/app/targeting/draw/").content.decode()
    assert "2 · 1" in page and "1 · 0" in page
