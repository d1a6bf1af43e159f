"""Winograd minimal filtering for the big transposed convolutions: fewer multiplications.

Along one axis a transposed convolution falls apart into independent *phases*. With stride s
(dilation 1) the outputs i with the same ``(i + pad) mod s`` are reached by every s-th kernel tap
only (the "sub-pixel" view); with dilation d (stride 1) the inputs and outputs with the same
residue mod d form an undilated convolution of their own. Either way each phase is a plain
stride-1 convolution with a short kernel::

    out[a] = sum over t of U[a + shift - t] * w[taps[t]]      (U: every in_step-th row of dy)

Winograd's F(m, r) computes m outputs of such a convolution with m + r - 1 multiplications
instead of m*r (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks", 2016); nested
over the two axes, F(4x4, 3x3) needs 36 products per 16 outputs instead of 144 (m = TILE below).
The products of one transform point over all tiles are one matrix product (tiles x O) @ (O x C),
run by NumPy's BLAS; the input and output transforms are the nogil Numba loops below.
``transpose_part`` does all of it for some of the images (``winograd_plan`` runs the parts on
the thread pool).

Kernel lengths per phase are kept to r <= 3, interpolation points 0, +-1, 2, -1/2 and infinity:
AT and BT hold small integers and eighths, exact in floating point; the other fractions are in
G, applied to the kernel once. F(m, 1) is the identity: a one-tap phase needs no transform. The
price of fewer products is rounding: F(4, 3) in float32 comes within about 2e-6 of the largest
output, where a direct sum comes within 2e-7 (tests/test_winograd.py holds it to 1e-4).
"""

import functools
import math
from fractions import Fraction
from typing import NamedTuple

import numpy as np
from numba import njit

from .._numba_config import JIT_OPTIONS
from .im2col import matmul_in_blocks

# Largest kernel length per phase computed with Winograd (see the module docstring).
MAX_TAPS = 3
# The tile: outputs per tile along each axis. F(4, 3) needs 36 products per 16 outputs where
# F(2, 3) needs 64: measured 8% faster than F(2, r) on the dilated benchmark shape and 35% on the
# large one, for a float32 error about 6x larger (1.3e-4 instead of 2e-5 on outputs up to 80).
TILE = 4
# Finite interpolation points of the Toom-Cook construction, in order of use; infinity is extra.
# -1/2 rather than -2 last: F(4, 3)'s largest error fell from 3.7e-4 to 1.3e-4 with it (the
# choice studied by Barabasz et al., "Error analysis and improving the accuracy of Winograd
# convolution for deep neural networks", 2020).
_POINTS = (0.0, 1.0, -1.0, 2.0, -0.5)
# Most nonzeros in a row of AT or BT that ``_combine`` takes (F(4, 3)'s AT has 5).
_TERMS = 6


class AxisPhase(NamedTuple):
    """One phase of a transposed conv along one axis: ``out[a] = sum_t U[a + shift - t] * w[taps[t]]``.

    The phase's outputs are ``dx[out_first + out_step * a]`` for ``a < out_count``; its input is
    ``U[b] = dy[in_first + in_step * b]`` for ``b < in_count`` (zero elsewhere).
    """
    out_first: int
    out_step: int
    out_count: int
    in_first: int
    in_step: int
    in_count: int
    shift: int
    taps: tuple


def axis_phases(in_size, out_size, k, stride, dilation, pad_before):
    """The phases of one axis of a transposed conv whose stride or dilation is 1 (else None).

    From ``dx[i] = sum of dy[o] * w[k]`` over ``o*stride + k*dilation - pad_before = i``.
    """
    if stride > 1 and dilation > 1:
        return None
    step = max(stride, dilation)
    phases = []
    for r in range(step):
        if dilation == 1:          # sub-pixel: every stride-th tap, all of dy
            taps, in_first, in_step = tuple(range(r, k, stride)), 0, 1
        else:                      # polyphase: all taps, every dilation-th row of dy
            taps, in_first, in_step = tuple(range(k)), r, dilation
        out_first = (r - pad_before) % step
        phases.append(AxisPhase(
            out_first=out_first, out_step=step,
            out_count=max(0, -(-(out_size - out_first) // step)),
            in_first=in_first, in_step=in_step,
            in_count=max(0, -(-(in_size - in_first) // in_step)),
            shift=(out_first + pad_before - r) // step, taps=taps))
    return phases


@functools.lru_cache(maxsize=None)
def winograd_matrices(r):
    """(AT, G, BT) of F(TILE, r) for correlation: ``y = AT @ ((G @ g) * (BT @ d))``, d of length
    TILE + r - 1.

    Toom-Cook: the linear convolution of g (length r) with x (length TILE) is interpolated from
    its values at the points, S_g = C diag(E_r g) E_TILE; the correlation is its transpose, so
    AT = E_TILE^T, G = E_r, BT = C^T (Lavin & Gray, section 4; the transposition principle). Each
    row of BT is then scaled to coprime integers and the same row of G divided by that factor.
    """
    n = TILE + r - 1
    if r == 1:                                # one tap: the outputs are the inputs times it
        at, g, bt = np.eye(TILE), np.ones((TILE, 1)), np.eye(TILE)
    else:
        points = _POINTS[:n - 1]

        def evaluation(length):               # rows: polynomial of `length` coefficients at each point
            rows = [[p ** j for j in range(length)] for p in points]
            return np.array(rows + [[0.0] * (length - 1) + [1.0]])   # infinity: the leading coefficient

        at, g, bt = evaluation(TILE).T, evaluation(r), np.linalg.inv(evaluation(n)).T
        for j in range(n):
            fractions = [Fraction(v).limit_denominator(1000) for v in bt[j]]
            scale = Fraction(math.lcm(*(f.denominator for f in fractions)),
                             math.gcd(*(f.numerator for f in fractions)))
            bt[j] = [float(f * scale) for f in fractions]
            g[j] /= float(scale)
    for m in (at, g, bt):                     # shared (cached): read-only
        m.flags.writeable = False
    return at, g, bt


def kernel_taps(pairs, kw, dtype_char):
    """What transformed_kernels needs to know of one tile size's phase pairs: a row per kernel,
    the taps of its sub-kernel as indices ky*kw + kx into w, flipped (correlation form), in the
    order of G_y kron G_x's columns; and G_y kron G_x. One kernel if the pairs share their taps
    (all of them, under dilation: then each point's product covers the tiles of every pair at
    once), else one per pair."""
    keys = [(py.taps, px.taps) for py, px in pairs]
    if len(set(keys)) == 1:
        keys = keys[:1]
    taps = np.array([[ty * kw + tx for ty in taps_y[::-1] for tx in taps_x[::-1]]
                     for taps_y, taps_x in keys], dtype=np.int64)
    return taps, _kron_g(len(keys[0][0]), len(keys[0][1]), dtype_char)


def transformed_kernels(w, taps, gg, out):
    """out[point, k] = (G_y g_k G_x^T)[point] as an O x C matrix, for each kernel k: one matrix
    product (G_y kron G_x) @ g_k, g_k's taps (``taps[k]``, kernel_taps) gathered as rows from
    w (kh, kw, C, O). ``out`` is (T_y*T_x, kernels, O, C), ready for transpose_tiles."""
    kh, kw, C, O = w.shape
    points = out.shape[0]
    for k, row in enumerate(taps):
        g = w.reshape(kh * kw, C, O)[row].transpose(0, 2, 1).reshape(len(row), O * C)
        out[:, k] = (gg @ g).reshape(points, O, C)


@functools.lru_cache(maxsize=None)
def _kron_g(ry, rx, dtype_char):
    """G_y kron G_x: row a*T_x + b, column t*r_x + u holds G_y[a, t] G_x[b, u]."""
    gg = np.kron(winograd_matrices(ry)[1], winograd_matrices(rx)[1]).astype(dtype_char)
    gg.flags.writeable = False
    return gg


@functools.lru_cache(maxsize=None)
def transform_tables(r, dtype_char):
    """sparse_rows of F(TILE, r)'s AT and BT, in that dtype: (AT's, BT's)."""
    at, _, bt = winograd_matrices(r)
    return sparse_rows(at, np.dtype(dtype_char)), sparse_rows(bt, np.dtype(dtype_char))


def sparse_rows(matrix, dtype):
    """(columns, coefficients), each (rows, _TERMS): a transform matrix's nonzeros row by row.

    Shorter rows are padded with coefficient 0 on their first column; ``_combine`` takes each
    row in one loop.
    """
    columns = np.zeros((len(matrix), _TERMS), dtype=np.int64)
    coefficients = np.zeros((len(matrix), _TERMS), dtype=dtype)
    for r, row in enumerate(matrix):
        nonzero = np.flatnonzero(row)
        if len(nonzero) > _TERMS:
            raise ValueError(f"a row with {len(nonzero)} nonzeros: more than _combine takes")
        columns[r] = nonzero[0]
        columns[r, :len(nonzero)] = nonzero
        coefficients[r, :len(nonzero)] = row[nonzero]
    return columns, coefficients


# The loops below index flat arrays with unsigned offsets: with signed ones Numba checks each
# index for Python's negative wrap-around, and LLVM then leaves the loop scalar (4x slower here).

@njit(**JIT_OPTIONS)
def _combine(dst, d0, src, at, c, n):
    """dst[d0 + k] = sum over t of c[t]*src[at[t] + k] for k < n: one vector loop, as many source
    streams as the row has nonzeros (they come first in a sparse_rows row)."""
    d = np.uint64(d0)
    o0, o1, o2 = np.uint64(at[0]), np.uint64(at[1]), np.uint64(at[2])
    o3, o4, o5 = np.uint64(at[3]), np.uint64(at[4]), np.uint64(at[5])
    c0, c1, c2, c3, c4, c5 = c[0], c[1], c[2], c[3], c[4], c[5]
    if c2 == 0:
        for k in range(np.uint64(n)):
            dst[d + k] = c0 * src[o0 + k] + c1 * src[o1 + k]
    elif c3 == 0:
        for k in range(np.uint64(n)):
            dst[d + k] = c0 * src[o0 + k] + c1 * src[o1 + k] + c2 * src[o2 + k]
    elif c4 == 0:
        for k in range(np.uint64(n)):
            dst[d + k] = c0 * src[o0 + k] + c1 * src[o1 + k] + c2 * src[o2 + k] + c3 * src[o3 + k]
    else:
        for k in range(np.uint64(n)):
            dst[d + k] = (c0 * src[o0 + k] + c1 * src[o1 + k] + c2 * src[o2 + k] + c3 * src[o3 + k]
                          + c4 * src[o4 + k] + c5 * src[o5 + k])


@njit(**JIT_OPTIONS)
def split_columns(dy, n_lo, n_hi, step, pad_left, width, out):
    """out[res, n - n_lo, row, u] = dy[n, row, R*(u - pad_left) + res] with R = TILE*step, zero
    outside dy; then width*O zeros.

    The tiles of a phase with in_step ``step`` start every TILE of its columns: after this split
    the column j of every tile in a row of tiles sits at one stride, so each transform step is one
    long vector loop over all the tiles of the row. The zeros after the split stand for rows
    outside dy.
    """
    _, H, W, O = dy.shape
    R = TILE * step
    src = dy.reshape(-1)
    at = np.uint64(0)
    for res in range(R):                 # every element of out written once, in order
        for n in range(n_lo, n_hi):
            for row in range(H):
                for u in range(width):
                    x = R * (u - pad_left) + res
                    if 0 <= x < W:
                        start = np.uint64(((n * H + row) * W + x) * O)
                        for o in range(np.uint64(O)):
                            out[at + o] = src[start + o]
                    else:
                        for o in range(np.uint64(O)):
                            out[at + o] = 0
                    at += np.uint64(O)
    for o in range(np.uint64(width * O)):
        out[at + o] = 0


@njit(**JIT_OPTIONS)
def input_tiles(src, shape, step, pad_left, Ty, Tx, bt_y, bt_x, phases, n, ty0, ty1, rows, scratch, v):
    """v[(p*Tx + q)*pairs + k, r, :] = (BT_y D BT_x^T)[p, q, :] for the tiles in rows of tiles [ty0, ty1).

    ``src`` is split_columns' output, of ``shape`` (R, N, H, width, O), flat, with its zeros
    after it,
    ``bt_y``/``bt_x`` sparse_rows of BT, ``phases[k]`` (tiles_y, tiles_x, in_first, in_step,
    in_count, offset) of y then (in_first, offset) of x for the phase pair k. Tile (ty, tx) of
    image n covers the outputs TILE*ty ... TILE*ty + TILE - 1 (and across) of its pair, reads
    U[TILE*ty + offset_y + i, TILE*tx + offset_x + j] and is row r = (ty - ty0)*tiles_x + tx of v
    (``rows`` per pair; rows past a pair's tiles are left alone). ``scratch`` holds Ty*Tx runs.
    """
    R, N, H, width, O = shape
    dst = v.reshape(-1)
    zeros = R * N * H * width * O                # split's zeros: rows outside dy
    span = scratch.size // (Ty * Tx)
    bt_y_cols, bt_y_coef = bt_y
    bt_x_cols, bt_x_coef = bt_x
    at = np.empty(_TERMS, dtype=np.int64)
    pairs = phases.shape[0]
    for k in range(pairs):
        tiles_x, yf, ys, yn, yo, xf, xo = (phases[k, 1], phases[k, 2], phases[k, 3], phases[k, 4],
                                           phases[k, 5], phases[k, 6], phases[k, 7])
        run = tiles_x * O
        for ty in range(ty0, min(ty1, phases[k, 0])):
            for i in range(Ty):                  # the columns' transform of input row i, all tiles
                b = TILE * ty + yo + i
                for q in range(Tx):
                    for t in range(_TERMS):
                        e = xo + bt_x_cols[q, t]
                        res, u = xf + step * (e % TILE), e // TILE + pad_left
                        at[t] = (((res * N + n) * H + yf + ys * b) * width + u) * O if 0 <= b < yn else zeros
                    c = bt_x_coef[q]
                    _combine(scratch, (i * Tx + q) * span, src, at, c, run)
            r0 = (ty - ty0) * tiles_x
            for p in range(Ty):                  # the rows' transform, into v
                c = bt_y_coef[p]
                for q in range(Tx):
                    for t in range(_TERMS):
                        at[t] = (bt_y_cols[p, t] * Tx + q) * span
                    _combine(dst, (((p * Tx + q) * pairs + k) * rows + r0) * O, scratch, at, c, run)


@njit(**JIT_OPTIONS)
def output_tiles(m, Ty, Tx, at_y, at_x, phases, n, ty0, ty1, scratch, dx):
    """dx[n, out_first + out_step*a, ...] = (AT_y M AT_x^T)[a - TILE*ty, b - TILE*tx] for the
    outputs of those rows of tiles.

    ``m`` (Ty*Tx*pairs, rows, C) holds the products, laid out as input_tiles' v; ``at_y``/``at_x``
    are sparse_rows of AT; ``phases[k]`` holds (tiles_y, tiles_x, out_first, out_step, out_count)
    of y then of x. Outputs past out_count are dropped. ``scratch`` holds TILE*Tx + 1 runs.
    """
    N, H, W, C = dx.shape
    _, rows, _ = m.shape
    src, dst = m.reshape(-1), dx.reshape(-1)
    span = scratch.size // (TILE * Tx + 1)
    done = TILE * Tx * span                      # one output row's columns, transformed
    at_y_cols, at_y_coef = at_y
    at_x_cols, at_x_coef = at_x
    at = np.empty(_TERMS, dtype=np.int64)
    pairs = phases.shape[0]
    for k in range(pairs):
        tiles_x, yf, ys, yn, xf, xs, xn = (phases[k, 1], phases[k, 2], phases[k, 3], phases[k, 4],
                                           phases[k, 5], phases[k, 6], phases[k, 7])
        for ty in range(ty0, min(ty1, phases[k, 0])):
            r0 = (ty - ty0) * tiles_x
            for a in range(min(TILE, yn - TILE * ty)):   # the rows' transform of output row a
                c = at_y_coef[a]
                for q in range(Tx):
                    for t in range(_TERMS):
                        at[t] = (((at_y_cols[a, t] * Tx + q) * pairs + k) * rows + r0) * C
                    _combine(scratch, (a * Tx + q) * span, src, at, c, tiles_x * C)
                row = (n * H + yf + ys * (TILE * ty + a)) * W
                for b in range(TILE):                    # the columns' transform, then into dx
                    c = at_x_coef[b]
                    for t in range(_TERMS):
                        at[t] = (a * Tx + at_x_cols[b, t]) * span
                    _combine(scratch, done, scratch, at, c, tiles_x * C)
                    # into dx pixel by pixel, the loop written out: a call per pixel cost 20%
                    for tx in range(min(tiles_x, (xn - b + TILE - 1) // TILE)):
                        to = np.uint64((row + xf + xs * (TILE * tx + b)) * C)
                        start = np.uint64(done + tx * C)
                        for ch in range(np.uint64(C)):
                            dst[to + ch] = scratch[start + ch]


def transpose_tiles(split, shape, step, pad_left, Ty, Tx, tables, ins, outs, w_t, n_lo, ty_step,
                    v, m, in_scratch, out_scratch, dx):
    """One group of phase pairs (tile size Ty x Tx) of the images in ``split`` (input_tiles'
    ``src`` and ``shape``): per image and chunk of ``ty_step`` rows of tiles, the input
    transform, one matrix product per transform point (per pair too unless they share ``w_t``),
    the output transform.

    ``tables`` is (BT_y, BT_x, AT_y, AT_x) as sparse_rows; ``w_t`` the transformed kernels,
    (Ty*Tx, O, C) shared by the pairs or (Ty*Tx*pairs, O, C); ``v`` and ``m`` hold a chunk's
    transformed inputs and products, laid out as input_tiles says.
    """
    bt_y, bt_x, at_y, at_x = tables
    tiles_y = ins[:, 0].max()
    stacks, O, C = w_t.shape
    v_stacks = v.reshape(stacks, -1, O)
    m_stacks = m.reshape(stacks, -1, C)
    for n in range(shape[1]):
        for ty0 in range(0, tiles_y, ty_step):
            input_tiles(split, shape, step, pad_left, Ty, Tx, bt_y, bt_x, ins, n, ty0, ty0 + ty_step,
                        v.shape[1], in_scratch, v)
            matmul_in_blocks(v_stacks, w_t, m_stacks)
            output_tiles(m, Ty, Tx, at_y, at_x, outs, n_lo + n, ty0, ty0 + ty_step, out_scratch, dx)


def transpose_part(dy, parts, step, pad_left, width, groups, table_cols, table_coefs, ins, outs,
                   w_ts, split, v, m, in_scratch, out_scratch, dx, p):
    """Every group of phase pairs for the images of part p, ``parts[p]`` = (n_lo, n_hi).

    ``groups`` holds a row per group of phase pairs (one tile size each): Ty, Tx; its pairs' first
    and end rows in ``ins`` and ``outs``; the first rows of its BT_y, BT_x, AT_y, AT_x in the
    tables (sparse_rows, stacked); its kernels' first element in the flat ``w_ts``, and their
    count; the rows of tiles and the rows of v per chunk; the most tiles along x. ``split``,
    ``v``, ``m``, ``in_scratch`` and ``out_scratch`` have a row per part: no two parts share
    memory.
    """
    _, H, _, O = dy.shape
    C = dx.shape[3]
    R = TILE * step
    lo, hi = parts[p]
    size = R * (hi - lo) * H * width * O
    images = split[p, :size + width * O]
    split_columns(dy, lo, hi, step, pad_left, width, images)
    for Ty, Tx, k0, k1, by, bx, ay, ax, w0, stacks, ty_step, rows, tiles_x in groups:
        tables = ((table_cols[by:by + Ty], table_coefs[by:by + Ty]),
                  (table_cols[bx:bx + Tx], table_coefs[bx:bx + Tx]),
                  (table_cols[ay:ay + TILE], table_coefs[ay:ay + TILE]),
                  (table_cols[ax:ax + TILE], table_coefs[ax:ax + TILE]))
        points = Ty * Tx * (k1 - k0)
        transpose_tiles(images, (R, hi - lo, H, width, O), step, pad_left, Ty, Tx, tables, ins[k0:k1], outs[k0:k1],
                        w_ts[w0:w0 + stacks * O * C].reshape((stacks, O, C)), lo, ty_step,
                        v[p, :points * rows * O].reshape((points, rows, O)),
                        m[p, :points * rows * C].reshape((points, rows, C)),
                        in_scratch[p, :Ty * Tx * tiles_x * O],
                        out_scratch[p, :(TILE * Tx + 1) * tiles_x * C], dx)
