"""Sampling: how many soil samples a batch of surplus soil needs before it moves, and their cost.

The minimum sampling frequency of the Danish soil-movement order (jordflytningsbekendtgørelsen,
BEK nr. 1452 af 07/12/2015, bilag 2), as the municipalities restate it for planners (e.g.
Fredericia, Frederikssund and Vesthimmerland municipalities' guidance on moving soil):

- soil from an area covered by the area classification (områdeklassificering, in practice the
  urban zone) or from a public road, and not from a mapped contaminated site: at least one
  sample per 120 t;
- soil from a mapped site (V1/V2), or soil that is to be used where it must be documented as
  clean: at least one sample per 30 t.

The plugin's area-based reading of this (``classify_area_types``, ``match_reuse``): a site
with a recognised area type and outside every mapped contaminated site moves freely and takes
the 120 t rule; a suspected site (on a mapped site, or in no recognised area type) takes the
30 t rule. Without an area-type layer only mapped sites make a site suspected, as in
``match_reuse``. A municipality's approved soil management plan may lower the number; the
frequencies are parameters.

Each batch is sampled on its own, so its count is rounded up: 31 t at one per 30 t is two
samples. The price per analysis is the one the reuse engine prices analyses with
(``costs.ANALYSIS_PRICE_DKK``: about 1,250 DKK per sample).
"""
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..reuse.costs import ANALYSIS_BATCH_T, ANALYSIS_PRICE_DKK

CLASSIFIED_BATCH_T = 120.0  # one sample per this many tonnes: classified area, not suspected
SUSPECTED_BATCH_T = ANALYSIS_BATCH_T  # 30 t: mapped or suspected sites, documented clean soil

# Which rule applies to a batch.
CLASSIFIED = "classified"
SUSPECTED = "suspected"


@dataclass
class SamplingPlan:
    """Per batch, in input order."""
    tonnes: np.ndarray
    rule: np.ndarray  # CLASSIFIED or SUSPECTED
    batch_t: np.ndarray  # tonnes per sample under that rule
    samples: np.ndarray  # int: samples to take
    cost_dkk: np.ndarray

    @property
    def total_samples(self) -> int:
        return int(self.samples.sum())

    @property
    def total_cost_dkk(self) -> float:
        return float(self.cost_dkk.sum())


def sampling_plan(tonnes: Sequence[float], suspected: Sequence[bool],
                  classified_batch_t: float = CLASSIFIED_BATCH_T,
                  suspected_batch_t: float = SUSPECTED_BATCH_T,
                  price_dkk: float = ANALYSIS_PRICE_DKK) -> SamplingPlan:
    """Samples of each batch of ``tonnes`` (NaN or ≤ 0: nothing moves, no sample) by its
    ``suspected`` flag, and their cost at ``price_dkk`` per sample."""
    if classified_batch_t <= 0 or suspected_batch_t <= 0:
        raise ValueError("tonnes per sample must be positive")
    tonnes = np.asarray(tonnes, dtype=float)
    suspected = np.asarray(suspected, dtype=bool)
    batch_t = np.where(suspected, float(suspected_batch_t), float(classified_batch_t))
    moving = np.where(np.isfinite(tonnes) & (tonnes > 0), tonnes, 0.0)
    # A whisker of float noise over a whole number of batches is not another sample.
    samples = np.ceil(moving / batch_t - 1e-9).astype(np.int64)
    return SamplingPlan(tonnes, np.where(suspected, SUSPECTED, CLASSIFIED).astype(object),
                        batch_t, samples, samples * float(price_dkk))
