"""Tables of millions of rows column by column, both ways: a movement log in, its check out.

Reading needs no geometry and hands the engine whole columns. A file layer read as it stands
(no selection, feature limit, subset filter, unsaved edits, joined or expression fields) is read
by GDAL's Arrow stream (GDAL 3.6 and later), a batch of columns at a time: tens of times faster
than QGIS's features one by one, which remain the route for everything else (memory layers,
PostGIS, a selection). Both routes give the same columns:

- text as an object array of str (None for NULL);
- real numbers as float arrays (NaN for NULL); integers as int64, or objects with None where
  the column has NULLs (an id 101 must stay 101, not become 101.0);
- yes/no values as objects (True, False, None);
- dates as ``core.tables.DateColumn``: a date field without a time of day, a date-time field
  with one (midnight included: the field type says a time was recorded).

Writing turns columns back into features in one pass, each value converted once per column (a
date once per distinct date), geometries given as WKB.
"""
import gc
from contextlib import contextmanager

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..i18n import translate
from .frames import INTEGER_TYPES, python_value

BATCH_ROWS = 100_000
_JULIAN_DAY_1970 = 2440588


def read_columns(algorithm, parameters, name, context, feedback, label=""):
    """(columns {field name: values}, feature ids, route) of every attribute of the table
    parameter ``name``; route is ``"gdal"`` or ``"qgis"``."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    fields = source.fields()
    location = _plain_file(algorithm, parameters, name, context)
    if location is not None:
        read = _gdal_columns(location, fields, feedback)
        if read is not None:
            return read + ("gdal",)
    return _feature_columns(source, fields, feedback, label) + ("qgis",)


# GDAL's Arrow stream ---------------------------------------------------------------------
def _plain_file(algorithm, parameters, name, context):
    """(path, layer name or None) when the layer is a file read as it stands, else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None):
            return None
        if getattr(value, "filterExpression", ""):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() or any(layer.fields().fieldOrigin(i) != layer.fields().OriginProvider
                                 for i in range(layer.fields().count())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    layer_name = parts.get("layerName")
    if not path or parts.get("layerId") not in (None, 0):
        return None
    return path, (layer_name if isinstance(layer_name, str) and layer_name else None)


def _gdal_columns(location, fields, feedback):
    try:
        from osgeo import gdal
    except ImportError:
        return None
    path, layer_name = location
    with gdal.ExceptionMgr(useExceptions=True) if hasattr(gdal, "ExceptionMgr") else _Nothing():
        try:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
        except RuntimeError:
            return None
        if dataset is None:
            return None
        layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
        if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
            return None
        definition = layer.GetLayerDefn()
        gdal_names = {definition.GetFieldDefn(i).GetName() for i in
                      range(definition.GetFieldCount())}
        fid_column = layer.GetFIDColumn() or ""
        names = fields.names()
        if any(n not in gdal_names and n != fid_column for n in names):
            return None
        layer.SetIgnoredFields(["OGR_GEOMETRY"])
        total = max(layer.GetFeatureCount(), 1)
        batches = []
        stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES",
                                                      f"MAX_FEATURES_IN_BATCH={BATCH_ROWS}"])
        read_rows = 0
        for batch in stream:
            if feedback.isCanceled():
                return {}, np.zeros(0, np.int64)
            batches.append(batch)
            read_rows += len(next(iter(batch.values()))) if batch else 0
            feedback.setProgress(min(100.0, 100.0 * read_rows / total))
        fid_key = fid_column if fid_column and any(fid_column in b for b in batches) else "OGC_FID"
        if not batches:
            return {n: _empty_column(fields.field(n)) for n in names}, np.zeros(0, np.int64)
        fids = np.concatenate([np.asarray(b[fid_key]) for b in batches]).astype(np.int64)
        columns = {}
        for name in names:
            key = fid_key if name == fid_column and name not in batches[0] else name
            if fields.field(name).type() == QVariant.Bool and not _booleans_read_right(
                    dataset.GetDriver()):
                columns[name] = _booleans_by_sql(dataset, layer, name, fids)
                if columns[name] is None:
                    columns[name] = _booleans_feature_by_feature(layer, name, names)
            else:
                columns[name] = _from_arrow([b[key] for b in batches], fields.field(name))
    return columns, fids


_PROBED_DRIVERS = {}
_PROBE = [True, None, True, False, True, True, False, True, True, None, False, True]


def _booleans_read_right(driver):
    """Whether ``driver``'s Arrow stream hands over yes/no values as stored: GDAL 3.6's
    GeoPackage stream scrambles them, so each driver is tried once on a small file in memory
    (a feature test, not a version check)."""
    name = driver.ShortName
    if name not in _PROBED_DRIVERS:
        _PROBED_DRIVERS[name] = _probe_booleans(driver)
    return _PROBED_DRIVERS[name]


def _probe_booleans(driver):
    from osgeo import gdal, ogr

    extension = driver.GetMetadataItem("DMD_EXTENSION") or "dat"
    path = f"/vsimem/jordressource_boolean_probe.{extension}"
    try:
        dataset = driver.Create(path, 0, 0, 0, gdal.GDT_Unknown)
        layer = dataset.CreateLayer("probe", None, ogr.wkbNone)
        definition = ogr.FieldDefn("b", ogr.OFTInteger)
        definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)
        for value in _PROBE:
            feature = ogr.Feature(layer.GetLayerDefn())
            if value is not None:
                feature.SetField(0, int(value))
            layer.CreateFeature(feature)
        dataset = None
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
        read = []
        for batch in dataset.GetLayer(0).GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"]):
            read.extend(_from_arrow([batch["b"]], None).tolist())
        return read == _PROBE
    except (RuntimeError, AttributeError, KeyError):  # the driver cannot write or stream
        return False
    finally:
        dataset = None
        gdal.Unlink(path)


def _booleans_by_sql(dataset, layer, name, fids):
    """One yes/no column as integers through the data source's SQL (a cast, so no boolean
    conversion is involved), in feature-id order; None when the source has no such SQL or the
    rows do not line up with ``fids``."""
    fid_column = layer.GetFIDColumn()
    if not fid_column:
        return None
    quoted = [part.replace('"', '""') for part in (name, layer.GetName(), fid_column)]
    try:
        result = dataset.ExecuteSQL(f'SELECT CAST("{quoted[0]}" AS INTEGER) AS value_ '
                                    f'FROM "{quoted[1]}" ORDER BY "{quoted[2]}"')
    except RuntimeError:
        return None
    if result is None:
        return None
    try:
        parts = [(batch[result.GetFIDColumn() or "OGC_FID"], batch["value_"]) for batch in
                 result.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])]
    except (RuntimeError, KeyError):
        return None
    finally:
        dataset.ReleaseResultSet(result)
    read_fids = np.concatenate([np.asarray(p[0]) for p in parts]) if parts else np.zeros(0)
    if len(read_fids) != len(fids) or not (read_fids == fids).all():
        return None
    values = np.ma.concatenate([np.ma.asarray(p[1]) for p in parts])
    result = np.ma.getdata(values).astype(bool).astype(object)
    result[np.ma.getmaskarray(values)] = None
    return result


def _booleans_feature_by_feature(layer, name, names):
    """One yes/no column read feature by feature, the other columns skipped."""
    layer.SetIgnoredFields(["OGR_GEOMETRY"] + [n for n in names if n != name
                                                and layer.GetLayerDefn().GetFieldIndex(n) >= 0])
    layer.ResetReading()
    index = layer.GetLayerDefn().GetFieldIndex(name)
    values = np.array([None if feature.IsFieldNull(index)
                       else bool(feature.GetFieldAsInteger(index))
                       for feature in layer], dtype=object)
    layer.SetIgnoredFields(["OGR_GEOMETRY"])
    return values


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _from_arrow(parts, field):
    """One column from GDAL's masked arrays, typed as the module says."""
    from ..core.tables import DateColumn

    data = np.ma.concatenate([np.ma.asarray(p) for p in parts])
    mask = np.ma.getmaskarray(data)
    values = np.ma.getdata(data)
    kind = values.dtype.kind
    if kind == "M":
        moments = values.astype("datetime64[s]")
        moments[mask] = np.datetime64("NaT")
        timed = (~mask if field is not None and field.type() == QVariant.DateTime
                 else np.zeros(len(mask), bool))
        return DateColumn(moments, timed)
    if kind == "f":
        return np.where(mask, np.nan, values.astype(float))
    if kind in "iu":
        if not mask.any():
            return values.astype(np.int64)
        result = values.astype(object)
        result[mask] = None
        return result
    if kind == "b":
        result = values.astype(object)
        result[mask] = None
        return result
    if kind == "S":
        return _decoded(values, mask)
    result = np.asarray(values, dtype=object)
    result[mask] = None
    return result


def _decoded(values, mask):
    """UTF-8 bytes to text, each distinct value once (a log repeats its ids)."""
    import pandas as pd

    codes, distinct = pd.factorize(values)
    text = np.array([value.decode("utf-8") for value in distinct] + [None], dtype=object)
    result = text[np.where(mask | (codes < 0), len(distinct), codes)]
    return result


# QGIS's features ---------------------------------------------------------------------------
def _feature_columns(source, fields, feedback, label):
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    fids, rows = [], []
    with _without_cycle_collection():
        for current, feature in enumerate(source.getFeatures(request)):
            if current % 10_000 == 0:
                if feedback.isCanceled():
                    break
                if step:
                    feedback.setProgress(current * step)
            fids.append(feature.id())
            rows.append(feature.attributes())
    by_field = list(zip(*rows)) if rows else [()] * fields.count()
    columns = {field.name(): _from_qgis(list(by_field[i]), field)
               for i, field in enumerate(fields)}
    return columns, np.asarray(fids, dtype=np.int64)


def _from_qgis(values, field):
    from ..core.tables import DateColumn

    kind = field.type()
    if kind == QVariant.Double:
        return np.array([v if type(v) is float else np.nan for v in values], dtype=float)
    if kind == QVariant.String:
        return np.array([v if type(v) is str else None for v in values], dtype=object)
    if kind in (QVariant.Date, QVariant.DateTime):
        moments = np.fromiter((_seconds(v) for v in values), dtype=np.int64,
                              count=len(values)).view("datetime64[s]")
        timed = ~np.isnat(moments) if kind == QVariant.DateTime else np.zeros(len(values), bool)
        return DateColumn(moments, timed)
    result = np.empty(len(values), dtype=object)
    result[:] = [python_value(v) for v in values]
    if kind in INTEGER_TYPES and all(v is not None for v in result):
        return result.astype(np.int64)
    return result


_NAT = np.datetime64("NaT").astype(np.int64)


def _seconds(value):
    """Seconds since 1970 of a QDate or QDateTime's wall-clock time (QGIS's own time zone
    handling left aside, as the table policy drops zones); NaT's integer when NULL."""
    if isinstance(value, QDateTime):
        if not value.isValid():
            return _NAT
        return ((value.date().toJulianDay() - _JULIAN_DAY_1970) * 86400
                + value.time().msecsSinceStartOfDay() // 1000)
    if isinstance(value, QDate) and value.isValid():
        return (value.toJulianDay() - _JULIAN_DAY_1970) * 86400
    return _NAT


def _empty_column(field):
    return _from_qgis([], field)


# Writing -----------------------------------------------------------------------------------
def qgis_column(values):
    """A column as a list of values a QgsFeature takes: NaN and NaT as NULL, dates as QDate
    (a ``DateColumn`` without times) or QDateTime, numpy scalars as Python ones."""
    from ..core.tables import DateColumn

    if isinstance(values, DateColumn):
        return _qgis_dates(values)
    array = np.asarray(values)
    if array.dtype.kind == "f":
        listed = array.astype(object)
        listed[np.isnan(array)] = None
        return listed.tolist()
    if array.dtype.kind in "iub":
        return array.tolist()
    if array.dtype.kind == "M":
        return _qgis_dates(DateColumn(array.astype("datetime64[s]"),
                                      np.ones(len(array), dtype=bool)))
    import pandas as pd

    listed = array.astype(object)
    listed[pd.isna(listed)] = None  # values come from the readers as plain Python already
    return listed.tolist()


def _qgis_dates(column):
    import pandas as pd

    timed = bool(column.timed.any())
    codes, distinct = pd.factorize(column.moments)
    converted = []
    for moment in pd.DatetimeIndex(distinct).to_pydatetime():
        converted.append(QDateTime(moment) if timed else QDate(moment.date()))
    converted.append(None)
    table = np.array(converted, dtype=object)
    return table[np.where(codes < 0, len(distinct), codes)].tolist()


def write_rows(sink, fields: QgsFields, columns, wkb, feedback, progress_from=0.0,
               progress_to=100.0):
    """Write one feature per row: ``columns`` {name: list of QGIS values} in the order of
    ``fields`` (absent names NULL), ``wkb`` a list of WKB bytes or None per row."""
    names = fields.names()
    ordered = [columns.get(name) for name in names]
    count = len(wkb)
    nulls = [None] * count
    ordered = [column if column is not None else nulls for column in ordered]
    feature = QgsFeature(fields)  # one feature refilled per row: the sink copies it
    span = progress_to - progress_from
    with _without_cycle_collection():
        for row, (attributes, shape) in enumerate(zip(zip(*ordered), wkb)):
            if row % 10_000 == 0:
                if feedback.isCanceled():
                    return
                feedback.setProgress(progress_from + span * row / max(count, 1))
            feature.setAttributes(list(attributes))
            if shape is None:
                feature.clearGeometry()
            else:
                geometry = QgsGeometry()
                geometry.fromWkb(shape)
                feature.setGeometry(geometry)
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(translate(
                    "JordressourceAlgorithm", "Could not write a feature to the output: {0}")
                    .format(sink.lastError() if hasattr(sink, "lastError") else ""))


@contextmanager
def _without_cycle_collection():
    """Python's cycle collector paused over a loop that makes millions of short-lived objects
    without cycles: each of its passes would walk every live object, which costs more than the
    loop's own work on a large table. Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
