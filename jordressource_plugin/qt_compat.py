"""Differences between the QGIS and Qt versions the plugin runs on (QGIS 3.22 to 4.x, Qt 5 and
6), each in one place and each detected by the feature itself, never by a version number.

Field types: QGIS 3.38 types fields by ``QMetaType`` and deprecates the ``QVariant`` types, and
Qt 6 has no ``QVariant.Type`` at all; QGIS 3.22 knows only ``QVariant`` types. Code names a type
by the data model's words (string, integer, double, date, datetime, boolean) and gets the one
this QGIS wants.
"""
from qgis.core import QgsField

if hasattr(QgsField, "metaType"):  # QGIS 3.38 and later
    from qgis.PyQt.QtCore import QMetaType

    FIELD_TYPES = {
        "string": QMetaType.Type.QString,
        "integer": QMetaType.Type.Int,
        "double": QMetaType.Type.Double,
        "date": QMetaType.Type.QDate,
        "datetime": QMetaType.Type.QDateTime,
        "boolean": QMetaType.Type.Bool,
    }
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_TYPES = {
        "string": QVariant.String,
        "integer": QVariant.Int,
        "double": QVariant.Double,
        "date": QVariant.Date,
        "datetime": QVariant.DateTime,
        "boolean": QVariant.Bool,
    }


def new_field(name: str, kind: str, alias: str = "") -> QgsField:
    """A field named ``name`` of type ``kind`` (a key of ``FIELD_TYPES``), with ``alias``."""
    field = QgsField(name, FIELD_TYPES[kind])
    if alias:
        field.setAlias(alias)
    return field
