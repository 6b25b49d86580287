"""The moves a reuse schedule may make, by the rules of `match_reuse` (class, haul, area rule,
prices), with time left to the schedule:

- direct: excavation i → receiver j, the arcs `build_reuse_problem` allows once the date
  windows are set aside (here a receiver only has to be open in the month of the move);
- into storage: i → storage site k when ``soil_class_i <= max class of k`` and the haul is at
  most ``max_haul_km``, at haul + handling per tonne, no analysis on entry;
- out of storage: k → j for soil of an *origin group*, the arcs `build_reuse_problem` allows
  from a site at k's position with the group's class, area type and suspicion.

Soil in storage keeps its origin for the rules, but the rules only tell origins apart by class,
and by area type and suspicion as far as the area rule looks at them. Those few origin groups,
not the excavations, are what storage keeps apart: it is what keeps the programme small.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..area.area_types import OTHER
from ..network.haul import HaulPairs
from ..reuse.costs import CostRates
from ..reuse.problem import (
    Arcs,
    AreaRule,
    Excavations,
    Receivers,
    ReuseProblem,
    build_reuse_problem,
)


@dataclass
class StorageSites:
    """Sites that keep soil for a while (resource sites, jordhoteller). A capacity that is NaN
    or not positive, or a class that is NaN, makes a site unusable (reported, never used). A
    site with dates takes and releases soil only in the months its window touches, and is
    empty at the end of its last month; without dates it is open throughout."""
    xy: np.ndarray  # (k, 2) metres
    capacity_m3: np.ndarray  # in situ m³ on hand at most
    max_soil_class: np.ndarray
    start_day: Optional[np.ndarray] = None  # day numbers, NaN = open
    end_day: Optional[np.ndarray] = None


@dataclass
class ScheduleHaul:
    """Haul pairs within the maximum haul, for the three kinds of leg."""
    source_receiver: HaulPairs
    source_storage: HaulPairs
    storage_receiver: HaulPairs


@dataclass
class OriginGroups:
    """The origins the rules cannot tell apart, one row per group."""
    of_source: np.ndarray  # group per excavation
    soil_class: np.ndarray
    area_type: object  # str per group, or None without area types
    suspected: np.ndarray


@dataclass
class EntryArcs:
    source: np.ndarray
    storage: np.ndarray
    distance_km: np.ndarray
    cost_dkk_t: np.ndarray  # haul + handling

    def __len__(self):
        return len(self.source)


@dataclass
class Moves:
    direct: Arcs  # source → receiver
    entry: EntryArcs  # source → storage
    entry_pair: np.ndarray  # pair (storage, origin group) of each entry arc
    pair_storage: np.ndarray  # per (storage, group) pair that can hold soil
    pair_group: np.ndarray
    pair_may_dispose: np.ndarray  # bool: some entry + disposal from k beats disposal at source
    exit: Arcs  # pair (as its ``source``) → receiver
    groups: OriginGroups
    unusable_storage: np.ndarray  # indexes: no capacity or no class


def origin_groups(excavations: Excavations, area_rule: AreaRule, typed: bool) -> OriginGroups:
    """Group excavations by what the area rule looks at: the class always; under rule 1 the area
    type of unsuspected sites (suspected sites and ``other`` are always analysed, whatever the
    receiver); under rule 2 the area type. Unknown classes form groups of their own (they are
    accepted nowhere)."""
    count = len(excavations.volume_m3)
    soil_class = np.asarray(excavations.soil_class, dtype=float)
    suspected = (np.zeros(count, dtype=bool) if excavations.suspected is None
                 else np.asarray(excavations.suspected, dtype=bool))
    area = (pd.Series(np.asarray(excavations.area_type, dtype=object)).fillna(OTHER).astype(str)
            .to_numpy(dtype=object) if typed else np.full(count, OTHER, dtype=object))
    rule = AreaRule(area_rule)
    if rule == AreaRule.IGNORE:
        area = np.full(count, OTHER, dtype=object)
        suspected = np.zeros(count, dtype=bool)
    elif rule == AreaRule.ANALYSIS_ACROSS_TYPES:
        analysed = suspected | (area == OTHER) if typed else suspected
        area = np.where(analysed, OTHER, area)
        suspected = analysed if typed else suspected
    else:
        suspected = np.zeros(count, dtype=bool)
    key = pd.DataFrame({"c": np.nan_to_num(soil_class, nan=-np.inf), "a": area, "s": suspected})
    grouped = key.groupby(["c", "a", "s"], sort=True)
    codes = grouped.ngroup().to_numpy()
    table = pd.DataFrame(list(grouped.groups.keys()), columns=["c", "a", "s"])
    group_class = table["c"].to_numpy(dtype=float)
    group_class[np.isneginf(group_class)] = np.nan
    return OriginGroups(codes.astype(np.int64), group_class,
                        table["a"].to_numpy(dtype=object) if typed else None,
                        table["s"].to_numpy(dtype=bool))


def _fixed_pairs(pairs: HaulPairs):
    """A haul function that answers with pairs already computed."""
    def haul_pairs(source_xy, target_xy, max_haul_km):
        return pairs
    return haul_pairs


def _undated(sites):
    """The sites with their windows set aside (time is the schedule's business)."""
    copy = type(sites)(**vars(sites))
    copy.start_day = np.full(len(sites.xy), np.nan)
    copy.end_day = np.full(len(sites.xy), np.nan)
    return copy


def build_moves(excavations: Excavations, receivers: Receivers, storage: StorageSites,
                haul: ScheduleHaul, source_disposal_dkk_t: np.ndarray,
                storage_disposal_dkk_t: np.ndarray, rates: CostRates, area_rule: AreaRule,
                max_haul_km: float, handling_dkk_t: float) -> Moves:
    """Every move that can lower the total cost. A move costing at least what disposal costs
    from where the soil is can be left out without changing the optimum (disposal is always
    open and frees the same room), so direct and exit arcs are cut as in `match_reuse`, and an
    entry when its cost plus the cheapest way out of that site reaches the source's disposal."""
    area_rule = AreaRule(area_rule)
    typed = excavations.area_type is not None and receivers.area_type is not None
    receivers_undated = _undated(receivers)
    direct = build_reuse_problem(_undated(excavations), receivers_undated, source_disposal_dkk_t,
                                 rates, area_rule, max_haul_km,
                                 _fixed_pairs(haul.source_receiver)).arcs

    capacity = np.asarray(storage.capacity_m3, dtype=float)
    storage_class = np.asarray(storage.max_soil_class, dtype=float)
    unusable = ~(capacity > 0) | ~np.isfinite(capacity) | np.isnan(storage_class)
    pairs = haul.source_storage
    source_class = np.asarray(excavations.soil_class, dtype=float)
    with np.errstate(invalid="ignore"):
        keep = (pairs.distance_km <= max_haul_km) & ~unusable[pairs.target]
        keep &= source_class[pairs.source] <= storage_class[pairs.target]
    entry = EntryArcs(pairs.source[keep], pairs.target[keep], pairs.distance_km[keep],
                      rates.transport_dkk_tkm * pairs.distance_km[keep] + handling_dkk_t)
    entry = _cheaper(entry, entry.cost_dkk_t < source_disposal_dkk_t[entry.source])

    groups = origin_groups(excavations, area_rule, typed)
    pair_storage, pair_group, exit_arcs = _exit_arcs(
        entry, groups, storage, receivers_undated, haul.storage_receiver,
        storage_disposal_dkk_t, rates, area_rule, max_haul_km, typed)

    # The cheapest way out of each pair bounds what an entry into it can save.
    way_out = np.asarray(storage_disposal_dkk_t, dtype=float)[pair_storage].copy()
    if len(exit_arcs):
        np.minimum.at(way_out, exit_arcs.source, exit_arcs.cost_dkk_t)
    entry_pair = _pair_of(pair_storage, pair_group, entry.storage, groups.of_source[entry.source])
    keep = entry.cost_dkk_t + way_out[entry_pair] < source_disposal_dkk_t[entry.source]
    entry, entry_pair = _cheaper(entry, keep), entry_pair[keep]

    # Pairs no entry reaches any more hold nothing: renumber the rest.
    held = np.zeros(len(pair_storage), dtype=bool)
    held[entry_pair] = True
    number = np.cumsum(held) - 1
    exit_kept = held[exit_arcs.source]
    exit_arcs = Arcs(number[exit_arcs.source[exit_kept]], *(
        getattr(exit_arcs, name)[exit_kept]
        for name in ("receiver", "distance_km", "cost_dkk_t", "analysis", "same_area_type")))
    # Soil that enters k only to be disposed from k must beat disposal at its source (a tonne
    # taken off such a path, with its storage months, never costs more).
    via_storage = entry.cost_dkk_t + np.asarray(storage_disposal_dkk_t)[entry.storage] \
        < source_disposal_dkk_t[entry.source]
    may_dispose = np.zeros(len(pair_storage), dtype=bool)
    may_dispose[entry_pair[via_storage]] = True
    return Moves(direct, entry, number[entry_pair], pair_storage[held], pair_group[held],
                 may_dispose[held], exit_arcs, groups, np.flatnonzero(unusable))


def _pair_of(pair_storage, pair_group, storage, group):
    """Index of each (storage, group) among the pairs (all present)."""
    width = int(max(pair_group.max(initial=0), group.max(initial=0))) + 1
    order = np.argsort(pair_storage * width + pair_group)
    keys = (pair_storage * width + pair_group)[order]
    return order[np.searchsorted(keys, storage * width + group)]


def _cheaper(entry: EntryArcs, keep) -> EntryArcs:
    return EntryArcs(entry.source[keep], entry.storage[keep], entry.distance_km[keep],
                     entry.cost_dkk_t[keep])


def _exit_arcs(entry, groups, storage, receivers, pairs, storage_disposal, rates, area_rule,
               max_haul_km, typed):
    """Pairs (storage, group) that some entry reaches, and their arcs to receivers, as
    `build_reuse_problem` gives them for a site at the storage site with the group's origin."""
    held = pd.DataFrame({"k": entry.storage, "g": groups.of_source[entry.source]})
    held = held.drop_duplicates().sort_values(["k", "g"])
    pair_storage = held["k"].to_numpy(dtype=np.int64)
    pair_group = held["g"].to_numpy(dtype=np.int64)
    count = len(pair_storage)
    # Storage → receiver pairs, repeated for every pair held at that storage site.
    order = np.argsort(pairs.source, kind="stable")
    by_storage = np.bincount(pairs.source, minlength=len(storage.xy))
    starts = np.r_[0, np.cumsum(by_storage)[:-1]]
    repeats = by_storage[pair_storage]
    pair = np.repeat(np.arange(count), repeats)
    offset = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    chosen = order[np.repeat(starts[pair_storage], repeats) + offset]
    pair_haul = HaulPairs(pair, pairs.target[chosen], pairs.distance_km[chosen], pairs.method)

    origins = Excavations(
        np.asarray(storage.xy, dtype=float).reshape(-1, 2)[pair_storage],
        np.zeros(count), groups.soil_class[pair_group], np.full(count, np.nan),
        np.full(count, np.nan),
        groups.area_type[pair_group] if typed else None, groups.suspected[pair_group])
    problem: ReuseProblem = build_reuse_problem(
        origins, receivers, np.asarray(storage_disposal, dtype=float)[pair_storage], rates,
        area_rule, max_haul_km, _fixed_pairs(pair_haul))
    return pair_storage, pair_group, problem.arcs
