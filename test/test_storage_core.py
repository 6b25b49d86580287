"""The reuse schedule with storage in core: months and releases, a hand-solved case where storage
changes the answer, the no-storage plan against `match_reuse`'s engine month by month, and
random instances against an independent programme with one variable per excavation, month,
route and leg (no aggregation), with the invariants of every plan."""
import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from jordressource_plugin.core.reuse.costs import CostRates, straight_haul
from jordressource_plugin.core.reuse.plan import plan_reuse
from jordressource_plugin.core.reuse.problem import AreaRule, Excavations, Receivers, day_number
from jordressource_plugin.core.storage.moves import StorageSites
from jordressource_plugin.core.storage.periods import (
    HorizonTooLong,
    NoDates,
    horizon_of,
    open_months,
    release_shares,
)
from jordressource_plugin.core.storage.schedule import storage_pieces
from jordressource_plugin.core.storage.schedule_plan import plan_schedule
from jordressource_plugin.core.storage.storage_costs import StorageRates

RATES = CostRates()
DENSITY = RATES.density_t_m3
TYPES = ["urban", "agricultural", "industrial", "other"]
# Baseline disposal without a disposal site: 25 km at 2 DKK/tkm plus a 70 DKK/t fee.
BASELINE_DKK_T = 2.0 * 25 + 70
BASE = datetime.date(2027, 1, 1)


def day(text, end=False):
    return day_number(text, end) if text else np.nan


def excavations(xy, volume, soil_class=None, start=None, end=None, area_type=None,
                suspected=None):
    n = len(xy)
    return Excavations(np.asarray(xy, float), np.asarray(volume, float),
                       np.asarray(soil_class if soil_class is not None else [1] * n, float),
                       np.array([day(s) for s in (start or [None] * n)]),
                       np.array([day(e, True) for e in (end or [None] * n)]),
                       None if area_type is None else np.asarray(area_type, object),
                       None if suspected is None else np.asarray(suspected, bool))


def receivers(xy, capacity, max_class=None, start=None, end=None, area_type=None):
    m = len(xy)
    return Receivers(np.asarray(xy, float), np.asarray(capacity, float),
                     np.asarray(max_class if max_class is not None else [3] * m, float),
                     np.array([day(s) for s in (start or [None] * m)]),
                     np.array([day(e, True) for e in (end or [None] * m)]),
                     None if area_type is None else np.asarray(area_type, object))


def storage(xy, capacity, max_class=None, start=None, end=None):
    k = len(capacity)
    return StorageSites(np.asarray(xy, float).reshape(-1, 2), np.asarray(capacity, float),
                        np.asarray(max_class if max_class is not None else [3] * k, float),
                        np.array([day(s) for s in (start or [None] * k)]),
                        np.array([day(e, True) for e in (end or [None] * k)]))


def schedule(sources, sinks, stores, rule=AreaRule.IGNORE, dwell=6, handling=39.0, monthly=2.0,
             disposal_xy=None, fees=None, max_haul_km=30.0):
    disposal_xy = np.zeros((0, 2)) if disposal_xy is None else np.asarray(disposal_xy, float)
    return plan_schedule(sources, sinks, stores, disposal_xy,
                         np.zeros(0) if fees is None else np.asarray(fees, float), RATES,
                         StorageRates(dwell, handling, monthly), rule, max_haul_km,
                         straight_haul(1.0))


# Months and releases ------------------------------------------------------------------------
def test_release_is_pro_rata_by_days_with_both_dates_counted():
    start, end = np.array([day("2027-01-01")]), np.array([day("2027-03-31", True)])
    horizon = horizon_of({"x": (start, end)})
    assert list(horizon.labels) == ["2027-01", "2027-02", "2027-03"]
    site, month, share = release_shares(start, end, horizon)
    assert list(month) == [0, 1, 2]
    assert share == pytest.approx([31 / 90, 28 / 90, 31 / 90])
    # One day: the end date counts, so a window from the 31st to the 31st has a day.
    start, end = np.array([day("2027-01-31")]), np.array([day("2027-01-31", True)])
    assert release_shares(start, end, horizon)[2] == pytest.approx([1.0])


def test_undated_and_half_dated_sites_are_open_to_the_horizon_edges():
    horizon = horizon_of({"x": (np.array([day("2027-02-10")]), np.array([day("2027-06-01", 1)]))})
    first, last = open_months(np.array([np.nan, day("2027-04-15"), np.nan, day("2027-05-01")]),
                              np.array([np.nan, np.nan, day("2027-03-01", True),
                                        day("2027-04-01", True)]), horizon)
    assert list(first) == [0, 2, 0, 1] and list(last) == [4, 4, 1, 0]  # the last never opens


def test_horizon_over_twenty_years_is_refused_naming_the_sites():
    with pytest.raises(HorizonTooLong) as refused:
        horizon_of({"excavations": (np.array([day("2026-01-01"), day("2027-01-01")]),
                                    np.array([day("2026-02-01", 1), day("2027-02-01", 1)])),
                    "receivers": (np.array([np.nan]), np.array([day("2062-01-01", True)]))})
    assert refused.value.sites == {"excavations": [0], "receivers": [0]}
    with pytest.raises(NoDates):
        horizon_of({"excavations": (np.array([np.nan]), np.array([np.nan]))})


# A case solved by hand ----------------------------------------------------------------------
# One excavation digs 1000 m³ (1800 t) from January to March 2027: 620, 560 and 620 t. The only
# receiver, 10 km east, opens in May. Storage halfway costs 5 km·2 + 39 = 49 DKK/t in and
# 10 DKK/t out, plus 2 DKK/t per month-end on hand; disposal costs 120 DKK/t. Stored soil
# saves 120 − 49 − 10 − 2·months: 53 DKK/t from January (4 months), 55 from February, 57 from
# March.
def hand_case(capacity_m3, dwell=6):
    sources = excavations([(0, 0)], [1000], start=["2027-01-01"], end=["2027-03-31"])
    sinks = receivers([(10000, 0)], [2000], start=["2027-05-01"], end=["2027-05-31"])
    return schedule(sources, sinks, storage([(5000, 0)], [capacity_m3]), dwell=dwell)


def legs(plan, leg):
    flows = plan.flows[plan.flows["leg"] == leg]
    return flows.groupby("month")["tonnes"].sum().round(6).to_dict()


def test_storage_keeps_soil_for_the_receiver_that_opens_later():
    result = hand_case(capacity_m3=2000)
    plan = result.with_storage
    assert plan.summary.cost_dkk == pytest.approx(1800 * 120 - 620 * 53 - 560 * 55 - 620 * 57)
    assert legs(plan, "to_storage") == {0: 620, 1: 560, 2: 620}
    assert legs(plan, "from_storage") == {4: 1800}
    assert result.without_storage.summary.cost_dkk == pytest.approx(1800 * 120)
    assert result.without_storage.summary.reused_m3 == 0
    assert plan.sites["mean_dwell_months"].tolist() == pytest.approx([(620 * 4 + 560 * 3
                                                                       + 620 * 2) / 1800])
    assert plan.summary.dual_gap_dkk == pytest.approx(0, abs=1e-6)


def test_full_storage_keeps_the_soil_that_saves_most_and_prices_more_room():
    # 500 m³ = 900 t of room, full at the ends of March and April: March's 620 t (57 DKK/t)
    # and 280 t of February's (55 DKK/t). One more tonne of room saves 55 DKK: 99 DKK/m³.
    plan = hand_case(capacity_m3=500).with_storage
    assert legs(plan, "to_storage") == {1: 280, 2: 620}
    assert plan.summary.cost_dkk == pytest.approx(1800 * 120 - 620 * 57 - 280 * 55)
    assert plan.stock["stock_t"].max() == pytest.approx(900)
    assert plan.sites["capacity_value_dkk_m3"].tolist() == pytest.approx([55 * DENSITY])


def test_report_shows_the_plan_against_no_storage_in_the_shared_format():
    from jordressource_plugin.core import reporting
    from jordressource_plugin.core.storage.report import schedule_report

    report = schedule_report(hand_case(capacity_m3=500), np.array(["K1"], dtype=object), DENSITY)
    assert reporting.CSS in report and report.count("<svg") == 3  # reuse, legs, stock
    # 500 of 1000 m³ reused against none; cost 165,260 DKK against 216,000 DKK.
    assert "50.0 %" in report and "+50.0 pp" in report
    assert reporting.number(1800 * 120 - 620 * 57 - 280 * 55) in report
    assert "<td>K1</td>" in report and "99.00" in report  # one more m³ of room: 55 DKK/t × 1.8


def test_maximum_dwell_lets_only_the_march_soil_wait_for_may():
    plan = hand_case(capacity_m3=2000, dwell=2).with_storage
    assert legs(plan, "to_storage") == {2: 620}
    assert plan.summary.cost_dkk == pytest.approx(1800 * 120 - 620 * 57)


def test_dwell_zero_is_the_no_storage_plan():
    result = hand_case(capacity_m3=2000, dwell=0)
    assert result.with_storage.summary.cost_dkk == pytest.approx(1800 * 120)
    assert result.with_storage.summary.stored_t == 0


def test_storage_without_capacity_and_receivers_never_open_are_reported():
    sources = excavations([(0, 0)], [10], start=["2027-01-01"], end=["2027-01-31"])
    sinks = receivers([(1000, 0), (2000, 0)], [10, 10], start=["2027-01-01", "2027-03-01"],
                      end=["2027-01-31", "2027-02-01"])
    result = schedule(sources, sinks, storage([(500, 0), (600, 0)], [np.nan, 0]))
    assert list(result.receivers_never_open) == [1]
    assert list(result.unusable_storage) == [0, 1]
    assert result.with_storage.summary.reused_m3 == pytest.approx(10)


def test_reversed_excavation_window_goes_to_disposal_without_a_month():
    sources = excavations([(0, 0), (0, 0)], [10, 20], start=["2027-01-01", "2027-05-01"],
                          end=["2027-01-31", "2027-04-01"])
    result = schedule(sources, receivers([(1000, 0)], [100]), storage([(500, 0)], [10]))
    assert list(result.excavations_unscheduled) == [1]
    flows = result.with_storage.flows
    assert flows.loc[flows["month"] == -1, ["leg", "tonnes"]].values.tolist() == \
        [["disposal", 20 * DENSITY]]


# No storage: a transport problem over (excavation, month) pieces, solved by match_reuse ------
@settings(max_examples=40)
@given(st.integers(0, 2**31 - 1))
def test_no_storage_plan_is_match_reuse_over_month_pieces(seed):
    rng = np.random.default_rng(seed)
    n, m = rng.integers(1, 6), rng.integers(1, 5)
    start = [BASE + datetime.timedelta(int(d)) for d in rng.integers(0, 150, n)]
    end = [s + datetime.timedelta(int(d)) for s, d in zip(start, rng.integers(0, 100, n))]
    r_start = [BASE + datetime.timedelta(int(d)) for d in rng.integers(0, 200, m)]
    r_end = [s + datetime.timedelta(int(d)) for s, d in zip(r_start, rng.integers(0, 120, m))]
    typed = bool(rng.integers(2))
    rule = AreaRule(int(rng.integers(3)))
    sources = excavations(rng.integers(0, 20, (n, 2)) * 1000, rng.integers(1, 60, n),
                          rng.integers(1, 4, n), [s.isoformat() for s in start],
                          [e.isoformat() for e in end],
                          np.array(TYPES)[rng.integers(0, 4, n)] if typed else None,
                          rng.random(n) < 0.3)
    sinks = receivers(rng.integers(0, 20, (m, 2)) * 1000, rng.integers(0, 80, m),
                      rng.integers(1, 4, m), [s.isoformat() for s in r_start],
                      [e.isoformat() for e in r_end],
                      np.array(TYPES)[rng.integers(0, 4, m)] if typed else None)
    plan = schedule(sources, sinks, storage(np.zeros((0, 2)), []), rule=rule,
                    max_haul_km=9.5).without_storage

    pieces = []  # (excavation, first day of month, last day of month, tonnes)
    for i in range(n):
        total_days = (end[i] - start[i]).days + 1
        days = {}
        for offset in range(total_days):
            date = start[i] + datetime.timedelta(offset)
            days[date.replace(day=1)] = days.get(date.replace(day=1), 0) + 1
        for first, count in days.items():
            last = (first + datetime.timedelta(32)).replace(day=1) - datetime.timedelta(1)
            pieces.append((i, first, last, sources.volume_m3[i] * count / total_days))
    index = np.array([p[0] for p in pieces])
    # A piece runs from noon on the month's first day to noon on its last: match_reuse lets a
    # window ending on the 31st touch one starting at midnight on the 1st, while a month is
    # open only to windows with a day in it.
    split = excavations(sources.xy[index], [p[3] for p in pieces], sources.soil_class[index],
                        [p[1].isoformat() + "T12:00" for p in pieces],
                        [p[2].isoformat() + "T12:00" for p in pieces],
                        None if not typed else sources.area_type[index],
                        sources.suspected[index])
    reference = plan_reuse(split, sinks, np.zeros((0, 2)), np.zeros(0), RATES, rule, 9.5,
                           straight_haul(1.0))
    assert plan.summary.cost_dkk == pytest.approx(reference.summary.cost_dkk, rel=1e-9, abs=1e-6)
    assert plan.summary.reused_m3 == pytest.approx(reference.summary.reused_m3, rel=1e-6,
                                                   abs=1e-6)


# Random instances against the path programme written here -----------------------------------
MAX_HAUL_KM = 7.5  # never a distance between points on the km grid


def month_of(date):
    return date.year * 12 + date.month - 1


@st.composite
def instances(draw):
    def window(kinds):
        kind = draw(st.sampled_from(kinds))
        start = BASE + datetime.timedelta(draw(st.integers(0, 120)))
        end = start + datetime.timedelta(draw(st.integers(0, 80)))
        if kind == "reversed":
            return end + datetime.timedelta(1), start
        if kind == "later":  # after every other window: open in no month of the plan
            return BASE.replace(year=2031), BASE.replace(year=2031, month=3)
        return (start if kind in ("both", "start") else None,
                end if kind in ("both", "end") else None)

    def point():
        return (draw(st.integers(0, 9)) * 1000, draw(st.integers(0, 9)) * 1000)

    n, m, k = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(0, 2))
    sources = [dict(xy=point(), volume=draw(st.integers(0, 50)),
                    soil_class=draw(st.sampled_from([0, 1, 2, 3, np.nan])),
                    window=window(["both", "both", "none", "start", "end", "reversed"]),
                    type=draw(st.sampled_from(TYPES)), suspected=draw(st.booleans()))
               for _ in range(n)]
    sinks = [dict(xy=point(), capacity=draw(st.integers(0, 60)),
                  max_class=draw(st.integers(0, 3)),
                  window=window(["both"]) if j == 0 else window(["both", "none", "start"]),
                  type=draw(st.sampled_from(TYPES))) for j in range(m)]
    stores = [dict(xy=point(), capacity=draw(st.integers(0, 40)),
                   max_class=draw(st.integers(0, 3)),
                   window=window(["none", "none", "both", "start", "end", "reversed", "later"]))
              for _ in range(k)]
    disposal = [dict(xy=point(), fee=draw(st.integers(0, 100)))
                for _ in range(draw(st.integers(0, 2)))]
    return dict(sources=sources, sinks=sinks, stores=stores, disposal=disposal,
                rule=AreaRule(draw(st.integers(0, 2))), typed=draw(st.booleans()),
                dwell=draw(st.integers(0, 3)), handling=draw(st.integers(0, 40)),
                monthly=draw(st.integers(0, 5)))


def engine_plan(inst):
    s, r = inst["sources"], inst["sinks"]

    def dates(rows):
        starts, ends = [], []
        for row in rows:
            start, end = row.get("window", (None, None))
            starts.append(start.isoformat() if start else None)
            ends.append(end.isoformat() if end else None)
        return starts, ends

    typed = inst["typed"]
    start, end = dates(s)
    sources = excavations([x["xy"] for x in s], [x["volume"] for x in s],
                          [x["soil_class"] for x in s], start, end,
                          [x["type"] for x in s] if typed else None,
                          [x["suspected"] for x in s])
    start, end = dates(r)
    sinks = receivers([x["xy"] for x in r], [x["capacity"] for x in r],
                      [x["max_class"] for x in r], start, end,
                      [x["type"] for x in r] if typed else None)
    start, end = dates(inst["stores"])
    stores = storage([x["xy"] for x in inst["stores"]] or np.zeros((0, 2)),
                     [x["capacity"] for x in inst["stores"]],
                     [x["max_class"] for x in inst["stores"]], start, end)
    return schedule(sources, sinks, stores, inst["rule"], inst["dwell"], inst["handling"],
                    inst["monthly"], [x["xy"] for x in inst["disposal"]] or None,
                    [x["fee"] for x in inst["disposal"]] or None, MAX_HAUL_KM)


def path_optimum(inst, use_storage):
    """min cost over variables (excavation, month, route, leg): direct (i, m, j), disposal
    (i, m), and through storage (i, k, m, n, j or disposal) with m <= n <= m + dwell, the stock
    of every (k, month end) summed over the paths that hold soil then."""
    s, r, stores = inst["sources"], inst["sinks"], inst["stores"]
    typed, rule, dwell = inst["typed"], inst["rule"], inst["dwell"]

    def km(a, b):
        return float(np.hypot(a[0] - b[0], a[1] - b[1])) / 1000.0

    def disposal_cost(xy):
        options = [2.0 * km(xy, d["xy"]) + d["fee"] for d in inst["disposal"]]
        return min(options) if options else BASELINE_DKK_T

    def arc_cost(source, target_xy, from_xy, sink):
        """match_reuse's cost of moving ``source``'s soil from ``from_xy`` to ``sink``."""
        distance = km(from_xy, target_xy)
        if distance > MAX_HAUL_KM or not source["soil_class"] <= sink["max_class"]:
            return None
        same = (source["type"] == sink["type"] != "other") if typed else True
        if rule == AreaRule.SAME_TYPE_ONLY and not same:
            return None
        analysis = rule == AreaRule.ANALYSIS_ACROSS_TYPES and (not same or source["suspected"])
        return 2.0 * distance + (RATES.analysis_dkk_t if analysis else 0.0)

    def valid(window):
        return not (window[0] and window[1] and window[0] > window[1])

    touched = [month_of(d) for row in s + r if valid(row["window"]) for d in row["window"] if d]
    first_month, last_month = min(touched), max(touched)
    months = range(last_month - first_month + 1)

    def span(window):
        start, end = window
        return (month_of(start) - first_month if start else 0,
                month_of(end) - first_month if end else len(months) - 1)

    def store_span(store):
        """Months a storage site is open: none for a reversed window or one outside the plan."""
        window = store.get("window", (None, None))
        if not valid(window):
            return 1, 0
        low, high = span(window)
        return max(low, 0), min(high, len(months) - 1)

    costs, columns, constant = [], [], 0.0  # column: dict row -> coefficient
    eq_rows, ub_rows = {}, {}
    for i, source in enumerate(s):
        tonnes = source["volume"] * DENSITY
        dispose = disposal_cost(source["xy"])
        if not valid(source["window"]):
            constant += tonnes * dispose
            continue
        if source["window"][0] and source["window"][1]:
            start, end = source["window"]
            release = {}
            for offset in range((end - start).days + 1):
                month = month_of(start + datetime.timedelta(offset)) - first_month
                release[month] = release.get(month, 0) + 1
            for month, days in release.items():
                eq_rows[("src", i, month)] = tonnes * days / ((end - start).days + 1)
            row_of = {month: ("src", i, month) for month in release}
        else:
            eq_rows[("src", i)] = tonnes
            low, high = span(source["window"])
            row_of = {month: ("src", i) for month in range(low, high + 1)}
        for month, row in row_of.items():
            costs.append(dispose)
            columns.append({row: 1})
            for j, sink in enumerate(r):
                low, high = span(sink["window"])
                cost = arc_cost(source, sink["xy"], source["xy"], sink)
                if cost is not None and low <= month <= high:
                    costs.append(cost)
                    columns.append({row: 1, ("rcv", j): 1})
            if not use_storage or dwell == 0:
                continue
            for k, store in enumerate(stores):
                haul_in = km(source["xy"], store["xy"])
                if haul_in > MAX_HAUL_KM or not source["soil_class"] <= store["max_class"] \
                        or not store["capacity"] > 0:
                    continue
                low, high = store_span(store)
                if not low <= month <= high:
                    continue
                for leave in range(month, min(month + dwell, high) + 1):
                    held = {("stock", k, t): 1 for t in range(month, leave)}
                    entry = 2.0 * haul_in + inst["handling"] + inst["monthly"] * (leave - month)
                    costs.append(entry + disposal_cost(store["xy"]))
                    columns.append({row: 1, **held})
                    for j, sink in enumerate(r):
                        low, high = span(sink["window"])
                        cost = arc_cost(source, sink["xy"], store["xy"], sink)
                        if cost is not None and low <= leave <= high:
                            costs.append(entry + cost)
                            columns.append({row: 1, ("rcv", j): 1, **held})
    for j, sink in enumerate(r):
        ub_rows[("rcv", j)] = sink["capacity"] * DENSITY
    for k, store in enumerate(stores):
        for t in months:
            ub_rows[("stock", k, t)] = store["capacity"] * DENSITY
    if not columns:
        return constant
    eq_index = {row: n for n, row in enumerate(eq_rows)}
    ub_index = {row: n for n, row in enumerate(ub_rows)}
    a_eq = np.zeros((len(eq_index), len(columns)))
    a_ub = np.zeros((len(ub_index), len(columns)))
    for c, column in enumerate(columns):
        for row, value in column.items():
            if row in eq_index:
                a_eq[eq_index[row], c] = value
            else:
                a_ub[ub_index[row], c] = value
    result = linprog(costs, A_ub=a_ub, b_ub=list(ub_rows.values()), A_eq=a_eq,
                     b_eq=list(eq_rows.values()), bounds=(0, None), method="highs")
    assert result.status == 0, result.message
    return constant + result.fun


def check_invariants(plan, dwell, capacity_t):
    flows, tolerance = plan.flows, 1e-6
    assert (plan.flows["tonnes"] > 0).all()
    assert plan.flows["cost_dkk"].sum() == pytest.approx(plan.summary.cost_dkk, rel=1e-9,
                                                         abs=1e-6)
    release = plan.solution.problem.release
    # Everything released leaves the excavation: to receivers, storage or disposal.
    leaving = flows[flows["from_kind"] == "excavation"].groupby("from_index")["tonnes"].sum()
    assert leaving.reindex(range(len(release.tonnes)), fill_value=0).to_numpy() == \
        pytest.approx(release.tonnes, abs=tolerance)
    fixed = release.row_month >= 0
    dated = flows[(flows["from_kind"] == "excavation")
                  & np.isin(flows["from_index"], release.row_site[fixed])]
    by_month = dated.groupby(["from_index", "month"])["tonnes"].sum()
    released = fixed & (release.row_tonnes > 0)
    expected = dict(zip(zip(release.row_site[released], release.row_month[released]),
                        release.row_tonnes[released]))
    assert by_month.to_dict() == pytest.approx(expected, abs=tolerance)
    # Month by month at each storage site: stock = previous + in - out, never above capacity,
    # empty at the horizon's end; no tonne stays longer than the maximum dwell.
    months = plan.solution.problem.horizon.count
    for k in range(len(capacity_t)):
        into = flows[(flows["to_kind"] == "storage") & (flows["to_index"] == k)]
        out = flows[(flows["from_kind"] == "storage") & (flows["from_index"] == k)]
        net = np.zeros(months)
        np.add.at(net, into["month"].to_numpy(), into["tonnes"].to_numpy())
        np.add.at(net, out["month"].to_numpy(), -out["tonnes"].to_numpy())
        stock = np.cumsum(net)
        assert stock.min(initial=0) >= -tolerance
        assert stock.max(initial=0) <= capacity_t[k] + tolerance
        assert abs(stock[-1]) <= tolerance if months else True
        table = plan.stock[plan.stock["storage"] == k]
        if len(table):
            assert table["stock_t"].to_numpy() == pytest.approx(stock, abs=tolerance)
    pieces = storage_pieces(plan.solution)
    assert ((pieces.left - pieces.entered) <= dwell).all()
    assert ((pieces.left - pieces.entered) >= 0).all()


@settings(max_examples=150)
@given(instances())
def test_schedule_matches_the_path_programme_and_keeps_its_invariants(inst):
    result = engine_plan(inst)
    for plan, use_storage in ((result.with_storage, True), (result.without_storage, False)):
        assert plan.summary.cost_dkk == pytest.approx(path_optimum(inst, use_storage), rel=1e-7,
                                                      abs=1e-5)
        check_invariants(plan, inst["dwell"],
                         [x["capacity"] * DENSITY for x in inst["stores"]])
        assert abs(plan.summary.dual_gap_dkk) <= 1e-6 * max(1.0, plan.summary.cost_dkk)
    assert result.with_storage.summary.cost_dkk <= result.without_storage.summary.cost_dkk + 1e-6


def test_path_programme_agrees_on_a_fixed_rich_instance():
    """Every leg in play at once (a regression anchor for the random test)."""
    inst = dict(
        sources=[dict(xy=(0, 0), volume=40, soil_class=1, window=(BASE, BASE.replace(month=2)),
                      type="urban", suspected=False),
                 dict(xy=(2000, 1000), volume=30, soil_class=2, window=(None, None),
                      type="agricultural", suspected=True),
                 dict(xy=(1000, 3000), volume=25, soil_class=1,
                      window=(BASE.replace(month=3), None), type="urban", suspected=False)],
        sinks=[dict(xy=(6000, 0), capacity=50, max_class=2,
                    window=(BASE.replace(month=4), BASE.replace(month=5)), type="urban"),
               dict(xy=(0, 6000), capacity=20, max_class=3,
                    window=(BASE, BASE.replace(month=1, day=20)), type="agricultural")],
        stores=[dict(xy=(3000, 0), capacity=15, max_class=3),
                dict(xy=(0, 3000), capacity=30, max_class=1)],
        disposal=[dict(xy=(9000, 9000), fee=60)], rule=AreaRule.ANALYSIS_ACROSS_TYPES,
        typed=True, dwell=2, handling=10, monthly=1)
    result = engine_plan(inst)
    for plan, use_storage in ((result.with_storage, True), (result.without_storage, False)):
        assert plan.summary.cost_dkk == pytest.approx(path_optimum(inst, use_storage), rel=1e-9)
        check_invariants(plan, 2, [15 * DENSITY, 30 * DENSITY])
    assert result.with_storage.summary.stored_t > 0
    assert result.with_storage.summary.cost_dkk < result.without_storage.summary.cost_dkk


def test_every_origin_group_of_each_rule_is_distinct_only_where_the_rule_looks():
    from jordressource_plugin.core.storage.moves import origin_groups

    sources = excavations([(0, 0)] * 6, [1] * 6, [1, 1, 1, 1, 2, np.nan],
                          area_type=["urban", "urban", "agricultural", "other", "urban", "urban"],
                          suspected=[False, True, False, False, False, False])
    counts = {rule: len(set(origin_groups(sources, rule, True).of_source))
              for rule in AreaRule}
    # Rule 0: classes 1, 2, unknown. Rule 1: urban, analysed (suspected or other), agricultural
    # for class 1, plus 2 and unknown. Rule 2: urban, agricultural, other for class 1, plus two.
    assert counts == {AreaRule.IGNORE: 3, AreaRule.ANALYSIS_ACROSS_TYPES: 5,
                      AreaRule.SAME_TYPE_ONLY: 5}


def test_storage_with_dates_must_be_empty_when_it_closes():
    # The hand case's storage closes at the end of April, before the receiver opens in May:
    # nothing can wait there. Open until May, it is the hand case again.
    sources = excavations([(0, 0)], [1000], start=["2027-01-01"], end=["2027-03-31"])
    sinks = receivers([(10000, 0)], [2000], start=["2027-05-01"], end=["2027-05-31"])
    closing = schedule(sources, sinks, storage([(5000, 0)], [2000], start=["2026-06-01"],
                                               end=["2027-04-30"]))
    assert closing.with_storage.summary.stored_t == 0
    open_until_may = schedule(sources, sinks, storage([(5000, 0)], [2000], end=["2027-05-15"]))
    assert open_until_may.with_storage.summary.cost_dkk == pytest.approx(
        1800 * 120 - 620 * 53 - 560 * 55 - 620 * 57)
    later = schedule(sources, sinks, storage([(5000, 0)], [2000], start=["2031-01-01"]))
    assert list(later.storage_never_open) == [0]
