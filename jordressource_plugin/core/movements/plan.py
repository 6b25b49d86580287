"""The plan a movement log is reconciled with: tonnes planned from one site to another.

A plan is any table of planned flows with a from-id, a to-id and tonnes: the matches of
``match_reuse`` (``source_id``, ``receiver_id``, ``tonnes``) or the flows of
``schedule_reuse`` (``from_id``, ``to_id``, ``tonnes``, one row per month and leg: direct, to
and from storage, to disposal). Rows of the same pair are added up: the plan's tonnes on a pair
are its total over the horizon.
"""
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .. import tables as t
from .log import id_texts

# The field names of the two plan outputs, tried in this order when none are chosen.
PLAN_FIELD_NAMES = (("source_id", "receiver_id"), ("from_id", "to_id"))
PLAN_TONNES_FIELD = "tonnes"


@dataclass
class PlannedFlows:
    from_id: np.ndarray  # str, one row per distinct pair
    to_id: np.ndarray
    tonnes: np.ndarray  # planned tonnes on the pair, summed

    def __len__(self) -> int:
        return len(self.from_id)


def plan_fields(field_names: Sequence[str]) -> Optional[Tuple[str, str]]:
    """The (from, to) fields of a ``match_reuse`` or ``schedule_reuse`` output, or None."""
    for pair in PLAN_FIELD_NAMES:
        if all(name in field_names for name in pair):
            return pair
    return None


def read_plan(table: Mapping[str, Sequence], from_field: str, to_field: str,
              tonnes_field: str) -> Tuple[PlannedFlows, t.Report]:
    """Planned tonnes per (from, to) pair. Rows without both ids are noted and left out; their
    tonnes are read as ``core.tables`` reads numbers (refusals in the report)."""
    from_id = id_texts(table[from_field])
    to_id = id_texts(table[to_field])
    count = len(from_id)
    labels = np.arange(1, count + 1).astype(str).astype(object)
    tonnes, report = t.read_values(table[tonnes_field], labels, tonnes_field)
    incomplete = (from_id == "") | (to_id == "")
    report.add(t.MISSING_ID, t.SKIPPED, t.ID, f"{from_field}/{to_field}", labels[incomplete],
               [None] * int(incomplete.sum()))
    keep = ~incomplete
    grouped = (pd.DataFrame({"from_id": from_id[keep], "to_id": to_id[keep],
                             "tonnes": np.nan_to_num(tonnes[keep])})
               .groupby(["from_id", "to_id"], sort=True)["tonnes"].sum().reset_index())
    return PlannedFlows(grouped["from_id"].to_numpy(dtype=object),
                        grouped["to_id"].to_numpy(dtype=object),
                        grouped["tonnes"].to_numpy(dtype=float)), report
