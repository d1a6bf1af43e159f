"""Winograd for a big float32 transposed conv: whether it pays (``plan``) and the call (``transpose``).

``plan`` is a pure function of the shapes (cached): it splits each axis into its phases
(``winograd.axis_phases``), takes the conv only where every phase has at most 3 taps and the
products are at most ``max_products`` of im2col's, and lays out the arguments of
``winograd.transpose_part``. ``transpose`` runs the parts (images) on the thread pool.
"""
import functools
import threading
from typing import NamedTuple

import numpy as np

from . import _threads, winograd

_SCRATCH = threading.local()


@functools.lru_cache(maxsize=256)
def plan(dy_shape, w_shape, stride, dilation, pad_before, out_size, groups, dtype_char,
         min_channels, max_products, chunk_bytes):
    """How to run a transposed conv with Winograd (``Plan``), or None where it does not pay:
    float64 (big float64 convs are rare, and their kernels would double the compile time),
    several groups, fewer than ``min_channels``, more than ``max_products`` of the direct
    multiplications. A chunk of transformed inputs takes at most ``chunk_bytes``."""
    N, h, wd, O = dy_shape
    kh, kw, C, _ = w_shape
    if dtype_char != "f" or groups != 1 or min(C, O) < min_channels:
        return None
    axes = [winograd.axis_phases(*sizes) for sizes in zip((h, wd), out_size, (kh, kw), stride,
                                                          dilation, pad_before)]
    if None in axes or any(len(p.taps) > winograd.MAX_TAPS for p in axes[0] + axes[1]):
        return None
    pairs = [(py, px) for py in axes[0] for px in axes[1]
             if py.taps and px.taps and py.out_count and px.out_count]
    products = sum(_tile_count(py) * _tile_count(px) * _tile_size(py) * _tile_size(px)
                   for py, px in pairs)
    if not pairs or products > max_products * h * wd * kh * kw:
        return None
    step = axes[1][0].in_step                                   # the same for every x phase
    offsets = [px.shift - len(px.taps) + 1 for px in axes[1]]
    pad_left = max(0, -(min(offsets) // winograd.TILE))
    width = pad_left + max(-(-wd // (winograd.TILE * step)),
                           max(o // winograd.TILE + 2 + _tile_count(px) for o, px in zip(offsets, axes[1])))
    by_size = {}
    for py, px in pairs:
        by_size.setdefault((_tile_size(py), _tile_size(px)), []).append((py, px))
    covers_all = sum(py.out_count * px.out_count for py, px in pairs) == out_size[0] * out_size[1]
    kernel_taps = [winograd.kernel_taps(group, kw, dtype_char) for group in by_size.values()]
    return Plan(kernel_taps, step, pad_left, width,
                *_group_arguments(by_size, kernel_taps, O, C, dtype_char, chunk_bytes), covers_all)


def _group_arguments(by_size, kernel_taps, O, C, dtype_char, chunk_bytes):
    """winograd.transpose_part's arguments for the groups of phase pairs {(Ty, Tx): pairs}:
    a row per group (its ``groups``), the stacked tables, ins, outs, and the sizes of v, m,
    in_scratch and out_scratch per part."""
    tables, first_rows = [], {}

    def table_rows(T):                    # the first rows of T's BT and of its AT in the tables
        if T not in first_rows:
            at, bt = winograd.transform_tables(T - winograd.TILE + 1, dtype_char)
            start = sum(len(columns) for columns, _ in tables)
            first_rows[T] = (start, start + T)
            tables.extend((bt, at))
        return first_rows[T]

    rows, ins, outs, sizes, kernels_first = [], [], [], [], 0
    for ((Ty, Tx), group), (taps, _) in zip(by_size.items(), kernel_taps):
        tiles_y = max(_tile_count(py) for py, _ in group)
        tiles_x = max(_tile_count(px) for _, px in group)
        points = Ty * Tx * len(group)
        most = max(1, min(tiles_y, chunk_bytes // (points * tiles_x * max(O, C)
                                                         * np.dtype(dtype_char).itemsize)))
        ty_step = -(-tiles_y // -(-tiles_y // most))   # equal chunks: a short one costs a full GEMM
        stacks = Ty * Tx * len(taps)                   # kernel matrices (winograd.kernel_taps)
        (bt_y, at_y), (bt_x, at_x) = table_rows(Ty), table_rows(Tx)
        rows.append((Ty, Tx, len(ins), len(ins) + len(group), bt_y, bt_x, at_y, at_x, kernels_first,
                     stacks, ty_step, ty_step * tiles_x, tiles_x))
        ins += [(_tile_count(py), _tile_count(px), py.in_first, py.in_step, py.in_count,
                 py.shift - len(py.taps) + 1, px.in_first, px.shift - len(px.taps) + 1)
                for py, px in group]
        outs += [(_tile_count(py), _tile_count(px), py.out_first, py.out_step, py.out_count,
                  px.out_first, px.out_step, px.out_count) for py, px in group]
        sizes.append((points * ty_step * tiles_x * O, points * ty_step * tiles_x * C,
                      Ty * Tx * tiles_x * O, (winograd.TILE * Tx + 1) * tiles_x * C))
        kernels_first += stacks * O * C
    return (np.array(rows, dtype=np.int64), np.concatenate([c for c, _ in tables]),
            np.concatenate([f for _, f in tables]), np.array(ins, dtype=np.int64),
            np.array(outs, dtype=np.int64), [max(column) for column in zip(*sizes)])


class Plan(NamedTuple):
    """winograd.transpose_part's arguments that depend on the shapes only."""
    kernel_taps: list    # per tile size: winograd.kernel_taps of its phase pairs
    step: int            # in_step of the x phases
    pad_left: int        # winograd.split_columns' layout
    width: int
    group_rows: np.ndarray   # a row per group: winograd.transpose_part's ``groups``
    table_cols: np.ndarray   # BT and AT of each tile size, as sparse_rows
    table_coefs: np.ndarray
    ins: np.ndarray          # a row per pair: its tiles and inputs (winograd.input_tiles)
    outs: np.ndarray         # its tiles and outputs (winograd.output_tiles)
    part_sizes: list         # elements of v, m, in_scratch, out_scratch per part
    covers_all: bool         # the pairs' outputs are all of dx (phases are disjoint)


def _tile_count(phase):
    """Tiles of winograd.TILE outputs along one axis of a phase."""
    return -(-phase.out_count // winograd.TILE)


def _tile_size(phase):
    """Inputs per tile along one axis of a phase, and transform points: TILE + taps - 1."""
    return winograd.TILE + len(phase.taps) - 1


def transpose(dy, w, plan, dx, parts=None):
    """dx of every phase pair by F(4x4, Ly x Lx), the images split into parts (rows (n_lo, n_hi)
    of ``parts``), the parts on the thread pool at once.

    Phase pairs write disjoint positions of dx, parts disjoint images.
    """
    N, H, _, O = dy.shape
    C, dtype = dx.shape[3], dy.dtype
    if parts is None:
        parts = np.array(_threads.split(0, N, dy.size * C), dtype=np.int64)
    most = int((parts[:, 1] - parts[:, 0]).max())
    split_size = winograd.TILE * plan.step * most * H * plan.width * O + plan.width * O
    kernel_sizes = [len(gg) * len(taps) * O * C for taps, gg in plan.kernel_taps]
    w_ts, buffers = _part_rows(dtype, sum(kernel_sizes), len(parts), split_size, *plan.part_sizes)
    for (taps, gg), first, size in zip(plan.kernel_taps, np.cumsum([0] + kernel_sizes), kernel_sizes):
        winograd.transformed_kernels(w, taps, gg, w_ts[first:first + size].reshape(len(gg), len(taps), O, C))
    _threads.in_parallel(winograd.transpose_part, [
        (dy, parts, plan.step, plan.pad_left, plan.width, plan.group_rows, plan.table_cols,
         plan.table_coefs, plan.ins, plan.outs, w_ts, *buffers, dx, p) for p in range(len(parts))])


def _part_rows(dtype, shared, parts, *sizes):
    """_scratch arrays: one of ``shared`` elements, and a list of arrays of ``parts`` rows each,
    rows of at least these sizes, each row starting on a cache line."""
    per_line = 64 // np.dtype(dtype).itemsize
    sizes = [-(-size // per_line) * per_line for size in sizes]
    common, *rows = _scratch(dtype, shared, *(parts * s for s in sizes))
    return common, [a.reshape(parts, size) for a, size in zip(rows, sizes)]


def _scratch(dtype, *sizes):
    """Arrays of these sizes, kept per thread and reused, cache-line aligned: fresh ones of a
    megabyte come from mmap, and page-faulting them in on every call cost as much as the
    transforms they hold."""
    kept = _SCRATCH.__dict__.setdefault(dtype.char, [])
    while len(kept) < len(sizes):
        kept.append(np.empty(0, dtype=dtype))
    for i, size in enumerate(sizes):
        if kept[i].size < size:
            kept[i] = _aligned(size, dtype)
    return [a[:size] for a, size in zip(kept, sizes)]


def _aligned(size, dtype, alignment=64):
    """A zeroed array starting on a cache line (NumPy's own start at 16 bytes): vector loads that
    straddle two lines measured 4% slower here. Zeroed, because the rows past a phase's tiles are
    multiplied too (and dropped): left uninitialised they may hold NaN or overflow, and NumPy
    would warn."""
    raw = np.zeros(size * dtype.itemsize + alignment, dtype=np.uint8)
    start = -raw.ctypes.data % alignment
    return raw[start:start + size * dtype.itemsize].view(dtype)
