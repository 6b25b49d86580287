"""Between QGIS layers and the core's GeoDataFrames.

Reading transforms every geometry to the run's metric CRS (QGIS does the reprojection, so any
input CRS works), turns QGIS values into plain Python ones (NULL -> None, QDate -> date), and
skips features without a usable geometry, reporting each by id: nothing is dropped unsaid.
Writing turns a frame's rows back into features of a sink.
"""
import datetime
import math

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFieldConstraints,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

try:
    import pandas as pd
except ImportError:  # the algorithms stay registered; canExecute() names the missing library
    pd = None

from ..i18n import number_format, translate
from ..qt_compat import field_is_integer, is_null
from .coordinates import check_source
from .fields import id_list, require_fields

FEATURE_ID = "_fid"


def python_value(value):
    """A QGIS attribute value as a plain Python value."""
    if is_null(value):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, QVariant):
        return value.value()
    return value


def read_frame(source, crs, context, feedback, fields=None, label="", require_geometry=True,
               repair=True, within=None):
    """Features of ``source`` as a GeoDataFrame in ``crs``, with each feature's id in ``_fid``
    (see ``feature_ids``), in the order of those ids.

    ``fields`` limits the attributes read (None reads all). Features with a null or empty geometry
    are skipped and reported; invalid geometries are repaired (make-valid) and reported.
    ``within`` (a rectangle in ``crs``, see ``bounds_rectangle``) reads only the features whose
    bounding box reaches into it: the provider filters (PostGIS in the database, on its spatial
    index), and the log says how many of the layer's features were read.
    """
    import geopandas as gpd

    where = label or source.sourceName()
    names = [f.name() for f in source.fields()] if fields is None else [f for f in fields if f]
    require_fields(source, names, where)
    check_source(source, crs, context, feedback, where)
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    failed = []
    key, key_names = feature_ids(source)
    request.setTransformErrorCallback(lambda feature: failed.append(key(feature)))
    request.setSubsetOfAttributes(names + key_names, source.fields())
    if within is not None:
        # In the destination CRS: QGIS transforms it to the layer's CRS for the provider.
        request.setFilterRect(within)
    indexes = [source.fields().lookupField(name) for name in names]

    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    ids, geometries, rows, skipped, repaired = [], [], [], [], []
    for current, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        shape = None
        if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                # Arcs (CurvePolygon, CompoundCurve from GML, WFS, Plandata) as fine segments:
                # the engine's geometry library reads linear geometries only.
                geometry = QgsGeometry(geometry.constGet().segmentize())
            if repair and not geometry.isGeosValid():
                geometry = geometry.makeValid()
                # Repair can leave a polygon with a dangling line as a collection: keep the
                # parts of the layer's own kind, which is what the site is.
                if QgsWkbTypes.flatType(geometry.wkbType()) == QgsWkbTypes.Type.GeometryCollection:
                    geometry.convertGeometryCollectionToSubclass(
                        QgsWkbTypes.geometryType(source.wkbType()))
                repaired.append(key(feature))
            if not geometry.isEmpty():
                shape = bytes(geometry.asWkb())
        if shape is None and require_geometry:
            skipped.append(key(feature))
            continue
        attributes = feature.attributes()
        ids.append(key(feature))
        geometries.append(shape)
        rows.append([python_value(attributes[i]) for i in indexes])
        if step and feedback is not None and current % 1000 == 0:
            feedback.setProgress(current * step)

    raise_if_not_transformed(failed, where, source, crs)
    ids, geometries, rows = in_id_order(ids, geometries, rows)
    if within is not None and feedback is not None:
        whole = number_format().whole
        feedback.pushInfo(translate(
            "JordressourceAlgorithm", "{0}: read {1} of {2} feature(s), those reaching into "
            "the area this run needs (x {3} to {4}, y {5} to {6}).").format(
                where, whole(len(ids) + len(skipped)), whole(total) if total >= 0 else "?",
                *(whole(value) for value in (within.xMinimum(), within.xMaximum(),
                                             within.yMinimum(), within.yMaximum()))))
    if feedback is not None:
        if skipped:
            feedback.reportError(translate(
                "JordressourceAlgorithm", "{0}: skipped {1} feature(s) without geometry, ids {2}.")
                .format(where, len(skipped), id_list(skipped)))
        if repaired:
            feedback.pushWarning(translate(
                "JordressourceAlgorithm", "{0}: repaired {1} invalid geometry(ies), ids {2}.")
                .format(where, len(repaired), id_list(repaired)))

    frame = attribute_frame(rows, names, source.fields())
    frame[FEATURE_ID] = ids
    crs_id = crs.authid() or crs.toWkt()
    # From WKB in one call: vectorised on shapely 2, and on shapely 1.8 it avoids numpy probing
    # every geometry's array interface, which costs seconds per hundred thousand points.
    shapes = gpd.GeoSeries.from_wkb(geometries, crs=crs_id)
    return gpd.GeoDataFrame(frame, geometry=shapes, crs=crs_id)


def feature_ids(source):
    """(feature -> id, [field name to read for it]) of ``source``: the value of the layer's
    integer key where it has one (a GeoPackage's fid, a PostGIS table's integer primary key:
    the first integer field its provider declares unique and not null), else QGIS's feature id.

    QGIS numbers the features of a table with a bigint key (the jordbase's `fid`) in the order
    it meets them, 1, 2, 3 ..., anew in every session, so only the key's value names a row
    the planner can find, and orders the rows the same way whatever the database hands out."""
    unique = QgsFieldConstraints.Constraint.ConstraintUnique
    not_null = QgsFieldConstraints.Constraint.ConstraintNotNull
    provider = QgsFieldConstraints.ConstraintOrigin.ConstraintOriginProvider
    keys = [index for index, field in enumerate(source.fields())
            if field_is_integer(field) and all(
                field.constraints().constraintOrigin(kind) == provider
                for kind in (unique, not_null))]
    if not keys:
        return (lambda feature: feature.id()), []
    key = keys[0]
    return (lambda feature: python_value(feature.attributes()[key])), [source.fields()[key].name()]


def in_id_order(ids, *columns):
    """``ids`` and the lists ``columns`` in ascending id order. A GeoPackage hands out features
    in that order, a PostGIS table in whatever order its rows lie on disk, which edits change;
    rules that take "the first feature" (a point on a shared border of two area types) must not
    depend on that."""
    if all(a <= b for a, b in zip(ids, ids[1:])):
        return (ids, *columns)
    order = sorted(range(len(ids)), key=ids.__getitem__)
    return ([ids[k] for k in order], *([column[k] for k in order] for column in columns))


def bounds_rectangle(bounds):
    """The QgsRectangle of ``bounds`` (xmin, ymin, xmax, ymax), e.g. from
    ``core.geometry.extent``; None stays None (no filter)."""
    return None if bounds is None else QgsRectangle(*bounds)


def raise_if_not_transformed(failed, label, source, crs):
    """A feature that cannot be transformed to the distance CRS stops the run, named: it would
    otherwise be skipped, or kept at a wrong place, without a word."""
    if failed:
        raise QgsProcessingException(translate(
            "JordressourceAlgorithm",
            "{0}: {1} feature(s) cannot be transformed from {2} to the distance CRS {3} "
            "(feature ids {4}). Check the layer's CRS and coordinates.").format(
                label, len(failed), source.sourceCrs().authid(), crs.authid(), id_list(failed)))


def attribute_frame(rows, names, fields):
    """A DataFrame of attribute ``rows`` (lists in the order of ``names``).

    pandas stores whole numbers with a NULL among them as floats (101 -> 101.0); ids and classes
    must keep their integer values, so such columns stay Python objects."""
    frame = pd.DataFrame(rows, columns=names)
    for position, name in enumerate(names):
        if field_is_integer(fields.field(name)) and frame[name].isna().any():
            frame[name] = pd.Series([row[position] for row in rows], dtype=object)
    return frame


def qgis_value(value):
    """A frame value as something QgsFeature accepts."""
    if value is None or (pd is not None and (value is pd.NaT or value is pd.NA)):
        return None
    if isinstance(value, str):
        # numpy's str_ is a str subclass the sink cannot convert ("Could not convert value").
        return str(value)
    if hasattr(value, "item") and not isinstance(value, bytes):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if pd is not None and isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    return value


def write_frame(sink, frame, fields, feedback=None, geometry=True):
    """Write every row of ``frame`` to ``sink`` in the order of ``fields``."""
    names = fields.names()
    present = [name if name in frame.columns else None for name in names]
    columns = [frame[name].to_numpy(dtype=object) if name else None for name in present]
    shapes = frame.geometry.to_numpy() if geometry and hasattr(frame, "geometry") else None
    total = len(frame)
    for row in range(total):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        feature.setAttributes([qgis_value(column[row]) if column is not None else None
                               for column in columns])
        if shapes is not None and shapes[row] is not None:
            qgs_geometry = QgsGeometry()
            qgs_geometry.fromWkb(shapes[row].wkb)
            feature.setGeometry(qgs_geometry)
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm", "Could not write a feature to the output: {0}")
                .format(sink.lastError() if hasattr(sink, "lastError") else ""))
