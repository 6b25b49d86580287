"""Lower bounds by Lagrangian relaxation, and the sites they rule in or out.

Relax the rows "each source is served in full" with multipliers v_i = tonnes_i·u_i (u in km) and
the capacity rows with prices π_j ≥ 0 (km per tonne). What is left splits by site: opening j
is worth

    ρ_j = opening_j − capacity_j·π_j − Σ_i tonnes_i·max(0, u_i − km_ij − π_j),

and the bound is L = Σ_i tonnes_i·u_i + Σ over the open sites of ρ_j, with the sites chosen as
the relaxed problem would: every fixed-open site, then the q = k − (fixed open) free sites of
smallest ρ (only those with ρ < 0 when k is a maximum). L is a valid lower bound for any u and
any π ≥ 0, and its maximum equals the bound of the strong linear relaxation (Geoffrion 1974;
for the p-median, Beasley 1993). The multipliers are improved by subgradient steps with the
Polyak step length towards the best known total.

Forcing a site open or closed changes the relaxed choice by one exchange, so ρ says at once
what that would cost: a free site whose forced opening lifts the bound above the best known
total is closed for good, and likewise a chosen site whose closing would. Only sites that some
choice at most as good as the best known one needs are kept, so ties are never lost.
"""
from dataclasses import dataclass
from typing import Callable, Optional, Tuple

import numpy as np

from .problem import SitingProblem

# Relative slack on the best known total when fixing: a choice that ties it is never cut off.
FIX_TOLERANCE = 1e-9


@dataclass
class Relaxation:
    bound: float
    rho: np.ndarray  # per site
    chosen: np.ndarray  # bool: open in the relaxed choice
    served: np.ndarray  # bool per pair: the relaxed choice serves source i from site j


def relax(problem: SitingProblem, u: np.ndarray, price: np.ndarray, site_count: int,
          fixed_open: np.ndarray, closed: np.ndarray,
          pairs: Optional[np.ndarray] = None) -> Relaxation:
    """The Lagrangian bound at multipliers ``u`` (km per source) and ``price`` (per site).
    ``pairs``: the pair positions that can count at all (those with km below u), for speed."""
    pairs = np.arange(len(problem.pair_km)) if pairs is None else pairs
    source, site = problem.pair_source[pairs], problem.pair_site[pairs]
    capacity = np.where(np.isfinite(problem.capacity_t), problem.capacity_t, 0.0)
    margin = u[source] - problem.pair_km[pairs] - price[site]
    useful = (margin > 0) & ~closed[site]
    value = np.bincount(site[useful], weights=problem.tonnes[source[useful]] * margin[useful],
                        minlength=problem.candidate_count)
    rho = problem.opening_tkm - capacity * price - value
    chosen = choose_sites(rho, site_count, fixed_open, closed, problem.at_most)
    bound = float(problem.tonnes @ u + rho[chosen].sum())
    served = np.zeros(len(problem.pair_km), dtype=bool)
    served[pairs[useful & chosen[site]]] = True
    return Relaxation(bound, rho, chosen, served)


def choose_sites(rho: np.ndarray, site_count: int, fixed_open: np.ndarray, closed: np.ndarray,
                 at_most: bool) -> np.ndarray:
    """The fixed-open sites and the free ones of smallest ρ (ties to the lower index order of
    ``np.argsort``, stable)."""
    chosen = fixed_open.copy()
    free = np.flatnonzero(~fixed_open & ~closed)
    q = max(site_count - int(fixed_open.sum()), 0)
    best = free[np.argsort(rho[free], kind="stable")][:q]
    if at_most:
        best = best[rho[best] < 0]
    chosen[best] = True
    return chosen


def fix_sites(relaxation: Relaxation, upper: float, site_count: int, fixed_open: np.ndarray,
              closed: np.ndarray, at_most: bool) -> Tuple[np.ndarray, np.ndarray]:
    """Sites the bound proves closed or open in every choice costing at most ``upper``:
    (new closed mask, new fixed-open mask)."""
    if not np.isfinite(upper):
        return closed, fixed_open
    rho, chosen, bound = relaxation.rho, relaxation.chosen, relaxation.bound
    limit = upper + FIX_TOLERANCE * max(abs(upper), 1.0)
    free = ~fixed_open & ~closed
    picked = free & chosen
    others = free & ~chosen
    q = max(site_count - int(fixed_open.sum()), 0)
    # Opening an unchosen site takes the place of the worst chosen one when all q are taken.
    worst = rho[picked].max() if picked.any() else 0.0
    full = picked.sum() >= q
    if at_most:
        opened = bound + rho - (worst if full else 0.0)
        if not full:
            opened = bound + np.maximum(rho, 0.0)
    else:
        opened = bound + rho - worst if q > 0 else np.full(len(rho), np.inf)
    new_closed = closed | (others & (opened > limit))
    # Closing a chosen site lets the best unchosen one in (or none, with opening costs).
    if others.any():
        runner_up = rho[others].min()
    else:
        runner_up = 0.0 if at_most else np.inf
    if at_most:
        runner_up = min(runner_up, 0.0)
    shut = bound - rho + runner_up
    new_open = fixed_open | (picked & (shut > limit))
    return new_closed, new_open


def subgradient(problem: SitingProblem, site_count: int, upper: float, fixed_open: np.ndarray,
                closed: np.ndarray, u: np.ndarray, price: np.ndarray, iterations: int = 300,
                on_choice: Optional[Callable[[np.ndarray], float]] = None,
                should_stop: Optional[Callable[[], bool]] = None) -> tuple:
    """Improve the multipliers for at most ``iterations`` steps, fixing sites as the bound
    allows. ``on_choice(open mask)`` is shown the relaxed choice now and then and returns the
    best known total (a primal heuristic). Returns (best relaxation, its u, its price, closed,
    fixed_open, best known total)."""
    tonnes = problem.tonnes
    finite_capacity = np.isfinite(problem.capacity_t)
    capacity = np.where(finite_capacity, problem.capacity_t, 0.0)
    step, stalled = 1.0, 0
    reach_km = u * 1.25 + 1.0
    pairs = np.flatnonzero(problem.pair_km < reach_km[problem.pair_source])
    best = relax(problem, u, price, site_count, fixed_open, closed, pairs)
    best_u, best_price = u.copy(), price.copy()
    current = best
    for iteration in range(iterations):
        if should_stop is not None and should_stop():
            break
        if on_choice is not None and iteration % 10 == 0:
            upper = min(upper, on_choice(current.chosen))
        closed, fixed_open = fix_sites(current, upper, site_count, fixed_open, closed,
                                       problem.at_most)
        served = current.served & ~closed[problem.pair_site]
        # Subgradient in v = tonnes·u is 1 − (times served); the step is taken in u, measured
        # with the tonnes as weights, so each source moves by km.
        excess = 1.0 - np.bincount(problem.pair_source[served], minlength=problem.source_count)
        load = np.bincount(problem.pair_site[served], weights=tonnes[problem.pair_source[served]],
                           minlength=problem.candidate_count)
        grad_price = np.where(finite_capacity & current.chosen, load - capacity, 0.0)
        grad_price[(price <= 0) & (grad_price < 0)] = 0.0
        # Prices step in km per tonne too, measured with the capacities as weights.
        price_step = np.divide(grad_price, capacity, out=np.zeros_like(grad_price),
                               where=capacity > 0)
        norm = tonnes @ (excess * excess) + grad_price @ price_step
        target = upper if np.isfinite(upper) else current.bound + abs(current.bound) * 0.01 + 1.0
        if norm <= 0 or target <= current.bound:
            break
        length = step * (target - current.bound) / norm
        u = u + length * excess
        price = np.clip(price + length * price_step, 0.0, None)
        if (u > reach_km).any():
            reach_km = np.maximum(reach_km, u * 1.25 + 1.0)
            pairs = np.flatnonzero(problem.pair_km < reach_km[problem.pair_source])
        current = relax(problem, u, price, site_count, fixed_open, closed, pairs)
        if current.bound > best.bound + 1e-12 * abs(best.bound):
            best, best_u, best_price, stalled = current, u.copy(), price.copy(), 0
        else:
            stalled += 1
            if stalled >= 20:
                step, stalled = step / 2.0, 0
                if step < 1e-4:
                    break
    best = relax(problem, best_u, best_price, site_count, fixed_open, closed)
    closed, fixed_open = fix_sites(best, upper, site_count, fixed_open, closed, problem.at_most)
    return best, best_u, best_price, closed, fixed_open, upper
