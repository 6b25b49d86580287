"""The one reader of planners' tables (core.tables), QGIS-free: one table of cases for numbers,
dates and ids, and the site policy (left out, refused, noted) on one table of bad rows."""
import datetime
import decimal
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jordressource_plugin.core import tables as t


class QDateLike:
    """What QGIS hands over for a date field (core never imports qgis)."""

    def __init__(self, value):
        self.value = value

    def isValid(self):
        return self.value is not None

    def toPyDate(self):
        return self.value


def _read(reader, value):
    try:
        return reader(value)
    except t.ValueRefused as refused:
        return refused.reason


def _date(value):
    moment, timed = t.read_date(value)
    return None if moment is None else (moment.isoformat(sep=" "), timed)


NAN = "empty"
CASES = [
    # --- numbers from numeric fields: as they are
    ("number", 12, 12.0),
    ("number", 12.5, 12.5),
    ("number", np.float32(2.5), 2.5),
    ("number", np.int64(3), 3.0),
    ("number", decimal.Decimal("7.25"), 7.25),
    ("number", 0, 0.0),
    ("number", -5.0, -5.0),  # read; the site policy refuses it as a volume
    ("number", None, NAN),
    ("number", float("nan"), NAN),  # pandas' missing value
    ("number", float("inf"), t.NOT_FINITE),
    ("number", -math.inf, t.NOT_FINITE),
    ("number", True, t.UNREADABLE),
    ("number", datetime.date(2026, 1, 1), t.UNREADABLE),
    # --- numbers as text: Danish and English, read when only one reading exists
    ("number", "12,5", 12.5),
    ("number", "12.5", 12.5),
    ("number", " 12,50 ", 12.5),
    ("number", "1.234,5", 1234.5),
    ("number", "1,234.5", 1234.5),
    ("number", "1.234.567", 1234567.0),
    ("number", "1,234,567", 1234567.0),
    ("number", "1.234.567,89", 1234567.89),
    ("number", "1 234,5", 1234.5),
    ("number", "1\u00a0500", 1500.0),  # no-break space groups thousands
    ("number", "1500", 1500.0),
    ("number", "1500,0", 1500.0),
    ("number", "1.500,0", 1500.0),
    ("number", "0,500", 0.5),  # a leading 0 is never a thousands group
    ("number", "1234.500", 1234.5),  # four digits before: no grouping possible
    ("number", "1,5000", 1.5),
    ("number", ",5", 0.5),
    ("number", "+12", 12.0),
    ("number", "\u22123,5", -3.5),  # a typographic minus
    ("number", "2,5e3", 2500.0),
    ("number", "1e6", 1e6),
    # 1,000× apart in Danish and English: refused, never guessed
    ("number", "1.500", t.AMBIGUOUS),
    ("number", "1,500", t.AMBIGUOUS),
    ("number", "12.250", t.AMBIGUOUS),
    ("number", "100.000", t.AMBIGUOUS),
    ("number", "-1.500", t.AMBIGUOUS),
    # not numbers
    ("number", "", NAN),
    ("number", "   ", NAN),
    ("number", "lots", t.UNREADABLE),
    ("number", "1500 m3", t.UNREADABLE),
    ("number", "5,", t.UNREADABLE),
    ("number", "1.2.3", t.UNREADABLE),
    ("number", "1,23.4", t.UNREADABLE),
    ("number", "1.234,5,6", t.UNREADABLE),
    ("number", "12 34", t.UNREADABLE),
    ("number", "\u0661\u0662", t.UNREADABLE),  # digits of another script
    ("number", "inf", t.NOT_FINITE),
    ("number", "-Infinity", t.NOT_FINITE),
    ("number", "nan", t.NOT_FINITE),
    ("number", "1e400", t.NOT_FINITE),
    # --- dates: objects as they are
    ("date", datetime.date(2026, 12, 1), ("2026-12-01 00:00:00", False)),
    ("date", datetime.datetime(2026, 12, 1, 6, 30), ("2026-12-01 06:30:00", True)),
    ("date", pd.Timestamp("2026-12-01 12:00", tz="Europe/Copenhagen"),
     ("2026-12-01 12:00:00", True)),  # wall-clock time, zone dropped
    ("date", np.datetime64("2026-12-01"), ("2026-12-01 00:00:00", False)),
    ("date", np.datetime64("2026-12-01T06:00"), ("2026-12-01 06:00:00", True)),
    ("date", QDateLike(datetime.date(2026, 12, 1)), ("2026-12-01 00:00:00", False)),
    ("date", QDateLike(None), None),  # an invalid QDate is NULL
    ("date", None, None),
    ("date", "", None),
    ("date", pd.NaT, None),
    ("date", float("nan"), None),
    # --- dates as text
    ("date", "2026-12-01", ("2026-12-01 00:00:00", False)),
    ("date", "2026-5-1", ("2026-05-01 00:00:00", False)),
    ("date", "2026/12/01", ("2026-12-01 00:00:00", False)),
    ("date", "2026-05-01 06:00", ("2026-05-01 06:00:00", True)),
    ("date", "2026-05-01T12:00:00Z", ("2026-05-01 12:00:00", True)),
    ("date", "2026-05-01T12:00:00+02:00", ("2026-05-01 12:00:00", True)),
    ("date", "01-12-2026", ("2026-12-01 00:00:00", False)),  # day first, always
    ("date", "01.12.2026", ("2026-12-01 00:00:00", False)),
    ("date", "1.12.2026", ("2026-12-01 00:00:00", False)),
    ("date", "1/12-2026", ("2026-12-01 00:00:00", False)),
    ("date", "13-01-2026", ("2026-01-13 00:00:00", False)),
    ("date", "01.12.2026 08:15", ("2026-12-01 08:15:00", True)),
    ("date", "31. januar 2027", ("2027-01-31 00:00:00", False)),
    ("date", "31 januar 2027", ("2027-01-31 00:00:00", False)),
    ("date", "1. maj 2026", ("2026-05-01 00:00:00", False)),
    ("date", "31. Marts 2027", ("2027-03-31 00:00:00", False)),
    ("date", "3. okt. 2026", ("2026-10-03 00:00:00", False)),
    ("date", "31 Jan 2027", ("2027-01-31 00:00:00", False)),
    ("date", "31-jan-2027", ("2027-01-31 00:00:00", False)),
    ("date", "January 31, 2027", ("2027-01-31 00:00:00", False)),
    ("date", "May 1 2026", ("2026-05-01 00:00:00", False)),
    # refused: never a guess, never silently dropped
    ("date", "01/12/2026", t.AMBIGUOUS_DATE),  # 1 December in Denmark, 12 January in the US
    ("date", "01-12-26", t.AMBIGUOUS_DATE),  # which century
    ("date", "20261201", t.NUMBER_NOT_DATE),
    ("date", 20261201, t.NUMBER_NOT_DATE),  # not 1970 plus 20 million seconds
    ("date", 46000, t.NUMBER_NOT_DATE),  # nor a spreadsheet serial
    ("date", 46000.5, t.NUMBER_NOT_DATE),
    ("date", "31-02-2026", t.UNREADABLE),
    ("date", "2026-13-01", t.UNREADABLE),
    ("date", "31. smarch 2027", t.UNREADABLE),
    ("date", "next spring", t.UNREADABLE),
    ("date", "Q3 2026", t.UNREADABLE),
    ("date", True, t.UNREADABLE),
]


@pytest.mark.parametrize("kind, value, expected", CASES,
                         ids=[f"{kind}:{value!r}" for kind, value, _ in CASES])
def test_one_reading_or_a_reason(kind, value, expected):
    if kind == "number":
        got = _read(t.read_number, value)
        if isinstance(got, float) and math.isnan(got):
            got = NAN
    else:
        got = _read(_date, value)
    assert got == expected


def test_a_column_reports_refused_values_by_position():
    numbers, problems = t.read_numbers(["12,5", None, "1.500", "lots", "7"])
    assert numbers[[0, 4]].tolist() == [12.5, 7.0]
    assert np.isnan(numbers[1:4]).all()
    assert {k: v.tolist() for k, v in problems.items()} == {t.AMBIGUOUS: [2], t.UNREADABLE: [3]}
    # a float column is checked whole: NaN is empty, infinity refused
    numbers, problems = t.read_numbers(np.array([1.0, np.nan, np.inf]))
    assert problems[t.NOT_FINITE].tolist() == [2] and np.isnan(numbers[1:]).all()


def test_dates_as_day_numbers_count_a_plain_end_date_to_the_end_of_its_day():
    column, problems = t.read_dates(["2026-05-01", "2026-05-01 06:00", None])
    ordinal = datetime.date(2026, 5, 1).toordinal()
    assert column.day_numbers()[:2].tolist() == [ordinal, ordinal + 0.25]
    assert column.day_numbers(end_of_day=True)[:2].tolist() == [ordinal + 1, ordinal + 0.25]
    assert np.isnan(column.day_numbers()[2]) and not problems
    assert column.days[0] == np.datetime64("2026-05-01")


def test_an_end_date_the_day_before_the_start_is_a_reversed_window():
    frame = pd.DataFrame([("before", 1.0, "2026-05-01", "2026-04-30"),
                          ("one_day", 1.0, "2026-05-01", "2026-05-01")],
                         columns=["id", "volume_m3", "start", "end"])
    reading = t.read_sites(frame, t.SiteFields("volume_m3", t.VOLUME, "id", None, "start", "end"),
                           fallback_ids=[1, 2])
    assert [(i.reason, i.ids) for i in reading.report.issues] == [
        (t.WINDOW_REVERSED, ["before"])]


@pytest.mark.parametrize("required, action", [(True, t.REFUSED), (False, t.NOTED)])
def test_ids_empty_and_repeated(required, action):
    ids, report = t.read_ids([" A ", 101, None, "", "A", "B"], fallback=[1, 2, 3, 4, 5, 6],
                             field_name="id", required=required)
    assert ids.tolist() == ["A", "101", "3", "4", "A", "B"]  # no id: named by the feature id
    assert [(i.reason, i.action, i.ids) for i in report.issues] == [
        (t.MISSING_ID, action, ["3", "4"]), (t.DUPLICATE_ID, action, ["A"])]


# One table of bad rows: (id, volume, soil class, start, end) -> what the policy does with it.
BAD_ROWS = [
    ("ok", "12,5", 1, "2026-01-01", "2026-12-31"),
    ("comma", "1.234,5", 2, "01.02.2026", "31. marts 2026"),
    ("zero", 0, 1, None, None),
    ("empty", None, "x", "garbage", None),  # left out: nothing more of it is read
    ("blank", " ", 1, None, None),
    ("negative", -5, 1, None, None),
    ("ambiguous", "1.500", 1, None, None),
    ("words", "lots", 1, None, None),
    ("infinite", "inf", 1, None, None),
    ("huge", 2e7, 1, None, None),
    ("noclass", 10, None, None, None),
    ("badclass", 10, "klasse 2", None, None),
    ("halfclass", 10, 1.5, None, None),
    ("negclass", 10, -1, None, None),
    ("baddate", 10, 1, "01/02/2026", None),
    ("numberdate", 10, 1, None, 20261201),
    ("reversed", 10, 1, "2026-05-01", "2026-04-01"),
]


def _bad_rows_reading(kind=t.VOLUME):
    frame = pd.DataFrame(BAD_ROWS, columns=["id", "volume_m3", "soil_class", "start", "end"])
    return t.read_sites(frame, t.SiteFields("volume_m3", kind, "id", "soil_class", "start",
                                            "end"), fallback_ids=range(1, len(frame) + 1))


def test_site_policy_on_one_table_of_bad_rows():
    reading = _bad_rows_reading()
    report = reading.report
    got = {(i.reason, i.action, i.role): i.ids for i in report.issues}
    assert got == {
        (t.AMBIGUOUS, t.REFUSED, t.VOLUME): ["ambiguous"],
        (t.UNREADABLE, t.REFUSED, t.VOLUME): ["words"],
        (t.NOT_FINITE, t.REFUSED, t.VOLUME): ["infinite"],
        (t.NEGATIVE, t.REFUSED, t.VOLUME): ["negative"],
        (t.EMPTY, t.SKIPPED, t.VOLUME): ["empty", "blank"],
        (t.IMPLAUSIBLE, t.NOTED, t.VOLUME): ["huge"],
        (t.UNREADABLE, t.REFUSED, t.CLASS): ["badclass"],
        (t.NEGATIVE, t.REFUSED, t.CLASS): ["negclass"],
        (t.NOT_WHOLE, t.REFUSED, t.CLASS): ["halfclass"],
        (t.EMPTY, t.NOTED, t.CLASS): ["noclass"],
        (t.AMBIGUOUS_DATE, t.REFUSED, t.START): ["baddate"],
        (t.NUMBER_NOT_DATE, t.REFUSED, t.END): ["numberdate"],
        (t.WINDOW_REVERSED, t.NOTED, t.WINDOW): ["reversed"],
    }
    values = {i.reason: i.values for i in report.refused if i.role == t.VOLUME}
    assert values[t.AMBIGUOUS] == ["1.500"] and values[t.NEGATIVE] == [-5]
    with pytest.raises(t.TableRefused) as refused:
        report.raise_if_refused()
    assert "ambiguous" in str(refused.value) and refused.value.report is report
    kept = reading.kept()
    assert kept.ids.tolist() == ["ok", "comma", "zero", "huge", "noclass", "badclass",
                                 "halfclass", "negclass", "baddate", "numberdate", "reversed"]
    assert kept.amount_m3[:4].tolist() == [12.5, 1234.5, 0.0, 2e7]
    assert kept.start.days[1] == np.datetime64("2026-02-01")
    assert kept.end.days[1] == np.datetime64("2026-03-31")


def test_a_capacity_is_implausible_only_above_100_million_m3():
    frame = {"capacity_m3": [2e7, 2e8, None]}
    reading = t.read_sites(frame, t.SiteFields("capacity_m3", t.CAPACITY))
    assert reading.report.ids(t.NOTED, t.IMPLAUSIBLE) == ["2"]
    assert reading.report.ids(t.SKIPPED) == ["3"]  # rows named by their number without ids


def test_other_numbers_refuse_what_cannot_be_read_and_keep_empty_for_the_caller():
    fees, report = t.read_values(["70", None, "1.500", "-3"], ["D1", "D2", "D3", "D4"],
                                 "gate_fee_dkk_t")
    assert fees[0] == 70.0 and np.isnan(fees[1:]).all()
    assert [(i.reason, i.ids) for i in report.refused] == [(t.AMBIGUOUS, ["D3"]),
                                                            (t.NEGATIVE, ["D4"])]
    levels, report = t.read_values([-2.5, "3,25"], ["1", "2"], "level_m", allow_negative=True)
    assert levels.tolist() == [-2.5, 3.25] and not report.issues


@settings(max_examples=200)
@given(st.integers(0, 10**12), st.integers(0, 99), st.sampled_from(["da", "en"]))
def test_grouped_numbers_with_decimals_read_back_in_either_language(whole, cents, language):
    english = f"{whole:,}.{cents:02d}"
    text = english if language == "en" else english.translate(str.maketrans(",.", ".,"))
    assert t.read_number(text) == pytest.approx(whole + cents / 100, rel=1e-15)


@settings(max_examples=200)
@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from(".,"))
def test_never_a_guess_between_readings_1000_apart(whole, fraction, mark):
    text = f"{whole}{mark}{fraction:03d}"
    with pytest.raises(t.ValueRefused, match=t.AMBIGUOUS):
        t.read_number(text)
