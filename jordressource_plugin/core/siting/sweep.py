"""What does each extra site buy? The optimum for every site count from 1 to k.

Each count is solved exactly (``pmedian.choose_sites``), starting from the previous count's
choice plus its best extra site, so the totals never rise with the count even where a time limit
stops a search: a choice of k sites plus one more is a choice of k + 1. Counts below the number
of existing sites, or too small to reach every excavation (or hold its soil), are reported as
infeasible rather than raised.
"""
from dataclasses import dataclass
from typing import Callable, List, Optional

import numpy as np

from .errors import CapacityShortfall, SiteCountBelowExisting, SitingInfeasible
from .heuristic import nearest_open
from .pmedian import SiteChoice, choose_sites
from .problem import SitingProblem


@dataclass
class SweepRow:
    site_count: int
    choice: Optional[SiteChoice]  # None: no choice of this many sites serves every excavation
    reason: str = ""  # why infeasible: "existing", "reach" or "capacity"


def sweep_site_counts(problem: SitingProblem, max_count: int,
                      time_limit_s: Optional[float] = None,
                      should_stop: Optional[Callable[[], bool]] = None,
                      log: Optional[Callable[[str], None]] = None) -> List[SweepRow]:
    """One row per site count 1..max_count. ``time_limit_s`` applies to each count."""
    rows, previous = [], None
    for count in range(1, max_count + 1):
        try:
            choice = choose_sites(problem, count, time_limit_s, should_stop, log,
                                  start=_one_more(problem, previous))
        except SiteCountBelowExisting:
            rows.append(SweepRow(count, None, "existing"))
            continue
        except CapacityShortfall:
            rows.append(SweepRow(count, None, "capacity"))
            continue
        except SitingInfeasible:
            rows.append(SweepRow(count, None, "reach"))
            continue
        rows.append(SweepRow(count, choice))
        previous = choice
    return rows


def _one_more(problem: SitingProblem, previous: Optional[SiteChoice]):
    """Start masks: the previous choice, and it plus the closed site that saves the most
    tonne-km."""
    if previous is None:
        return ()
    mask = np.zeros(problem.candidate_count, dtype=bool)
    mask[previous.open_sites] = True
    if mask.all():
        return (mask,)
    kept = mask.copy()
    _, km = nearest_open(problem, mask)
    gain = np.clip(km[problem.pair_source] - problem.pair_km, 0.0, None)
    saving = np.bincount(problem.pair_site, weights=problem.tonnes[problem.pair_source] * gain,
                         minlength=problem.candidate_count)
    saving[mask] = -np.inf
    mask[int(np.argmax(saving))] = True
    return kept, mask
