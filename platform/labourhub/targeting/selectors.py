"""Reads of the targeting app, each already narrowed to what the user may see."""

from typing import TypedDict

from django.db.models import Q, QuerySet

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.inspections.models import Campaign, CampaignEstablishment
from labourhub.targeting.models import RiskDraw, RiskModelVersion, RiskScore


class RankingFilters(TypedDict, total=False):
    region: int | None
    sector: str
    size_band: str


def _scope_q(user: User | None) -> Q | None:
    """The establishments a user's RISK_VIEW grant covers; None means all, Q() nothing."""
    if user is None:
        return None  # the platform itself (a scheduled job)
    scope = user_scope_for(user=user, action=Action.RISK_VIEW)
    if scope is None or scope < Scope.OFFICE or user.office is None:
        return Q(pk__in=[])
    if scope == Scope.MINISTRY:
        return None
    if scope == Scope.REGION:
        return Q(region_id_at_scoring=user.office.region_id)
    return Q(office_id_at_scoring=user.office_id)


def risk_model_active() -> RiskModelVersion | None:
    return RiskModelVersion.objects.filter(is_active=True).first()


def risk_model_list() -> QuerySet[RiskModelVersion]:
    return RiskModelVersion.objects.select_related("requested_by").order_by("-id")


def risk_model_get(*, version_id: int) -> RiskModelVersion | None:
    return RiskModelVersion.objects.filter(pk=version_id).first()


def risk_ranking(
    *, user: User | None, filters: RankingFilters | None = None
) -> QuerySet[RiskScore]:
    """The active model's ranking of active establishments, narrowed to the user's scope."""
    version = risk_model_active()
    if version is None:
        return RiskScore.objects.none()
    filters = filters or {}
    # Only active establishments are scored; the nightly re-scoring drops closed ones.
    qs = RiskScore.objects.filter(version=version)
    scope = _scope_q(user)
    if scope is not None:
        qs = qs.filter(scope)
    region = filters.get("region")
    if region:
        qs = qs.filter(region_id_at_scoring=region)
    if filters.get("sector"):
        qs = qs.filter(sector=filters["sector"])
    if filters.get("size_band"):
        qs = qs.filter(size_band=filters["size_band"])
    return qs.select_related("establishment__office__parent").order_by("rank")


def risk_score_for_establishment(*, user: User, establishment_id: int) -> RiskScore | None:
    """The active score of one establishment, or None if the user may not see it."""
    if not user_can(user=user, action=Action.RISK_VIEW):
        return None  # most readers of the establishment page: no query at all
    version = risk_model_active()
    if version is None:
        return None
    score = (
        RiskScore.objects.filter(version=version, establishment_id=establishment_id)
        .select_related("establishment__office")
        .first()
    )
    if score is None:
        return None
    if not user_can(user=user, action=Action.RISK_VIEW, office=score.establishment.office):
        return None
    return score


def risk_draw_pool(
    *, version: RiskModelVersion, campaign: Campaign, user: User | None
) -> list[tuple[int, float]]:
    """Eligible (establishment id, score) in rank order: active, in the campaign's sector and
    region, inside the planner's scope, and not already on the campaign."""
    qs = RiskScore.objects.filter(version=version, establishment__status="active")
    if campaign.sector:
        qs = qs.filter(establishment__isic_code__startswith=campaign.sector)
    if campaign.region_id is not None:
        qs = qs.filter(region_id_at_scoring=campaign.region_id)
    scope = _scope_q(user)
    if scope is not None:
        qs = qs.filter(scope)
    taken = CampaignEstablishment.objects.filter(campaign=campaign).values("establishment_id")
    qs = qs.exclude(establishment_id__in=taken)
    return [(e, float(s)) for e, s in qs.order_by("rank").values_list("establishment_id", "score")]


def risk_draw_list(*, campaign: Campaign | None = None) -> QuerySet[RiskDraw]:
    qs = RiskDraw.objects.select_related("campaign", "drawn_by").order_by("-id")
    return qs.filter(campaign=campaign) if campaign is not None else qs


def risk_region_choices() -> list[tuple[int, str]]:
    return list(
        Office.objects.filter(level=Office.Level.REGION).order_by("name").values_list("id", "name")
    )


def risk_office_names(*, ids: set[int]) -> dict[int, str]:
    return dict(Office.objects.filter(pk__in=ids).values_list("id", "name"))


def risk_score_panel(*, user: User, establishment_id: int) -> dict[str, object] | None:
    """What the establishment page shows: the score and its reasons in words, or None when
    the user's role or area does not cover this establishment."""
    from labourhub.targeting.explain import reasons_text, region_ids_in

    score = risk_score_for_establishment(user=user, establishment_id=establishment_id)
    if score is None:
        return None
    names = risk_office_names(ids=region_ids_in([score.reasons]))
    return {"score": score, "reasons": reasons_text(score.reasons, region_names=names)}


def risk_draw_outcomes(*, draw_ids: list[int]) -> dict[int, dict[str, tuple[int, int]]]:
    """Per draw and kind (ranked, control): (targets inspected in the campaign, with a breach).

    This is the real-world check of the ranking: the hit rate of ranked targets against that of
    the random controls, from completed visits of the draw's campaign.
    """
    from django.db import connection

    if not draw_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT de.draw_id, de.kind,
                      COUNT(DISTINCT i.establishment_id),
                      COUNT(DISTINCT i.establishment_id) FILTER (WHERE f.id IS NOT NULL)
                 FROM targeting_riskdrawentry de
                 JOIN targeting_riskdraw d ON d.id = de.draw_id
                 LEFT JOIN inspections_inspection i
                        ON i.campaign_id = d.campaign_id
                       AND i.establishment_id = de.establishment_id
                       AND i.status = 'completed' AND i.outcome = 'visited'
                 LEFT JOIN inspections_finding f
                        ON f.inspection_id = i.id AND f.withdrawn_by_id IS NULL
                WHERE de.draw_id = ANY(%s)
                GROUP BY de.draw_id, de.kind""",
            [draw_ids],
        )
        out: dict[int, dict[str, tuple[int, int]]] = {}
        for draw_id, kind, inspected, breaches in cursor.fetchall():
            out.setdefault(draw_id, {})[kind] = (inspected, breaches)
    return out
