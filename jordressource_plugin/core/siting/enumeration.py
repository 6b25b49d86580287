"""The last step when few sites are left undecided: every choice bounded, the promising priced.

After the Lagrangian and the LP's reduced-cost fixing, often only a few dozen sites remain
undecided (22–26 of 200 on the benchmark region). Then every choice of the remaining sites can
be bounded at once, far faster than HiGHS closes a capacitated master. For a choice S (the
sites fixed open included) and any capacity prices π ≥ 0 (km per tonne), relaxing the
capacities gives (weak duality; Geoffrion 1974)

    total(S) ≥ Σ_i tonnes_i · min_{j∈S} (km_ij + π_j) − Σ_{j∈S} π_j · capacity_j + opening(S),

exact without capacities at π = 0, and exact for the best known choice at its transport
programme's capacity duals. Each choice gets the largest of the bounds at π = 0, at the
Lagrangian step's capacity prices and at the best choice's duals; the choices are then
priced exactly (the transport programme with HiGHS, or the nearest open site) in order of
bound until the next bound exceeds the best total found: no choice left unpriced can beat it.
If the time limit stops the pricing, the least bound not priced is the proven bound.

Ties are settled here too: every choice whose bound is within the tie tolerance of the best
total is priced, so the tie rule sees all of them.
"""
import math
import time
from dataclasses import dataclass
from typing import Callable, List, Optional

import numpy as np

from .benders import Search, tie_limit, tie_preference
from .transport import serve

# Most work bounded at once (choices × excavations): about 2 µs per unit on the benchmark
# machine, so 40 s at most; beyond it the Benders master is left to decide.
MAX_WORK = 2e10


class _Stopped(Exception):
    pass


@dataclass
class Enumerated:
    choices: int  # choices bounded
    priced: int  # choices priced exactly
    tied: bool  # another choice had the same total


def choice_count(free: int, to_open: int, at_most: bool) -> int:
    """How many choices of ``to_open`` (at most, with opening costs) of ``free`` sites."""
    if to_open < 0:
        return 0
    if not at_most:
        return math.comb(free, to_open) if to_open <= free else 0
    return sum(math.comb(free, size) for size in range(0, min(to_open, free) + 1))


def worth_enumerating(search: Search) -> bool:
    count = choice_count(len(search.free_sites), search.free_count, search.problem.at_most)
    return 0 < count and count * search.problem.source_count <= MAX_WORK


def enumerate_choices(search: Search) -> Optional[Enumerated]:
    """Solve the search's remaining choice by bounded enumeration; updates the search's best
    choice, bound and note as its integer phase would. None when stopped before every choice
    was bounded."""
    problem = search.problem
    free = search.free_sites
    fixed = np.flatnonzero(search.fixed_open)
    sizes = [size for size in (range(0, search.free_count + 1) if problem.at_most
                               else [search.free_count])
             if size <= len(free) and (size > 0 or len(fixed))]
    prices = _prices(search)
    # Every choice bounded at the first prices (the strongest near the best choice); the few
    # within reach of the best total then at the others too.
    blocks = []
    try:
        for size in sizes:
            blocks.append((size, _bounds(problem, free, fixed, size, prices[0],
                                         search.stopped)))
    except _Stopped:
        return None
    if not blocks:
        return None
    choices = sum(len(bound) for _, bound in blocks)
    limit = tie_limit(search.best_total) if search.best_mask is not None else np.inf
    candidates = []  # (bound, size, rank)
    for size, bound in blocks:
        for rank in np.flatnonzero(bound <= limit):
            candidates.append((float(bound[rank]), size, int(rank)))
    least_pruned = min((float(bound[bound > limit].min()) for _, bound in blocks
                        if (bound > limit).any()), default=np.inf)
    for price in prices[1:]:
        bound_of = _chosen_bound(problem, free, fixed, price)
        candidates = [(max(low, bound_of(_unrank(rank, len(free), size))), size, rank)
                      for low, size, rank in candidates]
    candidates.sort()
    priced, tied_masks = 0, []
    capacity = np.minimum(problem.capacity_t, problem.tonnes.sum())
    total_t = problem.tonnes.sum()
    # The proven bound: the least bound of a choice not priced, or the best total.
    for low, size, rank in candidates:
        best = search.best_total if search.best_mask is not None else np.inf
        if not np.isfinite(low) or low > tie_limit(best) or search.stopped():
            search.bound = max(search.bound, min(low, least_pruned, best))
            break
        mask = search.fixed_open.copy()
        mask[free[_unrank(rank, len(free), size)]] = True
        if problem.capacitated and capacity[mask].sum() < total_t * (1 - 1e-12):
            continue
        total = search.pricer.true_total(mask)
        priced += 1
        search._offer(mask, total)
        if np.isfinite(total):
            tied_masks.append((mask, total))
    else:
        best = search.best_total if search.best_mask is not None else np.inf
        search.bound = max(search.bound, min(least_pruned, best))
    if search.best_mask is None:
        return Enumerated(choices, priced, False)
    limit = tie_limit(search.best_total)
    ties = [mask for mask, total in tied_masks if total <= limit]
    if search.proven and ties:
        search.best_mask = max(ties, key=lambda mask: tie_preference(problem, mask))
    return Enumerated(choices, priced, len(ties) > 1)


def _prices(search: Search) -> List[np.ndarray]:
    """Capacity prices for the bounds: the best choice's transport duals (the bound is exact
    there), the Lagrangian step's prices, and none (the haul to the nearest open site)."""
    problem = search.problem
    prices = []
    if problem.capacitated and search.best_mask is not None:
        service = serve(problem, search.best_mask.astype(float))
        if service.feasible:
            prices.append(service.price)
    lagrangian = getattr(search.pricer, "prices", None)  # the capacitated pricer's
    if problem.capacitated and lagrangian is not None:
        prices.append(lagrangian)
    prices.append(np.zeros(problem.candidate_count))
    return prices


def _unrank(rank: int, count: int, size: int) -> np.ndarray:
    """The ``rank``-th choice of ``size`` of ``count`` positions in itertools order."""
    chosen, x = [], 0
    for place in range(size):
        while True:
            following = math.comb(count - x - 1, size - place - 1)
            if rank < following:
                chosen.append(x)
                x += 1
                break
            rank -= following
            x += 1
    return np.array(chosen, dtype=np.int64)


def _priced_km(problem, sites, price):
    """Per excavation and site of ``sites``: km + price (inf beyond reach)."""
    column = np.full(problem.candidate_count, -1, dtype=np.int64)
    column[sites] = np.arange(len(sites))
    keep = column[problem.pair_site] >= 0
    priced_km = np.full((problem.source_count, len(sites)), np.inf)
    priced_km[problem.pair_source[keep], column[problem.pair_site[keep]]] = (
        problem.pair_km[keep] + price[problem.pair_site[keep]])
    return priced_km


def _site_terms(problem, sites, price):
    held = np.where(np.isfinite(problem.capacity_t), problem.capacity_t, 0.0) * price
    return problem.opening_tkm[sites] - held[sites]


def _chosen_bound(problem, free, fixed, price):
    """``bound(positions)``: the Lagrangian bound of the choice of the ``free`` sites at those
    positions, with ``fixed`` open; the priced hauls are built once for all the choices."""
    sites = np.r_[free, fixed].astype(np.int64)
    priced_km = _priced_km(problem, sites, price)
    site_term = _site_terms(problem, sites, price)
    columns_fixed = np.arange(len(free), len(sites))

    def bound(positions):
        columns = np.r_[positions, columns_fixed]
        return (_haul(problem.tonnes, priced_km[:, columns].min(axis=1))
                + float(site_term[columns].sum()))

    return bound


def _bounds(problem, free, fixed, size, price, stopped) -> np.ndarray:
    """The Lagrangian bound of every choice of ``size`` of the ``free`` sites (with ``fixed``
    open), in ``itertools.combinations`` order: a walk down the choices that keeps each
    prefix's nearest priced haul, so that each choice costs one minimum and one dot product."""
    n = problem.source_count
    sites = np.r_[free, fixed].astype(np.int64)
    priced_km = _priced_km(problem, sites, price)
    site_term = _site_terms(problem, sites, price)
    base = priced_km[:, len(free):].min(axis=1) if len(fixed) else np.full(n, np.inf)
    constant = float(site_term[len(free):].sum())
    tonnes = problem.tonnes
    out: List[np.ndarray] = []
    free_km = np.ascontiguousarray(priced_km[:, :len(free)])
    free_term = site_term[:len(free)]

    def walk(nearest, start, left, term):
        if left == 0:
            out.append(np.array([_haul(tonnes, nearest) + term]))
            return
        if left == 1:
            block = np.minimum(nearest[:, None], free_km[:, start:])
            out.append(_haul_columns(tonnes, block) + term + free_term[start:])
            return
        if left == 2 and stopped():
            raise _Stopped()
        for j in range(start, len(free) - left + 1):
            walk(np.minimum(nearest, free_km[:, j]), j + 1, left - 1, term + free_term[j])

    walk(base, 0, size, constant)
    return np.concatenate(out) if out else np.zeros(0)


def _haul(tonnes, km):
    return float(tonnes @ km) if np.isfinite(km).all() else np.inf


def _haul_columns(tonnes, block):
    reached = np.isfinite(block).all(axis=0)
    values = np.full(block.shape[1], np.inf)
    values[reached] = tonnes @ block[:, reached]
    return values


def timed(search: Search, say: Callable[[str], None]) -> bool:
    """Run the enumeration when it is worth it, logging what it did; whether it ran."""
    if not worth_enumerating(search):
        return False
    started = time.monotonic()
    result = enumerate_choices(search)
    if result is None:
        return False
    say(f"every choice of the {len(search.free_sites)} sites left bounded ({result.choices:,}); "
        f"{result.priced:,} priced exactly, the others proven no better; "
        f"{time.monotonic() - started:.1f} s")
    search.enumerated = result
    return True
