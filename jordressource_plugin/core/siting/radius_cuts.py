"""Benders cuts of the p-median on the radius formulation (uncapacitated sites).

A source's haul under a choice of open sites y is its distance to the nearest open one. With its
candidates sorted by distance d_1 ≤ d_2 ≤ …, for any level D the inequality

    φ_i ≥ D − Σ_j max(0, D − d_ij)·y_j

holds for every integer y (it is D while nothing within D is open, and at most the nearest open
distance otherwise), and at the critical level, the distance at which the open share within
reach first reaches one, it is the best cut for a fractional y too: the Benders cut of the
radius formulation (Elloumi 2010; Duran-Mateluna, Ales & Elloumi 2023, "An efficient Benders
decomposition for the p-median problem", EJOR 308). The objective is Σ_i tonnes_i·φ_i, so φ is
in km. A source with no open share of one within reach is uncovered: the cut is then the
covering row Σ_{j in reach} y_j ≥ 1 (a feasibility cut).

Sites fixed open count as y = 1 (their terms move to the right-hand side); closed sites are
left out of every row.
"""
from dataclasses import dataclass, field
from typing import Optional, Sequence, Tuple

import numpy as np

from .problem import SitingProblem


@dataclass
class CutPool:
    """Cut rows over the master's columns: y of the free sites then φ of the sources.
    Row r reads Σ coefficient·column ≥ rhs."""
    row: list = field(default_factory=list)
    column: list = field(default_factory=list)
    value: list = field(default_factory=list)
    rhs: list = field(default_factory=list)
    sticky: list = field(default_factory=list)  # rows ``keep`` never drops (covering rows)
    covered: set = field(default_factory=set)  # sources with a covering row

    def __len__(self):
        return len(self.rhs)

    def add(self, rows: np.ndarray, columns: np.ndarray, values: np.ndarray, rhs: Sequence,
            sticky: bool = False) -> None:
        start = len(self.rhs)
        self.row.append(np.asarray(rows, dtype=np.int64) + start)
        self.column.append(np.asarray(columns, dtype=np.int64))
        self.value.append(np.asarray(values, dtype=float))
        rhs = np.atleast_1d(np.asarray(rhs, dtype=float))
        self.rhs.extend(rhs.tolist())
        self.sticky.extend([sticky] * len(rhs))

    def arrays(self) -> tuple:
        if not self.rhs:
            empty = np.zeros(0)
            return empty.astype(np.int64), empty.astype(np.int64), empty, empty
        return (np.concatenate(self.row), np.concatenate(self.column),
                np.concatenate(self.value), np.asarray(self.rhs))

    def slack(self, x: np.ndarray) -> np.ndarray:
        """Per row: left-hand side minus right-hand side at ``x``."""
        r, c, v, b = self.arrays()
        return np.bincount(r, weights=v * x[c], minlength=len(b)) - b

    def keep(self, rows: np.ndarray) -> None:
        """Only ``rows`` (sorted positions) and the sticky ones stay, renumbered in order."""
        r, c, v, b = self.arrays()
        rows = np.union1d(rows, np.flatnonzero(self.sticky)).astype(np.int64)
        self.sticky = [self.sticky[k] for k in rows]
        renumber = np.full(len(b), -1, dtype=np.int64)
        renumber[rows] = np.arange(len(rows))
        kept = renumber[r] >= 0
        self.row, self.column, self.value = [renumber[r][kept]], [c[kept]], [v[kept]]
        self.rhs = b[rows].tolist()


def remap_pool(pool: CutPool, old_free: np.ndarray, new_free: np.ndarray, now_open: np.ndarray,
               new_cost_start: int) -> None:
    """The pool over a smaller set of free sites: columns of sites now closed drop out, those of
    sites now fixed open move to the right-hand side (y = 1), cost columns shift."""
    r, c, v, b = pool.arrays()
    b = b.copy()
    site_entry = c < len(old_free)
    site = np.where(site_entry, old_free[np.minimum(c, len(old_free) - 1)], -1)
    column_of = np.full(max(int(old_free.max(initial=-1)) + 1, 1), -1, dtype=np.int64)
    column_of[new_free] = np.arange(len(new_free))
    to_rhs = site_entry & now_open[np.maximum(site, 0)]
    np.subtract.at(b, r[to_rhs], v[to_rhs])
    new_column = np.where(site_entry, column_of[np.maximum(site, 0)],
                          c - len(old_free) + new_cost_start)
    kept = new_column >= 0
    kept &= ~to_rhs
    pool.row, pool.column, pool.value = [r[kept]], [new_column[kept]], [v[kept]]
    pool.rhs = b.tolist()


class RadiusPricer:
    """Radius cuts for one problem with fixed-open and closed sites. Master columns: y of the
    free sites, then φ (km) per source. ``seed_u``: Lagrangian multipliers (km per source) for
    a first cut per source. ``price``: km per tonne added to every haul to a site (capacity
    prices, see ``transport_cuts``); the pairs are then re-sorted by priced distance."""

    def __init__(self, problem: SitingProblem, fixed_open: np.ndarray, closed: np.ndarray,
                 seed_u: Optional[np.ndarray] = None, price: Optional[np.ndarray] = None):
        self.problem = problem
        keep = np.flatnonzero(~closed[problem.pair_site])
        if price is not None:
            priced = problem.pair_km[keep] + price[problem.pair_site[keep]]
            keep = keep[np.lexsort((priced, problem.pair_source[keep]))]
        self.source = problem.pair_source[keep]
        self.site = problem.pair_site[keep]
        self.km = problem.pair_km[keep] + (0.0 if price is None else price[self.site])
        self.free = ~fixed_open & ~closed
        self.free_sites = np.flatnonzero(self.free)
        self.column_of = np.full(problem.candidate_count, -1, dtype=np.int64)
        self.column_of[self.free_sites] = np.arange(len(self.free_sites))
        self.fixed_open = fixed_open
        self.seed_u = seed_u
        self.n = problem.source_count
        self.start = np.searchsorted(self.source, np.arange(self.n + 1))
        # Nearest fixed-open site: no source ever hauls farther.
        self.cap_km = self._first_km(fixed_open[self.site])
        self.nearest_km = self._first_km(np.ones(len(self.site), dtype=bool))
        self.cost = np.r_[problem.opening_tkm[self.free_sites], problem.tonnes]
        self.lower = np.r_[np.zeros(len(self.free_sites)), self.nearest_km]

    def _first_km(self, mask):
        km = np.full(self.n, np.inf)
        hit = np.flatnonzero(mask)
        if len(hit):
            first = hit[np.r_[True, self.source[hit][1:] != self.source[hit][:-1]]]
            km[self.source[first]] = self.km[first]
        return km

    def extra_rows(self) -> tuple:
        return ()

    def seed(self, pool: CutPool, incumbent: Optional[np.ndarray]) -> None:
        """The cuts tight at the incumbent and the Lagrangian ones at the multipliers."""
        if incumbent is not None:
            km = self.haul_km(incumbent)
            self.add_cuts(pool, np.flatnonzero(np.isfinite(km)), km)
        if self.seed_u is not None:
            level = np.minimum(self.seed_u, self.cap_km)
            self.add_cuts(pool, np.flatnonzero(np.isfinite(level) & (level > self.nearest_km)),
                          level)

    def haul_km(self, open_mask: np.ndarray) -> np.ndarray:
        """Per source, the distance to its nearest open site (inf where none)."""
        return self._first_km(open_mask[self.site])

    def true_total(self, open_mask: np.ndarray) -> float:
        km = self.haul_km(open_mask)
        return float(self.problem.tonnes @ km + self.problem.opening_tkm[open_mask].sum())

    def separate(self, pool: CutPool, x: np.ndarray) -> int:
        """Add the violated radius cuts and covering rows at a fractional point; how many."""
        y_site = self.fixed_open.astype(float)
        y_site[self.free_sites] = x[:len(self.free_sites)]
        phi = x[len(self.free_sites):]
        level = self.critical_levels(y_site)
        before = len(pool)
        self.add_covering(pool, np.flatnonzero(~np.isfinite(level)))
        claimed = self.cut_values(y_site, level)
        violated = np.isfinite(level) & (phi < claimed - 1e-9 * np.maximum(claimed, 1.0))
        self.add_cuts(pool, np.flatnonzero(violated), level)
        return len(pool) - before

    def price(self, pool: CutPool, x: np.ndarray, open_mask: np.ndarray) -> Tuple[float, int]:
        """True total of an integer choice, and cuts where the master's φ falls short of it."""
        km = self.haul_km(open_mask)
        uncovered = np.flatnonzero(~np.isfinite(km))
        before = len(pool)
        if len(uncovered):
            self.add_covering(pool, uncovered)
            return np.inf, len(pool) - before
        phi = x[len(self.free_sites):]
        self.add_cuts(pool, np.flatnonzero(phi < km - 1e-9 * np.maximum(km, 1.0)), km)
        return self.true_total(open_mask), len(pool) - before

    def critical_levels(self, y_site: np.ndarray) -> np.ndarray:
        """Per source, the critical level D (km) for open shares ``y_site`` (per candidate),
        inf where the open share within reach stays below one."""
        share = y_site[self.site]
        total = np.cumsum(share)
        before = np.r_[0.0, total][self.start[:-1]]
        within = total - np.repeat(before, np.diff(self.start))
        return self._first_km(within >= 1.0 - 1e-9)

    def cut_values(self, y_site: np.ndarray, level: np.ndarray) -> np.ndarray:
        """Per source, the haul (km) the cut at ``level`` claims at ``y_site``."""
        finite = np.isfinite(level)
        gap = np.where(finite[self.source], level[self.source] - self.km, 0.0)
        gap = np.clip(gap, 0.0, None)
        value = np.where(finite, level, 0.0)
        return value - np.bincount(self.source, weights=gap * y_site[self.site], minlength=self.n)

    def add_cuts(self, pool: CutPool, sources: np.ndarray, level: np.ndarray) -> None:
        """Cuts at ``level`` (km, finite) for ``sources`` (array of indexes)."""
        if not len(sources):
            return
        row_of = np.full(self.n, -1, dtype=np.int64)
        row_of[sources] = np.arange(len(sources))
        chosen = row_of[self.source] >= 0
        gap = np.where(chosen, level[self.source] - self.km, 0.0)
        term = chosen & (gap > 0)
        fixed = term & self.fixed_open[self.site]
        rhs = level[sources] - np.bincount(row_of[self.source[fixed]], weights=gap[fixed],
                                           minlength=len(sources))
        free = term & self.free[self.site]
        rows = np.r_[row_of[self.source[free]], np.arange(len(sources))]
        columns = np.r_[self.column_of[self.site[free]], len(self.free_sites) + sources]
        values = np.r_[gap[free], np.ones(len(sources))]
        pool.add(rows, columns, values, rhs)

    def add_covering(self, pool: CutPool, sources: np.ndarray) -> None:
        """Covering rows Σ_{free j in reach} y_j ≥ 1 for sources no fixed-open site reaches."""
        sources = np.asarray([s for s in sources if s not in pool.covered
                              and not np.isfinite(self.cap_km[s])], dtype=np.int64)
        if not len(sources):
            return
        pool.covered.update(sources.tolist())
        row_of = np.full(self.n, -1, dtype=np.int64)
        row_of[sources] = np.arange(len(sources))
        take = (row_of[self.source] >= 0) & self.free[self.site]
        pool.add(row_of[self.source[take]], self.column_of[self.site[take]],
                 np.ones(int(take.sum())), np.ones(len(sources)), sticky=True)
