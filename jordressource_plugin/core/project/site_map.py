"""The site map of a soil management plan: the project's polygons coloured by what leaves or
comes in at the planned level, with their labels, a scale bar and a north arrow (a situation
plan needs both: municipalities ask for "målestok og nordpil" on every soil movement map).

Drawn with matplotlib in the polygons' own projected CRS (metres, north up), so the scale bar
is true."""
import math
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..reporting import number

if TYPE_CHECKING:  # matplotlib is imported when the map is drawn: it takes seconds to load
    from matplotlib.figure import Figure

SURPLUS = "#a6611a"  # soil leaves the polygon
DEFICIT = "#018571"  # soil must come in
BALANCED = "#dfc27d"
NO_DATA = "#eeeeee"
MAX_LABELS = 60  # more labels than this cover the map; the tables name every polygon


def site_map_figure(geometries: Sequence, labels: Sequence, net_m3: Sequence[float],
                    text: dict) -> "Figure":
    """A matplotlib Figure: ``geometries`` (shapely polygons in metres, None allowed),
    ``labels`` and ``net_m3`` per polygon (NaN: no volume). ``text`` holds the legend's
    ``map_surplus``, ``map_deficit``, ``map_balanced``, ``map_no_data`` and ``north``."""
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    drawn = []
    for geometry, label, net in zip(geometries, labels, net_m3):
        if geometry is None or geometry.is_empty:
            continue
        drawn.append((geometry, label, _colour(net)))
    if not drawn:
        figure = Figure(figsize=(7.5, 1.0))
        figure.add_subplot(1, 1, 1).set_axis_off()
        return figure
    bounds = np.array([geometry.bounds for geometry, _, _ in drawn])
    minx, miny = bounds[:, 0].min(), bounds[:, 1].min()
    maxx, maxy = bounds[:, 2].max(), bounds[:, 3].max()
    pad = 0.06 * max(maxx - minx, maxy - miny, 1.0)
    # as tall as the project's shape needs, between a strip and a page
    aspect = (maxy - miny + 3.5 * pad) / (maxx - minx + 2 * pad)
    figure = Figure(figsize=(7.5, min(max(7.5 * aspect, 2.5), 8.5) + 0.6))
    axes = figure.add_subplot(1, 1, 1)
    # one collection draws hundreds of polygons in one go; a patch each is slow
    paths, colours = [], []
    for geometry, _, colour in drawn:
        for path in _paths(geometry):
            paths.append(path)
            colours.append(colour)
    axes.add_collection(PathCollection(paths, facecolors=colours, edgecolors="#333333",
                                       linewidths=0.6))
    axes.set_xlim(minx - pad, maxx + pad)
    axes.set_ylim(miny - 2.5 * pad, maxy + pad)
    axes.set_aspect("equal")
    axes.set_axis_off()
    if len(drawn) <= MAX_LABELS:
        for geometry, label, _ in drawn:
            point = geometry.representative_point()
            axes.annotate(str(label), (point.x, point.y), ha="center", va="center",
                          fontsize=7, color="#111111")
    _scale_bar(axes, minx - pad, miny - 2.5 * pad, maxx - minx + 2 * pad, pad)
    axes.annotate(text["north"], xy=(0.97, 0.97), xytext=(0.97, 0.86),
                  xycoords="axes fraction", ha="center", va="center", fontsize=9,
                  arrowprops=dict(arrowstyle="-|>", color="#333333"))
    legend = [Patch(facecolor=SURPLUS, edgecolor="#333333", label=text["map_surplus"]),
              Patch(facecolor=DEFICIT, edgecolor="#333333", label=text["map_deficit"]),
              Patch(facecolor=BALANCED, edgecolor="#333333", label=text["map_balanced"]),
              Patch(facecolor=NO_DATA, edgecolor="#333333", label=text["map_no_data"])]
    axes.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=4,
                fontsize="small", frameon=False)
    return figure


def _colour(net):
    if net is None or not np.isfinite(net):
        return NO_DATA
    if abs(net) < 0.5:  # under half a cubic metre either way: nothing to truck
        return BALANCED
    return SURPLUS if net > 0 else DEFICIT


def _paths(geometry):
    """Matplotlib paths of a polygon or multipolygon's parts, holes included."""
    from matplotlib.path import Path

    parts = geometry.geoms if hasattr(geometry, "geoms") else [geometry]
    for part in parts:
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        vertices, codes = [], []
        for ring in [part.exterior, *part.interiors]:
            xy = np.asarray(ring.coords)[:, :2]
            vertices.append(xy)
            codes.append([Path.MOVETO] + [Path.LINETO] * (len(xy) - 2) + [Path.CLOSEPOLY])
        yield Path(np.vstack(vertices), np.concatenate(codes))


def scale_bar_length(width_m: float) -> float:
    """A round length (1, 2 or 5 × 10^k m) of at most a quarter of the map's width."""
    target = max(width_m / 4.0, 1e-9)
    power = 10 ** math.floor(math.log10(target))
    return max(step * power for step in (1, 2, 5) if step * power <= target)


def _scale_bar(axes, x0, y0, width_m, pad):
    length = scale_bar_length(width_m)
    x, y = x0 + 0.5 * pad, y0 + 0.9 * pad
    axes.plot([x, x + length], [y, y], color="#111111", linewidth=2.5, solid_capstyle="butt")
    text = f"{number(length / 1000)} km" if length >= 1000 else f"{number(length)} m"
    axes.annotate(text, (x + length / 2, y), xytext=(0, 4), textcoords="offset points",
                  ha="center", va="bottom", fontsize=8)
