"""Reading planners' tables: one strict reader for numbers, dates and ids, and one policy for
the values of a site (volume or capacity, soil class, date window), used by every algorithm.

A plan built on a silently wrong number is worse than no plan, so a value is read only when it
has one reading; otherwise the site is named by id with the value shown. The rules, stated once
here and in the help (``help/<lang>/reading_tables.html``):

Numbers
    A number from a numeric field (int, float, numpy scalar, Decimal) is taken as it is. Text is
    read in Danish or English spelling when only one reading exists:

    - one comma or one point is the decimal separator: ``"12,5"`` and ``"12.5"`` are 12.5;
    - points, commas or spaces group the integer part in threes: ``"1.234.567"``,
      ``"1,234,567"`` and ``"1 234 567"`` are 1234567; with both a point and a comma the last
      one is the decimal separator: ``"1.234,5"`` (Danish) and ``"1,234.5"`` (English) are
      1234.5;
    - **ambiguous**: a single point or comma followed by exactly three digits, after one to
      three digits not starting with 0 (``"1.500"``, ``"12,250"``). Danish reads ``"1.500"`` as
      1500 and English as 1.5: the readings differ by 1,000×, so the value is refused, never
      guessed (write ``1500``, ``1500,0`` or ``1.500,0``). ``"0,500"`` and ``"1234.500"`` have
      one reading (0.5 and 1234.5);
    - an exponent is read after a mantissa with at most one separator (``"2,5e3"`` is 2500);
    - a sign (``+``, ``-``, ``−``) may lead; spaces around the text are ignored;
    - anything else is refused: words, units (``"1500 m3"``), ``"inf"``, ``"nan"``, values too
      large for a float (``"1e400"``), infinite floats, yes/no values and dates.

Dates
    ``date``, ``datetime``, pandas ``Timestamp``, numpy ``datetime64`` and QGIS's QDate and
    QDateTime are taken as they are (a time zone is dropped: the wall-clock time counts). Text:

    - ISO ``yyyy-mm-dd`` (also ``yyyy/mm/dd``), optionally with a time ``HH:MM[:SS]`` after
      ``T`` or a space and a zone (``Z``, ``+01:00``), which is dropped;
    - ``dd-mm-yyyy``, ``dd.mm.yyyy`` and ``dd/mm-yyyy``, always day first (the Danish order),
      optionally with a time;
    - a month by name, Danish or English, full or shortened: ``"31. januar 2027"``,
      ``"31 jan. 2027"``, ``"January 31, 2027"``;
    - refused: ``dd/mm/yyyy`` (day and month order differ between Danish and US use), two-digit
      years, numbers (an integer ``20261201`` or a spreadsheet serial is not read as a date),
      dates that do not exist (``31-02-2026``) and any other text.

Yes/no values
    ``True``/``False``, the numbers 1 and 0, and the words ``ja``/``nej``, ``j``/``n``,
    ``sand``/``falsk``, ``yes``/``no``, ``y``/``n``, ``true``/``false``, ``t``/``f``, ``1``/``0``
    in any case. Anything else is refused.

Ids
    Text, stripped; numbers as their text (``101``). An empty id, or one used by several rows,
    is refused where outputs name each site by its id (``match_reuse``); elsewhere the row is
    named by its feature id and the ids are reported.

Values of a site (the one policy for every algorithm)
    ===================  ===========================  ===================================
    value                empty (NULL, blank text)     unreadable, ambiguous, not finite,
                                                      negative (and for classes: fractional)
    ===================  ===========================  ===================================
    volume / capacity    site left out, named by id   run refused, ids and values named
    soil class           site kept without a class:   run refused
                         named by id
    start / end date     that end of the window open  run refused
    ===================  ===========================  ===================================

    Zero is a value: the site is kept with 0 m³ (a full receiver takes nothing). A window that
    ends before it starts is kept and named by id. A volume over ``IMPLAUSIBLE_M3["volume"]``
    (10 million m³) or a capacity over ``IMPLAUSIBLE_M3["capacity"]`` (100 million m³) is kept
    and named by id as implausible. A site left out for an empty volume has its other values
    not read. Every refusal of one layer is reported at once, so that one correction round
    suffices.

Every function returns the values with a ``Report``: each ``Issue`` holds the reason, what was
done (``REFUSED``, ``SKIPPED``, ``NOTED``), the field, the ids and the values as given, for the
QGIS side to word (``layers/reading.py``).
"""
import datetime
import decimal
import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

# Why a value is not used as given (Issue.reason).
EMPTY = "empty"
UNREADABLE = "unreadable"
AMBIGUOUS = "ambiguous"  # "1.500": 1,500 in Danish, 1.5 in English
NOT_FINITE = "not_finite"
NEGATIVE = "negative"
NOT_WHOLE = "not_whole"  # a soil class such as 1.5
NUMBER_NOT_DATE = "number_not_date"  # 20261201 where a date belongs
AMBIGUOUS_DATE = "ambiguous_date"  # 01/02/2026, 01-02-26
MISSING_ID = "missing_id"
DUPLICATE_ID = "duplicate_id"
WINDOW_REVERSED = "window_reversed"
IMPLAUSIBLE = "implausible"

# What was done about it (Issue.action).
REFUSED = "refused"  # the run stops, naming every such row
SKIPPED = "skipped"  # the row is left out and named
NOTED = "noted"  # the row is kept and named

# The role of the field an issue is about (Issue.role).
ID = "id"
VOLUME = "volume"
CAPACITY = "capacity"
CLASS = "class"
START = "start"
END = "end"
WINDOW = "window"  # start and end together
VALUE = "value"  # any other number (a gate fee, a planned level)
DATE = "date"  # any other date (a movement's day, a departure time)
YES_NO = "yes_no"  # a yes/no value (a movement analysed or not)

IMPLAUSIBLE_M3 = {VOLUME: 10_000_000.0, CAPACITY: 100_000_000.0}


class ValueRefused(ValueError):
    """One value that cannot be read; ``reason`` says why."""

    def __init__(self, reason: str, value: Any):
        super().__init__(f"{reason}: {value!r}")
        self.reason = reason
        self.value = value


@dataclass
class Issue:
    reason: str
    action: str
    role: str
    field: str  # the layer's field ("start_date/end_date" for a window)
    ids: List[str]
    values: List[Any]  # as given, one per id


class TableRefused(ValueError):
    """A table with values that cannot be used; ``report.refused`` lists them."""

    def __init__(self, report: "Report"):
        super().__init__("; ".join(f"{i.field}: {i.reason} at {', '.join(i.ids[:20])}"
                                   for i in report.refused))
        self.report = report


@dataclass
class Report:
    issues: List[Issue] = field(default_factory=list)

    def add(self, reason: str, action: str, role: str, field_name: str, ids: Sequence,
            values: Sequence) -> None:
        if len(ids):
            self.issues.append(Issue(reason, action, role, field_name, [str(i) for i in ids],
                                     list(values)))

    def extend(self, other: "Report") -> None:
        self.issues.extend(other.issues)

    @property
    def refused(self) -> List[Issue]:
        return [i for i in self.issues if i.action == REFUSED]

    def ids(self, action: str, reason: Optional[str] = None) -> List[str]:
        """Ids under ``action`` (and ``reason``), in report order."""
        return [id_ for i in self.issues if i.action == action
                and (reason is None or i.reason == reason) for id_ in i.ids]

    def raise_if_refused(self) -> None:
        if self.refused:
            raise TableRefused(self)


# Numbers -----------------------------------------------------------------------------------
_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")
_SPACE_GROUPED = re.compile(r"[+-]?\d{1,3}( \d{3})+([.,]\d+)?", re.ASCII)
_EXPONENT = re.compile(r"(\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+", re.ASCII)
_DIGITS_AND_SEPARATORS = re.compile(r"(?=[.,]?\d)[\d.,]+", re.ASCII)
_NOT_FINITE_WORDS = {"inf", "infinity", "nan"}


def read_number(value: Any) -> float:
    """``value`` as a float: NaN when empty (None, NaN, blank text); raises ValueRefused."""
    if value is None:
        return math.nan
    if isinstance(value, (bool, np.bool_)):
        raise ValueRefused(UNREADABLE, value)
    if isinstance(value, (int, np.integer, decimal.Decimal)):
        return _finite(float(value), value)
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return math.nan  # pandas' missing value
        return _finite(float(value), value)
    if isinstance(value, str):
        return _number_from_text(value)
    if _is_missing(value):
        return math.nan
    raise ValueRefused(UNREADABLE, value)


def _finite(number: float, value: Any) -> float:
    if not math.isfinite(number):
        raise ValueRefused(NOT_FINITE, value)
    return number


def _number_from_text(value: str) -> float:
    text = value.strip().replace("\u2212", "-")
    if not text:
        return math.nan
    if text.lstrip("+-").lower() in _NOT_FINITE_WORDS:
        raise ValueRefused(NOT_FINITE, value)
    if _SPACES.search(text):
        if not _SPACE_GROUPED.fullmatch(_SPACES.sub(" ", text)):
            raise ValueRefused(UNREADABLE, value)
        text = _SPACES.sub("", text)
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:]
    if _EXPONENT.fullmatch(text):
        return _finite(float(sign + text.replace(",", ".")), value)
    if not _DIGITS_AND_SEPARATORS.fullmatch(text):
        raise ValueRefused(UNREADABLE, value)
    points, commas = text.count("."), text.count(",")
    if points and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
        whole, _, fraction = text.rpartition(decimal_mark)
        if text.count(decimal_mark) != 1 or not fraction or not _grouped(whole, grouping):
            raise ValueRefused(UNREADABLE, value)
        return _finite(float(sign + whole.replace(grouping, "") + "." + fraction), value)
    if points + commas == 0:
        return _finite(float(sign + text), value)
    mark = "." if points else ","
    if points + commas > 1:
        if not _grouped(text, mark):
            raise ValueRefused(UNREADABLE, value)
        return _finite(float(sign + text.replace(mark, "")), value)
    whole, _, fraction = text.partition(mark)
    if not fraction:
        raise ValueRefused(UNREADABLE, value)
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        raise ValueRefused(AMBIGUOUS, value)
    return _finite(float(sign + (whole or "0") + "." + fraction), value)


def _grouped(whole: str, mark: str) -> bool:
    """True for digits grouped in threes by ``mark``, the first group of one to three digits."""
    return re.fullmatch(r"[0-9]{1,3}(" + re.escape(mark) + r"[0-9]{3})+", whole) is not None


def read_numbers(values: Sequence) -> Tuple[np.ndarray, Dict[str, np.ndarray]]:
    """Floats (NaN where empty or refused) and {reason: positions} of the refused values.

    A float column is checked whole (NaN is empty, ±inf refused); other columns value by value.
    """
    array = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if array.dtype.kind in "fiu":
        numbers = array.astype(float)
        infinite = np.flatnonzero(np.isinf(numbers))
        numbers[infinite] = np.nan
        return numbers, ({NOT_FINITE: infinite} if len(infinite) else {})
    items = list(values)
    distinct = _distinct_text(items)
    if distinct is not None:
        codes, texts = distinct
        numbers, problems = _numbers_of_each(texts)
        return _spread(numbers, codes, np.nan), _spread_problems(problems, codes)
    return _numbers_of_each(items)


def _numbers_of_each(items: list) -> Tuple[np.ndarray, Dict[str, np.ndarray]]:
    numbers = np.full(len(items), np.nan)
    problems: Dict[str, List[int]] = {}
    for position, value in enumerate(items):
        try:
            numbers[position] = read_number(value)
        except ValueRefused as refused:
            problems.setdefault(refused.reason, []).append(position)
    return numbers, {k: np.asarray(v, dtype=np.int64) for k, v in problems.items()}


def _distinct_text(items: list) -> Optional[Tuple[np.ndarray, list]]:
    """(code per item, the distinct texts) when every item is text or None, else None.

    A long column of text (a CSV log: dates, numbers with a decimal comma) repeats few values,
    so each distinct text is read once. Only text qualifies: hashing would take 1, 1.0 and True
    for one value, which the rules read differently."""
    if not items or not set(map(type, items)) <= {str, np.str_, type(None)}:
        return None
    codes, texts = pd.factorize(np.asarray(items, dtype=object))
    return codes, list(texts)


def _spread(distinct_values: np.ndarray, codes: np.ndarray, empty: Any) -> np.ndarray:
    """The values read per distinct text, back in the column's rows (``empty`` for None)."""
    # Code -1 (None) takes the appended empty value.
    return np.append(distinct_values, np.array([empty], dtype=distinct_values.dtype))[codes]


def _spread_problems(problems: Dict[str, np.ndarray], codes: np.ndarray) -> Dict[str, np.ndarray]:
    return {reason: np.flatnonzero(np.isin(codes, positions))
            for reason, positions in problems.items()}


def _is_missing(value: Any) -> bool:
    """None, NaN, pandas' NA and NaT, numpy's NaT, and blank text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    if value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(value != value)  # pandas NA / NaT
    except (TypeError, ValueError):
        return False


# Dates -------------------------------------------------------------------------------------
_MONTHS = {
    # Danish
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    # shortened, both languages
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}
_TIME = r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME, re.ASCII)
_DAY_FIRST = re.compile(r"(\d{1,2})(?:([-.])(\d{1,2})\2|/(\d{1,2})-)(\d{4})" + _TIME, re.ASCII)
_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/\d{4}" + _TIME, re.ASCII)
_SHORT_YEAR = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2}", re.ASCII)
_NAMED_DAY_FIRST = re.compile(r"([0-9]{1,2})\.?[\s-]*([^\W\d_]+)\.?[\s-]*,?\s*([0-9]{4})")
_NAMED_MONTH_FIRST = re.compile(r"([^\W\d_]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})")
_NUMERIC = re.compile(r"[+-]?[\d.,]*\d", re.ASCII)


@dataclass
class DateColumn:
    """Read dates: ``moments`` as datetime64[s] (NaT where empty or refused) and ``timed``, True
    where a time of day was given (a plain date as an end counts to the end of that day)."""
    moments: np.ndarray
    timed: np.ndarray

    @property
    def days(self) -> np.ndarray:
        """The calendar day of each moment, datetime64[D]."""
        return self.moments.astype("datetime64[D]")

    def day_numbers(self, end_of_day: bool = False) -> np.ndarray:
        """Proleptic ordinal day numbers with the time as a fraction, NaN where empty; with
        ``end_of_day`` a plain date counts to the end of that day."""
        seconds = self.moments.astype("datetime64[s]").astype(np.int64).astype(float)
        days = _EPOCH_ORDINAL + seconds / 86400.0
        if end_of_day:
            days = days + np.where(self.timed, 0.0, 1.0)
        return np.where(np.isnat(self.moments), np.nan, days)


_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def read_date(value: Any) -> Tuple[Optional[datetime.datetime], bool]:
    """(moment, timed): ``value`` as a naive datetime, or None when empty; ``timed`` is False
    for a plain date. Raises ValueRefused (see the module's rules)."""
    if _is_missing(value):
        return None, False
    if hasattr(value, "toPyDateTime"):  # QDateTime
        return (value.toPyDateTime(), True) if value.isValid() else (None, False)
    if hasattr(value, "toPyDate"):  # QDate
        return (_midnight(value.toPyDate()), False) if value.isValid() else (None, False)
    if isinstance(value, np.datetime64):
        # As in a datetime64 column: a time of day only when there is one.
        moment = value.astype("datetime64[us]").item()
        return moment, moment.time() != datetime.time()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None), True
    if isinstance(value, datetime.date):
        return _midnight(value), False
    if isinstance(value, (bool, np.bool_)):
        raise ValueRefused(UNREADABLE, value)
    if isinstance(value, (int, float, decimal.Decimal, np.number)):
        raise ValueRefused(NUMBER_NOT_DATE, value)
    if isinstance(value, str):
        return _date_from_text(value)
    raise ValueRefused(UNREADABLE, value)


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day)


def _date_from_text(value: str) -> Tuple[datetime.datetime, bool]:
    text = " ".join(value.split())
    match = _ISO.fullmatch(text)
    if match:
        return _moment(value, match.group(1), match.group(2), match.group(3), match.groups()[3:])
    match = _DAY_FIRST.fullmatch(text)
    if match:
        day, _, month, slash_month, year = match.groups()[:5]
        return _moment(value, year, month or slash_month, day, match.groups()[5:])
    if _SLASHED.fullmatch(text) or _SHORT_YEAR.fullmatch(text):
        raise ValueRefused(AMBIGUOUS_DATE, value)
    if _NUMERIC.fullmatch(text):
        raise ValueRefused(NUMBER_NOT_DATE, value)
    match = _NAMED_DAY_FIRST.fullmatch(text)
    if match and match.group(2).lower() in _MONTHS:
        return _moment(value, match.group(3), _MONTHS[match.group(2).lower()], match.group(1))
    match = _NAMED_MONTH_FIRST.fullmatch(text)
    if match and match.group(1).lower() in _MONTHS:
        return _moment(value, match.group(3), _MONTHS[match.group(1).lower()], match.group(2))
    raise ValueRefused(UNREADABLE, value)


def _moment(value, year, month, day, time=(None, None, None)) -> Tuple[datetime.datetime, bool]:
    hour, minute, second = time
    try:
        moment = datetime.datetime(int(year), int(month), int(day), int(hour or 0),
                                   int(minute or 0), int(second or 0))
    except ValueError:
        raise ValueRefused(UNREADABLE, value) from None
    return moment, hour is not None


def read_dates(values: Sequence) -> Tuple[DateColumn, Dict[str, np.ndarray]]:
    """A DateColumn (NaT where empty or refused) and {reason: positions} of refused values."""
    array = values if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind == "M":
        moments = array.astype("datetime64[s]")
        timed = moments != moments.astype("datetime64[D]").astype("datetime64[s]")
        return DateColumn(moments, timed), {}
    items = list(values)
    distinct = _distinct_text(items)
    if distinct is not None:
        codes, texts = distinct
        column, problems = _dates_of_each(texts)
        return (DateColumn(_spread(column.moments, codes, np.datetime64("NaT")),
                           _spread(column.timed, codes, False)),
                _spread_problems(problems, codes))
    return _dates_of_each(items)


def _dates_of_each(items: list) -> Tuple[DateColumn, Dict[str, np.ndarray]]:
    moments = np.full(len(items), np.datetime64("NaT"), dtype="datetime64[s]")
    timed = np.zeros(len(items), dtype=bool)
    problems: Dict[str, List[int]] = {}
    for position, value in enumerate(items):
        try:
            moment, timed[position] = read_date(value)
        except ValueRefused as refused:
            problems.setdefault(refused.reason, []).append(position)
            continue
        if moment is not None:
            moments[position] = np.datetime64(moment, "s")
    return DateColumn(moments, timed), {k: np.asarray(v, dtype=np.int64)
                                        for k, v in problems.items()}


# Yes/no values -----------------------------------------------------------------------------
_YES = {"true", "t", "yes", "y", "ja", "j", "sand", "1"}
_NO = {"false", "f", "no", "n", "nej", "falsk", "0"}


def read_yes_no(value: Any) -> float:
    """1.0 for yes, 0.0 for no, NaN when empty; raises ValueRefused (see the module's rules)."""
    if _is_missing(value):
        return math.nan
    if isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and value in (0, 1):
        return float(value)
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return float(value.strip().lower() in _YES)
    raise ValueRefused(UNREADABLE, value)


def read_yes_no_values(values: Sequence) -> Tuple[np.ndarray, Dict[str, np.ndarray]]:
    """1.0 / 0.0 per value (NaN where empty or refused) and {reason: positions} refused."""
    array = values if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind == "b":
        return array.astype(float), {}
    items = list(values)
    if items and set(map(type, items)) <= {bool, np.bool_, type(None)}:
        # A yes/no field as QGIS or GDAL hands it over: read whole.
        flags = np.array([False if item is None else item for item in items], dtype=float)
        flags[np.array([item is None for item in items])] = np.nan
        return flags, {}
    distinct = _distinct_text(items)
    texts, codes = (distinct[1], distinct[0]) if distinct is not None else (items, None)
    read = np.full(len(texts), np.nan)
    problems: Dict[str, List[int]] = {}
    for position, value in enumerate(texts):
        try:
            read[position] = read_yes_no(value)
        except ValueRefused as refused:
            problems.setdefault(refused.reason, []).append(position)
    found = {k: np.asarray(v, dtype=np.int64) for k, v in problems.items()}
    if codes is None:
        return read, found
    return _spread(read, codes, np.nan), _spread_problems(found, codes)


# Ids ---------------------------------------------------------------------------------------
def id_texts(values: Sequence) -> np.ndarray:
    """Ids as ``read_ids`` reads them ("" where empty), without its report: for columns that
    repeat ids by design, such as a movement log's site ids. Each distinct text is read once."""
    items = list(values)
    distinct = _distinct_text(items)
    if distinct is not None:
        codes, texts = distinct
        return np.array([text.strip() for text in texts] + [""], dtype=object)[codes]
    return np.array(["" if _is_missing(v) else str(v).strip() for v in items], dtype=object)


def read_ids(values: Sequence, fallback: Optional[Sequence] = None, field_name: str = "",
             required: bool = False) -> Tuple[np.ndarray, Report]:
    """Ids as stripped text, and a Report of empty and repeated ids.

    ``required`` (outputs name each site by id): empty and repeated ids are refused. Otherwise
    a row without an id is named by its ``fallback`` label (the feature id) and both are noted.
    """
    labels = id_texts(values)
    missing = np.flatnonzero(labels == "")
    action = REFUSED if required else NOTED
    report = Report()
    if fallback is not None:
        fallback = [str(f) for f in fallback]
        labels[missing] = [fallback[p] for p in missing]
    report.add(MISSING_ID, action, ID, field_name, labels[missing] if fallback is not None
               else [str(p + 1) for p in missing], [None] * len(missing))
    named = labels[np.setdiff1d(np.arange(len(labels)), missing)]
    unique, counts = np.unique(named.astype(str), return_counts=True)
    repeated = unique[counts > 1].tolist()
    report.add(DUPLICATE_ID, action, ID, field_name, repeated, repeated)
    return labels, report


# The policy for a site's values -----------------------------------------------------------
@dataclass
class SiteFields:
    """The fields a site layer is read from; None for a field not used."""
    amount: str  # volume or capacity, m³
    kind: str = VOLUME  # VOLUME or CAPACITY
    id: Optional[str] = None
    soil_class: Optional[str] = None  # the soil class, or a receiver's highest accepted class
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass
class SiteReading:
    """Every row of a site table read under the policy; ``keep`` marks the rows with a usable
    amount, the others being left out (and reported)."""
    ids: np.ndarray  # label per row: the id, or the fallback label
    keep: np.ndarray  # bool per row
    amount_m3: np.ndarray  # NaN where left out
    soil_class: Optional[np.ndarray]  # float, NaN = no class; None without a class field
    start: Optional[DateColumn]
    end: Optional[DateColumn]
    report: Report

    def kept(self) -> "SiteReading":
        """The rows kept, in order (the report stays whole)."""
        keep = self.keep

        def rows(column):
            if column is None:
                return None
            if isinstance(column, DateColumn):
                return DateColumn(column.moments[keep], column.timed[keep])
            return column[keep]

        return SiteReading(self.ids[keep], keep[keep], self.amount_m3[keep],
                           rows(self.soil_class), rows(self.start), rows(self.end), self.report)


def read_sites(table: Mapping[str, Sequence], fields: SiteFields,
               fallback_ids: Optional[Sequence] = None, ids_required: bool = False) -> SiteReading:
    """Read a site table (any mapping of field name to values, e.g. a DataFrame) under the
    module's policy. ``fallback_ids`` name rows without an id field or id (feature ids);
    raises nothing: ``reading.report.raise_if_refused()`` stops where a caller must."""
    report = Report()
    if fields.id:
        ids, id_report = read_ids(table[fields.id], fallback_ids, fields.id, ids_required)
        report.extend(id_report)
    else:
        count = len(table[fields.amount])
        ids = np.array([str(v) for v in (fallback_ids if fallback_ids is not None
                                         else range(1, count + 1))], dtype=object)
    amount, keep, read = _read_amount(table[fields.amount], ids, fields, report)
    soil_class = None
    if fields.soil_class:
        soil_class, refused = _read_values(table[fields.soil_class], ids, read, CLASS,
                                           fields.soil_class, report, whole=True)
        no_class = np.flatnonzero(keep & np.isnan(soil_class) & ~refused)
        report.add(EMPTY, NOTED, CLASS, fields.soil_class, ids[no_class],
                   _values(table[fields.soil_class])[no_class])
    start = end = None
    if fields.start:
        start = _read_date_values(table[fields.start], ids, read, START, fields.start, report)
    if fields.end:
        end = _read_date_values(table[fields.end], ids, read, END, fields.end, report)
    if start is not None and end is not None:
        # A plain end date counts to the end of its day: 1-31 May to 31 May is one day, and an
        # end the day before the start ends when the window would begin: reversed.
        with np.errstate(invalid="ignore"):
            reversed_ = np.flatnonzero(keep & (start.day_numbers() >= end.day_numbers(True)))
        report.add(WINDOW_REVERSED, NOTED, WINDOW, f"{fields.start}/{fields.end}",
                   ids[reversed_], [f"{_shown_date(start, p)} > {_shown_date(end, p)}"
                                    for p in reversed_])
    return SiteReading(ids, keep, amount, soil_class, start, end, report)


def _read_amount(values, ids, fields, report):
    """(m³ with NaN where left out, rows kept, rows whose other values are read): empty ->
    skipped, and nothing more is read of the row; unreadable or negative -> refused."""
    raw = _values(values)
    amount, problems = read_numbers(raw)
    empty = np.isnan(amount)
    for reason, positions in problems.items():
        empty[positions] = False
        report.add(reason, REFUSED, fields.kind, fields.amount, ids[positions], raw[positions])
    keep = ~np.isnan(amount)
    with np.errstate(invalid="ignore"):
        negative = np.flatnonzero(keep & (amount < 0))
        keep[negative] = False
        implausible = np.flatnonzero(keep & (amount > IMPLAUSIBLE_M3[fields.kind]))
    report.add(NEGATIVE, REFUSED, fields.kind, fields.amount, ids[negative], raw[negative])
    report.add(EMPTY, SKIPPED, fields.kind, fields.amount, ids[empty], raw[empty])
    report.add(IMPLAUSIBLE, NOTED, fields.kind, fields.amount, ids[implausible], raw[implausible])
    return np.where(keep, amount, np.nan), keep, ~empty


def read_values(values: Sequence, ids: Sequence, field_name: str,
                allow_negative: bool = False, role: str = VALUE,
                whole: bool = False) -> Tuple[np.ndarray, Report]:
    """Numbers of any other field (a gate fee, a planned level, a load's tonnes or soil class):
    NaN where empty, for the caller's rule on empty values; unreadable, ambiguous and
    non-finite values refused, negative ones unless ``allow_negative``, fractional ones when
    ``whole`` (a soil class). ``role`` names the field's role in the report."""
    report = Report()
    ids = np.asarray([str(i) for i in ids], dtype=object)
    numbers, _ = _read_values(values, ids, np.ones(len(ids), dtype=bool), role, field_name,
                              report, whole=whole, allow_negative=allow_negative)
    return numbers, report


def _values(values: Sequence) -> np.ndarray:
    """A column as an array: numbers and dates keep their dtype (read whole, not value by
    value), anything else as objects."""
    if isinstance(values, np.ndarray):
        array = values
    elif hasattr(values, "to_numpy"):
        array = values.to_numpy()
    else:
        array = np.asarray(list(values), dtype=object)
    return array if array.dtype.kind in "fiuM" else array.astype(object)


def _read_values(values, ids, read, role, field_name, report, whole=False,
                 allow_negative=False) -> Tuple[np.ndarray, np.ndarray]:
    """Numbers (NaN where empty or refused) and the refused mask, refusals reported for the
    rows in ``read``."""
    raw = _values(values)
    numbers, problems = read_numbers(raw)
    refused = np.zeros(len(numbers), dtype=bool)
    for reason, positions in problems.items():
        positions = positions[read[positions]]
        refused[positions] = True
        report.add(reason, REFUSED, role, field_name, ids[positions], raw[positions])
    with np.errstate(invalid="ignore"):
        bad = {NEGATIVE: (numbers < 0) if not allow_negative else np.zeros(len(numbers), bool),
               NOT_WHOLE: (numbers != np.floor(numbers)) if whole else np.zeros(len(numbers),
                                                                                 bool)}
    for reason, mask in bad.items():
        positions = np.flatnonzero(mask & read & ~refused & ~np.isnan(numbers))
        refused[positions] = True
        report.add(reason, REFUSED, role, field_name, ids[positions], raw[positions])
    numbers[refused] = np.nan
    return numbers, refused


def _read_date_values(values, ids, read, role, field_name, report) -> DateColumn:
    raw = _values(values)
    column, problems = read_dates(raw)
    for reason, positions in problems.items():
        positions = positions[read[positions]]
        report.add(reason, REFUSED, role, field_name, ids[positions], raw[positions])
    return column


def _shown_date(column: DateColumn, position: int) -> str:
    moment = column.moments[position]
    text = str(moment.astype("datetime64[m]")).replace("T", " ")
    return text if column.timed[position] else str(moment.astype("datetime64[D]"))
