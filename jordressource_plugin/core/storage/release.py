"""What each excavation releases and when, and the rows of the programme that bound it.

An excavation with both dates releases r_m tonnes in each month m of its window (pro rata by
days); one with a date or none releases its tonnes in the months the plan chooses.

Soil sent directly to a receiver may leave in any month both are open: an interval of months.
Instead of one variable per arc and month, the programme has one per arc (the tonnes over the
horizon) and bounds them by intervals: the arcs and storage entries whose months all lie within
months s..t take at most r_s + … + r_t. For months offered to interval-shaped demands these
rows are exactly the condition for a month-by-month split to exist (Hall's condition for a
convex bipartite graph, Glover 1967: only intervals need checking, and only those from a first
month to a last month of some arc). The split itself is read back month by month, earliest
closing arc first (Jackson's rule), which finds one whenever one exists.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..reuse.problem import Excavations
from .periods import Horizon, open_months, release_shares


@dataclass
class Release:
    """What each excavation releases and when; the release rows are the accounting unit of
    the plan's tables (one per month of a dated excavation, one for an undated one)."""
    tonnes: np.ndarray  # per excavation
    first: np.ndarray  # first month it may release (index in the horizon)
    last: np.ndarray  # last month; first > last: no month (reversed window, soil to disposal)
    fixed: np.ndarray  # bool: both dates, release pro rata by days
    row_site: np.ndarray  # per release row: excavation
    row_month: np.ndarray  # per release row: month for a fixed release, -1 for a free one
    row_tonnes: np.ndarray


def release_of(excavations: Excavations, horizon: Horizon, density_t_m3: float) -> Release:
    tonnes = np.asarray(excavations.volume_m3, dtype=float) * density_t_m3
    first, last = open_months(excavations.start_day, excavations.end_day, horizon)
    fixed = np.isfinite(excavations.start_day) & np.isfinite(excavations.end_day) & \
        (first <= last)
    site, month, share = release_shares(excavations.start_day, excavations.end_day, horizon)
    free = np.flatnonzero(~fixed & (first <= last))
    return Release(tonnes, first, last, fixed,
                   np.concatenate([site, free]).astype(np.int64),
                   np.concatenate([month, np.full(len(free), -1)]).astype(np.int64),
                   np.concatenate([tonnes[site] * share, tonnes[free]]))


def monthly_release(release: Release, months: int) -> np.ndarray:
    """(excavations × months) tonnes of the dated releases."""
    table = np.zeros((len(release.tonnes), months))
    dated = release.row_month >= 0
    table[release.row_site[dated], release.row_month[dated]] = release.row_tonnes[dated]
    return table


def release_rows(release: Release, months: int, source: np.ndarray, first: np.ndarray,
                 last: np.ndarray) -> tuple:
    """Rows bounding what leaves each excavation, for columns given by their excavation and
    interval of months (``first``..``last``; a storage entry has one month).

    Returns (row per nonzero, column per nonzero, right-hand sides): one row per undated
    excavation (everything it has), and per dated one a row for each interval from a first
    month to a last month of its columns.
    """
    source = np.asarray(source, dtype=np.int64)
    column = np.arange(len(source))
    free = ~release.fixed[source]
    free_sites, free_row = np.unique(source[free], return_inverse=True)
    rows, cols = [free_row], [column[free]]
    bounds = [release.tonnes[free_sites]]

    dated = pd.DataFrame({"site": source[~free], "lo": np.asarray(first)[~free],
                          "hi": np.asarray(last)[~free], "column": column[~free]})
    starts = dated[["site", "lo"]].drop_duplicates()
    ends = dated[["site", "hi"]].drop_duplicates()
    intervals = starts.merge(ends, on="site")
    intervals = intervals[intervals["lo"] <= intervals["hi"]].reset_index(drop=True)
    intervals["row"] = len(free_sites) + np.arange(len(intervals))
    member = dated.merge(intervals, on="site", suffixes=("", "_row"))
    member = member[(member["lo_row"] <= member["lo"]) & (member["hi"] <= member["hi_row"])]
    rows.append(member["row"].to_numpy(dtype=np.int64))
    cols.append(member["column"].to_numpy(dtype=np.int64))
    cumulative = np.concatenate([np.zeros((len(release.tonnes), 1)),
                                 np.cumsum(monthly_release(release, months), axis=1)], axis=1)
    site = intervals["site"].to_numpy(dtype=np.int64)
    bounds.append(cumulative[site, intervals["hi"].to_numpy(dtype=np.int64) + 1]
                  - cumulative[site, intervals["lo"].to_numpy(dtype=np.int64)])
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(bounds)


def split_by_month(release: Release, months: int, direct_source: np.ndarray,
                   direct_first: np.ndarray, direct_last: np.ndarray, direct_t: np.ndarray,
                   entry_source: np.ndarray, entry_month: np.ndarray,
                   entry_t: np.ndarray) -> tuple:
    """Direct tonnes per month and what each release row leaves to disposal.

    A dated excavation's months are filled in order, each month's soil left after its storage
    entries going to the open direct arcs that close first. An undated excavation's direct soil
    is put in the first month the arc is open. Returns (direct column, month, tonnes) of each
    piece and the disposal per release row (never negative; noise within solver tolerance
    stays in the last month of an arc).
    """
    direct_source = np.asarray(direct_source, dtype=np.int64)
    direct_t = np.asarray(direct_t, dtype=float)
    available = monthly_release(release, months)
    np.subtract.at(available, (np.asarray(entry_source, dtype=np.int64),
                               np.asarray(entry_month, dtype=np.int64)), entry_t)
    free_used = np.zeros(len(release.tonnes))
    np.add.at(free_used, entry_source[~release.fixed[entry_source]],
              np.asarray(entry_t)[~release.fixed[entry_source]])
    pieces_column, pieces_month, pieces_t = [], [], []

    carrying = np.flatnonzero(direct_t > 0)
    undated = carrying[~release.fixed[direct_source[carrying]]]
    pieces_column.append(undated)
    pieces_month.append(np.asarray(direct_first)[undated])
    pieces_t.append(direct_t[undated])
    np.add.at(free_used, direct_source[undated], direct_t[undated])

    dated = carrying[release.fixed[direct_source[carrying]]]
    dated = dated[np.lexsort((np.asarray(direct_last)[dated], direct_source[dated]))]
    starts = np.flatnonzero(np.diff(direct_source[dated], prepend=-1) != 0)
    for begin, end in zip(starts, np.r_[starts[1:], len(dated)]):
        columns = dated[begin:end]  # one excavation's arcs, earliest closing first
        site = direct_source[columns[0]]
        left = direct_t[columns].copy()
        lows, highs = np.asarray(direct_first)[columns], np.asarray(direct_last)[columns]
        for month in range(int(lows.min()), int(highs.max()) + 1):
            room = max(available[site, month], 0.0)
            for position in np.flatnonzero((lows <= month) & (left > 0)):
                take = left[position] if highs[position] == month else min(left[position], room)
                if take <= 0:
                    continue
                pieces_column.append([columns[position]])
                pieces_month.append([month])
                pieces_t.append([take])
                left[position] -= take
                room -= take
                available[site, month] -= take

    dated_rows = release.row_month >= 0
    disposal = np.where(dated_rows,
                        available[release.row_site, np.maximum(release.row_month, 0)],
                        release.row_tonnes - free_used[release.row_site])
    return (np.concatenate(pieces_column).astype(np.int64),
            np.concatenate(pieces_month).astype(np.int64), np.concatenate(pieces_t),
            np.clip(disposal, 0.0, None))
