"""The registers a movement log is checked against: excavations (sources) and receivers, with
what each may send or take, where it lies and in which area type.

A register is read under the project's site policy (``core.tables.read_sites``): every row is
kept here, also one without a usable volume or capacity, because a movement naming it names a
known site; its limit is then unknown and not checked. Ids must be unique (the summary names
each site by its id).
"""
from dataclasses import dataclass
from typing import Optional

import geopandas as gpd
import numpy as np

from ..area.classify import classify_sites, prepare_area_types
from ..geometry.spatial_pairs import intersecting_pairs
from ..tables import DateColumn, SiteReading

RESOURCE_SITE = "resource_site"
# A receiver of these kinds also sends soil on (sorting, temporary storage): the contract's
# kind and the Danish names planners use for it.
SENDING_KINDS = {RESOURCE_SITE, "ressourceplads", "jordressourceplads", "jordressource_plads"}


@dataclass
class SiteRegister:
    ids: np.ndarray  # str per site, unique
    xy: np.ndarray  # (n, 2) metres; NaN where the site has no position
    registered_t: np.ndarray  # volume or capacity × density; NaN where not given
    soil_class: np.ndarray  # excavation: its class; receiver: the highest it accepts; NaN
    start: np.ndarray  # datetime64[D], NaT where open
    end: np.ndarray  # datetime64[D], the last day of the window, NaT where open
    kind: np.ndarray  # str, "" where not given
    sends: np.ndarray  # bool: may be the origin of movements (a resource site)
    area_type: Optional[np.ndarray] = None  # str; None without an area-type layer
    suspected: Optional[np.ndarray] = None  # bool: contamination suspected
    opening_t: Optional[np.ndarray] = None  # stock on hand when the log starts; NaN = none

    def __len__(self) -> int:
        return len(self.ids)

    def __post_init__(self):
        if self.suspected is None:
            self.suspected = np.zeros(len(self.ids), dtype=bool)
        if self.opening_t is None:
            self.opening_t = np.full(len(self.ids), np.nan)


def register_from_reading(reading: SiteReading, xy: np.ndarray, density_t_m3: float,
                          kind: Optional[np.ndarray] = None,
                          receivers: bool = False) -> SiteRegister:
    """A register from every row of a site table read by ``core.tables.read_sites``.

    ``receivers``: a receiver whose ``kind`` is a resource site may also send soil; without a
    kind field every receiver may (nothing says which ones do not)."""
    count = len(reading.ids)
    kinds = (np.full(count, "", dtype=object) if kind is None
             else np.asarray([("" if k is None else str(k)).strip().lower() for k in kind],
                             dtype=object))
    if receivers:
        sends = np.isin(kinds, list(SENDING_KINDS)) if kind is not None else np.ones(count, bool)
    else:
        sends = np.zeros(count, dtype=bool)
    soil_class = (reading.soil_class if reading.soil_class is not None
                  else np.full(count, np.nan))
    return SiteRegister(np.asarray(reading.ids, dtype=object), np.asarray(xy, dtype=float),
                        reading.amount_m3 * density_t_m3, np.asarray(soil_class, dtype=float),
                        _days(reading.start, count), _days(reading.end, count), kinds, sends)


def _days(column: Optional[DateColumn], count: int) -> np.ndarray:
    if column is None:
        return np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    return column.days


def classify_registers(sources: SiteRegister, receivers: SiteRegister,
                       source_geometry: gpd.GeoSeries, receiver_geometry: gpd.GeoSeries,
                       areas: Optional[gpd.GeoDataFrame], area_field: str,
                       contamination: Optional[gpd.GeoSeries]) -> None:
    """Set area types and suspicion in place, as ``match_reuse`` classifies its sites: with
    area types, each site takes the type covering most of it and is suspected on a mapped
    contaminated site or outside every recognised type; without, only contaminated sites make
    a site suspected and area types are not compared. Receivers are classified as sources too,
    since a resource site sends soil on."""
    if areas is not None and len(areas):
        prepared = prepare_area_types(areas, area_field)
        for register, geometry in ((sources, source_geometry), (receivers, receiver_geometry)):
            classified = classify_sites(geometry, prepared, contamination)
            register.area_type = classified.area_type
            register.suspected = classified.contamination_suspected
        return
    for register, geometry in ((sources, source_geometry), (receivers, receiver_geometry)):
        register.area_type = None
        register.suspected = np.zeros(len(register), dtype=bool)
        if contamination is not None and len(contamination) and len(geometry):
            hits, _ = intersecting_pairs(geometry, contamination)
            register.suspected[np.unique(hits)] = True
