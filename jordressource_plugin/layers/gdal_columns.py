"""GDAL's Arrow stream: a file layer's columns a batch at a time (GDAL 3.6 and later), tens of
times faster than QGIS's features one by one. Used for a layer read as it stands (no selection,
feature limit, subset filter, unsaved edits, joined or expression fields); the columns come
typed as ``columns`` describes, and anything this route cannot read returns None, for the
caller to read feature by feature."""
import numpy as np
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

from ..qt_compat import FIELD_TYPES

BATCH_ROWS = 100_000


def plain_file(algorithm, parameters, name, context):
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
    if layer.isEditable() or layer.fields().names() != layer.dataProvider().fields().names():
        return None  # unsaved edits, or joined or expression fields beside the file's own
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    layer_name = parts.get("layerName")
    if not path or parts.get("layerId") not in (None, 0):
        return None
    return path, (layer_name if isinstance(layer_name, str) and layer_name else None)


def gdal_columns(location, fields, feedback):
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
            return {}, np.zeros(0, np.int64)
        fids = np.concatenate([np.asarray(b[fid_key]) for b in batches]).astype(np.int64)
        columns = {}
        for name in names:
            key = fid_key if name == fid_column and name not in batches[0] else name
            if fields.field(name).type() == FIELD_TYPES["boolean"] and not _booleans_read_right(
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
    # Only identifiers go into the statement, each quoted by SQL's rule (inner quotes doubled);
    # GDAL's ExecuteSQL takes no bind parameters, and no value is spliced in.
    quoted = [part.replace('"', '""') for part in (name, layer.GetName(), fid_column)]
    statement = (f'SELECT CAST("{quoted[0]}" AS INTEGER) AS value_ '  # nosec B608
                 f'FROM "{quoted[1]}" ORDER BY "{quoted[2]}"')
    try:
        result = dataset.ExecuteSQL(statement)
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
        timed = (~mask if field is not None and field.type() == FIELD_TYPES["datetime"]
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
