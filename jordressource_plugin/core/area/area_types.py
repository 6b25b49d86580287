"""Area types of the area-based approach and the names planners give them.

Soil from an area without suspicion of contamination may move freely to another area of the
same type (urban to urban, agricultural to agricultural, industrial to industrial) without new
analyses, as in the Dutch and Flemish area-based approach. Values are matched case-insensitively
on whole words, so *Beregnet landzone* counts as *landzone*; CORINE Land Cover codes are mapped
by class. Anything unrecognised is ``other``, which never moves freely.
"""
import re
from typing import Iterable

URBAN = "urban"
AGRICULTURAL = "agricultural"
INDUSTRIAL = "industrial"
OTHER = "other"
AREA_TYPES = (URBAN, AGRICULTURAL, INDUSTRIAL)

_SYNONYMS = {
    URBAN: ("urban", "by", "byzone", "byområde", "byomraade", "bolig", "boliger", "boligområde",
            "boligomraade", "center", "centerområde", "centeromraade", "bykerne", "residential",
            "town", "city"),
    AGRICULTURAL: ("agricultural", "agriculture", "landzone", "landbrug", "jordbrug", "landområde",
                   "landomraade", "landbrugsområde", "arable", "farmland", "pasture", "pastures",
                   "rural"),
    INDUSTRIAL: ("industrial", "industry", "industri", "industriområde", "industriomraade",
                 "erhverv", "erhvervsområde", "erhvervsomraade", "havn", "havneområde",
                 "havneomraade", "port", "harbour", "harbor"),
}
_WORD_TO_TYPE = {word: area_type for area_type, words in _SYNONYMS.items() for word in words}
_WORD = re.compile(r"\w+", re.UNICODE)


def corine_area_type(code: int) -> str:
    """CORINE Land Cover 2018 code to area type: 111-112 urban fabric, 121 industrial or
    commercial units and 123 ports industrial, 211-244 agricultural areas."""
    if code in (111, 112):
        return URBAN
    if code in (121, 123):
        return INDUSTRIAL
    if 211 <= code <= 244:
        return AGRICULTURAL
    return OTHER


def normalise_area_type(value: object) -> str:
    """The area type a field value stands for: ``urban``, ``agricultural``, ``industrial`` or
    ``other``. Accepts the canonical names, Danish zone and land-use names and CORINE codes."""
    if value is None:
        return OTHER
    if isinstance(value, bool):
        return OTHER
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return OTHER
        return corine_area_type(int(value)) if float(value).is_integer() else OTHER
    text = str(value).strip().lower()
    if text.isdecimal():  # not isdigit: "¹" is a digit that int() cannot read
        return corine_area_type(int(text))
    for word in _WORD.findall(text):
        area_type = _WORD_TO_TYPE.get(word)
        if area_type is not None:
            return area_type
    return OTHER


def normalise_area_types(values: Iterable[object]) -> list:
    """``normalise_area_type`` over a sequence, computed once per distinct value."""
    cache = {}
    result = []
    for value in values:
        if value not in cache:
            cache[value] = normalise_area_type(value)
        result.append(cache[value])
    return result
