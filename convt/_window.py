"""The canonical transposed conv with a window that may start before the full output.

``kernels_nd.conv_transpose`` takes a window of the full transposed output (length
``(i-1)*s + (k-1)*d + 1`` per axis) from a non-negative offset. JAX's negative padding and ONNX's
zero-filled ``output_shape`` also need windows that start *before* it: those cells are zeros,
so the kernel computes the rest and the zeros are put in front here. 1, 2 or 3 spatial axes.
"""
from __future__ import annotations

import numpy as np

from convt import kernels_nd


def transpose_window(dy, w, stride, dilation, start, size, groups=1):
    """dy (N, *S, Cin), w (*k, Cout/groups, Cin) -> (N, *size, Cout).

    Output cell ``o`` along an axis is cell ``o + start`` of the full transposed output
    (zero outside it). ``start`` may be negative; sizes may be 0.
    """
    nd = len(size)
    n, cout = dy.shape[0], w.shape[-2] * groups
    out = np.zeros((n,) + tuple(size) + (cout,), dtype=dy.dtype)
    before = [min(max(0, -start[a]), size[a]) for a in range(nd)]
    inner = [size[a] - before[a] for a in range(nd)]
    if min(inner) <= 0 or 0 in dy.shape or 0 in w.shape:
        return out
    window = (slice(None),) + tuple(slice(b, None) for b in before)
    out[window] = kernels_nd.conv_transpose(dy, w, tuple(stride), tuple(dilation),
                                            tuple(max(0, start[a]) for a in range(nd)), tuple(inner), groups)
    return out
