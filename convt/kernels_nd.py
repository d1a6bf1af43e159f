"""Numba kernels for 1-D and 3-D convolution and its transpose, in the canonical channels-last layout.

Layout (as in :mod:`convt.kernels`, with one, two or three spatial axes ``*S``):

- ``x``  input  ``(N, *S, C)``;
- ``w``  filter ``(*k, C // groups, O)``;
- ``y``  output ``(N, *out, O)``.

The forward convolution (cross-correlation), per spatial axis ``a``::

    y[n, o_a.., o] = sum over k_a.., c of x[n, o_a*s_a + k_a*d_a - pad_a.., g*Cg + c] * w[k_a.., c, o]

and the transposed convolution is its exact adjoint: the canonical model of every framework (the
full transposed output of length ``(i-1)*s + (k-1)*d + 1`` per axis, then a window of ``out``
values from ``pad_before``, zeros past the end). 3-D runs the direct loops below; 1-D is the 2-D
kernel of :mod:`convt.kernels` on a unit height (which also gives it that module's fast path for
long signals); 2-D is that kernel as it is.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from convt import kernels
from convt._numba_config import JIT_OPTIONS


@njit(**JIT_OPTIONS)
def _forward3d(x, w, stride, dilation, pad, groups, y):
    """y[n, od, oy, ox, o] += x[n, id, iy, ix, g*Cg + c] * w[kd, ky, kx, c, o] for every tap inside x."""
    N, D, H, W, C = x.shape
    kd, kh, kw, Cg, O = w.shape
    _, od_, oh, ow, _ = y.shape
    Og = O // groups
    for n in range(N):
        for od in range(od_):
            for oy in range(oh):
                for ox in range(ow):
                    for a in range(kd):
                        i_d = od * stride[0] + a * dilation[0] - pad[0]
                        if i_d < 0 or i_d >= D:
                            continue
                        for b in range(kh):
                            iy = oy * stride[1] + b * dilation[1] - pad[1]
                            if iy < 0 or iy >= H:
                                continue
                            for e in range(kw):
                                ix = ox * stride[2] + e * dilation[2] - pad[2]
                                if ix < 0 or ix >= W:
                                    continue
                                for g in range(groups):
                                    for c in range(Cg):
                                        v = x[n, i_d, iy, ix, g * Cg + c]
                                        for o in range(g * Og, (g + 1) * Og):
                                            y[n, od, oy, ox, o] += v * w[a, b, e, c, o]


@njit(**JIT_OPTIONS)
def _transpose3d(dy, w, stride, dilation, pad, groups, dx):
    """dx[n, id, iy, ix, g*Cg + c] += dy[n, od, oy, ox, o] * w[kd, ky, kx, c, o]: the adjoint of
    ``_forward3d``; every input cell stamps the kernel, cells outside the window are dropped."""
    N, d_, h, wd, O = dy.shape
    kd, kh, kw, Cg, _ = w.shape
    _, D, H, W, _ = dx.shape
    Og = O // groups
    for n in range(N):
        for od in range(d_):
            for oy in range(h):
                for ox in range(wd):
                    for a in range(kd):
                        i_d = od * stride[0] + a * dilation[0] - pad[0]
                        if i_d < 0 or i_d >= D:
                            continue
                        for b in range(kh):
                            iy = oy * stride[1] + b * dilation[1] - pad[1]
                            if iy < 0 or iy >= H:
                                continue
                            for e in range(kw):
                                ix = ox * stride[2] + e * dilation[2] - pad[2]
                                if ix < 0 or ix >= W:
                                    continue
                                for g in range(groups):
                                    for c in range(Cg):
                                        s = dx[n, i_d, iy, ix, g * Cg + c]
                                        for o in range(g * Og, (g + 1) * Og):
                                            s += dy[n, od, oy, ox, o] * w[a, b, e, c, o]
                                        dx[n, i_d, iy, ix, g * Cg + c] = s


def _float(x, w):
    dtype = x.dtype if x.dtype.char in "fd" else np.dtype(np.float64)
    return np.ascontiguousarray(x, dtype=dtype), np.ascontiguousarray(w, dtype=dtype)


def _ints(values):
    return np.array([int(v) for v in values], dtype=np.int64)


def conv_forward(x, w, stride, dilation, pad_before, out_size, groups=1):
    """Forward conv over 1, 2 or 3 spatial axes: x (N, *S, C), w (*k, C // groups, O) -> (N, *out, O)."""
    nd = x.ndim - 2
    if nd == 1:
        y = kernels.conv2d_forward(x[:, None], w[None], (1, stride[0]), (1, dilation[0]),
                                   (0, pad_before[0]), (1, out_size[0]), groups)
        return y[:, 0]
    if nd == 2:
        return kernels.conv2d_forward(x, w, stride, dilation, pad_before, out_size, groups)
    x, w = _float(x, w)
    y = np.zeros((x.shape[0],) + tuple(out_size) + (w.shape[-1],), dtype=x.dtype)
    if y.size and x.size and w.size:
        _forward3d(x, w, _ints(stride), _ints(dilation), _ints(pad_before), groups, y)
    return y


def conv_transpose(dy, w, stride, dilation, pad_before, out_size, groups=1):
    """Adjoint of :func:`conv_forward`: dy (N, *S, O), w (*k, C // groups, O) -> (N, *out, C).

    Output cell ``o`` along an axis is cell ``o + pad_before`` of the full transposed output.
    """
    nd = dy.ndim - 2
    if nd == 1:
        dx = kernels.conv2d_transpose(dy[:, None], w[None], (1, stride[0]), (1, dilation[0]),
                                      (0, pad_before[0]), (1, out_size[0]), groups)
        return dx[:, 0]
    if nd == 2:
        return kernels.conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups)
    dy, w = _float(dy, w)
    dx = np.zeros((dy.shape[0],) + tuple(out_size) + (w.shape[-2] * groups,), dtype=dy.dtype)
    if dx.size and dy.size and w.size:
        _transpose3d(dy, w, _ints(stride), _ints(dilation), _ints(pad_before), groups, dx)
    return dx
