"""The evaluation itself is tested: it finds a planted signal and reports none where none is."""

import pytest

from labourhub.accounts.roles import Role
from tests.targeting.conftest import generate, train

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("kind", ["learned", "baseline"])
def test_planted_signal_doubles_precision_at_100_on_the_held_out_year(regions, kind):
    generate(regions, signal=True)
    version = train(kind)
    m = version.metrics
    assert version.status == "ready"
    assert version.test_from.year == 2025
    assert m["k"] == 100
    assert m["test_rows"] > 500  # the ~35% of 2,000 establishments inspected in 2025
    assert m["precision_at_k"] >= 2 * m["base_rate"], m
    assert m["lift"] >= 2.0
    assert m["beats_chance"] is True
    # Hit rates by region and size are there for the director to spot skew.
    assert {g["group"] for g in m["by_size"]} == {"micro", "small", "medium", "large"}
    assert sum(g["selected"] for g in m["by_region"]) == 100


def test_no_signal_shows_no_lift(regions):
    generate(regions, signal=False, seed=11)
    m = train("learned").metrics
    assert 0.7 <= m["lift"] <= 1.3, m
    assert m["beats_chance"] is False


def test_the_backtest_page_explains_the_result_to_the_director(
    regions, user_with_role, client_for, ministry
):
    generate(regions, signal=True)
    version = train("learned")
    director = user_with_role(Role.DIRECTOR)
    client = client_for(ministry)
    client.force_login(director)
    page = client.get(f"/app/targeting/models/{version.pk}/").content.decode()
    precision = f"{100 * version.metrics['precision_at_k']:.0f}%"
    base = f"{100 * version.metrics['base_rate']:.0f}%"
    assert precision in page and base in page
    assert "clearly better than chance" in page
    assert "Known limits" in page


def test_the_backtest_page_says_when_a_model_is_no_better_than_chance(
    regions, user_with_role, client_for, ministry
):
    generate(regions, signal=False, seed=11)
    version = train("learned")
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    page = client.get(f"/app/targeting/models/{version.pk}/").content.decode()
    assert "not clearly better than chance" in page


def test_training_without_two_years_of_history_fails_with_a_reason(regions):
    version = train("learned")
    assert version.status == "failed"
    assert "two years" in version.failure
