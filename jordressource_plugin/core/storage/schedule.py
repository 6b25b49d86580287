"""Solve the reuse schedule exactly with HiGHS and read the plan out of the solution.

The proof of optimality is the dual solution HiGHS returns with it: the log gets the status,
the objective and the gap between the primal and the dual objective (zero up to HiGHS's
tolerances at a proven optimum). The duals of the storage-capacity rows are the value of room:
one more tonne of capacity at site k at the end of month n lowers the optimal cost by −y_kn.

Stock is kept by storage site and origin group (see ``schedule_problem``); which excavation's
soil leaves in which month is read back oldest first, which always keeps every tonne within
the maximum dwell and charges the same storage cost.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from .release import split_by_month
from .schedule_problem import ScheduleProblem

# Flows below this share of the largest release are solver noise.
NOISE_SHARE = 1e-9


class ScheduleSolveError(RuntimeError):
    """HiGHS stopped without a proven optimum; the message says why and ``status`` is scipy's
    code for it (as ``AllocationError``'s), so that the plugin can say it in the user's
    language."""

    def __init__(self, message: str, status: Optional[int] = None):
        super().__init__(message)
        self.status = status


@dataclass
class ScheduleSolution:
    problem: ScheduleProblem
    values: np.ndarray  # tonnes per column, noise removed
    direct_column: np.ndarray  # direct soil by month: index into the direct block,
    direct_month: np.ndarray  # month,
    direct_t: np.ndarray  # tonnes
    source_disposal_t: np.ndarray  # per release row: what goes to disposal at the source
    capacity_value_dkk_t: np.ndarray  # per capacity row: saving of one more tonne of room
    cost_dkk: float
    status: str
    dual_gap_dkk: float  # primal minus dual objective

    def block(self, name: str) -> np.ndarray:
        block = getattr(self.problem, name)
        return self.values[block.start:block.stop]


def solve_schedule(problem: ScheduleProblem) -> ScheduleSolution:
    """The optimal schedule; raises ScheduleSolveError when HiGHS proves none."""
    release = problem.release
    if problem.variables:
        result = linprog(problem.cost, A_ub=problem.a_ub, b_ub=problem.b_ub,
                         A_eq=problem.a_eq if problem.a_eq.shape[0] else None,
                         b_eq=problem.b_eq if problem.a_eq.shape[0] else None,
                         bounds=(0, None), method="highs")
        if result.status != 0 or result.x is None:
            raise ScheduleSolveError(f"HiGHS stopped without an optimum (status "
                                     f"{result.status}): {result.message}", result.status)
        values, status = result.x, result.message
        dual_ub = result.ineqlin.marginals
        dual_eq = result.eqlin.marginals if problem.a_eq.shape[0] else np.zeros(0)
        gap = float(result.fun - (problem.b_ub @ dual_ub + problem.b_eq @ dual_eq))
    else:
        values, status, gap = np.zeros(0), "no move cheaper than disposal", 0.0
        dual_ub = np.zeros(problem.a_ub.shape[0])
    scale = max(1.0, float(release.row_tonnes.max(initial=0.0)))
    values = np.where(values > NOISE_SHARE * scale, values, 0.0)
    moves, direct, entry = problem.moves, problem.direct, problem.entry
    column, month, tonnes, source_disposal = split_by_month(
        release, problem.horizon.count, moves.direct.source[direct.item], direct.month,
        direct.last, values[direct.start:direct.stop], moves.entry.source[entry.item],
        entry.month, values[entry.start:entry.stop])
    cost = problem.constant_dkk + float(problem.cost @ values)
    capacity_value = np.clip(-dual_ub[problem.capacity_rows], 0.0, None)
    return ScheduleSolution(problem, values, column, month, tonnes, source_disposal,
                            capacity_value, cost, status, gap)


@dataclass
class StoragePieces:
    """Soil through storage, oldest first: one row per piece of one excavation's soil that
    entered a storage site in one month and left it in one month for one place."""
    pair: np.ndarray
    origin: np.ndarray  # excavation
    entered: np.ndarray  # month index
    left: np.ndarray  # month index
    receiver: np.ndarray  # -1: disposal from the storage site
    exit_arc: np.ndarray  # index into moves.exit, -1 for disposal
    tonnes: np.ndarray


def storage_pieces(solution: ScheduleSolution) -> StoragePieces:
    """Match what entered each pair with what left it, oldest first (FIFO): within a pair, the
    cumulative entries (by month, then excavation) and exits (by month) are cut at each other's
    breakpoints."""
    problem, moves = solution.problem, solution.problem.moves
    entries = pd.DataFrame({
        "pair": moves.entry_pair[problem.entry.item], "month": problem.entry.month,
        "origin": moves.entry.source[problem.entry.item], "tonnes": solution.block("entry")})
    entries = entries[entries["tonnes"] > 0].sort_values(["pair", "month", "origin"])
    exits = pd.concat([
        pd.DataFrame({"pair": moves.exit.source[problem.exit.item], "month": problem.exit.month,
                      "arc": problem.exit.item, "tonnes": solution.block("exit")}),
        pd.DataFrame({"pair": problem.out_disposal.item, "month": problem.out_disposal.month,
                      "arc": -1, "tonnes": solution.block("out_disposal")})])
    exits = exits[exits["tonnes"] > 0].sort_values(["pair", "month", "arc"])
    if not len(entries) or not len(exits):
        empty = np.zeros(0, np.int64)
        return StoragePieces(empty, empty, empty, empty, empty, empty, np.zeros(0))

    # Both sides on one axis per pair: a pair's stream starts where the previous pair's ended
    # on the entry side; exits are rescaled onto it so that noise cannot shift a pair's start.
    pairs = np.union1d(entries["pair"], exits["pair"])
    entered_total = entries.groupby("pair")["tonnes"].sum().reindex(pairs, fill_value=0.0)
    left_total = exits.groupby("pair")["tonnes"].sum().reindex(pairs, fill_value=0.0)
    base = pd.Series(np.r_[0.0, np.cumsum(entered_total.to_numpy())[:-1]], index=pairs)
    entry_end = base[entries["pair"]].to_numpy() + entries.groupby("pair")["tonnes"].cumsum() \
        .to_numpy()
    ratio = (entered_total / left_total.where(left_total > 0, 1.0)).to_numpy()
    ratio = pd.Series(ratio, index=pairs)
    exit_end = base[exits["pair"]].to_numpy() + (exits.groupby("pair")["tonnes"].cumsum()
                                                 * ratio[exits["pair"]].to_numpy()).to_numpy()
    cuts = np.unique(np.concatenate([[0.0], entry_end, exit_end]))
    lower, upper = cuts[:-1], cuts[1:]
    middle = (lower + upper) / 2
    entry_at = np.searchsorted(entry_end, middle)
    exit_at = np.searchsorted(exit_end, middle)
    inside = (entry_at < len(entries)) & (exit_at < len(exits))
    entry_at, exit_at = entry_at[inside], exit_at[inside]
    tonnes = (upper - lower)[inside]
    same_pair = entries["pair"].to_numpy()[entry_at] == exits["pair"].to_numpy()[exit_at]
    scale = max(1.0, float(solution.problem.release.row_tonnes.max(initial=0.0)))
    keep = same_pair & (tonnes > NOISE_SHARE * scale)
    entry_at, exit_at, tonnes = entry_at[keep], exit_at[keep], tonnes[keep]
    arc = exits["arc"].to_numpy()[exit_at]
    receiver = np.where(arc >= 0, moves.exit.receiver[np.maximum(arc, 0)], -1)
    return StoragePieces(entries["pair"].to_numpy()[entry_at],
                         entries["origin"].to_numpy()[entry_at],
                         entries["month"].to_numpy()[entry_at],
                         exits["month"].to_numpy()[exit_at], receiver, arc, tonnes)
