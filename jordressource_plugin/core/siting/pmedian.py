"""Where should the resource sites be? The exact p-median choice, with its proof.

Choose at most ``site_count`` candidates (exactly that many without opening costs) so that

    Σ_ij tonnes_ij·km_ij + Σ_j opening_j·open_j   (tonne-km; opening costs at the transport rate)

is least, every source served within the maximum haul by open sites, existing sites open, and
with capacities Σ_i tonnes_ij ≤ capacity_j (a source may then split between sites). This is the
p-median problem (Hakimi 1964; ReVelle & Swain 1970), capacitated when capacities are given.

Solved to a proven optimum in four steps, each making the next smaller:
1. greedy add and swap from several starts (``heuristic``) for a first choice and its total;
2. Lagrangian relaxation (``lagrange``): a lower bound, and the sites it proves open or closed
   in every choice at least as good as the best known (the bound's relaxed choices are tried
   as choices too);
3. Benders decomposition with HiGHS (``benders``) over the sites still undecided: the LP
   relaxation, reduced-cost fixing, then, when few sites are left undecided, every choice of
   them bounded and the promising ones priced exactly (``enumeration``), else the integer
   master until its proven bound meets the true total of its choice;
4. ties (equal totals within a relative 1e-9): with opening costs the fewest sites; then the
   smaller ids: the first candidate in id order that some equal choice opens is opened, and so
   on (lexicographic).

The gap (best total − proven bound) / best total is always reported; it is 0 unless the time
limit stopped the search, which the status then says.
"""
import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import numpy as np

from . import enumeration
from .benders import BendersInfeasible, Search, close_enough, tie_limit, tie_preference
from .errors import (
    CapacityShortfall,
    NoChoiceInTime,
    SiteCountAboveCandidates,
    SiteCountBelowExisting,
    SitingCancelled,
    SitingInfeasible,
)
from .heuristic import greedy_swap, improve, priced, uncapacitated_cost
from .lagrange import subgradient
from .problem import SitingProblem
from .radius_cuts import RadiusPricer
from .transport import serve
from .transport_cuts import TransportPricer

OPTIMAL = "optimal"
TIME_LIMIT = "time limit"
# Random starts of the local search beside the greedy one (seeded: runs repeat exactly).
RESTARTS = 6
LAGRANGE_ROUNDS = 8
PRICED_ROUNDS = 6
LAGRANGE_ITERATIONS = 100
# A relaxed choice within this share of the best total is improved by local search.
IMPROVE_WITHIN = 0.003


@dataclass
class SiteChoice:
    """A solved choice. Indexes are into the problem's candidates and into the input sources
    (``source``), flows in tonnes."""
    site_count: int
    open_sites: np.ndarray  # candidate indexes, in id order
    source: np.ndarray  # per flow: input index of the excavation
    site: np.ndarray  # per flow: candidate index
    tonnes: np.ndarray
    km: np.ndarray
    haul_tkm: float
    opening_tkm: float
    total_tkm: float  # haul + opening: the objective
    bound_tkm: float  # proven lower bound on the objective
    status: str  # OPTIMAL or TIME_LIMIT
    proof: list = field(default_factory=list)  # log lines (English, for support)
    # What each step did, for a translated log: heuristic_tkm, lagrange_bound_tkm, closed,
    # fixed_open, free (undecided sites after the Lagrangian), lp_rounds, mip_rounds, tie,
    # seconds; enumerated, enumerated_priced, enumerated_sites when the last step enumerated.
    stats: dict = field(default_factory=dict)

    @property
    def gap(self) -> float:
        """(total − bound) / total; 0 when proven (the bound is then within the relative
        tolerance 1e-9 of the total, HiGHS's own precision)."""
        if self.status == OPTIMAL or self.total_tkm <= 0:
            return 0.0
        return max(self.total_tkm - self.bound_tkm, 0.0) / self.total_tkm

    @property
    def proven(self) -> bool:
        return self.status == OPTIMAL


def check_site_count(problem: SitingProblem, site_count: int) -> None:
    """The input faults that depend on the site count (raised as ``SitingInputError``)."""
    if site_count > problem.candidate_count:
        raise SiteCountAboveCandidates(site_count, problem.candidate_count)
    existing = np.flatnonzero(problem.existing)
    if site_count < max(len(existing), 1):
        raise SiteCountBelowExisting(site_count, problem.candidate_ids[
            problem.id_order[np.isin(problem.id_order, existing)]])
    if problem.capacitated:
        free = np.sort(problem.capacity_t[~problem.existing])[::-1]
        most = problem.capacity_t[problem.existing].sum() + free[:site_count - len(existing)].sum()
        total = problem.tonnes.sum()
        if most < total * (1 - 1e-12):
            d = problem.density_t_m3
            raise CapacityShortfall((total - most) / d, total / d, most / d, site_count)


def choose_sites(problem: SitingProblem, site_count: int, time_limit_s: Optional[float] = None,
                 should_stop: Optional[Callable[[], bool]] = None,
                 log: Optional[Callable[[str], None]] = None,
                 start: Sequence[np.ndarray] = (), enumerate_last: bool = True) -> SiteChoice:
    """The optimal choice of ``site_count`` sites (at most, with opening costs). ``start``:
    open masks to try first (e.g. from the previous count's optimum). ``enumerate_last``: when
    few sites are left undecided, bound every choice of them (``enumeration``) rather than
    solve the integer master (tests turn it off to check both ways). Raises
    ``SitingInputError`` subclasses for bad input and ``SitingInfeasible`` when no choice
    serves every source."""
    check_site_count(problem, site_count)
    deadline = None if time_limit_s is None else time.monotonic() + float(time_limit_s)
    proof = []

    def say(text):
        proof.append(text)
        if log is not None:
            log(text)

    def stop():
        return should_stop is not None and should_stop()

    m = problem.candidate_count
    started = time.monotonic()
    kind = "capacitated" if problem.capacitated else "uncapacitated"
    say(f"{kind} p-median: {problem.source_count} excavations, {m} candidates, "
        f"{len(problem.pair_km)} pairs within {problem.max_haul_km:g} km, "
        f"{'at most ' if problem.at_most else ''}{site_count} sites, "
        f"{int(problem.existing.sum())} existing")
    upper = _Upper(problem, site_count)
    for mask in _starts(problem, site_count, start):
        upper.offer(improve(problem, site_count, mask))
        if stop():
            raise SitingCancelled()
    if problem.capacitated:
        _priced_search(problem, site_count, upper)
    say(f"greedy add + swap from {RESTARTS + 1} starts: best total "
        f"{upper.total:,.1f} t·km" if np.isfinite(upper.total)
        else "greedy add + swap found no choice serving every excavation")

    fixed_open, closed = problem.existing.copy(), np.zeros(m, dtype=bool)
    u = np.where(np.isfinite(upper.km), upper.km, problem.max_haul_km)
    price = np.zeros(m)
    relaxation = None
    for _ in range(LAGRANGE_ROUNDS):
        if stop():
            raise SitingCancelled()
        relaxation, u, price, closed, fixed_open, _ = subgradient(
            problem, site_count, upper.total, fixed_open, closed, u, price,
            LAGRANGE_ITERATIONS, upper.offer, should_stop)
        if (np.isfinite(upper.total) and close_enough(relaxation.bound, upper.total)) or \
                (deadline is not None and time.monotonic() > deadline):
            break
    free = int((~fixed_open & ~closed).sum())
    stats = {"heuristic_tkm": upper.total, "lagrange_bound_tkm": relaxation.bound,
             "closed": int(closed.sum()),
             "fixed_open": int((fixed_open & ~problem.existing).sum()), "free": free}
    say(f"Lagrangian bound {relaxation.bound:,.1f} t·km; it closes {int(closed.sum())} "
        f"candidates and fixes {int((fixed_open & ~problem.existing).sum())} open, "
        f"{free} left to choose from")

    pricer = _pricer_factory(problem, u, price)
    search = Search(problem, site_count, fixed_open, closed, pricer, upper.mask, upper.total,
                    relaxation.bound, deadline, should_stop, say)
    try:
        if not search.proven:
            search.relax()
        if not search.proven and not search.stopped() and not (
                enumerate_last and enumeration.timed(search, say)):
            search.integer()
    except BendersInfeasible:
        _diagnose_infeasible(problem, site_count)
    if search.note == "cancelled":
        raise SitingCancelled()
    if search.best_mask is None:
        if search.note == TIME_LIMIT:
            raise NoChoiceInTime(time_limit_s)
        _diagnose_infeasible(problem, site_count)
    status = OPTIMAL if search.proven else TIME_LIMIT
    open_mask, total = search.best_mask, search.best_total
    stats["tie"] = False
    if search.enumerated is not None:
        stats.update(tie=search.enumerated.tied, enumerated=search.enumerated.choices,
                     enumerated_priced=search.enumerated.priced,
                     enumerated_sites=len(search.free_sites))
    elif status == OPTIMAL:
        open_mask, stats["tie"] = _smallest_ids(search, open_mask, total, say)
    bound = min(search.bound, total)
    say(f"{'optimal' if status == OPTIMAL else 'stopped by the time limit'}: total "
        f"{total:,.1f} t·km, proven bound {bound:,.1f} t·km, gap "
        f"{max(total - bound, 0.0) / max(total, 1e-300):.3%}; {search.lp_rounds} LP and "
        f"{search.mip_rounds} MIP rounds of HiGHS, {time.monotonic() - started:.1f} s")
    stats.update(lp_rounds=search.lp_rounds, mip_rounds=search.mip_rounds,
                 seconds=time.monotonic() - started)
    return _choice(problem, site_count, open_mask, bound, status, proof, stats)


class _Upper:
    """The best known choice (upper bound), fed by the heuristics."""

    def __init__(self, problem, site_count):
        self.problem, self.site_count = problem, site_count
        self.mask, self.total = None, np.inf
        self.km = np.full(problem.source_count, np.inf)
        self.tried = set()

    def offer(self, mask):
        """Consider ``mask`` (improved by local search when promising); the best total."""
        key = mask.tobytes()
        count = int(mask.sum())
        if key in self.tried or count > self.site_count or (
                count < self.site_count and not self.problem.at_most) or (
                self.problem.existing & ~mask).any():
            return self.total
        self.tried.add(key)
        p = self.problem
        cost = uncapacitated_cost(p, mask)
        if not np.isfinite(cost):
            return self.total
        if not p.capacitated and cost < self.total * (1 + IMPROVE_WITHIN):
            mask = improve(p, self.site_count, mask)
            cost = uncapacitated_cost(p, mask)
        if p.capacitated:
            if cost >= self.total:
                return self.total  # capacities only add to the haul
            capacity = np.minimum(p.capacity_t[mask], p.tonnes.sum()).sum()
            if capacity < p.tonnes.sum():
                return self.total
            cost = _capacitated_total(p, mask)
        if cost < self.total:
            self.mask, self.total = mask.copy(), cost
            from .heuristic import nearest_open
            self.km = nearest_open(p, mask)[1]
        return self.total


def _priced_search(problem, site_count, upper):
    """Local search on the capacities' Lagrangian relaxation at the best choice's capacity
    prices (full sites make their hauls dearer), each result priced exactly, until no better
    choice comes out."""
    for _ in range(PRICED_ROUNDS):
        if upper.mask is None:
            return
        service = serve(problem, upper.mask.astype(float))
        view = priced(problem, service.price)
        before = upper.total
        upper.offer(improve(view, site_count, upper.mask))
        if not upper.total < before:
            return


def _capacitated_total(problem, mask):
    service = serve(problem, mask.astype(float))
    return service.cost + problem.opening_tkm[mask].sum() if service.feasible else np.inf


def _starts(problem, site_count, start):
    """Start masks: the given ones, greedy, and seeded random ones."""
    for mask in start or ():
        yield mask | problem.existing
    yield greedy_swap(problem, site_count)
    rng = np.random.default_rng(12345)
    free = np.flatnonzero(~problem.existing)
    q = site_count - int(problem.existing.sum())
    for _ in range(RESTARTS if q > 0 else 0):
        mask = problem.existing.copy()
        mask[rng.choice(free, q, replace=False)] = True
        yield mask


def _pricer_factory(problem, u, price):
    """Pricers seeded with the Lagrangian multipliers; the capacitated one prices its
    per-source part at the Lagrangian capacity prices."""
    if not problem.capacitated:
        return lambda fixed_open, closed: RadiusPricer(problem, fixed_open, closed, u)
    return lambda fixed_open, closed: TransportPricer(problem, fixed_open, closed, price, u)


def _diagnose_infeasible(problem, site_count):
    """Why no choice serves every source: short capacity within reach, or too few sites."""
    if problem.capacitated:
        service = serve(problem, np.ones(problem.candidate_count))
        if not service.feasible:
            d = problem.density_t_m3
            total = problem.tonnes.sum()
            raise CapacityShortfall(service.unserved_t / d, total / d,
                                    (total - service.unserved_t) / d, None, within_reach=True)
    raise SitingInfeasible(site_count, problem.max_haul_km)


def _smallest_ids(search: Search, open_mask, total, say):
    """Among choices whose total ties ``total``: with opening costs the fewest sites first;
    then the one opening the first candidate in id order that any of them opens, then the
    next, and so on. Returns (open mask, whether another choice tied)."""
    problem = search.problem
    limit = tie_limit(total)
    free = set(search.free_sites.tolist())
    every = {j: 1.0 for j in free}
    tied = False
    count_rows = []
    if problem.at_most:
        # A site that serves no soil and costs nothing ties; it is not worth opening.
        while any(open_mask[j] for j in free):
            opened = sum(1 for j in free if open_mask[j])
            found = search.integer(extra=[search.site_rows(every, -np.inf, opened - 1.0)],
                                   cap=limit)
            if found is None:
                break
            open_mask, tied = found, True
        opened = sum(1 for j in free if open_mask[j])
        count_rows = [search.site_rows(every, opened, opened)]
    # Is there another choice as good? One question to the master with a no-good row.
    chosen = {j: 1.0 for j in free if open_mask[j]}
    others = {j: -1.0 for j in free if j not in chosen}
    nogood = search.site_rows({**chosen, **others}, -np.inf, len(chosen) - 1.0)
    if search.integer(extra=[nogood] + count_rows, cap=limit) is None:
        if search.note == TIME_LIMIT:
            say("the time limit stopped the search for a tie with smaller ids")
        return _best_tie(problem, search, open_mask, limit, tied)
    say("another choice has the same total: ties go to the smaller ids")
    to_open = len(chosen)
    decided = {}
    for j in problem.id_order:
        if j not in free:
            continue
        if sum(decided.values()) >= to_open:
            break
        if open_mask[j]:
            decided[j] = 1.0
            continue
        rows = [search.site_rows({k: 1.0}, v, v) for k, v in decided.items()]
        rows.append(search.site_rows({j: 1.0}, 1.0, 1.0))
        found = search.integer(extra=rows + count_rows, cap=limit)
        if found is not None:
            open_mask = found
            decided[j] = 1.0
        else:
            decided[j] = 0.0
    return _best_tie(problem, search, open_mask, limit, True)


def _best_tie(problem, search, open_mask, limit, tied):
    """``open_mask`` or a tying choice priced earlier (which a no-good row may hide from the
    master), whichever the tie rule prefers: fewer sites with opening costs, then the first
    candidate in id order opened."""
    for mask, total in search.priced.values():
        if total <= limit and not np.array_equal(mask, open_mask):
            tied = True
            if tie_preference(problem, mask) > tie_preference(problem, open_mask):
                open_mask = mask
    return open_mask, tied


def _choice(problem, site_count, open_mask, bound, status, proof, stats):
    """Flows, totals and the proof of an open mask."""
    tonnes = problem.tonnes
    if problem.capacitated:
        service = serve(problem, open_mask.astype(float))
        pairs, share = service.pairs, service.share
        flow_t = tonnes[problem.pair_source[pairs]] * share
    else:
        from .heuristic import nearest_open
        site, _ = nearest_open(problem, open_mask)
        pairs = np.flatnonzero(site[problem.pair_source] == problem.pair_site)
        # The first pair of each source at its site (pairs are unique per source and site).
        flow_t = tonnes[problem.pair_source[pairs]]
    source = problem.source_index[problem.pair_source[pairs]]
    km = problem.pair_km[pairs]
    haul = float(flow_t @ km)
    opening = float(problem.opening_tkm[open_mask].sum())
    order = np.lexsort((problem.pair_site[pairs], source))
    ranked = problem.id_order[np.isin(problem.id_order, np.flatnonzero(open_mask))]
    return SiteChoice(site_count, ranked, source[order], problem.pair_site[pairs][order],
                      flow_t[order], km[order], haul, opening, haul + opening, bound, status,
                      proof, stats)
