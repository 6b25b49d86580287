"""Serving the sources from open capacitated sites: the transport programme and its cuts.

For open shares y (1 for an open site; fractions in the LP phase) the cheapest service is

    min Σ_ij tonnes_i·km_ij·x_ij   subject to   Σ_j x_ij = 1,   Σ_i tonnes_i·x_ij ≤ K_j·y_j,
                                               0 ≤ x_ij ≤ y_j,

x_ij being the share of source i's soil hauled to j (so a source may split). With the duals
α_i of the first rows (u_i = α_i / tonnes_i, in km) weak duality gives, for every y,

    cost(y) ≥ Σ_i α_i + Σ_j κ_j(u)·y_j,   κ_j(u) = min Σ_i tonnes_i·(km_ij − u_i)·x_ij
                                                   over Σ_i tonnes_i·x_ij ≤ K_j, 0 ≤ x ≤ 1,

a continuous knapsack per site (take the sources of most negative km_ij − u_i first), and with
the programme's optimal duals it is tight at y: the Benders optimality cut (Benders 1962; for
facility location, Fischetti, Ljubić & Sinnl 2017). When no service exists, the least soil left
unserved says by how much.
"""
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix, hstack

from .problem import SitingProblem


class TransportError(RuntimeError):
    pass


@dataclass
class Service:
    feasible: bool
    cost: float  # tonne-km (inf when infeasible)
    pairs: np.ndarray  # pair positions carrying soil
    share: np.ndarray  # share of the source's soil on each
    alpha: np.ndarray  # per source: the duals of the rows "served in full" (when feasible)
    unserved_t: float  # least soil no choice of service can place (0 when feasible)
    price: np.ndarray = None  # per site: capacity dual, km per tonne (≥ 0), when feasible


def serve(problem: SitingProblem, y_site: np.ndarray, method: str = "highs") -> Service:
    """The cheapest service from open shares ``y_site`` (per candidate)."""
    n = problem.source_count
    pairs = np.flatnonzero(y_site[problem.pair_site] > 1e-12)
    source, site = problem.pair_source[pairs], problem.pair_site[pairs]
    tonnes = problem.tonnes
    capped = np.flatnonzero(np.isfinite(problem.capacity_t) & (y_site > 1e-12))
    row_of_site = np.full(problem.candidate_count, -1, dtype=np.int64)
    row_of_site[capped] = np.arange(len(capped))
    in_capacity = row_of_site[site] >= 0
    capacity_matrix = csc_matrix(
        (tonnes[source[in_capacity]], (row_of_site[site[in_capacity]],
                                       np.flatnonzero(in_capacity))),
        shape=(len(capped), len(pairs)))
    capacity = problem.capacity_t[capped] * y_site[capped]
    assign = csc_matrix((np.ones(len(pairs)), (source, np.arange(len(pairs)))),
                        shape=(n, len(pairs)))
    covered = np.bincount(source, minlength=n) > 0
    bounds = np.column_stack([np.zeros(len(pairs)), y_site[site]])
    if covered.all() and len(pairs):
        result = linprog(tonnes[source] * problem.pair_km[pairs],
                         A_ub=capacity_matrix if len(capped) else None,
                         b_ub=capacity if len(capped) else None, A_eq=assign, b_eq=np.ones(n),
                         bounds=bounds, method=method)
        if result.status == 0:
            carrying = result.x > 1e-12
            price = np.zeros(problem.candidate_count)
            if len(capped):
                price[capped] = np.clip(-result.ineqlin.marginals, 0.0, None)
            return Service(True, float(result.fun), pairs[carrying], result.x[carrying],
                           result.eqlin.marginals.copy(), 0.0, price)
        if result.status != 2:
            raise TransportError(f"HiGHS: {result.message}")
    # No service: the least unserved tonnes, with an unserved column per source.
    elastic = csc_matrix((np.ones(n), (np.arange(n), np.arange(n))), shape=(n, n))
    result = linprog(np.r_[np.zeros(len(pairs)), tonnes],
                     A_ub=hstack([capacity_matrix, csc_matrix((len(capped), n))])
                     if len(capped) else None,
                     b_ub=capacity if len(capped) else None,
                     A_eq=hstack([assign, elastic]), b_eq=np.ones(n),
                     bounds=np.vstack([bounds, np.column_stack([np.zeros(n),
                                                                np.full(n, np.inf)])]),
                     method=method)
    if result.status != 0:
        raise TransportError(f"HiGHS: {result.message}")
    return Service(False, np.inf, np.zeros(0, np.int64), np.zeros(0),
                   result.eqlin.marginals.copy(), float(result.fun))


def knapsack_values(problem: SitingProblem, u: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """κ_j(u) per site: the least Σ tonnes·(km − u)·x a site could take, filling its capacity
    with the sources of most negative km − u first (all of them where it is unlimited)."""
    margin = problem.pair_km - u[problem.pair_source]
    take = (margin < 0) & ~closed[problem.pair_site]
    idx = np.flatnonzero(take)
    site = problem.pair_site[idx]
    order = np.lexsort((margin[idx], site))
    idx, site = idx[order], site[order]
    weight = problem.tonnes[problem.pair_source[idx]]
    starts = np.searchsorted(site, np.arange(problem.candidate_count + 1))
    total = np.cumsum(weight)
    before = total - weight - np.repeat(np.r_[0.0, total][starts[:-1]], np.diff(starts))
    room = problem.capacity_t[site] - before
    amount = np.clip(np.minimum(weight, room), 0.0, None)
    return np.bincount(site, weights=amount * margin[idx], minlength=problem.candidate_count)
