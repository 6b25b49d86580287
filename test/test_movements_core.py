"""The movement check's engine (core.movements), QGIS-free: the hand-made case of
test/data/movements (a log with one movement for each flag and clean ones), the running totals
against a brute-force reference, impossible travel by hand, the plan, the risk score, the
actors' balances and bad input read by the one table policy (core.tables)."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jordressource_plugin.core import tables as t
from jordressource_plugin.core.movements import flags as f
from jordressource_plugin.core.movements.check import CheckRules, check_movements
from jordressource_plugin.core.movements.limits import (
    order_key,
    running_total_over,
    stock_below_zero,
)
from jordressource_plugin.core.movements.lines import movement_lines_wkb, points_wkb
from jordressource_plugin.core.movements.log import MovementFields, read_movement_log
from jordressource_plugin.core.movements.plan import plan_fields, read_plan
from jordressource_plugin.core.movements.registers import SiteRegister
from jordressource_plugin.core.movements.report import movement_report
from jordressource_plugin.core.movements.risk import WEIGHTS, actor_risk, movement_risk
from jordressource_plugin.core.movements.travel import impossible_travel

CASE = json.loads((Path(__file__).parent / "data" / "movements" / "hand_case.json")
                  .read_text(encoding="utf-8"))
X0, Y0 = CASE["origin"]
DENSITY = CASE["density_t_m3"]
LOG = CASE["log"]
LOG_NAMES = ["id", "source_id", "receiver_id", "tonnes", "soil_class", "date", "analysed",
             "vehicle", "departure_time", "arrival_time"]
FIELDS = MovementFields("source_id", "receiver_id", "tonnes", id="id", soil_class="soil_class",
                        date="date", analysed="analysed", vehicle="vehicle",
                        departure="departure_time", arrival="arrival_time")


def _days(values):
    return np.array(values, dtype="datetime64[D]")


def register(rows, amount, soil_class, receivers=False):
    """A register of the case's sites (area types and suspicion as the case states them)."""
    def column(name):
        return [row.get(name) for row in rows]

    kinds = np.array([row.get("kind", "") for row in rows], dtype=object)
    return SiteRegister(np.array(column("id"), dtype=object),
                        np.array([(X0 + row["dx"], Y0 + row["dy"]) for row in rows]),
                        np.array(column(amount), dtype=float) * DENSITY,
                        np.array(column(soil_class), dtype=float),
                        _days([v or "NaT" for v in column("start_date")]),
                        _days([v or "NaT" for v in column("end_date")]), kinds,
                        (kinds == "resource_site") if receivers else np.zeros(len(rows), bool),
                        area_type=np.array(column("area_type"), dtype=object),
                        suspected=np.array(column("on_contaminated_site"), dtype=bool))


def excavations():
    return register(CASE["excavations"], "volume_m3", "soil_class")


def receivers():
    return register(CASE["receivers"], "capacity_m3", "max_soil_class", receivers=True)


def log_table(rows):
    """{field: values} of log rows given as tuples in LOG_NAMES order."""
    return {name: [row[k] for row in rows] for k, name in enumerate(LOG_NAMES)}


def plan():
    table = {key: [row[key] for row in CASE["plan"]] for key in CASE["plan"][0]}
    flows, report = read_plan(table, "source_id", "receiver_id", "tonnes")
    assert not report.issues
    return flows


@pytest.fixture(scope="module")
def hand_check():
    log, report = read_movement_log({name: [row[name] for row in LOG] for name in LOG_NAMES},
                                    FIELDS)
    assert not report.refused
    return log, check_movements(log, excavations(), receivers(), CheckRules(), plan())


@pytest.mark.parametrize("position", range(len(LOG)), ids=[row["id"] for row in LOG])
def test_each_movement_of_the_hand_made_log_has_exactly_its_flags(hand_check, position):
    _, check = hand_check
    expected = LOG[position]["expected"]
    assert f.codes_of(check.bits[position]) == expected, LOG[position]["why"]
    assert check.ok[position] == (not expected)


def test_every_flag_occurs_in_the_hand_made_log(hand_check):
    _, check = hand_check
    assert all(count > 0 for count in check.counts().values())
    assert check.flag_texts()[5] == "unknown_source,not_in_plan"  # contract order


def test_risk_follows_the_weights(hand_check):
    _, check = hand_check
    by_id = dict(zip([row["id"] for row in LOG], check.risk))
    assert by_id["C1"] == 0
    assert by_id["K1"] == pytest.approx(100 * WEIGHTS[f.CLASS_NOT_ACCEPTED])
    both = 1 - (1 - WEIGHTS[f.UNKNOWN_SOURCE]) * (1 - WEIGHTS[f.NOT_IN_PLAN])
    assert by_id["U1"] == pytest.approx(100 * both)


def test_distances_are_straight_times_detour(hand_check):
    _, check = hand_check
    assert check.distance_km[0] == pytest.approx(5.0 * 1.3)  # S1 to R1
    assert np.isnan(check.distance_km[5])  # unknown source


def test_actor_summary_balances_what_moved(hand_check):
    log, check = hand_check
    summary = check.summary.set_index(["role", "id"])
    s1 = summary.loc[("source", "S1")]
    sent_s1 = sum(row["tonnes"] for row in LOG if row["source_id"] == "S1")
    assert s1["moved_t"] == pytest.approx(sent_s1)
    assert s1["balance_t"] == pytest.approx(100 * DENSITY - sent_s1)
    r1 = summary.loc[("receiver", "R1")]
    assert r1["received_t"] == pytest.approx(55.0)
    assert r1["balance_t"] == pytest.approx(54.0 - 55.0)
    assert r1["flag_counts"] == "class_not_accepted: 1, over_capacity: 1"
    assert summary.loc[("receiver", "R3")]["stock_t"] == pytest.approx(5.0)  # resource site
    unknown = summary.loc[("source", "SX")]
    assert not unknown["known"] and np.isnan(unknown["registered_t"])
    vehicle = summary.loc[("vehicle", "AB12345")]
    assert vehicle["moved_t"] == 20 and vehicle["risk"] == pytest.approx(50.0)
    # Mass: every tonne is sent by one source row and received by one receiver row.
    total = np.nansum(log.tonnes)
    roles = check.summary.groupby("role")
    assert roles["sent_t"].sum()["source"] == pytest.approx(total)
    assert roles["received_t"].sum()["receiver"] == pytest.approx(total)


def test_report_names_the_riskiest_movement(hand_check):
    log, check = hand_check
    html = movement_report(log, check)
    assert "<svg" in html and "K1" in html and "class_not_accepted" in html


# Running totals -------------------------------------------------------------------------------
def test_capacity_overrun_is_flagged_on_exactly_the_crossing_movement():
    """100 t capacity, 30 t loads: the fourth by date crosses; it and every later one are over.
    Loads of one day count in the log's order; undated ones last."""
    group = np.zeros(6, dtype=np.int64)
    tonnes = np.full(6, 30.0)
    dates = _days(["2026-05-04", "2026-05-01", "NaT", "2026-05-02", "2026-05-02",
                   "2026-05-03"]).astype("datetime64[s]")
    over = running_total_over(group, tonnes, order_key(dates), np.array([100.0]))
    # Order: 1 (05-01), 3, 4 (05-02, log order), 5 (05-03), 0 (05-04), 2 (undated).
    assert over.tolist() == [True, False, True, False, False, True]


def test_a_total_exactly_at_the_limit_is_not_over():
    over = running_total_over(np.zeros(3, np.int64), np.array([0.1, 0.2, 0.7]),
                              np.arange(3), np.array([1.0]))
    assert not over.any()


def _brute_force_over(group, tonnes, key, limit):
    over = np.zeros(len(group), dtype=bool)
    for g in set(group.tolist()) - {-1}:
        if not np.isfinite(limit[g]):
            continue
        rows = sorted(np.flatnonzero(group == g), key=lambda r: (key[r], r))
        total = 0.0
        for r in rows:
            total += 0.0 if np.isnan(tonnes[r]) else tonnes[r]
            over[r] = total > limit[g] + 1e-6 + 1e-9 * abs(limit[g])
    return over


@given(st.lists(st.tuples(st.integers(-1, 3), st.floats(0, 50) | st.just(np.nan),
                          st.integers(0, 5)), min_size=1, max_size=40),
       st.lists(st.floats(0, 200) | st.just(np.nan), min_size=4, max_size=4))
def test_running_totals_match_a_brute_force_reference(rows, limits):
    group = np.array([r[0] for r in rows], dtype=np.int64)
    tonnes = np.array([r[1] for r in rows], dtype=float)
    key = np.array([r[2] for r in rows], dtype=np.int64)
    limit = np.array(limits, dtype=float)
    assert (running_total_over(group, tonnes, key, limit)
            == _brute_force_over(group, tonnes, key, limit)).all()


def test_a_resource_site_cannot_send_more_than_it_holds():
    """Receipts count before dispatches of the same day; the opening stock counts."""
    site_in = np.array([0, -1, -1, 0, -1])
    site_out = np.array([-1, 0, 0, -1, 0])
    tonnes = np.array([50.0, 30.0, 30.0, 20.0, 15.0])
    key = np.array([1, 1, 2, 3, 4])
    below = stock_below_zero(site_in, site_out, tonnes, key, np.array([np.nan]))
    # 50 in, 30 out (same day: receipts first), 30 out: -10; 20 in, 15 out: -5.
    assert below.tolist() == [False, False, True, False, True]
    below = stock_below_zero(site_in, site_out, tonnes, key, np.array([20.0]))
    assert not below.any()


# Impossible travel, by hand ---------------------------------------------------------------------
def _times(values):
    column, problems = t.read_dates(values)
    assert not problems
    return column


@pytest.mark.parametrize("gap_minutes, flagged", [(25, True), (29.5, False), (30, False)])
def test_an_empty_run_of_40_km_needs_30_minutes_at_80_kmh(gap_minutes, flagged):
    """Load 1 ends at (0, 0) at 10:00; load 2 starts 40 km away: 40 / 80 h = 30 min, with a
    minute's tolerance for times rounded to the minute."""
    start = pd.Timestamp("2026-05-01 10:00") + pd.Timedelta(minutes=gap_minutes)
    departure = _times(["2026-05-01 09:00", start.strftime("%Y-%m-%d %H:%M:%S")])
    arrival = _times(["2026-05-01 10:00", "2026-05-01 23:00"])
    origin = np.array([[-1000.0, 0.0], [40_000.0, 0.0]])
    receiver = np.array([[0.0, 0.0], [40_000.0, 1000.0]])
    result = impossible_travel(np.array(["V", "V"], dtype=object), departure, arrival, origin,
                               receiver, 80.0)
    assert result.tolist() == [flagged, flagged]


def test_travel_checks_own_hauls_overlaps_and_only_the_same_vehicle():
    departure = _times(["2026-05-01 08:00", "2026-05-01 09:00", "2026-05-01 08:30",
                        "2026-05-01 12:00", "2026-05-01 12:00"])
    arrival = _times(["2026-05-01 11:00", "2026-05-01 09:30", "2026-05-01 08:40",
                      "2026-05-01 11:00", "2026-05-01 12:05"])
    vehicle = np.array(["A", "A", "B", "C", "D"], dtype=object)
    here = np.zeros((5, 2))
    far = here.copy()
    far[4] = (20_000.0, 0.0)  # D: 20 km in 5 minutes
    result = impossible_travel(vehicle, departure, arrival, here, far, 80.0)
    # A: 09:00 departs before 11:00 arrival (overlap); B alone; C arrives before it departs.
    assert result.tolist() == [True, True, False, True, True]


def test_a_plain_date_is_not_a_time_for_the_travel_check():
    departure = _times(["2026-05-01", "2026-05-01"])
    arrival = _times(["2026-05-01", "2026-05-01"])
    origin = np.array([[0.0, 0.0], [90_000.0, 0.0]])
    assert not impossible_travel(np.array(["V", "V"], dtype=object), departure, arrival,
                                 origin, origin, 80.0).any()


# The plan ---------------------------------------------------------------------------------------
def test_plan_tonnes_are_summed_per_pair_and_loads_beyond_them_flagged():
    flows, _ = read_plan({"from_id": ["A", "A", "B", None], "to_id": ["R", "R", "R", "R"],
                          "tonnes": [30.0, "20,5", 10.0, 5.0]}, "from_id", "to_id", "tonnes")
    assert list(zip(flows.from_id, flows.to_id, flows.tonnes)) == [("A", "R", 50.5),
                                                                   ("B", "R", 10.0)]
    sources = excavations()
    log, _ = read_movement_log(log_table([
        ("M1", "A", "R", 25, None, "2026-01-01", True, None, None, None),
        ("M2", "A", "R", 25, None, "2026-01-02", True, None, None, None),
        ("M3", "A", "R", 1, None, "2026-01-03", True, None, None, None),
        ("M4", "B", "R", 5, None, "2026-01-03", True, None, None, None),
        ("M5", "A", "Q", 5, None, "2026-01-03", True, None, None, None),
    ]), FIELDS)
    register = SiteRegister(np.array(["A", "B"], dtype=object), sources.xy[:2],
                            np.array([np.nan, np.nan]), np.full(2, np.nan),
                            _days(["NaT", "NaT"]), _days(["NaT", "NaT"]),
                            np.array(["", ""], dtype=object), np.zeros(2, bool))
    targets = SiteRegister(np.array(["R", "Q"], dtype=object), sources.xy[2:4],
                           np.array([np.nan, np.nan]), np.full(2, np.nan),
                           _days(["NaT", "NaT"]), _days(["NaT", "NaT"]),
                           np.array(["", ""], dtype=object), np.zeros(2, bool))
    check = check_movements(log, register, targets, CheckRules(), flows)
    assert f.has_flag(check.bits, f.NOT_IN_PLAN).tolist() == [False, False, True, False, True]


def test_plan_fields_of_both_plan_outputs():
    assert plan_fields(["fid", "source_id", "receiver_id", "tonnes"]) == ("source_id",
                                                                          "receiver_id")
    assert plan_fields(["month", "from_id", "to_id", "leg", "tonnes"]) == ("from_id", "to_id")
    assert plan_fields(["a", "b"]) is None


# Reading a log under the table policy -----------------------------------------------------------
def test_text_tonnes_dates_in_several_formats_and_missing_ids_are_read():
    table = log_table([
        ("M1", " S1 ", "R1", "12,5", "1", "2026-05-01", "ja", "AB 1", "01-05-2026 08:00",
         "01.05.2026 09:15"),
        (None, "S1", "R1", "1.234,5", 2.0, "1. maj 2026", "Nej", None, None, None),
        ("M3", None, "R1", None, None, "May 3, 2026", None, None, None, None),
        ("M4", 101, "", 7, None, None, True, None, None, None),
    ])
    log, report = read_movement_log(table, FIELDS, fallback_ids=[11, 12, 13, 14])
    assert not report.refused
    assert log.labels.tolist() == ["M1", "12", "M3", "M4"]
    assert log.named.tolist() == [True, False, True, True]
    assert log.source_id.tolist() == ["S1", "S1", "", "101"]
    assert log.receiver_id.tolist() == ["R1", "R1", "R1", ""]
    np.testing.assert_allclose(log.tonnes, [12.5, 1234.5, np.nan, 7.0])
    assert [str(d) for d in log.date.days] == ["2026-05-01", "2026-05-01", "2026-05-03", "NaT"]
    assert log.analysed.tolist() == [True, False, False, True]
    assert log.departure.timed.tolist() == [True, False, False, False]
    assert str(log.arrival.moments[0]) == "2026-05-01T09:15:00"
    noted = {(i.reason, i.field): i.ids for i in report.issues}
    assert noted[(t.MISSING_ID, "id")] == ["12"]
    assert noted[(t.MISSING_ID, "source_id")] == ["M3"]
    assert noted[(t.MISSING_ID, "receiver_id")] == ["M4"]
    assert noted[(t.EMPTY, "tonnes")] == ["M3"]
    assert noted[(t.EMPTY, "date")] == ["M4"]


@pytest.mark.parametrize("field, value, reason", [
    ("tonnes", "1.500", t.AMBIGUOUS),
    ("tonnes", "ti ton", t.UNREADABLE),
    ("tonnes", "-3", t.NEGATIVE),
    ("soil_class", "1,5", t.NOT_WHOLE),
    ("date", "01/05/2026", t.AMBIGUOUS_DATE),
    ("date", 20260501, t.NUMBER_NOT_DATE),
    ("analysed", "måske", t.UNREADABLE),
    ("departure_time", "klokken otte", t.UNREADABLE),
])
def test_unreadable_values_are_refused_by_id_and_value(field, value, reason):
    row = {"id": "M9", "source_id": "S1", "receiver_id": "R1", "tonnes": 10, "soil_class": 1,
           "date": "2026-05-01", "analysed": True, "vehicle": None, "departure_time": None,
           "arrival_time": None}
    row[field] = value
    _, report = read_movement_log({k: [v] for k, v in row.items()}, FIELDS)
    assert [(i.reason, i.field, i.ids, i.values) for i in report.refused] == [
        (reason, field, ["M9"], [value])]


def test_a_log_without_optional_fields_is_checked():
    fields = MovementFields("source_id", "receiver_id", "tonnes")
    log, report = read_movement_log({"source_id": ["S1"], "receiver_id": ["R2"],
                                     "tonnes": [10.0]}, fields)
    check = check_movements(log, excavations(), receivers())
    assert check.ok.tolist() == [True]
    assert log.labels.tolist() == ["1"]


def test_yes_no_values():
    read, problems = t.read_yes_no_values(["Ja", "nej", " J ", "n", "sand", "falsk", "true",
                                           "0", 1, 0.0, True, None, "", "x"])
    np.testing.assert_array_equal(read[:11], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1])
    assert np.isnan(read[11:]).all()
    assert problems == {t.UNREADABLE: [13]}


def test_text_columns_are_read_once_per_distinct_value_with_the_same_answers():
    """A long text column is read per distinct value; positions of refusals are every row."""
    values = ["1,5", "2", "1.500", None, "1,5", "1.500"]
    numbers, problems = t.read_numbers(values)
    np.testing.assert_array_equal(numbers, [1.5, 2.0, np.nan, np.nan, 1.5, np.nan])
    assert problems[t.AMBIGUOUS].tolist() == [2, 5]
    mixed, _ = t.read_numbers([1, "1", True])  # not all text: each value as itself
    assert mixed[:2].tolist() == [1.0, 1.0] and np.isnan(mixed[2])


# Small parts --------------------------------------------------------------------------------------
def test_actor_risk_is_tonnes_weighted():
    risk = actor_risk(np.array([0, 0, 1, -1]), np.array([100.0, 0.0, 40.0, 90.0]),
                      np.array([30.0, 10.0, np.nan, 5.0]), 3)
    assert risk[0] == pytest.approx(75.0) and risk[1] == 40.0 and np.isnan(risk[2])


def test_risk_of_every_flag_combination_stays_between_0_and_100():
    bits = np.arange(2 ** len(f.FLAGS), dtype=np.uint16)
    risk = movement_risk(bits)
    assert risk[0] == 0 and (risk[1:] > 0).all() and (risk <= 100).all()
    assert risk[-1] == max(risk)


def test_lines_and_points_as_wkb():
    from shapely import wkb

    shapes = movement_lines_wkb(np.array([[0.0, 0.0], [np.nan, np.nan], [np.nan, np.nan]]),
                                np.array([[3.0, 4.0], [5.0, 6.0], [np.nan, np.nan]]))
    assert wkb.loads(shapes[0]).length == 5.0
    assert wkb.loads(shapes[1]).length == 0.0 and wkb.loads(shapes[1]).bounds == (5, 6, 5, 6)
    assert shapes[2] is None
    points = points_wkb(np.array([[1.0, 2.0], [np.nan, np.nan]]))
    assert wkb.loads(points[0]).coords[0] == (1.0, 2.0) and points[1] is None
