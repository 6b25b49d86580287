"""The inspector's view per actor: every registered excavation and receiver, every id the log
names that no register holds, and every vehicle, with what moved, what was registered and the
flags of its movements.

An excavation's movements are those it sent; a receiver's those it received and, for a resource
site, those it sent on; a vehicle's those it carried. ``balance_t`` = registered − moved: what
an excavation has left to send or a receiver can still take (negative: over). A resource site's
theoretical stock is its opening stock + received − sent, the quantity an inspector can
compare with the heap on site.
"""
from typing import Tuple

import numpy as np
import pandas as pd

from . import flags as f
from .log import MovementLog
from .registers import SiteRegister
from .risk import actor_risk

SOURCE = "source"
RECEIVER = "receiver"
VEHICLE = "vehicle"


def actor_summary(log: MovementLog, sources: SiteRegister, receivers: SiteRegister,
                  origin: np.ndarray, receiver: np.ndarray, bits: np.ndarray,
                  risk: np.ndarray) -> pd.DataFrame:
    """One row per actor: role, id, known, kind, movements, moved_t, registered_t, balance_t,
    received_t, sent_t, stock_t, flagged, flag_counts, risk, x, y."""
    ns, nr = len(sources), len(receivers)
    unknown_sources, unknown_source_of = _unknown(log.source_id, origin < 0)
    unknown_receivers, unknown_receiver_of = _unknown(log.receiver_id, receiver < 0)
    vehicles, vehicle_of = _unknown(log.vehicle, log.vehicle != "")
    base_receivers = ns + len(unknown_sources)
    base_vehicles = base_receivers + nr + len(unknown_receivers)
    actor_count = base_vehicles + len(vehicles)
    rows = np.arange(len(log))

    # (actor, movement, direction) memberships: 0 sent, 1 received, 2 carried.
    sent_by_excavation = (origin >= 0) & (origin < ns)
    sent_by_receiver = origin >= ns
    parts = [
        (origin[sent_by_excavation], rows[sent_by_excavation], 0),
        (ns + unknown_source_of[origin < 0], rows[origin < 0], 0),
        (base_receivers + receiver[receiver >= 0], rows[receiver >= 0], 1),
        (base_receivers + nr + unknown_receiver_of[receiver < 0], rows[receiver < 0], 1),
        (base_receivers + origin[sent_by_receiver] - ns, rows[sent_by_receiver], 0),
        (base_vehicles + vehicle_of[log.vehicle != ""], rows[log.vehicle != ""], 2),
    ]
    actor = np.concatenate([p[0] for p in parts]).astype(np.int64)
    movement = np.concatenate([p[1] for p in parts]).astype(np.int64)
    direction = np.concatenate([np.full(len(p[1]), p[2], dtype=np.int8) for p in parts])
    tonnes = np.nan_to_num(log.tonnes)[movement]

    def total(mask=None):
        chosen = np.ones(len(actor), bool) if mask is None else mask
        return np.bincount(actor[chosen], weights=tonnes[chosen], minlength=actor_count)

    sent, received, carried = total(direction == 0), total(direction == 1), total(direction == 2)
    role = np.array([SOURCE] * base_receivers + [RECEIVER] * (base_vehicles - base_receivers)
                    + [VEHICLE] * len(vehicles), dtype=object)
    moved = np.where(role == SOURCE, sent, np.where(role == RECEIVER, received, carried))
    registered = np.concatenate([sources.registered_t, np.full(len(unknown_sources), np.nan),
                                 receivers.registered_t, np.full(len(unknown_receivers), np.nan),
                                 np.full(len(vehicles), np.nan)])
    opening = np.concatenate([np.full(base_receivers, np.nan), receivers.opening_t,
                              np.full(actor_count - base_receivers - nr, np.nan)])
    sends = np.concatenate([np.zeros(base_receivers, bool), receivers.sends,
                            np.zeros(actor_count - base_receivers - nr, bool)])
    stock = np.where(sends, np.nan_to_num(opening) + received - sent, np.nan)
    xy = np.vstack([sources.xy, np.full((len(unknown_sources), 2), np.nan), receivers.xy,
                    np.full((actor_count - base_receivers - nr, 2), np.nan)])
    flagged_movement = bits[movement] != 0
    counts = {code: np.bincount(actor[(bits[movement] & f.BIT[code]) != 0],
                                minlength=actor_count) for code in f.FLAGS}
    ids = np.concatenate([sources.ids, unknown_sources, receivers.ids, unknown_receivers,
                          vehicles]).astype(object)
    ids[ids == ""] = None
    frame = pd.DataFrame({
        "role": role,
        "id": ids,
        "known": np.r_[np.ones(ns, bool), np.zeros(len(unknown_sources), bool),
                       np.ones(nr, bool), np.zeros(len(unknown_receivers), bool),
                       np.ones(len(vehicles), bool)],
        "kind": np.concatenate([np.full(base_receivers, None, dtype=object),
                                _or_none(receivers.kind),
                                np.full(actor_count - base_receivers - nr, None, dtype=object)]),
        "movements": np.bincount(actor, minlength=actor_count),
        "moved_t": moved,
        "registered_t": registered,
        "balance_t": registered - moved,
        "received_t": np.where(role == RECEIVER, received, np.nan),
        "sent_t": np.where(role == VEHICLE, np.nan, sent),
        "stock_t": stock,
        "flagged": np.bincount(actor[flagged_movement], minlength=actor_count),
        "flag_counts": _count_texts(counts, actor_count),
        "risk": actor_risk(actor, risk[movement], log.tonnes[movement], actor_count),
        "x": xy[:, 0],
        "y": xy[:, 1],
    })
    return frame


def _unknown(values: np.ndarray, mask: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """The distinct values under ``mask`` (in order of first appearance) and, per movement,
    the position of its value among them (-1 outside the mask)."""
    codes, distinct = pd.factorize(np.asarray(values, dtype=object)[mask])
    of = np.full(len(values), -1, dtype=np.int64)
    of[mask] = codes
    return np.asarray(distinct, dtype=object), of


def _or_none(kinds: np.ndarray) -> np.ndarray:
    kinds = np.asarray(kinds, dtype=object).copy()
    kinds[kinds == ""] = None
    return kinds


def _count_texts(counts: dict, actor_count: int) -> np.ndarray:
    """``"over_capacity: 3, outside_window: 1"`` per actor, codes in contract order; None for
    an actor without flags."""
    texts = np.full(actor_count, None, dtype=object)
    table = np.column_stack([counts[code] for code in f.FLAGS])
    for row in np.flatnonzero(table.any(axis=1)):
        texts[row] = ", ".join(f"{code}: {table[row, k]}" for k, code in enumerate(f.FLAGS)
                               if table[row, k])
    return texts
