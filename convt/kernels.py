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

The loops below are the implementation. One dispatch point, ``_fast``, hands a call to
``convt.fast`` (im2col + BLAS, Winograd, a thread pool), imported on the first call with enough
work for it to pay; the app's pages never make one (tests/test_kernels_dispatch.py).

The public functions take validated arguments (the adapters in ``tf_style`` / ``torch_style``
check them), make the arrays C-contiguous and return arrays of the input's dtype.
"""

import numpy as np
from numba import njit

from ._numba_config import JIT_OPTIONS

# A call goes to convt.fast from this many multiply-adds, with per-group channel matrices
# (C/groups x O/groups) of at least FAST_MIN_CHANNELS elements (BLAS is poor at products with
# few channels). Both are above what the app's pages compute (the most work: the home page's
# seed demo, 3.4 million multiply-adds; the gradient page nudges batches of 3 x 3 channels), so
# the app runs the loops below only and never loads convt.fast.
FAST_MIN_MACS = 4_000_000
FAST_MIN_CHANNELS = 16


# The innermost loops below run over a pixel's channels with unsigned indices: with signed ones
# Numba checks each index for Python's negative wrap-around, and LLVM then leaves the loop scalar
# (2-5x slower here). Each is a dot product, its sum kept in a register.

@njit(**JIT_OPTIONS)
def _forward_direct(x, w_t, sh, sw, dh, dw, pt, pl, groups, y):
    """y[n, oy, ox, o] += sum over c of x[n, iy, ix, g*Cg + c] * w[ky, kx, c, o] for every tap in
    the image; ``w_t`` is ``w`` with its last two axes swapped, (kh, kw, O, Cg), so that the sum
    reads both arrays in order."""
    N, H, W, C = x.shape
    kh, kw, O, Cg = w_t.shape
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
                        pixel = x[n, iy, ix]
                        for o in range(O):
                            taps = w_t[ky, kx, o]                  # w[ky, kx, :, o]
                            first = np.uint64(o // Og * Cg)        # its group's channels of x
                            s = y[n, oy, ox, o]
                            for c in range(np.uint64(Cg)):
                                s += pixel[first + c] * taps[c]
                            y[n, oy, ox, o] = s


@njit(**JIT_OPTIONS)
def _transpose_direct(dy, w, sh, sw, dh, dw, pt, pl, groups, dx):
    """dx[n, iy, ix, g*Cg + c] += sum over o of dy[n, oy, ox, o] * w[ky, kx, c, o] (o in group g):
    the forward conv's adjoint, every tap of dy sent back to the pixel it was read from."""
    N, h, wd, O = dy.shape
    kh, kw, Cg, _ = w.shape
    _, H, W, _ = dx.shape
    Og = O // groups
    for n in range(N):
        for oy in range(h):
            for ox in range(wd):
                pixel = dy[n, oy, ox]
                for ky in range(kh):
                    iy = oy * sh + ky * dh - pt
                    if iy < 0 or iy >= H:
                        continue
                    for kx in range(kw):
                        ix = ox * sw + kx * dw - pl
                        if ix < 0 or ix >= W:
                            continue
                        for g in range(groups):
                            first = np.uint64(g * Og)              # group g's channels of dy
                            for c in range(Cg):
                                taps = w[ky, kx, c]
                                s = dx[n, iy, ix, g * Cg + c]
                                for o in range(np.uint64(Og)):
                                    s += pixel[first + o] * taps[first + o]
                                dx[n, iy, ix, g * Cg + c] = s


def _prepare(a, b):
    """C-contiguous float32/float64 arrays, ``b`` in ``a``'s dtype."""
    a = np.ascontiguousarray(a)
    if a.dtype != np.float32 and a.dtype != np.float64:
        a = a.astype(np.float64)
    b = np.ascontiguousarray(b, dtype=a.dtype)
    return a, b


def _fast(macs, cg, og):
    """convt.fast if a call of ``macs`` multiply-adds and (cg x og) channel matrices is big
    enough for it to pay, else None: the one place a call leaves the direct loops."""
    if macs < FAST_MIN_MACS or cg * og < FAST_MIN_CHANNELS:
        return None
    from convt import fast
    return fast


def conv2d_forward(x, w, stride, dilation, pad_before, out_size, groups=1):
    """Forward convolution: x (N, H, W, C), w (kh, kw, C//groups, O) -> y (N, out_h, out_w, O)."""
    x, w = _prepare(x, w)
    N = x.shape[0]
    kh, kw, Cg, O = w.shape
    fast = _fast(N * out_size[0] * out_size[1] * kh * kw * Cg * O, Cg, O // groups)
    if fast:
        return fast.conv2d_forward(x, w, stride, dilation, pad_before, out_size, groups)
    y = np.zeros((N, *out_size, O), dtype=x.dtype)
    _forward_direct(x, np.ascontiguousarray(w.transpose(0, 1, 3, 2)), *stride, *dilation,
                    *pad_before, groups, y)
    return y


def conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups=1):
    """Adjoint of conv2d_forward: dy (N, h, w, O) -> dx (N, out_h, out_w, C)."""
    dy, w = _prepare(dy, w)
    N, h, wd, O = dy.shape
    kh, kw, Cg, _ = w.shape
    fast = _fast(N * h * wd * kh * kw * Cg * O, Cg, O // groups)
    if fast:
        return fast.conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups)
    dx = np.zeros((N, *out_size, Cg * groups), dtype=dy.dtype)
    _transpose_direct(dy, w, *stride, *dilation, *pad_before, groups, dx)
    return dx


def conv2d_filter_grad(x, dy, kernel_size, stride, dilation, pad_before, groups=1):
    """Gradient of conv2d_forward w.r.t. w: x (N, H, W, C), dy (N, oh, ow, O) -> (kh, kw, C//groups, O).

    dw[ky, kx, c, o] = sum over n, oy, ox of x[n, oy*sh + ky*dh - pt, ox*sw + kx*dw - pl, c] * dy[n, oy, ox, o].
    """
    x, dy = _prepare(x, dy)
    (kh, kw), (sh, sw), (dh, dw), (pt, pl) = kernel_size, stride, dilation, pad_before
    C = x.shape[3]
    O = dy.shape[3]
    Cg, Og = C // groups, O // groups
    fast = _fast(dy.size // O * kh * kw * Cg * O, Cg, Og)
    if fast:
        return fast.conv2d_filter_grad(x, dy, kernel_size, stride, dilation, pad_before, groups)
    # The sum above is itself a forward convolution, of x with the channels as batch and the
    # batch as channels, by dy as the kernel (its axes as _forward_direct's w_t wants them),
    # stride and dilation swapped.
    x_swapped = np.ascontiguousarray(x.transpose(3, 1, 2, 0))     # (C, H, W, N)
    dwt = np.empty((kh, kw, Cg, O), dtype=x.dtype)
    for g in range(groups):
        dy_kernel_t = np.ascontiguousarray(dy[..., g * Og:(g + 1) * Og].transpose(1, 2, 3, 0))
        grad = np.zeros((Cg, kh, kw, Og), dtype=x.dtype)
        _forward_direct(x_swapped[g * Cg:(g + 1) * Cg], dy_kernel_t, dh, dw, sh, sw, pt, pl, 1, grad)
        dwt[..., g * Og:(g + 1) * Og] = grad.transpose(1, 2, 0, 3)
    return dwt


def warm_up(large=False):
    """Compile (or load from the cache) the direct loops for float32 and float64, on tiny inputs:
    all the app runs. With ``large``, also convt.fast's kernels (imported for it)."""
    for dtype in (np.float32, np.float64):
        x = np.ones((1, 3, 3, 2), dtype=dtype)
        w = np.ones((2, 2, 1, 2), dtype=dtype)
        y = np.zeros((1, 2, 2, 2), dtype=dtype)
        _forward_direct(x, np.ones((2, 2, 2, 1), dtype=dtype), 1, 1, 1, 1, 0, 0, 2, y)
        _transpose_direct(y, w, 1, 1, 1, 1, 0, 0, 2, np.zeros_like(x))
    if large:
        from convt import fast
        fast.warm_up()
