"""What suggest_resource_sites tells the planner: the proof of optimality step by step, the
excavations left out, and every input fault of the engine (``core.siting.errors``) in the
user's language, naming the layer, the ids and the values."""
from qgis.core import QgsProcessingException

from ..i18n import number_format
from ..layers.fields import id_list, id_value_list


class SitingMessages:
    """Mixin for the algorithm: needs ``tr``."""

    def report_left_out(self, problem, sources, feedback):
        """Excavations beyond the maximum haul of every candidate: left out and named."""
        if not len(problem.unreachable):
            return
        numbers = number_format()
        ids = sources["ids"][problem.unreachable]
        feedback.pushWarning(self.tr(
            "{0} excavation(s) with {1} m³ lie farther than {2} km from every candidate and are "
            "left out of the choice: {3}").format(
                numbers.whole(len(ids)), numbers.whole(sources["volume"][problem.unreachable]
                                                       .sum()),
                numbers.trimmed(problem.max_haul_km), id_list(ids)))

    def report_proof(self, choice, problem, feedback):
        """The steps to the answer and the proof: bounds, HiGHS's rounds, the gap."""
        numbers = number_format()
        whole = numbers.whole
        stats = choice.stats
        feedback.pushInfo(self.tr(
            "{0} excavation(s), {1} candidate(s), {2} pair(s) within the maximum haul.").format(
                whole(problem.source_count), whole(problem.candidate_count),
                whole(len(problem.pair_km))))
        if stats.get("heuristic_tkm") is not None and stats["heuristic_tkm"] < float("inf"):
            feedback.pushInfo(self.tr(
                "Greedy add and swap: a first choice of {0} tonne-km.").format(
                    whole(stats["heuristic_tkm"])))
        feedback.pushInfo(self.tr(
            "Lagrangian bound {0} tonne-km: {1} candidate(s) ruled out, {2} certain to open, "
            "{3} left to choose from.").format(
                whole(stats.get("lagrange_bound_tkm", 0.0)), whole(stats.get("closed", 0)),
                whole(stats.get("fixed_open", 0)), whole(stats.get("free", 0))))
        feedback.pushInfo(self.tr(
            "HiGHS: {0} LP and {1} MIP solve(s) of the Benders master, {2} s.").format(
                whole(stats.get("lp_rounds", 0)), whole(stats.get("mip_rounds", 0)),
                numbers.number(stats.get("seconds", 0.0), 1)))
        if stats.get("enumerated"):
            feedback.pushInfo(self.tr(
                "The {0} site(s) still undecided: every one of the {1} choice(s) of them "
                "bounded, {2} priced exactly; none of the others can total less.").format(
                    whole(stats["enumerated_sites"]), whole(stats["enumerated"]),
                    whole(stats["enumerated_priced"])))
        if stats.get("tie"):
            feedback.pushInfo(self.tr(
                "Other choices have the same total; the one with the smallest ids is shown."))
        total = whole(choice.total_tkm)
        if choice.proven:
            feedback.pushInfo(self.tr(
                "Proven optimal: total {0} tonne-km (haul {1}, opening costs {2}), lower bound "
                "{3}, gap 0.").format(total, whole(choice.haul_tkm), whole(choice.opening_tkm),
                                      whole(choice.bound_tkm)))
        else:
            feedback.pushWarning(self.tr(
                "The time limit stopped the search before the proof: the best choice found "
                "totals {0} tonne-km and no choice totals less than {1}, a gap of {2}. Raise "
                "the time limit for the proven optimum.").format(
                    total, whole(choice.bound_tkm), numbers.share(choice.gap, 2)))

    def engine_error(self, error, candidate_label, source_label):
        """A translated QgsProcessingException for an input fault of the engine."""
        from ..core import siting as s

        numbers = number_format()
        whole = numbers.whole
        if isinstance(error, s.DuplicateCandidateIds):
            text = self.tr("{0}: these ids occur more than once: {1}. Each candidate needs its "
                           "own id.").format(candidate_label, id_list(error.ids))
        elif isinstance(error, s.InvalidVolumes):
            text = self.tr("{0}: these excavations have no positive volume: {1}. Give them "
                           "their surplus in m³ or leave them out.").format(
                               source_label, id_value_list(error.ids, error.values))
        elif isinstance(error, s.InvalidCandidateValues):
            what = (self.tr("capacity") if error.field == "capacity"
                    else self.tr("opening cost"))
            text = self.tr("{0}: these candidates have a missing or negative {1}: {2}.").format(
                candidate_label, what, id_value_list(error.ids, error.values))
        elif isinstance(error, s.UnreachableCandidates):
            text = self.tr("{0}: no excavation lies within {1} km of these candidates: {2}. "
                           "Leave them out or raise the maximum haul.").format(
                               candidate_label, numbers.trimmed(error.max_haul_km),
                               id_list(error.ids))
        elif isinstance(error, s.NoSourceInReach):
            text = self.tr("No excavation lies within {0} km of any candidate.").format(
                numbers.trimmed(error.max_haul_km))
        elif isinstance(error, s.SiteCountAboveCandidates):
            text = self.tr("{0} sites asked for, but there are only {1} candidates.").format(
                whole(error.site_count), whole(error.candidate_count))
        elif isinstance(error, s.SiteCountBelowExisting):
            text = self.tr("{0} sites asked for, but the {1} existing sites stay open and count "
                           "among them: {2}. Ask for at least {1}.").format(
                               whole(error.site_count), whole(len(error.existing_ids)),
                               id_list(error.existing_ids))
        elif isinstance(error, s.CapacityShortfall):
            text = self._shortfall(error, numbers)
        elif isinstance(error, s.SitingInfeasible):
            text = self.tr("No choice of {0} sites reaches every excavation within {1} km (with "
                           "room for its soil). Ask for more sites or raise the maximum haul; "
                           "the site-count table shows which counts can.").format(
                               whole(error.site_count), numbers.trimmed(error.max_haul_km))
        elif isinstance(error, s.NoChoiceInTime):
            text = self.tr("The time limit of {0} s passed before any choice serving every "
                           "excavation was found. Raise the time limit.").format(
                               numbers.trimmed(error.time_limit_s))
        else:
            text = self.tr("The optimiser stopped: {0}").format(str(error))
        return QgsProcessingException(text)

    def _shortfall(self, error, numbers):
        whole = numbers.whole
        if error.within_reach:
            return self.tr("The candidates within the maximum haul can hold at most {0} of the "
                           "{1} m³; {2} m³ has nowhere to go. Add capacity near those "
                           "excavations or raise the maximum haul.").format(
                               whole(error.capacity_m3), whole(error.volume_m3),
                               whole(error.shortfall_m3))
        if error.site_count is None:
            return self.tr("All candidates together hold {0} m³, {1} m³ short of the {2} m³ of "
                           "the excavations.").format(whole(error.capacity_m3),
                                                      whole(error.shortfall_m3),
                                                      whole(error.volume_m3))
        return self.tr("Even the {0} largest candidates hold only {1} m³, {2} m³ short of the "
                       "{3} m³ of the excavations. Ask for more sites.").format(
                           whole(error.site_count), whole(error.capacity_m3),
                           whole(error.shortfall_m3), whole(error.volume_m3))
