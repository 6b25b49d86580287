"""Exact allocation of large problems through receiver prices.

With receiver prices p_j ≥ 0 (the duals of the capacity rows), every source's best choice is
independent of the others: the arc minimising (c_ij − e_i) + p_j, or disposal when none is
negative. At the optimum only a few sources are torn between choices (a basic solution splits at
most one source per filled receiver); the many others go wholly to one place. So:

1. estimate prices by maximising a smoothed dual (each source's choice softened into a
   log-sum-exp at a temperature lowered in steps) with L-BFGS-B: smooth and concave, so a
   few dozen vectorised evaluations land close to the exact prices;
2. fix each source whose best choice beats its second by a clear margin, and take the capacity
   it uses off its receiver; a receiver over-filled this way releases its sources;
3. solve the remaining sources exactly (``allocation.solve_columns``) on the residual
   capacities, which yields exact prices for this restricted programme;
4. check each fixed source against those prices; release every one whose choice is no longer a
   best choice, and go back to 3.

When no fixed source is released, the fixed choices and the restricted optimum together satisfy
primal feasibility, dual feasibility and complementary slackness of the full programme, so the
result is its exact optimum (not an approximation: the estimate only decides how much work the
exact steps have to do).
"""
from typing import Callable, Optional

import numpy as np
from scipy.optimize import minimize

from .columns import AllocationCancelled, cheapest_per_group, solve_columns

# Temperatures (DKK/t) of the smoothed dual, each maximisation starting from the last one's prices:
# the first sees the broad picture, the last is close to the exact programme.
PRICE_TEMPERATURES_DKK_T = (4.0, 1.0, 0.25)
PRICE_ITERATIONS = 60  # L-BFGS-B iterations per temperature, at most
# A source is fixed when its best choice beats the next by more than this many DKK/t.
FIX_MARGIN_DKK_T = 1.0
CHECK_TOLERANCE_DKK_T = 1e-6
SEED_COLUMNS_PER_SOURCE = 3


def solve_by_prices(profit: np.ndarray, source: np.ndarray, receiver: np.ndarray,
                    supply: np.ndarray, capacity: np.ndarray, columns_per_source: int,
                    full_lp_max_arcs: int,
                    should_stop: Optional[Callable[[], bool]] = None) -> tuple:
    """(flow per arc, status, LP solves, columns in the last) for arcs sorted by source."""
    starts = np.flatnonzero(np.r_[True, np.diff(source) != 0])
    owner = source[starts]
    prices = _estimate_prices(profit, source, receiver, starts, owner, supply, capacity)
    choice, margin = _best_choices(profit + prices[receiver], source, starts, owner, len(supply))
    free = margin <= FIX_MARGIN_DKK_T
    free[np.setdiff1d(np.arange(len(supply)), owner)] = False  # no arcs: disposal, nothing to do
    rounds, status = 0, ""
    # Arcs of the last programme, to start the next; at first each source's best arcs under the
    # estimated prices, where its optimal choices most likely are.
    known = np.zeros(len(profit), dtype=bool)
    known[cheapest_per_group(source, profit + prices[receiver], np.arange(len(profit)),
                              SEED_COLUMNS_PER_SOURCE)] = True
    while True:
        if should_stop is not None and should_stop():
            raise AllocationCancelled("cancelled")
        free = _release_overfilled(free, choice, margin, receiver, supply, capacity)
        fixed_arc = np.flatnonzero(~free & (choice >= 0))
        used = np.bincount(receiver[choice[fixed_arc]], weights=supply[fixed_arc],
                           minlength=len(capacity))
        in_lp = free[source]
        flow_lp, prices, status, solves, active = solve_columns(
            profit[in_lp], source[in_lp], receiver[in_lp], np.where(free, supply, 0.0),
            np.clip(capacity - used, 0.0, None), columns_per_source, full_lp_max_arcs,
            should_stop, known[in_lp])
        rounds += solves
        known[:] = False
        known[np.flatnonzero(in_lp)[active]] = True
        violating = _violations(profit + prices[receiver], source, starts, owner, choice, free)
        if not violating.any():
            break
        free |= violating
    flow = np.zeros(len(profit))
    flow[in_lp] = flow_lp
    flow[choice[fixed_arc]] = supply[fixed_arc]
    return flow, status, rounds, int(known.sum())


def _estimate_prices(profit, source, receiver, starts, owner, supply, capacity):
    """Receiver prices p ≥ 0 maximising the smoothed dual

        Σ_i s_i·softmin_τ(0, (c_ij − e_i) + p_j over the arcs of i) − Σ_j p_j·k_j,

    softmin_τ(v) = −τ·log Σ exp(−v/τ), which tends to the programme's Lagrangian dual as τ → 0.
    Its gradient in p_j is the soil the sources send to j under softmax shares, less k_j: a
    receiver asked for more than its capacity gets dearer, as in an auction, but smoothly."""
    lengths = np.diff(np.r_[starts, len(profit)])
    owner_supply = supply[owner]
    arc_supply = np.repeat(owner_supply, lengths)
    scale = max(float(supply.sum() + capacity.sum()), 1.0)

    def negative_dual(prices, temperature):
        value = profit + prices[receiver]
        low = np.minimum(np.minimum.reduceat(value, starts), 0.0)  # disposal has value 0
        weight = np.exp((np.repeat(low, lengths) - value) / temperature)
        total = np.add.reduceat(weight, starts) + np.exp(low / temperature)
        dual = owner_supply @ (low - temperature * np.log(total)) - prices @ capacity
        sent = np.bincount(receiver, weights=arc_supply * weight / np.repeat(total, lengths),
                           minlength=len(capacity))
        return -dual / scale, (capacity - sent) / scale

    prices = np.zeros(len(capacity))
    bounds = [(0.0, None)] * len(capacity)
    for temperature in PRICE_TEMPERATURES_DKK_T:
        prices = minimize(negative_dual, prices, args=(temperature,), jac=True,
                          method="L-BFGS-B", bounds=bounds,
                          options={"maxiter": PRICE_ITERATIONS}).x
    return prices


def _first_best(value, source, starts, best):
    """Per source with arcs, the first arc position attaining its best value."""
    lengths = np.diff(np.r_[starts, len(value)])
    hit = np.flatnonzero(value <= np.repeat(best, lengths))
    return hit[np.r_[True, source[hit][1:] != source[hit][:-1]]]


def _best_choices(value, source, starts, owner, count):
    """Per source: its best arc (-1 for disposal) and how much better it is than the next best
    option, disposal (value 0) included."""
    lengths = np.diff(np.r_[starts, len(value)])
    best = np.minimum.reduceat(value, starts)
    first = _first_best(value, source, starts, best)
    others = value.copy()
    others[first] = np.inf
    second = np.minimum(np.minimum.reduceat(others, starts), 0.0)
    single = lengths == 1
    second[single] = 0.0
    choice = np.full(count, -1, dtype=np.int64)
    margin = np.full(count, np.inf)
    goes = best < 0
    choice[owner[goes]] = first[goes]
    margin[owner[goes]] = second[goes] - best[goes]
    margin[owner[~goes]] = -best[~goes]  # disposal: how far the best arc is from paying off
    return choice, margin


def _release_overfilled(free, choice, margin, receiver, supply, capacity):
    """Free the least clear-cut fixed sources of each receiver that fixed sources alone
    over-fill, until what stays fixed fits."""
    free = free.copy()
    fixed = np.flatnonzero(~free & (choice >= 0))
    target = receiver[choice[fixed]]
    used = np.bincount(target, weights=supply[fixed], minlength=len(capacity))
    over = used > capacity
    if over.any():
        crowded = fixed[over[target]]
        target = receiver[choice[crowded]]
        order = np.lexsort((-margin[crowded], target))
        crowded, target = crowded[order], target[order]
        starts = np.flatnonzero(np.r_[True, np.diff(target) != 0])
        load = np.cumsum(supply[crowded])
        before = np.repeat(load[starts] - supply[crowded][starts], np.diff(np.r_[starts,
                                                                                 len(crowded)]))
        free[crowded[load - before > capacity[target]]] = True
    return free


def _violations(value, source, starts, owner, choice, free):
    """Fixed sources whose fixed option is not among their best under the exact prices."""
    best = np.minimum(np.minimum.reduceat(value, starts), 0.0)
    current = np.zeros(len(free))
    current_best = np.zeros(len(free))
    current_best[owner] = best
    assigned = choice >= 0
    current[assigned] = value[choice[assigned]]
    return ~free & (current > current_best + CHECK_TOLERANCE_DKK_T)
