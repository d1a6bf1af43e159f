"""ONNX ``ConvTranspose`` as onnxruntime's CPU provider computes it (X NCHW, W [C_in, C_out/group, kH, kW];
1-D and 3-D alike: X [N, C, *spatial], W [C_in, C_out/group, *kernel]).

``convt.frameworks.onnx`` decides the output size and window (or refuses, with onnx's shape-inference
text where the session would not be created, onnxruntime's where the run fails); ``convt.kernels``
computes. ``spec_output_shape`` gives what ``onnx.shape_inference`` says for the same node, which
differs from the runtime in places.
"""
from __future__ import annotations

import numpy as np

from convt._arrays import as_array, as_int_list, compute_dtype
from convt._window import transpose_window
from convt.frameworks import onnx as rules


def conv_transpose(X, W, B=None, *, auto_pad="NOTSET", dilations=None, group=1, kernel_shape=None,
                   output_padding=None, output_shape=None, pads=None, strides=None) -> np.ndarray:
    """The node's output Y for inputs X, W (and B); attributes as in the ONNX operator."""
    x, w = as_array(X, "X"), as_array(W, "W")
    b = None if B is None else as_array(B, "B")
    attrs = _attributes(dilations=dilations, kernel_shape=kernel_shape, output_padding=output_padding,
                        output_shape=output_shape, pads=pads, strides=strides)
    plan = rules.plan(x.shape, w.shape, None if b is None else b.shape, auto_pad=auto_pad,
                      group=as_int_list(group, "group")[0], **attrs)
    dtype = compute_dtype(x)
    ax, nd = plan.axes, x.ndim - 2
    spatial = tuple(range(2, nd + 2))
    y = transpose_window(np.ascontiguousarray(x.transpose(0, *spatial, 1), dtype=dtype),
                         np.ascontiguousarray(w.transpose(*spatial, 1, 0), dtype=dtype),
                         [a.stride for a in ax], [a.dilation for a in ax], [a.start for a in ax],
                         [a.out for a in ax], plan.group)
    y = y.transpose(0, nd + 1, *range(1, nd + 1))
    if b is not None:
        y = y + b.astype(dtype).reshape((1, -1) + (1,) * nd)
    return y.astype(x.dtype if x.dtype in (np.float32, np.float64) else dtype, copy=False)


def spec_output_shape(X_shape, W_shape, *, auto_pad="NOTSET", dilations=None, group=1, kernel_shape=None,
                      output_padding=None, output_shape=None, pads=None, strides=None) -> list:
    """The output shape ``onnx.shape_inference.infer_shapes(..., strict_mode=True)`` gives this node
    (shorter when it stops early), or ShapeError with its text."""
    attrs = _attributes(dilations=dilations, kernel_shape=kernel_shape, output_padding=output_padding,
                        output_shape=output_shape, pads=pads, strides=strides)
    return rules.spec_output_shape(tuple(X_shape), tuple(W_shape), auto_pad=auto_pad,
                                   group=as_int_list(group, "group")[0], **attrs)


def _attributes(**attrs):
    return {name: None if value is None else as_int_list(value, name) for name, value in attrs.items()}
