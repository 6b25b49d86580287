"""Soil balance by planning area and the surplus-soil prognosis by year.

Surplus is the excavated volume whose position lies in an area; demand is the capacity of the
receivers whose position lies in it. ``balance_m3 = surplus_m3 - demand_m3``: positive where
soil must leave the area, negative where the area can take more than it produces.
``self_sufficiency`` is the share of the area's surplus it can place itself,
``min(surplus, demand) / surplus`` (no value without surplus).

A site's position is its point, or its polygon's centroid (point on surface where the centroid
falls outside, see ``positions``). A site counts in every area whose interior holds its position,
so overlapping planning areas each count it; a position only on the border between areas
(within 1 µm of it) counts in the first of them in layer order; a site in no area counts in the
``outside`` row.

The prognosis spreads each volume evenly over its date window, pro rata by days with both
end days included (a window of 1 Jul 2025 - 30 Jun 2027 puts 184/730 in 2025, 365/730 in 2026,
181/730 in 2027). With only one date the whole volume falls in that date's year. A site without
dates, or whose window ends before it starts, is counted in the ``undated`` bucket, so no volume
is dropped from the balance.

About 20-25 % of clean excavated soil can replace sand and gravel (raw materials) in
construction (Miljøstyrelsen's and the regions' estimates for the Danish raw-material plans);
``raw_material_substitute_m3 = substitution_share × clean surplus``.
"""
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..geometry.positions import position_points
from ..geometry.spatial_pairs import envelopes, geometry_array, points_in_polygons
from ..tables import SiteReading

OUTSIDE = -1  # area position of sites outside every area
UNDATED = -1  # year of volumes without a usable date window
OUTSIDE_ID = "outside"
DEFAULT_SUBSTITUTION_SHARE = 0.225
DEFAULT_CLEAN_MAX_CLASS = 1
BALANCE_COLUMNS = ["surplus_m3", "demand_m3", "balance_m3", "self_sufficiency",
                   "raw_material_substitute_m3", "source_count", "receiver_count"]


@dataclass
class Sites:
    """Excavations or receivers: geometry, volume (or capacity) and an optional date window."""
    geometry: np.ndarray  # shapely geometries (a GeoSeries or list is converted); or None with xy
    volume_m3: np.ndarray
    start: np.ndarray = None  # datetime64[D], NaT where unknown; None without a start field
    end: np.ndarray = None
    clean: np.ndarray = None  # bool per site; None counts every site as clean
    xy: np.ndarray = None  # (n, 2) positions, when known without geometries (point layers)

    def __post_init__(self):
        if self.xy is not None:
            self.xy = np.asarray(self.xy, dtype=float).reshape(-1, 2)
        else:
            self.geometry = geometry_array(self.geometry)
        self.volume_m3 = np.asarray(self.volume_m3, dtype=float)
        count = len(self.volume_m3)
        self.start = _dates_or_nat(self.start, count)
        self.end = _dates_or_nat(self.end, count)
        self.clean = (np.ones(count, dtype=bool) if self.clean is None
                      else np.asarray(self.clean, dtype=bool))


@dataclass
class SoilBalance:
    areas: pd.DataFrame  # one row per area, in input order, columns BALANCE_COLUMNS
    outside: pd.Series  # the same columns for sites outside every area
    # area (position, OUTSIDE), year (UNDATED), surplus/demand/balance/substitute
    by_year: pd.DataFrame
    undated_sources: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    undated_receivers: np.ndarray = field(default_factory=lambda: np.zeros(0, int))

    @property
    def totals(self) -> pd.Series:
        """Every site counted once per area it lies in, plus the outside row."""
        total = self.areas[["surplus_m3", "demand_m3", "raw_material_substitute_m3"]].sum()
        total += self.outside[["surplus_m3", "demand_m3", "raw_material_substitute_m3"]]
        total["balance_m3"] = total["surplus_m3"] - total["demand_m3"]
        return total


def sites_from_reading(reading: SiteReading, geometry=None, xy: np.ndarray = None,
                       clean_max_class: int = None) -> Sites:
    """``Sites`` of the kept rows of a table read under ``core.tables``' policy (``geometry``
    or ``xy`` given for those rows); with ``clean_max_class`` a site is clean when its class is
    known and at most that, without every site counts as clean."""
    clean = None
    if clean_max_class is not None and reading.soil_class is not None:
        clean = clean_sites(reading.soil_class, clean_max_class)
    return Sites(geometry, reading.amount_m3, xy=xy,
                 start=None if reading.start is None else reading.start.days,
                 end=None if reading.end is None else reading.end.days, clean=clean)


def clean_sites(classes, clean_max_class: int = DEFAULT_CLEAN_MAX_CLASS) -> np.ndarray:
    """True where the soil class (a number, NaN = unknown) is known and at most
    ``clean_max_class`` (1 = ren jord)."""
    numbers = np.asarray(classes, dtype=float)
    return np.nan_to_num(numbers, nan=np.inf) <= clean_max_class


def site_xy(sites: "Sites") -> np.ndarray:
    """(n, 2) position of each site (see ``positions``); NaN without a geometry. Points are
    their own position, so only polygons pay for a centroid."""
    if sites.xy is not None:
        return sites.xy
    geometries = sites.geometry
    kinds = np.array([None if g is None else g.geom_type for g in geometries], dtype=object)
    points = geometries.copy()
    other = np.flatnonzero((kinds != "Point") & (kinds != None))  # noqa: E711 (elementwise)
    if len(other):
        points[other] = position_points(gpd.GeoSeries(geometries[other])).to_numpy()
    return envelopes(points)[:, :2]


def assign_to_areas(xy: np.ndarray, areas) -> pd.DataFrame:
    """Pairs (site, area) of positions (an (n, 2) array) in areas, by position.

    A site inside several overlapping areas pairs with each; one only on borders pairs with the
    first area in order. Sites in no area (or without a position) have no pair.
    """
    site, area, interior = points_in_polygons(xy, areas)
    pairs = pd.DataFrame({"site": site, "area": area, "interior": interior})
    shared = pairs["site"].duplicated(keep=False).to_numpy()
    if shared.any():
        ambiguous = pairs[shared]
        inside = ambiguous[ambiguous["interior"].to_numpy()]
        border_only = ambiguous[~ambiguous["site"].isin(inside["site"])]
        first = border_only.sort_values(["site", "area"]).drop_duplicates("site")
        pairs = pd.concat([pairs[~shared], inside, first], ignore_index=True)
    return pairs[["site", "area"]].sort_values(["site", "area"],
                                               kind="stable").reset_index(drop=True)


def spread_by_year(volume_m3: np.ndarray, start: np.ndarray, end: np.ndarray) -> pd.DataFrame:
    """Each volume spread over the years of its date window, pro rata by days (both end days
    included). Rows: site, year (UNDATED for no usable window), volume_m3. Sums are kept
    exactly per site."""
    volume_m3 = np.asarray(volume_m3, dtype=float)
    start, end = _fill_single_dates(start, end)
    dated = ~np.isnat(start) & ~np.isnat(end) & (end >= start)
    frames = []
    undated = np.flatnonzero(~dated)
    if len(undated):
        frames.append(pd.DataFrame({"site": undated, "year": UNDATED,
                                    "volume_m3": volume_m3[undated]}))
    sites = np.flatnonzero(dated)
    if len(sites):
        first = start[sites].astype("datetime64[Y]").astype(int) + 1970
        last = end[sites].astype("datetime64[Y]").astype(int) + 1970
        counts = last - first + 1
        site = np.repeat(sites, counts)
        offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        year = np.repeat(first, counts) + offset
        year_start = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
        year_end = ((year - 1969).astype("datetime64[Y]").astype("datetime64[D]")
                    - np.timedelta64(1, "D"))
        overlap = (np.minimum(end[site], year_end)
                   - np.maximum(start[site], year_start)).astype(int) + 1
        window = (end[site] - start[site]).astype(int) + 1
        frames.append(pd.DataFrame({"site": site, "year": year,
                                    "volume_m3": volume_m3[site] * overlap / window}))
    if not frames:
        return pd.DataFrame({"site": np.zeros(0, int), "year": np.zeros(0, int),
                             "volume_m3": np.zeros(0)})
    return pd.concat(frames, ignore_index=True)


def soil_balance(areas: gpd.GeoSeries, sources: Sites, receivers: Sites = None,
                 substitution_share: float = DEFAULT_SUBSTITUTION_SHARE) -> SoilBalance:
    """Surplus, demand and balance per area in total and per year; see the module docstring."""
    area_count = len(areas)
    if receivers is None:
        receivers = Sites([], np.zeros(0))
    kinds = {}
    for kind, sites in (("surplus_m3", sources), ("demand_m3", receivers)):
        pairs = assign_to_areas(site_xy(sites), areas) if len(sites.volume_m3) else \
            pd.DataFrame({"site": np.zeros(0, int), "area": np.zeros(0, int)})
        kinds[kind] = (sites, _with_outside(pairs, len(sites.volume_m3)))

    totals = pd.DataFrame(0.0, index=np.arange(-1, area_count),
                          columns=["surplus_m3", "demand_m3", "raw_material_substitute_m3",
                                   "source_count", "receiver_count"])
    yearly = []
    for kind, (sites, pairs) in kinds.items():
        area = pairs["area"].to_numpy() + 1  # shift so OUTSIDE is bin 0
        volume = sites.volume_m3[pairs["site"].to_numpy()]
        totals[kind] = np.bincount(area, weights=volume, minlength=area_count + 1)
        count_column = "source_count" if kind == "surplus_m3" else "receiver_count"
        totals[count_column] = np.bincount(area, minlength=area_count + 1)
        spread = spread_by_year(sites.volume_m3, sites.start, sites.end)
        rows = spread.merge(pairs, on="site")
        per_year = pd.DataFrame({"area": rows["area"].to_numpy(), "year": rows["year"].to_numpy(),
                                 kind: rows["volume_m3"].to_numpy()})
        if kind == "surplus_m3":
            clean = sites.clean[pairs["site"].to_numpy()]
            totals["raw_material_substitute_m3"] = substitution_share * np.bincount(
                area, weights=volume * clean, minlength=area_count + 1)
            per_year["raw_material_substitute_m3"] = (
                substitution_share * rows["volume_m3"].to_numpy()
                * sites.clean[rows["site"].to_numpy()])
        yearly.append(per_year.groupby(["area", "year"], sort=False).sum())

    totals["balance_m3"] = totals["surplus_m3"] - totals["demand_m3"]
    surplus = totals["surplus_m3"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        totals["self_sufficiency"] = np.where(
            surplus > 0, np.minimum(surplus, totals["demand_m3"].to_numpy()) / surplus, np.nan)
    for column in ("source_count", "receiver_count"):
        totals[column] = totals[column].astype(int)
    totals = totals[BALANCE_COLUMNS]

    outside_sites = totals.loc[OUTSIDE, ["source_count", "receiver_count"]]
    by_year = _dense_years(pd.concat(yearly, axis=1).fillna(0.0), area_count,
                           include_outside=bool((outside_sites > 0).any()))
    return SoilBalance(
        areas=totals.loc[0:].reset_index(drop=True),
        outside=totals.loc[OUTSIDE],
        by_year=by_year,
        undated_sources=_undated(sources),
        undated_receivers=_undated(receivers),
    )


def _dates_or_nat(values, count):
    if values is None:
        return np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    return np.asarray(values, dtype="datetime64[D]")


def _fill_single_dates(start, end):
    """A window with one known date is that one day."""
    start = np.where(np.isnat(start), end, start)
    end = np.where(np.isnat(end), start, end)
    return start, end


def _undated(sites: Sites) -> np.ndarray:
    start, end = _fill_single_dates(sites.start, sites.end)
    return np.flatnonzero(np.isnat(start) | (end < start))


def _with_outside(pairs: pd.DataFrame, site_count: int) -> pd.DataFrame:
    outside = np.setdiff1d(np.arange(site_count), pairs["site"].to_numpy())
    if not len(outside):
        return pairs
    return pd.concat([pairs, pd.DataFrame({"site": outside, "area": OUTSIDE})], ignore_index=True)


def _dense_years(per_year: pd.DataFrame, area_count: int, include_outside: bool) -> pd.DataFrame:
    """Every area (and the outside row when a site lies outside) × every year present, zeros
    where nothing happens, so a prognosis reads as a complete table."""
    for column in ("surplus_m3", "demand_m3", "raw_material_substitute_m3"):
        if column not in per_year.columns:
            per_year[column] = 0.0
    years = sorted(per_year.index.get_level_values("year").unique().tolist())
    if not years:
        years = [UNDATED]
    years = [y for y in years if y != UNDATED] + ([UNDATED] if UNDATED in years else [])
    area_positions = ([OUTSIDE] if include_outside else []) + list(range(area_count))
    index = pd.MultiIndex.from_product([area_positions, years], names=["area", "year"])
    table = per_year.reindex(index, fill_value=0.0).reset_index()
    outside = (table["area"] == OUTSIDE).to_numpy()
    table = pd.concat([table[~outside], table[outside]])
    table["balance_m3"] = table["surplus_m3"] - table["demand_m3"]
    return table[["area", "year", "surplus_m3", "demand_m3", "balance_m3",
                  "raw_material_substitute_m3"]].reset_index(drop=True)
