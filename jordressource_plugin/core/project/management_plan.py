"""The tables of a soil management plan, from the terrain balance, the sampling plan and the
options catalogue: one row per project polygon, one per batch of surplus soil, one per option.

A batch is a polygon with surplus soil at the planned level (cut above fill): that soil leaves
the polygon, is sampled, and goes to a receiver or to disposal. Fill elsewhere in the project
is the first place for it (``project_totals`` says how much the project can keep), but which
polygon's soil fills which is the builder's choice; the catalogue shows each batch's options
beyond the site.
"""
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..terrain.balanced_level import TerrainBalance
from .options import OptionsCatalogue
from .sampling import SamplingPlan

POLYGON_COLUMNS = ("planned_level_m", "cut_m3", "fill_m3", "net_m3", "surplus_m3", "tonnes",
                   "valid_share", "balanced_level_m", "balanced_shift_m", "balanced_cut_m3",
                   "balanced_fill_m3", "reason")


def polygon_table(balance: TerrainBalance, density_t_m3: float,
                  planned_levels: Optional[Sequence[float]] = None) -> pd.DataFrame:
    """Per polygon: the plan's volumes, the balanced level and design, and the reason a value
    is missing (the earthwork status: ``no_level`` where only the plan is missing)."""
    volumes = balance.volumes
    count = len(volumes.cut_m3)
    reason = np.where(volumes.status == "no_level", "no_level", balance.reason)
    return pd.DataFrame({
        "planned_level_m": (np.full(count, np.nan) if planned_levels is None
                            else np.asarray(planned_levels, dtype=float)),
        "cut_m3": volumes.cut_m3,
        "fill_m3": volumes.fill_m3,
        "net_m3": volumes.net_m3,
        "surplus_m3": volumes.surplus_m3,
        "tonnes": volumes.tonnes(density_t_m3),
        "valid_share": volumes.valid_share,
        "balanced_level_m": balance.balanced_level_m,
        "balanced_shift_m": balance.balanced_shift_m,
        "balanced_cut_m3": balance.balanced_cut_m3,
        "balanced_fill_m3": balance.balanced_fill_m3,
        "reason": reason.astype(object),
    })


def project_totals(polygons: pd.DataFrame, balance: TerrainBalance, density_t_m3: float) -> dict:
    """The project's sums. ``kept_m3``: surplus the project's own deficits could take (the
    smaller of the two sums); ``leaving_m3``: what remains to leave the site."""
    surplus = float(np.nansum(polygons["surplus_m3"]))
    deficit = float(np.nansum(np.clip(-polygons["net_m3"].to_numpy(dtype=float), 0, None)))
    return {
        "cut_m3": float(np.nansum(polygons["cut_m3"])),
        "fill_m3": float(np.nansum(polygons["fill_m3"])),
        "net_m3": float(np.nansum(polygons["net_m3"])),
        "surplus_m3": surplus,
        "deficit_m3": deficit,
        "kept_m3": min(surplus, deficit),
        "leaving_m3": max(surplus - deficit, 0.0),
        "tonnes": surplus * density_t_m3,
        "project_shift_m": balance.project_shift_m,
        "project_cut_m3": balance.project_cut_m3,
    }


def batch_positions(polygons: pd.DataFrame) -> np.ndarray:
    """Positions of the polygons whose soil leaves them: surplus above zero."""
    surplus = polygons["surplus_m3"].to_numpy(dtype=float)
    return np.flatnonzero(np.isfinite(surplus) & (surplus > 0))


def batch_table(labels: Sequence[str], sites: pd.DataFrame, sampling: SamplingPlan,
                catalogue: OptionsCatalogue, disposal_labels: Sequence[str]) -> pd.DataFrame:
    """One row per batch: ``sites`` (label order) holds name, area_type, suspected, soil_class,
    soil_type, start_date, end_date, volume_m3 and tonnes; ``disposal_labels`` names the
    disposal sites (a baseline choice, site −1, has none)."""
    disposal = catalogue.disposal
    names = np.array([None] + list(disposal_labels), dtype=object)
    table = sites.reset_index(drop=True).copy()
    table.insert(0, "label", [str(label) for label in labels])
    table["sample_rule"] = sampling.rule
    table["batch_t"] = sampling.batch_t
    table["samples"] = sampling.samples
    table["sampling_cost_dkk"] = sampling.cost_dkk
    table["feasible_count"] = catalogue.feasible_count
    table["disposal_label"] = names[disposal.site + 1]
    table["disposal_km"] = disposal.haul_km
    table["disposal_cost_dkk_t"] = disposal.cost_dkk_t
    table["plan_cost_dkk_t"] = catalogue.plan_cost_dkk_t
    return table


def option_table(catalogue: OptionsCatalogue, batch_labels: Sequence[str],
                 receiver_labels: Sequence[str], receiver_kinds: Sequence[Optional[str]],
                 density_t_m3: float) -> pd.DataFrame:
    """The catalogue's options with the batch's and receiver's labels, the receiver's kind and
    its capacity in m³."""
    options = catalogue.options.copy()
    batch_labels = np.asarray([str(label) for label in batch_labels], dtype=object)
    receiver_labels = np.asarray([str(label) for label in receiver_labels], dtype=object)
    kinds = np.asarray(list(receiver_kinds), dtype=object)
    source = options["source"].to_numpy(dtype=np.int64)
    receiver = options["receiver"].to_numpy(dtype=np.int64)
    options.insert(0, "batch", batch_labels[source] if len(source) else [])
    options.insert(2, "receiver_label", receiver_labels[receiver] if len(receiver) else [])
    options.insert(3, "receiver_kind", kinds[receiver] if len(receiver) else [])
    options["capacity_m3"] = options["capacity_t"] / density_t_m3
    return options.rename(columns={"receiver": "receiver_position"}).rename(
        columns={"receiver_label": "receiver"})
