"""Where everything sits on a plan-map page, and the map's extent and scale: plain geometry in
millimetres and metres, no QGIS.

Every size grows with the paper (A3 is √2 times A4), so an A3 print reads like an enlarged A4.
Map scales are rounded up to the series 1, 1.5, 2, 2.5, 3, 4, 5, 7.5 × 10ⁿ (1:2.000, 1:2.500,
1:3.000, 1:4.000, 1:5.000, ...), scales plan maps are drawn and read at, so a page can be measured
with a scale ruler; the series is fine enough that rounding never shrinks an area by more than a
third (with 1, 2, 2.5, 5 alone a municipality could come out at half the size the page allows).
"""
import math
from dataclasses import dataclass

PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
NICE_SCALE_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5)
MIN_SCALE = 500.0


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, millimetres from the top left corner."""
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self):
        return self.y + self.h

    @property
    def right(self):
        return self.x + self.w


@dataclass(frozen=True)
class PageGeometry:
    paper: str
    landscape: bool
    width: float
    height: float
    unit: float  # 1 on A4, √2 on A3: multiplies every type size and spacing
    header: Box
    rule: Box
    map: Box
    panel: Box
    footer: Box


def page_geometry(paper: str, landscape: bool, panel_growth: float = 0.0) -> PageGeometry:
    """Where everything sits; ``panel_growth`` (mm on A4) widens the side panel of a landscape
    page or heightens the bottom panel of a portrait one, at the map's expense."""
    width, height = PAPER_MM[paper]
    if landscape:
        width, height = height, width
    unit = math.sqrt(width * height / (PAPER_MM["A4"][0] * PAPER_MM["A4"][1]))
    margin, gap = 10 * unit, 3 * unit
    inner = width - 2 * margin
    header = Box(margin, margin, inner, 16 * unit)
    rule = Box(margin, header.bottom + unit, inner, 0.7 * unit)
    footer = Box(margin, height - margin - 9 * unit, inner, 9 * unit)
    top, bottom = rule.bottom + gap, footer.y - gap
    if landscape:
        panel_width = (66 + panel_growth) * unit
        map_box = Box(margin, top, inner - panel_width - gap, bottom - top)
        panel = Box(map_box.right + gap, top, panel_width, map_box.h)
    else:
        panel_height = (54 + panel_growth) * unit
        map_box = Box(margin, top, inner, bottom - top - panel_height - gap)
        panel = Box(margin, map_box.bottom + gap, inner, panel_height)
    return PageGeometry(paper, landscape, width, height, unit, header, rule, map_box, panel, footer)


def nice_scale(scale: float) -> float:
    """The smallest scale of the series (NICE_SCALE_STEPS × 10ⁿ) at or above ``scale`` (at least
    1:500, below which a plan map shows nothing a planner needs)."""
    if not scale > MIN_SCALE:
        return MIN_SCALE
    exponent = math.floor(math.log10(scale))
    for power in (exponent, exponent + 1):
        for step in NICE_SCALE_STEPS:
            candidate = step * 10 ** power
            if candidate >= scale * (1 - 1e-9):
                return candidate
    return 10.0 ** (exponent + 1)


def page_extent(bounds, map_width_mm, map_height_mm, margin_share):
    """Map extent (x_min, y_min, x_max, y_max) and scale showing ``bounds`` centred, with
    ``margin_share`` of its size free on each side, at a nice scale, in map units (metres)."""
    x_min, y_min, x_max, y_max = bounds
    width = max(x_max - x_min, 1.0) * (1 + 2 * margin_share)
    height = max(y_max - y_min, 1.0) * (1 + 2 * margin_share)
    scale = nice_scale(max(width / (map_width_mm / 1000.0), height / (map_height_mm / 1000.0)))
    half_width = map_width_mm / 1000.0 * scale / 2
    half_height = map_height_mm / 1000.0 * scale / 2
    cx, cy = (x_min + x_max) / 2, (y_min + y_max) / 2
    return (cx - half_width, cy - half_height, cx + half_width, cy + half_height), scale
