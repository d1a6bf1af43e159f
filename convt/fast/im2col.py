"""im2col / col2im in Numba around NumPy's matrix products: convolutions as matrix products.

``conv2d_forward`` is ``im2col(x) @ w``; ``conv2d_transpose`` is ``col2im(dy @ w^T)``, the
scatter-and-sum of the products back to the pixels they came from; ``conv2d_filter_grad`` is
``im2col(x)^T @ dy``. The batch is split over images on a small pool of Python threads
(``_threads``), and each thread gives BLAS products small enough that OpenBLAS runs them on the
calling thread: BLAS's own threads collapse when other processes share the cores.
Arguments are validated by the callers (``convt.kernels``) and C-contiguous, of one float dtype.
"""
import numpy as np
from numba import njit

from .._numba_config import JIT_OPTIONS
from . import _threads

# Largest im2col buffer (bytes) built at once, per thread: bigger problems go in chunks of rows,
# so a chunk is still in L2 when BLAS or col2im reads it, and memory stays bounded.
GEMM_CHUNK_BYTES = 1024 * 1024
# OpenBLAS runs a product of m*n*k <= 4 * 65536 multiply-adds on the calling thread (its
# GEMM_MULTITHREAD_THRESHOLD), larger ones on its own threads.
BLAS_ONE_THREAD_MNK = 262_144
# Blocks of fewer rows re-pack the k x n matrix too often: wider products go to BLAS whole.
BLAS_MIN_BLOCK_ROWS = 4


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


def _im2col_split(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, cols):
    bounds = _threads.split(0, cols.shape[1], cols.size)
    _threads.in_parallel(_im2col, [(x, sh, sw, dh, dw, pt, pl, oh, ow, m0, lo, hi, cols)
                                   for lo, hi in bounds])


def matmul_in_blocks(a, b, out):
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


def _chunk_rows(rows, row_bytes):
    """Rows of the im2col matrix per chunk, so that one chunk stays under GEMM_CHUNK_BYTES."""
    return max(1, min(rows, GEMM_CHUNK_BYTES // max(1, row_bytes)))


def _by_images(part, a, w_matrices, stride, dilation, pad_before, kernel, rows, out):
    """part(a, w_matrices, geometry, kernel, n_lo, n_hi, out) for parts of the batch at once, on
    the thread pool (``rows``: im2col rows per image); a part writes its images of ``out`` only."""
    N = a.shape[0]
    geometry = (*stride, *dilation, *pad_before)
    work = N * rows * int(np.prod(kernel)) * w_matrices.shape[0]        # im2col matrix elements
    _threads.in_parallel(part, [(a, w_matrices, geometry, kernel, n_lo, n_hi, out)
                                for n_lo, n_hi in _threads.split(0, N, work, parts=N)])


def conv2d_forward(x: np.ndarray, w: np.ndarray, stride: tuple, dilation: tuple,
                   pad_before: tuple, out_size: tuple, groups: int) -> np.ndarray:
    """y = im2col(x) @ w: x (N, H, W, C), w (kh, kw, C//groups, O) -> y (N, out_h, out_w, O)."""
    kh, kw, Cg, O = w.shape
    y = np.empty((x.shape[0], *out_size, O), dtype=x.dtype)
    wg = np.ascontiguousarray(w.reshape(kh * kw * Cg, groups, O // groups).transpose(1, 0, 2))  # (G, K, Og)
    _by_images(_forward_images, x, wg, stride, dilation, pad_before, w.shape[:3],
               out_size[0] * out_size[1], y)
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
        matmul_in_blocks(cols.reshape(G, rows, K), wg, yg)


def conv2d_transpose(dy: np.ndarray, w: np.ndarray, stride: tuple, dilation: tuple,
                     pad_before: tuple, out_size: tuple, groups: int) -> np.ndarray:
    """dx = col2im(dy @ w^T): dy (N, h, w, O), w (kh, kw, C//groups, O) -> dx (N, out_h, out_w, C)."""
    kh, kw, Cg, O = w.shape
    dx = np.zeros((dy.shape[0], *out_size, Cg * groups), dtype=dy.dtype)
    wt = np.ascontiguousarray(w.reshape(kh * kw * Cg, groups, O // groups).transpose(1, 2, 0))  # (G, Og, K)
    _by_images(_transpose_images, dy, wt, stride, dilation, pad_before, w.shape[:3],
               dy.shape[1] * dy.shape[2], dx)
    return dx


def _transpose_images(dy, wt, geometry, kernel, n_lo, n_hi, dx):
    """dx[n_lo:n_hi] = col2im(dy @ w^T) for those images, in chunks of rows, on this thread.

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
        matmul_in_blocks(dyg, wt, cols)
        _col2im(cols.reshape(G, rows, *kernel), *geometry, h, wd, m0, dx)



def conv2d_filter_grad(x: np.ndarray, dy: np.ndarray, kernel_size: tuple, stride: tuple,
                       dilation: tuple, pad_before: tuple, groups: int) -> np.ndarray:
    """dw = im2col(x)^T @ dy, summed over chunks of rows: x (N, H, W, C), dy (N, oh, ow, O) ->
    (kh, kw, C//groups, O). The products are big and few: BLAS runs them on its own threads."""
    (kh, kw), (sh, sw), (dh, dw), (pt, pl) = kernel_size, stride, dilation, pad_before
    C = x.shape[3]
    N, oh, ow, O = dy.shape
    Cg, Og = C // groups, O // groups
    K, M = kh * kw * Cg, N * oh * ow
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


def warm_up() -> None:
    """Compile (or load from the cache) these kernels for float32 and float64, on tiny inputs."""
    for dtype in (np.float32, np.float64):
        x = np.ones((1, 3, 3, 2), dtype=dtype)
        dx = np.zeros_like(x)
        cols = np.zeros((2, 4, 2, 2, 1), dtype=dtype)
        _im2col(x, 1, 1, 1, 1, 0, 0, 2, 2, 0, 0, 4, cols)
        _col2im(cols, 1, 1, 1, 1, 0, 0, 2, 2, 0, dx)
