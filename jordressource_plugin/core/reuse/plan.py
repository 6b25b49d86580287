"""A reuse plan: the optimal allocation as matches, per-site figures and totals against the
baseline in which every tonne goes to disposal."""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import pandas as pd

from .allocation import Allocation, solve_allocation
from .costs import CostRates, DisposalChoice, HaulPairsFunction, choose_disposal
from .problem import AreaRule, Excavations, Receivers, ReuseProblem, build_reuse_problem

# A receiver counts as filled when less than this share of its capacity is left.
FILLED_SHARE = 1.0 - 1e-6


@dataclass
class ReuseSummary:
    supplied_m3: float
    reused_m3: float
    disposed_m3: float
    tonne_km: float
    baseline_tonne_km: float
    cost_dkk: float
    baseline_cost_dkk: float
    co2_kg: float
    baseline_co2_kg: float
    truckloads: int  # loads to receivers
    receivers_used: int
    receivers_filled: int

    @property
    def reused_share(self) -> float:
        return self.reused_m3 / self.supplied_m3 if self.supplied_m3 > 0 else 0.0


@dataclass
class ReusePlan:
    problem: ReuseProblem
    allocation: Allocation
    disposal: DisposalChoice
    matches: pd.DataFrame  # source, receiver (indexes), the match fields of docs/reference.md
    sources: pd.DataFrame  # per excavation: reused_m3, disposed_m3, mean_haul_km, disposal
    receivers: pd.DataFrame  # per receiver: received_m3, remaining_m3, fill_share
    summary: ReuseSummary


def plan_reuse(excavations: Excavations, receivers: Receivers, disposal_xy: np.ndarray,
               disposal_gate_fee_dkk_t: np.ndarray, rates: CostRates, area_rule: AreaRule,
               max_haul_km: float, haul_pairs: HaulPairsFunction,
               should_stop: Optional[Callable[[], bool]] = None,
               **solver_options: int) -> ReusePlan:
    """Choose disposal per source, build the allowed arcs, solve exactly and tabulate."""
    disposal = choose_disposal(excavations.xy, disposal_xy, disposal_gate_fee_dkk_t, rates,
                               haul_pairs)
    problem = build_reuse_problem(excavations, receivers, disposal.cost_dkk_t, rates, area_rule,
                                  max_haul_km, haul_pairs)
    allocation = solve_allocation(problem, should_stop=should_stop, **solver_options)
    typed = excavations.area_type is not None and receivers.area_type is not None
    return tabulate(problem, allocation, disposal, rates, typed)


def tabulate(problem: ReuseProblem, allocation: Allocation, disposal: DisposalChoice,
             rates: CostRates, typed: bool = True) -> ReusePlan:
    arcs, density = problem.arcs, rates.density_t_m3
    arc, tonnes = allocation.arc, allocation.tonnes
    distance = arcs.distance_km[arc]
    tonne_km = tonnes * distance
    matches = pd.DataFrame({
        "source": arcs.source[arc],
        "receiver": arcs.receiver[arc],
        "volume_m3": tonnes / density,
        "tonnes": tonnes,
        "distance_km": distance,
        "tonne_km": tonne_km,
        "truckloads": np.ceil(tonnes / rates.truck_payload_t - 1e-9).astype(np.int64),
        "co2_kg": tonne_km * rates.co2_kg_tkm,
        "cost_dkk": tonnes * arcs.cost_dkk_t[arc],
        "same_area_type": arcs.same_area_type[arc] if typed else None,
        "analysis_required": arcs.analysis[arc],
    })

    supply = problem.supply_t
    with np.errstate(invalid="ignore", divide="ignore"):
        source_tkm = (np.bincount(matches["source"], weights=tonne_km, minlength=len(supply))
                      + allocation.disposed_t * disposal.haul_km)
        sources = pd.DataFrame({
            "reused_m3": allocation.reused_t / density,
            "disposed_m3": allocation.disposed_t / density,
            "mean_haul_km": np.where(supply > 0, source_tkm / supply, np.nan),
            "disposal_site": disposal.site,
            "disposal_km": disposal.haul_km,
        })
        capacity = problem.capacity_t
        receivers = pd.DataFrame({
            "received_m3": allocation.received_t / density,
            "remaining_m3": np.clip(capacity - allocation.received_t, 0.0, None) / density,
            "fill_share": np.where(capacity > 0, allocation.received_t / capacity, np.nan),
        })

    plan_tkm = float(source_tkm.sum())
    baseline_tkm = float(supply @ disposal.haul_km)
    summary = ReuseSummary(
        supplied_m3=float(supply.sum() / density),
        reused_m3=float(allocation.reused_t.sum() / density),
        disposed_m3=float(allocation.disposed_t.sum() / density),
        tonne_km=plan_tkm,
        baseline_tonne_km=baseline_tkm,
        cost_dkk=allocation.cost_dkk,
        baseline_cost_dkk=float(supply @ disposal.cost_dkk_t),
        co2_kg=plan_tkm * rates.co2_kg_tkm,
        baseline_co2_kg=baseline_tkm * rates.co2_kg_tkm,
        truckloads=int(matches["truckloads"].sum()),
        receivers_used=int((allocation.received_t > 0).sum()),
        receivers_filled=int(((capacity > 0) & (allocation.received_t >= capacity * FILLED_SHARE))
                             .sum()),
    )
    return ReusePlan(problem, allocation, disposal, matches, sources, receivers, summary)


def nearest_first_allocation(problem: ReuseProblem) -> Allocation:
    """The greedy planners often use, for comparison: take arcs shortest first and send as much
    as supply and capacity still allow. Feasible, not optimal."""
    arcs = problem.arcs
    supply_left, capacity_left = problem.supply_t.copy(), problem.capacity_t.copy()
    flow = np.zeros(len(arcs))
    for position in np.lexsort((arcs.cost_dkk_t, arcs.distance_km)):
        source, receiver = arcs.source[position], arcs.receiver[position]
        amount = min(supply_left[source], capacity_left[receiver])
        if amount > 0:
            flow[position] = amount
            supply_left[source] -= amount
            capacity_left[receiver] -= amount
    carrying = np.flatnonzero(flow > 0)
    profit = arcs.cost_dkk_t - problem.disposal_cost_dkk_t[arcs.source]
    reused = problem.supply_t - supply_left
    return Allocation(carrying, flow[carrying], reused, supply_left,
                      problem.capacity_t - capacity_left,
                      float(problem.disposal_cost_dkk_t @ problem.supply_t
                            + profit[carrying] @ flow[carrying]),
                      "nearest first", 0, len(arcs))
