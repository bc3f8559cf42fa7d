"""Log-odds with an informative Dirichlet prior, and bootstrap intervals."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing.stats import bootstrap_ratio, log_odds_dirichlet


def test_log_odds_matches_a_hand_computed_example() -> None:
    # Group A: regime 8, government 2; group B: regime 1, government 9.
    # Prior = pooled counts: regime 9, government 11, a0 = 20; n_a = n_b = 10.
    # regime: delta = ln(17/13) - ln(10/20) = 0.961411; var = 1/17 + 1/10; z = 2.41241
    r = log_odds_dirichlet({"regime": 8, "government": 2}, {"regime": 1, "government": 9})
    got = dict(zip(r.terms, zip(r.delta, r.variance, r.z)))
    delta, var, z = got["regime"]
    assert delta == pytest.approx(math.log(17 / 13) - math.log(10 / 20))
    assert var == pytest.approx(1 / 17 + 1 / 10)
    assert z == pytest.approx(2.41241, abs=1e-4)
    # government: delta = ln(13/17) - ln(20/10); var = 1/13 + 1/20
    delta, var, z = got["government"]
    assert delta == pytest.approx(math.log(13 / 17) - math.log(2))
    assert z == pytest.approx(delta / math.sqrt(1 / 13 + 1 / 20))


def test_log_odds_is_antisymmetric() -> None:
    a = {"loot": 5, "aid": 1, "peace": 3}
    b = {"loot": 0, "aid": 6, "peace": 3}
    ab, ba = log_odds_dirichlet(a, b), log_odds_dirichlet(b, a)
    assert np.allclose(ab.z, -ba.z)


def test_prior_scale_shrinks_rare_differences() -> None:
    a, b = {"junta": 2, "the": 100}, {"junta": 0, "the": 100}
    weak = log_odds_dirichlet(a, b, prior_scale=10)
    strong = log_odds_dirichlet(a, b, prior_scale=10_000)
    i = list(weak.terms).index("junta")
    assert abs(strong.delta[i]) < abs(weak.delta[i])


def test_log_odds_rejects_an_empty_prior() -> None:
    with pytest.raises(ValueError, match="no mass"):
        log_odds_dirichlet({"a": 0}, {"a": 0})


def test_bootstrap_interval_contains_the_point_estimate() -> None:
    rng = np.random.default_rng(1)
    tokens = rng.integers(300, 900, size=12)
    counts = rng.binomial(tokens, 0.02)
    r = bootstrap_ratio(counts, tokens, scale=1000)
    assert r.low <= r.estimate <= r.high
    assert r.estimate == pytest.approx(1000 * counts.sum() / tokens.sum())


def test_bootstrap_interval_narrows_with_more_documents() -> None:
    rng = np.random.default_rng(2)
    def width(n: int) -> float:
        tokens = rng.integers(300, 900, size=n)
        counts = rng.binomial(tokens, rng.uniform(0.005, 0.04, size=n))
        r = bootstrap_ratio(counts, tokens, scale=1000)
        return r.high - r.low
    assert width(200) < width(8)


def test_bootstrap_with_one_document_has_no_interval() -> None:
    r = bootstrap_ratio([3], [500], scale=1000)
    assert r.estimate == pytest.approx(6.0) and math.isnan(r.low) and math.isnan(r.high)


def test_bootstrap_is_reproducible() -> None:
    a = bootstrap_ratio([1, 5, 2, 8], [400, 500, 450, 700], scale=1000)
    b = bootstrap_ratio([1, 5, 2, 8], [400, 500, 450, 700], scale=1000)
    assert a == b
