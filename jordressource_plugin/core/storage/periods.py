"""Calendar months as the periods of a reuse schedule (the contract's `schedule_reuse`).

Day numbers are those of ``reuse_problem.day_number``: a window starts at the beginning of its
start day and ends at the end of its end day, so both dates count as days of the window. The
horizon runs from the first to the last month touched by any dated window; a site without
dates is open in every month of it, a site with one date from or to that date's month.

An excavation with both dates releases its soil over its window pro rata by days: month m gets
the share of the window's days that fall in m. With one date or none, the plan chooses when to
release within the months the known date leaves open. A window of no length (an end date before
the start date, which as day numbers may end exactly where it starts) is reversed: it is open
in no month.
"""
from dataclasses import dataclass

import numpy as np

# Day number (proleptic ordinal) of 1970-01-01, numpy's datetime64 epoch.
_EPOCH_ORDINAL = 719163
# A plan over more months is refused: windows that far apart are most likely typing errors.
MAX_HORIZON_MONTHS = 20 * 12


@dataclass
class Horizon:
    """Months first .. first + count - 1, as months since 1970-01 (numpy's datetime64[M])."""
    first: int
    count: int

    @property
    def labels(self) -> np.ndarray:
        """YYYY-MM per month of the horizon."""
        months = np.arange(self.first, self.first + self.count).astype("datetime64[M]")
        return np.datetime_as_string(months, unit="M")

    def start_days(self) -> np.ndarray:
        """Day number of the first day of each month, and of the month after the last."""
        months = np.arange(self.first, self.first + self.count + 1).astype("datetime64[M]")
        return months.astype("datetime64[D]").astype(np.int64).astype(float) + _EPOCH_ORDINAL


class HorizonTooLong(ValueError):
    """Dated windows span more than ``MAX_HORIZON_MONTHS``; ``sites`` names the sites (kind ->
    indexes) whose windows set the first and the last month."""

    def __init__(self, months: int, sites: dict):
        super().__init__(f"the dated windows span {months} months, more than "
                         f"{MAX_HORIZON_MONTHS}: {sites}")
        self.months = months
        self.sites = sites


class NoDates(ValueError):
    """No excavation or receiver has a usable date, so there is no time to plan."""


def month_of_day(day: np.ndarray) -> np.ndarray:
    """Month (since 1970-01) of the day containing each day number; NaN stays NaN (float)."""
    day = np.asarray(day, dtype=float)
    months = np.full(day.shape, np.nan)
    known = np.isfinite(day)
    whole = (np.floor(day[known]) - _EPOCH_ORDINAL).astype(np.int64).astype("datetime64[D]")
    months[known] = whole.astype("datetime64[M]").astype(np.int64)
    return months


def reversed_windows(start_day: np.ndarray, end_day: np.ndarray) -> np.ndarray:
    """Windows with both ends whose end is not after their start."""
    with np.errstate(invalid="ignore"):
        return ~(np.asarray(end_day, dtype=float) > np.asarray(start_day, dtype=float)) & \
            np.isfinite(start_day) & np.isfinite(end_day)


def touched_months(start_day: np.ndarray, end_day: np.ndarray) -> tuple:
    """(first month, last month) touched by each window, NaN where that end is open; a reversed
    window touches nothing (both NaN)."""
    start_day = np.asarray(start_day, dtype=float)
    end_day = np.asarray(end_day, dtype=float)
    first = month_of_day(start_day)
    # The end is the end of the last day: the day itself is the one just before it.
    last = month_of_day(np.ceil(end_day) - 1.0)
    reversed_ = reversed_windows(start_day, end_day)
    first[reversed_] = np.nan
    last[reversed_] = np.nan
    return first, last


def horizon_of(windows: dict) -> Horizon:
    """The horizon of the windows, given as kind -> (start days, end days).

    Raises NoDates without any dated window and HorizonTooLong over ``MAX_HORIZON_MONTHS``.
    """
    touched = {kind: touched_months(start, end) for kind, (start, end) in windows.items()}
    months = np.concatenate([np.concatenate(pair) for pair in touched.values()])
    months = months[np.isfinite(months)]
    if not len(months):
        raise NoDates("no excavation or receiver has a date")
    first, last = int(months.min()), int(months.max())
    count = last - first + 1
    if count > MAX_HORIZON_MONTHS:
        sites = {}
        for kind, (start, end) in touched.items():
            with np.errstate(invalid="ignore"):
                hit = (start == first) | (end == first) | (start == last) | (end == last)
            if hit.any():
                sites[kind] = np.flatnonzero(hit).tolist()
        raise HorizonTooLong(count, sites)
    return Horizon(first, count)


def open_months(start_day: np.ndarray, end_day: np.ndarray, horizon: Horizon) -> tuple:
    """(first, last) month index within the horizon (0-based) in which each site is open: the
    months its window touches, the whole horizon on an open side. A reversed window is never
    open: first > last."""
    first, last = touched_months(start_day, end_day)
    first = np.where(np.isnan(first), horizon.first, first) - horizon.first
    last = np.where(np.isnan(last), horizon.first + horizon.count - 1, last) - horizon.first
    never = reversed_windows(start_day, end_day)
    first = np.clip(first, 0, horizon.count - 1).astype(np.int64)
    last = np.clip(last, 0, horizon.count - 1).astype(np.int64)
    first[never], last[never] = 1, 0
    return first, last


def open_months_within(start_day: np.ndarray, end_day: np.ndarray, horizon: Horizon) -> tuple:
    """As ``open_months`` for sites whose windows do not set the horizon (storage sites): a
    window entirely before or after the horizon is open in no month (first > last)."""
    first, last = touched_months(start_day, end_day)
    first = np.where(np.isnan(first), horizon.first, first) - horizon.first
    last = np.where(np.isnan(last), horizon.first + horizon.count - 1, last) - horizon.first
    never = reversed_windows(start_day, end_day) | (last < 0) | (first > horizon.count - 1)
    first = np.clip(first, 0, horizon.count - 1).astype(np.int64)
    last = np.clip(last, 0, horizon.count - 1).astype(np.int64)
    first[never], last[never] = 1, 0
    return first, last


def release_shares(start_day: np.ndarray, end_day: np.ndarray, horizon: Horizon) -> tuple:
    """Pro rata release by days of the sites with both dates and a window that is not
    reversed, as flat arrays (site, month index, share); each such site's shares sum to 1."""
    start_day = np.asarray(start_day, dtype=float)
    end_day = np.asarray(end_day, dtype=float)
    dated = np.flatnonzero(np.isfinite(start_day) & np.isfinite(end_day)
                           & ~reversed_windows(start_day, end_day))
    first, last = open_months(start_day[dated], end_day[dated], horizon)
    counts = last - first + 1
    site = np.repeat(dated, counts)
    offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    month = np.repeat(first, counts) + offset
    bounds = horizon.start_days()
    start, end = start_day[site], end_day[site]
    days = np.minimum(end, bounds[month + 1]) - np.maximum(start, bounds[month])
    share = np.clip(days, 0.0, None) / (end - start)
    keep = share > 0
    return site[keep], month[keep], share[keep]
