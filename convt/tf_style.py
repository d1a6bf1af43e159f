"""``tf.nn.conv2d`` and ``tf.nn.conv2d_transpose`` of TensorFlow 2.21, on numpy arrays.

Same layouts (NHWC; filters ``[h, w, in, out]`` for conv2d, ``[h, w, out, in]`` for the
transpose), same argument forms, same results, and the same failures: the checks, in TF's order
and with TF's texts, are :mod:`convt.frameworks.tensorflow`'s, asked on the arrays' shapes and
memoised (a repeated call pays a lookup). This module only turns arrays into shapes and layouts.
One deliberate difference: dilations > 1 in ``conv2d_transpose`` are computed (TF's CPU kernel
refuses them; the arithmetic is well defined and PyTorch computes it).
"""
from __future__ import annotations

import numpy as np

from convt import kernels
from convt._arrays import as_array, as_compute, compute_dtype, memoised
from convt.frameworks import tensorflow

_conv2d_plan = memoised(tensorflow.conv2d_plan, exact=4)
_transpose_plan = memoised(tensorflow.conv2d_transpose_plan, exact=4)


def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None) -> np.ndarray:
    """``tf.nn.conv2d``: cross-correlation, filters ``[h, w, in_channels / groups, out_channels]``."""
    x, w = as_array(input, "input"), as_array(filters, "filters")
    plan = _conv2d_plan(x.shape, x.dtype, w.shape, w.dtype, strides, padding, data_format, dilations)
    xb = x.reshape((plan.batch,) + x.shape[-3:]) if plan.batch is not None else x
    x_nhwc = xb.transpose(0, 2, 3, 1) if plan.data_format == "NCHW" else xb
    if plan.empty:
        # TF returns before launching the kernel: an empty output, or zeros from padding alone
        y = np.zeros((x_nhwc.shape[0],) + plan.sizes + (plan.out_depth,), x.dtype)
    else:
        dtype = compute_dtype(x)
        y = kernels.conv2d_forward(as_compute(x_nhwc, dtype), as_compute(w, dtype), plan.strides,
                                   plan.dilations, plan.pad_before, plan.sizes, plan.groups)
    y = y.transpose(0, 3, 1, 2) if plan.data_format == "NCHW" else y
    if plan.batch is not None:
        y = y.reshape(x.shape[:-3] + y.shape[1:])
    return as_compute(y, x.dtype)


def conv2d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NHWC",
                     dilations=None) -> np.ndarray:
    """``tf.nn.conv2d_transpose`` (the op ``Conv2DBackpropInput``): filters ``[h, w, out, in]``.

    ``output_shape`` is 4 values in ``data_format`` order, or 2 (height, width).
    """
    x, w = as_array(input, "input"), as_array(filters, "filters")
    plan = _transpose_plan(x.shape, x.dtype, w.shape, w.dtype, output_shape, strides, padding,
                           data_format, dilations)
    if x.dtype.char in "fd":      # the checks made w's dtype x's: nothing to convert
        return kernels.conv2d_transpose(x, w, plan.strides, plan.dilations, plan.pad_before,
                                        plan.output_shape[1:3], 1)
    out = kernels.conv2d_transpose(x.astype(np.float64), w.astype(np.float64), plan.strides,
                                   plan.dilations, plan.pad_before, plan.output_shape[1:3], 1)
    return out.astype(x.dtype)
