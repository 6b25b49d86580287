"""Differences between the QGIS and Qt versions the plugin runs on (QGIS 3.22 to 4.x, Qt 5 and
6), each in one place and each detected by the feature itself, never by a version number.

Field types: QGIS 3.38 types fields by ``QMetaType`` (``QgsField.type()`` returns a
``QMetaType.Type``, and building a field from a ``QVariant`` type is deprecated), and Qt 6 has no
``QVariant.Type`` at all; QGIS 3.22 knows only ``QVariant`` types (its ``QgsField`` refuses a
``QMetaType.Type``). Code names a type by the data model's words (string, integer, double, date,
datetime, boolean) and gets the one this QGIS wants; ``field_is_integer`` asks a field the same
way.

Styles in a data source: QGIS 3.44 deprecates ``QgsMapLayer.saveStyleToDatabase()`` for
``saveStyleToDatabaseV2()``, which earlier versions lack; ``save_style_to_database`` calls the
one this QGIS has.

Enums: every enum value the plugin uses is reached through its enum type
(``QgsProcessing.SourceType.TypeVectorLine``), a form QGIS 3.22's PyQt5 accepts as well as
PyQt6 (test/test_qt6_scan.py checks); none needs a shim here.
"""
from qgis.core import QgsField
from qgis.PyQt.QtCore import QMetaType, QVariant

if isinstance(QgsField().type(), QMetaType.Type):  # QGIS 3.38 and later, Qt 5 or 6
    FIELD_TYPES = {
        "string": QMetaType.Type.QString,
        "integer": QMetaType.Type.Int,
        "double": QMetaType.Type.Double,
        "date": QMetaType.Type.QDate,
        "datetime": QMetaType.Type.QDateTime,
        "boolean": QMetaType.Type.Bool,
    }
    INTEGER_TYPES = (QMetaType.Type.Int, QMetaType.Type.LongLong, QMetaType.Type.UInt,
                     QMetaType.Type.ULongLong)
else:  # QGIS 3.22 to 3.36, always Qt 5: the one place the plugin names QVariant types
    FIELD_TYPES = {
        "string": QVariant.Type.String,
        "integer": QVariant.Type.Int,
        "double": QVariant.Type.Double,
        "date": QVariant.Type.Date,
        "datetime": QVariant.Type.DateTime,
        "boolean": QVariant.Type.Bool,
    }
    INTEGER_TYPES = (QVariant.Type.Int, QVariant.Type.LongLong, QVariant.Type.UInt,
                     QVariant.Type.ULongLong)


def new_field(name: str, kind: str, alias: str = "") -> QgsField:
    """A field named ``name`` of type ``kind`` (a key of ``FIELD_TYPES``), with ``alias``."""
    field = QgsField(name, FIELD_TYPES[kind])
    if alias:
        field.setAlias(alias)
    return field


def field_is_integer(field: QgsField) -> bool:
    """Whether ``field`` holds integers (of any width, signed or not)."""
    return field.type() in INTEGER_TYPES


def save_style_to_database(layer, name: str, description: str) -> str:
    """Store ``layer``'s style as its default in its data source's ``layer_styles`` table;
    returns the error message, empty when stored."""
    if hasattr(layer, "saveStyleToDatabaseV2"):  # QGIS 3.44 and later
        _stored, error = layer.saveStyleToDatabaseV2(name, description, True, "")
        return error
    return layer.saveStyleToDatabase(name, description, True, "")


def is_null(value) -> bool:
    """Whether an attribute value is empty: None, or QGIS's NULL (a null ``QVariant`` on Qt 5
    and Qt 6 alike)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())
