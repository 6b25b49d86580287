"""The words for ``core.tables``' reports: what was left out or noted goes to the log, by id
and value; what was refused stops the run with one error naming every such row, so that one
round of corrections suffices. One message per case, for every algorithm."""
from qgis.core import QgsProcessingException

from ..i18n import format_number, translate
from .fields import id_list, id_value_list


def report_area_overlaps(positions, frame, feedback):
    """Name the area-type polygons (by feature id) that overlapped an earlier polygon of another
    type: there the earlier one counts (``core.area.classify``)."""
    from .frames import FEATURE_ID

    if len(positions):
        feedback.pushWarning(translate(
            "JordressourceAlgorithm",
            "Area types: {0} polygon(s) overlap an earlier polygon of another area type; where "
            "they overlap, the earlier one in the layer counts: ids {1}.")
            .format(len(positions), id_list(frame[FEATURE_ID].to_numpy()[positions].tolist())))


def check_reading(report, label, feedback, consequences=None):
    """Log the report's skipped and noted rows, then raise if any value was refused.

    ``consequences`` ({(reason, role): sentence}) adds what the algorithm does with such rows.
    """
    report_notes(report, label, feedback, consequences or {})
    if report.refused:
        raise refusal_error(report, label)


def refusal_error(report, label):
    """One error for every refused value of a layer: the field, why, and the ids with values."""
    from ..core import tables as t

    lines = []
    count = 0
    for issue in report.refused:
        count += len(issue.ids)
        shown = (id_list(issue.ids) if issue.role == t.ID
                 else id_value_list(issue.ids, issue.values))
        lines.append(f"- '{issue.field}': {_refusal_reason(issue)}: {shown}")
    return QgsProcessingException(translate(
        "JordressourceAlgorithm",
        "{0}: {1} value(s) cannot be used as given. Correct them and run again:")
        .format(label, count) + "\n" + "\n".join(lines))


def report_notes(report, label, feedback, consequences):
    from ..core import tables as t

    for issue in report.issues:
        if issue.action == t.REFUSED:
            continue
        message = _note(issue, label)
        consequence = consequences.get((issue.reason, issue.role))
        if consequence:
            message = f"{message} {consequence}"
        if issue.action == t.SKIPPED:
            feedback.reportError(message)
        else:
            feedback.pushWarning(message)


def _note(issue, label):
    from ..core import tables as t

    count, ids = len(issue.ids), id_list(issue.ids)
    if issue.reason == t.EMPTY and issue.role == t.CLASS:
        return translate("JordressourceAlgorithm",
                         "{0}: {1} site(s) have no soil class in '{2}': {3}.").format(
            label, count, issue.field, ids)
    if issue.reason == t.EMPTY:
        return translate("JordressourceAlgorithm",
                         "{0}: {1} site(s) have no value in '{2}' and are left out: {3}.").format(
            label, count, issue.field, ids)
    if issue.reason == t.IMPLAUSIBLE:
        return translate(
            "JordressourceAlgorithm",
            "{0}: {1} site(s) hold more than {2} m³ in '{3}', more than one site plausibly "
            "holds; they are kept as given, check them: {4}.").format(
            label, count, format_number(t.IMPLAUSIBLE_M3[issue.role]), issue.field,
            id_value_list(issue.ids, issue.values))
    if issue.reason == t.WINDOW_REVERSED:
        return translate("JordressourceAlgorithm",
                         "{0}: {1} date window(s) end before they start ('{2}'): {3}.").format(
            label, count, issue.field, id_value_list(issue.ids, issue.values))
    if issue.reason == t.MISSING_ID:
        return translate(
            "JordressourceAlgorithm",
            "{0}: {1} site(s) have no id in '{2}' and are named by their feature id: {3}.")\
            .format(label, count, issue.field, ids)
    if issue.reason == t.DUPLICATE_ID:
        return translate("JordressourceAlgorithm",
                         "{0}: ids used by more than one site in '{1}': {2}.").format(
            label, issue.field, ids)
    return f"{label}: {issue.reason} '{issue.field}': {ids}"


def _refusal_reason(issue):
    from ..core import tables as t

    reason, role = issue.reason, issue.role
    if reason == t.AMBIGUOUS:
        return translate(
            "JordressourceAlgorithm",
            "numbers with two readings 1,000 times apart (\"1.500\" is fifteen hundred in Danish "
            "and one and a half in English); write 1500, 1500,0 or 1.500,0")
    if reason == t.UNREADABLE and role in (t.VOLUME, t.CAPACITY, t.CLASS, t.VALUE):
        return translate("JordressourceAlgorithm", "values that are not numbers")
    if reason == t.UNREADABLE and role == t.YES_NO:
        return translate("JordressourceAlgorithm",
                         "values that are not yes or no; write ja/nej, 1/0 or true/false")
    if reason == t.UNREADABLE:
        return translate("JordressourceAlgorithm",
                         "values that are not dates; write 2026-05-01, 01-05-2026, 01.05.2026 or "
                         "1. maj 2026")
    if reason == t.NOT_FINITE:
        return translate("JordressourceAlgorithm", "values that are not finite numbers")
    if reason == t.NEGATIVE and role == t.VOLUME:
        return translate("JordressourceAlgorithm",
                         "negative volumes; volumes are cubic metres of soil, zero or more")
    if reason == t.NEGATIVE and role == t.CAPACITY:
        return translate("JordressourceAlgorithm",
                         "negative capacities; capacities are cubic metres, zero or more")
    if reason == t.NEGATIVE and role == t.CLASS:
        return translate("JordressourceAlgorithm", "negative soil classes")
    if reason == t.NEGATIVE:
        return translate("JordressourceAlgorithm", "negative values")
    if reason == t.NOT_WHOLE:
        return translate("JordressourceAlgorithm", "soil classes that are not whole numbers")
    if reason == t.NUMBER_NOT_DATE:
        return translate("JordressourceAlgorithm",
                         "numbers where dates belong (20261201 is not read as a date); write "
                         "2026-12-01")
    if reason == t.AMBIGUOUS_DATE:
        return translate("JordressourceAlgorithm",
                         "dates whose day and month order or century is unclear (01/02/2026, "
                         "01-02-26); write 2026-02-01 or 01-02-2026")
    if reason == t.MISSING_ID:
        return translate("JordressourceAlgorithm",
                         "sites without an id (named here by feature id); every site needs an "
                         "id, so that matches can name it")
    if reason == t.DUPLICATE_ID:
        return translate("JordressourceAlgorithm",
                         "ids used by more than one site; ids must be unique, so that every "
                         "match names its sites")
    return reason
