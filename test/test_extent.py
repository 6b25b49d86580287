"""Reading only part of a large layer (core.geometry.extent, core.reuse.costs.disposal_reach_km):
the rectangles hold what they must, and a disposal choice made on part of the road network is
the whole network's whenever the reach check passes."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from jordressource_plugin.core.geometry import extent
from jordressource_plugin.core.network.haul import NETWORK, HaulPairs
from jordressource_plugin.core.reuse.costs import CostRates, choose_disposal, disposal_reach_km

SLACK = extent.EDGE_SLACK_M
# Holbæk, in EPSG:25832 metres
X0, Y0 = 680000.0, 6170000.0


def test_bounds_hold_points_and_bounds_and_skip_what_is_not_there():
    xy = np.array([[X0, Y0], [X0 + 10, Y0 - 5], [np.nan, np.nan]])
    assert extent.bounds_of(xy) == (X0, Y0 - 5, X0 + 10, Y0)
    assert extent.bounds_of(xy, (X0 - 1, Y0, X0, Y0 + 3)) == (X0 - 1, Y0 - 5, X0 + 10, Y0 + 3)
    assert extent.bounds_of(np.full(4, np.nan), np.zeros((0, 2))) is None
    assert extent.grown((X0, Y0, X0, Y0), 30.0) == (X0 - 30, Y0 - 30, X0 + 30, Y0 + 30)
    assert extent.grown((X0, Y0, X0, Y0), np.inf) is None  # no bound: the whole layer
    assert extent.grown(None, 5.0) is None


def test_room_is_the_distance_to_the_nearest_edge_less_the_slack():
    bounds = (X0, Y0, X0 + 1000, Y0 + 500)
    xy = np.array([[X0 + 300, Y0 + 100], [X0 + 990, Y0 + 250], [X0 - 50, Y0 + 250]])
    assert extent.room(xy, bounds).tolist() == [100 - SLACK, 10 - SLACK, -50 - SLACK]
    assert np.isinf(extent.room(xy, None)).all()
    assert extent.within_room(xy[:1], [100 - SLACK], bounds)
    assert not extent.within_room(xy[:1], [100 - SLACK + 1e-6], bounds)


points = arrays(float, st.tuples(st.integers(1, 8), st.just(2)),
                elements=st.floats(-50_000, 50_000)).map(lambda a: a + [X0, Y0])


@given(xy=points, reach=st.floats(0, 100_000))
def test_a_covering_rectangle_holds_every_disc_and_the_rectangle_it_grows(xy, reach):
    start = extent.grown(extent.bounds_of(xy), 10.0)
    wider = extent.covering(xy, np.full(len(xy), reach), start)
    assert extent.within_room(xy, np.full(len(xy), reach), wider)
    assert wider[0] <= start[0] and wider[1] <= start[1]
    assert wider[2] >= start[2] and wider[3] >= start[3]
    assert extent.covering(xy, np.full(len(xy), np.inf), start) is None


def _pairs_from(matrix_km):
    """HaulPairs of every finite entry of a sources × targets matrix of road hauls (km)."""
    source, target = np.nonzero(np.isfinite(matrix_km))
    return HaulPairs(source, target, matrix_km[source, target], NETWORK)


def _choice(matrix_km, fees, rates):
    return choose_disposal(np.zeros((matrix_km.shape[0], 2)), np.zeros((matrix_km.shape[1], 2)),
                           fees, rates, lambda *_: _pairs_from(matrix_km))


@given(data=st.data(), sources=st.integers(1, 6), sites=st.integers(1, 5),
       transport=st.floats(0.5, 5.0))
def test_a_choice_within_its_reach_is_the_whole_networks(data, sources, sites, transport):
    """Roads read within ``room_km`` of each source give every haul up to that length exactly,
    and longer ones no shorter (or not at all). When the reach of the choice made on them stays
    within the room, it is the choice on the whole network."""
    km = st.floats(0.5, 120.0)
    whole = np.array(data.draw(st.lists(st.lists(km, min_size=sites, max_size=sites),
                                        min_size=sources, max_size=sources)))
    fees = np.array(data.draw(st.lists(st.one_of(st.floats(40, 200), st.just(np.nan)),
                                       min_size=sites, max_size=sites)))
    room_km = np.array(data.draw(st.lists(st.floats(1.0, 150.0), min_size=sources,
                                          max_size=sources)))
    longer = np.array(data.draw(st.lists(st.lists(st.one_of(st.floats(0, 80), st.just(np.inf)),
                                                  min_size=sites, max_size=sites),
                                         min_size=sources, max_size=sources)))
    partial = np.where(whole <= room_km[:, None], whole, whole + longer)
    rates = CostRates(transport_dkk_tkm=transport)

    found = _choice(partial, fees, rates)
    reach = disposal_reach_km(found, fees, rates)
    checked = reach <= room_km
    truth = _choice(whole, fees, rates)
    assert (found.site[checked] == truth.site[checked]).all()
    assert np.allclose(found.cost_dkk_t[checked], truth.cost_dkk_t[checked], rtol=0, atol=1e-9)
    assert (reach >= np.where(found.site >= 0, found.haul_km, 0)).all()


def test_no_site_reached_or_free_transport_bounds_nothing():
    rates = CostRates(transport_dkk_tkm=2.0)
    unreached = _choice(np.full((2, 1), np.inf), np.array([80.0]), rates)
    assert np.isinf(disposal_reach_km(unreached, np.array([80.0]), rates)).all()
    free = CostRates(transport_dkk_tkm=0.0)
    choice = _choice(np.array([[10.0]]), np.array([80.0]), free)
    assert np.isinf(disposal_reach_km(choice, np.array([80.0]), free)).all()


@pytest.mark.parametrize("fees, expected_km", [([100.0, 60.0], 10 + 40 / 2), ([60.0], 10.0)])
def test_the_reach_is_the_haul_at_which_the_cheapest_fee_costs_as_much(fees, expected_km):
    rates = CostRates(transport_dkk_tkm=2.0)
    matrix = np.array([[10.0] + [50.0] * (len(fees) - 1)])
    choice = _choice(matrix, np.array(fees), rates)
    assert choice.site.tolist() == [0]
    assert disposal_reach_km(choice, np.array(fees), rates).tolist() == [expected_km]
