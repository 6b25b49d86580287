"""Which field of a layer an algorithm reads, and how rows are named in messages.

One rule for a field parameter: an optional field left at its default name but missing from the
layer is not used (a layer without dates has no windows; that default was never the user's
choice), and says so in the log; any other field that is named but missing stops the run with
the layer's own fields listed.
"""
from qgis.core import QgsProcessingException

from ..i18n import translate

ID_LIST_LIMIT = 20


def id_list(ids, limit=ID_LIST_LIMIT):
    """``"a, b, c"``: the first ``limit`` ids, then an ellipsis."""
    ids = list(ids)
    shown = ", ".join(str(i) for i in ids[:limit])
    return shown + (" …" if len(ids) > limit else "")


def id_value_list(ids, values, limit=ID_LIST_LIMIT):
    """``'S1 = "1.500", S2 = -5'``: ids with the value each holds, as ``id_list``."""
    pairs = [f"{i} = {shown_value(v)}" for i, v in zip(list(ids), list(values))]
    return id_list(pairs, limit)


def shown_value(value):
    """A value as a planner typed it: text in quotes, NULL for nothing."""
    if value is None or (isinstance(value, float) and value != value):
        return "NULL"
    if isinstance(value, str):
        return f'"{value}"'
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return str(value)


def missing_field_error(label, field_name, source):
    """The one message for a field named but missing from a layer."""
    return QgsProcessingException(translate(
        "JordressourceAlgorithm", "{0} has no field named '{1}'. Choose one of: {2}.")
        .format(label, field_name, ", ".join(source.fields().names())))


def require_fields(source, names, label):
    """Raise the missing-field error for the first of ``names`` not in ``source``."""
    for name in names:
        if name and source.fields().lookupField(name) < 0:
            raise missing_field_error(label, name, source)


def resolve_field(algorithm, parameters, name, context, source, label, feedback,
                  required=False):
    """The field chosen for parameter ``name`` of ``algorithm`` on ``source``, or None when
    an optional field is not used (left empty, its layer not given, or at its default name but
    missing from the layer); see the module docstring."""
    value = algorithm.parameterAsString(parameters, name, context)
    description = algorithm.parameterDefinition(name).description()
    if not value:
        if required and source is not None:
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm", "{0}: choose the field for {1}.")
                .format(label, description))
        return None
    if source is None:
        return None
    if source.fields().lookupField(value) >= 0:
        return value
    if not required and value == algorithm.parameterDefinition(name).defaultValue():
        if feedback is not None:
            feedback.pushInfo(translate(
                "JordressourceAlgorithm", "{0}: no field '{1}', so {2} is not used.")
                .format(label, value, description))
        return None
    raise missing_field_error(label, value, source)
