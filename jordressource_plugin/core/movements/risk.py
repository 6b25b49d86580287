"""The risk score: where an inspector should look first.

A movement's risk is the chance that at least one of its flags points to a real breach, if each
flag did so independently with its weight ``w``: ``risk = 100 · (1 − Π (1 − w))`` over the
movement's flags, 0 for a clean movement, never above 100, and higher with every further flag.
The weights rank what a flag says about the soil and the record (the help explains each):

- 0.7 ``class_not_accepted``: soil more contaminated than the receiver may take, the direct
  harm the rules exist to prevent;
- 0.6 ``unknown_source``, ``unknown_receiver``: soil with no registered origin or
  destination, the core of the soil-fraud cases (untraceable soil, illegal dumping);
- 0.5 ``over_capacity``, ``over_excavated``, ``impossible_travel``: more soil than a receiver
  may take or a site can produce (soil laundered under a clean site's name), or a record
  that cannot be true;
- 0.4 ``cross_area_without_analysis``: the area-based rule broken, unknown soil spread;
- 0.3 ``duplicate_id``, ``implausible_haul``: a load counted twice, or a haul no one pays for
  without a reason (a false origin or destination);
- 0.2 ``outside_window``, ``over_payload``: usually an administrative slip or several loads
  in one record;
- 0.15 ``not_in_plan``: a deviation from the plan, not a breach by itself.

An actor's risk (an excavation, a receiver, a vehicle) is the tonnes-weighted mean risk of its
movements: the share of its soil that moved under suspicion, scaled like a movement's risk.
Where no movement has tonnes, the plain mean.
"""
from typing import Dict

import numpy as np

from . import flags as f

WEIGHTS: Dict[str, float] = {
    f.DUPLICATE_ID: 0.3,
    f.UNKNOWN_SOURCE: 0.6,
    f.UNKNOWN_RECEIVER: 0.6,
    f.CLASS_NOT_ACCEPTED: 0.7,
    f.OVER_CAPACITY: 0.5,
    f.OVER_EXCAVATED: 0.5,
    f.CROSS_AREA: 0.4,
    f.OUTSIDE_WINDOW: 0.2,
    f.IMPLAUSIBLE_HAUL: 0.3,
    f.OVER_PAYLOAD: 0.2,
    f.IMPOSSIBLE_TRAVEL: 0.5,
    f.NOT_IN_PLAN: 0.15,
}


def movement_risk(bits: np.ndarray) -> np.ndarray:
    """Risk 0–100 per movement from its flag bits, computed once per distinct combination."""
    distinct, inverse = np.unique(bits, return_inverse=True)
    clean_share = np.ones(len(distinct))
    for code, weight in WEIGHTS.items():
        clean_share *= np.where((distinct & f.BIT[code]) != 0, 1.0 - weight, 1.0)
    return (100.0 * (1.0 - clean_share))[inverse]


def actor_risk(actor: np.ndarray, risk: np.ndarray, tonnes: np.ndarray,
               actor_count: int) -> np.ndarray:
    """Tonnes-weighted mean risk per actor (``actor`` index per movement, -1 for none); NaN for
    an actor without movements."""
    rows = actor >= 0
    weight = np.where(np.isfinite(tonnes) & (tonnes > 0), tonnes, 0.0)[rows]
    index = actor[rows]
    weighted = np.bincount(index, weights=weight * risk[rows], minlength=actor_count)
    total = np.bincount(index, weights=weight, minlength=actor_count)
    plain = np.bincount(index, weights=risk[rows], minlength=actor_count)
    count = np.bincount(index, minlength=actor_count)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, weighted / total,
                        np.where(count > 0, plain / np.maximum(count, 1), np.nan))
