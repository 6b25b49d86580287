"""From attribute tables to the reuse problem's excavations and receivers.

Planners' tables are imperfect: numbers typed as text with a decimal comma, empty volumes, dates
as text. Each site with a value that cannot be used is either left out (no usable volume or
capacity: nothing to move or to fill) or kept out of every arc (unknown class, a window that
ends before it starts: its soil then goes to disposal), and listed by id under a reason, so
that nothing is dropped unsaid and no soil that is read is lost.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd

from ..area.classify import classify_sites, prepare_area_types
from ..geometry.positions import position_xy
from .problem import Excavations, Receivers, day_numbers

# Reasons, keys of SiteTable.skipped (left out) and SiteTable.unmatchable (kept, no arcs).
NO_VOLUME = "no_volume"
NEGATIVE_VOLUME = "negative_volume"
NO_CAPACITY = "no_capacity"
NEGATIVE_CAPACITY = "negative_capacity"
NO_CLASS = "no_class"
WINDOW_REVERSED = "window_reversed"
UNREADABLE_DATE = "unreadable_date"


class SiteTableError(ValueError):
    """A table that cannot be used at all; ``reason`` and ``ids`` say why."""

    def __init__(self, reason: str, ids):
        super().__init__(f"{reason}: {', '.join(str(i) for i in ids)}")
        self.reason = reason
        self.ids = list(ids)


DUPLICATE_IDS = "duplicate_ids"
MISSING_IDS = "missing_ids"


@dataclass
class SiteTable:
    frame: gpd.GeoDataFrame  # the rows kept, index 0..n-1
    ids: np.ndarray  # str id per kept row
    skipped: Dict[str, List] = field(default_factory=dict)  # reason -> ids left out
    unmatchable: Dict[str, List] = field(default_factory=dict)  # reason -> ids kept, no arcs


def parse_numbers(values):
    """Values as floats: numbers, or text with a decimal point or comma (``"1.234,5"`` and
    ``"1234.5"`` both read). Returns (floats with NaN where empty or unreadable, unreadable mask)."""
    series = pd.Series(list(values), dtype=object)
    empty = series.isna() | series.map(lambda v: isinstance(v, str) and not v.strip())
    text = series.map(lambda v: isinstance(v, str))
    cleaned = series.where(~text, series[text].map(_decimal_text) if text.any() else series)
    numbers = pd.to_numeric(cleaned.where(~empty, np.nan), errors="coerce").to_numpy(dtype=float)
    unreadable = np.isnan(numbers) & ~empty.to_numpy()
    return numbers, unreadable


def _decimal_text(value: str) -> str:
    text = value.strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text


def check_ids(values) -> np.ndarray:
    """Ids as text; raises SiteTableError for empty or repeated ids (matches name them)."""
    ids = np.array(["" if v is None or (isinstance(v, float) and v != v) else str(v).strip()
                    for v in values], dtype=object)
    missing = np.flatnonzero(ids == "")
    if len(missing):
        raise SiteTableError(MISSING_IDS, missing)
    counts = pd.Series(ids).value_counts()
    repeated = counts[counts > 1].index.tolist()
    if repeated:
        raise SiteTableError(DUPLICATE_IDS, sorted(repeated))
    return ids


def _keep_nonnegative(ids, amount, unreadable, missing_reason, negative_reason):
    skipped = {}
    missing = np.isnan(amount) | unreadable
    negative = ~missing & (amount < 0)
    if missing.any():
        skipped[missing_reason] = ids[missing].tolist()
    if negative.any():
        skipped[negative_reason] = ids[negative].tolist()
    keep = ~(missing | negative)
    return keep, skipped


def _windows(frame, start_field, end_field, ids):
    """Start and end day numbers; text that is no date raises SiteTableError."""
    days = []
    for name, end_of_day in ((start_field, False), (end_field, True)):
        if name:
            values, bad = day_numbers(frame[name].tolist(), end_of_day)
            if len(bad):
                raise SiteTableError(UNREADABLE_DATE, ids[bad])
        else:
            values = np.full(len(frame), np.nan)
        days.append(values)
    return days


def excavation_table(frame: gpd.GeoDataFrame, id_field: str, volume_field: str,
                     class_field: str, start_field: Optional[str] = None,
                     end_field: Optional[str] = None):
    """(SiteTable, Excavations without area types) from a frame in metres."""
    ids = check_ids(frame[id_field])
    volume, unreadable = parse_numbers(frame[volume_field])
    keep, skipped = _keep_nonnegative(ids, volume, unreadable, NO_VOLUME, NEGATIVE_VOLUME)
    frame, ids, volume = frame[keep].reset_index(drop=True), ids[keep], volume[keep]
    soil_class, _ = parse_numbers(frame[class_field])
    start, end = _windows(frame, start_field, end_field, ids)
    unmatchable = {}
    if np.isnan(soil_class).any():
        unmatchable[NO_CLASS] = ids[np.isnan(soil_class)].tolist()
    if (start > end).any():
        unmatchable[WINDOW_REVERSED] = ids[start > end].tolist()
    table = SiteTable(frame, ids, skipped, unmatchable)
    return table, Excavations(position_xy(frame.geometry), volume, soil_class, start, end)


def receiver_table(frame: gpd.GeoDataFrame, id_field: str, capacity_field: str,
                   max_class_field: str, start_field: Optional[str] = None,
                   end_field: Optional[str] = None):
    """(SiteTable, Receivers without area types) from a frame in metres."""
    ids = check_ids(frame[id_field])
    capacity, unreadable = parse_numbers(frame[capacity_field])
    keep, skipped = _keep_nonnegative(ids, capacity, unreadable, NO_CAPACITY,
                                      NEGATIVE_CAPACITY)
    frame, ids, capacity = frame[keep].reset_index(drop=True), ids[keep], capacity[keep]
    max_class, _ = parse_numbers(frame[max_class_field])
    start, end = _windows(frame, start_field, end_field, ids)
    unmatchable = {}
    if np.isnan(max_class).any():
        unmatchable[NO_CLASS] = ids[np.isnan(max_class)].tolist()
    if (start > end).any():
        unmatchable[WINDOW_REVERSED] = ids[start > end].tolist()
    table = SiteTable(frame, ids, skipped, unmatchable)
    return table, Receivers(position_xy(frame.geometry), capacity, max_class, start, end)


def classify_for_reuse(excavations: Excavations, receivers: Receivers,
                       source_geometry: gpd.GeoSeries, receiver_geometry: gpd.GeoSeries,
                       areas: Optional[gpd.GeoDataFrame], area_field: str,
                       contamination: Optional[gpd.GeoSeries]) -> None:
    """Set area types and suspicion in place. With area types, both sides are classified as
    `classify_area_types` does; without, only contaminated sites make a source suspected."""
    if areas is not None and len(areas):
        prepared = prepare_area_types(areas, area_field)
        sources = classify_sites(source_geometry, prepared, contamination)
        excavations.area_type = sources.area_type
        excavations.suspected = sources.contamination_suspected
        receivers.area_type = classify_sites(receiver_geometry, prepared).area_type
        return
    excavations.area_type = None
    receivers.area_type = None
    excavations.suspected = np.zeros(len(source_geometry), dtype=bool)
    if contamination is not None and len(contamination) and len(source_geometry):
        left = gpd.GeoDataFrame(geometry=source_geometry.to_numpy(), crs=source_geometry.crs)
        right = gpd.GeoDataFrame(geometry=contamination.to_numpy(), crs=contamination.crs)
        hits = gpd.sjoin(left, right, how="inner", predicate="intersects").index.unique()
        excavations.suspected[np.asarray(hits, dtype=np.int64)] = True
