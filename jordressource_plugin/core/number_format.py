"""Numbers as a reader writes them in the user's language: thousands grouped, the locale's
decimal sign, shares in per cent.

"273,910 m³" reads as 273.91 to a Danish planner, so no message or report formats a number
with Python's English-only ``{:,.0f}``. The engine cannot ask QGIS for the locale: the caller
passes a ``NumberFormat`` in (the QGIS side builds it from QGIS's own locale setting, see
``jordressource_plugin.i18n.number_format``); the default is English.
"""
import math
from dataclasses import dataclass
from typing import Optional

NO_VALUE = "–"


@dataclass(frozen=True)
class NumberFormat:
    decimal: str = "."
    group: str = ","
    minus: str = "-"
    percent: str = "%"  # with the space before it where the language writes one ("25 %")

    def number(self, value: object, decimals: int = 0) -> str:
        """``value`` rounded to ``decimals`` places: ``273.910`` and ``2,5`` in Danish,
        ``273,910`` and ``2.5`` in English; a dash for a missing value."""
        number = _as_float(value)
        if number is None:
            return NO_VALUE if _missing(value) else str(value)
        if math.isinf(number):
            return (self.minus if number < 0 else "") + "∞"
        text = f"{abs(number):,.{max(int(decimals), 0)}f}"
        whole, _, fraction = text.partition(".")
        shown = whole.replace(",", self.group) + (self.decimal + fraction if fraction else "")
        negative = number < 0 and any(digit not in "0,." for digit in text)
        return (self.minus if negative else "") + shown

    def trimmed(self, value: object, decimals: int = 2) -> str:
        """``value`` to at most ``decimals`` places, without trailing zeros: a parameter as the
        planner typed it (1,3; 25; 2,05)."""
        shown = self.number(value, decimals)
        if self.decimal in shown and shown[-1].isdigit():
            shown = shown.rstrip("0").rstrip(self.decimal) if decimals > 0 else shown
        return shown

    def whole(self, value: object) -> str:
        """A count or a volume in whole units (m³, t, kg, kr.)."""
        return self.number(value, 0)

    def share(self, value: object, decimals: int = 0) -> str:
        """A share 0–1 in per cent: ``0.25`` is ``25 %`` in Danish, ``25%`` in English."""
        number = _as_float(value)
        if number is None or math.isnan(number):
            return NO_VALUE
        return self.number(100 * number, decimals) + self.percent

    def change(self, value: object, decimals: int = 0) -> str:
        """A relative change in per cent with its sign: ``+12 %``, ``-40 %``."""
        shown = self.share(value, decimals)
        if shown == NO_VALUE or shown.startswith(self.minus) or _as_float(value) == 0:
            return shown
        return "+" + shown


def _as_float(value: object) -> Optional[float]:
    """``value`` as a float, None when it is missing (None, NaN, pandas' NA) or no number."""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _missing(value: object) -> bool:
    return value is None or _as_float(value) is None and str(value) in ("<NA>", "nan", "NaT")


ENGLISH = NumberFormat()
DANISH = NumberFormat(decimal=",", group=".", minus="-", percent="\u00a0%")
