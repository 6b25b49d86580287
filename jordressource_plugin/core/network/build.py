"""Road topology from any line layer (GeoDanmark road centre lines, OSM highways, a municipality's
own roads), built with array operations only.

Rule (the contract's `haul_matrix`): lines that share an endpoint or an interior vertex, within
the snap tolerance, are connected; lines that only cross (a bridge over a road, a tunnel under it)
are not, because no vertex is shared there. Every snapped vertex is a node, placed where its
first vertex lies; every pair of consecutive vertices a segment between their nodes; segments of
zero length (or folded to one node by snapping) are dropped.

Each segment gives two half-edges (2s along the digitising direction, 2s+1 against it), each with
its own weight and an `allowed` flag, so one-way streets and speed-based costs are a change of
those two arrays, not of the algorithms. Chains of degree-2 nodes (the vertices that only shape a
road) are contracted by pointer jumping: every half-edge learns the last half-edge of its chain,
the weight from its start to the chain's end and the number of forbidden half-edges on the way.
Only junctions (degree other than 2) enter the shortest-path graph, which on real road data is a
fraction of the vertices.
"""
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree


@dataclass
class LineVertices:
    xy: np.ndarray  # (V, 2) vertex coordinates in metres
    part: np.ndarray  # (V,) running number of the single-part line each vertex belongs to
    line: np.ndarray  # (V,) position of the input line each vertex belongs to
    skipped_lines: int  # input lines without any usable line part (null, empty, not a line)


@dataclass
class Topology:
    """Segments, nodes and the contracted chains of a road network."""
    start_xy: np.ndarray  # (S, 2) segment start (its node's position), in digitising order
    end_xy: np.ndarray  # (S, 2)
    length_m: np.ndarray  # (S,)
    line: np.ndarray  # (S,) input line of each segment
    tail: np.ndarray  # (2S,) node each half-edge leaves
    head: np.ndarray  # (2S,) node each half-edge reaches
    weight: np.ndarray  # (2S,) cost of a half-edge (its length today)
    allowed: np.ndarray  # (2S,) bool: may be driven in this direction
    next_half_edge: np.ndarray  # (2S,) the following half-edge of the chain, -1 at a junction
    last_half_edge: np.ndarray  # (2S,) last half-edge of the chain, walking on from this one
    to_end: np.ndarray  # (2S,) weight from this half-edge's start to the chain's end
    blocked_to_end: np.ndarray  # (2S,) forbidden half-edges from this one to the chain's end
    is_junction: np.ndarray  # (N,) bool per node
    component: np.ndarray  # (N,) connected part of the network each node belongs to
    node_count: int
    dropped_segments: int  # zero-length or collapsed by snapping
    skipped_lines: int

    @property
    def segment_count(self) -> int:
        return len(self.length_m)

    def first_half_edge(self, half_edge: np.ndarray) -> np.ndarray:
        """First half-edge of the chain that ``half_edge`` lies on, in its direction."""
        return self.last_half_edge[half_edge ^ 1] ^ 1

    def half_edge_from_xy(self, half_edge: np.ndarray) -> np.ndarray:
        segment = half_edge >> 1
        return np.where(np.asarray(half_edge & 1)[..., None] == 0,
                        self.start_xy[segment], self.end_xy[segment])

    def half_edge_to_xy(self, half_edge: np.ndarray) -> np.ndarray:
        segment = half_edge >> 1
        return np.where(np.asarray(half_edge & 1)[..., None] == 0,
                        self.end_xy[segment], self.start_xy[segment])


def line_vertices(lines: Iterable) -> LineVertices:
    """Vertices of every single-part line of a GeoSeries, multi-parts exploded, Z and M dropped."""
    import geopandas as gpd
    import shapely

    geometries = np.asarray(gpd.GeoSeries(lines).values)  # an object array, not a Python loop
    if hasattr(shapely, "get_parts"):  # shapely 2: one vectorised call
        array = np.empty(len(geometries), dtype=object)
        array[:] = geometries
        parts = np.asarray(shapely.get_parts(array))
        part_line = np.repeat(np.arange(len(geometries)), shapely.get_num_geometries(array))
        keep = np.isin(shapely.get_type_id(parts), (1, 2)) & ~shapely.is_empty(parts)
        parts, part_line = parts[keep], part_line[keep]
        xy, part = shapely.get_coordinates(parts, return_index=True)
    else:  # shapely 1.8: reading WKB is several times faster than .coords
        from shapely.geos import WKBWriter, lgeos

        writer = WKBWriter(lgeos)  # one writer: geometry.wkb would build one per line
        pieces, part_line = [], []
        for position, geometry in enumerate(geometries):
            if geometry is not None and not geometry.is_empty:
                for coords in _wkb_lines(writer.write(geometry)):
                    pieces.append(coords)
                    part_line.append(position)
        counts = np.array([len(p) for p in pieces], dtype=np.int64)
        xy = np.concatenate(pieces) if pieces else np.zeros((0, 2))
        part = np.repeat(np.arange(len(pieces)), counts)
    part_line = np.asarray(part_line, dtype=np.int64)
    skipped = len(geometries) - len(np.unique(part_line))
    return LineVertices(np.asarray(xy, dtype=float).reshape(-1, 2),
                        np.asarray(part, dtype=np.int64),
                        part_line[part] if len(part) else np.zeros(0, np.int64), skipped)


def _wkb_lines(wkb: bytes, offset: int = 0, found=None):
    """(n, 2) coordinate arrays of the line parts in a WKB geometry (ISO or extended WKB, 2D, Z, M
    or ZM, either byte order); other geometry types yield nothing. Returns (parts, next offset)
    when called on a nested geometry."""
    top = found is None
    found = [] if top else found
    order = "<" if wkb[offset] == 1 else ">"
    code = int.from_bytes(wkb[offset + 1:offset + 5], "little" if order == "<" else "big")
    dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)
    base = code & 0xFFFF
    if base >= 1000:
        dims = 2 + (base // 1000 in (1, 3)) + (base // 1000 in (2, 3))
        base %= 1000
    offset += 5
    count = int.from_bytes(wkb[offset:offset + 4], "little" if order == "<" else "big")
    offset += 4
    if base == 2:
        coords = np.frombuffer(wkb, dtype=order + "f8", count=count * dims, offset=offset)
        if count > 1:
            found.append(coords.reshape(count, dims)[:, :2])
        offset += 8 * count * dims
    elif base in (4, 5, 6, 7):  # multi-parts and collections: their members in turn
        for _ in range(count):
            _, offset = _wkb_lines(wkb, offset, found)
    elif base == 1:
        offset += 8 * dims - 4  # a point has no count: step back over the 4 bytes read
    elif base == 3:  # polygons are not roads; skip their rings
        for _ in range(count):
            points = int.from_bytes(wkb[offset:offset + 4], "little" if order == "<" else "big")
            offset += 4 + 8 * points * dims
    return found if top else (found, offset)


def snap_vertices(xy: np.ndarray, tolerance_m: float, part: np.ndarray = None) -> np.ndarray:
    """Node id of each vertex: vertices within ``tolerance_m`` of each other (transitively) share
    one node. Exact duplicates are merged first, so the k-d tree holds each location once.

    With ``part`` (the line part of each vertex), two vertices of the same part are snapped only
    when both are its endpoints (a ring closing on itself): a road digitised densely, with
    vertices closer than the tolerance, must keep its own shape instead of collapsing into one
    node or a chord.
    """
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    ordered = xy[order]
    first = np.r_[True, np.any(ordered[1:] != ordered[:-1], axis=1)]
    unique_xy = ordered[first]
    inverse = np.empty(len(xy), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    if tolerance_m <= 0 or len(unique_xy) < 2:
        return inverse
    pairs = cKDTree(unique_xy).query_pairs(tolerance_m, output_type="ndarray")
    if len(pairs) and part is not None:
        pairs = pairs[_snappable(pairs, inverse, np.asarray(part), len(unique_xy))]
    if not len(pairs):
        return inverse
    count = len(unique_xy)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(count, count))
    _, cluster = connected_components(graph, directed=False)
    return cluster[inverse]


def _snappable(pairs, location, part, count):
    """Which location pairs may snap: from different parts, or both ends of one part."""
    endpoint = np.r_[True, part[1:] != part[:-1]] | np.r_[part[:-1] != part[1:], True]
    owner = np.full(count, -1, dtype=np.int64)
    owner[location] = part
    shared = np.zeros(count, dtype=bool)
    shared[location[owner[location] != part]] = True  # a location used by several parts
    at_end = np.zeros(count, dtype=bool)
    at_end[location[endpoint]] = True
    a, b = pairs[:, 0], pairs[:, 1]
    return (owner[a] != owner[b]) | shared[a] | shared[b] | (at_end[a] & at_end[b])


FORWARD_WORDS = {"1", "yes", "true", "y", "ft", "forward"}
BACKWARD_WORDS = {"-1", "reverse", "backward", "tf"}


def oneway_directions(values: Sequence) -> np.ndarray:
    """One-way values as 1 (along the digitising direction), -1 (against it) or 0 (both ways).

    Understands OpenStreetMap's `oneway` (yes/1/true, -1/reverse), the FT/TF codes of many road
    datasets and plain numbers; anything else (empty, no, 0) is two-way."""
    result = np.zeros(len(values), dtype=np.int64)
    for k, value in enumerate(values):
        word = "" if value is None else str(value).strip().lower()
        if word.endswith(".0"):
            word = word[:-2]
        result[k] = 1 if word in FORWARD_WORDS else -1 if word in BACKWARD_WORDS else 0
    return result


def build_topology(lines: Iterable, snap_tolerance_m: float = 1.0,
                   oneway: Optional[Sequence] = None) -> Topology:
    """The topology of ``lines`` (a GeoSeries in a metric CRS).

    ``oneway`` (optional, one value per line): 0 both ways, 1 only along the digitising
    direction, -1 only against it.
    """
    vertices = line_vertices(lines)
    node = (snap_vertices(vertices.xy, snap_tolerance_m, vertices.part) if len(vertices.xy)
            else np.zeros(0, int))
    # Each node sits where its first vertex is, and segments run between nodes: as in QGIS's
    # graph builder, a road's length is kept when snapping folds a short segment away.
    node_xy = np.zeros((node.max() + 1 if len(node) else 0, 2))
    _, first_vertex = np.unique(node, return_index=True)
    node_xy[node[first_vertex]] = vertices.xy[first_vertex]
    consecutive = np.nonzero(vertices.part[1:] == vertices.part[:-1])[0]
    start, end = consecutive, consecutive + 1
    keep = node[start] != node[end]
    dropped = int(len(start) - keep.sum())
    start, end = start[keep], end[keep]
    start_xy, end_xy = node_xy[node[start]], node_xy[node[end]]
    length = np.hypot(*(end_xy - start_xy).T) if len(start) else np.zeros(0)
    line = vertices.line[start]

    # Renumber nodes to those that carry a segment.
    used, compact = np.unique(np.concatenate([node[start], node[end]]), return_inverse=True)
    count = len(start)
    start_node, end_node = compact[:count], compact[count:]
    node_count = len(used)

    tail = np.empty(2 * count, dtype=np.int64)
    head = np.empty(2 * count, dtype=np.int64)
    tail[0::2], tail[1::2] = start_node, end_node
    head[0::2], head[1::2] = end_node, start_node
    weight = np.repeat(length, 2)
    allowed = np.ones(2 * count, dtype=bool)
    if oneway is not None and count:
        direction = np.asarray(oneway, dtype=float)[line]
        allowed[0::2] = direction >= 0
        allowed[1::2] = direction <= 0

    degree = np.bincount(tail, minlength=node_count)
    graph = coo_matrix((np.ones(count), (start_node, end_node)), shape=(node_count, node_count))
    _, component = connected_components(graph, directed=False)
    is_junction = degree != 2
    # A ring with no junction (a roundabout drawn on its own) would never end a chain.
    has_junction = np.bincount(component, weights=is_junction, minlength=component.max() + 1
                               if node_count else 0) > 0
    _, first_node = np.unique(component, return_index=True)
    ring_start = first_node[~has_junction[component[first_node]]]
    is_junction[ring_start] = True

    next_half_edge = _chain_successors(tail, head, is_junction)
    last, to_end, blocked = _rank_chains(next_half_edge, weight, ~allowed)
    return Topology(start_xy, end_xy, length, line, tail, head, weight,
                    allowed, next_half_edge, last, to_end, blocked, is_junction, component,
                    node_count, dropped, vertices.skipped_lines)


def _chain_successors(tail, head, is_junction):
    """For each half-edge into a degree-2 node, the half-edge that continues the road beyond it."""
    half_edges = np.arange(len(tail))
    order = np.argsort(tail, kind="stable")
    interior_out = order[~is_junction[tail[order]]]  # two per interior node, side by side
    partner = np.full(len(tail), -1, dtype=np.int64)
    partner[interior_out[0::2]] = interior_out[1::2]
    partner[interior_out[1::2]] = interior_out[0::2]
    successor = np.full(len(tail), -1, dtype=np.int64)
    into_interior = ~is_junction[head]
    successor[into_interior] = partner[half_edges[into_interior] ^ 1]
    return successor


def _rank_chains(successor, weight, blocked):
    """Pointer jumping (Wyllie's list ranking): last half-edge, weight and blocked count from each
    half-edge to the end of its chain, in O(log longest chain) vectorised rounds."""
    last = np.arange(len(successor))
    to_end = weight.astype(float).copy()
    blocked_to_end = blocked.astype(np.int64)
    pointer = successor.copy()
    active = np.nonzero(pointer >= 0)[0]
    while len(active):
        step = pointer[active]
        to_end[active] += to_end[step]
        blocked_to_end[active] += blocked_to_end[step]
        last[active] = last[step]
        pointer[active] = pointer[step]
        active = active[pointer[active] >= 0]
    return last, to_end, blocked_to_end
