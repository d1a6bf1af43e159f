"""``torch.nn.functional.conv2d`` / ``conv_transpose2d`` of PyTorch 2.13, on numpy arrays.

Layouts NCHW (or unbatched CHW); weights ``[out, in / groups, kh, kw]`` for conv2d and
``[in, out / groups, kh, kw]`` for the transpose. ``conv_transpose2d(..., output_size=...)`` behaves
like ``nn.ConvTranspose2d.forward(input, output_size)``. The checks, in PyTorch's order and with
its texts, are :mod:`convt.frameworks.torch`'s, asked on the arrays' shapes and memoised; this
module only turns arrays into shapes and NCHW into the kernels' NHWC.
"""
from __future__ import annotations

import numpy as np

from convt import kernels
from convt._arrays import as_array, as_compute, compute_dtype, memoised
from convt.frameworks import torch

_conv2d_plan = memoised(torch.conv2d_plan, exact=5)
_transpose_plan = memoised(torch.conv_transpose_plan, exact=5)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1) -> np.ndarray:
    """``F.conv2d``; ``padding`` is an int, a pair, ``'valid'`` or ``'same'`` (stride 1 only)."""
    x, w = as_array(input, "input"), as_array(weight, "weight")
    b = None if bias is None else as_array(bias, "bias")
    plan = _conv2d_plan(x.shape, x.dtype, w.shape, w.dtype, None if b is None else b.shape,
                        stride, padding, dilation, groups)
    xb = x if plan.batched else x[None]
    if any(plan.extra):
        xb = np.pad(xb, ((0, 0), (0, 0), (0, plan.extra[0]), (0, plan.extra[1])))
    dtype = compute_dtype(xb)
    y = kernels.conv2d_forward(_nhwc(xb, dtype), np.ascontiguousarray(w.transpose(2, 3, 1, 0), dtype=dtype),
                               plan.stride, plan.dilation, plan.pad_before, plan.out, plan.groups)
    return _finish(y, b, plan.batched, x.dtype)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None) -> np.ndarray:
    """``F.conv_transpose2d``, or ``nn.ConvTranspose2d.forward(input, output_size)`` when given."""
    x, w = as_array(input, "input"), as_array(weight, "weight")
    b = None if bias is None else as_array(bias, "bias")
    plan = _transpose_plan(x.shape, x.dtype, w.shape, w.dtype, None if b is None else b.shape,
                           stride, padding, output_padding, groups, dilation, output_size)
    xb = x if plan.batched else x[None]
    dtype = compute_dtype(xb)
    y = kernels.conv2d_transpose(_nhwc(xb, dtype), np.ascontiguousarray(w.transpose(2, 3, 1, 0), dtype=dtype),
                                 plan.stride, plan.dilation, plan.padding, plan.out, plan.groups)
    return _finish(y, b, plan.batched, x.dtype)


def _nhwc(x: np.ndarray, dtype) -> np.ndarray:
    return np.ascontiguousarray(x.transpose(0, 2, 3, 1), dtype=dtype)


def _finish(y: np.ndarray, bias, batched: bool, dtype) -> np.ndarray:
    """NHWC back to NCHW, plus the bias, unbatched again, in the input's dtype."""
    y = y.transpose(0, 3, 1, 2)
    if bias is not None:
        y = y + np.asarray(bias, dtype=y.dtype)[None, :, None, None]
    return as_compute(y if batched else y[0], dtype)
