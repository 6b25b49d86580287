"""Prices, rates and the disposal alternative of soil that is not reused.

Every default below is a planning value a user can override; the help of `match_reuse` gives
the reasoning and sources:

- bulk density 1.8 t/m³: typical in-situ density of moist Danish clay till and sand;
- truck payload 25 t: a tipper semitrailer on Danish roads;
- transport 2.0 DKK per tonne-km: a heavy truck's operating and driver cost of roughly
  20–25 DKK per vehicle-km, driven loaded out and empty back with 25 t (2 × 22.5 / 25 ≈ 1.8);
- one analysis per 30 t at about 1,250 DKK when soil crosses area types or comes from a
  suspected site (sampling frequency of the Danish soil-movement order,
  jordflytningsbekendtgørelsen);
- 0.1 kg CO2 per tonne-km: a heavy diesel truck including the empty return;
- gate fee 70 DKK/t: middle of the 50–90 DKK/t Danish receiving sites charge for clean soil;
- baseline haul 25 km: a typical haul to a regional soil receiving site, used when no disposal
  site is given or reachable.
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..network.haul import HaulPairs, straight_haul_pairs

DENSITY_T_M3 = 1.8
TRUCK_PAYLOAD_T = 25.0
TRANSPORT_COST_DKK_TKM = 2.0
ANALYSIS_PRICE_DKK = 1250.0
ANALYSIS_BATCH_T = 30.0
ANALYSIS_COST_DKK_T = round(ANALYSIS_PRICE_DKK / ANALYSIS_BATCH_T, 2)
CO2_KG_TKM = 0.1
DEFAULT_GATE_FEE_DKK_T = 70.0
BASELINE_HAUL_KM = 25.0
DETOUR_FACTOR = 1.3
MAX_HAUL_KM = 30.0
# Road ends and vertices closer than this join: GeoDanmark's road centre lines meet exactly,
# digitised roads from other sources usually within a metre.
SNAP_TOLERANCE_M = 1.0
# The snap tolerance closes digitising gaps; beyond this it joins roads that do not meet (two
# roads 400 m apart become one, and a haul between them shrinks to nothing).
SNAP_TOLERANCE_MAX_M = 50.0
# A site farther than this from any road is named in the log: its straight access leg, counted
# in the haul, is then long enough to matter.
ACCESS_WARNING_M = 500.0

# (source_xy (n, 2), target_xy (m, 2), max_haul_km) -> HaulPairs, straight or along roads.
HaulPairsFunction = Callable[[np.ndarray, np.ndarray, float], HaulPairs]


def straight_haul(detour_factor: float = DETOUR_FACTOR) -> HaulPairsFunction:
    """Haul pairs as straight lines times ``detour_factor``."""
    def haul_pairs(source_xy, target_xy, max_haul_km):
        return straight_haul_pairs(source_xy, target_xy, max_haul_km, detour_factor)
    return haul_pairs


@dataclass(frozen=True)
class CostRates:
    """Prices and conversion factors of one run."""
    density_t_m3: float = DENSITY_T_M3
    truck_payload_t: float = TRUCK_PAYLOAD_T
    transport_dkk_tkm: float = TRANSPORT_COST_DKK_TKM
    analysis_dkk_t: float = ANALYSIS_COST_DKK_T
    co2_kg_tkm: float = CO2_KG_TKM
    baseline_haul_km: float = BASELINE_HAUL_KM
    default_gate_fee_dkk_t: float = DEFAULT_GATE_FEE_DKK_T

    def __post_init__(self):
        if self.density_t_m3 <= 0 or self.truck_payload_t <= 0:
            raise ValueError("density and truck payload must be positive")


@dataclass
class DisposalChoice:
    """Where each source's unreused soil goes: the disposal site minimising haul cost plus gate
    fee, or the baseline assumption when no site is given or reachable (``site`` = -1)."""
    site: np.ndarray  # int index into the disposal sites, -1 for the baseline
    haul_km: np.ndarray
    gate_fee_dkk_t: np.ndarray
    cost_dkk_t: np.ndarray  # transport to the site plus its gate fee, per tonne


def choose_disposal(source_xy: np.ndarray, disposal_xy: np.ndarray, gate_fee_dkk_t: np.ndarray,
                    rates: CostRates, haul_pairs: HaulPairsFunction) -> DisposalChoice:
    """The cheapest disposal site per source, at any distance; a site without a fee (NaN)
    charges the default fee. Ties go to the site listed first."""
    count = len(source_xy)
    site = np.full(count, -1, dtype=np.int64)
    haul_km = np.full(count, float(rates.baseline_haul_km))
    fee = np.full(count, float(rates.default_gate_fee_dkk_t))
    disposal_xy = np.asarray(disposal_xy, dtype=float).reshape(-1, 2)
    if count and len(disposal_xy):
        fees = np.asarray(gate_fee_dkk_t, dtype=float).reshape(-1)
        fees = np.where(np.isfinite(fees), fees, rates.default_gate_fee_dkk_t)
        pairs = haul_pairs(np.asarray(source_xy, dtype=float), disposal_xy, float("inf"))
        if len(pairs):
            cost = rates.transport_dkk_tkm * pairs.distance_km + fees[pairs.target]
            order = np.lexsort((pairs.target, cost, pairs.source))
            first = order[np.r_[True, np.diff(pairs.source[order]) != 0]]
            reached = pairs.source[first]
            site[reached] = pairs.target[first]
            haul_km[reached] = pairs.distance_km[first]
            fee[reached] = fees[pairs.target[first]]
    return DisposalChoice(site, haul_km, fee, rates.transport_dkk_tkm * haul_km + fee)


def disposal_reach_km(choice: DisposalChoice, gate_fee_dkk_t: np.ndarray,
                      rates: CostRates) -> np.ndarray:
    """Per source, the longest haul to a disposal site that could still be its cheapest: the
    choice costs ``choice.cost_dkk_t`` per tonne, and a site hauled farther than (that cost -
    the lowest gate fee) / transport cost costs more whatever its fee. Computed on part of a road
    network (hauls there are never shorter than on the whole network when every site joins the
    same road), it bounds how far the roads must reach for the choice to be the whole network's
    (``core.geometry.extent``). Infinite where no disposal site was reached, or transport is
    free."""
    count = len(choice.site)
    fees = np.asarray(gate_fee_dkk_t, dtype=float).reshape(-1)
    fees = np.where(np.isfinite(fees), fees, rates.default_gate_fee_dkk_t)
    if not len(fees) or rates.transport_dkk_tkm <= 0:
        return np.full(count, np.inf)
    reach = (choice.cost_dkk_t - fees.min()) / rates.transport_dkk_tkm
    return np.where(choice.site >= 0, np.maximum(reach, choice.haul_km), np.inf)
