"""Catalogue entries (`catalogue.py`) as QGIS sees them: translated titles and aliases, and the
fields of an output layer."""
from qgis.core import QgsField, QgsFields

from ..i18n import translate
from ..qt_compat import new_field


def output_title(output) -> str:
    """The output's title in the user's language."""
    return translate("Outputs", output.title)


def field_aliases(output) -> dict:
    """{field name: alias in the user's language} of the fields ``output`` writes."""
    return {field.name: translate("Outputs", field.alias) for field in output.fields}


def output_fields(output, input_fields=None) -> QgsFields:
    """The fields of ``output``: those of ``input_fields`` (the layer it extends) first, then its
    own with their types. An input field named like one of its own is replaced, so running an
    algorithm on its own output does not duplicate columns.

    The fields carry no alias and no comment: sinks drop them (QGIS 3.22) or warn that scratch
    layers cannot hold them (3.40); aliases are applied with the style after the run."""
    own = {field.name for field in output.fields}
    fields = QgsFields()
    for field in input_fields or []:
        if field.name() not in own:
            field = QgsField(field)
            field.setAlias("")
            field.setComment("")
            fields.append(field)
    for field in output.fields:
        fields.append(new_field(field.name, field.type))
    return fields
