"""Reading excavations and receivers for the strategic algorithms: a volume field, an optional
date window and an optional soil class, checked and turned into the core's ``Sites``."""
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from .frames import FEATURE_ID, python_value, read_frame


class SiteFieldsMixin:
    """Field parameters bound to a site layer, and the checks a planner's data needs."""

    def add_field(self, name, description, default, parent, optional=False, numeric=False,
                  date=False):
        kind = QgsProcessingParameterField.Any
        if numeric:
            kind = QgsProcessingParameterField.Numeric
        elif date:
            kind = QgsProcessingParameterField.DateTime
        self.addParameter(QgsProcessingParameterField(
            name, description, defaultValue=default, parentLayerParameterName=parent, type=kind,
            optional=optional))

    def site_field(self, parameters, name, context, source, default, required, feedback, label):
        """The field chosen for ``name``, or None for an optional field left empty.

        An optional field still at its default name but absent from the layer is taken as not
        given (a layer without dates), since that default was never the user's choice."""
        value = self.parameterAsString(parameters, name, context)
        if not value:
            if required:
                raise QgsProcessingException(self.tr("{0}: choose the field for {1}.")
                                             .format(label, name))
            return None
        if source.fields().lookupField(value) >= 0:
            return value
        if not required and value == default:
            feedback.pushInfo(self.tr("{0}: no field '{1}', so {2} is not used.")
                              .format(label, value, name))
            return None
        raise QgsProcessingException(self.tr("{0} has no field named '{1}' ({2}). Choose one of: {3}.")
                                     .format(label, value, name, ", ".join(source.fields().names())))

    def read_sites(self, parameters, context, feedback, source, crs, volume, start=None, end=None,
                   soil_class=None, clean_max_class=1, label=""):
        """``Sites`` and the fields used ({"volume", "start", "end", "class", FEATURE_ID}).

        Each of ``volume``, ``start``, ``end``, ``soil_class`` is (parameter name, default field).
        Non-numeric and negative volumes are errors naming the features; empty ones count 0 m³.
        """
        from ..core.balance.soil_balance import Sites, check_volumes, clean_sites, parse_dates

        used = {"volume": self.site_field(parameters, volume[0], context, source, volume[1], True,
                                          feedback, label)}
        for key, spec in (("start", start), ("end", end), ("class", soil_class)):
            used[key] = None if spec is None else self.site_field(
                parameters, spec[0], context, source, spec[1], False, feedback, label)
        names = [v for v in used.values() if v]
        xy = None
        if QgsWkbTypes.flatType(source.wkbType()) == QgsWkbTypes.Point:
            frame, xy = self.read_points(source, crs, context, feedback, names, label)
        else:
            frame = read_frame(source, crs, context, feedback, fields=names, label=label)
        ids = frame[FEATURE_ID].to_numpy()
        used[FEATURE_ID] = ids
        checked = check_volumes(frame[used["volume"]])
        if len(checked.not_numeric):
            raise QgsProcessingException(self.tr(
                "{0}: field '{1}' holds values that are not numbers (feature ids {2}). Correct "
                "them or choose another field.").format(label, used["volume"],
                                                        self.id_list(ids[checked.not_numeric])))
        if len(checked.negative):
            raise QgsProcessingException(self.tr(
                "{0}: field '{1}' holds negative volumes (feature ids {2}). Volumes are cubic "
                "metres of soil, zero or more.").format(label, used["volume"],
                                                        self.id_list(ids[checked.negative])))
        if len(checked.missing):
            feedback.pushWarning(self.tr("{0}: {1} feature(s) have no value in '{2}' and count "
                                         "as 0 m³ (feature ids {3}).")
                                 .format(label, len(checked.missing), used["volume"],
                                         self.id_list(ids[checked.missing])))
        clean = None
        if used["class"]:
            clean = clean_sites(frame[used["class"]], clean_max_class)
        sites = Sites(None if xy is not None else frame.geometry, checked.volume_m3, xy=xy,
                      start=parse_dates(frame[used["start"]]) if used["start"] else None,
                      end=parse_dates(frame[used["end"]]) if used["end"] else None,
                      clean=clean)
        return sites, used

    def read_points(self, source, crs, context, feedback, names, label):
        """Attributes and (n, 2) coordinates of a single-point layer in ``crs``.

        A point is its own position, so no shapely geometry is built: with 100,000 sites this
        is several times faster than ``read_frame``. Features without a point are skipped and
        reported by id, as ``read_frame`` does."""
        import numpy as np
        import pandas as pd

        request = QgsFeatureRequest()
        request.setDestinationCrs(crs, context.transformContext())
        request.setSubsetOfAttributes(names, source.fields())
        indexes = [source.fields().lookupField(name) for name in names]
        total = source.featureCount()
        step = 100.0 / total if total and total > 0 else 0
        ids, xs, ys, rows, skipped = [], [], [], [], []
        for current, feature in enumerate(source.getFeatures(request)):
            if feedback.isCanceled():
                break
            point = feature.geometry().constGet()
            if point is None or point.isEmpty():
                skipped.append(feature.id())
                continue
            attributes = feature.attributes()
            ids.append(feature.id())
            xs.append(point.x())
            ys.append(point.y())
            rows.append([python_value(attributes[i]) for i in indexes])
            if step and current % 5000 == 0:
                feedback.setProgress(current * step)
        if skipped:
            feedback.reportError(self.tr("{0}: skipped {1} feature(s) without geometry, ids {2}.")
                                 .format(label, len(skipped), self.id_list(skipped)))
        frame = pd.DataFrame(rows, columns=names)
        frame[FEATURE_ID] = ids
        return frame, np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])

    @staticmethod
    def id_list(ids, limit=20):
        ids = list(ids)
        shown = ", ".join(str(i) for i in ids[:limit])
        return shown + (" …" if len(ids) > limit else "")

    def describe_source(self, source, used):
        fields = ", ".join(f"{key}: {value}" for key, value in used.items()
                           if key != FEATURE_ID and value)
        return f"{source.sourceName()} ({source.featureCount()}; {fields})"
