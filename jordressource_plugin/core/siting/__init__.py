"""Where should resource sites go: the exact (capacitated) p-median over candidate sites.

``prepare`` checks the input and builds the problem, ``choose_sites`` solves one site count to a
proven optimum, ``sweep_site_counts`` solves every count from 1 up. See ``pmedian`` for the
method.
"""
from .errors import (
    CapacityShortfall,
    DuplicateCandidateIds,
    InvalidCandidateValues,
    InvalidVolumes,
    NoChoiceInTime,
    NoSourceInReach,
    SiteCountAboveCandidates,
    SiteCountBelowExisting,
    SitingCancelled,
    SitingInfeasible,
    SitingInputError,
    UnreachableCandidates,
)
from .pmedian import OPTIMAL, TIME_LIMIT, SiteChoice, choose_sites
from .problem import SitingInput, SitingProblem, prepare
from .sweep import SweepRow, sweep_site_counts

__all__ = [
    "CapacityShortfall", "DuplicateCandidateIds", "InvalidCandidateValues", "InvalidVolumes",
    "NoChoiceInTime", "NoSourceInReach", "SiteCountAboveCandidates", "SiteCountBelowExisting",
    "SitingCancelled", "SitingInfeasible", "SitingInputError", "UnreachableCandidates",
    "OPTIMAL", "TIME_LIMIT", "SiteChoice", "choose_sites", "SitingInput", "SitingProblem",
    "prepare", "SweepRow", "sweep_site_counts",
]
