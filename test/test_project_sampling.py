"""Samples and their cost by the area-based rule, counted by hand."""
import numpy as np
import pytest

from jordressource_plugin.core.project.sampling import (
    CLASSIFIED,
    SUSPECTED,
    sampling_plan,
)


@pytest.mark.parametrize("tonnes, suspected, samples", [
    (0.0, False, 0),
    (1.0, False, 1),  # any soil that moves is sampled
    (120.0, False, 1),
    (120.5, False, 2),
    (1000.0, False, 9),  # 1000 / 120 = 8.33
    (30.0, True, 1),
    (31.0, True, 2),
    (1000.0, True, 34),  # 1000 / 30 = 33.3
    (float("nan"), True, 0),  # no volume known: nothing planned to move
    (-5.0, True, 0),
])
def test_one_sample_per_120_t_in_classified_areas_and_per_30_t_otherwise(tonnes, suspected,
                                                                         samples):
    plan = sampling_plan([tonnes], [suspected])
    assert plan.samples[0] == samples
    assert plan.cost_dkk[0] == samples * 1250.0
    assert plan.rule[0] == (SUSPECTED if suspected else CLASSIFIED)


def test_each_batch_is_rounded_up_on_its_own_and_totals_add_up():
    # 3 batches of 100 t in a classified area: 3 samples, not ceil(300 / 120) = 3 by chance;
    # 2 of 70 t suspected: 3 each.
    plan = sampling_plan([100, 100, 100, 70, 70], [False, False, False, True, True])
    assert list(plan.samples) == [1, 1, 1, 3, 3]
    assert plan.total_samples == 9
    assert plan.total_cost_dkk == 9 * 1250.0


def test_frequencies_and_price_are_parameters():
    plan = sampling_plan([500.0, 500.0], [False, True], classified_batch_t=250,
                         suspected_batch_t=100, price_dkk=900)
    assert list(plan.samples) == [2, 5]
    assert list(plan.batch_t) == [250, 100]
    np.testing.assert_allclose(plan.cost_dkk, [1800, 4500])
    with pytest.raises(ValueError):
        sampling_plan([1.0], [False], classified_batch_t=0)
