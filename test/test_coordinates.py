"""Coordinates are checked against the CRS each layer declares, and the distance CRS against the
data, before anything is computed (issue: no silent wrong answer)."""
import pytest

# Holbæk and Bornholm in ETRS89 / UTM 32N and in degrees.
HOLBAEK_M = [("POINT(667000 6175000)", ["A"]), ("POINT(668000 6176000)", ["B"])]
HOLBAEK_DEG = [("POINT(11.71 55.71)", ["A"]), ("POINT(11.73 55.72)", ["B"])]
RONNE_M = [("POINT(870000 6125000)", ["A"]), ("POINT(875000 6130000)", ["B"])]


def run_haul(run_algorithm, make_layer, crs, sites, feedback=None, distance_crs="EPSG:25832"):
    layer = make_layer("Point", crs, [("id", "string")], sites)
    return run_algorithm("haul_matrix", {
        "SOURCES": layer, "TARGETS": layer, "MAX_HAUL_KM": 0, "DISTANCE_CRS": distance_crs,
        "OUTPUT": "memory:"}, feedback)


@pytest.mark.parametrize("declared, sites, expected", [
    # Degrees in a layer declared in metres: every haul would be ~0 km.
    ("EPSG:25832", HOLBAEK_DEG, ["declares EPSG:25832", "look like degrees", "EPSG:4326"]),
    # Metres in a layer declared in degrees.
    ("EPSG:4326", HOLBAEK_M, ["declares EPSG:4326", "not longitudes and latitudes"]),
    # A layer without a CRS (a shapefile without .prj).
    ("", HOLBAEK_M, ["has no coordinate reference system", "x from 667000"]),
], ids=["degrees-declared-metres", "metres-declared-degrees", "no-crs"])
def test_coordinates_that_cannot_be_in_the_declared_crs_stop_the_run(
        run_algorithm, make_layer, declared, sites, expected):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        run_haul(run_algorithm, make_layer, declared, sites)
    for text in expected:
        assert text in str(raised.value)


def test_web_mercator_is_refused_as_distance_crs_with_the_right_one_named(run_algorithm,
                                                                            make_layer):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        run_haul(run_algorithm, make_layer, "EPSG:25832", HOLBAEK_M, distance_crs="EPSG:3857")
    message = str(raised.value)
    assert "EPSG:3857" in message and "EPSG:25832" in message
    assert "78" in message or "77" in message  # 1/cos(55.7°) − 1


def test_bornholm_in_utm_32_is_measured_truly_enough(run_algorithm, make_layer,
                                                     recording_feedback):
    # Rønne lies 6° east of zone 32's central meridian: scale error 0.14 %, under the 0.5 %
    # warning.
    feedback = recording_feedback
    result = run_haul(run_algorithm, make_layer, "EPSG:25832", RONNE_M, feedback)
    assert result["PAIR_COUNT"] == 4
    assert not [w for w in feedback.warnings if "distance CRS" in w]


def test_degrees_declared_as_degrees_are_read_in_metres(run_algorithm, make_layer):
    result = run_haul(run_algorithm, make_layer, "EPSG:4326", HOLBAEK_DEG)
    distances = sorted(f["distance_km"] for f in result["OUTPUT"].getFeatures())
    assert distances[-1] == pytest.approx(1.3 * 1.65, rel=0.05)  # 1.65 km straight × detour


@pytest.mark.parametrize("crs, latitude, low, high", [
    ("EPSG:3857", 55.7, 0.75, 0.80),
    ("EPSG:25832", 55.7, 0.0, 0.0012),
    ("EPSG:25833", 55.1, 0.0, 0.0012),
])
def test_scale_error_of_a_crs_over_an_extent(qgis_app, crs, latitude, low, high):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProcessingContext,
        QgsRectangle,
    )

    from jordressource_plugin.layers.coordinates import scale_error

    context = QgsProcessingContext()
    target = QgsCoordinateReferenceSystem(crs)
    to_target = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target,
                                       context.transformContext())
    extent = to_target.transformBoundingBox(QgsRectangle(11.5, latitude - 0.05, 11.8,
                                                         latitude + 0.05))
    assert low <= scale_error(target, extent, context) <= high
