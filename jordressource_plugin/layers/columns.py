"""Tables of millions of rows column by column, both ways: a movement log in, its check out.

Reading needs no geometry and hands the engine whole columns: a file layer read as it stands
goes through GDAL's Arrow stream (``gdal_columns``), anything else (memory layers, PostGIS, a
selection) through QGIS's features without geometry. Both routes give the same columns:

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
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..i18n import translate
from ..qt_compat import FIELD_TYPES, field_is_integer
from .frames import python_value
from .gdal_columns import gdal_columns, plain_file

_JULIAN_DAY_1970 = 2440588


def read_columns(algorithm, parameters, name, context, feedback, label=""):
    """(columns {field name: values}, feature ids, route) of every attribute of the table
    parameter ``name``; route is ``"gdal"`` or ``"qgis"``."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    fields = source.fields()
    location = plain_file(algorithm, parameters, name, context)
    if location is not None:
        read = gdal_columns(location, fields, feedback)
        if read is not None:
            columns, fids = read
            for field in fields:  # an empty table: typed empty columns
                columns.setdefault(field.name(), _from_qgis([], field))
            return columns, fids, "gdal"
    return _feature_columns(source, fields, feedback, label) + ("qgis",)


# QGIS's features ---------------------------------------------------------------------------
def _feature_columns(source, fields, feedback, label):
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
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
    if kind == FIELD_TYPES["double"]:
        return np.array([v if type(v) is float else np.nan for v in values], dtype=float)
    if kind == FIELD_TYPES["string"]:
        return np.array([v if type(v) is str else None for v in values], dtype=object)
    if kind in (FIELD_TYPES["date"], FIELD_TYPES["datetime"]):
        moments = np.fromiter((_seconds(v) for v in values), dtype=np.int64,
                              count=len(values)).view("datetime64[s]")
        timed = (~np.isnat(moments) if kind == FIELD_TYPES["datetime"]
                 else np.zeros(len(values), bool))
        return DateColumn(moments, timed)
    result = np.empty(len(values), dtype=object)
    result[:] = [python_value(v) for v in values]
    if field_is_integer(field) and all(v is not None for v in result):
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


# Writing -----------------------------------------------------------------------------------
WRITE_BATCH_ROWS = 100_000


def qgis_column(values):
    """A column as a list of values a QgsFeature takes: NaN and NaT as NULL, numpy scalars as
    Python ones, days as QDate, moments as ISO text (``2026-05-01T08:30:00``), which every QGIS
    sink turns into its field's date type (QgsField.convertCompatible): building a QDateTime
    for each of a million distinct moments in Python would cost more than the whole check."""
    import pandas as pd

    from ..core.tables import DateColumn

    if isinstance(values, DateColumn):
        if values.timed.any():
            return _iso_dates(values.moments, "s")
        return _qdates(values.moments)
    array = np.asarray(values)
    if array.dtype.kind == "f":
        listed = array.astype(object)
        listed[np.isnan(array)] = None
        return listed.tolist()
    if array.dtype.kind in "iub":
        return array.tolist()
    if array.dtype.kind == "M":
        return _iso_dates(array, "s")
    listed = array.astype(object)
    listed[pd.isna(listed)] = None  # values come from the readers as plain Python already
    return listed.tolist()


def _qdates(moments):
    """Days as QDate, each distinct day built once (a log has a few hundred)."""
    import pandas as pd

    codes, days = pd.factorize(moments.astype("datetime64[D]"))
    table = [QDate.fromJulianDay(int(day) + _JULIAN_DAY_1970)
             for day in days.astype("datetime64[D]").astype(np.int64)] + [None]
    return np.array(table, dtype=object)[codes].tolist()


def _iso_dates(moments, unit):
    text = np.datetime_as_string(moments.astype(f"datetime64[{unit}]"), unit=unit).astype(object)
    text[np.isnat(moments)] = None
    return text.tolist()


def write_rows(sink, fields: QgsFields, columns, wkb, feedback, progress_from=0.0,
               progress_to=100.0):
    """Write one feature per row: ``columns`` {name: values (arrays or DateColumns)} in the
    order of ``fields`` (absent names NULL), ``wkb`` a list of WKB bytes or None per row.

    Values are converted for QGIS a batch of rows at a time, so that a million rows never
    exist as Python objects all at once."""
    names = fields.names()
    count = len(wkb)
    feature = QgsFeature(fields)  # one feature refilled per row: the sink copies it
    span = progress_to - progress_from
    for first in range(0, count, WRITE_BATCH_ROWS):
        if feedback.isCanceled():
            return
        feedback.setProgress(progress_from + span * first / max(count, 1))
        rows = slice(first, min(first + WRITE_BATCH_ROWS, count))
        batch = [qgis_column(_rows_of(columns[name], rows)) if name in columns
                 else [None] * (rows.stop - rows.start) for name in names]
        with _without_cycle_collection():
            for attributes, shape in zip(zip(*batch), wkb[rows]):
                feature.setAttributes(list(attributes))
                if shape is None:
                    feature.clearGeometry()
                else:
                    geometry = QgsGeometry()
                    geometry.fromWkb(shape)
                    feature.setGeometry(geometry)
                if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(translate(
                        "JordressourceAlgorithm", "Could not write a feature to the output: {0}")
                        .format(sink.lastError() if hasattr(sink, "lastError") else ""))


def _rows_of(values, rows):
    from ..core.tables import DateColumn

    if isinstance(values, DateColumn):
        return DateColumn(values.moments[rows], values.timed[rows])
    return values[rows]


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
