"""``jax.lax.conv_transpose`` of JAX 0.10 (1-D, 2-D and 3-D), and Flax's ``nn.ConvTranspose`` (2-D) on top of it.

Default layouts as JAX's: lhs NHWC, rhs HWIO, output NHWC (NHC / HIO / NHC in 1-D, NHWDC / HWDIO / NHWDC
in 3-D; any ``dimension_numbers`` strings work).
JAX computes a direct conv of the stride-dilated input, with the kernel *not* flipped unless
``transpose_kernel=True``; ``convt.frameworks.jax`` turns that into the canonical window of a
transposed conv with the flipped kernel, which ``convt.kernels`` computes. Refusals raise
``ShapeError`` with JAX's own text, in JAX's order.
"""
from __future__ import annotations

import numpy as np

from convt._arrays import as_array, as_int_list, compute_dtype
from convt._window import transpose_window
from convt.errors import ShapeError
from convt.frameworks import jax as rules


def conv_transpose(lhs, rhs, strides, padding, rhs_dilation=None, dimension_numbers=None,
                   transpose_kernel=False, use_consistent_padding=False) -> np.ndarray:
    """``lax.conv_transpose(lhs, rhs, strides, padding, rhs_dilation, dimension_numbers, transpose_kernel,
    use_consistent_padding=...)``: padding ``'SAME'``, ``'VALID'`` or ``(lo, hi)`` pairs."""
    x, w = as_array(lhs, "lhs"), as_array(rhs, "rhs")
    strides = as_int_list(strides, "strides")
    dilation = None if rhs_dilation is None else as_int_list(rhs_dilation, "rhs_dilation")
    plan = rules.plan(x.shape, w.shape, strides, _padding_arg(padding), dilation, dimension_numbers,
                      bool(transpose_kernel), bool(use_consistent_padding))
    dtype = compute_dtype(x)
    nd = x.ndim - 2
    spatial = tuple(range(2, nd + 2))
    dy = np.ascontiguousarray(x.transpose(plan.lhs_perm).transpose(0, *spatial, 1), dtype=dtype)   # N, *S, C
    k = w.transpose(plan.rhs_perm)            # (O, I, *k) as JAX's direct conv reads it
    flip = (slice(None), slice(None)) + (slice(None, None, -1),) * nd
    if transpose_kernel:
        k = k[flip]
    # the direct conv does not flip: the transposed conv that equals it uses the flipped kernel
    kern = np.ascontiguousarray(k[flip].transpose(*spatial, 0, 1), dtype=dtype)   # (*k, O, I)
    axes = plan.axes
    y = transpose_window(dy, kern, [a.stride for a in axes], [a.dilation for a in axes], [a.start for a in axes],
                         [a.out for a in axes])
    y = y.transpose(0, nd + 1, *range(1, nd + 1)).transpose(np.argsort(plan.out_perm))
    return y.astype(x.dtype if x.dtype in (np.float32, np.float64) else dtype, copy=False)


def flax_conv_transpose(inputs, kernel, bias=None, strides=None, padding="SAME", kernel_dilation=None,
                        transpose_kernel=False) -> np.ndarray:
    """``flax.linen.ConvTranspose`` (2-D, NHWC) applied with ``kernel`` (and ``bias``) as its params.

    Flax passes ``padding`` on to ``lax.conv_transpose`` after one step: an int ``p`` means
    ``(p, p)`` on both axes and an int in the list means ``(p, p)`` on that axis. Those pairs pad the
    stride-dilated input (JAX's default), not the forward conv.
    """
    x = as_array(inputs, "inputs")
    strides = [1, 1] if strides is None else _broadcast(strides, "strides")
    dilation = [1, 1] if kernel_dilation is None else _broadcast(kernel_dilation, "kernel_dilation")
    y = conv_transpose(x, kernel, strides, _flax_padding(padding), dilation, None, transpose_kernel)
    if bias is not None:
        y = y + np.asarray(bias, dtype=y.dtype)
    return y


def _broadcast(value, name):
    values = as_int_list(value, name)
    return values * 2 if len(values) == 1 else values


def _flax_padding(padding):
    """``flax.linen.linear.canonicalize_padding`` for 2 spatial axes."""
    if isinstance(padding, str):
        if padding == "CIRCULAR":
            raise ShapeError("convt does not model Flax's 'CIRCULAR' padding (a VALID conv_transpose "
                             "wrapped around periodically)")
        return padding
    if isinstance(padding, int) and not isinstance(padding, bool):
        return [(padding, padding)] * 2
    if isinstance(padding, (list, tuple)) and len(padding) == 2:
        pairs = [(p, p) if isinstance(p, int) else tuple(p) if isinstance(p, tuple) and len(p) == 2 else None
                 for p in padding]
        if None not in pairs:
            return pairs
    raise ShapeError(f"Invalid padding format: {padding}, should be str, int, or a sequence of len 2 where "
                     "each element is an int or pair of ints.")


def _padding_arg(padding):
    """Strings as they are; pairs as tuples or lists as given (JAX reads the two differently)."""
    if isinstance(padding, str):
        return padding
    if isinstance(padding, np.ndarray):
        padding = padding.tolist()
    if not isinstance(padding, (list, tuple)):
        return padding
    return [tuple(as_int_list(p, "padding")) if isinstance(p, tuple)
            else as_int_list(p, "padding") if isinstance(p, (list, np.ndarray)) else p for p in padding]
