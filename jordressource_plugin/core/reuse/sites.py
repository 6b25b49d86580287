"""From tables read under ``core.tables``' one policy to the reuse problem's excavations,
receivers and disposal sites.

A site left out for want of a volume or capacity is not here; a site kept without a class, or
with a window that ends before it starts, takes part in no arc (``problem``), so its soil goes
to disposal and no soil that is read is lost.
"""
from dataclasses import dataclass
from typing import Optional, Tuple

import geopandas as gpd
import numpy as np

from ..area.classify import classify_sites, prepare_area_types
from ..geometry.positions import position_xy
from ..tables import Report, SiteReading, read_ids, read_values
from .problem import Excavations, Receivers


@dataclass
class SiteTable:
    """The sites kept: their rows (index 0..n-1) and ids, in the order of the problem."""
    frame: gpd.GeoDataFrame
    ids: np.ndarray  # str id per row


@dataclass
class DisposalSites:
    xy: np.ndarray  # (n, 2) metres
    gate_fee_dkk_t: np.ndarray  # NaN where empty: the default fee applies (``choose_disposal``)
    ids: list


def _windows(reading: SiteReading) -> Tuple[np.ndarray, np.ndarray]:
    """Start and end day numbers (NaN = open); a plain end date counts to the end of its day."""
    count = len(reading.ids)
    start = (reading.start.day_numbers() if reading.start is not None
             else np.full(count, np.nan))
    end = (reading.end.day_numbers(end_of_day=True) if reading.end is not None
           else np.full(count, np.nan))
    return start, end


def _classes(reading: SiteReading) -> np.ndarray:
    if reading.soil_class is None:
        return np.full(len(reading.ids), np.nan)
    return reading.soil_class


def excavations_from(frame: gpd.GeoDataFrame, reading: SiteReading) -> Tuple[SiteTable,
                                                                              Excavations]:
    """(SiteTable, Excavations without area types) of the kept rows of a reading and their
    rows of ``frame`` in metres."""
    start, end = _windows(reading)
    return SiteTable(frame, reading.ids), Excavations(
        position_xy(frame.geometry), reading.amount_m3, _classes(reading), start, end)


def receivers_from(frame: gpd.GeoDataFrame, reading: SiteReading) -> Tuple[SiteTable,
                                                                            Receivers]:
    """(SiteTable, Receivers without area types), as ``excavations_from``; a receiver
    without a highest class accepts nothing."""
    start, end = _windows(reading)
    return SiteTable(frame, reading.ids), Receivers(
        position_xy(frame.geometry), reading.amount_m3, _classes(reading), start, end)


def disposal_sites(frame: gpd.GeoDataFrame, fallback_ids, id_field: Optional[str] = None,
                   fee_field: Optional[str] = None) -> Tuple[DisposalSites, Report]:
    """Disposal sites of a frame in metres: positions, gate fees (empty: the default fee) and
    ids (``fallback_ids`` where there is no id field or id), with the Report of the reading:
    a fee that cannot be read, or a negative one, is refused."""
    report = Report()
    if id_field:
        ids, report = read_ids(frame[id_field], fallback_ids, id_field)
    else:
        ids = np.array([str(i) for i in fallback_ids], dtype=object)
    fees = np.full(len(frame), np.nan)
    if fee_field:
        fees, fee_report = read_values(frame[fee_field], ids, fee_field)
        report.extend(fee_report)
    xy = position_xy(frame.geometry) if len(frame) else np.zeros((0, 2))
    return DisposalSites(xy, fees, ids.tolist()), report


def classify_for_reuse(excavations: Excavations, receivers: Receivers,
                       source_geometry: gpd.GeoSeries, receiver_geometry: gpd.GeoSeries,
                       areas: Optional[gpd.GeoDataFrame], area_field: str,
                       contamination: Optional[gpd.GeoSeries]) -> np.ndarray:
    """Set area types and suspicion in place. With area types, both sides are classified as
    `classify_area_types` does; without, only contaminated sites make a source suspected.
    Returns the positions of area-type polygons that overlapped an earlier one of another type
    (``prepare_area_types``), for the log."""
    if areas is not None and len(areas):
        prepared = prepare_area_types(areas, area_field)
        sources = classify_sites(source_geometry, prepared, contamination)
        excavations.area_type = sources.area_type
        excavations.suspected = sources.contamination_suspected
        receivers.area_type = classify_sites(receiver_geometry, prepared).area_type
        return np.flatnonzero(prepared["overlaps_other_type"].to_numpy())
    excavations.area_type = None
    receivers.area_type = None
    excavations.suspected = np.zeros(len(source_geometry), dtype=bool)
    if contamination is not None and len(contamination) and len(source_geometry):
        left = gpd.GeoDataFrame(geometry=source_geometry.to_numpy(), crs=source_geometry.crs)
        right = gpd.GeoDataFrame(geometry=contamination.to_numpy(), crs=contamination.crs)
        hits = gpd.sjoin(left, right, how="inner", predicate="intersects").index.unique()
        excavations.suspected[np.asarray(hits, dtype=np.int64)] = True
    return np.zeros(0, dtype=np.int64)
