"""Benders cuts for capacitated sites.

The master's transport cost θ (divided by the total tonnes, so a mean haul in km and every
coefficient in km: HiGHS sees well-scaled rows) is bounded from below by Lagrangian relaxation
of the capacities at fixed prices π ≥ 0 (km per tonne; the Lagrangian bound's capacity prices):
for every choice,

    transport(y) ≥ Σ_i tonnes_i·φ_i − Σ_j capacity_j·π_j·y_j,

φ_i being the distance from i to its nearest open site with every haul to j dearer by π_j: an
uncapacitated p-median on priced distances, cut per source by the radius cuts
(``radius_cuts``). This makes the master nearly as strong per source as without capacities.
Each choice the master proposes is then priced exactly by the transport programme
(``transport``); where the master underestimates it, the choice is cut off by a no-good row,
its total being known. (A transport cut, the classical Benders cut, would also be valid there,
but each one makes the next master far harder for HiGHS.) The master's proven bound over the
choices left, with the best choice priced, proves the optimum. The transport programme's cut at
the best known choice seeds the master.

Master columns: y of the free sites, φ per source, θ.
"""
from typing import Optional, Tuple

import numpy as np

from .problem import SitingProblem
from .radius_cuts import CutPool, RadiusPricer
from .transport import knapsack_values, serve


class TransportPricer:
    def __init__(self, problem: SitingProblem, fixed_open: np.ndarray, closed: np.ndarray,
                 price: np.ndarray, seed_u: Optional[np.ndarray] = None):
        self.problem = problem
        self.fixed_open, self.closed = fixed_open, closed
        self.prices = np.where(np.isfinite(problem.capacity_t), price, 0.0)
        self.radius = RadiusPricer(problem, fixed_open, closed, seed_u, price=self.prices)
        self.free_sites = self.radius.free_sites
        self.n = problem.source_count
        self.theta = len(self.free_sites) + self.n
        self.scale = float(problem.tonnes.sum())
        nearest_km = np.full(self.n, np.inf)
        keep = ~closed[problem.pair_site]
        np.minimum.at(nearest_km, problem.pair_source[keep], problem.pair_km[keep])
        self.cost = np.r_[problem.opening_tkm[self.free_sites], np.zeros(self.n), self.scale]
        self.lower = np.r_[np.zeros(len(self.free_sites)), self.radius.nearest_km,
                           problem.tonnes @ nearest_km / self.scale]

    def extra_rows(self) -> tuple:
        return ()

    def _add_row(self, pool: CutPool, site_coefficient, theta, rhs, sticky=False, phi=None):
        """Row theta·θ + Σ_free c_j·y_j (+ Σ phi_i·φ_i) ≥ rhs − Σ_fixed-open c_j, scaled."""
        constant = site_coefficient[self.fixed_open].sum()
        values = site_coefficient[self.free_sites]
        used = np.flatnonzero(values != 0)
        columns, coefficients = [used], [values[used]]
        if phi is not None:
            columns.append(len(self.free_sites) + np.arange(self.n))
            coefficients.append(phi)
        if theta:
            columns.append([self.theta])
            coefficients.append([theta])
        columns = np.concatenate(columns).astype(np.int64)
        pool.add(np.zeros(len(columns), dtype=np.int64), columns,
                 np.concatenate(coefficients) / self.scale, [(rhs - constant) / self.scale],
                 sticky)

    def _optimality_cut(self, pool, alpha):
        # θ·scale ≥ Σα + Σ κ_j y_j  ⇔  θ·scale − Σ κ_j y_j ≥ Σα
        kappa = knapsack_values(self.problem, alpha / self.problem.tonnes, self.closed)
        self._add_row(pool, -kappa, self.scale, alpha.sum())

    def _covering_rows(self, pool, open_mask):
        p = self.problem
        reached = np.bincount(p.pair_source[open_mask[p.pair_site]], minlength=self.n)
        self.radius.add_covering(pool, np.flatnonzero(reached == 0))

    def seed(self, pool: CutPool, incumbent: Optional[np.ndarray]) -> None:
        p = self.problem
        capacity = np.minimum(p.capacity_t, self.scale)
        if capacity[self.fixed_open].sum() < self.scale:
            self._add_row(pool, np.where(self.closed, 0.0, capacity), 0.0, self.scale,
                          sticky=True)
        # The Lagrangian link: scale·θ − Σ tonnes·φ + Σ capacity·π·y ≥ 0.
        held = np.where(np.isfinite(p.capacity_t), p.capacity_t, 0.0) * self.prices
        self._add_row(pool, np.where(self.closed, 0.0, held), self.scale, 0.0, sticky=True,
                      phi=-p.tonnes)
        self.radius.seed(pool, incumbent)
        if incumbent is not None:
            service = serve(p, incumbent.astype(float))
            if service.feasible:
                self._optimality_cut(pool, service.alpha)

    def true_total(self, open_mask: np.ndarray) -> float:
        service = serve(self.problem, open_mask.astype(float))
        if not service.feasible:
            return np.inf
        return service.cost + float(self.problem.opening_tkm[open_mask].sum())

    def separate(self, pool: CutPool, x: np.ndarray) -> int:
        """LP phase: the per-source (priced) radius cuts only. The transport cut would add one
        row per round and Kelley's method tails off on it; the integer phase adds it where the
        master's choices need it."""
        return self.radius.separate(pool, x[:self.theta])

    def price_choice(self, pool: CutPool, x: np.ndarray,
                     open_mask: np.ndarray) -> Tuple[float, int]:
        """True total of an integer choice, and cuts where the master underestimates it."""
        before = len(pool)
        self.radius.price(pool, x[:self.theta], open_mask)
        service = serve(self.problem, open_mask.astype(float))
        if not service.feasible:
            self._covering_rows(pool, open_mask)
            self._exclude(pool, open_mask)
            return np.inf, len(pool) - before
        if x[self.theta] * self.scale < service.cost * (1 - 1e-9):
            self._exclude(pool, open_mask)
        total = service.cost + float(self.problem.opening_tkm[open_mask].sum())
        return total, len(pool) - before

    def _exclude(self, pool, open_mask):
        """The no-good row Σ_open y − Σ_closed y ≤ |open| − 1 over the free sites: this choice,
        now priced exactly (its total is known), is not offered again. Transport cuts here
        would be tighter but make each master far harder for HiGHS; the Lagrangian part of the
        master keeps the others' estimates close, so few choices need excluding."""
        chosen = open_mask[self.free_sites]
        coefficient = np.zeros(self.problem.candidate_count)
        coefficient[self.free_sites] = np.where(chosen, -1.0, 1.0) * self.scale
        self._add_row(pool, coefficient, 0.0, (1.0 - chosen.sum()) * self.scale)

    price = price_choice
