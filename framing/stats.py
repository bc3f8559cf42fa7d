"""Statistics shared by lexicon induction and outlet comparison.

- :func:`log_odds_dirichlet`: weighted log-odds ratios with an informative
  Dirichlet prior and their z-scores (Monroe, Colaresi and Quinn 2008,
  "Fightin' Words", section 3.5);
- :func:`bootstrap_ratio`: a ratio of sums over documents (e.g. loaded terms
  per 1,000 tokens) with a percentile bootstrap interval over documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["LogOdds", "log_odds_dirichlet", "RatioEstimate", "bootstrap_ratio"]


@dataclass(frozen=True)
class LogOdds:
    """Per-term log-odds of group A against group B.

    ``delta`` is the log-odds ratio (positive: more typical of A), ``variance``
    its approximate variance and ``z`` = ``delta / sqrt(variance)``.
    """

    terms: np.ndarray
    delta: np.ndarray
    variance: np.ndarray
    z: np.ndarray
    count_a: np.ndarray
    count_b: np.ndarray


def log_odds_dirichlet(counts_a: Mapping[str, float], counts_b: Mapping[str, float],
                       prior: Mapping[str, float] | None = None, *,
                       prior_scale: float | None = None) -> LogOdds:
    """Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008).

    For each term *w* with counts *y_a*, *y_b* in groups of sizes *n_a*, *n_b*
    and prior pseudo-counts *a_w* summing to *a_0*::

        delta_w = log((y_a + a_w) / (n_a + a_0 - y_a - a_w))
                - log((y_b + a_w) / (n_b + a_0 - y_b - a_w))
        var_w   = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        z_w     = delta_w / sqrt(var_w)

    Parameters
    ----------
    counts_a, counts_b
        Term counts in the two groups.
    prior
        Background counts (default: ``counts_a + counts_b``). They are rescaled
        so that they sum to ``prior_scale``.
    prior_scale
        Total pseudo-count of the prior, *a_0* (default: the prior's own total,
        i.e. the background counts as they are).

    Returns
    -------
    LogOdds
        Arrays aligned on the sorted union of terms.

    Examples
    --------
    >>> r = log_odds_dirichlet({"regime": 8, "government": 2}, {"regime": 1, "government": 9})
    >>> [(str(t), round(float(z), 2)) for t, z in zip(r.terms, r.z)]
    [('government', -2.7), ('regime', 2.41)]
    """
    terms = np.array(sorted(set(counts_a) | set(counts_b) | set(prior or {})), dtype=object)
    y_a = np.array([float(counts_a.get(t, 0)) for t in terms])
    y_b = np.array([float(counts_b.get(t, 0)) for t in terms])
    if prior is None:
        alpha = y_a + y_b
    else:
        alpha = np.array([float(prior.get(t, 0)) for t in terms])
    if np.any(alpha < 0) or np.any(y_a < 0) or np.any(y_b < 0):
        raise ValueError("counts and prior must be non-negative")
    if alpha.sum() <= 0:
        raise ValueError("the prior has no mass: give at least one positive count")
    if prior_scale is not None:
        alpha = alpha * (prior_scale / alpha.sum())
    alpha = np.where(alpha > 0, alpha, 1e-9)  # a term absent from the prior gets a tiny pseudo-count
    a0 = alpha.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    delta = (np.log((y_a + alpha) / (n_a + a0 - y_a - alpha))
             - np.log((y_b + alpha) / (n_b + a0 - y_b - alpha)))
    variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    return LogOdds(terms, delta, variance, delta / np.sqrt(variance), y_a, y_b)


@dataclass(frozen=True)
class RatioEstimate:
    """``scale * sum(numerators) / sum(denominators)`` with a bootstrap interval."""

    estimate: float
    low: float
    high: float
    n_documents: int
    numerator: float
    denominator: float


def bootstrap_ratio(numerators: np.ndarray | list[float], denominators: np.ndarray | list[float],
                    *, scale: float = 1.0, n_boot: int = 2000, level: float = 0.95,
                    seed: int = 0) -> RatioEstimate:
    """A ratio of sums with a percentile bootstrap interval, resampling documents.

    Parameters
    ----------
    numerators, denominators
        Per-document values (e.g. loaded-term counts and token counts).
    scale
        Multiplier of the ratio (1000 for "per 1,000 tokens").
    n_boot
        Bootstrap resamples.
    level
        Coverage of the interval.
    seed
        Random seed: the same inputs give the same interval.

    Returns
    -------
    RatioEstimate
        The point estimate (on all documents) and the interval. With fewer than
        two documents the interval is undefined (NaN).
    """
    num = np.asarray(numerators, dtype=float)
    den = np.asarray(denominators, dtype=float)
    if num.shape != den.shape or num.ndim != 1:
        raise ValueError("numerators and denominators must be 1-d arrays of equal length")
    n = len(num)
    total = den.sum()
    estimate = scale * num.sum() / total if total > 0 else float("nan")
    if n < 2 or total <= 0:
        return RatioEstimate(estimate, float("nan"), float("nan"), n, float(num.sum()), float(total))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    boot_den = den[idx].sum(axis=1)
    ok = boot_den > 0
    ratios = scale * num[idx].sum(axis=1)[ok] / boot_den[ok]
    tail = (1 - level) / 2
    low, high = np.quantile(ratios, [tail, 1 - tail])
    # The percentile interval of a ratio of sums may exclude the point estimate
    # when resamples are few; widen it to include the estimate.
    return RatioEstimate(estimate, float(min(low, estimate)), float(max(high, estimate)), n,
                         float(num.sum()), float(total))
