"""Normalisation of area-type values: canonical names, Danish zone and land-use names, CORINE
codes; anything else is `other`."""
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from jordressource_plugin.core.area.area_types import (
    AGRICULTURAL,
    AREA_TYPES,
    INDUSTRIAL,
    OTHER,
    URBAN,
    corine_area_type,
    normalise_area_type,
    normalise_area_types,
)

CASES = [
    # canonical names, any case, surrounding space
    ("urban", URBAN), ("Urban", URBAN), ("  INDUSTRIAL ", INDUSTRIAL),
    ("agricultural", AGRICULTURAL),
    ("other", OTHER),
    # Danish zone status (Plandata.dk) and land use
    ("Byzone", URBAN), ("byzone", URBAN), ("Beregnet landzone", AGRICULTURAL),
    ("Landzone", AGRICULTURAL), ("Sommerhuszone", OTHER), ("sommerhuszone", OTHER),
    ("Boligområde", URBAN), ("Centerområde", URBAN), ("by", URBAN), ("Erhvervsområde", INDUSTRIAL),
    ("Erhverv", INDUSTRIAL), ("industri", INDUSTRIAL), ("Havn", INDUSTRIAL),
    ("Havneområde", INDUSTRIAL), ("landbrug", AGRICULTURAL), ("Jordbrug", AGRICULTURAL),
    ("Rekreativt område", OTHER), ("Offentlige formål", OTHER),
    # whole words only: "by" inside another word does not count
    ("Byggeri", OTHER), ("Bybjerg", OTHER), ("Nyby", OTHER),
    # CORINE Land Cover codes as numbers and as text
    (111, URBAN), (112, URBAN), ("112", URBAN), (121, INDUSTRIAL), (123, INDUSTRIAL),
    (122, OTHER), (131, OTHER), (132, OTHER), (141, OTHER), (211, AGRICULTURAL),
    (231, AGRICULTURAL), (244, AGRICULTURAL), (245, OTHER), (311, OTHER), (523, OTHER),
    (112.0, URBAN), (112.5, OTHER),
    # missing or meaningless values
    (None, OTHER), ("", OTHER), ("   ", OTHER), (float("nan"), OTHER), (True, OTHER),
    ("-", OTHER),
]


@pytest.mark.parametrize("value, expected", CASES, ids=[repr(case[0]) for case in CASES])
def test_known_values(value, expected):
    assert normalise_area_type(value) == expected


def test_every_corine_code_follows_the_contract():
    for code in range(100, 600):
        expected = (URBAN if code in (111, 112) else INDUSTRIAL if code in (121, 123)
                    else AGRICULTURAL if 211 <= code <= 244 else OTHER)
        assert corine_area_type(code) == expected, code


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
@example("¹")  # a digit to str.isdigit, not to int()
def test_any_value_maps_to_one_of_the_four(value):
    assert normalise_area_type(value) in AREA_TYPES + (OTHER,)


@given(st.lists(st.sampled_from(["byzone", "landzone", "erhverv", "havn", "sommerhus", "by",
                                  "beregnet", "center", "-", " ", "æøå", "x1"]), max_size=5),
       st.lists(st.booleans(), min_size=5, max_size=5))
def test_upper_or_lower_case_gives_the_same_type(words, upper):
    text = " ".join(w.upper() if u else w for w, u in zip(words, upper))
    assert normalise_area_type(text) == normalise_area_type(" ".join(words))


@given(st.lists(st.sampled_from(["Byzone", "Beregnet landzone", 121, None, "havn", "x"]),
                max_size=40))
def test_sequence_matches_one_by_one(values):
    assert normalise_area_types(values) == [normalise_area_type(v) for v in values]
