"""Reading excavations and receivers: the field parameters of a site layer, resolved by one
rule (``fields``), read under the one policy of ``core.tables`` and reported in one wording
(``reading``), for every algorithm that reads sites."""
from dataclasses import dataclass
from typing import Optional, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..i18n import format_number, translate
from .coordinates import check_source
from .fields import id_list, resolve_field
from .frames import (
    FEATURE_ID,
    attribute_frame,
    feature_ids,
    in_id_order,
    python_value,
    raise_if_not_transformed,
    read_frame,
)
from .reading import check_reading


@dataclass
class SiteParameters:
    """The field parameters of one site layer (parameter names; None where not asked)."""
    amount: str  # the volume or capacity field, m³; always required
    kind: str  # core.tables.VOLUME or CAPACITY
    id: Optional[str] = None
    soil_class: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    required: Tuple[str, ...] = ()  # other roles ("id", "soil_class") whose field must exist
    ids_required: bool = False  # outputs name each site by id: empty or repeated ids refused


@dataclass
class SiteLayer:
    frame: object  # every feature with a geometry (GeoDataFrame), or attributes with ``xy``
    reading: object  # core.tables.SiteReading of every row of ``frame``
    fields: dict  # role -> field name used, or None
    kind: str  # core.tables.VOLUME or CAPACITY
    xy: object = None  # (n, 2) positions of a point layer read without geometries

    def kept(self):
        """(frame rows, reading, xy) of the sites with a usable amount."""
        keep = self.reading.keep
        frame = self.frame[keep].reset_index(drop=True)
        return frame, self.reading.kept(), None if self.xy is None else self.xy[keep]


class SiteFieldsMixin:
    """Field parameters bound to a site layer, and reading that layer under the one policy."""

    def add_field(self, name, description, default, parent, optional=False, numeric=False,
                  date=False, advanced=False):
        kind = QgsProcessingParameterField.DataType.Any
        if numeric:
            kind = QgsProcessingParameterField.DataType.Numeric
        elif date:
            kind = QgsProcessingParameterField.DataType.DateTime
        parameter = QgsProcessingParameterField(
            name, description, defaultValue=default, parentLayerParameterName=parent, type=kind,
            optional=optional)
        if advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def read_site_layer(self, parameters, context, feedback, source, crs, label, spec,
                        consequences=None, whole_layer=False):
        """A SiteLayer of ``source`` in ``crs``; refused values stop the run (see
        ``reading.check_reading``). ``whole_layer`` reads every attribute (for outputs that
        copy the input's fields), else only the fields used (a point layer then without
        shapely geometries, several times faster with 100,000 sites)."""
        from ..core import tables as t

        roles = {"amount": spec.amount, "id": spec.id, "soil_class": spec.soil_class,
                 "start": spec.start, "end": spec.end}
        used = {role: None if name is None else resolve_field(
                    self, parameters, name, context, source, label, feedback,
                    required=role == "amount" or role in spec.required)
                for role, name in roles.items()}
        names = [name for name in used.values() if name]
        xy = None
        if not whole_layer and QgsWkbTypes.flatType(source.wkbType()) == QgsWkbTypes.Type.Point:
            frame, xy = read_points(source, crs, context, feedback, names, label)
        else:
            frame = read_frame(source, crs, context, feedback,
                               fields=None if whole_layer else names, label=label)
        reading = t.read_sites(frame, t.SiteFields(used["amount"], spec.kind, used["id"],
                                                   used["soil_class"], used["start"],
                                                   used["end"]),
                               fallback_ids=frame[FEATURE_ID].tolist(),
                               ids_required=spec.ids_required)
        check_reading(reading.report, label, feedback, consequences)
        if xy is None:
            report_spread_sites(frame, frame[used["id"]] if used["id"] else frame[FEATURE_ID],
                                label, feedback)
        return SiteLayer(frame, reading, used, spec.kind, xy)

    def balance_sites(self, parameters, context, feedback, source, crs, label, spec,
                      clean_max_class=None, consequences=None):
        """(core ``Sites`` of the kept rows, SiteLayer) for the balance algorithms."""
        from ..core.balance.soil_balance import sites_from_reading

        layer = self.read_site_layer(parameters, context, feedback, source, crs, label, spec,
                                     consequences)
        frame, reading, xy = layer.kept()
        sites = sites_from_reading(reading, None if xy is not None else frame.geometry, xy,
                                   clean_max_class)
        return sites, layer

    @staticmethod
    def describe_source(source, layer):
        """``"name (count; volume: volume_m3, start: start_date)"`` for a report's inputs."""
        names = {"amount": layer.kind, "id": "id", "soil_class": "class", "start": "start",
                 "end": "end"}
        fields = ", ".join(f"{names[role]}: {name}" for role, name in layer.fields.items()
                           if name)
        return f"{source.sourceName()} ({source.featureCount()}; {fields})"


def report_spread_sites(frame, ids, label, feedback):
    """Name the sites whose parts lie far apart (``core.geometry.positions.spread_sites``): one
    position cannot stand for all of them."""
    from ..core.geometry.positions import SPREAD_WARNING_M, spread_sites

    spread = spread_sites(frame.geometry)
    if len(spread):
        feedback.pushWarning(translate(
            "JordressourceAlgorithm",
            "{0}: {1} site(s) consist of parts more than {2} m apart. Each site has one "
            "position (its centroid, or a point on its surface), so the haul from its other "
            "parts is misstated; split such sites into one feature per place: ids {3}.")
            .format(label, len(spread), format_number(SPREAD_WARNING_M),
                    id_list(ids.to_numpy()[spread].tolist())))


def read_points(source, crs, context, feedback, names, label):
    """Attributes and (n, 2) coordinates of a single-point layer in ``crs``.

    A point is its own position, so no shapely geometry is built. Features without a point are
    skipped and reported by id, as ``read_frame`` does; ids and order as there."""
    import numpy as np

    check_source(source, crs, context, feedback, label)
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    failed = []
    key, key_names = feature_ids(source)
    request.setTransformErrorCallback(lambda feature: failed.append(key(feature)))
    request.setSubsetOfAttributes(names + key_names, source.fields())
    indexes = [source.fields().lookupField(name) for name in names]
    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    ids, xs, ys, rows, skipped = [], [], [], [], []
    for current, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            break
        point = feature.geometry().constGet()
        if point is None or point.isEmpty():
            skipped.append(key(feature))
            continue
        attributes = feature.attributes()
        ids.append(key(feature))
        xs.append(point.x())
        ys.append(point.y())
        rows.append([python_value(attributes[i]) for i in indexes])
        if step and current % 5000 == 0:
            feedback.setProgress(current * step)
    raise_if_not_transformed(failed, label, source, crs)
    ids, xs, ys, rows = in_id_order(ids, xs, ys, rows)
    if skipped:
        feedback.reportError(translate(
            "JordressourceAlgorithm", "{0}: skipped {1} feature(s) without geometry, ids {2}.")
            .format(label, len(skipped), id_list(skipped)))
    frame = attribute_frame(rows, names, source.fields())
    frame[FEATURE_ID] = ids
    return frame, np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])
