"""The reuse allocation in core: exact optimum against an independent dense formulation, on
hand-solved cases and on random instances (hypothesis), through every solver path."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from jordressource_plugin.core.reuse.allocation import solve_allocation
from jordressource_plugin.core.reuse.costs import CostRates, choose_disposal, straight_haul
from jordressource_plugin.core.reuse.plan import nearest_first_allocation, plan_reuse
from jordressource_plugin.core.reuse.problem import (
    AreaRule,
    Excavations,
    Receivers,
    build_reuse_problem,
    day_number,
)

RATES = CostRates()
TYPES = ["urban", "agricultural", "industrial", "other"]
# Every solver path: the whole programme at once, column generation, prices + column generation.
PATHS = [dict(full_lp_max_arcs=10**9), dict(full_lp_max_arcs=0, columns_per_source=1)]


def excavations(xy, volume, soil_class=None, area_type=None, suspected=None, start=None,
                end=None):
    n = len(xy)
    return Excavations(np.asarray(xy, float), np.asarray(volume, float),
                       np.asarray(soil_class if soil_class is not None else [1] * n, float),
                       np.asarray(start if start is not None else [np.nan] * n, float),
                       np.asarray(end if end is not None else [np.nan] * n, float),
                       None if area_type is None else np.asarray(area_type, object),
                       None if suspected is None else np.asarray(suspected, bool))


def receivers(xy, capacity, max_class=None, area_type=None, start=None, end=None):
    m = len(xy)
    return Receivers(np.asarray(xy, float), np.asarray(capacity, float),
                     np.asarray(max_class if max_class is not None else [3] * m, float),
                     np.asarray(start if start is not None else [np.nan] * m, float),
                     np.asarray(end if end is not None else [np.nan] * m, float),
                     None if area_type is None else np.asarray(area_type, object))


def plan(sources, sinks, rule=AreaRule.IGNORE, max_haul_km=30.0, detour=1.0, **solver):
    return plan_reuse(sources, sinks, np.zeros((0, 2)), np.zeros(0), RATES, rule, max_haul_km,
                      straight_haul(detour), **solver)


def flows(result):
    return {(int(r.source), int(r.receiver)): round(r.volume_m3, 6)
            for r in result.matches.itertuples()}


@pytest.mark.parametrize("solver", PATHS)
def test_optimum_beats_nearest_first_where_greedy_blocks_a_receiver(solver):
    # S0's nearest receiver R0 is also S1's only one: greedy gives R0 to S0 and S1 to disposal.
    sources = excavations([(1000, 0), (-1100, 0)], [100, 100])
    sinks = receivers([(0, 0), (3000, 0)], [100, 100])
    result = plan(sources, sinks, max_haul_km=3.0, **solver)
    assert flows(result) == {(0, 1): 100, (1, 0): 100}
    assert result.summary.cost_dkk == pytest.approx(180 * 2 * 2.0 + 180 * 2 * 1.1)
    greedy = nearest_first_allocation(result.problem)
    assert greedy.cost_dkk == pytest.approx(180 * 2 * 1.0 + 180 * (2 * 25 + 70))
    assert result.summary.cost_dkk < greedy.cost_dkk


@pytest.mark.parametrize("solver", PATHS)
def test_one_absurd_row_leaves_every_other_flow_in_place(solver):
    # A volume typed as 1e15 m³ beside the greedy trap: flows are kept or dropped by an absolute
    # tolerance in tonnes, so the trap's 100 m³ flows survive (a filter relative to the largest
    # supply dropped everything below 1.8e6 t), and every source's soil is accounted for.
    sources = excavations([(1000, 0), (-1100, 0), (50000, 0)], [100, 100, 1e15])
    sinks = receivers([(0, 0), (3000, 0), (50500, 0)], [100, 100, 1e9])
    result = plan(sources, sinks, max_haul_km=3.0, **solver)
    assert flows(result) == {(0, 1): 100, (1, 0): 100, (2, 2): 1e9}
    allocation = result.allocation
    assert allocation.reused_t + allocation.disposed_t == pytest.approx(
        result.problem.supply_t, rel=1e-12)
    assert (allocation.received_t <= result.problem.capacity_t).all()
    assert result.summary.reused_m3 == pytest.approx(200 + 1e9)


def test_optimum_splits_a_source_where_greedy_fills_the_wrong_receiver():
    # R0 is near both; only S0 reaches R1. Greedy gives R0 to S0 first and S1's soil to
    # disposal; the optimum sends 100 of S0 to R1 and shares R0 between them.
    sources = excavations([(50, 0), (500, 0)], [150, 100])
    sinks = receivers([(250, 0), (-5000, 0)], [100, 100])
    result = plan(sources, sinks, max_haul_km=5.2)
    assert flows(result) == {(0, 0): 50, (0, 1): 100, (1, 0): 50}
    assert result.allocation.disposed_t == pytest.approx([0, 50 * 1.8])
    greedy = nearest_first_allocation(result.problem)
    assert greedy.reused_t.sum() == pytest.approx(150 * 1.8)


def test_disposal_takes_what_is_cheaper_to_dispose():
    # Reuse at 29 km costs 58 DKK/t; a disposal site next door charging 40 DKK/t is cheaper.
    sources = excavations([(0, 0)], [100])
    sinks = receivers([(29000, 0)], [100])
    disposal = choose_disposal(sources.xy, np.array([[100.0, 0.0]]), np.array([40.0]), RATES,
                               straight_haul(1.0))
    assert disposal.cost_dkk_t == pytest.approx([2 * 0.1 + 40])
    result = plan_reuse(sources, sinks, np.array([[100.0, 0.0]]), np.array([40.0]), RATES,
                        AreaRule.IGNORE, 30, straight_haul(1.0))
    assert flows(result) == {}
    assert result.summary.disposed_m3 == pytest.approx(100)
    no_fee = choose_disposal(sources.xy, np.array([[100.0, 0.0]]), np.array([np.nan]), RATES,
                             straight_haul(1.0))
    assert no_fee.gate_fee_dkk_t == pytest.approx([RATES.default_gate_fee_dkk_t])


@pytest.mark.parametrize("rule, expected", [
    (AreaRule.IGNORE, {(0, 0): 10, (1, 0): 10}),
    (AreaRule.ANALYSIS_ACROSS_TYPES, {(0, 1): 10, (1, 0): 10}),
    (AreaRule.SAME_TYPE_ONLY, {(0, 1): 10, (1, 1): 10}),
])
def test_each_area_rule_changes_the_answer(rule, expected):
    # R0 is near but agricultural; R1 is 15 km away and urban like both sources; S1 is suspected.
    sources = excavations([(0, 0), (0, 100)], [10, 10], area_type=["urban", "urban"],
                          suspected=[False, True])
    sinks = receivers([(1000, 0), (-15000, 0)], [1000, 1000],
                      area_type=["agricultural", "urban"])
    assert flows(plan(sources, sinks, rule)) == expected


def test_other_area_type_never_counts_as_the_same_type():
    sources = excavations([(0, 0)], [10], area_type=["other"], suspected=[True])
    sinks = receivers([(1000, 0)], [100], area_type=["other"])
    assert flows(plan(sources, sinks, AreaRule.SAME_TYPE_ONLY)) == {}


def test_date_windows_must_overlap_and_open_ends_stay_open():
    day = day_number
    sources = excavations([(0, 0), (0, 0)], [10, 10], start=[day("2026-01-01"), np.nan],
                          end=[day("2026-03-31", True), day("2026-05-01", True)])
    sinks = receivers([(1000, 0), (5000, 0)], [10, 100],
                      start=[day("2026-04-02"), day("2026-03-31T08:00")], end=[np.nan, np.nan])
    # S0 ends before R0 opens but overlaps R1 on its last day; S1 is open at the start.
    assert flows(plan(sources, sinks)) == {(0, 1): 10, (1, 0): 10}


def test_windows_that_only_touch_at_midnight_do_not_overlap():
    # The contract: both the start and the end date count as days of a window. Digging to
    # 30 April ends at midnight, when a receiver opening on 1 May begins: no day in common. One
    # open from 30 April shares that day.
    day = day_number
    sources = excavations([(0, 0)], [10], start=[day("2026-04-01")],
                          end=[day("2026-04-30", True)])
    sinks = receivers([(1000, 0), (5000, 0)], [100, 100],
                      start=[day("2026-05-01"), day("2026-04-30")],
                      end=[day("2026-05-31", True), day("2026-04-30", True)])
    result = plan(sources, sinks)
    assert flows(result) == {(0, 1): 10}
    assert list(result.problem.arcs.receiver) == [1]
    # And the other way round: a receiver closing on 30 April, digging from 1 May.
    late = excavations([(0, 0)], [10], start=[day("2026-05-01")], end=[day("2026-05-02", True)])
    closing = receivers([(1000, 0)], [100], start=[np.nan], end=[day("2026-04-30", True)])
    assert flows(plan(late, closing)) == {}


def test_a_window_ending_the_day_before_it_starts_is_reversed():
    day = day_number
    sources = excavations([(0, 0), (0, 0)], [10, 10],
                          start=[day("2026-05-01"), day("2026-05-01")],
                          end=[day("2026-04-30", True), day("2026-05-01", True)])
    result = plan(sources, receivers([(1000, 0)], [100]))
    assert list(result.problem.invalid_source_window) == [0]
    assert flows(result) == {(1, 0): 10}  # a window of one day is a window


def test_reversed_window_and_unknown_class_leave_soil_to_disposal():
    sources = excavations([(0, 0), (0, 0), (0, 0)], [10, 10, 10], soil_class=[1, np.nan, 1],
                          start=[np.nan, np.nan, day_number("2026-05-01")],
                          end=[np.nan, np.nan, day_number("2026-04-01")])
    result = plan(sources, receivers([(1000, 0)], [100]))
    assert flows(result) == {(0, 0): 10}
    assert list(result.problem.invalid_source_window) == [2]
    assert list(result.problem.class_not_accepted) == [1]


def test_class_above_every_receiver_is_reported():
    sources = excavations([(0, 0)], [10], soil_class=[3])
    result = plan(sources, receivers([(1000, 0)], [100], max_class=[2]))
    assert list(result.problem.class_not_accepted) == [0]
    assert result.summary.disposed_m3 == pytest.approx(10)


def test_capacity_tie_fills_the_receiver_once():
    sources = excavations([(-1000, 0), (1000, 0)], [100, 100])
    result = plan(sources, receivers([(0, 0)], [100]))
    assert result.summary.reused_m3 == pytest.approx(100)
    assert result.summary.disposed_m3 == pytest.approx(100)
    assert result.receivers["fill_share"].tolist() == pytest.approx([1.0])
    assert result.summary.cost_dkk == pytest.approx(180 * 2 * 1.0 + 180 * (2 * 25 + 70))


def test_day_numbers_read_dates_datetimes_and_iso_text():
    import datetime
    assert day_number(datetime.date(2026, 5, 1)) == day_number("2026-05-01")
    assert day_number("2026-05-01", end_of_day=True) == day_number("2026-05-02")
    assert day_number("2026-05-01 06:00") == day_number("2026-05-01") + 0.25
    assert day_number(datetime.datetime(2026, 5, 1, 12)) == day_number("2026-05-01T12:00:00Z")
    assert np.isnan(day_number(None)) and np.isnan(day_number(""))
    with pytest.raises(ValueError):
        day_number("not a date")


# Independent check: the contract's programme written out densely, with u_i explicit and
# every pair tested in plain Python.
def dense_optimum(sources, sinks, rule, max_haul_km, disposal_cost):
    n, m = len(sources.xy), len(sinks.xy)
    cost = np.full((n, m), np.nan)
    for i in range(n):
        for j in range(m):
            d = np.hypot(*(sources.xy[i] - sinks.xy[j])) / 1000.0
            if d > max_haul_km or not sources.soil_class[i] <= sinks.max_soil_class[j]:
                continue
            if sources.start_day[i] > sinks.end_day[j] or sinks.start_day[j] > sources.end_day[i]:
                continue
            same = sources.area_type[i] == sinks.area_type[j] != "other"
            if rule == AreaRule.SAME_TYPE_ONLY and not same:
                continue
            analysis = rule == AreaRule.ANALYSIS_ACROSS_TYPES and (not same
                                                                  or sources.suspected[i])
            cost[i, j] = 2.0 * d + (RATES.analysis_dkk_t if analysis else 0.0)
    arcs = [(i, j) for i in range(n) for j in range(m) if not np.isnan(cost[i, j])]
    c = [cost[i, j] for i, j in arcs] + list(disposal_cost)
    a_eq = np.zeros((n, len(c)))
    a_ub = np.zeros((m, len(c)))
    for k, (i, j) in enumerate(arcs):
        a_eq[i, k] = 1
        a_ub[j, k] = 1
    a_eq[np.arange(n), len(arcs) + np.arange(n)] = 1
    result = linprog(c, A_ub=a_ub, b_ub=sinks.capacity_m3 * 1.8, A_eq=a_eq,
                     b_eq=sources.volume_m3 * 1.8, method="highs")
    assert result.status == 0
    return result.fun, cost


instances = st.integers(1, 9).flatmap(lambda n: st.integers(1, 5).flatmap(lambda m: st.tuples(
    st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=n, max_size=n),
    st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=m, max_size=m),
    st.lists(st.integers(0, 50), min_size=n, max_size=n),
    st.lists(st.integers(0, 60), min_size=m, max_size=m),
    st.lists(st.integers(0, 3), min_size=n, max_size=n),
    st.lists(st.integers(0, 3), min_size=m, max_size=m),
    st.lists(st.integers(0, 3), min_size=n + m, max_size=n + m),
    st.lists(st.booleans(), min_size=n, max_size=n),
    st.lists(st.integers(0, 4), min_size=n + m, max_size=n + m),
    st.sampled_from(list(AreaRule)),
    st.sampled_from(PATHS),
)))


@settings(max_examples=60, deadline=None)
@given(instances)
def test_random_instances_match_the_dense_programme(instance):
    (sxy, rxy, volume, capacity, soil_class, max_class, types, suspected, windows, rule,
     solver) = instance
    n = len(sxy)
    # Coordinates on a 2.5 km grid, so that a 30 km maximum haul cuts some pairs.
    day = [np.nan, 0, 10, 20, 30]
    sources = excavations(np.array(sxy) * 2500.0, volume, soil_class,
                          [TYPES[t] for t in types[:n]], suspected,
                          start=[day[w] if w % 2 else np.nan for w in windows[:n]],
                          end=[day[w] + 5 if w else np.nan for w in windows[:n]])
    sinks = receivers(np.array(rxy) * 2500.0, capacity, max_class,
                      [TYPES[t] for t in types[n:]],
                      start=[day[w] for w in windows[n:]], end=[np.nan] * len(rxy))
    result = plan(sources, sinks, rule, **solver)
    expected, cost = dense_optimum(sources, sinks, rule, 30.0, result.disposal.cost_dkk_t)
    summary, allocation = result.summary, result.allocation
    assert allocation.cost_dkk == pytest.approx(expected, rel=1e-7, abs=1e-6)
    # Mass conservation per source, capacities, and only allowed arcs.
    assert allocation.reused_t + allocation.disposed_t == pytest.approx(sources.volume_m3 * 1.8)
    assert (allocation.disposed_t >= 0).all()
    assert (allocation.received_t <= sinks.capacity_m3 * 1.8 + 1e-9).all()
    for row in result.matches.itertuples():
        assert not np.isnan(cost[row.source, row.receiver])
        assert row.distance_km <= 30.0
        assert sources.soil_class[row.source] <= sinks.max_soil_class[row.receiver]
        if rule == AreaRule.SAME_TYPE_ONLY:
            assert sources.area_type[row.source] == sinks.area_type[row.receiver] != "other"
    assert summary.cost_dkk <= nearest_first_allocation(result.problem).cost_dkk + 1e-6
    assert summary.reused_m3 + summary.disposed_m3 == pytest.approx(summary.supplied_m3)


def random_problem(seed, n, m, extent_m, rule=AreaRule.IGNORE, mixed=False):
    """A seeded instance of ``n`` excavations and ``m`` receivers in a square of ``extent_m``;
    ``mixed`` also draws classes, area types and suspicion. Disposal only by the baseline haul."""
    rng = np.random.default_rng(seed)
    xy, volume = rng.random((n, 2)) * extent_m, rng.lognormal(6, 1, n)
    if mixed:
        sources = excavations(xy, volume, rng.integers(1, 4, n), rng.choice(TYPES, n),
                              rng.random(n) < 0.2)
        sinks = receivers(rng.random((m, 2)) * extent_m, rng.lognormal(8, 1, m),
                          rng.integers(1, 4, m), rng.choice(TYPES[:3], m))
    else:
        sources = excavations(xy, volume)
        sinks = receivers(rng.random((m, 2)) * extent_m, rng.lognormal(8, 1, m))
    disposal = choose_disposal(sources.xy, np.zeros((0, 2)), np.zeros(0), RATES,
                               straight_haul())
    return build_reuse_problem(sources, sinks, disposal.cost_dkk_t, RATES, rule, 30.0,
                               straight_haul())


@pytest.mark.parametrize("seed", [0, 1])
def test_price_decomposition_is_exact_on_a_contested_region(seed):
    problem = random_problem(seed, 600, 40, 40000, AreaRule.ANALYSIS_ACROSS_TYPES, mixed=True)
    whole = solve_allocation(problem, full_lp_max_arcs=10**9)
    parts = solve_allocation(problem, full_lp_max_arcs=100, columns_per_source=2)
    assert parts.cost_dkk == pytest.approx(whole.cost_dkk, rel=1e-9)
    assert parts.reused_t + parts.disposed_t == pytest.approx(problem.supply_t)
    assert (parts.received_t <= problem.capacity_t * (1 + 1e-9)).all()


def test_price_estimate_rations_a_receiver_wanted_by_more_soil_than_it_holds():
    from jordressource_plugin.core.reuse.prices import _estimate_prices

    # Two sources of 100 t save 30 and 20 DKK/t at one receiver with room for 100 t: any price
    # between 20 and 30 DKK/t sends the first there and the second to disposal.
    price = _estimate_prices(np.array([-30.0, -20.0]), np.array([0, 1]), np.array([0, 0]),
                             np.array([0, 1]), np.array([0, 1]), np.array([100.0, 100.0]),
                             np.array([100.0]))
    assert 20.0 < price[0] < 30.0


@pytest.mark.parametrize("estimate", [0.0, 500.0])
def test_price_decomposition_is_exact_whatever_the_estimate(monkeypatch, estimate):
    # Prices far off (none at all, or dearer than any saving) only cost extra rounds.
    from jordressource_plugin.core.reuse import prices

    monkeypatch.setattr(prices, "_estimate_prices",
                        lambda *args: np.full(len(args[-1]), estimate))
    problem = random_problem(3, 400, 30, 30000)
    whole = solve_allocation(problem, full_lp_max_arcs=10**9)
    parts = solve_allocation(problem, full_lp_max_arcs=100, columns_per_source=2)
    assert parts.cost_dkk == pytest.approx(whole.cost_dkk, rel=1e-9)
    assert parts.reused_t + parts.disposed_t == pytest.approx(problem.supply_t)


def test_column_generation_reaches_the_whole_programme_optimum():
    from jordressource_plugin.core.reuse.columns import solve_columns

    problem = random_problem(7, 300, 30, 30000)
    arcs = problem.arcs
    profit = arcs.cost_dkk_t - problem.disposal_cost_dkk_t[arcs.source]
    whole = solve_columns(profit, arcs.source, arcs.receiver, problem.supply_t,
                          problem.capacity_t, 1, len(arcs))
    generated = solve_columns(profit, arcs.source, arcs.receiver, problem.supply_t,
                              problem.capacity_t, 1, 0)
    assert generated[3] > 1 and generated[4].sum() < len(arcs)  # several rounds, fewer arcs
    assert profit @ generated[0] == pytest.approx(profit @ whole[0], rel=1e-9)
