"""Catalogue entries (`catalogue.py`) as QGIS sees them: translated titles and aliases, and the
fields of an output layer."""
from qgis.core import QgsFields

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
    own with their types and aliases. An input field named like one of its own is replaced, so
    running an algorithm on its own output does not duplicate columns."""
    aliases = field_aliases(output)
    fields = QgsFields()
    for field in input_fields or []:
        if field.name() not in aliases:
            fields.append(field)
    for field in output.fields:
        fields.append(new_field(field.name, field.type, aliases[field.name]))
    return fields
