"""The reuse schedule as one linear programme (the contract's `schedule_reuse` semantics).

Variables, all tonnes ≥ 0, months n of the horizon:

- ``x[a]``: direct arc a (excavation i → receiver j) over the months both are open and i
  releases (split into months afterwards, see ``release``);
- ``e[b, n]``: entry arc b (i → storage k) in a month i releases;
- ``w[c, n]``: exit arc c (pair p = (k, origin group g) → receiver j) in a month j is open;
- ``s[p, n]``: stock of pair p at the end of month n;
- ``q[p, n]``: inflow of pair p in month n (the sum of its entries);
- ``d[p, n]``: soil of pair p leaving k for disposal in month n.

Disposal at the source is the slack of the source rows, so the objective is the cost of sending
everything to disposal plus what each move changes:

    Σ e_i·t_i + Σ x·(c_a − e_i) + Σ e·(c_b − e_i) + Σ w·c_c + Σ d·f_k + STORAGE·Σ s

subject to
    release:  Σ x + Σ e ≤ r_is + … + r_it over the direct arcs and entries of excavation i
              within months s..t (both dates: r pro rata by days), or ≤ t_i over all its
              moves (no dates: the plan chooses when);
    receiver: Σ x + Σ w ≤ capacity_j·DENSITY over the horizon;
    inflow:   q[p, n] = Σ e into p in month n;
    balance:  s[p, n] = s[p, n−1] + q[p, n] − Σ w[·, n] − d[p, n], with s = 0 after the horizon;
    dwell:    s[p, n] ≤ Σ q[p, t] over t = n − MAX_DWELL + 1 .. n;
    capacity: Σ_g s[(k, g), n] ≤ storage capacity_k·DENSITY.

The dwell row is the whole dwell rule without tracking entry months: stock at the end of n can
only be soil that entered in the last MAX_DWELL months exactly when, taking the oldest soil
first, every tonne leaves within MAX_DWELL months of entering (n − m ≤ MAX_DWELL); and the
storage cost Σ s (tonnes on hand at each month end) equals Σ (n − m) per tonne, whichever
tonne is taken to leave. So stock is kept by storage site, origin group and month only.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
import scipy.sparse as sp

from .moves import Moves
from .periods import Horizon
from .release import Release, release_rows


@dataclass
class Block:
    """One kind of variable: which object (arc or pair) and month each column is (a direct
    arc's column covers months ``month``..``last``)."""
    start: int
    item: np.ndarray
    month: np.ndarray
    last: Optional[np.ndarray] = None

    @property
    def stop(self) -> int:
        return self.start + len(self.item)


@dataclass
class ScheduleProblem:
    horizon: Horizon
    release: Release
    moves: Moves
    max_dwell_months: int
    storage_capacity_t: np.ndarray
    receiver_capacity_t: np.ndarray
    source_disposal_dkk_t: np.ndarray
    storage_disposal_dkk_t: np.ndarray
    direct: Block
    entry: Block
    exit: Block
    stock: Block
    inflow: Block
    out_disposal: Block
    cost: np.ndarray
    constant_dkk: float
    a_ub: sp.csr_matrix
    b_ub: np.ndarray
    a_eq: sp.csr_matrix
    b_eq: np.ndarray
    capacity_rows: np.ndarray  # first row of the capacity block in a_ub
    capacity_storage: np.ndarray  # storage site of each capacity row
    capacity_month: np.ndarray

    @property
    def variables(self) -> int:
        return len(self.cost)

    @property
    def rows(self) -> int:
        return self.a_ub.shape[0] + self.a_eq.shape[0]

    @property
    def nonzeros(self) -> int:
        return self.a_ub.nnz + self.a_eq.nnz


def expand(first: np.ndarray, last: np.ndarray) -> tuple:
    """(position, month) for every month first..last of each position (none where first >
    last)."""
    first = np.asarray(first, dtype=np.int64)
    counts = np.clip(np.asarray(last, dtype=np.int64) - first + 1, 0, None)
    position = np.repeat(np.arange(len(first)), counts)
    offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return position, first[position] + offset


class _Matrix:
    """Triplets of a sparse matrix, added block by block."""

    def __init__(self):
        self.rows, self.cols, self.values, self.count = [], [], [], 0

    def add(self, rows, cols, value=1.0):
        rows = np.asarray(rows, dtype=np.int64)
        self.rows.append(rows)
        self.cols.append(np.asarray(cols, dtype=np.int64))
        self.values.append(np.broadcast_to(np.asarray(value, dtype=float), rows.shape))

    def new_rows(self, count):
        start = self.count
        self.count += int(count)
        return start

    def build(self, columns):
        if not self.rows:
            return sp.csr_matrix((self.count, columns))
        return sp.csr_matrix((np.concatenate(self.values),
                              (np.concatenate(self.rows), np.concatenate(self.cols))),
                             shape=(self.count, columns))


def build_schedule_problem(moves: Moves, horizon: Horizon, release: Release,
                           receiver_open: tuple, receiver_capacity_t: np.ndarray,
                           storage_capacity_t: np.ndarray, source_disposal_dkk_t: np.ndarray,
                           storage_disposal_dkk_t: np.ndarray, max_dwell_months: int,
                           storage_dkk_t_month: float, use_storage: bool = True,
                           storage_open: Optional[tuple] = None) -> ScheduleProblem:
    """The programme over ``moves``; without storage (``use_storage`` False, or a maximum
    dwell of 0) it is the no-storage plan. ``storage_open`` (first, last month per storage
    site; default: every month) limits when a site takes and releases soil."""
    months = horizon.count
    receiver_first, receiver_last = receiver_open
    receiver_capacity_t = np.asarray(receiver_capacity_t, dtype=float)
    source_disposal = np.asarray(source_disposal_dkk_t, dtype=float)
    storage_disposal = np.asarray(storage_disposal_dkk_t, dtype=float)
    dwell = int(max_dwell_months)
    use_storage = use_storage and dwell > 0

    # Direct arcs over the months both ends are open and the source releases.
    direct = moves.direct
    first = np.maximum(release.first[direct.source], receiver_first[direct.receiver])
    last = np.minimum(release.last[direct.source], receiver_last[direct.receiver])
    arc = np.flatnonzero((receiver_capacity_t[direct.receiver] > 0) & (first <= last))
    blocks = {"direct": Block(0, arc, first[arc], last[arc])}

    entry = moves.entry
    storage_count = len(storage_capacity_t)
    storage_first, storage_last = storage_open or (np.zeros(storage_count, np.int64),
                                                   np.full(storage_count, months - 1))
    if use_storage:
        arc, month = expand(np.maximum(release.first[entry.source], storage_first[entry.storage]),
                            np.minimum(release.last[entry.source], storage_last[entry.storage]))
    else:
        arc = month = np.zeros(0, np.int64)
    blocks["entry"] = Block(blocks["direct"].stop, arc, month)

    # Months each pair can hold soil: from its first entry to its last entry + dwell.
    pairs = len(moves.pair_storage)
    entry_pair = moves.entry_pair
    pair_first = np.full(pairs, months, dtype=np.int64)
    pair_last = np.full(pairs, -1, dtype=np.int64)
    if len(arc):
        np.minimum.at(pair_first, entry_pair[arc], month)
        np.maximum.at(pair_last, entry_pair[arc], month)
    out_last = np.minimum(np.minimum(pair_last + dwell, months - 1),
                          storage_last[moves.pair_storage])
    out_last = np.where(pair_last >= 0, out_last, -1)

    exit_arcs = moves.exit
    open_exit = receiver_capacity_t[exit_arcs.receiver] > 0
    arc, month = expand(
        np.where(open_exit, np.maximum(pair_first[exit_arcs.source],
                                       receiver_first[exit_arcs.receiver]), 1),
        np.where(open_exit, np.minimum(out_last[exit_arcs.source],
                                       receiver_last[exit_arcs.receiver]), 0))
    blocks["exit"] = Block(blocks["entry"].stop, arc, month)
    # Stock is zero after the last month a pair's soil may leave, and at the horizon's end.
    pair, month = expand(pair_first, out_last - 1)
    blocks["stock"] = Block(blocks["exit"].stop, pair, month)
    pair, month = expand(pair_first, pair_last)
    blocks["inflow"] = Block(blocks["stock"].stop, pair, month)
    # Balance rows for every month a pair may hold or release soil; disposal from storage only
    # where some entry can end there more cheaply than disposal at its source.
    grid = Block(0, *expand(pair_first, out_last))
    dispose = moves.pair_may_dispose[grid.item]
    blocks["out_disposal"] = Block(blocks["inflow"].stop, grid.item[dispose],
                                   grid.month[dispose])
    columns = blocks["out_disposal"].stop

    b = blocks
    cost = np.concatenate([
        direct.cost_dkk_t[b["direct"].item] - source_disposal[direct.source[b["direct"].item]],
        entry.cost_dkk_t[b["entry"].item] - source_disposal[entry.source[b["entry"].item]],
        exit_arcs.cost_dkk_t[b["exit"].item],
        np.full(len(b["stock"].item), float(storage_dkk_t_month)),
        np.zeros(len(b["inflow"].item)),
        storage_disposal[moves.pair_storage[b["out_disposal"].item]],
    ])

    # Index of (pair, month) within the pair-month blocks, for placing their coefficients.
    def cell(block, pair, month):
        lookup = np.full((max(pairs, 1), months), -1, dtype=np.int64)
        lookup[block.item, block.month] = np.arange(block.start, block.stop)
        return lookup[pair, month]

    upper, equal = _Matrix(), _Matrix()
    # Release rows over the direct and entry columns (see ``release``).
    row, column, released = release_rows(
        release, months, np.r_[direct.source[b["direct"].item], entry.source[b["entry"].item]],
        np.r_[b["direct"].month, b["entry"].month], np.r_[b["direct"].last, b["entry"].month])
    start = upper.new_rows(len(released))
    upper.add(start + row, column)
    # Receiver rows.
    start = upper.new_rows(len(receiver_capacity_t))
    upper.add(start + direct.receiver[b["direct"].item], np.arange(b["direct"].start,
                                                                   b["direct"].stop))
    upper.add(start + exit_arcs.receiver[b["exit"].item], np.arange(b["exit"].start,
                                                                    b["exit"].stop))
    # Inflow rows: q - Σ e = 0, one per inflow column.
    start = equal.new_rows(len(b["inflow"].item))
    equal.add(start + np.arange(len(b["inflow"].item)),
              np.arange(b["inflow"].start, b["inflow"].stop))
    inflow_row = cell(b["inflow"], entry_pair[b["entry"].item], b["entry"].month) - \
        b["inflow"].start
    equal.add(start + inflow_row, np.arange(b["entry"].start, b["entry"].stop), -1.0)
    # Balance rows, one per pair p and month n it may hold soil: s_n - s_{n-1} - q_n + Σ w + d.
    start = equal.new_rows(len(grid.item))
    outs = b["out_disposal"]
    equal.add(cell(grid, outs.item, outs.month) + start, np.arange(outs.start, outs.stop))
    stock_index = np.arange(b["stock"].start, b["stock"].stop)
    equal.add(cell(grid, b["stock"].item, b["stock"].month) + start, stock_index)
    equal.add(cell(grid, b["stock"].item, b["stock"].month + 1) + start, stock_index, -1.0)
    equal.add(cell(grid, b["inflow"].item, b["inflow"].month) + start,
              np.arange(b["inflow"].start, b["inflow"].stop), -1.0)
    equal.add(cell(grid, exit_arcs.source[b["exit"].item], b["exit"].month) + start,
              np.arange(b["exit"].start, b["exit"].stop))
    # Dwell rows, where they bind: s_n - Σ q_t (t = n - dwell + 1 .. n) <= 0.
    stock = b["stock"]
    binding = np.flatnonzero(stock.month - dwell + 1 > pair_first[stock.item])
    start = upper.new_rows(len(binding))
    upper.add(start + np.arange(len(binding)), stock.start + binding)
    lag_row, lag = expand(np.zeros(len(binding)), np.full(len(binding), dwell - 1))
    stock_pair = stock.item[binding][lag_row]
    inflow_month = stock.month[binding][lag_row] - lag
    present = inflow_month <= pair_last[stock_pair]
    upper.add(start + lag_row[present],
              cell(b["inflow"], stock_pair[present], inflow_month[present]), -1.0)
    # Capacity rows, one per storage site and month with stock.
    site_month = moves.pair_storage[stock.item] * months + stock.month
    cells, capacity_of = np.unique(site_month, return_inverse=True)
    capacity_rows = upper.new_rows(len(cells))
    upper.add(capacity_rows + capacity_of, np.arange(stock.start, stock.stop))
    capacity_storage, capacity_month = cells // months, cells % months

    b_ub = np.concatenate([released, receiver_capacity_t, np.zeros(len(binding)),
                           np.asarray(storage_capacity_t, dtype=float)[capacity_storage]])
    return ScheduleProblem(
        horizon, release, moves, dwell, np.asarray(storage_capacity_t, dtype=float),
        receiver_capacity_t, source_disposal, storage_disposal, b["direct"], b["entry"],
        b["exit"], b["stock"], b["inflow"], b["out_disposal"], cost,
        float(source_disposal @ release.tonnes), upper.build(columns), b_ub,
        equal.build(columns), np.zeros(equal.count), capacity_rows + np.arange(len(cells)),
        capacity_storage, capacity_month)

