"""``tf.nn.conv1d`` / ``conv2d`` / ``conv3d`` and their transposes, as TensorFlow 2.21 computes them,
on numpy arrays.

Same layouts (channels last; filters ``[*k, in, out]`` for the forward convs, ``[*k, out, in]`` for
the transposes), same argument forms, same results, and the same failures: the checks, in TF's
order and with TF's texts, are :mod:`convt.frameworks.tensorflow`'s, asked on the arrays' shapes
and memoised (a repeated call pays a lookup). This module only turns arrays into shapes and
layouts. The 1-D ops are TF's 2-D ops on a unit height, here as in TF. One deliberate difference:
dilations > 1 in the transposes are computed (TF's CPU kernels refuse them; the arithmetic is well
defined and PyTorch computes it).
"""
from __future__ import annotations

import numpy as np

from convt import kernels_nd
from convt._arrays import as_array, as_compute, compute_dtype, memoised
from convt.frameworks import tensorflow

_conv2d_plan = memoised(tensorflow.conv2d_plan, exact=4)
_transpose_plan = memoised(tensorflow.conv2d_transpose_plan, exact=4)
_conv1d_plan = memoised(tensorflow.conv1d_plan, exact=4)
_transpose1d_plan = memoised(tensorflow.conv1d_transpose_plan, exact=4)
_conv3d_plan = memoised(tensorflow.conv3d_plan, exact=4)
_transpose3d_plan = memoised(tensorflow.conv3d_transpose_plan, exact=4)


def conv1d(input, filters, stride, padding, data_format="NWC", dilations=None) -> np.ndarray:
    """``tf.nn.conv1d``: cross-correlation, filters ``[k, in_channels / groups, out_channels]``."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    unit = _conv1d_plan(x.shape, x.dtype, w.shape, w.dtype, stride, padding, data_format, dilations)
    return _conv2d(np.expand_dims(x, unit.axis), w[None], unit.plan).squeeze(unit.axis)


def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None) -> np.ndarray:
    """``tf.nn.conv2d``: cross-correlation, filters ``[h, w, in_channels / groups, out_channels]``."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    return _conv2d(x, w, _conv2d_plan(x.shape, x.dtype, w.shape, w.dtype, strides, padding, data_format,
                                      dilations))


def conv3d(input, filters, strides, padding, data_format="NDHWC", dilations=None) -> np.ndarray:
    """``tf.nn.conv3d``: filters ``[d, h, w, in_channels, out_channels]``; strides and dilations are
    5-long lists, as the op takes them."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    plan = _conv3d_plan(x.shape, x.dtype, w.shape, w.dtype, strides, padding, data_format, dilations)
    return _forward(x, w, plan, 3)


def _conv2d(x, w, plan) -> np.ndarray:
    return _forward(x, w, plan, 2)


def _forward(x, w, plan, nd: int) -> np.ndarray:
    """A checked forward conv: extra batch dims folded, channels-first moved last (only an empty
    output gets that far), the kernel, and back."""
    xb = x.reshape((plan.batch,) + x.shape[-nd - 1:]) if plan.batch is not None else x
    channels_first = plan.data_format.startswith("NC")
    xl = np.moveaxis(xb, 1, -1) if channels_first else xb
    if plan.empty:
        # TF returns before launching the kernel: an empty output, or zeros from padding alone
        y = np.zeros((xl.shape[0],) + plan.sizes + (plan.out_depth,), x.dtype)
    else:
        dtype = compute_dtype(x)
        y = kernels_nd.conv_forward(as_compute(xl, dtype), as_compute(w, dtype), plan.strides,
                                    plan.dilations, plan.pad_before, plan.sizes, plan.groups)
    y = np.moveaxis(y, -1, 1) if channels_first else y
    if plan.batch is not None:
        y = y.reshape(x.shape[:-nd - 1] + y.shape[1:])
    return as_compute(y, x.dtype)


def conv1d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NWC",
                     dilations=None) -> np.ndarray:
    """``tf.nn.conv1d_transpose`` (``Conv2DBackpropInput`` on a unit height): filters ``[k, out, in]``,
    ``output_shape`` ``[batch, width, out]``."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    unit = _transpose1d_plan(x.shape, x.dtype, w.shape, w.dtype, output_shape, strides, padding,
                             data_format, dilations)
    return _transpose(np.expand_dims(x, unit.axis), w[None], unit.plan).squeeze(unit.axis)


def conv2d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NHWC",
                     dilations=None) -> np.ndarray:
    """``tf.nn.conv2d_transpose`` (the op ``Conv2DBackpropInput``): filters ``[h, w, out, in]``.

    ``output_shape`` is 4 values in ``data_format`` order, or 2 (height, width).
    """
    x, w = as_array(input, "input"), as_array(filters, "filters")
    plan = _transpose_plan(x.shape, x.dtype, w.shape, w.dtype, output_shape, strides, padding,
                           data_format, dilations)
    return _transpose(x, w, plan)


def conv3d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NDHWC",
                     dilations=None) -> np.ndarray:
    """``tf.nn.conv3d_transpose`` (the op ``Conv3DBackpropInputV2``): filters ``[d, h, w, out, in]``,
    ``output_shape`` 5 values."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    plan = _transpose3d_plan(x.shape, x.dtype, w.shape, w.dtype, output_shape, strides, padding,
                             data_format, dilations)
    return _transpose(x, w, plan)


def _transpose(x, w, plan) -> np.ndarray:
    """A checked transposed conv (channels last): the full output, then TF's window."""
    if x.dtype.char in "fd":      # the checks made w's dtype x's: nothing to convert
        return kernels_nd.conv_transpose(x, w, plan.strides, plan.dilations, plan.pad_before,
                                         plan.output_shape[1:-1], 1)
    out = kernels_nd.conv_transpose(x.astype(np.float64), w.astype(np.float64), plan.strides,
                                    plan.dilations, plan.pad_before, plan.output_shape[1:-1], 1)
    return out.astype(x.dtype)


__all__ = ["conv1d", "conv2d", "conv3d", "conv1d_transpose", "conv2d_transpose", "conv3d_transpose"]
