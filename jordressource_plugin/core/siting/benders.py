"""Exact choice of sites by Benders decomposition: HiGHS chooses the sites, the hauls are
priced outside it.

The master holds only the site variables and cost estimates; the hauls they imply come back as
cuts from a pricer. First the LP relaxation is solved to convergence (Kelley's cutting planes);
its bound and reduced costs close more sites (LP duality: raising y_j from 0 costs at least its
reduced cost). Then the master with binary sites: each solution is priced exactly and, where
the master's estimate falls short, cut off with a cut tight at it, until the master's proven
bound reaches the true cost of its own choice. That choice is optimal, HiGHS's bound the proof.

Uncapacitated sites are priced per source with the radius cuts (``radius_cuts``), capacitated
ones by the transport programme with one cost column (``transport``).
"""
import time
from typing import Callable, Optional, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from .master import COARSE_MIP_REL_GAP, MIP_REL_GAP, MasterError, solve_lp, solve_mip
from .problem import SitingProblem
from .radius_cuts import CutPool, remap_pool

# Totals within this relative difference are equal: the proof's tolerance and the ties'.
TOTAL_TOLERANCE = 1e-9
LP_ROUNDS = 60
# The LP phase stops when its bound gains less than this share over STALL_ROUNDS rounds: the
# integer phase then closes the rest (Kelley's method tails off on the transport cut).
STALL_GAIN = 2e-5
STALL_ROUNDS = 3
MIP_ROUNDS = 500


class BendersInfeasible(RuntimeError):
    """No choice of sites among those left serves every source."""


def close_enough(bound: float, total: float) -> bool:
    return bound >= total - TOTAL_TOLERANCE * max(abs(total), 1.0)


def tie_limit(total: float) -> float:
    return total + TOTAL_TOLERANCE * max(abs(total), 1.0)


def tie_preference(problem: SitingProblem, open_mask: np.ndarray) -> tuple:
    """Of two choices with the same total, the tie rule prefers the larger key: with opening
    costs the fewer sites, then the one opening the first candidate in id order that the
    other does not (smaller ids first)."""
    count = -int(open_mask.sum()) if problem.at_most else 0
    return count, [bool(open_mask[j]) for j in problem.id_order]


class Search:
    """One Benders search. ``incumbent`` (open mask, true total ``upper``) is the best known
    choice; ``make_pricer(fixed_open, closed)`` builds the pricer for the current fixings
    (``RadiusPricer`` or ``TransportPricer``)."""

    def __init__(self, problem: SitingProblem, site_count: int, fixed_open: np.ndarray,
                 closed: np.ndarray, make_pricer: Callable, incumbent: Optional[np.ndarray],
                 upper: float, bound: float = -np.inf, deadline: Optional[float] = None,
                 should_stop: Optional[Callable[[], bool]] = None,
                 log: Optional[Callable[[str], None]] = None):
        self.problem, self.site_count = problem, site_count
        self.fixed_open, self.closed = fixed_open.copy(), closed.copy()
        self.make_pricer = make_pricer
        self.best_mask, self.best_total = incumbent, upper
        self.bound = bound
        self.deadline, self.should_stop, self.log = deadline, should_stop, log
        self.pricer = make_pricer(self.fixed_open, self.closed)
        self.pool = CutPool()
        self.pricer.seed(self.pool, incumbent)
        self.lp_rounds = self.mip_rounds = 0
        # Every choice priced exactly, {mask bytes: (mask, total)}: a pricer may cut a priced
        # choice off (capacitated no-good rows), and ties must still see it.
        self.priced = {}
        self.note = "optimal"
        self.enumerated = None  # set when the last step enumerated the choices left

    # State ------------------------------------------------------------------------------
    @property
    def proven(self) -> bool:
        return self.best_mask is not None and close_enough(self.bound, self.best_total)

    def stopped(self) -> bool:
        if self.should_stop is not None and self.should_stop():
            self.note = "cancelled"
            return True
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.note = "time limit"
            return True
        return False

    def say(self, text: str) -> None:
        if self.log is not None:
            self.log(text)

    def _offer(self, open_mask, total):
        if np.isfinite(total):
            self.priced[open_mask.tobytes()] = (open_mask, total)
        if np.isfinite(total) and (self.best_mask is None or total < self.best_total):
            self.best_mask, self.best_total = open_mask, total

    @property
    def free_sites(self) -> np.ndarray:
        return self.pricer.free_sites

    @property
    def constant(self) -> float:
        """Opening costs of the sites fixed open: part of every total, outside the master."""
        return float(self.problem.opening_tkm[self.fixed_open].sum())

    def _solve_lp(self):
        try:
            solution = solve_lp(self.pricer.cost, self.pricer.lower, self.pool,
                                len(self.free_sites), self.free_count, self.problem.at_most)
        except MasterError as error:
            if error.infeasible:
                raise BendersInfeasible(str(error)) from error
            raise
        solution.objective += self.constant
        solution.bound += self.constant
        return solution

    @property
    def free_count(self) -> int:
        return self.site_count - int(self.fixed_open.sum())

    # LP phase ---------------------------------------------------------------------------
    def relax(self) -> None:
        """Kelley's cutting planes on the LP relaxation, then reduced-cost fixing."""
        history, solution = [], None
        for self.lp_rounds in range(1, LP_ROUNDS + 1):
            if self.stopped():
                return
            solution = self._solve_lp()
            self.bound = max(self.bound, solution.objective)
            added = self.pricer.separate(self.pool, solution.x)
            self.say(f"LP round {self.lp_rounds}: bound {solution.objective:,.1f} t·km, "
                     f"{added} cuts added, {len(self.pool)} in all")
            history.append(solution.objective)
            if not added or (len(history) > STALL_ROUNDS and history[-1] - history[
                    -1 - STALL_ROUNDS] <= STALL_GAIN * abs(history[-1])):
                break
        if solution is None:
            return
        self._round(solution.x[:len(self.free_sites)])
        if self.best_mask is None:
            return
        # Even with the optimum proven this pays: the ties are sought among fewer sites.
        limit = tie_limit(self.best_total)
        free = self.free_sites
        closed, fixed_open = self.closed.copy(), self.fixed_open.copy()
        closed[free[solution.objective + solution.reduced_low > limit]] = True
        fixed_open[free[solution.objective + solution.reduced_high > limit]] = True
        # Rows slack at the LP optimum rarely matter to the integer master: it gets the rest.
        slack = self.pool.slack(solution.x)
        self.pool.keep(np.flatnonzero(slack <= 1e-6 * np.maximum(np.abs(self.pool.rhs), 1.0)))
        if (closed != self.closed).any() or (fixed_open != self.fixed_open).any():
            self.fixed_open, self.closed = fixed_open, closed
            self.pricer = self.make_pricer(fixed_open, closed)
            remap_pool(self.pool, free, self.free_sites, fixed_open, len(self.free_sites))
        self.say(f"LP reduced costs leave {len(self.free_sites)} sites to choose from, "
                 f"{int(self.fixed_open.sum())} fixed open; {len(self.pool)} binding cuts kept")

    def _round(self, y):
        """The LP's sites rounded (its q largest shares; those above one half when the count
        is a maximum), priced exactly: often the LP is integral and this is the optimum."""
        order = np.argsort(-y, kind="stable")
        take = order[:self.free_count]
        if self.problem.at_most:
            take = take[y[take] > 0.5]
        open_mask = self.fixed_open.copy()
        open_mask[self.free_sites[take]] = True
        self._offer(open_mask, self.pricer.true_total(open_mask))

    # Integer phase ----------------------------------------------------------------------
    def integer(self, extra: Sequence = (), cap: Optional[float] = None) -> Optional[np.ndarray]:
        """Master with binary sites until its proven bound meets its own choice's true total.

        Without ``cap``: the optimum (``best_mask``, ``bound`` updated); returns it. With
        ``cap``: the first choice meeting ``extra`` rows whose true total is at most ``cap``,
        or None once the master proves there is none."""
        gap = COARSE_MIP_REL_GAP
        while not self.stopped():
            if len(self.free_sites) == 0 or (self.free_count <= 0 and not self.problem.at_most):
                return self._only_choice(cap)
            self.mip_rounds += 1
            try:
                solution = solve_mip(self.pricer.cost, self.pricer.lower, self.pool,
                                     len(self.free_sites), self.free_count,
                                     self.problem.at_most, self._remaining(), extra, gap)
            except MasterError as error:
                if not error.infeasible:
                    raise
                if cap is not None or extra:
                    return None
                if self.best_mask is not None:
                    # Every choice left was priced and cut off: the best of them is optimal.
                    self.bound = max(self.bound, self.best_total)
                    return self.best_mask
                raise BendersInfeasible(str(error)) from error
            solution.objective += self.constant
            solution.bound += self.constant
            if not extra:
                self.bound = max(self.bound, solution.bound)
            open_mask = self.fixed_open.copy()
            open_mask[self.free_sites[solution.x[:len(self.free_sites)] > 0.5]] = True
            total, added = self.pricer.price(self.pool, solution.x, open_mask)
            self.say(f"MIP round {self.mip_rounds}: master {solution.objective:,.1f}, bound "
                     f"{solution.bound:,.1f}, its choice costs {total:,.1f} t·km"
                     + ("" if solution.optimal else " (stopped by the time limit)"))
            self._offer(open_mask, total)
            if not solution.optimal:
                self.note = "time limit"
                return None
            if cap is not None:
                if total <= cap:
                    return open_mask
                if solution.bound > cap:
                    return None
            elif self.best_mask is not None and close_enough(solution.bound, self.best_total):
                # No choice left beats the best one priced: optimal, whichever round found it.
                self.bound = max(self.bound, min(solution.bound, self.best_total))
                return self.best_mask
            if not added:
                if gap == MIP_REL_GAP:
                    raise RuntimeError("a choice was priced above the master without a new cut")
                gap = MIP_REL_GAP  # the master's own choice is priced right: prove it
                continue
            if self.mip_rounds >= MIP_ROUNDS:
                self.note = "round limit"
                return None
        return None

    def _only_choice(self, cap):
        open_mask = self.fixed_open.copy()
        total = self.pricer.true_total(open_mask)
        if not np.isfinite(total):
            if cap is not None:
                return None
            raise BendersInfeasible("the sites fixed open do not serve every source")
        self._offer(open_mask, total)
        if cap is not None:
            return open_mask if total <= cap else None
        self.bound = max(self.bound, min(total, self.best_total))
        return open_mask

    def _remaining(self):
        return None if self.deadline is None else max(self.deadline - time.monotonic(), 0.0)

    # Rows over the master's site columns, for ties ------------------------------------------
    def site_rows(self, coefficients: dict, low: float, high: float) -> tuple:
        """One row Σ coefficient_j·y_j over candidates (dict site → coefficient)."""
        columns = np.full(self.problem.candidate_count, -1, dtype=np.int64)
        columns[self.free_sites] = np.arange(len(self.free_sites))
        sites = [j for j in coefficients if columns[j] >= 0]
        constant = sum(coefficients[j] for j in coefficients
                       if columns[j] < 0 and self.fixed_open[j])
        matrix = csr_matrix((np.array([coefficients[j] for j in sites], dtype=float),
                             (np.zeros(len(sites), dtype=np.int64), columns[sites])),
                            shape=(1, len(self.pricer.cost)))
        return matrix, low - constant, high - constant
