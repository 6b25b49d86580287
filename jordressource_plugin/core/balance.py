"""Soil balance by planning area and the surplus-soil prognosis by year.

Surplus is the excavated volume whose position lies in an area; demand is the capacity of the
receivers whose position lies in it. ``balance_m3 = surplus_m3 - demand_m3``: positive where
soil must leave the area, negative where the area can take more than it produces.
``self_sufficiency`` is the share of the area's surplus it can place itself,
``min(surplus, demand) / surplus`` (no value without surplus).

A site's position is its point, or its polygon's centroid (point on surface where the centroid
falls outside, see ``positions``). A site counts in every area whose interior holds its position,
so overlapping planning areas each count it; a position only on the border between areas counts
in the first of them in layer order; a site in no area counts in the ``outside`` row.

The prognosis spreads each volume evenly over its date window, pro rata by days with both
end days included (a window of 1 Jul 2025 - 30 Jun 2027 puts 184/730 in 2025, 365/730 in 2026,
181/730 in 2027). With only one date the whole volume falls in that date's year. A site without
dates, or whose window ends before it starts, is counted in the ``undated`` bucket, so no volume
is dropped from the balance.

About 20-25 % of clean excavated soil can replace sand and gravel (raw materials) in
construction (Miljøstyrelsen's and the regions' estimates for the Danish raw-material plans);
``raw_material_substitute_m3 = substitution_share × clean surplus``.
"""
import struct
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.prepared import prep
from shapely.strtree import STRtree

from .positions import position_points

_SHAPELY_2 = int(shapely.__version__.split(".")[0]) >= 2

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
    geometry: np.ndarray  # shapely geometries (a GeoSeries or list is converted)
    volume_m3: np.ndarray
    start: np.ndarray = None  # datetime64[D], NaT where unknown; None without a start field
    end: np.ndarray = None
    clean: np.ndarray = None  # bool per site; None counts every site as clean

    def __post_init__(self):
        self.geometry = geometry_array(self.geometry)
        self.volume_m3 = np.asarray(self.volume_m3, dtype=float)
        count = len(self.volume_m3)
        self.start = _dates_or_nat(self.start, count)
        self.end = _dates_or_nat(self.end, count)
        self.clean = (np.ones(count, dtype=bool) if self.clean is None
                      else np.asarray(self.clean, dtype=bool))


@dataclass
class VolumeCheck:
    """Volumes read from a field: the usable values and the positions of the rejected ones."""
    volume_m3: np.ndarray
    missing: np.ndarray  # positions with no value (counted as 0 m³)
    not_numeric: np.ndarray  # positions whose value is not a number
    negative: np.ndarray  # positions with a negative value


@dataclass
class SoilBalance:
    areas: pd.DataFrame  # one row per area, in input order, columns BALANCE_COLUMNS
    outside: pd.Series  # the same columns for sites outside every area
    by_year: pd.DataFrame  # area (position, OUTSIDE), year (UNDATED), surplus/demand/balance/substitute
    undated_sources: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    undated_receivers: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    reversed_sources: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    reversed_receivers: np.ndarray = field(default_factory=lambda: np.zeros(0, int))

    @property
    def totals(self) -> pd.Series:
        """Every site counted once per area it lies in, plus the outside row."""
        total = self.areas[["surplus_m3", "demand_m3", "raw_material_substitute_m3"]].sum()
        total += self.outside[["surplus_m3", "demand_m3", "raw_material_substitute_m3"]]
        total["balance_m3"] = total["surplus_m3"] - total["demand_m3"]
        return total


def check_volumes(values) -> VolumeCheck:
    """Numbers from a volume or capacity field. Empty values count as 0 m³ and are reported;
    text that is not a number and negative volumes are errors the caller reports by id."""
    raw = pd.Series(list(values), dtype=object)
    numbers = pd.to_numeric(raw, errors="coerce").astype(float)
    missing = raw.isna().to_numpy() | raw.map(lambda v: isinstance(v, str) and not v.strip()).to_numpy()
    not_numeric = numbers.isna().to_numpy() & ~missing
    values = numbers.fillna(0.0).to_numpy()
    negative = values < 0
    return VolumeCheck(values, np.flatnonzero(missing), np.flatnonzero(not_numeric),
                       np.flatnonzero(negative))


def parse_dates(values) -> np.ndarray:
    """Dates (date, datetime or ISO text) as datetime64[D]; NaT where empty or unreadable."""
    series = pd.to_datetime(pd.Series(list(values), dtype=object), errors="coerce")
    return series.to_numpy(dtype="datetime64[D]")


def clean_sites(classes, clean_max_class: int = DEFAULT_CLEAN_MAX_CLASS) -> np.ndarray:
    """True where the soil class is known and at most ``clean_max_class`` (1 = ren jord)."""
    numbers = pd.to_numeric(pd.Series(list(classes), dtype=object), errors="coerce").to_numpy(float)
    with np.errstate(invalid="ignore"):
        return np.nan_to_num(numbers, nan=np.inf) <= clean_max_class


def intersecting_pairs(left, right, keep=None) -> tuple:
    """Positions (i, j) of every left[i] that intersects right[j].

    ``keep(i, j)``, if given, is a vectorised filter applied to the candidates (envelopes
    overlap) before the exact test, which is the costly part. Shapely 2 answers in one
    vectorised STRtree query. On shapely 1.8 the candidates come from a uniform grid over the
    envelopes, in numpy (geopandas' index loops in Python over every geometry there), and
    the exact test runs with the smaller side prepared.
    """
    left = geometry_array(left)
    right = geometry_array(right)
    if not len(left) or not len(right):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if _SHAPELY_2:
        left_index, right_index = STRtree(right).query(left, predicate="intersects")
        if keep is not None:
            mask = keep(left_index, right_index)
            left_index, right_index = left_index[mask], right_index[mask]
        return _sorted_pairs(left_index, right_index)
    first, second = envelope_pairs(envelopes(left), envelopes(right))
    if keep is not None:
        mask = keep(first, second)
        first, second = first[mask], second[mask]
    if len(left) <= len(right):
        prepared_side, other_side, prepared_of, other_of = left, right, first, second
    else:
        prepared_side, other_side, prepared_of, other_of = right, left, second, first
    order = np.argsort(prepared_of, kind="stable")
    prepared_of, other_of = prepared_of[order], other_of[order]
    exact = np.zeros(len(order), dtype=bool)
    starts = np.flatnonzero(np.r_[True, prepared_of[1:] != prepared_of[:-1]]) if len(order) else []
    for begin, finish in zip(starts, np.r_[starts[1:], len(order)] if len(order) else []):
        prepared = prep(prepared_side[prepared_of[begin]])
        for row in range(begin, finish):
            exact[row] = prepared.intersects(other_side[other_of[row]])
    first, second = first[order][exact], second[order][exact]
    return _sorted_pairs(first, second)


def envelopes(geometries) -> np.ndarray:
    """(n, 4) minx, miny, maxx, maxy; NaN for missing or empty geometries.

    Points and polygons are read from their WKB (one GEOS call each): shapely 1.8's ``bounds``
    costs several calls per geometry. Other types use ``bounds``.
    """
    if _SHAPELY_2:
        return shapely.bounds(np.asarray(geometries, dtype=object))
    from shapely.geos import WKBWriter, lgeos

    write = WKBWriter(lgeos).write  # one writer: shapely 1.8 builds one per ``.wkb`` call
    result = np.full((len(geometries), 4), np.nan)
    for position, geometry in enumerate(geometries):
        if geometry is None:
            continue
        data = write(geometry)
        kind = int.from_bytes(data[1:5], "little") if data[0] == 1 else 0
        if kind == 1 and len(data) == 21:
            x, y = struct.unpack_from("<2d", data, 5)
            result[position] = (x, y, x, y)
        elif kind == 3 and len(data) > 13:
            count = int.from_bytes(data[9:13], "little")
            ring = np.frombuffer(data, "<f8", 2 * count, 13).reshape(-1, 2)
            result[position, :2] = ring.min(axis=0)
            result[position, 2:] = ring.max(axis=0)
        else:
            bounds = geometry.bounds
            if len(bounds) == 4:
                result[position] = bounds
    return result


_MAX_CELLS = 64  # an envelope spanning more grid cells is compared against all the others


def envelope_pairs(left: np.ndarray, right: np.ndarray) -> tuple:
    """Pairs (i, j) whose envelopes overlap or touch, from a uniform grid of cells the size of a
    typical envelope. Each pair is reported once: in the cell holding the lower-left corner of
    the two envelopes' overlap, which both cover."""
    valid_left = ~np.isnan(left[:, 0])
    valid_right = ~np.isnan(right[:, 0])
    if not valid_left.any() or not valid_right.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    both = np.vstack([left[valid_left], right[valid_right]])
    sizes = np.r_[both[:, 2] - both[:, 0], both[:, 3] - both[:, 1]]
    sizes = sizes[sizes > 0]
    cell = float(np.median(sizes)) if len(sizes) else 1.0
    span = max(float(np.max(both[:, 2:]) - np.min(both[:, :2])), 1.0)
    cell = max(cell, span / 1e6)  # a grid of at most 10^6 cells per side: keys fit int64
    origin_x, origin_y = float(np.min(both[:, 0])), float(np.min(both[:, 1]))

    def grid(bounds, valid):
        index = np.flatnonzero(valid)
        x0 = np.floor((bounds[index, 0] - origin_x) / cell).astype(np.int64)
        y0 = np.floor((bounds[index, 1] - origin_y) / cell).astype(np.int64)
        nx = np.floor((bounds[index, 2] - origin_x) / cell).astype(np.int64) - x0 + 1
        ny = np.floor((bounds[index, 3] - origin_y) / cell).astype(np.int64) - y0 + 1
        return index, x0, y0, nx, ny

    def cells(index, x0, y0, nx, ny):
        counts = nx * ny
        total = int(counts.sum())
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        width = np.repeat(nx, counts)
        return (np.repeat(index, counts),
                _cell_key(np.repeat(x0, counts) + within % width, np.repeat(y0, counts) + within // width))

    left_grid, right_grid = grid(left, valid_left), grid(right, valid_right)
    small_left = left_grid[3] * left_grid[4] <= _MAX_CELLS
    small_right = right_grid[3] * right_grid[4] <= _MAX_CELLS
    left_geometry, left_key = cells(*(part[small_left] for part in left_grid))
    right_geometry, right_key = cells(*(part[small_right] for part in right_grid))
    order = np.argsort(right_key, kind="stable")
    right_key, right_geometry = right_key[order], right_geometry[order]
    low = np.searchsorted(right_key, left_key, side="left")
    matches = np.searchsorted(right_key, left_key, side="right") - low
    total = int(matches.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(matches) - matches, matches)
    first = np.repeat(left_geometry, matches)
    second = right_geometry[np.repeat(low, matches) + offsets]
    key = np.repeat(left_key, matches)
    corner_x = np.maximum(left[first, 0], right[second, 0])
    corner_y = np.maximum(left[first, 1], right[second, 1])
    overlap = ((corner_x <= np.minimum(left[first, 2], right[second, 2]))
               & (corner_y <= np.minimum(left[first, 3], right[second, 3])))
    home = _cell_key(np.floor((corner_x - origin_x) / cell).astype(np.int64),
                     np.floor((corner_y - origin_y) / cell).astype(np.int64))
    keep = overlap & (home == key)
    firsts, seconds = [first[keep]], [second[keep]]
    # envelopes spanning many cells: compared directly (big left with every right, big right
    # with the small lefts, so no pair is found twice)
    small_left_index = left_grid[0][small_left]
    for position in left_grid[0][~small_left]:
        hit = np.flatnonzero(valid_right & _overlaps(right, left[position]))
        firsts.append(np.full(len(hit), position, dtype=np.int64))
        seconds.append(hit)
    for position in right_grid[0][~small_right]:
        hit = small_left_index[_overlaps(left[small_left_index], right[position])]
        firsts.append(hit)
        seconds.append(np.full(len(hit), position, dtype=np.int64))
    return np.concatenate(firsts).astype(np.int64), np.concatenate(seconds).astype(np.int64)


def _cell_key(x, y):
    return x * np.int64(2_000_003) + y


def _overlaps(bounds, box):
    return ((bounds[:, 0] <= box[2]) & (bounds[:, 2] >= box[0])
            & (bounds[:, 1] <= box[3]) & (bounds[:, 3] >= box[1]))


def site_positions(geometry) -> np.ndarray:
    """Positions (see ``positions``) as an object array of points; points are their own
    position, so only polygons pay for a centroid."""
    geometries = geometry_array(geometry)
    kinds = np.array([None if g is None else g.geom_type for g in geometries], dtype=object)
    result = geometries.copy()
    other = np.flatnonzero((kinds != "Point") & (kinds != None))  # noqa: E711 (elementwise)
    if len(other):
        result[other] = position_points(gpd.GeoSeries(geometries[other])).to_numpy()
    return result


def geometry_array(items) -> np.ndarray:
    """A 1-d object array of geometries from a GeoSeries, array or list (numpy alone would
    unpack shapely 1.8's multi-part geometries into their parts)."""
    if isinstance(items, np.ndarray) and items.dtype == object and items.ndim == 1:
        return items
    if isinstance(items, gpd.GeoSeries):
        return items.to_numpy()
    items = list(items)
    result = np.empty(len(items), dtype=object)
    for position, item in enumerate(items):
        result[position] = item
    return result


def _sorted_pairs(left, right):
    order = np.lexsort((right, left))
    return np.asarray(left, dtype=np.int64)[order], np.asarray(right, dtype=np.int64)[order]


def assign_to_areas(positions: gpd.GeoSeries, areas: gpd.GeoSeries) -> pd.DataFrame:
    """Pairs (site, area) of positions in areas, by position in their series.

    A site inside several overlapping areas pairs with each; one only on borders pairs with the
    first area in order. Sites in no area (or without a position) have no pair.
    """
    points = geometry_array(positions)
    polygons = geometry_array(areas)
    site, area = intersecting_pairs(points, polygons)
    pairs = pd.DataFrame({"site": site, "area": area})
    shared = pairs["site"].duplicated(keep=False).to_numpy()
    if shared.any():
        ambiguous = pairs[shared]
        inside = np.array([polygons[a].contains(points[s]) for s, a in
                           zip(ambiguous["site"].to_numpy(), ambiguous["area"].to_numpy())])
        interior = ambiguous[inside]
        border_only = ambiguous[~ambiguous["site"].isin(interior["site"])]
        first = border_only.drop_duplicates("site")
        pairs = pd.concat([pairs[~shared], interior, first], ignore_index=True)
        pairs = pairs.sort_values(["site", "area"], kind="stable").reset_index(drop=True)
    return pairs


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
        frames.append(pd.DataFrame({"site": undated, "year": UNDATED, "volume_m3": volume_m3[undated]}))
    sites = np.flatnonzero(dated)
    if len(sites):
        first = start[sites].astype("datetime64[Y]").astype(int) + 1970
        last = end[sites].astype("datetime64[Y]").astype(int) + 1970
        counts = last - first + 1
        site = np.repeat(sites, counts)
        offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        year = np.repeat(first, counts) + offset
        year_start = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
        year_end = (year - 1969).astype("datetime64[Y]").astype("datetime64[D]") - np.timedelta64(1, "D")
        overlap = (np.minimum(end[site], year_end) - np.maximum(start[site], year_start)).astype(int) + 1
        window = (end[site] - start[site]).astype(int) + 1
        frames.append(pd.DataFrame({"site": site, "year": year,
                                    "volume_m3": volume_m3[site] * overlap / window}))
    if not frames:
        return pd.DataFrame({"site": np.zeros(0, int), "year": np.zeros(0, int),
                             "volume_m3": np.zeros(0)})
    return pd.concat(frames, ignore_index=True)


def reversed_windows(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Positions of sites whose window ends before it starts."""
    if start is None or end is None:
        return np.zeros(0, int)
    both = ~np.isnat(start) & ~np.isnat(end)
    return np.flatnonzero(both & (end < start))


def soil_balance(areas: gpd.GeoSeries, sources: Sites, receivers: Sites = None,
                 substitution_share: float = DEFAULT_SUBSTITUTION_SHARE) -> SoilBalance:
    """Surplus, demand and balance per area in total and per year; see the module docstring."""
    area_count = len(areas)
    if receivers is None:
        receivers = Sites([], np.zeros(0))
    kinds = {}
    for kind, sites in (("surplus_m3", sources), ("demand_m3", receivers)):
        pairs = assign_to_areas(site_positions(sites.geometry), areas) if len(sites.volume_m3) else \
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
                substitution_share * rows["volume_m3"].to_numpy() * sites.clean[rows["site"].to_numpy()])
        yearly.append(per_year.groupby(["area", "year"], sort=False).sum())

    totals["balance_m3"] = totals["surplus_m3"] - totals["demand_m3"]
    surplus = totals["surplus_m3"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        totals["self_sufficiency"] = np.where(
            surplus > 0, np.minimum(surplus, totals["demand_m3"].to_numpy()) / surplus, np.nan)
    for column in ("source_count", "receiver_count"):
        totals[column] = totals[column].astype(int)
    totals = totals[BALANCE_COLUMNS]

    by_year = _dense_years(pd.concat(yearly, axis=1).fillna(0.0), area_count,
                           include_outside=bool((totals.loc[OUTSIDE, ["source_count",
                                                                      "receiver_count"]] > 0).any()))
    return SoilBalance(
        areas=totals.loc[0:].reset_index(drop=True),
        outside=totals.loc[OUTSIDE],
        by_year=by_year,
        undated_sources=_undated(sources),
        undated_receivers=_undated(receivers),
        reversed_sources=reversed_windows(sources.start, sources.end),
        reversed_receivers=reversed_windows(receivers.start, receivers.end),
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
