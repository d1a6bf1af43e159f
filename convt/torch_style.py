"""``torch.nn.functional.conv1d/2d/3d`` and ``conv_transpose1d/2d/3d`` of PyTorch 2.13, on numpy arrays.

Layouts NC* (or unbatched C*); weights ``[out, in / groups, *k]`` for the forward convs and
``[in, out / groups, *k]`` for the transposes. ``conv_transposeNd(..., output_size=...)`` behaves
like ``nn.ConvTransposeNd.forward(input, output_size)``. The checks, in PyTorch's order and with
its texts, are :mod:`convt.frameworks.torch`'s, asked on the arrays' shapes and memoised; this
module only turns arrays into shapes and channels-first into the kernels' channels-last.
"""
from __future__ import annotations

import numpy as np

from convt import kernels_nd
from convt._arrays import as_array, as_compute, compute_dtype, memoised
from convt.frameworks import torch

_conv_plan = memoised(torch.conv2d_plan, exact=5)
_transpose_plan = memoised(torch.conv_transpose_plan, exact=5)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1) -> np.ndarray:
    """``F.conv1d``; ``padding`` is an int, ``[p]``, ``'valid'`` or ``'same'`` (stride 1 only)."""
    return _conv(input, weight, bias, stride, padding, dilation, groups, 1)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1) -> np.ndarray:
    """``F.conv2d``; ``padding`` is an int, a pair, ``'valid'`` or ``'same'`` (stride 1 only)."""
    return _conv(input, weight, bias, stride, padding, dilation, groups, 2)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1) -> np.ndarray:
    """``F.conv3d``; ``padding`` is an int, 3 ints, ``'valid'`` or ``'same'`` (stride 1 only)."""
    return _conv(input, weight, bias, stride, padding, dilation, groups, 3)


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None) -> np.ndarray:
    """``F.conv_transpose1d``, or ``nn.ConvTranspose1d.forward(input, output_size)`` when given."""
    return _conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation, output_size, 1)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None) -> np.ndarray:
    """``F.conv_transpose2d``, or ``nn.ConvTranspose2d.forward(input, output_size)`` when given."""
    return _conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation, output_size, 2)


def conv_transpose3d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None) -> np.ndarray:
    """``F.conv_transpose3d``, or ``nn.ConvTranspose3d.forward(input, output_size)`` when given."""
    return _conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation, output_size, 3)


def _conv(input, weight, bias, stride, padding, dilation, groups, nd: int) -> np.ndarray:
    x, w = as_array(input, "input"), as_array(weight, "weight")
    b = None if bias is None else as_array(bias, "bias")
    plan = _conv_plan(x.shape, x.dtype, w.shape, w.dtype, None if b is None else b.shape,
                      stride, padding, dilation, groups, nd)
    xb = x if plan.batched else x[None]
    if plan.no_channels:    # PyTorch's empty backend: no input channels give no output channels
        y = np.zeros((xb.shape[0], 0) + plan.out, dtype=compute_dtype(xb))
        return as_compute(y if plan.batched else y[0], x.dtype)
    if any(plan.extra):
        xb = np.pad(xb, ((0, 0), (0, 0)) + tuple((0, e) for e in plan.extra))
    dtype = compute_dtype(xb)
    y = kernels_nd.conv_forward(_channels_last(xb, dtype), _weight_last(w, dtype), plan.stride,
                                plan.dilation, plan.pad_before, plan.out, plan.groups)
    return _finish(y, b, plan.batched, x.dtype)


def _conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation, output_size,
                    nd: int) -> np.ndarray:
    x, w = as_array(input, "input"), as_array(weight, "weight")
    b = None if bias is None else as_array(bias, "bias")
    plan = _transpose_plan(x.shape, x.dtype, w.shape, w.dtype, None if b is None else b.shape,
                           stride, padding, output_padding, groups, dilation, output_size, nd)
    xb = x if plan.batched else x[None]
    dtype = compute_dtype(xb)
    y = kernels_nd.conv_transpose(_channels_last(xb, dtype), _weight_last(w, dtype), plan.stride,
                                  plan.dilation, plan.padding, plan.out, plan.groups)
    return _finish(y, b, plan.batched, x.dtype)


def _channels_last(x: np.ndarray, dtype) -> np.ndarray:
    # transpose with the axes spelled out: np.moveaxis costs more than the tiny kernels it feeds
    return np.ascontiguousarray(x.transpose(0, *range(2, x.ndim), 1), dtype=dtype)


def _weight_last(w: np.ndarray, dtype) -> np.ndarray:
    """``[a, b, *k]`` -> ``[*k, b, a]``: the kernels' layout (forward: ``[*k, in / groups, out]``;
    transpose: ``[*k, out / groups, in]``)."""
    return np.ascontiguousarray(w.transpose(*range(2, w.ndim), 1, 0), dtype=dtype)


def _finish(y: np.ndarray, bias, batched: bool, dtype) -> np.ndarray:
    """Channels-last back to channels-first, plus the bias, unbatched again, in the input's dtype."""
    y = y.transpose(0, y.ndim - 1, *range(1, y.ndim - 1))
    if bias is not None:
        y = y + np.asarray(bias, dtype=y.dtype).reshape((-1,) + (1,) * (y.ndim - 2))
    return as_compute(y if batched else y[0], dtype)
