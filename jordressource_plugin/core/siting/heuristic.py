"""Greedy add and swap: a good choice of sites fast, without a proof.

The classic p-median heuristic (greedy addition, Kuehn & Hamburger 1963; vertex substitution,
Teitz & Bart 1968): open the site that saves the most tonne-km until k are open, then make the
best exchange of an open site for a closed one while any lowers the total. Every source goes to
its nearest open site, capacity ignored. A source with no open site within reach costs more
than every haul together (``_uncovered_km``), so covering every source comes first.

The exact solvers use it for their first upper bound, and the benchmark as the baseline a
planner would otherwise get.
"""
from typing import Optional, Tuple

import numpy as np

from .problem import SitingProblem


def nearest_open(problem: SitingProblem,
                 open_mask: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Per source: the nearest open site (-1 where none is within reach) and its distance in km
    (inf where none). Pairs are sorted by distance then id, so ties go to the smaller id."""
    n = problem.source_count
    site = np.full(n, -1, dtype=np.int64)
    km = np.full(n, np.inf)
    hit = np.flatnonzero(open_mask[problem.pair_site])
    if not len(hit):
        return site, km
    first = hit[np.r_[True, problem.pair_source[hit][1:] != problem.pair_source[hit][:-1]]]
    site[problem.pair_source[first]] = problem.pair_site[first]
    km[problem.pair_source[first]] = problem.pair_km[first]
    return site, km


def uncapacitated_cost(problem: SitingProblem, open_mask: np.ndarray) -> float:
    """Tonne-km plus opening costs of ``open_mask``, every source to its nearest open site;
    inf when a source has none within reach."""
    _, km = nearest_open(problem, open_mask)
    return float(problem.tonnes @ km + problem.opening_tkm[open_mask].sum())


def greedy_swap(problem: SitingProblem, site_count: int, fixed_open: Optional[np.ndarray] = None,
                closed: Optional[np.ndarray] = None, max_passes: int = 100) -> np.ndarray:
    """A choice of at most ``site_count`` sites (exactly, without opening costs): the open mask.
    ``fixed_open`` sites are always open, ``closed`` ones never."""
    m = problem.candidate_count
    fixed_open = problem.existing.copy() if fixed_open is None else fixed_open | problem.existing
    closed = np.zeros(m, bool) if closed is None else closed
    penalty_km = _uncovered_km(problem)
    opening = problem.opening_tkm
    open_mask = fixed_open.copy()
    allowed = ~closed & ~fixed_open
    km = _haul_or_penalty(problem, open_mask, penalty_km)
    while open_mask.sum() < site_count and allowed.any():
        saving = _add_savings(problem, km) - opening
        saving[~allowed] = -np.inf
        best = int(np.argmax(saving))
        if problem.at_most and not saving[best] > 0:
            break
        open_mask[best], allowed[best] = True, False
        km = _haul_or_penalty(problem, open_mask, penalty_km)
    return improve(problem, site_count, open_mask, fixed_open, closed, max_passes)


def improve(problem: SitingProblem, site_count: int, open_mask: np.ndarray,
            fixed_open: Optional[np.ndarray] = None, closed: Optional[np.ndarray] = None,
            max_passes: int = 100) -> np.ndarray:
    """Best-improvement exchanges from ``open_mask`` until none lowers the total."""
    m = problem.candidate_count
    fixed_open = problem.existing.copy() if fixed_open is None else fixed_open | problem.existing
    closed = np.zeros(m, bool) if closed is None else closed
    penalty_km = _uncovered_km(problem)
    open_mask = open_mask.copy()
    for _ in range(max_passes):
        move = _best_swap(problem, open_mask, fixed_open, closed, site_count, penalty_km)
        if move is None:
            break
        drop, add = move
        if drop >= 0:
            open_mask[drop] = False
        if add >= 0:
            open_mask[add] = True
    return open_mask


def _uncovered_km(problem):
    """Per source, the haul an uncovered source counts as: its tonnes times it exceed every
    possible total haul, so covering one more source always beats any saving in hauls."""
    every_haul_tkm = float(problem.tonnes.sum()) * (float(problem.pair_km.max()) + 1.0)
    return 10.0 * every_haul_tkm / problem.tonnes


def _haul_or_penalty(problem, open_mask, penalty_km):
    _, km = nearest_open(problem, open_mask)
    return np.where(np.isfinite(km), km, penalty_km)


def _add_savings(problem, km):
    """Tonne-km saved by opening each candidate, given each source's current haul ``km``."""
    gain = np.clip(km[problem.pair_source] - problem.pair_km, 0.0, None)
    return np.bincount(problem.pair_site, weights=problem.tonnes[problem.pair_source] * gain,
                       minlength=problem.candidate_count)


def _best_swap(problem, open_mask, fixed_open, closed, site_count, penalty_km):
    """The exchange (drop, add) that lowers the total most, -1 for none on a side (a plain
    drop or add, possible with opening costs); None when no move lowers it."""
    tonnes, opening = problem.tonnes, problem.opening_tkm
    km = _haul_or_penalty(problem, open_mask, penalty_km)
    total = tonnes @ km + opening[open_mask].sum()
    tolerance = 1e-9 * max(total, 1.0)
    addable = ~open_mask & ~closed
    best_delta, best_move = -tolerance, None
    if problem.at_most and open_mask.sum() < site_count:
        delta = opening - _add_savings(problem, km)
        delta[~addable] = np.inf
        if delta.min() < best_delta:
            best_delta, best_move = delta.min(), (-1, int(np.argmin(delta)))
    for drop in np.flatnonzero(open_mask & ~fixed_open):
        without = open_mask.copy()
        without[drop] = False
        base = _haul_or_penalty(problem, without, penalty_km)
        lost = tonnes @ (base - km) - opening[drop]
        if problem.at_most and lost < best_delta:
            best_delta, best_move = lost, (int(drop), -1)
        delta = lost + opening - _add_savings(problem, base)
        delta[~addable] = np.inf
        if delta.min() < best_delta:
            best_delta, best_move = delta.min(), (int(drop), int(np.argmin(delta)))
    return best_move


def priced(problem: SitingProblem, price: np.ndarray) -> SitingProblem:
    """The problem with every haul to site j dearer by ``price_j`` km per tonne and opening j
    cheaper by capacity_j·price_j: the Lagrangian relaxation of the capacities at those prices,
    an uncapacitated problem the local search can work on."""
    from dataclasses import replace

    km = problem.pair_km + price[problem.pair_site]
    order = np.lexsort((km, problem.pair_source))
    held = np.where(np.isfinite(problem.capacity_t), problem.capacity_t, 0.0) * price
    return replace(problem, pair_source=problem.pair_source[order],
                   pair_site=problem.pair_site[order], pair_km=km[order],
                   opening_tkm=problem.opening_tkm - held,
                   capacity_t=np.full(problem.candidate_count, np.inf))
