"""The reuse problem: excavations with surplus soil, receivers with room for it, and the arcs
along which soil may move.

An arc i → j exists only when the receiver accepts the soil class (``soil_class_i <=
max_soil_class_j``), the haul is at most ``max_haul_km``, the date windows overlap where
both ends are known (a window runs from the start of its start day to the end of its end day:
both dates count as days of it, and one ending on 30 April and one starting on 1 May do not
overlap), and the area rule allows it:

- rule 0 ignores area types;
- rule 1 allows every arc, charging an analysis per tonne when the arc crosses area types or the
  source is suspected of contamination (jordflytningsbekendtgørelsen);
- rule 2 allows only arcs within one area type (the area-based approach's free movement).

``other`` (no recognised area type) is never the same type as anything, itself included. Without
area types (``area_type`` None) every site lies in one common type: only suspicion from mapped
contaminated sites then prices analyses.

Arcs that cost at least as much per tonne as the source's disposal can never lower the total
cost, so they are left out: the optimum is unchanged.
"""
import enum
import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..area.area_types import OTHER
from ..tables import read_date
from .costs import CostRates, HaulPairsFunction


class AreaRule(enum.IntEnum):
    IGNORE = 0
    ANALYSIS_ACROSS_TYPES = 1
    SAME_TYPE_ONLY = 2


@dataclass
class Excavations:
    """Sources of surplus soil. Unknown classes and open window ends are NaN."""
    xy: np.ndarray  # (n, 2) metres
    volume_m3: np.ndarray
    soil_class: np.ndarray
    start_day: np.ndarray  # day numbers (see ``day_number``), NaN = open
    end_day: np.ndarray
    area_type: Optional[np.ndarray] = None  # str per site, None without an area-type layer
    suspected: Optional[np.ndarray] = None  # bool per site


@dataclass
class Receivers:
    """Pits, resource sites and utilisation projects that take soil."""
    xy: np.ndarray
    capacity_m3: np.ndarray
    max_soil_class: np.ndarray  # NaN = accepts nothing
    start_day: np.ndarray
    end_day: np.ndarray
    area_type: Optional[np.ndarray] = None


@dataclass
class Arcs:
    """Allowed arcs, sorted by source then receiver."""
    source: np.ndarray
    receiver: np.ndarray
    distance_km: np.ndarray
    cost_dkk_t: np.ndarray  # transport, plus the analysis under rule 1
    analysis: np.ndarray  # bool: crosses area types or leaves a suspected site (rules 1 and 2)
    same_area_type: np.ndarray  # bool

    def __len__(self):
        return len(self.source)


@dataclass
class ReuseProblem:
    supply_t: np.ndarray
    capacity_t: np.ndarray
    disposal_cost_dkk_t: np.ndarray
    arcs: Arcs
    # Diagnostics, as indexes: why a site can take part in no arc at all.
    class_not_accepted: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    invalid_source_window: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    invalid_receiver_window: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    pairs_in_reach: int = 0


def day_number(value: object, end_of_day: bool = False) -> float:
    """A date, datetime or date text (read by ``core.tables.read_date``) as a day number:
    the proleptic ordinal, with the time of day as a fraction; empty values are NaN. A plain
    date as an end (``end_of_day``) counts to the end of that day, so a window ending on
    31 March overlaps one opening then. Raises ValueError for what the reader refuses."""
    moment, timed = read_date(value)
    if moment is None:
        return float("nan")
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return moment.toordinal() + seconds / 86400.0 + (1.0 if end_of_day and not timed else 0.0)


def _area_codes(source_types, receiver_types):
    """Integer codes shared by both sides; -1 for ``other``, which matches nothing."""
    if source_types is None or receiver_types is None:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), False
    joined = np.concatenate([np.asarray(source_types, dtype=object),
                             np.asarray(receiver_types, dtype=object)])
    codes, uniques = pd.factorize(pd.Series(joined).fillna(OTHER).astype(str))
    other = np.flatnonzero(np.asarray(uniques) == OTHER)
    if len(other):
        codes = np.where(codes == other[0], -1, codes)
    return codes[:len(source_types)], codes[len(source_types):], True


def build_reuse_problem(excavations: Excavations, receivers: Receivers,
                        disposal_cost_dkk_t: np.ndarray, rates: CostRates, area_rule: AreaRule,
                        max_haul_km: float, haul_pairs: HaulPairsFunction) -> ReuseProblem:
    """The problem with every allowed arc, filtered in vectorised steps after the spatial
    search (``haul_pairs`` lists only pairs within ``max_haul_km``). A maximum haul of 0 (or
    less) means no limit, as in haul_matrix: arcs dearer than disposal are dropped anyway."""
    area_rule = AreaRule(area_rule)
    if not max_haul_km > 0:
        max_haul_km = math.inf
    supply_t = np.asarray(excavations.volume_m3, dtype=float) * rates.density_t_m3
    capacity_t = np.asarray(receivers.capacity_m3, dtype=float) * rates.density_t_m3
    disposal_cost = np.asarray(disposal_cost_dkk_t, dtype=float)
    source_class = np.asarray(excavations.soil_class, dtype=float)
    receiver_class = np.asarray(receivers.max_soil_class, dtype=float)
    # A window is the span from the start of its start day to the end of its end day: one whose
    # end is not after its start ends before it starts (an end date the day before the start
    # ends at the very moment the window would begin).
    with np.errstate(invalid="ignore"):
        invalid_source = excavations.start_day >= excavations.end_day
        invalid_receiver = receivers.start_day >= receivers.end_day

    best_class = np.nanmax(receiver_class) if np.isfinite(receiver_class).any() else np.nan
    with np.errstate(invalid="ignore"):
        class_not_accepted = np.flatnonzero(~(source_class <= best_class))

    pairs = haul_pairs(np.asarray(excavations.xy, dtype=float),
                       np.asarray(receivers.xy, dtype=float), max_haul_km)
    source, receiver, distance = pairs.source, pairs.target, pairs.distance_km
    with np.errstate(invalid="ignore"):
        keep = distance <= max_haul_km
        keep &= source_class[source] <= receiver_class[receiver]
        # Windows overlap when each starts before the other ends: a window ending on 30 April
        # ends at midnight, when one starting on 1 May begins, and the two share no day. NaN
        # (open) ends compare False, so an open end never excludes an arc.
        keep &= ~(excavations.start_day[source] >= receivers.end_day[receiver])
        keep &= ~(receivers.start_day[receiver] >= excavations.end_day[source])
    keep &= ~invalid_source[source] & ~invalid_receiver[receiver]
    source, receiver, distance = source[keep], receiver[keep], distance[keep]

    source_codes, receiver_codes, typed = _area_codes(excavations.area_type, receivers.area_type)
    if typed:
        same = (source_codes[source] == receiver_codes[receiver]) & (source_codes[source] >= 0)
    else:
        same = np.ones(len(source), dtype=bool)
    suspected = (np.zeros(len(supply_t), dtype=bool) if excavations.suspected is None
                 else np.asarray(excavations.suspected, dtype=bool))
    if area_rule == AreaRule.SAME_TYPE_ONLY:
        allowed = same
        source, receiver, distance, same = source[allowed], receiver[allowed], distance[allowed], \
            same[allowed]
    if area_rule == AreaRule.IGNORE:
        analysis = np.zeros(len(source), dtype=bool)
    else:
        analysis = ~same | suspected[source]
    charged = analysis if area_rule == AreaRule.ANALYSIS_ACROSS_TYPES else np.zeros_like(analysis)
    cost = rates.transport_dkk_tkm * distance + np.where(charged, rates.analysis_dkk_t, 0.0)

    useful = cost < disposal_cost[source]
    order = np.lexsort((receiver[useful], source[useful]))
    arcs = Arcs(source[useful][order], receiver[useful][order], distance[useful][order],
                cost[useful][order], analysis[useful][order], same[useful][order])
    return ReuseProblem(supply_t, capacity_t, disposal_cost, arcs, class_not_accepted,
                        np.flatnonzero(invalid_source), np.flatnonzero(invalid_receiver),
                        int(len(pairs)))
