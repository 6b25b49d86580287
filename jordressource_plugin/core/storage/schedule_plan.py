"""A reuse schedule with storage, and the same schedule without: flows by month and leg, stock
by storage site and month, storage-site figures with the value of more room, and totals.

Every flow carries its own cost, the storage months of soil that leaves storage included, so
the flows' costs add up to the optimal total.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..reuse.costs import CostRates, DisposalChoice, HaulPairsFunction, choose_disposal
from ..reuse.problem import AreaRule, Excavations, Receivers
from .moves import ScheduleHaul, StorageSites, build_moves
from .periods import Horizon, horizon_of, open_months, open_months_within
from .release import release_of
from .schedule import ScheduleSolution, solve_schedule, storage_pieces
from .schedule_problem import build_schedule_problem
from .storage_costs import StorageRates

DIRECT, TO_STORAGE, FROM_STORAGE, DISPOSAL = "direct", "to_storage", "from_storage", "disposal"
EXCAVATION, RECEIVER, STORAGE = "excavation", "receiver", "storage"
NO_MONTH = -1  # soil of an excavation whose window ends before it starts: disposal, no month


@dataclass
class ScheduleSummary:
    released_t: float
    reused_m3: float
    disposed_m3: float
    stored_t: float  # entered storage
    cost_dkk: float
    tonne_km: float
    co2_kg: float
    status: str
    dual_gap_dkk: float
    variables: int
    rows: int
    nonzeros: int

    def reused_share(self, density_t_m3: float) -> float:
        return self.reused_m3 * density_t_m3 / self.released_t if self.released_t > 0 else 0.0


@dataclass
class SchedulePlan:
    solution: ScheduleSolution
    flows: pd.DataFrame  # month, leg, from_kind, from_index, to_kind, to_index, origin, ...
    stock: pd.DataFrame  # per usable storage site and month: stock_t, capacity_t, share_used
    sites: pd.DataFrame  # per storage site: peak_stock_t, throughput_t, mean_dwell_months, ...
    summary: ScheduleSummary


@dataclass
class ScheduleResult:
    horizon: Horizon
    with_storage: SchedulePlan
    without_storage: SchedulePlan
    receivers_never_open: np.ndarray  # indexes: window ends before it starts
    excavations_unscheduled: np.ndarray  # indexes: window ends before it starts (to disposal)
    unusable_storage: np.ndarray  # indexes: no capacity or no class
    storage_never_open: np.ndarray  # indexes: window reversed or outside the horizon


def plan_schedule(excavations: Excavations, receivers: Receivers, storage: StorageSites,
                  disposal_xy: np.ndarray, disposal_gate_fee_dkk_t: np.ndarray, rates: CostRates,
                  storage_rates: StorageRates, area_rule: AreaRule, max_haul_km: float,
                  haul_pairs: HaulPairsFunction) -> ScheduleResult:
    """The optimal schedule with storage and without. Raises periods.NoDates without any date,
    periods.HorizonTooLong over 20 years, schedule.ScheduleSolveError if HiGHS fails."""
    horizon = horizon_of({"excavations": (excavations.start_day, excavations.end_day),
                          "receivers": (receivers.start_day, receivers.end_day)})
    release = release_of(excavations, horizon, rates.density_t_m3)
    receiver_open = open_months(receivers.start_day, receivers.end_day, horizon)
    count = len(storage.capacity_m3)
    storage_open = open_months_within(
        np.full(count, np.nan) if storage.start_day is None else storage.start_day,
        np.full(count, np.nan) if storage.end_day is None else storage.end_day, horizon)
    storage_xy = np.asarray(storage.xy, dtype=float).reshape(-1, 2)
    source_disposal = choose_disposal(excavations.xy, disposal_xy, disposal_gate_fee_dkk_t, rates,
                                      haul_pairs)
    storage_disposal = choose_disposal(storage_xy, disposal_xy, disposal_gate_fee_dkk_t, rates,
                                       haul_pairs)
    haul = ScheduleHaul(haul_pairs(excavations.xy, receivers.xy, max_haul_km),
                        haul_pairs(excavations.xy, storage_xy, max_haul_km),
                        haul_pairs(storage_xy, receivers.xy, max_haul_km))
    moves = build_moves(excavations, receivers, storage, haul, source_disposal.cost_dkk_t,
                        storage_disposal.cost_dkk_t, rates, area_rule, max_haul_km,
                        storage_rates.handling_dkk_t)
    density = rates.density_t_m3
    plans = []
    for use_storage in (True, False):
        problem = build_schedule_problem(
            moves, horizon, release, receiver_open,
            np.asarray(receivers.capacity_m3, dtype=float) * density,
            np.nan_to_num(np.asarray(storage.capacity_m3, dtype=float)) * density,
            source_disposal.cost_dkk_t, storage_disposal.cost_dkk_t,
            storage_rates.max_dwell_months, storage_rates.storage_dkk_t_month, use_storage,
            storage_open)
        plans.append(tabulate(solve_schedule(problem), source_disposal, storage_disposal, rates,
                              storage_rates))
    first, last = receiver_open
    return ScheduleResult(horizon, plans[0], plans[1], np.flatnonzero(first > last),
                          np.flatnonzero(release.first > release.last), moves.unusable_storage,
                          np.flatnonzero(storage_open[0] > storage_open[1]))


def tabulate(solution: ScheduleSolution, source_disposal: DisposalChoice,
             storage_disposal: DisposalChoice, rates: CostRates,
             storage_rates: StorageRates) -> SchedulePlan:
    problem, moves = solution.problem, solution.problem.moves
    release, density = problem.release, rates.density_t_m3
    storage_cost = storage_rates.storage_dkk_t_month
    frames = []

    def add(month, leg, from_kind, from_index, to_kind, to_index, origin, tonnes, distance_km,
            cost_dkk_t):
        carrying = np.asarray(tonnes) > 0
        frames.append(pd.DataFrame({
            "month": np.asarray(month)[carrying], "leg": leg, "from_kind": from_kind,
            "from_index": np.asarray(from_index)[carrying], "to_kind": to_kind,
            "to_index": np.broadcast_to(to_index, carrying.shape)[carrying],
            "origin": np.broadcast_to(origin, carrying.shape)[carrying],
            "tonnes": np.asarray(tonnes)[carrying],
            "distance_km": np.asarray(distance_km)[carrying],
            "cost_dkk": (np.asarray(tonnes) * cost_dkk_t)[carrying]}))

    arc = problem.direct.item[solution.direct_column]
    add(solution.direct_month, DIRECT, EXCAVATION, moves.direct.source[arc], RECEIVER,
        moves.direct.receiver[arc], moves.direct.source[arc], solution.direct_t,
        moves.direct.distance_km[arc], moves.direct.cost_dkk_t[arc])
    arc = problem.entry.item
    add(problem.entry.month, TO_STORAGE, EXCAVATION, moves.entry.source[arc], STORAGE,
        moves.entry.storage[arc], moves.entry.source[arc], solution.block("entry"),
        moves.entry.distance_km[arc], moves.entry.cost_dkk_t[arc])
    pieces = storage_pieces(solution)
    storage_site = moves.pair_storage[pieces.pair]
    arc = np.maximum(pieces.exit_arc, 0)
    to_receiver = pieces.exit_arc >= 0
    dwell_cost = storage_cost * (pieces.left - pieces.entered)
    add(pieces.left, np.where(to_receiver, FROM_STORAGE, DISPOSAL), STORAGE, storage_site,
        np.where(to_receiver, RECEIVER, DISPOSAL),
        np.where(to_receiver, pieces.receiver, storage_disposal.site[storage_site]),
        pieces.origin, pieces.tonnes,
        np.where(to_receiver, moves.exit.distance_km[arc], storage_disposal.haul_km[storage_site]),
        np.where(to_receiver, moves.exit.cost_dkk_t[arc],
                 storage_disposal.cost_dkk_t[storage_site]) + dwell_cost)
    # Disposal at the source: a free release goes in its first open month.
    site = release.row_site
    month = np.where(release.row_month >= 0, release.row_month, release.first[site])
    unscheduled = np.flatnonzero(release.first > release.last)
    add(np.r_[month, np.full(len(unscheduled), NO_MONTH)], DISPOSAL, EXCAVATION,
        np.r_[site, unscheduled], DISPOSAL, source_disposal.site[np.r_[site, unscheduled]],
        np.r_[site, unscheduled],
        np.r_[solution.source_disposal_t, release.tonnes[unscheduled]],
        source_disposal.haul_km[np.r_[site, unscheduled]],
        source_disposal.cost_dkk_t[np.r_[site, unscheduled]])
    flows = pd.concat(frames, ignore_index=True)
    flows["volume_m3"] = flows["tonnes"] / density
    flows["tonne_km"] = flows["tonnes"] * flows["distance_km"]
    flows = flows.sort_values(["month", "leg", "from_index", "to_index", "origin"],
                              kind="stable", ignore_index=True)

    stock, sites = _storage_tables(solution, pieces, density)
    delivered = flows["to_kind"] == RECEIVER
    disposed = flows["leg"] == DISPOSAL
    tonne_km = float(flows["tonne_km"].sum())
    summary = ScheduleSummary(
        released_t=float(release.tonnes.sum()),
        reused_m3=float(flows.loc[delivered, "tonnes"].sum() / density),
        disposed_m3=float(flows.loc[disposed, "tonnes"].sum() / density),
        stored_t=float(flows.loc[flows["leg"] == TO_STORAGE, "tonnes"].sum()),
        cost_dkk=solution.cost_dkk, tonne_km=tonne_km, co2_kg=tonne_km * rates.co2_kg_tkm,
        status=solution.status, dual_gap_dkk=solution.dual_gap_dkk,
        variables=problem.variables, rows=problem.rows, nonzeros=problem.nonzeros)
    return SchedulePlan(solution, flows, stock, sites, summary)


def _storage_tables(solution: ScheduleSolution, pieces, density):
    """Stock per storage site and month (from what entered and left, so that mass balances
    exactly), and per site: peak stock, throughput, mean dwell (stock-months per tonne, which
    is the mean of months between entering and leaving) and the value of more room."""
    problem = solution.problem
    sites_count, months = len(problem.storage_capacity_t), problem.horizon.count
    change = np.zeros((sites_count, months + 1))
    site = problem.moves.pair_storage[pieces.pair]
    np.add.at(change, (site, pieces.entered), pieces.tonnes)
    np.add.at(change, (site, pieces.left), -pieces.tonnes)
    on_hand = np.clip(np.cumsum(change, axis=1)[:, :months], 0.0, None)
    throughput = np.bincount(site, weights=pieces.tonnes, minlength=sites_count)
    capacity_t = problem.storage_capacity_t
    usable = np.flatnonzero(capacity_t > 0)
    grid_site, grid_month = np.repeat(usable, months), np.tile(np.arange(months), len(usable))
    with np.errstate(invalid="ignore", divide="ignore"):
        stock = pd.DataFrame({
            "storage": grid_site, "month": grid_month,
            "stock_t": on_hand[grid_site, grid_month],
            "capacity_t": capacity_t[grid_site],
            "share_used": np.where(capacity_t[grid_site] > 0,
                                   on_hand[grid_site, grid_month] / capacity_t[grid_site],
                                   np.nan)})
        value = np.bincount(problem.capacity_storage, weights=solution.capacity_value_dkk_t,
                            minlength=sites_count)
        sites = pd.DataFrame({
            "peak_stock_t": on_hand.max(axis=1, initial=0.0),
            "throughput_t": throughput,
            "mean_dwell_months": np.where(throughput > 0, on_hand.sum(axis=1) / throughput,
                                          np.nan),
            "capacity_value_dkk_m3": value * density})
    return stock, sites
