"""Why a siting run cannot start or has no answer: one class per cause, each carrying the ids and
values the planner needs, so that the Processing algorithm can name them in a translated
message. The English message is for scripts and logs."""
from typing import Optional, Sequence


class SitingInputError(ValueError):
    """Bad input the planner must fix."""


class DuplicateCandidateIds(SitingInputError):
    def __init__(self, ids: Sequence):
        self.ids = list(ids)
        super().__init__(f"Candidate ids occur more than once: {', '.join(map(str, self.ids))}")


class InvalidVolumes(SitingInputError):
    """Excavations with a volume that is zero, negative or missing."""

    def __init__(self, ids: Sequence, values: Sequence):
        self.ids, self.values = list(ids), list(values)
        pairs = ", ".join(f"{i} ({v})" for i, v in zip(self.ids, self.values))
        super().__init__(f"Excavations need a positive volume: {pairs}")


class InvalidCandidateValues(SitingInputError):
    """Candidates with a negative or missing capacity or opening cost (``field``)."""

    def __init__(self, field: str, ids: Sequence, values: Sequence):
        self.field, self.ids, self.values = field, list(ids), list(values)
        pairs = ", ".join(f"{i} ({v})" for i, v in zip(self.ids, self.values))
        super().__init__(f"Candidates with a negative or missing {field}: {pairs}")


class UnreachableCandidates(SitingInputError):
    """Candidates with no excavation within the maximum haul: they could serve nothing."""

    def __init__(self, ids: Sequence, max_haul_km: float):
        self.ids, self.max_haul_km = list(ids), max_haul_km
        super().__init__(f"No excavation within {max_haul_km:g} km of candidates: "
                         f"{', '.join(map(str, self.ids))}")


class NoSourceInReach(SitingInputError):
    def __init__(self, max_haul_km: float):
        self.max_haul_km = max_haul_km
        super().__init__(f"No excavation lies within {max_haul_km:g} km of any candidate.")


class SiteCountAboveCandidates(SitingInputError):
    def __init__(self, site_count: int, candidate_count: int):
        self.site_count, self.candidate_count = site_count, candidate_count
        super().__init__(f"{site_count} sites asked for, but there are only {candidate_count} "
                         f"candidates.")


class SiteCountBelowExisting(SitingInputError):
    def __init__(self, site_count: int, existing_ids: Sequence):
        self.site_count, self.existing_ids = site_count, list(existing_ids)
        super().__init__(f"{site_count} sites asked for, but {len(self.existing_ids)} existing "
                         f"sites stay open: {', '.join(map(str, self.existing_ids))}")


class CapacityShortfall(SitingInputError):
    """The capacity cannot hold the soil. ``site_count`` is None when even every candidate
    together falls short; ``within_reach`` when the shortfall comes from the maximum haul (the
    soil that no open capacity within reach can take)."""

    def __init__(self, shortfall_m3: float, volume_m3: float, capacity_m3: float,
                 site_count: Optional[int] = None, within_reach: bool = False):
        self.shortfall_m3, self.volume_m3, self.capacity_m3 = shortfall_m3, volume_m3, capacity_m3
        self.site_count, self.within_reach = site_count, within_reach
        where = "every candidate" if site_count is None else f"the best {site_count} sites"
        reach = " within the maximum haul" if within_reach else ""
        super().__init__(f"The capacity of {where}{reach} ({capacity_m3:,.0f} m³) falls short "
                         f"of the {volume_m3:,.0f} m³ to place by {shortfall_m3:,.0f} m³.")


class SitingInfeasible(SitingInputError):
    """No choice of ``site_count`` sites serves every excavation within the maximum haul (and
    capacity, when given)."""

    def __init__(self, site_count: int, max_haul_km: float):
        self.site_count, self.max_haul_km = site_count, max_haul_km
        super().__init__(f"No choice of {site_count} sites reaches every excavation within "
                         f"{max_haul_km:g} km with room for its soil.")


class NoChoiceInTime(RuntimeError):
    """The time limit passed before any choice serving every excavation was found."""

    def __init__(self, time_limit_s: float):
        self.time_limit_s = time_limit_s
        super().__init__(f"No choice serving every excavation was found within "
                         f"{time_limit_s:g} s.")


class SitingCancelled(RuntimeError):
    """The run was cancelled through ``should_stop``."""
