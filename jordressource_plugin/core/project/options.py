"""The options catalogue (mulighedskatalog) of a soil management plan: for each excavation, the
receivers its soil may go to, cheapest per tonne first, against its cheapest disposal.

A receiver is an option exactly when ``match_reuse`` would allow the arc (``reuse/problem.py``:
soil class accepted, haul within the maximum, date windows overlapping, the area rule) and it
has room (capacity above zero); the cost per tonne is ``match_reuse``'s own, transport plus the
analysis the area rule charges (``reuse/costs.py``). Unlike ``match_reuse``, options dearer
than disposal are kept: the catalogue shows them with what they would add. Ties go to the
shorter haul, then to the receiver listed first.

Given a regional plan (``match_reuse``'s flows), the catalogue also says which options the
regional optimum chose for each excavation and what every alternative would add per tonne
against it. The plan's cost per tonne of an excavation is the mean over its soil: the tonnes
the plan sends to receivers at their option costs, the rest to its cheapest disposal.
"""
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..reuse.costs import CostRates, DisposalChoice, HaulPairsFunction, choose_disposal
from ..reuse.problem import AreaRule, Excavations, Receivers, build_reuse_problem

OPTIONS_COUNT = 5

OPTION_COLUMNS = ("source", "receiver", "rank", "distance_km", "cost_dkk_t", "analysis_required",
                  "same_area_type", "co2_kg_t", "capacity_t", "disposal_cost_dkk_t",
                  "saving_dkk_t", "plan_tonnes", "in_plan", "extra_cost_dkk_t")


@dataclass
class OptionsCatalogue:
    options: pd.DataFrame  # OPTION_COLUMNS; source and receiver are input positions
    feasible_count: np.ndarray  # per excavation: receivers its soil may go to at all
    disposal: DisposalChoice  # per excavation: the cheapest disposal
    plan_cost_dkk_t: np.ndarray  # per excavation: the regional plan's cost per tonne (NaN: none)
    plan_reused_t: np.ndarray  # per excavation: tonnes the plan sends to receivers here
    plan_not_options: pd.DataFrame  # plan flows (source, receiver, tonnes) on no allowed arc


def options_catalogue(excavations: Excavations, receivers: Receivers, disposal_xy: np.ndarray,
                      disposal_gate_fee_dkk_t: np.ndarray, rates: CostRates, area_rule: AreaRule,
                      max_haul_km: float, haul_pairs: HaulPairsFunction,
                      options_count: int = OPTIONS_COUNT,
                      plan: Optional[pd.DataFrame] = None) -> OptionsCatalogue:
    """The ``options_count`` cheapest options of each excavation (plus any option the regional
    ``plan`` uses, whatever its rank). ``plan`` has columns source, receiver (input positions)
    and tonnes."""
    if options_count < 1:
        raise ValueError("options_count must be at least 1")
    count = len(excavations.volume_m3)
    disposal = choose_disposal(excavations.xy, disposal_xy, disposal_gate_fee_dkk_t, rates,
                               haul_pairs)
    # An infinite disposal cost keeps every allowed arc, the dear ones included.
    problem = build_reuse_problem(excavations, receivers, np.full(count, np.inf), rates,
                                  area_rule, max_haul_km, haul_pairs)
    arcs = problem.arcs
    has_room = problem.capacity_t[arcs.receiver] > 0
    typed = excavations.area_type is not None and receivers.area_type is not None
    options = pd.DataFrame({
        "source": arcs.source[has_room],
        "receiver": arcs.receiver[has_room],
        "distance_km": arcs.distance_km[has_room],
        "cost_dkk_t": arcs.cost_dkk_t[has_room],
        "analysis_required": arcs.analysis[has_room],
        "same_area_type": (arcs.same_area_type[has_room] if typed
                           else np.full(int(has_room.sum()), None, dtype=object)),
        "capacity_t": problem.capacity_t[arcs.receiver[has_room]],
    })
    order = np.lexsort((options["receiver"], options["distance_km"], options["cost_dkk_t"],
                        options["source"]))
    options = options.iloc[order].reset_index(drop=True)
    options["rank"] = options.groupby("source").cumcount() + 1
    options["co2_kg_t"] = options["distance_km"] * rates.co2_kg_tkm
    options["disposal_cost_dkk_t"] = disposal.cost_dkk_t[options["source"].to_numpy()]
    options["saving_dkk_t"] = options["disposal_cost_dkk_t"] - options["cost_dkk_t"]
    feasible = np.bincount(options["source"].to_numpy(dtype=np.int64), minlength=count)

    options, plan_cost, plan_reused, not_options = _with_plan(options, plan, problem.supply_t,
                                                             disposal)
    shown = (options["rank"] <= options_count) | options["in_plan"]
    options = options[shown].reset_index(drop=True)[list(OPTION_COLUMNS)]
    return OptionsCatalogue(options, feasible, disposal, plan_cost, plan_reused, not_options)


def _with_plan(options: pd.DataFrame, plan, supply_t, disposal: DisposalChoice):
    """Options with the plan's tonnes and the extra cost per tonne against the plan."""
    count = len(supply_t)
    empty = pd.DataFrame({"source": np.zeros(0, np.int64), "receiver": np.zeros(0, np.int64),
                          "tonnes": np.zeros(0)})
    if plan is None:
        options["plan_tonnes"] = np.nan
        options["in_plan"] = False
        options["extra_cost_dkk_t"] = np.nan
        return options, np.full(count, np.nan), np.full(count, np.nan), empty
    flows = (pd.DataFrame({"source": np.asarray(plan["source"], dtype=np.int64),
                           "receiver": np.asarray(plan["receiver"], dtype=np.int64),
                           "tonnes": np.asarray(plan["tonnes"], dtype=float)})
             .groupby(["source", "receiver"], as_index=False)["tonnes"].sum())
    merged = options.merge(flows, on=["source", "receiver"], how="left")
    options["plan_tonnes"] = merged["tonnes"].fillna(0.0).to_numpy()
    options["in_plan"] = options["plan_tonnes"] > 0
    keys = set(zip(options["source"], options["receiver"]))
    on_option = np.array([key in keys for key in zip(flows["source"], flows["receiver"])],
                         dtype=bool)
    not_options = flows[~on_option & (flows["tonnes"] > 0)].reset_index(drop=True)

    used = options[options["in_plan"]]
    source = used["source"].to_numpy(dtype=np.int64)
    reused = np.bincount(source, weights=used["plan_tonnes"], minlength=count)
    paid = np.bincount(source, weights=used["plan_tonnes"] * used["cost_dkk_t"], minlength=count)
    total = np.maximum(np.asarray(supply_t, dtype=float), reused)
    with np.errstate(invalid="ignore", divide="ignore"):
        plan_cost = np.where(total > 0,
                             (paid + (total - reused) * disposal.cost_dkk_t) / total, np.nan)
    options["extra_cost_dkk_t"] = (options["cost_dkk_t"]
                                   - plan_cost[options["source"].to_numpy(dtype=np.int64)])
    return options, plan_cost, reused, not_options


def plan_flows(source_ids: Sequence, receiver_ids: Sequence, plan_source_ids: Sequence,
               plan_receiver_ids: Sequence, plan_tonnes: Sequence
               ) -> Tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """A regional plan's flows between the catalogue's sites, by id: (flows with input
    positions, positions in the plan of rows whose receiver is unknown here, positions of rows
    whose tonnes are no number). Rows from other excavations are not this project's and are
    left out."""
    source_at = {str(value): position for position, value in enumerate(source_ids)}
    receiver_at = {str(value): position for position, value in enumerate(receiver_ids)}
    sources, receivers, tonnes, unknown, unreadable = [], [], [], [], []
    for row, (source, receiver, amount) in enumerate(zip(plan_source_ids, plan_receiver_ids,
                                                         plan_tonnes)):
        if str(source) not in source_at:
            continue
        if str(receiver) not in receiver_at:
            unknown.append(row)
            continue
        number = _number(amount)
        if number is None:
            unreadable.append(row)
            continue
        sources.append(source_at[str(source)])
        receivers.append(receiver_at[str(receiver)])
        tonnes.append(number)
    flows = pd.DataFrame({"source": np.asarray(sources, dtype=np.int64),
                          "receiver": np.asarray(receivers, dtype=np.int64),
                          "tonnes": np.asarray(tonnes, dtype=float)})
    return flows, np.asarray(unknown, dtype=np.int64), np.asarray(unreadable, dtype=np.int64)


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None
