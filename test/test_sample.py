"""The shipped Holbæk sample project follows the data model and is small, consistent and usable:
every layer of the contract is there with its fields, excavations lie in urban or industrial
areas, planned levels lie below the terrain, receivers compete for less soil than there is."""
import sqlite3
from contextlib import closing

import pandas as pd
import pytest
from shapely.ops import unary_union

from jordressource_plugin.core.project.datamodel import layer_spec
from jordressource_plugin.resources import sample_dir

SAMPLE = sample_dir() / "holbaek_sample.gpkg"
DEM = sample_dir() / "holbaek_dem.tif"
LAYERS = {
    "municipality": "planning_areas", "area_types": "area_types", "excavations": "excavations",
    "excavation_points": "excavation_points", "receivers": "receivers",
    "storage_sites": "storage_sites",
    "disposal_sites": "disposal_sites", "local_plans": "planning_areas", "roads": "roads",
    "contaminated_sites": "contaminated_sites",
}


def frame(layer):
    import geopandas as gpd
    return gpd.read_file(SAMPLE, layer=layer)


def test_sample_is_small_and_readable_from_a_read_only_folder():
    assert SAMPLE.stat().st_size + DEM.stat().st_size < 5_000_000
    # SQLite header bytes 18-19: 1 = rollback journal; 2 = WAL, which needs a writable folder
    assert SAMPLE.read_bytes()[18:20] == b"\x01\x01"


@pytest.mark.parametrize("layer, spec_name", LAYERS.items())
def test_every_layer_has_the_data_model_fields_and_a_default_style(layer, spec_name):
    data = frame(layer)
    assert len(data) > 0
    assert data.crs.to_epsg() == 25832
    assert [c for c in data.columns if c != "geometry"] == layer_spec(spec_name).field_names()
    assert data.geometry.is_valid.all() and not data.geometry.is_empty.any()
    with closing(sqlite3.connect(SAMPLE)) as connection:
        styles = connection.execute("SELECT count(*) FROM layer_styles WHERE f_table_name = ? "
                                    "AND useAsDefault", (layer,)).fetchone()[0]
    assert styles == 1


def test_excavations_are_planned_in_urban_and_industrial_areas():
    from jordressource_plugin.core.area.classify import classify_sites, prepare_area_types

    areas = prepare_area_types(frame("area_types"), "area_type")
    for layer in ("excavations", "excavation_points"):
        sites = frame(layer)
        result = classify_sites(sites.geometry, areas)
        assert set(result.area_type) <= {"urban", "industrial"}
        assert sites.volume_m3.between(300, 60000).all()
        assert set(sites.soil_class) <= {1, 2, 3}
        # Dates as the reader gives them: text (fiona) or datetime64 (pyogrio, geopandas 1.x).
        start, end = pd.to_datetime(sites.start_date), pd.to_datetime(sites.end_date)
        assert (start <= end).all()
        assert start.min() >= pd.Timestamp("2026-01-01") and end.max() <= pd.Timestamp("2030-12-31")
    assert len(frame("excavations")) + len(frame("excavation_points")) == 62


def test_planned_levels_lie_below_the_terrain():
    import numpy as np
    import rasterio
    from rasterio import features

    excavations = frame("excavations")
    with_level = excavations[excavations.planned_level_m.notna()]
    assert len(with_level) >= 10
    with rasterio.open(DEM) as dem:
        assert dem.crs.to_epsg() == 25832 and dem.nodata == -9999 and dem.dtypes[0] == "float32"
        elevation = dem.read(1)
        for _, row in with_level.iterrows():
            inside = features.geometry_mask([row.geometry], elevation.shape, dem.transform,
                                            invert=True)
            cells = elevation[inside]
            assert cells.size >= 4 and (cells != dem.nodata).all()
            assert row.planned_level_m < cells.mean()
            # the planned level is the terrain minus a 0.8-4 m excavation depth
            assert 0.8 <= cells.mean() - row.planned_level_m <= 4.0 + 1e-6
        land = elevation[elevation != dem.nodata]
        assert 0 <= land.min() and land.max() <= 110 and np.ptp(land) > 50


def test_receivers_compete_and_some_soil_must_go_to_disposal():
    receivers = frame("receivers")
    supply = frame("excavations").volume_m3.sum() + frame("excavation_points").volume_m3.sum()
    assert set(receivers.kind) == {"pit", "resource_site", "utilisation"}
    assert 10 <= len(receivers) <= 20
    assert receivers.capacity_m3.sum() < supply
    assert frame("disposal_sites").gate_fee_dkk_t.between(50, 90).all()


def test_some_contaminated_sites_lie_on_excavations_whose_soil_is_graded():
    excavations = frame("excavations")
    sites = frame("contaminated_sites")
    assert set(sites.status) == {"V1", "V2"}
    hit = excavations[excavations.intersects(unary_union(list(sites.geometry)))]
    assert len(hit) >= 5
    assert (hit.soil_class >= 2).all()


def test_roads_are_one_connected_network_with_bridges():
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    roads = frame("roads")
    assert 500 <= len(roads) <= 5000
    assert {"motorway", "regional", "local", "access"} <= set(roads.road_class)
    assert roads.bridge.sum() >= 1
    nodes = {}
    ends = np.array([[nodes.setdefault(tuple(np.round(g.coords[i], 3)), len(nodes))
                      for i in (0, -1)] for g in roads.geometry])
    graph = coo_matrix((np.ones(len(ends)), (ends[:, 0], ends[:, 1])), shape=(len(nodes),) * 2)
    assert connected_components(graph, directed=False)[0] == 1


def test_sample_has_time_to_plan_with_storage():
    """Issue 13's sample: digging 1-6 months spread over 2026-2030, receivers open 3-18 months,
    two resource sites with storage room (open throughout: no dates)."""
    import pandas as pd

    def months(layer):
        sites = frame(layer)
        days = (pd.to_datetime(sites.end_date) - pd.to_datetime(sites.start_date)).dt.days
        return days / 30.44, pd.to_datetime(sites.start_date)

    dig, start = months("excavations")
    assert dig.between(0.9, 6.1).all() and start.dt.year.nunique() >= 4
    open_months, _ = months("receivers")
    assert open_months.between(2.9, 18.1).all()
    storage = frame("storage_sites")
    assert len(storage) == 2 and (storage.storage_capacity_m3 > 0).all()
    assert storage.start_date.isna().all() and storage.end_date.isna().all()
