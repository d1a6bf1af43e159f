"""The canonical transposed conv with a window that may start before the full output.

``kernels.conv2d_transpose`` takes a window of the full transposed output (length
``(i-1)*s + (k-1)*d + 1``) from a non-negative offset. JAX's negative padding and ONNX's
zero-filled ``output_shape`` also need windows that start *before* it: those cells are zeros,
so the kernel computes the rest and the zeros are put in front here.
"""
from __future__ import annotations

import numpy as np

from convt import kernels


def transpose_window(dy, w, stride, dilation, start, size, groups=1):
    """dy (N, h, w, Cin), w (kh, kw, Cout/groups, Cin) -> (N, size[0], size[1], Cout).

    Output cell ``o`` along an axis is cell ``o + start`` of the full transposed output
    (zero outside it). ``start`` may be negative; sizes may be 0.
    """
    n, cout = dy.shape[0], w.shape[2] * groups
    out = np.zeros((n, size[0], size[1], cout), dtype=dy.dtype)
    before = [min(max(0, -start[a]), size[a]) for a in range(2)]
    inner = [size[a] - before[a] for a in range(2)]
    if min(inner) <= 0 or 0 in dy.shape or 0 in w.shape:
        return out
    out[:, before[0]:, before[1]:, :] = kernels.conv2d_transpose(
        dy, w, tuple(stride), tuple(dilation), (max(0, start[0]), max(0, start[1])), tuple(inner), groups)
    return out
