"""Check a soil-movement log against the registers, the rules and the plan (``check_movements``
of the public contract).

Every movement is joined by id to its origin and receiver: the origin is the excavation with
its ``source_id``, else a receiver with that id that sends soil on (a resource site); the
receiver is the receiver with its ``receiver_id``. Then each rule is one array operation over
the whole log (the rules, in the contract's order of flags):

- ``duplicate_id``: every movement whose id another movement also has;
- ``unknown_source`` / ``unknown_receiver``: an id no register holds (or none at all);
- ``class_not_accepted``: the soil's class is above the receiver's highest accepted class. The
  soil's class is the class the movement declares; an unanalysed load cannot be cleaner than
  its excavation's register, so without analysis the higher of the two counts, and without a
  declared class the registered one;
- ``over_capacity``: the receiver's running total passes its capacity × density; and
  ``over_excavated``: the excavation's running total passes its volume × density, or a resource
  site sends more than its theoretical stock (see ``limits``);
- ``cross_area_without_analysis``: not analysed, and the origin is contamination-suspected or
  lies in another area type than the receiver (area types only when a layer of them is given);
- ``outside_window``: the movement's day falls outside the origin's or the receiver's window
  (both end days included);
- ``implausible_haul``: the haul is longer than ``max_haul_km`` (see ``haul``);
- ``over_payload``: more tonnes than one truck may carry;
- ``impossible_travel``: see ``travel``;
- ``not_in_plan``: the (source, receiver) pair is not in the plan, or its running total passes
  the plan's tonnes on the pair.

A rule that lacks a value (no class, no date, no capacity, an unknown side) does not flag the
movement; ``MovementCheck.not_checked`` counts such movements per rule for the log.
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

import numpy as np
import pandas as pd

from ..network.road_network import RoadNetwork
from . import flags as f
from .haul import MovementHaul, movement_haul
from .limits import TOLERANCE_T, order_key, running_total_over, stock_below_zero
from .log import MovementLog
from .plan import PlannedFlows
from .registers import SiteRegister
from .risk import movement_risk
from .summary import actor_summary
from .travel import impossible_travel

MAX_HAUL_KM = 100.0
# The payload of the heaviest common tipper combination on Danish roads: 48 t gross for five
# axles or more, about 16 t of it the vehicle itself.
TRUCK_PAYLOAD_T = 32.0
# Færdselsloven § 43, stk. 2: lorries over 3,500 kg and their road trains, 80 km/h anywhere.
MAX_SPEED_KMH = 80.0
DETOUR_FACTOR = 1.3

# Keys of MovementCheck.not_checked.
NO_CLASS = "no_class"
NO_DATE = "no_date"
NO_TONNES = "no_tonnes"
NO_LIMIT = "no_limit"
NO_TIMES = "no_times"


class CheckCancelled(Exception):
    """The caller asked to stop."""


@dataclass(frozen=True)
class CheckRules:
    max_haul_km: float = MAX_HAUL_KM
    truck_payload_t: float = TRUCK_PAYLOAD_T
    max_speed_kmh: float = MAX_SPEED_KMH
    detour_factor: float = DETOUR_FACTOR
    area_types: bool = True  # False: no area-type layer, only contamination counts

    def __post_init__(self):
        for name in ("max_haul_km", "truck_payload_t", "max_speed_kmh", "detour_factor"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be greater than zero")


@dataclass
class MovementCheck:
    bits: np.ndarray  # uint16 flag bits per movement (see flags)
    risk: np.ndarray  # 0–100 per movement
    origin: np.ndarray  # index into sources, then receivers (len(sources) + r); -1 unknown
    receiver: np.ndarray  # index into receivers; -1 unknown
    origin_xy: np.ndarray  # (n, 2), NaN where unknown
    receiver_xy: np.ndarray
    haul: MovementHaul
    summary: pd.DataFrame  # see summary.actor_summary
    not_checked: Dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> np.ndarray:
        return self.bits == 0

    @property
    def distance_km(self) -> np.ndarray:
        return self.haul.distance_km

    def flag_texts(self) -> np.ndarray:
        return f.flag_texts(self.bits)

    def counts(self) -> Dict[str, int]:
        """Movements carrying each flag, in contract order."""
        return {code: int(f.has_flag(self.bits, code).sum()) for code in f.FLAGS}


def check_movements(log: MovementLog, sources: SiteRegister, receivers: SiteRegister,
                    rules: CheckRules = CheckRules(), plan: Optional[PlannedFlows] = None,
                    network: Optional[RoadNetwork] = None,
                    progress: Optional[Callable[[float], None]] = None,
                    canceled: Optional[Callable[[], bool]] = None) -> MovementCheck:
    """Flag every movement of ``log`` (see the module's rules), score its risk and sum up each
    actor. ``progress(share)`` and ``canceled()`` are optional; a cancel raises
    CheckCancelled."""
    def step(share):
        if canceled is not None and canceled():
            raise CheckCancelled()
        if progress is not None:
            progress(share)

    count, ns = len(log), len(sources)
    origin, receiver = _join(log, sources, receivers)
    site_xy = np.vstack([sources.xy.reshape(-1, 2), receivers.xy.reshape(-1, 2)])
    origin_xy = _at(site_xy, origin)
    receiver_xy = _at(receivers.xy.reshape(-1, 2), receiver)
    key = order_key(log.date.moments)
    known = (origin >= 0) & (receiver >= 0)
    masks, not_checked = {}, {}
    step(0.05)

    if log.named.any():
        labels = pd.Series(log.labels[log.named])
        duplicated = np.zeros(count, dtype=bool)
        duplicated[np.flatnonzero(log.named)[labels.duplicated(keep=False).to_numpy()]] = True
        masks[f.DUPLICATE_ID] = duplicated
    masks[f.UNKNOWN_SOURCE] = origin < 0
    masks[f.UNKNOWN_RECEIVER] = receiver < 0

    soil_class = _soil_class(log, sources, origin)
    accepted = _at(receivers.soil_class, receiver)
    comparable = np.isfinite(soil_class) & np.isfinite(accepted)
    masks[f.CLASS_NOT_ACCEPTED] = comparable & (np.nan_to_num(soil_class)
                                                > np.nan_to_num(accepted))
    not_checked[NO_CLASS] = int((known & ~comparable).sum())
    step(0.15)

    masks[f.OVER_CAPACITY] = running_total_over(receiver, log.tonnes, key, receivers.registered_t)
    excavation = np.where(origin < ns, origin, -1)
    sending = np.where(origin >= ns, origin - ns, -1)
    delivered_to_sender = np.where((receiver >= 0) & receivers.sends[np.maximum(receiver, 0)],
                                   receiver, -1)
    masks[f.OVER_EXCAVATED] = (
        running_total_over(excavation, log.tonnes, key, sources.registered_t)
        | stock_below_zero(delivered_to_sender, sending, log.tonnes, key, receivers.opening_t))
    limit = np.r_[sources.registered_t, np.where(receivers.sends, 0.0, np.nan)]
    not_checked[NO_LIMIT] = int(((origin >= 0) & ~np.isfinite(_at(limit, origin))).sum()
                                + ((receiver >= 0)
                                   & ~np.isfinite(_at(receivers.registered_t, receiver))).sum())
    not_checked[NO_TONNES] = int(np.isnan(log.tonnes).sum())
    step(0.3)

    masks[f.CROSS_AREA] = known & ~log.analysed & _crossing(sources, receivers, origin, receiver,
                                                            rules.area_types)
    masks[f.OUTSIDE_WINDOW] = _outside_window(log, sources, receivers, origin, receiver)
    not_checked[NO_DATE] = int(np.isnat(log.date.moments).sum())
    step(0.4)

    haul = movement_haul(origin, receiver, site_xy, receivers.xy.reshape(-1, 2),
                         rules.detour_factor, rules.max_haul_km, network, canceled)
    step(0.7)
    masks[f.IMPLAUSIBLE_HAUL] = np.nan_to_num(haul.distance_km) > rules.max_haul_km
    masks[f.OVER_PAYLOAD] = np.nan_to_num(log.tonnes) > rules.truck_payload_t + TOLERANCE_T
    masks[f.IMPOSSIBLE_TRAVEL] = impossible_travel(log.vehicle, log.departure, log.arrival,
                                                   origin_xy, receiver_xy, rules.max_speed_kmh)
    with_vehicle = log.vehicle != ""
    timed = (~np.isnat(log.departure.moments) & log.departure.timed
             & ~np.isnat(log.arrival.moments) & log.arrival.timed)
    not_checked[NO_TIMES] = int((with_vehicle & ~timed).sum())
    if plan is not None:
        masks[f.NOT_IN_PLAN] = _not_in_plan(log, plan, key)
    step(0.85)

    bits = f.flag_bits(masks, count)
    risk = movement_risk(bits)
    summary = actor_summary(log, sources, receivers, origin, receiver, bits, risk)
    step(1.0)
    return MovementCheck(bits, risk, origin, receiver, origin_xy, receiver_xy, haul, summary,
                         not_checked)


def _join(log, sources, receivers):
    """(origin, receiver) per movement: see the module's rules."""
    for register in (sources, receivers):
        if not pd.Index(register.ids).is_unique:
            raise ValueError("site ids must be unique")
    excavation = pd.Index(sources.ids).get_indexer(log.source_id)
    as_receiver = pd.Index(receivers.ids).get_indexer(log.source_id)
    sends = (as_receiver >= 0) & receivers.sends[np.maximum(as_receiver, 0)]
    origin = np.where(excavation >= 0, excavation,
                      np.where(sends, len(sources) + as_receiver, -1))
    receiver = pd.Index(receivers.ids).get_indexer(log.receiver_id)
    return origin.astype(np.int64), receiver.astype(np.int64)


def _at(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``values[index]`` with NaN (or NaT) where the index is -1."""
    if not len(values):
        shape = (len(index),) + values.shape[1:]
        return np.full(shape, np.nan)
    taken = values[np.maximum(index, 0)]
    missing = index < 0
    if taken.dtype.kind == "M":
        taken[missing] = np.datetime64("NaT")
    elif taken.dtype.kind == "f":
        taken[missing] = np.nan
    else:
        taken = taken.copy()
        taken[missing] = None
    return taken


def _soil_class(log, sources, origin):
    """The class the soil counts with: declared, or registered where higher and unanalysed or
    where none is declared (excavations only: a resource site's class is what it accepts)."""
    registered = _at(sources.soil_class, np.where(origin < len(sources), origin, -1))
    declared = log.soil_class
    raise_to_register = np.isfinite(registered) & (np.isnan(declared)
                                                   | (~log.analysed & (registered > declared)))
    return np.where(raise_to_register, registered, declared)


def _crossing(sources, receivers, origin, receiver, area_types):
    suspected = np.r_[sources.suspected, receivers.suspected].astype(bool)
    crossing = _at(suspected.astype(float), origin) == 1.0
    if area_types and sources.area_type is not None and receivers.area_type is not None:
        site_type = np.r_[sources.area_type, receivers.area_type].astype(object)
        crossing |= (_at(site_type, origin) != _at(receivers.area_type.astype(object), receiver))
    return crossing


def _outside_window(log, sources, receivers, origin, receiver):
    day = log.date.days
    start = np.r_[sources.start, receivers.start]
    end = np.r_[sources.end, receivers.end]
    outside = np.zeros(len(log), dtype=bool)
    for first, last, index in ((start, end, origin), (receivers.start, receivers.end, receiver)):
        outside |= (day < _at(first, index)) | (day > _at(last, index))
    return outside


def _not_in_plan(log, plan, key):
    planned = len(plan)
    if not len(log):
        return np.zeros(0, dtype=bool)
    from_code, _ = pd.factorize(np.concatenate([plan.from_id, log.source_id]))
    to_code, _ = pd.factorize(np.concatenate([plan.to_id, log.receiver_id]))
    pair_code = from_code.astype(np.int64) * (int(to_code.max()) + 1) + to_code
    pair = pd.Index(pair_code[:planned]).get_indexer(pair_code[planned:])
    return (pair < 0) | running_total_over(pair, log.tonnes, key, plan.tonnes)
