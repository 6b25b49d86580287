"""Parameters that are required in the dialog yet may be left out by scripts, which then get the
default the reference documents.

QGIS 3.22 refuses a missing value for a mandatory parameter even when it has a default (in
``qgis_process`` before the algorithm's own checks run, and in ``checkParameterValues``), so a
model or script relying on the default field names (`id`, `volume_m3`) or EPSG:25832 fails there.
Marking such a parameter optional would tell a planner in the dialog that the run can do
without it, which is false. These subclasses stay mandatory, show no "[optional]", and accept a
missing value by falling back to their default, exactly as QGIS itself then reads it.
"""
from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
)


def _missing(value) -> bool:
    return value is None or value == "" or (hasattr(value, "isNull") and value.isNull())


def _copy_common(source, target):
    target.setFlags(source.flags())
    target.setMetadata(source.metadata())
    target.setHelp(source.help())
    return target


class DefaultedFieldParameter(QgsProcessingParameterField):
    """A mandatory field parameter whose default stands in for a missing value."""

    @classmethod
    def from_parameter(cls, parameter: QgsProcessingParameterField):
        return _copy_common(parameter, cls(
            parameter.name(), parameter.description(), parameter.defaultValue(),
            parameter.parentLayerParameterName(), parameter.dataType(),
            parameter.allowMultiple(), False, parameter.defaultToAllFields()))

    def checkValueIsAcceptable(self, value, context=None):
        if _missing(value):
            return not _missing(self.defaultValue())
        return super().checkValueIsAcceptable(value, context)

    def clone(self):
        return type(self).from_parameter(self)


class DefaultedCrsParameter(QgsProcessingParameterCrs):
    """A mandatory CRS parameter whose default stands in for a missing value."""

    @classmethod
    def from_parameter(cls, parameter: QgsProcessingParameterCrs):
        return _copy_common(parameter, cls(parameter.name(), parameter.description(),
                                           parameter.defaultValue(), False))

    def checkValueIsAcceptable(self, value, context=None):
        if _missing(value):
            return not _missing(self.defaultValue())
        return super().checkValueIsAcceptable(value, context)

    def clone(self):
        return type(self).from_parameter(self)


def with_default_standing_in(parameter):
    """``parameter`` itself, or for a mandatory field or CRS parameter with a default its
    defaulted twin."""
    if _missing(parameter.defaultValue()) or \
            parameter.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
        return parameter
    if isinstance(parameter, QgsProcessingParameterField) and \
            not isinstance(parameter, DefaultedFieldParameter):
        return DefaultedFieldParameter.from_parameter(parameter)
    if isinstance(parameter, QgsProcessingParameterCrs) and \
            not isinstance(parameter, DefaultedCrsParameter):
        return DefaultedCrsParameter.from_parameter(parameter)
    return parameter
