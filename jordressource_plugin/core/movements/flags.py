"""The flags a movement can carry, in the order of the public contract (`check_movements`), and
their text form: comma-separated codes in that order.

A movement's flags are held as one bit each in an integer, so that a million movements are
flagged, combined and counted with array operations.
"""
from typing import Dict

import numpy as np

DUPLICATE_ID = "duplicate_id"
UNKNOWN_SOURCE = "unknown_source"
UNKNOWN_RECEIVER = "unknown_receiver"
CLASS_NOT_ACCEPTED = "class_not_accepted"
OVER_CAPACITY = "over_capacity"
OVER_EXCAVATED = "over_excavated"
CROSS_AREA = "cross_area_without_analysis"
OUTSIDE_WINDOW = "outside_window"
IMPLAUSIBLE_HAUL = "implausible_haul"
OVER_PAYLOAD = "over_payload"
IMPOSSIBLE_TRAVEL = "impossible_travel"
NOT_IN_PLAN = "not_in_plan"

FLAGS = (DUPLICATE_ID, UNKNOWN_SOURCE, UNKNOWN_RECEIVER, CLASS_NOT_ACCEPTED, OVER_CAPACITY,
         OVER_EXCAVATED, CROSS_AREA, OUTSIDE_WINDOW, IMPLAUSIBLE_HAUL, OVER_PAYLOAD,
         IMPOSSIBLE_TRAVEL, NOT_IN_PLAN)
BIT = {code: np.uint16(1 << position) for position, code in enumerate(FLAGS)}


def flag_bits(masks: Dict[str, np.ndarray], count: int) -> np.ndarray:
    """One uint16 per movement with the bit of every flag whose mask is True."""
    bits = np.zeros(count, dtype=np.uint16)
    for code, mask in masks.items():
        bits[np.asarray(mask, dtype=bool)] |= BIT[code]
    return bits


def has_flag(bits: np.ndarray, code: str) -> np.ndarray:
    return (bits & BIT[code]) != 0


def codes_of(bits: int) -> list:
    """The codes of one bit set, in contract order."""
    return [code for code in FLAGS if int(bits) & int(BIT[code])]


def flag_texts(bits: np.ndarray) -> np.ndarray:
    """``"over_capacity,outside_window"`` per movement ("" when clean): each distinct
    combination is spelt once, then spread back to the movements."""
    distinct, inverse = np.unique(bits, return_inverse=True)
    spelt = np.array([",".join(codes_of(value)) for value in distinct], dtype=object)
    return spelt[inverse]
