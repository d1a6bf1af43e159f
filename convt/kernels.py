"""Numba kernels: 2-D convolution, its transpose and its filter gradient, in one canonical layout.

Layout (TensorFlow's forward layout, for every framework):

- ``x``  input  ``(N, H, W, C)``;
- ``w``  filter ``(kh, kw, C // groups, O)``;
- ``y``  output ``(N, out_h, out_w, O)``.

The forward convolution (cross-correlation, no kernel flip, as in deep learning)::

    y[n, oy, ox, o] = sum over ky, kx, c of
        x[n, oy*sh + ky*dh - pad_top, ox*sw + kx*dw - pad_left, g*Cg + c] * w[ky, kx, c, o]

with ``g = o // (O // groups)``, ``Cg = C // groups`` and ``x`` read as zero outside the image.
``conv2d_transpose`` is its exact adjoint: every ``dy[n, oy, ox, o]`` is scattered back, times
``w[ky, kx, c, o]``, to the input position it was read from; positions outside the requested
output are dropped. ``conv2d_filter_grad`` is the gradient of the forward conv w.r.t. ``w``
(itself a forward convolution, of ``x`` by ``dy``: the direct loops are shared).

Two implementations of each, chosen by size:

- *direct* loops that read like the formulas above (fast for the small arrays the app shows);
- *GEMM*: ``im2col`` / ``col2im`` in Numba around NumPy matrix products. ``conv2d_forward`` and
  ``conv2d_transpose`` split the batch over a small pool of Python threads (``_in_parallel``)
  and give BLAS products small enough that OpenBLAS runs them on the calling thread: BLAS's own
  threads collapse when other processes share the cores (measured so: 40 us for a 9x64x512
  product on two threads, 7 us for 8x64x512 on one). ``conv2d_filter_grad`` still uses
  multithreaded BLAS.

Big float32 transposed convs go further (float64, the app's dtype, keeps the NumPy-driven
path, which needs no extra compiling): where NumPy's OpenBLAS can be called from Numba
(``convt._blas``), each part of the batch is one nogil call, the parts on OpenMP's threads at
once (``convt._openmp``: no Python thread to wake); and where the sub-pixel or polyphase
phases have at most 3x3 taps and Winograd saves half the multiplications, ``convt.winograd``
computes them (``_winograd_plan`` decides).

The public functions take validated arguments (the adapters in ``tf_style`` / ``torch_style``
check them), make the arrays C-contiguous and return arrays of the input's dtype.
"""

import functools
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numpy as np
from numba import cfunc, njit

from . import _blas, _openmp, winograd
from ._blas import gemm
from ._numba_config import JIT_OPTIONS

# When im2col + BLAS beats the direct loops (measured with benchmarks/bench_kernels.py on a
# 2-core x86-64 machine): enough multiply-adds, and per-group channel matrices (C/groups x
# O/groups) that are not tiny (BLAS is poor at 1-channel products).
GEMM_MIN_MACS = 16_384
GEMM_MIN_CHANNELS = 8
# Largest im2col buffer (bytes) built at once, per thread: bigger problems go in chunks of rows,
# so a chunk is still in L2 when BLAS or col2im reads it, and memory stays bounded.
GEMM_CHUNK_BYTES = 1024 * 1024
# Work is split into parts (images, or im2col rows) taken by this thread and a small pool of
# Python threads, KERNEL_THREADS in all; the Numba code and BLAS release the GIL. The big float32
# transposes run theirs on OpenMP's threads instead (_run_parts). Not Numba's parallel=True: see
# _numba_config. Under SPLIT_MIN_ELEMENTS (im2col matrix elements) the hand-over is not worth it.
KERNEL_THREADS = max(1, min(4, os.cpu_count() or 1))
SPLIT_MIN_ELEMENTS = 1 << 17
# OpenBLAS runs a product of m*n*k <= 4 * 65536 multiply-adds on the calling thread (its
# GEMM_MULTITHREAD_THRESHOLD), larger ones on its own threads.
BLAS_ONE_THREAD_MNK = 262_144
# Blocks of fewer rows re-pack the k x n matrix too often (measured per thread, against the whole
# product on 2 BLAS threads: 4-row blocks as fast, 2-row 1.3x, 1-row 2x slower): wider products
# go to BLAS whole, on its threads.
BLAS_MIN_BLOCK_ROWS = 4
# When a transposed conv goes through Winograd (convt.winograd) instead of im2col: one group,
# enough channels on both sides that the transforms (linear in channels) cost little next to the
# products (quadratic), and at most this fraction of im2col's multiplications.
WINOGRAD_MIN_CHANNELS = 16
WINOGRAD_MAX_PRODUCTS = 0.5
_EXECUTOR = None
_EXECUTOR_LOCK = threading.Lock()
_SCRATCH = threading.local()


# ---------------------------------------------------------------------------------------------
# Direct loops
# ---------------------------------------------------------------------------------------------

@njit(**JIT_OPTIONS)
def _forward_direct(x, w, sh, sw, dh, dw, pt, pl, groups, y):
    """y[n, oy, ox, o] += x[n, iy, ix, g*Cg + c] * w[ky, kx, c, o] for every tap in the image."""
    N, H, W, C = x.shape
    kh, kw, Cg, O = w.shape
    _, oh, ow, _ = y.shape
    Og = O // groups
    for n in range(N):
        for oy in range(oh):
            for ox in range(ow):
                for ky in range(kh):
                    iy = oy * sh + ky * dh - pt
                    if iy < 0 or iy >= H:
                        continue
                    for kx in range(kw):
                        ix = ox * sw + kx * dw - pl
                        if ix < 0 or ix >= W:
                            continue
                        for g in range(groups):
                            for c in range(Cg):
                                v = x[n, iy, ix, g * Cg + c]
                                for o in range(g * Og, (g + 1) * Og):
                                    y[n, oy, ox, o] += v * w[ky, kx, c, o]


@njit(**JIT_OPTIONS)
def _transpose_direct(dy, w, sh, sw, dh, dw, pt, pl, groups, dx):
    """dx[n, iy, ix, g*Cg + c] += dy[n, oy, ox, o] * w[ky, kx, c, o]: the forward conv's adjoint."""
    N, h, wd, O = dy.shape
    kh, kw, Cg, _ = w.shape
    _, H, W, _ = dx.shape
    Og = O // groups
    for n in range(N):
        for oy in range(h):
            for ox in range(wd):
                for ky in range(kh):
                    iy = oy * sh + ky * dh - pt
                    if iy < 0 or iy >= H:
                        continue
                    for kx in range(kw):
                        ix = ox * sw + kx * dw - pl
                        if ix < 0 or ix >= W:
                            continue
                        for g in range(groups):
                            for c in range(Cg):
                                s = dx[n, iy, ix, g * Cg + c]
                                for o in range(g * Og, (g + 1) * Og):
                                    s += dy[n, oy, ox, o] * w[ky, kx, c, o]
                                dx[n, iy, ix, g * Cg + c] = s


# ---------------------------------------------------------------------------------------------
# im2col / col2im: the data movement around the matrix products
# ---------------------------------------------------------------------------------------------

@njit(**JIT_OPTIONS)
def _tap_range(first, step, k, size):
    """Taps t in [t0, t1) with 0 <= first + t*step < size (the kernel columns inside the image)."""
    t0 = 0
    while t0 < k and first + t0 * step < 0:
        t0 += 1
    t1 = k
    while t1 > t0 and first + (t1 - 1) * step >= size:
        t1 -= 1
    return t0, t1


@njit(**JIT_OPTIONS)
def _im2col(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, r_lo, r_hi, cols):
    """cols[g, r, ky, kx, c] = x[n, iy, ix, g*Cg + c] (0 outside) for r in [r_lo, r_hi).

    ``cols`` holds the rows m0, m0 + 1, ... of the im2col matrix (one chunk of it), row
    m = m0 + r standing for the output pixel (n, oy, ox) with m = (n*oh + oy)*ow + ox.
    """
    N, H, W, C = x.shape
    G, rows, kh, kw, Cg = cols.shape
    # Row views: with one group and no column dilation, the taps kx0..kx1-1 of a kernel row read
    # one contiguous run of x[n, iy] (kx and ix advance together); copy it as one vector loop.
    x_rows = x.reshape(N, H, W * C)
    col_rows = cols.reshape(G, rows, kh, kw * Cg)
    for r in range(r_lo, r_hi):
        m = m0 + r
        n, oy, ox = m // (oh * ow), (m // ow) % oh, m % ow
        ix0 = ox * sw - pl                                  # image column of tap kx = 0
        kx0, kx1 = _tap_range(ix0, dw, kw, W)
        for ky in range(kh):
            iy = oy * sh + ky * dh - pt
            if iy < 0 or iy >= H:
                col_rows[:, r, ky, :] = 0
            elif G == 1 and dw == 1:
                dst = col_rows[0, r, ky]
                src = x_rows[n, iy, (ix0 + kx0) * C:]
                dst[:kx0 * C] = 0
                run = dst[kx0 * C:]
                for j in range((kx1 - kx0) * C):
                    run[j] = src[j]
                dst[kx1 * C:] = 0
            else:
                for kx in range(kw):
                    ix = ix0 + kx * dw
                    for g in range(G):
                        for c in range(Cg):
                            if kx0 <= kx < kx1:
                                cols[g, r, ky, kx, c] = x[n, iy, ix, g * Cg + c]
                            else:
                                cols[g, r, ky, kx, c] = 0


@njit(**JIT_OPTIONS)
def _col2im(cols, sh, sw, dh, dw, pt, pl, h, wd, m0, dx):
    """dx[n, iy, ix, g*Cg + c] += cols[g, r, ky, kx, c] for every tap landing inside dx.

    The scatter-and-sum: ``cols`` holds the rows m0, m0 + 1, ... of the product dy @ w^T, row
    m = m0 + r standing for the input pixel (n, oy, ox) with m = (n*h + oy)*wd + ox. Taps landing
    outside dx are dropped. Calls on different images write disjoint parts of dx, so they can run
    at the same time.
    """
    N, H, W, C = dx.shape
    G, rows, kh, kw, Cg = cols.shape
    dx_rows = dx.reshape(N, H, W * C)          # as in _im2col: contiguous runs when G == dw == 1
    col_rows = cols.reshape(G, rows, kh, kw * Cg)
    for r in range(rows):
        m = m0 + r
        n, oy, ox = m // (h * wd), (m // wd) % h, m % wd
        ix0 = ox * sw - pl
        kx0, kx1 = _tap_range(ix0, dw, kw, W)
        for ky in range(kh):
            iy = oy * sh + ky * dh - pt
            if iy < 0 or iy >= H:
                continue
            if G == 1 and dw == 1:
                dst = dx_rows[n, iy, (ix0 + kx0) * C:]
                src = col_rows[0, r, ky, kx0 * C:]
                for j in range((kx1 - kx0) * C):
                    dst[j] += src[j]
            else:
                for kx in range(kx0, kx1):
                    ix = ix0 + kx * dw
                    for g in range(G):
                        for c in range(Cg):
                            dx[n, iy, ix, g * Cg + c] += cols[g, r, ky, kx, c]


# ---------------------------------------------------------------------------------------------
# Public functions (arguments validated by the callers)
# ---------------------------------------------------------------------------------------------

def _prepare(a, b):
    """C-contiguous float32/float64 arrays, ``b`` in ``a``'s dtype."""
    a = np.ascontiguousarray(a)
    if a.dtype != np.float32 and a.dtype != np.float64:
        a = a.astype(np.float64)
    b = np.ascontiguousarray(b, dtype=a.dtype)
    return a, b


def _use_gemm(macs, cg, og):
    """im2col + BLAS pays off once there is enough work and the channel matrices are not tiny."""
    return macs >= GEMM_MIN_MACS and cg * og >= GEMM_MIN_CHANNELS


def _executor():
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = ThreadPoolExecutor(max_workers=max(1, KERNEL_THREADS - 1),
                                           thread_name_prefix="convt-kernels")
        return _EXECUTOR


def _in_parallel(fn, arg_lists):
    """fn(*args) for each args, taken in turn by this thread and up to KERNEL_THREADS - 1 others.

    A pool thread that the OS wakes late (other processes on the cores) finds fewer parts left,
    or none: then this thread has done them all and does not wait for it. The kernels release the
    GIL (nogil=True) and each call writes its own part of the output, so this is safe from any
    number of caller threads (a pool task never waits on the pool).
    """
    parts, lock = iter(arg_lists), threading.Lock()

    def work():
        while True:
            with lock:
                args = next(parts, None)
            if args is None:
                return
            fn(*args)

    helpers = [_executor().submit(work) for _ in range(min(KERNEL_THREADS, len(arg_lists)) - 1)]
    try:
        work()
    finally:
        for f in helpers:
            if not f.cancel():
                f.result()


def _split(lo, hi, work, parts=KERNEL_THREADS):
    """Up to ``parts`` near-equal parts of range(lo, hi); one part if the work is small."""
    parts = max(1, min(hi - lo, parts if work >= SPLIT_MIN_ELEMENTS else 1))
    return [(lo + (hi - lo) * i // parts, lo + (hi - lo) * (i + 1) // parts) for i in range(parts)]


def _im2col_split(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, cols):
    bounds = _split(0, cols.shape[1], cols.size)
    _in_parallel(_im2col, [(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, lo, hi, cols)
                           for lo, hi in bounds])


def _matmul_in_blocks(a, b, out):
    """out = a @ b for stacks a (G, rows, k), b (G, k, n), in blocks of rows that OpenBLAS runs on
    this thread (m*n*k <= BLAS_ONE_THREAD_MNK): one stacked matmul, and one for the remainder."""
    G, rows, k = a.shape
    n = b.shape[2]
    block = BLAS_ONE_THREAD_MNK // (k * n)
    if block < BLAS_MIN_BLOCK_ROWS:
        np.matmul(a, b, out=out)
        return
    full = rows - rows % block                                    # splitting axis 1: views
    np.matmul(a[:, :full].reshape(G, -1, block, k), b[:, None],
              out=out[:, :full].reshape(G, -1, block, n))
    np.matmul(a[:, full:], b, out=out[:, full:])


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
    """An empty array starting on a cache line (NumPy's own start at 16 bytes): vector loads that
    straddle two lines measured 4% slower here."""
    raw = np.empty(size * dtype.itemsize + alignment, dtype=np.uint8)
    start = -raw.ctypes.data % alignment
    return raw[start:start + size * dtype.itemsize].view(dtype)


def _chunk_rows(rows, row_bytes):
    """Rows of the im2col matrix per chunk, so that one chunk stays under GEMM_CHUNK_BYTES."""
    return max(1, min(rows, GEMM_CHUNK_BYTES // max(1, row_bytes)))


def conv2d_forward(x, w, stride, dilation, pad_before, out_size, groups=1):
    """Forward convolution: x (N, H, W, C), w (kh, kw, C//groups, O) -> y (N, out_h, out_w, O)."""
    x, w = _prepare(x, w)
    (sh, sw), (dh, dw), (pt, pl), (oh, ow) = stride, dilation, pad_before, out_size
    N = x.shape[0]
    kh, kw, Cg, O = w.shape
    K, Og = kh * kw * Cg, O // groups
    M = N * oh * ow
    if not _use_gemm(M * K * O, Cg, Og):
        y = np.zeros((N, oh, ow, O), dtype=x.dtype)
        _forward_direct(x, w, sh, sw, dh, dw, pt, pl, groups, y)
        return y
    y = np.empty((N, oh, ow, O), dtype=x.dtype)
    wg = np.ascontiguousarray(w.reshape(K, groups, Og).transpose(1, 0, 2))   # (G, K, Og)
    geometry = (sh, sw, dh, dw, pt, pl)
    _in_parallel(_forward_images, [(x, wg, geometry, (kh, kw, Cg), n_lo, n_hi, y)
                                   for n_lo, n_hi in _split(0, N, M * K * groups, parts=N)])
    return y


def _forward_images(x, wg, geometry, kernel, n_lo, n_hi, y):
    """y[n_lo:n_hi] = im2col(x) @ w for those images, in chunks of rows, on this thread.

    BLAS gets blocks of at most BLAS_ONE_THREAD_MNK multiply-adds, as in _transpose_images.
    """
    _, oh, ow, O = y.shape
    G, K, Og = wg.shape
    m_lo, m_hi = n_lo * oh * ow, n_hi * oh * ow
    y2 = y.reshape(-1, O)
    step = _chunk_rows(m_hi - m_lo, G * K * x.itemsize)
    buffer = np.empty(G * step * K, dtype=x.dtype)           # reused: no page faults per chunk
    for m0 in range(m_lo, m_hi, step):
        rows = min(step, m_hi - m0)
        cols = buffer[:G * rows * K].reshape(G, rows, *kernel)
        _im2col(x, *geometry, oh, ow, m0, 0, rows, cols)
        yg = y2[m0:m0 + rows].reshape(rows, G, Og).transpose(1, 0, 2)        # (G, rows, Og) of y
        _matmul_in_blocks(cols.reshape(G, rows, K), wg, yg)


def conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups=1):
    """Adjoint of conv2d_forward: dy (N, h, w, O) -> dx (N, out_h, out_w, C)."""
    dy, w = _prepare(dy, w)
    (sh, sw), (dh, dw), (pt, pl), (H, W) = stride, dilation, pad_before, out_size
    N, h, wd, O = dy.shape
    kh, kw, Cg, _ = w.shape
    K, Og = kh * kw * Cg, O // groups
    M = N * h * wd
    shape = (N, H, W, Cg * groups)
    if not _use_gemm(M * K * O, Cg, Og):
        dx = np.zeros(shape, dtype=dy.dtype)
        _transpose_direct(dy, w, sh, sw, dh, dw, pt, pl, groups, dx)
        return dx
    plan = _winograd_plan(dy.shape, w.shape, tuple(stride), tuple(dilation), tuple(pad_before),
                          tuple(out_size), groups, dy.dtype.char, WINOGRAD_MIN_CHANNELS,
                          WINOGRAD_MAX_PRODUCTS, GEMM_CHUNK_BYTES)
    if plan:
        # Winograd writes every output its phases reach: where they reach all, no zeros are needed.
        dx = (np.empty if plan.covers_all else np.zeros)(shape, dtype=dy.dtype)
        _transpose_winograd(dy, w, plan, dx)
        return dx
    wt = np.ascontiguousarray(w.reshape(K, groups, Og).transpose(1, 2, 0))   # (G, Og, K)
    geometry = (sh, sw, dh, dw, pt, pl)
    if dy.dtype == np.float32 and _blas.GEMM:        # one nogil call per part, BLAS from Numba
        dx = np.empty(shape, dtype=dy.dtype)         # each part zeroes its own images
        block = max(BLAS_MIN_BLOCK_ROWS, BLAS_ONE_THREAD_MNK // (K * Og))
        parts = np.array(_split(0, N, M * K * groups), dtype=np.int64)
        _, (cols,) = _part_rows(dy.dtype, 0, len(parts), groups * block * K)
        _run_parts(_transpose_blocks_parts, _transpose_blocks, len(parts), dy, wt, *geometry, kh, kw,
                   parts, block, _blas.GEMM[dy.dtype], cols, dx)
        return dx
    dx = np.zeros(shape, dtype=dy.dtype)
    _in_parallel(_transpose_images, [(dy, wt, geometry, (kh, kw, Cg), n_lo, n_hi, dx)
                                     for n_lo, n_hi in _split(0, N, M * K * groups, parts=N)])
    return dx


@njit(**JIT_OPTIONS)
def _transpose_blocks(dy, wt, sh, sw, dh, dw, pt, pl, kh, kw, parts, block, gemm_address, cols, dx, p):
    """dx = col2im(dy @ w^T) for the images [parts[p, 0], parts[p, 1]), ``block`` rows of dy at a
    time: each block's product (BLAS, called from here, on this thread) goes to col2im while it
    is in cache. Zeroes those images of dx first (in parallel, and into cache, with the rest)."""
    N, h, wd, O = dy.shape
    G, Og, K = wt.shape
    n_lo, n_hi = parts[p, 0], parts[p, 1]
    dx[n_lo:n_hi] = 0
    a, b, c = dy.reshape(-1), wt.reshape(-1), cols[p]
    m_hi = n_hi * h * wd
    for r0 in range(n_lo * h * wd, m_hi, block):
        r = min(block, m_hi - r0)
        for g in range(G):
            gemm(gemm_address, r, K, Og, a, r0 * O + g * Og, O, b, g * Og * K, K, 0.0, c, g * r * K, K)
        _col2im(c[:G * r * K].reshape(G, r, kh, kw, K // (kh * kw)), sh, sw, dh, dw, pt, pl, h, wd, r0, dx)


@functools.cache
def _transpose_blocks_parts():
    """The cfunc running _transpose_blocks on every part (convt._openmp), made on first use (see
    winograd.transpose_parts)."""
    return cfunc(_openmp.ENTRY_SIGNATURE, **JIT_OPTIONS)(_blocks_parts)


def _blocks_parts(address):
    """_transpose_blocks for each part not yet taken, on whichever thread runs this: the
    arguments are _transpose_blocks' but the last (p), described in that order."""
    d = _openmp.descriptor_at(address)
    dy, at = _openmp.read4(d, _openmp.FIRST, np.float32)
    wt, at = _openmp.read3(d, at, np.float32)
    sh, sw, dh, dw, pt, pl, kh, kw = d[at:at + 8]
    parts, at = _openmp.read2(d, at + 8, np.int64)
    block, gemm_address = d[at], d[at + 1]
    cols, at = _openmp.read2(d, at + 2, np.float32)
    dx, at = _openmp.read4(d, at, np.float32)
    p = _openmp.next_part(d)
    while p < d[_openmp.PARTS]:
        _transpose_blocks(dy, wt, sh, sw, dh, dw, pt, pl, kh, kw, parts, block, gemm_address, cols, dx, p)
        p = _openmp.next_part(d)


def _transpose_images(dy, wt, geometry, kernel, n_lo, n_hi, dx):
    """dx[n_lo:n_hi] = col2im(dy @ w^T) for those images, in chunks of rows, on this thread, with
    NumPy's matmul: float64 (the app's small arrays; no extra compiling), or no BLAS reachable
    from Numba (convt._blas; else _transpose_blocks).

    The products go to BLAS in blocks of rows of at most BLAS_ONE_THREAD_MNK multiply-adds,
    which OpenBLAS runs on the calling thread: the parallelism is the split over images.
    """
    _, h, wd, O = dy.shape
    G, Og, K = wt.shape
    m_lo, m_hi = n_lo * h * wd, n_hi * h * wd
    dy2 = dy.reshape(-1, O)
    step = _chunk_rows(m_hi - m_lo, G * K * dy.itemsize)
    buffer = np.empty(G * step * K, dtype=dy.dtype)          # reused: no page faults per chunk
    for m0 in range(m_lo, m_hi, step):
        rows = min(step, m_hi - m0)
        dyg = dy2[m0:m0 + rows].reshape(rows, G, Og).transpose(1, 0, 2)      # (G, rows, Og)
        cols = buffer[:G * rows * K].reshape(G, rows, K)
        _matmul_in_blocks(dyg, wt, cols)
        _col2im(cols.reshape(G, rows, *kernel), *geometry, h, wd, m0, dx)


@functools.lru_cache(maxsize=256)
def _winograd_plan(dy_shape, w_shape, stride, dilation, pad_before, out_size, groups, dtype_char,
                   min_channels, max_products, chunk_bytes):
    """How to run a transposed conv with Winograd (``_WinogradPlan``), or None where it does not
    pay: float64 (big float64 convs are rare, and their kernels would double the compile time),
    several groups, fewer than ``min_channels``, more than ``max_products`` of the direct
    multiplications; or no BLAS callable from Numba (``convt._blas``). A chunk of transformed
    inputs takes at most ``chunk_bytes``."""
    N, h, wd, O = dy_shape
    kh, kw, C, _ = w_shape
    if not _blas.GEMM or dtype_char != "f" or groups != 1 or min(C, O) < min_channels:
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
    return _WinogradPlan(kernel_taps, step, pad_left, width,
                         *_group_arguments(by_size, kernel_taps, O, C, dtype_char, chunk_bytes),
                         covers_all)


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


class _WinogradPlan(NamedTuple):
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


def _transpose_winograd(dy, w, plan, dx, parts=None):
    """dx of every phase pair by F(4x4, Ly x Lx), the images split into parts, each part on its
    own thread (_run_parts).

    Phase pairs write disjoint positions of dx, parts disjoint images.
    """
    N, H, _, O = dy.shape
    C, dtype = dx.shape[3], dy.dtype
    if parts is None:
        parts = np.array(_split(0, N, dy.size * C), dtype=np.int64)
    most = int((parts[:, 1] - parts[:, 0]).max())
    split_size = winograd.TILE * plan.step * most * H * plan.width * O + plan.width * O
    kernel_sizes = [len(gg) * len(taps) * O * C for taps, gg in plan.kernel_taps]
    w_ts, buffers = _part_rows(dtype, sum(kernel_sizes), len(parts), split_size, *plan.part_sizes)
    for (taps, gg), first, size in zip(plan.kernel_taps, np.cumsum([0] + kernel_sizes), kernel_sizes):
        winograd.transformed_kernels(w, taps, gg, _blas.GEMM[dtype],
                                     w_ts[first:first + size].reshape(len(gg), len(taps), O, C))
    _run_parts(winograd.transpose_parts, winograd.transpose_part, len(parts), dy, parts, plan.step,
               plan.pad_left, plan.width, plan.group_rows, plan.table_cols, plan.table_coefs, plan.ins,
               plan.outs, w_ts, _blas.GEMM[dtype], max(1, BLAS_ONE_THREAD_MNK // (O * C)), *buffers, dx)


def _run_parts(entry, part, parts, *arguments):
    """part(*arguments, p) for each of ``parts`` parts p, at once: on OpenMP's threads through
    the cfunc ``entry()`` (convt._openmp) where libgomp loads, else on the Python pool. A single
    part runs here, without describing its arguments (10 us: half of a 20 us call)."""
    threads = min(parts, KERNEL_THREADS)
    if threads > 1 and _openmp.run(entry(), _openmp.describe(parts, *arguments), threads):
        return
    _in_parallel(part, [(*arguments, p) for p in range(parts)])


def _part_rows(dtype, shared, parts, *sizes):
    """_scratch arrays: one of ``shared`` elements, and a list of arrays of ``parts`` rows each,
    rows of at least these sizes, each row starting on a cache line."""
    per_line = 64 // np.dtype(dtype).itemsize
    sizes = [-(-size // per_line) * per_line for size in sizes]
    common, *rows = _scratch(dtype, shared, *(parts * s for s in sizes))
    return common, [a.reshape(parts, size) for a, size in zip(rows, sizes)]


def conv2d_filter_grad(x, dy, kernel_size, stride, dilation, pad_before, groups=1):
    """Gradient of conv2d_forward w.r.t. w: x (N, H, W, C), dy (N, oh, ow, O) -> (kh, kw, C//groups, O).

    dw[ky, kx, c, o] = sum over n, oy, ox of x[n, oy*sh + ky*dh - pt, ox*sw + kx*dw - pl, c] * dy[n, oy, ox, o].
    """
    x, dy = _prepare(x, dy)
    (kh, kw), (sh, sw), (dh, dw), (pt, pl) = kernel_size, stride, dilation, pad_before
    N, H, W, C = x.shape
    _, oh, ow, O = dy.shape
    Cg, Og = C // groups, O // groups
    K = kh * kw * Cg
    M = N * oh * ow
    if not _use_gemm(M * K * O, Cg, Og):
        # Small: the sum above is itself a forward convolution, of x with the channels as batch
        # and the batch as channels, by dy as the kernel, stride and dilation swapped.
        x_swapped = np.ascontiguousarray(x.transpose(3, 1, 2, 0))     # (C, H, W, N)
        dwt = np.empty((kh, kw, Cg, O), dtype=x.dtype)
        for g in range(groups):
            dy_kernel = np.ascontiguousarray(dy[..., g * Og:(g + 1) * Og].transpose(1, 2, 0, 3))
            grad = np.zeros((Cg, kh, kw, Og), dtype=x.dtype)
            _forward_direct(x_swapped[g * Cg:(g + 1) * Cg], dy_kernel, dh, dw, sh, sw, pt, pl, 1, grad)
            dwt[..., g * Og:(g + 1) * Og] = grad.transpose(1, 2, 0, 3)
        return dwt
    # Large: im2col(x)^T @ dy, accumulated over chunks of rows.
    dy2 = dy.reshape(M, O)
    acc = np.zeros((groups, K, Og), dtype=x.dtype)
    step = _chunk_rows(M, groups * K * x.itemsize)
    for m0 in range(0, M, step):
        rows = min(step, M - m0)
        cols = np.empty((groups, rows, kh, kw, Cg), dtype=x.dtype)
        _im2col_split(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, cols)
        acc += np.matmul(cols.reshape(groups, rows, K).transpose(0, 2, 1),
                         dy2[m0:m0 + rows].reshape(rows, groups, Og).transpose(1, 0, 2))
    return np.ascontiguousarray(acc.transpose(1, 0, 2)).reshape(kh, kw, Cg, O)


def warm_up(large=False):
    """Compile (or load from the cache) every kernel for float32 and float64, on tiny inputs.

    With ``large``, also the float32 kernels only big transposed convs use (Winograd, and the
    im2col blocks that call BLAS from Numba, with their OpenMP entries): the app never does, and
    they take longer than the app's to compile on a cold cache (about 6.5 s here, against 3.8).
    """
    for dtype in (np.float32, np.float64):
        x = np.ones((1, 3, 3, 2), dtype=dtype)
        w = np.ones((2, 2, 1, 2), dtype=dtype)
        y = np.zeros((1, 2, 2, 2), dtype=dtype)
        dx = np.zeros_like(x)
        cols = np.zeros((2, 4, 2, 2, 1), dtype=dtype)
        _forward_direct(x, w, 1, 1, 1, 1, 0, 0, 2, y)
        _transpose_direct(y, w, 1, 1, 1, 1, 0, 0, 2, dx)
        _im2col(x, 1, 1, 1, 1, 0, 0, 2, 2, 0, 0, 4, cols)
        _col2im(cols, 1, 1, 1, 1, 0, 0, 2, 2, 0, dx)
    if large and _blas.GEMM:
        dy, w = np.ones((2, 2, 2, 1), dtype=np.float32), np.ones((3, 3, 1, 1), dtype=np.float32)
        plan = _winograd_plan(dy.shape, w.shape, (1, 1), (1, 1), (1, 1), (2, 2), 1, "f", 0, 1.0, 1)
        for parts in ([(0, 2)], [(0, 1), (1, 2)]):   # one part here; two on OpenMP's threads
            parts = np.array(parts, dtype=np.int64)
            _transpose_winograd(dy, w, plan, np.zeros_like(dy), parts)
            _run_parts(_transpose_blocks_parts, _transpose_blocks, len(parts), dy, w.reshape(1, 1, 9),
                       1, 1, 1, 1, 1, 1, 3, 3, parts, 4, _blas.GEMM[dy.dtype],
                       np.zeros((2, 36), dtype=np.float32), np.zeros_like(dy))
