"""The balanced level on hand-made DEMs whose answer is known in closed form, and against
earthwork volumes computed at the level found (the definition: cut equals fill)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from jordressource_plugin.core.terrain import earthwork
from jordressource_plugin.core.terrain.balanced_level import terrain_balance
from jordressource_plugin.core.terrain.earthwork import earthwork_volumes

MM = 0.001
CELL = 2.0
CRS = "EPSG:25832"
X0, Y0 = 700000.0, 6200000.0  # upper-left corner of every test raster
ORIGIN = (X0, Y0)


def cells(col0, row0, col1, row1, inset=0.0):
    """The box over cells [col0, col1) x [row0, row1) of a test raster, shrunk by ``inset``."""
    return box(X0 + col0 * CELL + inset, Y0 - row1 * CELL + inset,
               X0 + col1 * CELL - inset, Y0 - row0 * CELL - inset)


def series(*geometries):
    import geopandas as gpd
    return gpd.GeoSeries(list(geometries), crs=CRS)


def plane(a, b, c):
    """z = a·(x − X0) + b·(Y0 − y) + c at the centres of a 40 x 30 grid of 2 m cells."""
    x = (np.arange(40) + 0.5) * CELL
    y = (np.arange(30) + 0.5) * CELL
    return a * x[None, :] + b * y[:, None] + c


@pytest.fixture
def sloping_dem(tmp_path, write_raster):
    return write_raster(tmp_path / "slope.tif", plane(0.05, -0.02, 31.0), ORIGIN)


def test_on_a_plane_the_balanced_level_is_the_plane_at_the_mean_cell_centre(sloping_dem):
    # Cells [3, 17) x [2, 25): centres x = 3.5 .. 16.5 cells, y = 2.5 .. 24.5 cells.
    result = terrain_balance(series(cells(3, 2, 17, 25, inset=0.3)), sloping_dem,
                             planned_levels=[30.0])
    mean_x, mean_y = (3 + 17) / 2 * CELL, (2 + 25) / 2 * CELL
    expected = 0.05 * mean_x - 0.02 * mean_y + 31.0
    assert abs(result.balanced_level_m[0] - expected) < MM
    assert result.balanced_shift_m[0] == pytest.approx(expected - 30.0, abs=MM)
    assert result.balanced_cut_m3[0] == pytest.approx(result.balanced_fill_m3[0], rel=1e-9)
    assert result.reason[0] == earthwork.OK


def test_the_level_found_balances_earthwork_volumes_to_a_millimetre(sloping_dem):
    polygons = series(Point(X0 + 30, Y0 - 28).buffer(17), cells(0, 0, 40, 30, inset=0.1))
    levels = terrain_balance(polygons, sloping_dem).balanced_level_m
    cell_counts = earthwork_volumes(polygons, sloping_dem, planned_levels=[0, 0]).valid_cell_count
    for shift in (-MM, 0.0, MM):
        net = earthwork_volumes(polygons, sloping_dem, planned_levels=levels + shift).net_m3
        if shift == 0:
            assert np.all(np.abs(net) < 1e-6 * cell_counts * CELL ** 2)
        else:
            # a millimetre off, the net is exactly 1 mm times the counted area the other way
            assert net == pytest.approx(-shift * cell_counts * CELL ** 2, rel=1e-3)


def test_the_cut_of_the_balanced_design_is_the_soil_moved_at_that_level(sloping_dem):
    polygon = series(cells(5, 5, 25, 20, inset=0.4))
    result = terrain_balance(polygon, sloping_dem, planned_levels=[29.0])
    at_level = earthwork_volumes(polygon, sloping_dem,
                                 planned_levels=result.balanced_level_m)
    assert result.balanced_cut_m3[0] == pytest.approx(at_level.cut_m3[0], rel=1e-9)
    assert result.balanced_fill_m3[0] == pytest.approx(at_level.fill_m3[0], rel=1e-9)
    planned = earthwork_volumes(polygon, sloping_dem, planned_levels=[29.0])
    assert result.volumes.cut_m3[0] == pytest.approx(planned.cut_m3[0], rel=1e-12)
    assert result.volumes.fill_m3[0] == pytest.approx(planned.fill_m3[0], rel=1e-12)
    assert result.volumes.surplus_m3[0] == pytest.approx(planned.surplus_m3[0], rel=1e-12)


def test_a_sloping_design_is_balanced_by_shifting_it(tmp_path, write_raster):
    """Terrain a hump, design a plane: the shift is mean(z − p); the design raised by it has
    equal cut and fill, measured by earthwork volumes on a shifted design raster."""
    x = (np.arange(40) + 0.5) * CELL
    y = (np.arange(30) + 0.5) * CELL
    terrain = 20 + 3 * np.exp(-((x[None, :] - 40) ** 2 + (y[:, None] - 30) ** 2) / 300)
    design = 18.0 + 0.03 * x[None, :] + 0.0 * y[:, None]
    dem = write_raster(tmp_path / "hump.tif", terrain, ORIGIN)
    design_path = write_raster(tmp_path / "design.tif", design, ORIGIN)
    polygon = series(cells(4, 3, 36, 27, inset=0.2))
    result = terrain_balance(polygon, dem, planned_surface_path=design_path)
    inside = np.s_[3:27, 4:36]
    z, p = terrain.astype(np.float32)[inside], design.astype(np.float32)[inside]
    assert result.balanced_shift_m[0] == pytest.approx(float(np.mean(z - p.astype(float))),
                                                       abs=MM)
    assert result.balanced_level_m[0] == pytest.approx(float(np.mean(z)), abs=MM)
    shifted = write_raster(tmp_path / "shifted.tif", design + result.balanced_shift_m[0], ORIGIN)
    check = earthwork_volumes(polygon, dem, planned_surface_path=shifted)
    # the shifted raster is stored as float32: a few micrometres of rounding per cell
    assert abs(check.net_m3[0]) < 1e-4 * check.valid_cell_count[0] * CELL ** 2
    assert result.balanced_cut_m3[0] == pytest.approx(check.cut_m3[0], rel=1e-5)


def test_the_project_shift_balances_every_polygon_together(sloping_dem):
    polygons = series(cells(0, 0, 10, 10, inset=0.1), cells(20, 10, 40, 30, inset=0.1),
                      cells(12, 0, 14, 2, inset=0.1))
    levels = [30.5, 33.0, np.nan]  # the third has no plan: left out of the project's shift
    result = terrain_balance(polygons, sloping_dem, planned_levels=levels)
    z = plane(0.05, -0.02, 31.0).astype(np.float32).astype(float)
    depths = np.concatenate([(z[0:10, 0:10] - 30.5).ravel(), (z[10:30, 20:40] - 33.0).ravel()])
    assert result.project_shift_m == pytest.approx(depths.mean(), abs=MM)
    moved = depths - result.project_shift_m
    assert result.project_cut_m3 == pytest.approx(moved[moved > 0].sum() * 4, rel=1e-9)
    assert result.project_cut_m3 == pytest.approx(result.project_fill_m3, rel=1e-9)
    assert np.isnan(result.balanced_shift_m[2]) and np.isfinite(result.balanced_level_m[2])
    assert result.volumes.status[2] == earthwork.NO_LEVEL
    assert np.isnan(result.volumes.cut_m3[2])


def test_polygons_without_a_cell_with_data_have_no_level_and_say_why(tmp_path, write_raster):
    values = np.full((6, 6), 10.0)
    values[0:3, 0:3] = -9999.0
    dem = write_raster(tmp_path / "holes.tif", values, ORIGIN)
    polygons = series(cells(0, 0, 3, 3, inset=0.1),  # nodata only
                      cells(20, 20, 22, 22),  # off the DEM
                      box(X0 + 4.1, Y0 - 4.9, X0 + 4.9, Y0 - 4.1),  # misses every centre
                      None,
                      cells(2, 2, 4, 4, inset=0.1))  # one nodata cell of four
    result = terrain_balance(polygons, dem, planned_levels=[9.0] * 5)
    assert list(result.reason) == [earthwork.NO_DATA, earthwork.OUTSIDE, earthwork.NO_CELLS,
                                   earthwork.NO_GEOMETRY, earthwork.PARTIAL]
    assert np.isnan(result.balanced_level_m[:4]).all()
    assert np.isnan(result.balanced_cut_m3[:4]).all()
    assert result.balanced_level_m[4] == pytest.approx(10.0)
    assert result.balanced_cut_m3[4] == 0.0
    assert result.project_shift_m == pytest.approx(1.0)


def test_without_any_plan_only_levels_are_given(sloping_dem):
    result = terrain_balance(series(cells(0, 0, 4, 4)), sloping_dem)
    assert np.isnan(result.project_shift_m) and np.isnan(result.project_cut_m3)
    assert np.isnan(result.balanced_shift_m[0])
    assert np.isfinite(result.balanced_level_m[0])


def test_reading_again_gives_what_keeping_the_cells_gives(sloping_dem):
    polygons = series(*[cells(4 * i, 2, 4 * i + 4, 28, inset=0.2) for i in range(10)])
    levels = np.linspace(28, 34, 10)
    kept = terrain_balance(polygons, sloping_dem, planned_levels=levels)
    reread = terrain_balance(polygons, sloping_dem, planned_levels=levels, kept_cells=0,
                             max_block_cells=7)
    for name in ("balanced_level_m", "balanced_shift_m", "balanced_cut_m3", "balanced_fill_m3"):
        np.testing.assert_allclose(getattr(reread, name), getattr(kept, name), rtol=1e-12)
    assert reread.project_cut_m3 == pytest.approx(kept.project_cut_m3, rel=1e-12)


def test_a_planned_raster_lacking_data_leaves_those_cells_out(tmp_path, sloping_dem,
                                                              write_raster):
    design = np.full((30, 40), 30.0)
    design[:, 20:] = -9999.0
    path = write_raster(tmp_path / "half.tif", design, ORIGIN)
    result = terrain_balance(series(cells(0, 0, 40, 30, inset=0.1)), sloping_dem,
                             planned_surface_path=path)
    left = series(cells(0, 0, 20, 30, inset=0.1))
    expected = terrain_balance(left, sloping_dem, planned_levels=[30.0])
    assert result.balanced_level_m[0] == pytest.approx(expected.balanced_level_m[0], abs=1e-9)
    assert result.volumes.valid_share[0] == pytest.approx(0.5)
    assert result.reason[0] == earthwork.PARTIAL


@settings(max_examples=30)
@given(seed=st.integers(0, 10_000), col=st.integers(0, 30), row=st.integers(0, 20),
       width=st.integers(1, 10), height=st.integers(1, 10), level=st.floats(20, 40))
def test_cut_equals_fill_at_the_balanced_level_on_rough_terrain(tmp_path_factory, write_raster,
                                                                seed, col, row, width, height,
                                                                level):
    path = tmp_path_factory.getbasetemp() / f"rough_{seed % 5}.tif"
    if not path.exists():
        rng = np.random.default_rng(seed % 5)
        write_raster(path, rng.normal(30, 4, (30, 40)), ORIGIN)
    polygon = series(cells(col, row, col + width, row + height, inset=0.3))
    result = terrain_balance(polygon, str(path), planned_levels=[level])
    check = earthwork_volumes(polygon, str(path), planned_levels=result.balanced_level_m)
    area = check.valid_cell_count[0] * CELL ** 2
    assert abs(check.net_m3[0]) < MM * area * 1e-3
    assert result.balanced_cut_m3[0] == pytest.approx(check.cut_m3[0], rel=1e-9, abs=1e-9)
    assert result.balanced_shift_m[0] == pytest.approx(result.balanced_level_m[0] - level,
                                                       abs=1e-9)
