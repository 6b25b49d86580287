"""What the HTML reports share: inline SVG charts, number formats, escaping, key-value tables and
one printable stylesheet. Labels come in translated and numbers are written in the reader's
language (``numbers_in``); nothing here depends on QGIS."""
import contextvars
import html
import io
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pandas as pd

from .number_format import NumberFormat

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn: it takes seconds to load
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

CSS = """
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #222;
       max-width: 60em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f0f0f0; }
table.kv th { background: #f7f7f7; font-weight: normal; }
.meta, .note { color: #666; font-size: 0.85em; }
figure { margin: 0.5em 0; } figure svg { max-width: 100%; height: auto; }
"""


def svg(figure: "Figure") -> str:
    """Inline SVG of a matplotlib figure. Text is drawn as paths: a browser's substitute font
    would not match the metrics the layout was computed with, and labels would be cut off."""
    import matplotlib

    tight_layout(figure)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "font.size": 9}):
        figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return "<figure>" + text[text.index("<svg"):] + "</figure>"


def png(figure: "Figure", dpi: int = 150) -> bytes:
    """The figure as PNG, for renderers without SVG (Qt's rich text, which prints the PDF)."""
    import matplotlib

    tight_layout(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.size": 9}):
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def tight_layout(figure: "Figure") -> None:
    if hasattr(figure, "set_layout_engine"):
        figure.set_layout_engine("tight")
    else:
        figure.set_tight_layout(True)


# Without a caller's format: thin-space thousands and a true minus, readable in Danish and
# English alike (what the engine writes when no language is known).
NEUTRAL = NumberFormat(decimal=".", group="\u202f", minus="−", percent=" %")
_NUMBERS = contextvars.ContextVar("report_numbers", default=NEUTRAL)


@contextmanager
def numbers_in(numbers: NumberFormat = None) -> Iterator[None]:
    """Inside the block, ``number``, ``share`` and chart ticks write numbers as ``numbers`` says
    (the QGIS side passes the user's locale: 273.910 in Danish). A context variable, so reports
    built at the same time in other threads keep their own."""
    token = _NUMBERS.set(numbers or NEUTRAL)
    try:
        yield
    finally:
        _NUMBERS.reset(token)


def thousands(axis: "Axis") -> None:
    """Axis ticks in the reports' number format, fixed when the axis is set up (the figure may
    be drawn later)."""
    from matplotlib.ticker import FuncFormatter

    numbers = _NUMBERS.get()
    axis.set_major_formatter(FuncFormatter(lambda value, _: numbers.number(value)))


def missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value))


def number(value: object, decimals: int = 0) -> str:
    """``value`` in the reader's number format (``numbers_in``); "–" for no value."""
    if missing(value):
        return "–"
    return _NUMBERS.get().number(value, decimals)


def trimmed(value: object, decimals: int = 2) -> str:
    """``value`` to at most ``decimals`` places without trailing zeros (a parameter as typed:
    120, 2,5), in the reader's number format; "–" for no value."""
    if missing(value):
        return "–"
    return _NUMBERS.get().trimmed(value, decimals)


def share(value: object, decimals: int = 0) -> str:
    """A share 0–1 in per cent in the reader's number format; "–" for no value."""
    if value is None or pd.isna(value):
        return "–"
    return _NUMBERS.get().share(value, decimals)


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def definition_list(items: dict) -> str:
    """A two-column table of name -> value, escaped."""
    if not items:
        return ""
    rows = "".join(f"<tr><th>{escape(key)}</th><td>{escape(value)}</td></tr>"
                   for key, value in items.items())
    return f"<table class='kv'>{rows}</table>"
