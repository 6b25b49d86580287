"""Haul distances along roads: the network every hauling algorithm uses when ROADS is given.

Rule (the contract's `haul_matrix`): each site joins the network at the nearest point of the
nearest road, that access leg counted straight; the haul is then the shortest path along the
lines. Lines sharing an endpoint or vertex within the snap tolerance are connected, crossings
without a shared vertex (bridges, tunnels) are not. A pair with no path, or longer than the
maximum haul, is left out. Distances are lengths in km, whatever cost a later version minimises.

Build once per run with ``RoadNetwork.from_lines`` and ask it for ``haul_pairs`` as often as
needed: the topology, the junction graph and the segment index are kept.
"""
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

import numpy as np

from .attach import Attachment, SegmentIndex
from .build import Topology, build_topology
from .haul import NETWORK, HaulPairs
from .paths import (
    CHAIN,
    DIRECT,
    ENTRY,
    EXIT,
    build_path_graph,
    chain_edges,
    distance_blocks,
    distinct_sites,
)


class EmptyNetworkError(ValueError):
    """The road layer holds no line with any length."""


@dataclass
class NetworkHaul:
    pairs: HaulPairs
    source_access_m: np.ndarray  # straight leg from each source to its road
    target_access_m: np.ndarray
    disconnected_pairs: int  # pairs whose roads lie in separate parts of the network


class RoadNetwork:
    def __init__(self, topology: Topology):
        if topology.segment_count == 0:
            raise EmptyNetworkError("The road layer has no line with a length.")
        self.topology = topology
        self._chains = chain_edges(topology)
        self._index = None
        self._graph_key, self._graph = None, None

    @classmethod
    def from_lines(cls, lines: Iterable, snap_tolerance_m: float = 1.0,
                   oneway: Optional[Sequence] = None) -> "RoadNetwork":
        """The network of ``lines`` (GeoSeries in a metric CRS). ``oneway``: optional value per
        line, 0 both ways, 1 along the digitising direction only, -1 against it only."""
        return cls(build_topology(lines, snap_tolerance_m, oneway))

    # What the network is, for the log ----------------------------------------------------
    @property
    def segment_count(self) -> int:
        return self.topology.segment_count

    @property
    def junction_count(self) -> int:
        return int(self.topology.is_junction.sum())

    @property
    def length_km(self) -> float:
        return float(self.topology.length_m.sum() / 1000.0)

    def segment_component(self, segment: np.ndarray) -> np.ndarray:
        return self.topology.component[self.topology.tail[2 * np.asarray(segment)]]

    @property
    def component_count(self) -> int:
        return int(self.topology.component.max() + 1)

    @property
    def largest_component_share(self) -> float:
        """Share of the road length in the largest connected part."""
        length = np.bincount(self.segment_component(np.arange(self.segment_count)),
                             weights=self.topology.length_m)
        return float(length.max() / length.sum())

    # Joining sites ------------------------------------------------------------------------
    def attach(self, xy: np.ndarray) -> Attachment:
        if self._index is None:
            t = self.topology
            self._index = SegmentIndex(t.start_xy, t.end_xy, t.length_m)
        return self._index.attach(xy)

    def _path_graph(self, source_xy, target_xy):
        # The coordinates themselves are the key: an exact comparison, a few MB at most.
        key = (source_xy.tobytes(), target_xy.tobytes())
        if key != self._graph_key:
            sources = distinct_sites(self.attach(source_xy))
            targets = distinct_sites(self.attach(target_xy))
            self._graph = build_path_graph(self.topology, self._chains, sources, targets)
            self._graph_key = key
        return self._graph

    # Distances ----------------------------------------------------------------------------
    def haul_pairs(self, source_xy: np.ndarray, target_xy: np.ndarray,
                   max_haul_km: float = float("inf")) -> HaulPairs:
        return self.haul(source_xy, target_xy, max_haul_km).pairs

    def haul(self, source_xy: np.ndarray, target_xy: np.ndarray,
             max_haul_km: float = float("inf"),
             progress: Optional[Callable[[float], None]] = None,
             canceled: Optional[Callable[[], bool]] = None) -> NetworkHaul:
        """Every (source, target) pair with a road path of at most ``max_haul_km``, access legs
        included. ``progress(share)`` and ``canceled()`` are optional callbacks."""
        source_xy = np.ascontiguousarray(source_xy, dtype=float).reshape(-1, 2)
        target_xy = np.ascontiguousarray(target_xy, dtype=float).reshape(-1, 2)
        if not len(source_xy) or not len(target_xy):
            empty = HaulPairs(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), NETWORK)
            return NetworkHaul(empty, np.zeros(len(source_xy)), np.zeros(len(target_xy)), 0)
        graph = self._path_graph(source_xy, target_xy)
        max_m = max_haul_km * 1000.0
        from_sources = (len(graph.sources.attachment.segment)
                        <= len(graph.targets.attachment.segment))
        run, other = (graph.sources, graph.targets) if from_sources else (graph.targets,
                                                                           graph.sources)
        order = np.argsort(run.of_site, kind="stable")
        sorted_rows = run.of_site[order]
        total_rows = len(run.attachment.segment)
        found_run, found_other, found_m = [], [], []
        for chunk, distances in distance_blocks(graph, max_m, from_sources,
                                                column_count=len(other.of_site)):
            if canceled is not None and canceled():
                break
            low, high = np.searchsorted(sorted_rows, [chunk[0], chunk[-1] + 1])
            sites = order[low:high]
            haul_m = (distances[run.of_site[sites] - chunk[0]][:, other.of_site]
                      + run.access_m[sites, None] + other.access_m[None, :])
            row, column = np.nonzero(np.isfinite(haul_m) & (haul_m <= max_m))
            found_run.append(sites[row])
            found_other.append(column)
            found_m.append(haul_m[row, column])
            if progress is not None:
                progress((chunk[-1] + 1) / total_rows)
        run_site, other_site, haul_m = (np.concatenate(a) if a else np.zeros(0)
                                        for a in (found_run, found_other, found_m))
        source, target = (run_site, other_site) if from_sources else (other_site, run_site)
        source, target = source.astype(np.int64), target.astype(np.int64)
        ordered = np.lexsort((target, source))
        pairs = HaulPairs(source[ordered], target[ordered], haul_m[ordered] / 1000.0, NETWORK)
        return NetworkHaul(pairs, graph.sources.access_m, graph.targets.access_m,
                           self._disconnected_pairs(graph))

    def pair_haul_km(self, source_xy: np.ndarray, target_xy: np.ndarray, source: np.ndarray,
                     target: np.ndarray, max_haul_km: float = float("inf"),
                     canceled: Optional[Callable[[], bool]] = None) -> np.ndarray:
        """The road haul (km, access legs included) of the given pairs only: source[k] to
        target[k], NaN where there is no path of at most ``max_haul_km``. For a few pairs among
        many sites (a movement log), where ``haul`` would list every pair within reach."""
        source_xy = np.ascontiguousarray(source_xy, dtype=float).reshape(-1, 2)
        target_xy = np.ascontiguousarray(target_xy, dtype=float).reshape(-1, 2)
        source = np.asarray(source, dtype=np.int64)
        target = np.asarray(target, dtype=np.int64)
        haul_km = np.full(len(source), np.nan)
        if not len(source):
            return haul_km
        graph = self._path_graph(source_xy, target_xy)
        from_sources = (len(graph.sources.attachment.segment)
                        <= len(graph.targets.attachment.segment))
        run, other = (graph.sources, graph.targets) if from_sources else (graph.targets,
                                                                           graph.sources)
        run_site, other_site = (source, target) if from_sources else (target, source)
        pair_row = run.of_site[run_site]
        order = np.argsort(pair_row, kind="stable")
        sorted_rows = pair_row[order]
        max_m = max_haul_km * 1000.0
        for chunk, distances in distance_blocks(graph, max_m, from_sources,
                                                rows=np.unique(pair_row)):
            if canceled is not None and canceled():
                break
            low, high = np.searchsorted(sorted_rows, [chunk[0], chunk[-1] + 1])
            pairs = order[low:high]
            haul_m = (distances[np.searchsorted(chunk, pair_row[pairs]),
                                other.of_site[other_site[pairs]]]
                      + run.access_m[run_site[pairs]] + other.access_m[other_site[pairs]])
            haul_km[pairs] = np.where(np.isfinite(haul_m) & (haul_m <= max_m), haul_m / 1000.0,
                                      np.nan)
        return haul_km

    def _disconnected_pairs(self, graph) -> int:
        parts = self.component_count
        sources = np.bincount(self.segment_component(
            graph.sources.attachment.segment[graph.sources.of_site]), minlength=parts)
        targets = np.bincount(self.segment_component(
            graph.targets.attachment.segment[graph.targets.of_site]), minlength=parts)
        return int(sources.sum() * targets.sum() - (sources * targets).sum())

    # Route geometry -----------------------------------------------------------------------
    def route_lines(self, source_xy: np.ndarray, target_xy: np.ndarray, pairs: HaulPairs,
                    canceled: Optional[Callable[[], bool]] = None) -> list:
        """The road path of each pair as a shapely LineString (access legs included), in the
        order of ``pairs``; None for a pair without a path."""
        from shapely.geometry import LineString

        source_xy = np.ascontiguousarray(source_xy, dtype=float).reshape(-1, 2)
        target_xy = np.ascontiguousarray(target_xy, dtype=float).reshape(-1, 2)
        routes = [None] * len(pairs)
        if not len(pairs):
            return routes
        graph = self._path_graph(source_xy, target_xy)
        from_sources = (len(graph.sources.attachment.segment)
                        <= len(graph.targets.attachment.segment))
        run, other = (graph.sources, graph.targets) if from_sources else (graph.targets,
                                                                           graph.sources)
        run0, other0 = ((graph.source_node0, graph.target_node0) if from_sources
                        else (graph.target_node0, graph.source_node0))
        run_site, other_site = ((pairs.source, pairs.target) if from_sources
                                else (pairs.target, pairs.source))
        pair_row = run.of_site[run_site]
        limit_m = float(np.max(pairs.distance_km)) * 1000.0 + 1.0
        for chunk, _, previous in distance_blocks(graph, limit_m, from_sources, predecessors=True,
                                                  rows=np.unique(pair_row)):
            if canceled is not None and canceled():
                break
            for k in np.nonzero(np.isin(pair_row, chunk))[0]:
                tree = previous[np.searchsorted(chunk, pair_row[k])]
                path = [other0 + other.of_site[other_site[k]]]
                while path[-1] != run0 + pair_row[k] and tree[path[-1]] >= 0:
                    path.append(tree[path[-1]])
                if path[-1] != run0 + pair_row[k]:
                    continue
                if from_sources:
                    path.reverse()
                xy = self._path_xy(graph, np.asarray(path))
                xy = np.vstack([source_xy[pairs.source[k]], xy, target_xy[pairs.target[k]]])
                keep = np.r_[True, np.any(np.diff(xy, axis=0) != 0, axis=1)]
                xy = xy[keep]
                routes[k] = LineString(xy if len(xy) > 1 else np.vstack([xy, xy]))
        return routes

    def _path_xy(self, graph, path):
        """Coordinates along a node path of the graph (virtual source first, virtual target
        last), walking each contracted chain segment by segment."""
        t = self.topology
        edge = np.searchsorted(graph.edge_key, path[:-1] * graph.node_count + path[1:])
        pieces = []
        for e in edge:
            kind, h = graph.edge_kind[e], graph.edge_half_edge[e]
            if kind == CHAIN:
                pieces.append(t.half_edge_from_xy(h)[None])
                pieces.append(self._walk_xy(h, t.last_half_edge[h], inclusive=True))
            elif kind == EXIT:
                pieces.append(graph.sources.attachment.road_xy[graph.edge_site[e]][None])
                pieces.append(self._walk_xy(h, t.last_half_edge[h], inclusive=True))
            elif kind == ENTRY:
                first = t.first_half_edge(h)
                pieces.append(t.half_edge_from_xy(first)[None])
                pieces.append(self._walk_xy(first, h, inclusive=False))
                pieces.append(graph.targets.attachment.road_xy[graph.edge_site[e]][None])
            elif kind == DIRECT:
                pieces.append(graph.sources.attachment.road_xy[graph.edge_site[e]][None])
                pieces.append(self._walk_xy(h, graph.edge_other_half_edge[e], inclusive=False))
                pieces.append(graph.targets.attachment.road_xy[graph.edge_other_site[e]][None])
        return np.vstack(pieces)

    def _walk_xy(self, half_edge, stop, inclusive):
        """End points of the half-edges from ``half_edge`` along the chain up to ``stop``."""
        walked = []
        while half_edge != stop:
            walked.append(half_edge)
            half_edge = self.topology.next_half_edge[half_edge]
        if inclusive:
            walked.append(stop)
        return self.topology.half_edge_to_xy(np.asarray(walked, dtype=np.int64)).reshape(-1, 2)
