"""The options catalogue against a brute-force table of every excavation-receiver pair, priced
by the rules as written in the contract (not through the reuse engine)."""
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jordressource_plugin.core.project.options import options_catalogue, plan_flows
from jordressource_plugin.core.reuse.costs import CostRates, straight_haul
from jordressource_plugin.core.reuse.problem import AreaRule, Excavations, Receivers

RATES = CostRates()
TYPES = ["urban", "agricultural", "industrial", "other"]


def sites(rng, n_sources, n_receivers, typed):
    source_type = rng.choice(TYPES, n_sources) if typed else None
    receiver_type = rng.choice(TYPES, n_receivers) if typed else None
    excavations = Excavations(rng.uniform(0, 40000, (n_sources, 2)),
                              rng.uniform(10, 5000, n_sources),
                              rng.integers(1, 4, n_sources).astype(float),
                              np.full(n_sources, np.nan), np.full(n_sources, np.nan),
                              source_type, rng.random(n_sources) < 0.3)
    receivers = Receivers(rng.uniform(0, 40000, (n_receivers, 2)),
                          np.where(rng.random(n_receivers) < 0.15, 0.0,
                                   rng.uniform(100, 20000, n_receivers)),
                          rng.integers(1, 4, n_receivers).astype(float),
                          np.full(n_receivers, np.nan), np.full(n_receivers, np.nan),
                          receiver_type)
    return excavations, receivers


def brute_force(excavations, receivers, rule, max_haul_km, detour):
    """Every pair, priced by the contract's words."""
    rows = []
    typed = excavations.area_type is not None
    for i, j in itertools.product(range(len(excavations.xy)), range(len(receivers.xy))):
        distance = np.hypot(*(excavations.xy[i] - receivers.xy[j])) * detour / 1000
        if distance > max_haul_km or receivers.capacity_m3[j] <= 0:
            continue
        if excavations.soil_class[i] > receivers.max_soil_class[j]:
            continue
        same = (not typed) or (excavations.area_type[i] == receivers.area_type[j]
                               and excavations.area_type[i] != "other")
        if rule == AreaRule.SAME_TYPE_ONLY and not same:
            continue
        analysis = rule != AreaRule.IGNORE and (not same or bool(excavations.suspected[i]))
        charged = analysis and rule == AreaRule.ANALYSIS_ACROSS_TYPES
        cost = RATES.transport_dkk_tkm * distance + (RATES.analysis_dkk_t if charged else 0)
        rows.append((i, j, distance, cost, analysis))
    columns = {"source": int, "receiver": int, "distance_km": float, "cost_dkk_t": float,
               "analysis": bool}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


@settings(max_examples=40)
@given(seed=st.integers(0, 10_000), rule=st.sampled_from(list(AreaRule)),
       count=st.integers(1, 6), typed=st.booleans())
def test_the_ranking_is_the_brute_force_cost_table_sorted(seed, rule, count, typed):
    rng = np.random.default_rng(seed)
    excavations, receivers = sites(rng, 6, 25, typed)
    catalogue = options_catalogue(excavations, receivers, np.zeros((0, 2)), np.zeros(0), RATES,
                                  rule, 20.0, straight_haul(1.3), options_count=count)
    table = brute_force(excavations, receivers, rule, 20.0, 1.3)
    for source in range(6):
        expected = table[table["source"] == source].sort_values(
            ["cost_dkk_t", "distance_km", "receiver"])
        got = catalogue.options[catalogue.options["source"] == source]
        assert catalogue.feasible_count[source] == len(expected)
        assert list(got["rank"]) == list(range(1, min(count, len(expected)) + 1))
        assert list(got["receiver"]) == list(expected["receiver"][:count])
        np.testing.assert_allclose(got["cost_dkk_t"], expected["cost_dkk_t"][:count], rtol=1e-12)
        np.testing.assert_allclose(got["co2_kg_t"], expected["distance_km"][:count] * 0.1,
                                   rtol=1e-12)
        assert list(got["analysis_required"]) == list(expected["analysis"][:count])


def small_case():
    """One excavation, three receivers 1, 2 and 4 km away (straight), disposal 10 km off."""
    excavations = Excavations(np.array([[0.0, 0.0]]), np.array([100.0]), np.array([1.0]),
                              np.array([np.nan]), np.array([np.nan]))
    receivers = Receivers(np.array([[1000.0, 0], [0, 2000.0], [-4000.0, 0]]),
                          np.array([30.0, 1000.0, 1000.0]), np.array([3.0, 3.0, 3.0]),
                          np.full(3, np.nan), np.full(3, np.nan))
    return excavations, receivers


def test_disposal_for_comparison_and_the_regional_plan_extra_cost():
    excavations, receivers = small_case()
    disposal_xy, fee = np.array([[10000.0, 0]]), np.array([50.0])
    # The plan sends 54 t to R0 (its 30 m³) and 90 t to R2, the rest (36 t) to disposal.
    plan = pd.DataFrame({"source": [0, 0], "receiver": [0, 2], "tonnes": [54.0, 90.0]})
    catalogue = options_catalogue(excavations, receivers, disposal_xy, fee, RATES,
                                  AreaRule.IGNORE, 30.0, straight_haul(1.0), options_count=1,
                                  plan=plan)
    options = catalogue.options
    # R0 ranks first (1 km: 2 DKK/t); R2 (4 km) is shown though beyond the count: the plan uses it.
    assert list(options["receiver"]) == [0, 2]
    assert list(options["rank"]) == [1, 3]
    assert list(options["in_plan"]) == [True, True]
    disposal = 2.0 * 10 + 50.0
    assert options["disposal_cost_dkk_t"].tolist() == [disposal, disposal]
    assert options["saving_dkk_t"].tolist() == pytest.approx([disposal - 2.0, disposal - 8.0])
    plan_cost = (54 * 2.0 + 90 * 8.0 + 36 * disposal) / 180
    assert catalogue.plan_cost_dkk_t[0] == pytest.approx(plan_cost)
    assert options["extra_cost_dkk_t"].tolist() == pytest.approx([2.0 - plan_cost,
                                                                  8.0 - plan_cost])
    assert catalogue.plan_reused_t[0] == pytest.approx(144.0)


def test_without_receivers_the_catalogue_holds_disposal_only():
    excavations, _ = small_case()
    nobody = Receivers(np.zeros((0, 2)), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0))
    catalogue = options_catalogue(excavations, nobody, np.zeros((0, 2)), np.zeros(0), RATES,
                                  AreaRule.ANALYSIS_ACROSS_TYPES, 30.0, straight_haul(1.3))
    assert catalogue.options.empty and catalogue.feasible_count.tolist() == [0]
    # no disposal site: the baseline haul and fee
    assert catalogue.disposal.cost_dkk_t[0] == pytest.approx(2.0 * 25 + 70)


def test_plan_rows_are_matched_by_id_and_strangers_reported():
    flows, unknown, unreadable = plan_flows(
        ["A", "B"], ["R1", "R2"],
        ["A", "B", "Z", "A", "B"], ["R2", "R9", "R1", "R1", "R1"], [10, 5, 7, "x", None])
    assert flows.to_dict("list") == {"source": [0], "receiver": [1], "tonnes": [10.0]}
    assert unknown.tolist() == [1]  # B -> R9: no such receiver here
    assert unreadable.tolist() == [3, 4]


def test_a_plan_flow_on_no_allowed_arc_is_reported_not_priced():
    excavations, receivers = small_case()
    receivers.max_soil_class[:] = [3, 3, 0]  # R2 takes no class-1 soil
    plan = pd.DataFrame({"source": [0], "receiver": [2], "tonnes": [20.0]})
    catalogue = options_catalogue(excavations, receivers, np.zeros((0, 2)), np.zeros(0), RATES,
                                  AreaRule.IGNORE, 30.0, straight_haul(1.0), plan=plan)
    assert catalogue.plan_not_options.to_dict("list") == {"source": [0], "receiver": [2],
                                                          "tonnes": [20.0]}
    assert not catalogue.options["in_plan"].any()
    # all of it priced at disposal
    assert catalogue.plan_cost_dkk_t[0] == pytest.approx(catalogue.disposal.cost_dkk_t[0])
