"""Shortest paths between sites joined to a road topology.

The graph Dijkstra searches holds the junctions, one virtual node per distinct source attachment
(edges out of it to the two ends of its chain) and one per distinct target attachment (edges into
it from the two ends of its chain). A virtual source has no edge in and a virtual target none out,
so no path passes through a site. A source and a target on the same chain also get the direct edge
along it. scipy's Dijkstra then runs once per distinct attachment of the smaller side (on the
reversed graph when that side is the targets), in blocks whose distance rows fit a fixed memory
budget, cut off at the maximum haul.
"""
from dataclasses import dataclass
from typing import Iterator, Optional

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .attach import Attachment
from .build import Topology

CHAIN, EXIT, ENTRY, DIRECT = 0, 1, 2, 3
ROW_BUDGET_BYTES = 64 * 2**20


@dataclass
class Sites:
    """Distinct attachments of one side, and which one each site uses."""
    attachment: Attachment  # distinct attachments
    of_site: np.ndarray  # (n,) distinct attachment of each site
    access_m: np.ndarray  # (n,) access leg of each site


@dataclass
class PathGraph:
    forward: csr_matrix
    reverse: csr_matrix
    edge_key: np.ndarray  # sorted tail * node_count + head of every kept edge
    edge_kind: np.ndarray
    edge_half_edge: np.ndarray
    edge_other_half_edge: np.ndarray
    edge_site: np.ndarray  # distinct attachment (exit, entry, direct: the source's)
    edge_other_site: np.ndarray  # direct: the target's distinct attachment
    sources: Sites
    targets: Sites
    source_node0: int
    target_node0: int

    @property
    def node_count(self) -> int:
        return self.forward.shape[0]


def distinct_sites(attachment: Attachment) -> Sites:
    keys = np.column_stack([attachment.segment.astype(float), attachment.t])
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    distinct = Attachment(attachment.segment[first], attachment.t[first],
                          attachment.road_xy[first], attachment.access_m[first])
    return Sites(distinct, inverse.ravel(), attachment.access_m)


def chain_edges(topology: Topology) -> tuple:
    """Junction-to-junction edges: one per chain and direction that may be driven."""
    junction_id = np.cumsum(topology.is_junction) - 1
    start = np.nonzero(topology.is_junction[topology.tail]
                       & (topology.blocked_to_end == 0))[0]
    tail = junction_id[topology.tail[start]]
    head = junction_id[topology.head[topology.last_half_edge[start]]]
    keep = tail != head  # a loop back to its own junction never shortens a path
    return junction_id, tail[keep], head[keep], topology.to_end[start[keep]], start[keep]


def _fraction(half_edge, t):
    """Share of the half-edge already driven when standing at ``t`` on its segment."""
    return np.where(half_edge & 1, 1.0 - t, t)


def _exits(topology, sites, junction_id):
    """Edges from each source attachment to the chain end it reaches, in both directions."""
    att = sites.attachment
    rows, nodes, costs, half_edges = [], [], [], []
    for direction in (0, 1):
        h = 2 * att.segment + direction
        driven = _fraction(h, att.t)
        cost = topology.to_end[h] - driven * topology.weight[h]
        # Standing at the end of a one-way segment, its direction no longer matters.
        blocked = topology.blocked_to_end[h] - (~topology.allowed[h] & (driven >= 1.0))
        ok = blocked == 0
        rows.append(np.nonzero(ok)[0])
        nodes.append(junction_id[topology.head[topology.last_half_edge[h[ok]]]])
        costs.append(cost[ok])
        half_edges.append(h[ok])
    return [np.concatenate(a) for a in (rows, nodes, costs, half_edges)]


def _entries(topology, sites, junction_id):
    """Edges into each target attachment from the chain start it is reached from."""
    att = sites.attachment
    rows, nodes, costs, half_edges = [], [], [], []
    for direction in (0, 1):
        h = 2 * att.segment + direction
        first = topology.first_half_edge(h)
        driven = _fraction(h, att.t)
        cost = (topology.to_end[first] - topology.to_end[h] + driven * topology.weight[h])
        blocked = (topology.blocked_to_end[first] - topology.blocked_to_end[h]
                   + (~topology.allowed[h] & (driven > 0.0)))
        ok = blocked == 0
        rows.append(np.nonzero(ok)[0])
        nodes.append(junction_id[topology.tail[first[ok]]])
        costs.append(cost[ok])
        half_edges.append(h[ok])
    return [np.concatenate(a) for a in (rows, nodes, costs, half_edges)]


def _chain_position(topology, half_edge, t):
    first = topology.first_half_edge(half_edge)
    return (first, topology.to_end[first] - topology.to_end[half_edge]
            + _fraction(half_edge, t) * topology.weight[half_edge])


def _direct(topology, sources, targets):
    """Edges along a chain between a source and a target that lie on it, in each drivable
    direction: (source row, target row, cost, source half-edge, target half-edge).

    A chain and a direction of travel are named by the chain's first half-edge that way, so a
    source and a target match whatever the digitising direction of their segments."""
    src, tgt = sources.attachment, targets.attachment
    hs = np.concatenate([2 * src.segment, 2 * src.segment + 1])
    ht = np.concatenate([2 * tgt.segment, 2 * tgt.segment + 1])
    ts, tt = np.tile(src.t, 2), np.tile(tgt.t, 2)
    chain_s, pos_s = _chain_position(topology, hs, ts)
    chain_t, pos_t = _chain_position(topology, ht, tt)
    pairs = pd.merge(pd.DataFrame({"chain": chain_s, "s": np.arange(len(hs))}),
                     pd.DataFrame({"chain": chain_t, "t": np.arange(len(ht))}), on="chain")
    s, t = pairs["s"].to_numpy(np.int64), pairs["t"].to_numpy(np.int64)
    cost = pos_t[t] - pos_s[s]
    h1, h2 = hs[s], ht[t]
    blocked = topology.blocked_to_end[h1] - topology.blocked_to_end[h2] + ~topology.allowed[h2]
    # A one-way segment only touched at its end (the source) or its start (the target) is not
    # driven on.
    apart = h1 != h2
    blocked = blocked - (apart & ~topology.allowed[h1] & (_fraction(h1, ts[s]) >= 1.0))
    blocked = blocked - (apart & ~topology.allowed[h2] & (_fraction(h2, tt[t]) <= 0.0))
    ok = (cost >= 0) & ((blocked == 0) | (cost == 0))
    return s[ok] % len(src.t), t[ok] % len(tgt.t), cost[ok], h1[ok], h2[ok]


def build_path_graph(topology: Topology, chains: tuple, sources: Sites,
                     targets: Sites) -> PathGraph:
    junction_id, chain_tail, chain_head, chain_cost, chain_half_edge = chains
    junctions = int(topology.is_junction.sum())
    source_node0 = junctions
    target_node0 = junctions + len(sources.attachment.segment)
    node_count = target_node0 + len(targets.attachment.segment)

    ex_row, ex_node, ex_cost, ex_he = _exits(topology, sources, junction_id)
    en_row, en_node, en_cost, en_he = _entries(topology, targets, junction_id)
    d_s, d_t, d_cost, d_hs, d_ht = _direct(topology, sources, targets)
    def minus_ones(n):
        return np.full(n, -1, dtype=np.int64)

    tail = np.concatenate([chain_tail, source_node0 + ex_row, en_node, source_node0 + d_s])
    head = np.concatenate([chain_head, ex_node, target_node0 + en_row, target_node0 + d_t])
    cost = np.concatenate([chain_cost, ex_cost, en_cost, d_cost])
    kind = np.concatenate([np.full(len(chain_tail), CHAIN), np.full(len(ex_row), EXIT),
                           np.full(len(en_row), ENTRY), np.full(len(d_s), DIRECT)])
    half_edge = np.concatenate([chain_half_edge, ex_he, en_he, d_hs])
    other_half_edge = np.concatenate([minus_ones(len(chain_tail) + len(ex_row) + len(en_row)),
                                      d_ht])
    site = np.concatenate([minus_ones(len(chain_tail)), ex_row, en_row, d_s])
    other_site = np.concatenate([minus_ones(len(chain_tail) + len(ex_row) + len(en_row)), d_t])
    # Parallel edges: keep the cheapest (a sparse matrix would add them up).
    key = tail * node_count + head
    order = np.lexsort((cost, key))
    keep = order[np.unique(key[order], return_index=True)[1]]
    tail, head, cost = tail[keep], head[keep], cost[keep]
    shape = (node_count, node_count)
    # Explicit zero weights (a site exactly on a junction) stay edges in a CSR built this way.
    forward = csr_matrix((cost, (tail, head)), shape=shape)
    reverse = csr_matrix((cost, (head, tail)), shape=shape)
    return PathGraph(forward, reverse, key[keep], kind[keep], half_edge[keep],
                     other_half_edge[keep], site[keep], other_site[keep], sources, targets,
                     source_node0, target_node0)


def distance_blocks(graph: PathGraph, limit_m: float, from_sources: bool,
                    predecessors: bool = False, rows: Optional[np.ndarray] = None,
                    column_count: int = 0) -> Iterator[tuple]:
    """Yield (distinct rows of the searched side, their distances to every distinct attachment of
    the other side[, predecessors]) block by block, each block within ROW_BUDGET_BYTES
    (``column_count``: width of the caller's per-site matrix built from a block)."""
    if from_sources:
        matrix, node0, other0 = graph.forward, graph.source_node0, graph.target_node0
        other_count = len(graph.targets.attachment.segment)
        count = len(graph.sources.attachment.segment)
    else:
        matrix, node0, other0 = graph.reverse, graph.target_node0, graph.source_node0
        other_count = len(graph.sources.attachment.segment)
        count = len(graph.targets.attachment.segment)
    rows = np.arange(count) if rows is None else np.asarray(rows, dtype=np.int64)
    width = max(graph.node_count * (2 if predecessors else 1), column_count, 1)
    block = max(1, int(ROW_BUDGET_BYTES // (8 * width)))
    columns = other0 + np.arange(other_count)
    for first in range(0, len(rows), block):
        chunk = rows[first:first + block]
        result = dijkstra(matrix, directed=True, indices=node0 + chunk, limit=limit_m,
                          return_predecessors=predecessors)
        if predecessors:
            distances, previous = result
            yield chunk, distances[:, columns], previous
        else:
            yield chunk, result[:, columns]
