"""The default QGIS style of each jordbase table, with its Danish aliases, in `layer_styles`.

QGIS applies a layer's default style from `layer_styles` whenever the table is opened, in any
project and in qgis_process (the same convention as the GeoPackage of `create_project`). The QML
is built by QGIS from styles/ and the data model's aliases, then written with the runner's
connection in one transaction: the previous Jordressource default of each table is replaced.
Column `type` stays NULL: QGIS 3.22 reads it as the geometry type, later versions as the layer
type, and NULL matches both.
"""
from qgis.core import QgsMapLayer, QgsReadWriteContext, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from ..core.project.datamodel import layer_spec
from ..layers.legend import load_style
from ..resources import style_path
from . import model
from .quoting import render

_REPLACE = """
DELETE FROM public.layer_styles
WHERE f_table_catalog = current_database() AND f_table_schema = {schema_name}
  AND f_table_name = {table} AND stylename = {style};
UPDATE public.layer_styles SET useasdefault = false
WHERE f_table_catalog = current_database() AND f_table_schema = {schema_name}
  AND f_table_name = {table};
INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name,
    f_geometry_column, stylename, styleqml, useasdefault, description)
VALUES (current_database(), {schema_name}, {table}, {geometry_column}, {style},
    XMLPARSE(DOCUMENT {qml}), true, {description});
"""

_MEMORY_GEOMETRY = {"Point": "Point", "LineString": "LineString",
                    "MultiPolygon": "MultiPolygon", "None": "None"}


def style_qml(spec) -> str:
    """QML of the style of ``spec`` with the data model's Danish aliases."""
    fields = "".join(f"&field={field.name}:{field.type}" for field in spec.fields)
    layer = QgsVectorLayer(f"{_MEMORY_GEOMETRY[spec.geometry]}?{fields.lstrip('&')}",
                           spec.name, "memory")
    category = QgsMapLayer.StyleCategory
    qml = style_path(spec.style)
    if qml.exists():
        load_style(layer, qml, category.Symbology | category.Labeling | category.Rendering)
    for field in spec.fields:
        layer.setFieldAlias(layer.fields().lookupField(field.name), field.alias_da)
    document = QDomDocument()
    categories = category.Symbology | category.Labeling | category.Rendering | category.Fields
    layer.exportNamedStyle(document, QgsReadWriteContext(), categories)
    return document.toString()


def store_styles(connection, schema: str, tables) -> None:
    """Make each of ``tables``'s Jordressource style its default in ``layer_styles``."""
    script = []
    for table in tables:
        spec = layer_spec(table)
        script.append(render(
            _REPLACE, schema_name=schema, table=table, geometry_column=model.GEOMETRY_COLUMN,
            style=spec.style, qml=style_qml(spec), description=spec.title_da))
    connection.execute("\n".join(script))
