"""Coordinates checked against the CRS a layer declares, and the distance CRS against the data.

Processing transforms every input into the run's metric CRS, trusting what each layer declares.
A layer that declares the wrong CRS is transformed without complaint into a wrong place: degrees
read as metres put a whole municipality inside one square metre (every haul ~0 km, everything
"reused"); metres read as degrees fail to transform or land off the globe. So before reading:

- a layer with no CRS is refused (its coordinates would be taken as they are);
- a geographic layer must hold degrees (|x| ≤ 180, |y| ≤ 90);
- a projected layer whose coordinates look like degrees (|x| ≤ 180, |y| ≤ 90) must lie where its
  CRS is used: its centre, transformed to longitude and latitude, within
  ``AREA_OF_USE_MARGIN_DEG`` of the CRS's area of use (EPSG's, as QGIS gives it), which degrees
  in EPSG:25832 miss by thousands of kilometres;

and the distance CRS must measure lengths truly over the data: its scale error (planar length
against the ellipsoidal length of a short line, at the corners, edge midpoints and centre of the
data's extent) refused above ``SCALE_ERROR_REFUSE`` and warned about above ``SCALE_ERROR_WARN``.
EPSG:3857 (Web Mercator) makes lengths 1/cos(latitude) too long: 77 % at 55.7° N.
"""
import math
from dataclasses import replace

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsUnitTypes,
)

from ..i18n import format_share, number_format, translate

AREA_OF_USE_MARGIN_DEG = 10.0  # Bornholm lies 3° east of EPSG:25832's area of use, and is fine
SCALE_ERROR_WARN = 0.005
SCALE_ERROR_REFUSE = 0.02
PROBE_M = 1000.0
WGS84 = "EPSG:4326"


def describe_extent(extent: QgsRectangle) -> str:
    return translate("Coordinates", "x from {0} to {1}, y from {2} to {3}").format(
        *(_coordinate(value) for value in (extent.xMinimum(), extent.xMaximum(),
                                           extent.yMinimum(), extent.yMaximum())))


def _coordinate(value: float) -> str:
    """Metres whole, degrees to four decimals, in the user's decimal sign; coordinates are not
    grouped in thousands (667000, not 667.000)."""
    numbers = replace(number_format(), group="")
    return numbers.whole(value) if abs(value) >= 1000 else numbers.trimmed(value, 4)


def _looks_like_degrees(extent: QgsRectangle) -> bool:
    return (-180.0 <= extent.xMinimum() and extent.xMaximum() <= 180.0
            and -90.0 <= extent.yMinimum() and extent.yMaximum() <= 90.0)


def _usable_extent(extent: QgsRectangle) -> bool:
    values = (extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum())
    return not extent.isNull() and all(math.isfinite(v) for v in values)


def check_layer_coordinates(source, label: str, context) -> None:
    """Refuse a layer whose coordinates cannot be in the CRS it declares (see the module)."""
    crs, extent = source.sourceCrs(), source.sourceExtent()
    if not crs.isValid():
        raise QgsProcessingException(translate(
            "Coordinates",
            "{0} has no coordinate reference system, so its coordinates ({1}) cannot be placed. "
            "Set the layer's CRS (Layer Properties ▸ Source), for example EPSG:25832 for "
            "Danish data in metres, and run again.").format(label, describe_extent(extent)))
    if not _usable_extent(extent):
        return
    degrees = _looks_like_degrees(extent)
    if crs.isGeographic():
        if not degrees:
            raise QgsProcessingException(translate(
                "Coordinates",
                "{0} declares {1}, a CRS in degrees, but its coordinates ({2}) are not "
                "longitudes and latitudes; they look like metres of a projected CRS such as "
                "EPSG:25832. Set the layer's true CRS and run again.").format(
                    label, crs.authid() or crs.description(), describe_extent(extent)))
        return
    place = _centre_in_degrees(crs, extent, context)
    bounds = crs.bounds()
    outside = place is not None and _usable_extent(bounds) and not bounds.isEmpty() and \
        not bounds.buffered(AREA_OF_USE_MARGIN_DEG).contains(place)
    # Only coordinates both outside the CRS's area and shaped like degrees are refused: a local
    # grid with larger numbers near a projection's origin is unusual, not a sign of degrees.
    if place is None:
        raise QgsProcessingException(translate(
            "Coordinates",
            "{0} declares {1}, but its coordinates ({2}) cannot be placed on the Earth in that "
            "CRS. Set the layer's true CRS and run again.").format(
                label, crs.authid() or crs.description(), describe_extent(extent)))
    if outside and degrees:
        raise QgsProcessingException(translate(
            "Coordinates",
            "{0} declares {1}, but its coordinates ({2}) lie at longitude {3}, latitude "
            "{4} in that CRS, far from where it is used. They look like degrees of longitude "
            "and latitude: the layer is probably in EPSG:4326. Set the layer's true CRS and run "
            "again.").format(label, crs.authid() or crs.description(), describe_extent(extent),
                             number_format().number(place.x(), 2),
                             number_format().number(place.y(), 2)))


def _centre_in_degrees(crs, extent, context):
    try:
        return QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84),
                                      context.transformContext()).transform(extent.center())
    except QgsCsException:
        return None


def scale_error(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, context) -> float:
    """The largest relative error of planar lengths in ``crs`` over ``extent`` (in ``crs``)."""
    geographic = QgsCoordinateReferenceSystem(WGS84)
    to_degrees = QgsCoordinateTransform(crs, geographic, context.transformContext())
    measure = QgsDistanceArea()
    measure.setSourceCrs(geographic, context.transformContext())
    measure.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
    xs = (extent.xMinimum(), extent.center().x(), extent.xMaximum())
    ys = (extent.yMinimum(), extent.center().y(), extent.yMaximum())
    worst = 0.0
    for x in xs:
        for y in ys:
            for dx, dy in ((PROBE_M, 0.0), (0.0, PROBE_M)):
                start = to_degrees.transform(QgsPointXY(x, y))
                end = to_degrees.transform(QgsPointXY(x + dx, y + dy))
                true_m = measure.measureLine(start, end)
                if true_m > 0:
                    worst = max(worst, abs(PROBE_M / true_m - 1.0))
    return worst


def suggested_crs(crs, extent, context) -> str:
    """ETRS89 / UTM (EPSG:258zz) for the zone of the data's centre in Europe, else WGS 84 / UTM."""
    centre = _centre_in_degrees(crs, extent, context)
    if centre is None:
        return "EPSG:25832"
    zone = int((centre.x() + 180.0) // 6.0) + 1
    if 28 <= zone <= 38 and centre.y() > 34:
        return f"EPSG:258{zone:02d}"
    return f"EPSG:{(32600 if centre.y() >= 0 else 32700) + zone}"


def check_source(source, crs, context, feedback, label: str) -> None:
    """Both checks for one input layer read into the distance CRS ``crs``."""
    check_layer_coordinates(source, label, context)
    extent = source.sourceExtent()
    if not _usable_extent(extent):
        return
    try:
        in_crs = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext()) \
            .transformBoundingBox(extent)
    except QgsCsException:
        raise QgsProcessingException(translate(
            "Coordinates",
            "{0} ({1}) cannot be transformed to the distance CRS {2}.").format(
                label, describe_extent(extent), crs.authid())) from None
    check_distance_crs(crs, in_crs, context, feedback, label)


def check_distance_crs(crs, extent: QgsRectangle, context, feedback, label: str) -> None:
    """Refuse a distance CRS that is not in metres or whose scale error over ``extent`` (in
    ``crs``) is above 2 %; warn above 0.5 %."""
    if crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
        raise QgsProcessingException(translate(
            "Coordinates",
            "The distance CRS {0} does not measure in metres. Choose a projected CRS in "
            "metres, for example EPSG:25832 (ETRS89 / UTM zone 32N).").format(crs.authid()))
    if not _usable_extent(extent):
        return
    try:
        error = scale_error(crs, extent, context)
    except QgsCsException:
        return
    if error <= SCALE_ERROR_WARN:
        return
    better = suggested_crs(crs, extent, context)
    if error > SCALE_ERROR_REFUSE:
        raise QgsProcessingException(translate(
            "Coordinates",
            "Over {0} the distance CRS {1} measures lengths up to {2} wrong, more than the "
            "{3} allowed. Choose {4}, which measures them truly there.").format(
                label, crs.authid(), format_share(error, 1), format_share(SCALE_ERROR_REFUSE),
                better))
    feedback.pushWarning(translate(
        "Coordinates",
        "Over {0} the distance CRS {1} measures lengths up to {2} wrong; {3} measures them "
        "truly there.").format(label, crs.authid(), format_share(error, 1), better))
