"""The earthwork engine on tiny rasters whose volumes are computed by hand."""
import numpy as np
import pytest
import rasterio
from affine import Affine
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from jordressource_plugin.core.terrain import earthwork, planned_surface
from jordressource_plugin.core.terrain.earthwork import EarthworkInputError, earthwork_volumes

CRS = "EPSG:25832"
X0, Y0 = 700000.0, 6200000.0  # upper-left corner of every test raster
ORIGIN = (X0, Y0)


def cells(col0, row0, col1, row1, cell=2.0, inset=0.0):
    """The box over cells [col0, col1) x [row0, row1) of a test raster, shrunk by ``inset``."""
    return box(X0 + col0 * cell + inset, Y0 - row1 * cell + inset,
               X0 + col1 * cell - inset, Y0 - row0 * cell - inset)


def series(*geometries):
    import geopandas as gpd
    return gpd.GeoSeries(list(geometries), crs=CRS)


@pytest.fixture
def tilted_plane(tmp_path, write_raster):
    """10 x 10 cells of 2 m; the terrain rises 1 m per column: z = col + 0.5 at cell centres."""
    values = np.tile(np.arange(10) + 0.5, (10, 1))
    return write_raster(tmp_path / "plane.tif", values, ORIGIN)


def test_tilted_plane_against_a_level(tilted_plane):
    result = earthwork_volumes(series(cells(0, 0, 10, 10, inset=0.1)), tilted_plane,
                               planned_levels=[5.0])
    # Per row: cut 0.5+1.5+2.5+3.5+4.5 = 12.5 m, fill the same; 10 rows of 4 m² cells.
    assert result.cut_m3[0] == pytest.approx(12.5 * 10 * 4)
    assert result.fill_m3[0] == pytest.approx(12.5 * 10 * 4)
    assert result.net_m3[0] == pytest.approx(0.0)
    assert result.valid_share[0] == 1.0
    assert result.status[0] == earthwork.OK


def test_pit_below_the_planned_level_needs_fill_and_has_no_surplus(tmp_path, write_raster):
    values = np.full((6, 6), 10.0)
    values[2:5, 1:4] = 7.0  # a 3 x 3 pit, 3 m deep
    dem = write_raster(tmp_path / "pit.tif", values, ORIGIN)
    result = earthwork_volumes(series(cells(0, 0, 6, 6, inset=0.5)), dem, planned_levels=[10.0])
    assert result.cut_m3[0] == 0.0
    assert result.fill_m3[0] == pytest.approx(9 * 3.0 * 4)
    assert result.surplus_m3[0] == 0.0
    assert result.loose_m3(1.25)[0] == 0.0


def test_surplus_bulking_and_tonnes(tilted_plane):
    result = earthwork_volumes(series(cells(6, 0, 10, 2)), tilted_plane, planned_levels=[5.0])
    # Columns 6..9 at 6.5..9.5 m above a level of 5: 1.5+2.5+3.5+4.5 = 12 m per row, 2 rows.
    assert result.surplus_m3[0] == pytest.approx(12 * 2 * 4)
    assert result.loose_m3(1.25)[0] == pytest.approx(96 * 1.25)
    assert result.tonnes(1.8)[0] == pytest.approx(96 * 1.8)


def test_nodata_cells_are_left_out_and_reported_in_valid_share(tmp_path, write_raster):
    values = np.full((4, 4), 12.0)
    values[0, 0] = values[1, 2] = -9999.0
    values[3, 3] = np.nan
    dem = write_raster(tmp_path / "holes.tif", values, ORIGIN)
    result = earthwork_volumes(series(cells(0, 0, 4, 4, inset=0.2)), dem, planned_levels=[10.0])
    assert result.valid_cell_count[0] == 13
    assert result.valid_share[0] == pytest.approx(13 / 16)
    assert result.cut_m3[0] == pytest.approx(13 * 2.0 * 4)
    assert result.status[0] == earthwork.PARTIAL


@pytest.mark.parametrize("polygon, expected_cut", [
    # Left half of cell (0, 0) plus a sliver past its centre: the centre is inside, whole cell.
    (lambda: box(X0, Y0 - 2, X0 + 1.1, Y0), 1 * 4.0),
    # The left 45 %: the centre is outside, nothing.
    (lambda: box(X0, Y0 - 2, X0 + 0.9, Y0), None),
    # A triangle over half of cells (0, 0) and (1, 0), covering only the second one's centre.
    (lambda: Polygon([(X0 + 1.2, Y0), (X0 + 4, Y0), (X0 + 4, Y0 - 2)]), 2 * 4.0),
], ids=["half-cell-with-centre", "half-cell-without-centre", "triangle"])
def test_a_cell_counts_when_its_centre_is_inside(tmp_path, write_raster, polygon, expected_cut):
    dem = write_raster(tmp_path / "cols.tif", np.tile([1.0, 2.0, 3.0], (3, 1)), ORIGIN)
    result = earthwork_volumes(series(polygon()), dem, planned_levels=[0.0])
    if expected_cut is None:
        assert result.status[0] == earthwork.NO_CELLS
        assert np.isnan(result.cut_m3[0]) and np.isnan(result.valid_share[0])
    else:
        assert result.cut_m3[0] == pytest.approx(expected_cut)


def test_planned_raster_of_another_resolution_is_sampled_bilinearly(tmp_path, write_raster):
    """A sloping design plane on a coarse 6 m grid, sampled at 2 m DEM centres, is exact."""
    dem = write_raster(tmp_path / "flat.tif", np.full((9, 9), 20.0), ORIGIN)

    def plane(x, y):
        return 18.0 + 0.25 * (x - X0) - 0.125 * (Y0 - y)  # exact in float32

    coarse_centres_x = X0 - 6 + 6 * (np.arange(5) + 0.5)
    coarse_centres_y = Y0 + 6 - 6 * (np.arange(5) + 0.5)
    coarse = plane(coarse_centres_x[None, :], coarse_centres_y[:, None])
    planned = write_raster(tmp_path / "design.tif", coarse, cell=6.0, origin=(X0 - 6, Y0 + 6))
    result = earthwork_volumes(series(cells(0, 0, 9, 9, inset=0.1)), dem,
                               planned_surface_path=planned)
    centre_x = X0 + 2 * (np.arange(9) + 0.5)
    centre_y = Y0 - 2 * (np.arange(9) + 0.5)
    depth = 20.0 - plane(centre_x[None, :], centre_y[:, None])
    assert result.cut_m3[0] == pytest.approx(np.clip(depth, 0, None).sum() * 4, rel=1e-9)
    assert result.fill_m3[0] == pytest.approx(np.clip(-depth, 0, None).sum() * 4, rel=1e-9)
    assert result.valid_share[0] == 1.0


def test_planned_raster_on_the_same_grid_is_used_cell_for_cell(tmp_path, write_raster,
                                                               tilted_plane):
    planned_values = np.full((10, 10), 5.0)
    planned_values[0, :] = -9999.0  # a row without design: excluded, not interpolated over
    planned = write_raster(tmp_path / "same.tif", planned_values, ORIGIN)
    by_raster = earthwork_volumes(series(cells(0, 0, 10, 10, inset=0.1)), tilted_plane,
                                  planned_surface_path=planned)
    by_level = earthwork_volumes(series(cells(0, 1, 10, 10, inset=0.1)), tilted_plane,
                                 planned_levels=[5.0])
    assert by_raster.cut_m3[0] == pytest.approx(by_level.cut_m3[0], rel=1e-12)
    assert by_raster.fill_m3[0] == pytest.approx(by_level.fill_m3[0], rel=1e-12)
    assert by_raster.valid_share[0] == pytest.approx(0.9)


def test_planned_raster_in_another_crs_is_sampled_at_transformed_centres(tmp_path, write_raster,
                                                                         tilted_plane):
    from rasterio.warp import transform_bounds

    west, south, east, north = transform_bounds(CRS, "EPSG:3857", X0 - 50, Y0 - 70, X0 + 70,
                                                Y0 + 50)
    cell = (east - west) / 40
    planned = write_raster(tmp_path / "mercator.tif", np.full((int((north - south) / cell), 40),
                                                              5.0),
                           cell=cell, crs="EPSG:3857", origin=(west, north))
    by_raster = earthwork_volumes(series(cells(0, 0, 10, 10, inset=0.1)), tilted_plane,
                                  planned_surface_path=planned)
    by_level = earthwork_volumes(series(cells(0, 0, 10, 10, inset=0.1)), tilted_plane,
                                 planned_levels=[5.0])
    assert by_raster.valid_share[0] == 1.0
    assert by_raster.cut_m3[0] == pytest.approx(by_level.cut_m3[0], rel=1e-12)


def test_planned_raster_covering_part_of_the_polygon(tmp_path, write_raster, tilted_plane):
    # A 10 x 5 planned grid over the DEM's left half only.
    planned = write_raster(tmp_path / "half.tif", np.full((10, 5), 0.0), ORIGIN)
    result = earthwork_volumes(series(cells(0, 0, 10, 10, inset=0.1)), tilted_plane,
                               planned_surface_path=planned)
    assert result.valid_share[0] == pytest.approx(0.5)
    assert result.cut_m3[0] == pytest.approx(10 * (0.5 + 1.5 + 2.5 + 3.5 + 4.5) * 4)


def test_polygons_off_the_dem_get_no_volume_and_a_share_of_what_is_on(tilted_plane):
    result = earthwork_volumes(series(cells(20, 20, 25, 25), cells(-5, 0, 5, 10, inset=0.1),
                                      None, box(0, 0, 1, 1).buffer(0).difference(box(0, 0, 1, 1))),
                               tilted_plane, planned_levels=[0.0, 0.0, 0.0, 0.0])
    assert list(result.status) == [earthwork.OUTSIDE, earthwork.PARTIAL, earthwork.NO_GEOMETRY,
                                   earthwork.NO_GEOMETRY]
    assert np.isnan(result.cut_m3[0]) and result.valid_share[0] == 0.0
    assert result.valid_share[1] == pytest.approx(0.5)
    assert result.cut_m3[1] == pytest.approx(10 * (0.5 + 1.5 + 2.5 + 3.5 + 4.5) * 4)


def test_missing_level_gives_no_volume(tilted_plane):
    result = earthwork_volumes(series(cells(0, 0, 2, 2), cells(2, 2, 4, 4)), tilted_plane,
                               planned_levels=[np.nan, 1.0])
    assert result.status[0] == earthwork.NO_LEVEL and np.isnan(result.surplus_m3[0])
    assert result.status[1] == earthwork.OK


def test_polygons_in_another_crs_are_transformed_to_the_dem(tilted_plane):
    import geopandas as gpd

    polygon = cells(1, 1, 7, 9, inset=0.3)
    in_dem_crs = earthwork_volumes(series(polygon), tilted_plane, planned_levels=[4.0])
    geographic = gpd.GeoSeries([polygon], crs=CRS).to_crs("EPSG:4326")
    transformed = earthwork_volumes(geographic, tilted_plane, planned_levels=[4.0])
    assert transformed.cut_m3[0] == pytest.approx(in_dem_crs.cut_m3[0])
    assert transformed.fill_m3[0] == pytest.approx(in_dem_crs.fill_m3[0])


def test_progress_is_reported_and_cancelling_stops_the_run(tilted_plane):
    shares, asked = [], []

    def canceled():
        asked.append(True)
        return len(asked) > 2

    result = earthwork_volumes(series(*[cells(i, 0, i + 1, 1) for i in range(6)]), tilted_plane,
                               planned_levels=[0.0] * 6, progress=shares.append,
                               canceled=canceled)
    assert shares == [0.0, 1 / 6]
    assert np.isfinite(result.cut_m3).sum() == 2


def test_a_repaired_bow_tie_and_a_collection_count_their_polygon_parts(tilted_plane):
    from shapely.geometry import GeometryCollection, LineString

    bow_tie = Polygon([(X0 + 0.1, Y0 - 0.1), (X0 + 7.9, Y0 - 7.9), (X0 + 7.9, Y0 - 0.1),
                       (X0 + 0.1, Y0 - 7.9)])
    collection = GeometryCollection([cells(0, 0, 2, 2, inset=0.1),
                                     LineString([(X0, Y0), (X0 + 20, Y0 - 20)])])
    result = earthwork_volumes(series(bow_tie, collection), tilted_plane, planned_levels=[0, 0])
    assert result.status[0] == earthwork.OK and result.cell_count[0] > 0
    assert result.cell_count[1] == 4
    assert result.cut_m3[1] == pytest.approx((0.5 + 1.5) * 2 * 4)


@pytest.mark.parametrize("crs, code", [
    (None, "no_crs"),
    ("EPSG:4326", "geographic"),
    ("EPSG:2263", "not_metres"),  # NAD83 / New York Long Island (US survey feet)
])
def test_dems_without_square_metres_are_refused(tmp_path, write_raster, crs, code):
    dem = write_raster(tmp_path / "bad.tif", np.ones((3, 3)), ORIGIN, crs=crs)
    with pytest.raises(EarthworkInputError, match=code):
        earthwork_volumes(series(cells(0, 0, 3, 3)), dem, planned_levels=[0.0])


def test_rotated_grids_are_refused(tmp_path, tilted_plane):
    rotated = tmp_path / "rotated.tif"
    with rasterio.open(rotated, "w", driver="GTiff", width=3, height=3, count=1, dtype="float32",
                       crs=CRS, transform=Affine(2.0, 0.5, X0, 0.5, -2.0, Y0)) as dataset:
        dataset.write(np.ones((3, 3), dtype="float32"), 1)
    with pytest.raises(EarthworkInputError, match="^rotated$"):
        earthwork_volumes(series(cells(0, 0, 3, 3)), str(rotated), planned_levels=[0.0])
    with pytest.raises(EarthworkInputError, match="planned_rotated"):
        earthwork_volumes(series(cells(0, 0, 3, 3)), tilted_plane,
                          planned_surface_path=str(rotated))


def test_dem_without_nodata_counts_every_cell_and_flags_implausible_values(tmp_path, write_raster):
    values = np.full((3, 3), 5.0)
    values[1, 1] = -9999.0
    dem = write_raster(tmp_path / "raw.tif", values, ORIGIN, nodata=None)
    result = earthwork_volumes(series(cells(0, 0, 3, 3, inset=0.1)), dem, planned_levels=[0.0])
    assert result.valid_share[0] == 1.0
    assert result.implausible_cells == 1


def test_integer_dem_with_nodata(tmp_path):
    values = np.array([[12, 12, 12], [12, -1, 14], [12, 12, 12]])
    dem = tmp_path / "int.tif"
    with rasterio.open(dem, "w", driver="GTiff", width=3, height=3, count=1, dtype="int16",
                       crs=CRS, nodata=-1,
                       transform=Affine(2.0, 0, X0, 0, -2.0, Y0)) as dataset:
        dataset.write(values.astype("int16"), 1)
    result = earthwork_volumes(series(cells(0, 0, 3, 3, inset=0.1)), str(dem),
                               planned_levels=[12.5])
    assert result.cut_m3[0] == pytest.approx(1.5 * 4)
    assert result.fill_m3[0] == pytest.approx(7 * 0.5 * 4)
    assert result.valid_share[0] == pytest.approx(8 / 9)


def test_difference_raster_holds_terrain_minus_planned_over_the_polygons(tmp_path, tilted_plane):
    path = tmp_path / "depth.tif"
    earthwork_volumes(series(cells(1, 1, 4, 3), cells(6, 5, 8, 9)), tilted_plane,
                      planned_levels=[2.0, 10.0], difference_path=str(path))
    with rasterio.open(path) as dataset:
        depth = dataset.read(1, masked=True)
        assert dataset.transform.c == X0 + 2 and dataset.transform.f == Y0 - 2
        assert dataset.shape == (8, 7)
    assert depth[0, 0] == pytest.approx(1.5 - 2.0)  # DEM cell (row 1, col 1)
    assert depth[4, 5] == pytest.approx(6.5 - 10.0)  # DEM cell (row 5, col 6)
    assert depth.count() == 3 * 2 + 2 * 4
    assert depth[0, 6] is np.ma.masked


def test_reads_stay_inside_the_polygons_window_and_block(monkeypatch, tmp_path, write_raster):
    """Memory is bounded: no read is larger than a block, none outside the polygon's window."""
    dem = write_raster(tmp_path / "big.tif", np.random.default_rng(1).normal(10, 2, (60, 80)),
                       ORIGIN)
    reads = []
    original = planned_surface.RasterBand.read

    def recording_read(self, window):
        reads.append(window)
        return original(self, window)

    monkeypatch.setattr(planned_surface.RasterBand, "read", recording_read)
    polygon = cells(10, 5, 50, 45, inset=0.3)
    blocked = earthwork_volumes(series(polygon), dem, planned_levels=[10.0], max_block_cells=100)
    assert all(w.width * w.height <= 100 for w in reads)
    assert all(10 <= w.col_off and w.col_off + w.width <= 50 for w in reads)
    assert all(5 <= w.row_off and w.row_off + w.height <= 45 for w in reads)
    reads.clear()
    diagonal = Polygon([(X0 + 1, Y0 - 1), (X0 + 5, Y0 - 1), (X0 + 159, Y0 - 115),
                        (X0 + 155, Y0 - 119)])
    earthwork_volumes(series(diagonal), dem, planned_levels=[10.0], max_block_cells=400)
    assert sum(w.width * w.height for w in reads) < 0.3 * 80 * 60  # not its whole bounding box
    monkeypatch.setattr(planned_surface.RasterBand, "read", original)
    whole = earthwork_volumes(series(polygon), dem, planned_levels=[10.0])
    assert blocked.cut_m3[0] == pytest.approx(whole.cut_m3[0], rel=1e-12)
    assert blocked.fill_m3[0] == pytest.approx(whole.fill_m3[0], rel=1e-12)


@settings(max_examples=25, deadline=None)
@given(splits_x=st.lists(st.integers(1, 19), min_size=1, max_size=3, unique=True),
       splits_y=st.lists(st.integers(1, 14), min_size=1, max_size=3, unique=True),
       offset=st.floats(0.05, 0.45), block=st.integers(3, 400), level=st.floats(5, 15))
def test_polygons_tiling_an_area_conserve_its_volume(tmp_path_factory, write_raster, splits_x,
                                                     splits_y, offset, block, level):
    """Cut the area into pieces along lines off the cell centres: every cell is counted once,
    so the pieces' volumes add up to the whole's, whatever the block size."""
    path = tmp_path_factory.getbasetemp() / "tiling.tif"
    if not path.exists():
        write_raster(path, np.random.default_rng(7).normal(10, 3, (15, 20)), ORIGIN)
    xs = [0.0] + [s * 2.0 + offset for s in sorted(splits_x)] + [40.0]
    ys = [0.0] + [s * 2.0 + offset for s in sorted(splits_y)] + [30.0]
    pieces = [box(X0 + x0, Y0 - y1, X0 + x1, Y0 - y0)
              for x0, x1 in zip(xs, xs[1:]) for y0, y1 in zip(ys, ys[1:])]
    parts = earthwork_volumes(series(*pieces), str(path), planned_levels=[level] * len(pieces),
                              max_block_cells=block)
    whole = earthwork_volumes(series(box(X0, Y0 - 30, X0 + 40, Y0)), str(path),
                              planned_levels=[level])
    assert parts.cell_count.sum() == whole.cell_count[0] == 300
    assert np.nansum(parts.cut_m3) == pytest.approx(whole.cut_m3[0], rel=1e-9)
    assert np.nansum(parts.fill_m3) == pytest.approx(whole.fill_m3[0], rel=1e-9)
