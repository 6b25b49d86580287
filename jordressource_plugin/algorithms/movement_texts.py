"""The words of `check_movements`: flag names, the report's labels and the log's notes on a
movement log, translated (Danish first), apart from the algorithm's parameters and steps."""
from ..core.movements import flags as f


class MovementTextsMixin:
    def field_labels(self):
        return {
            "MOVEMENT_ID_FIELD": self.tr("Movement id field"),
            "MOVEMENT_SOURCE_FIELD": self.tr("Movement excavation id field"),
            "MOVEMENT_RECEIVER_FIELD": self.tr("Movement receiver id field"),
            "TONNES_FIELD": self.tr("Tonnes field"),
            "MOVEMENT_CLASS_FIELD": self.tr("Movement soil class field"),
            "DATE_FIELD": self.tr("Movement date field"),
            "ANALYSED_FIELD": self.tr("Analysed field (yes/no)"),
            "VEHICLE_FIELD": self.tr("Vehicle field"),
            "DEPARTURE_FIELD": self.tr("Departure time field"),
            "ARRIVAL_FIELD": self.tr("Arrival time field"),
            "SOURCE_ID_FIELD": self.tr("Excavation id field"),
            "VOLUME_FIELD": self.tr("Surplus volume field (m³, in situ)"),
            "CLASS_FIELD": self.tr("Soil class field"),
            "SOURCE_START_FIELD": self.tr("Excavation start date field"),
            "SOURCE_END_FIELD": self.tr("Excavation end date field"),
            "RECEIVER_ID_FIELD": self.tr("Receiver id field"),
            "KIND_FIELD": self.tr("Receiver kind field"),
            "CAPACITY_FIELD": self.tr("Receiver capacity field (m³)"),
            "MAX_CLASS_FIELD": self.tr("Highest accepted soil class field"),
            "RECEIVER_START_FIELD": self.tr("Receiver start date field"),
            "RECEIVER_END_FIELD": self.tr("Receiver end date field"),
            "OPENING_STOCK_FIELD": self.tr("Resource site opening stock field (m³)"),
            "AREA_TYPE_FIELD": self.tr("Area type field"),
            "PLAN_FROM_FIELD": self.tr("Plan from-id field (empty: source_id or from_id)"),
            "PLAN_TO_FIELD": self.tr("Plan to-id field (empty: receiver_id or to_id)"),
            "PLAN_TONNES_FIELD": self.tr("Plan tonnes field"),
        }

    def flag_names(self):
        return {
            f.DUPLICATE_ID: self.tr("duplicate id"),
            f.UNKNOWN_SOURCE: self.tr("unknown source"),
            f.UNKNOWN_RECEIVER: self.tr("unknown receiver"),
            f.CLASS_NOT_ACCEPTED: self.tr("soil class not accepted"),
            f.OVER_CAPACITY: self.tr("over the receiver's capacity"),
            f.OVER_EXCAVATED: self.tr("more than excavated"),
            f.CROSS_AREA: self.tr("across area types without analysis"),
            f.OUTSIDE_WINDOW: self.tr("outside the date window"),
            f.IMPLAUSIBLE_HAUL: self.tr("implausible haul"),
            f.OVER_PAYLOAD: self.tr("over the truck payload"),
            f.IMPOSSIBLE_TRAVEL: self.tr("impossible travel"),
            f.NOT_IN_PLAN: self.tr("not in the plan"),
        }

    def report_labels(self):
        from ..i18n import user_language

        return {
            "lang": user_language(),
            "title": self.tr("Soil movement check"),
            "generated": self.tr("Generated {0}"),
            "summary": self.tr("Summary"),
            "movements": self.tr("Movements"),
            "tonnes": self.tr("Tonnes"),
            "flagged": self.tr("Movements with a flag"),
            "flagged_tonnes": self.tr("Tonnes moved with a flag"),
            "flags": self.tr("Flags"),
            "flag": self.tr("Flag"),
            "weight": self.tr("Weight"),
            "risk": self.tr("Risk"),
            "risk_title": self.tr("How the risk is scored"),
            "risk_text": self.tr(
                "A movement's risk is 100 · (1 − Π(1 − w)) over its flags, with the weights "
                "below: 0 for a clean movement, higher with every further flag, never above "
                "100. An actor's risk is the tonnes-weighted mean risk of its movements."),
            "top_movements": self.tr("Movements with the highest risk"),
            "top_actors": self.tr("Excavations, receivers and vehicles with the highest risk"),
            "none": self.tr("No movement has a flag."),
            "id": self.tr("Id"),
            "date": self.tr("Date"),
            "source": self.tr("From"),
            "receiver": self.tr("To"),
            "role": self.tr("Role"),
            "moved": self.tr("Moved (t)"),
            "registered": self.tr("Registered (t)"),
            "balance": self.tr("Balance (t)"),
            "stock": self.tr("Theoretical stock"),
            "chart_receivers": self.tr("Received against capacity, per receiver"),
            "chart_note": self.tr("The {0} receivers most filled of {1} are shown."),
            "received": self.tr("Received"),
            "capacity": self.tr("Capacity"),
            "fill": self.tr("Received, % of capacity"),
            "roles": {"source": self.tr("excavation"), "receiver": self.tr("receiver"),
                      "vehicle": self.tr("vehicle")},
            "flag_names": self.flag_names(),
            "inputs": self.tr("Inputs"),
            "parameters": self.tr("Parameters"),
        }

    def movement_note(self, issue, label, id_list, id_field):
        """The log's sentence for a movement that was read but lacks a value."""
        from ..core import tables as t

        count, ids = len(issue.ids), id_list(issue.ids)
        if issue.reason == t.MISSING_ID and issue.field == id_field:
            return self.tr("{0}: {1} movement(s) have no id in '{2}' and are named by their "
                           "feature id: {3}.").format(label, count, issue.field, ids)
        if issue.reason == t.MISSING_ID:
            return self.tr("{0}: {1} movement(s) have no value in '{2}' and are flagged as "
                           "unknown: {3}.").format(label, count, issue.field, ids)
        if issue.role == t.VALUE:
            return self.tr("{0}: {1} movement(s) have no tonnes in '{2}': they count 0 t: {3}.")\
                .format(label, count, issue.field, ids)
        if issue.role == t.DATE:
            return self.tr("{0}: {1} movement(s) have no date in '{2}': they count last in the "
                           "running totals and are not checked against date windows: {3}.")\
                .format(label, count, issue.field, ids)
        if issue.role == t.YES_NO:
            return self.tr("{0}: {1} movement(s) have no value in '{2}' and count as not "
                           "analysed: {3}.").format(label, count, issue.field, ids)
        return f"{label}: {issue.reason} '{issue.field}': {ids}"

    def not_checked_notes(self):
        from ..core.movements import check as c

        return {
            c.NO_CLASS: self.tr("{0} movement(s) between known sites have no soil class, or go "
                                "to a receiver without a highest class: class not checked."),
            c.NO_LIMIT: self.tr("{0} movement(s) name a site without a registered volume or "
                                "capacity: that limit not checked."),
            c.NO_TONNES: self.tr("{0} movement(s) have no tonnes: counted as 0 t."),
            c.NO_DATE: self.tr("{0} movement(s) have no date: not checked against date windows, "
                               "counted last in the running totals."),
            c.NO_TIMES: self.tr("{0} movement(s) with a vehicle lack a departure or arrival time "
                                "of day: travel not checked."),
        }

    def log_result(self, log, result, on_roads, feedback):
        """The check in the log: movements and tonnes per flag, what was not checked, how
        hauls were measured and the totals."""
        import numpy as np

        from ..core.movements.flags import has_flag
        from ..i18n import number_format

        whole = number_format().whole
        tonnes = np.nan_to_num(log.tonnes)
        names = self.flag_names()
        for code, count in result.counts().items():
            if count:
                mask = has_flag(result.bits, code)
                feedback.pushInfo(self.tr("{0} ({1}): {2} movement(s), {3} t.").format(
                    names[code], code, whole(count), whole(tonnes[mask].sum())))
        notes = self.not_checked_notes()
        for key, count in result.not_checked.items():
            if count:
                feedback.pushInfo(notes[key].format(whole(count)))
        haul = result.haul
        if on_roads:
            feedback.pushInfo(self.tr("Haul of {0} distinct origin–receiver pair(s) measured "
                                      "along the roads.").format(whole(haul.pairs)))
            if haul.pairs_without_road:
                feedback.pushWarning(self.tr(
                    "{0} pair(s) have no road path between them: their haul is the straight "
                    "line times the detour factor.").format(whole(haul.pairs_without_road)))
        flagged = ~result.ok
        feedback.pushInfo(self.tr(
            "{0} of {1} movement(s) have a flag: {2} of {3} t.").format(
                whole(flagged.sum()), whole(len(log)), whole(tonnes[flagged].sum()),
                whole(tonnes.sum())))
