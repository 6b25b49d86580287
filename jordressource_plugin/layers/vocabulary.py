"""The values the data model stores in English codes (area types, receiver kinds, distance
methods), as a planner reads them in a message: in the user's language, in the glossary's terms
(i18n/GLOSSARY.md). The stored values stay the codes, so that data and scripts are the same in
every language."""
from ..i18n import translate


def _translatable(context: str, text: str) -> str:
    return text


# pylupdate5 collects strings from calls of this name; they are translated when shown.
QT_TRANSLATE_NOOP = _translatable

AREA_TYPES = {
    "urban": QT_TRANSLATE_NOOP("Vocabulary", "urban area"),
    "industrial": QT_TRANSLATE_NOOP("Vocabulary", "industrial area"),
    "agricultural": QT_TRANSLATE_NOOP("Vocabulary", "agricultural area"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "other"),
}
RECEIVER_KINDS = {
    "pit": QT_TRANSLATE_NOOP("Vocabulary", "raw-material pit"),
    "resource_site": QT_TRANSLATE_NOOP("Vocabulary", "resource site"),
    "utilisation": QT_TRANSLATE_NOOP("Vocabulary", "utilisation project"),
}
DISTANCE_METHODS = {
    "network": QT_TRANSLATE_NOOP("Vocabulary", "along the roads"),
    "straight": QT_TRANSLATE_NOOP("Vocabulary", "straight line × detour factor"),
}


def _named(names, code) -> str:
    text = names.get(str(code)) if code is not None else None
    return translate("Vocabulary", text) if text else str(code)


def area_type_name(code) -> str:
    """``urban`` → "byområde" in Danish; an unknown code as it is."""
    return _named(AREA_TYPES, code)


def receiver_kind_name(code) -> str:
    return _named(RECEIVER_KINDS, code)


def distance_method(code) -> str:
    return _named(DISTANCE_METHODS, code)
