"""A generated road network: regional roads between towns, town street grids, village lanes,
access roads and a motorway with interchanges and bridges."""
import math

import numpy as np

from . import INDUSTRIAL_CODES, URBAN_CODES
from .places import lines_of, random_point_in, substring

# Holbækmotorvejen (rute 21) from the east through Vipperød and Holbæk, west towards Svinninge.
MOTORWAY_WAYPOINTS = ((681500, 6171200), (676000, 6172300), (672600, 6174300),
                      (670200, 6175300), (666000, 6176300), (660000, 6177300),
                      (655200, 6176300), (647800, 6175600))
INTERCHANGE_TOWNS = ("Vipperød", "Holbæk", "Svinninge")


def wiggle(a, b, rng, step_m=400.0, amplitude_m=250.0):
    """A rural road from a to b: a line with a smooth random sideways drift, ends fixed."""
    from scipy import ndimage
    from shapely.geometry import LineString
    a, b = np.asarray(a, float), np.asarray(b, float)
    length = float(np.hypot(*(b - a)))
    count = max(int(length // step_m), 2)
    t = np.linspace(0, 1, count + 1)
    drift = ndimage.gaussian_filter1d(rng.standard_normal(count + 1), 1.5) * amplitude_m
    drift *= np.sin(np.pi * t)  # zero at both ends
    normal = np.array([-(b - a)[1], (b - a)[0]]) / length
    coords = a + np.outer(t, b - a) + np.outer(drift, normal)
    return LineString(coords)


class LandRouter:
    """Least-cost paths over a grid of the land, so that roads between towns go round the fjords:
    a sea cell costs 50 land cells, and smooth noise on land makes the routes wander."""

    def __init__(self, land, rng, cell_m=200.0):
        from rasterio import features
        from rasterio.transform import from_origin
        from scipy import ndimage, sparse
        minx, miny, maxx, maxy = land.bounds
        self.cell_m, self.minx, self.maxy = cell_m, minx, maxy
        rows, cols = int((maxy - miny) / cell_m) + 1, int((maxx - minx) / cell_m) + 1
        self.cols = cols
        on_land = features.rasterize([(land, 1)], out_shape=(rows, cols), dtype="uint8",
                                     transform=from_origin(minx, maxy, cell_m, cell_m)) == 1
        noise = ndimage.gaussian_filter(rng.standard_normal((rows, cols)), 4)
        cost = np.where(on_land, 1.0 + (noise - noise.min()) / np.ptp(noise), 50.0)
        ids = np.arange(rows * cols).reshape(rows, cols)
        starts, ends, weights = [], [], []
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            here = (slice(0, rows - dr), slice(max(0, -dc), cols - max(0, dc)))
            there = (slice(dr, rows), slice(max(0, dc), cols - max(0, -dc)))
            starts.append(ids[here].ravel())
            ends.append(ids[there].ravel())
            weights.append(((cost[here] + cost[there]) / 2 * math.hypot(dr, dc) * cell_m).ravel())
        self.graph = sparse.coo_matrix(
            (np.concatenate(weights), (np.concatenate(starts), np.concatenate(ends))),
            shape=(rows * cols,) * 2).tocsr()
        self._trees = {}

    def _node(self, xy):
        return (int((self.maxy - xy[1]) // self.cell_m) * self.cols
                + int((xy[0] - self.minx) // self.cell_m))

    def _xy(self, node):
        row, col = divmod(node, self.cols)
        return (self.minx + (col + 0.5) * self.cell_m, self.maxy - (row + 0.5) * self.cell_m)

    def route(self, a, b):
        """(road from a to b, its cost): the least-cost cell path, simplified and smoothed."""
        from scipy.sparse.csgraph import dijkstra
        from shapely.geometry import LineString
        start, end = self._node(a), self._node(b)
        if start not in self._trees:
            self._trees[start] = dijkstra(self.graph, directed=False, indices=start,
                                          return_predecessors=True)
        costs, previous = self._trees[start]
        path = [end]
        while path[-1] != start:
            path.append(int(previous[path[-1]]))
        coords = [tuple(b)] + [self._xy(n) for n in path[1:-1]] + [tuple(a)]
        line = LineString(coords[::-1]).simplify(self.cell_m * 0.6)
        return LineString(_chaikin(np.asarray(line.coords))), float(costs[end])


def _chaikin(points, iterations=2):
    """Corner cutting: a polyline rounded like a road, ends kept."""
    for _ in range(iterations):
        cut_a = 0.75 * points[:-1] + 0.25 * points[1:]
        cut_b = 0.25 * points[:-1] + 0.75 * points[1:]
        points = np.vstack([points[:1], np.column_stack([cut_a, cut_b]).reshape(-1, 2),
                            points[-1:]])
    return points


def town_grid(area, centre, rng, spacing_m=180.0):
    """Local streets: a rotated grid over the town's built-up area, clipped to it."""
    from shapely import affinity
    from shapely.geometry import LineString
    angle = rng.uniform(0, 90)
    unrotated = affinity.rotate(area, -angle, origin=centre)
    minx, miny, maxx, maxy = unrotated.bounds
    lines = []
    # grid lines through the centre, so that the town's main streets meet there
    first_x = centre[0] - spacing_m * math.ceil((centre[0] - minx) / spacing_m)
    first_y = centre[1] - spacing_m * math.ceil((centre[1] - miny) / spacing_m)
    for x in np.arange(first_x, maxx, spacing_m):
        lines.append(LineString([(x, miny), (x, maxy)]))
    for y in np.arange(first_y, maxy, spacing_m):
        lines.append(LineString([(minx, y), (maxx, y)]))
    clipped = []
    for line in lines:
        piece = affinity.rotate(line, angle, origin=centre).intersection(area)
        clipped.extend(lines_of(piece))
    return clipped


def build_roads(landcover, land, sea, towns, motorway, sites_for_access, rng):
    """Regional roads between towns (a spanning tree plus short cycles, round the fjords),
    town street grids, village lanes and access roads, noded so that lines share a vertex at
    every junction; the motorway crosses them on bridges and joins only at interchanges."""
    import geopandas as gpd
    from scipy.sparse.csgraph import minimum_spanning_tree
    from scipy.spatial import Delaunay
    from shapely.geometry import LineString, MultiLineString, Point
    from shapely.ops import unary_union

    built = landcover[landcover.clc_code.isin(URBAN_CODES + INDUSTRIAL_CODES)]
    names = list(towns)
    xy = np.array([towns[n] for n in names])

    router = LandRouter(land, rng)
    edges = set()
    for simplex in Delaunay(xy).simplices:
        for i in range(3):
            a, b = sorted((int(simplex[i]), int(simplex[(i + 1) % 3])))
            edges.add((a, b))
    routes = {e: router.route(xy[e[0]], xy[e[1]]) for e in sorted(edges)
              if np.hypot(*(xy[e[0]] - xy[e[1]])) < 14000}
    weights = np.zeros((len(names), len(names)))
    for (a, b), (_, cost) in routes.items():
        weights[a, b] = cost
    tree = minimum_spanning_tree(weights).tocoo()
    chosen = {tuple(sorted((int(a), int(b)))) for a, b in zip(tree.row, tree.col)}
    extra = sorted(set(routes) - chosen, key=lambda e: routes[e][1])[:5]
    sources = []  # (line, road_class, name)
    for a, b in sorted(chosen | set(extra)):
        sources.append((routes[(a, b)][0], "regional", f"{names[a]}vej–{names[b]}"))

    for name in names:
        centre = towns[name]
        parts = [g for g in built.geometry if g.distance(Point(centre)) < 2500]
        if not parts:
            continue
        area = unary_union(parts).buffer(80).intersection(land)
        for line in town_grid(area, centre, rng):
            sources.append((line, "local", f"{name} by"))

    regional = [line for line, kind, _ in sources if kind == "regional"]
    regional_vertices = np.array([c for line in regional for c in line.coords])
    road_of_vertex = np.array([n for n, line in enumerate(regional) for _ in line.coords])
    farmland = landcover[landcover.clc_code.between(211, 244)]
    farm_share = farmland.area.to_numpy() / farmland.area.sum()
    for number in range(25):
        village = random_point_in(farmland.geometry.iloc[int(rng.choice(len(farmland),
                                                                         p=farm_share))], rng)
        order = np.argsort(np.hypot(*(regional_vertices - [village.x, village.y]).T))
        targets = [order[0]]
        if number % 2:  # every other village lies on a lane joining two regional roads
            targets.append(next(i for i in order if road_of_vertex[i] != road_of_vertex[order[0]]))
        for target in regional_vertices[targets]:
            lane = wiggle((village.x, village.y), target, rng, 250, 120)
            if lane.intersection(sea).length < 50 and lane.length < 4000:
                sources.append((lane, "local", f"Bivej {number + 1}"))
    all_vertices = np.array([c for line, _, _ in sources for c in line.coords])
    for site in sites_for_access:
        position = site.representative_point()
        target = all_vertices[np.argmin(np.hypot(*(all_vertices - [position.x, position.y]).T))]
        sources.append((LineString([(position.x, position.y), tuple(target)]), "access",
                        "Adgangsvej"))

    # Interchanges: a slip road from the motorway to the nearest regional road, noded with the
    # rest; elsewhere the motorway crosses other roads on bridges, without a junction.
    cuts = []
    for town in INTERCHANGE_TOWNS:
        at = motorway.project(Point(towns[town]))
        exit_point = motorway.interpolate(at)
        cuts.append(at)
        town_vertex = min((c for line, kind, _ in sources if kind == "regional"
                           for c in line.coords), key=lambda c: Point(c).distance(exit_point))
        sources.append((LineString([exit_point.coords[0], town_vertex]), "regional",
                        f"Tilkørsel {town}"))

    noded = lines_of(unary_union(MultiLineString([line for line, _, _ in sources])))
    index = gpd.GeoSeries([line for line, _, _ in sources]).sindex
    rows = []
    for segment in noded:
        if segment.length < 1:
            continue
        middle = segment.interpolate(0.5, normalized=True)
        # the source line a noded piece came from: the nearest to its middle, first on ties
        candidates = sorted(int(i) for i in index.query(middle.buffer(0.5)))
        best = min(candidates, key=lambda i: sources[i][0].distance(middle))
        _, kind, name = sources[best]
        rows.append({"road_class": kind, "name": name, "bridge": False, "geometry": segment})

    other = unary_union([r["geometry"] for r in rows])
    bounds = [0.0] + sorted(cuts) + [motorway.length]
    for start_m, end_m in zip(bounds[:-1], bounds[1:]):
        piece = substring(motorway, start_m, end_m)
        rows.append({"road_class": "motorway", "name": "Holbækmotorvejen (rute 21)",
                     "bridge": bool(piece.crosses(other)), "geometry": piece})
    return _largest_connected(rows)


def _largest_connected(rows):
    """The rows of the largest connected network: street-grid pieces that clipping left
    touching nothing would be unreachable islands for haul routing."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    nodes = {}
    ends = np.array([[nodes.setdefault(tuple(np.round(row["geometry"].coords[i], 3)), len(nodes))
                      for i in (0, -1)] for row in rows])
    graph = coo_matrix((np.ones(len(rows)), (ends[:, 0], ends[:, 1])),
                       shape=(len(nodes), len(nodes)))
    _, component = connected_components(graph, directed=False)
    largest = np.bincount(component).argmax()
    return [row for row, (a, _) in zip(rows, ends) if component[a] == largest]
