"""The siting problem: excavations with soil to place, candidate sites, and the hauls between them.

Everything the solvers need is here in one place, checked: tonnes per excavation (volume in situ
× density), the (excavation, candidate) pairs within the maximum haul sorted by excavation and
distance, capacities in tonnes (infinite where none is given), existing sites, and opening costs
converted to tonne-km at the transport rate, so that the objective is one number in tonne-km:

    Σ_ij tonnes_ij·km_ij + Σ_j opening_dkk_j / transport_dkk_tkm · open_j.

Excavations beyond the maximum haul of every candidate cannot be served by any choice: they are
left out and reported. Every other input fault raises a ``SitingInputError`` naming the ids.
"""
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..network.haul import HaulPairs
from .errors import (
    CapacityShortfall,
    DuplicateCandidateIds,
    InvalidCandidateValues,
    InvalidVolumes,
    NoSourceInReach,
    UnreachableCandidates,
)


@dataclass
class SitingInput:
    """Plain arrays from the layers. ``pairs`` index ``source_ids`` and ``candidate_ids``."""
    candidate_ids: np.ndarray
    source_ids: np.ndarray
    volume_m3: np.ndarray
    pairs: HaulPairs
    max_haul_km: float
    capacity_m3: Optional[np.ndarray] = None  # None: uncapacitated
    existing: Optional[np.ndarray] = None  # bool: open whatever the choice
    opening_cost_dkk: Optional[np.ndarray] = None  # None: SITE_COUNT sites exactly
    density_t_m3: float = 1.8
    transport_dkk_tkm: float = 2.0


@dataclass
class SitingProblem:
    """The checked problem. Sources are the excavations within reach, renumbered 0..n-1;
    ``source_index`` maps them back to the input."""
    candidate_ids: np.ndarray
    id_order: np.ndarray  # candidate indexes from the smallest id to the largest
    source_index: np.ndarray
    unreachable: np.ndarray  # input indexes of excavations beyond every candidate
    tonnes: np.ndarray  # per source
    pair_source: np.ndarray  # pairs sorted by source, then distance, then candidate id
    pair_site: np.ndarray
    pair_km: np.ndarray
    source_start: np.ndarray  # pairs of source i: source_start[i]:source_start[i + 1]
    capacity_t: np.ndarray  # inf where unlimited
    existing: np.ndarray  # bool per candidate
    opening_tkm: np.ndarray  # 0 for existing sites and without opening costs
    at_most: bool  # opening costs given: the site count is a maximum
    density_t_m3: float
    transport_dkk_tkm: float
    max_haul_km: float

    @property
    def source_count(self) -> int:
        return len(self.tonnes)

    @property
    def candidate_count(self) -> int:
        return len(self.candidate_ids)

    @property
    def capacitated(self) -> bool:
        return bool(np.isfinite(self.capacity_t).any())

    @property
    def pair_tkm(self) -> np.ndarray:
        return self.tonnes[self.pair_source] * self.pair_km


def id_sort_key(value: object) -> list:
    """Natural order of ids: digit runs compare as numbers, so RP-2 comes before RP-10."""
    text = str(value)
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", text) if part]


def prepare(data: SitingInput) -> SitingProblem:
    """Check ``data`` and build the problem; raises a ``SitingInputError`` subclass."""
    ids = np.asarray(data.candidate_ids, dtype=object)
    m = len(ids)
    values, counts = np.unique(ids.astype(str), return_counts=True)
    if (counts > 1).any():
        raise DuplicateCandidateIds(sorted(values[counts > 1], key=id_sort_key))
    source_ids = np.asarray(data.source_ids, dtype=object)
    volume = np.asarray(data.volume_m3, dtype=float)
    bad = ~(volume > 0) | ~np.isfinite(volume)
    if bad.any():
        raise InvalidVolumes(source_ids[bad], volume[bad])
    existing = (np.zeros(m, bool) if data.existing is None
                else np.asarray(data.existing, dtype=bool))
    capacity_t = np.full(m, np.inf)
    if data.capacity_m3 is not None:
        capacity = np.asarray(data.capacity_m3, dtype=float)
        bad = ~(capacity >= 0)
        if bad.any():
            raise InvalidCandidateValues("capacity", ids[bad], capacity[bad])
        capacity_t = capacity * data.density_t_m3
    opening_tkm = np.zeros(m)
    if data.opening_cost_dkk is not None:
        cost = np.asarray(data.opening_cost_dkk, dtype=float)
        bad = ~(cost >= 0) & ~existing  # an existing site's cost is spent already
        if bad.any():
            raise InvalidCandidateValues("opening cost", ids[bad], cost[bad])
        opening_tkm = np.where(existing, 0.0, cost / data.transport_dkk_tkm)

    pairs = data.pairs
    keep = np.asarray(pairs.distance_km) <= data.max_haul_km
    source = np.asarray(pairs.source, dtype=np.int64)[keep]
    site = np.asarray(pairs.target, dtype=np.int64)[keep]
    km = np.asarray(pairs.distance_km, dtype=float)[keep]
    if not len(source):
        raise NoSourceInReach(data.max_haul_km)
    lonely = np.bincount(site, minlength=m) == 0
    if lonely.any():
        raise UnreachableCandidates(sorted(ids[lonely], key=id_sort_key), data.max_haul_km)

    reached = np.unique(source)
    renumber = np.full(len(volume), -1, dtype=np.int64)
    renumber[reached] = np.arange(len(reached))
    id_order = np.array(sorted(range(m), key=lambda j: id_sort_key(ids[j])), dtype=np.int64)
    id_rank = np.empty(m, dtype=np.int64)
    id_rank[id_order] = np.arange(m)
    order = np.lexsort((id_rank[site], km, renumber[source]))
    source, site, km = renumber[source][order], site[order], km[order]
    tonnes = volume[reached] * data.density_t_m3

    total_t = tonnes.sum()
    if np.isfinite(capacity_t).all() and capacity_t.sum() < total_t * (1 - 1e-12):
        raise CapacityShortfall((total_t - capacity_t.sum()) / data.density_t_m3,
                                total_t / data.density_t_m3, capacity_t.sum() / data.density_t_m3)
    return SitingProblem(
        candidate_ids=ids, id_order=id_order, source_index=reached,
        unreachable=np.setdiff1d(np.arange(len(volume)), reached), tonnes=tonnes,
        pair_source=source, pair_site=site, pair_km=km,
        source_start=np.searchsorted(source, np.arange(len(reached) + 1)),
        capacity_t=capacity_t, existing=existing, opening_tkm=opening_tkm,
        at_most=data.opening_cost_dkk is not None, density_t_m3=data.density_t_m3,
        transport_dkk_tkm=data.transport_dkk_tkm, max_haul_km=data.max_haul_km)
