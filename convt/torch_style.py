"""``torch.nn.functional.conv2d`` / ``conv_transpose2d`` of PyTorch 2.13, on numpy arrays.

Layouts NCHW (or unbatched CHW); weights ``[out, in / groups, kh, kw]`` for conv2d and
``[in, out / groups, kh, kw]`` for the transpose. ``conv_transpose2d(..., output_size=...)`` behaves
like ``nn.ConvTranspose2d.forward(input, output_size)``. Failures follow PyTorch's order (the
module's ``_output_padding``, then ``check_shape_forward``, then the CPU kernel's shape check) and
each ``ShapeError`` starts with PyTorch's own text.
"""
from __future__ import annotations

from typing import List, Tuple

import numpy as np

from convt import kernels, messages
from convt._arrays import as_array, as_int_list, bracket, compute_dtype
from convt.arithmetic import effective_kernel, torch_output_size, torch_output_size_range
from convt.errors import ShapeError
from convt.explanations import size_list

_TORCH_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half"}


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1) -> np.ndarray:
    """``F.conv2d``; ``padding`` is an int, a pair, ``'valid'`` or ``'same'`` (stride 1 only)."""
    x, w = as_array(input, "input"), as_array(weight, "weight")
    stride = _pair(stride, "stride")
    dilation = _pair(dilation, "dilation")
    groups = _groups(groups)
    batched = _check_rank(x, "conv2d")
    xb = x if batched else x[None]
    if not isinstance(padding, str) and any(p < 0 for p in _pair(padding, "padding")):
        raise ShapeError("negative padding is not supported")
    _check_common(xb, w, stride, dilation, groups)
    if w.ndim == 4 and isinstance(padding, str):
        padding_pairs = _string_padding(padding, w.shape[2:], stride, dilation)
        # like ATen's _convolution_same: pad the uneven extra onto the input's end first
        extra = [after - before for before, after in padding_pairs]
        if any(extra):
            xb = np.pad(xb, ((0, 0), (0, 0), (0, extra[0]), (0, extra[1])))
            padding_pairs = [(before, before) for before, _ in padding_pairs]
    else:
        padding_pairs = [(p, p) for p in _pair(padding, "padding")]
    _check_weight_rank(xb, w)
    _check_groups_divide(w, groups)
    if xb.shape[1] != w.shape[1] * groups:
        raise ShapeError(messages.torch_channel_mismatch(w.shape, xb.shape, w.shape[1] * groups, False, groups),
                         "conv2d's weight is [out_channels, in_channels / groups, kh, kw]; its second axis "
                         "times groups must equal your input's channels.")
    _check_bias(bias, w.shape[0], w, transposed=False)
    padded = [xb.shape[2 + a] + sum(padding_pairs[a]) for a in range(2)]
    spans = [effective_kernel(w.shape[2 + a], dilation[a]) for a in range(2)]
    if any(padded[a] < spans[a] for a in range(2)):
        raise ShapeError(f"Calculated padded input size per channel: ({padded[0]} x {padded[1]}). "
                         f"Kernel size: ({spans[0]} x {spans[1]}). Kernel size can't be greater than "
                         "actual input size",
                         "The (dilated) kernel is larger than the padded input.")
    out = tuple((padded[a] - spans[a]) // stride[a] + 1 for a in range(2))
    dtype = compute_dtype(xb)
    y = kernels.conv2d_forward(np.ascontiguousarray(xb.transpose(0, 2, 3, 1), dtype=dtype),
                               np.ascontiguousarray(w.transpose(2, 3, 1, 0), dtype=dtype),
                               stride, dilation, (padding_pairs[0][0], padding_pairs[1][0]), out, groups)
    y = y.transpose(0, 3, 1, 2)
    y = _add_bias(y, bias)
    return (y if batched else y[0]).astype(x.dtype, copy=False)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None) -> np.ndarray:
    """``F.conv_transpose2d``, or ``nn.ConvTranspose2d.forward(input, output_size)`` when given."""
    x, w = as_array(input, "input"), as_array(weight, "weight")
    stride = _pair(stride, "stride")
    pad = _pair(padding, "padding") if not isinstance(padding, str) else _string_padding_refused(padding)
    dilation = _pair(dilation, "dilation")
    output_padding = _pair(output_padding, "output_padding")
    if output_size is not None:
        _check_module_constructor(w, groups)
    groups = _groups(groups)
    if output_size is not None:
        output_padding = _output_padding_from_size(x, w, output_size, stride, pad, dilation)
    batched = _check_rank(x, "conv_transpose2d")
    xb = x if batched else x[None]
    if any(p < 0 for p in pad):
        raise ShapeError("negative padding is not supported")
    if any(p < 0 for p in output_padding):
        raise ShapeError("negative output_padding is not supported")
    _check_common(xb, w, stride, dilation, groups)
    _check_weight_rank(xb, w)
    _check_groups_divide(w, groups)
    if xb.shape[1] != w.shape[0]:
        raise ShapeError(messages.torch_channel_mismatch(w.shape, xb.shape, w.shape[0], True),
                         "conv_transpose2d's weight is [in_channels, out_channels / groups, kh, kw]: its "
                         "FIRST axis must equal your input's channels.")
    _check_bias(bias, w.shape[1] * groups, w, transposed=True)
    kh, kw = w.shape[2], w.shape[3]
    if kh <= 0 or kw <= 0:
        raise ShapeError(f"kernel size should be greater than zero, but got kernel_height: {kh} kernel_width: {kw}")
    if dilation[0] <= 0 or dilation[1] <= 0:
        raise ShapeError(f"dilation should be greater than zero, but got dilation_height: {dilation[0]}, "
                         f"dilation_width: {dilation[1]}")
    if any(output_padding[a] >= stride[a] and output_padding[a] >= dilation[a] for a in range(2)):
        raise ShapeError(messages.torch_output_padding_too_large(output_padding, stride, dilation),
                         "output_padding only lengthens the output on one side to pick one of the sizes "
                         "a strided conv maps to the same input; it must be smaller than the stride "
                         f"(or the dilation): at most {max(stride[0], dilation[0]) - 1} here.")
    out = tuple(torch_output_size(xb.shape[2 + a], w.shape[2 + a], stride[a], pad[a], output_padding[a],
                                  dilation[a]) for a in range(2))
    if out[0] < 1 or out[1] < 1:
        raise ShapeError(messages.torch_output_too_small(xb.shape[2:], out),
                         "(input - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1 "
                         "is below 1: padding crops away more than the transposed conv produces.")
    dtype = compute_dtype(xb)
    y = kernels.conv2d_transpose(np.ascontiguousarray(xb.transpose(0, 2, 3, 1), dtype=dtype),
                                 np.ascontiguousarray(w.transpose(2, 3, 1, 0), dtype=dtype),
                                 stride, dilation, pad, out, groups)
    y = _add_bias(y.transpose(0, 3, 1, 2), bias)
    return (y if batched else y[0]).astype(x.dtype, copy=False)


def _output_padding_from_size(x: np.ndarray, w: np.ndarray, output_size, stride, pad, dilation) -> Tuple[int, int]:
    """``ConvTranspose2d._output_padding``: accepts ``min .. min + stride - 1`` per dimension."""
    sizes = as_int_list(output_size, "output_size")
    non_spatial = 2 if x.ndim == 4 else 1
    if len(sizes) == non_spatial + 2:
        sizes = sizes[non_spatial:]
        output_size = output_size[non_spatial:]
    if len(sizes) != 2:
        raise ShapeError(f"ConvTranspose2D: for {x.ndim}D input, output_size must have 2 or "
                         f"{non_spatial + 2} elements (got {len(sizes)})")
    if x.ndim < non_spatial + 2 or w.ndim != 4:
        raise ShapeError(f"Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got "
                         f"input of size: {bracket(x.shape)}")
    ranges = [torch_output_size_range(x.shape[non_spatial + a], w.shape[2 + a], stride[a], pad[a], dilation[a])
              for a in range(2)]
    for a in range(2):
        low, high = ranges[a]
        if not low <= sizes[a] <= high:
            shown = list(output_size) if isinstance(output_size, list) else (
                tuple(output_size) if isinstance(output_size, tuple) else sizes)
            raise ShapeError(
                messages.torch_output_size_out_of_range(shown, [r[0] for r in ranges], [r[1] for r in ranges],
                                                        x.shape[2:]),
                f"For an input of {x.shape[non_spatial + a]}, kernel {w.shape[2 + a]}, stride {stride[a]}, "
                f"padding {pad[a]} and dilation {dilation[a]}, ConvTranspose2d produces "
                f"{size_list(range(low, high + 1))} (output_padding 0 to {stride[a] - 1}); "
                f"{sizes[a]} is not one of them.")
    return tuple(sizes[a] - ranges[a][0] for a in range(2))


def _check_module_constructor(w: np.ndarray, groups) -> None:
    """``output_size`` means ``nn.ConvTranspose2d``, whose constructor checks groups first."""
    value = as_int_list(groups, "groups")
    if len(value) != 1 or value[0] <= 0:
        raise ShapeError("groups must be a positive integer")
    if w.ndim >= 1 and w.shape[0] % value[0]:
        raise ShapeError("in_channels must be divisible by groups",
                         f"The weight's first axis ({w.shape[0]}, in_channels) must split into {value[0]} groups.")


def _pair(value, name: str) -> Tuple[int, int]:
    values = as_int_list(value, name)
    if len(values) == 1:
        values = values * 2
    if len(values) != 2:
        raise ShapeError(f"expected {name} to be a single integer value or a list of 2 values to match "
                         f"the convolution dimensions, but got {name}={bracket(values)}")
    return values[0], values[1]


def _groups(groups) -> int:
    value = as_int_list(groups, "groups")
    if len(value) != 1:
        raise ShapeError(f"groups must be an integer, got {groups!r}"[:300])
    if value[0] <= 0:
        raise ShapeError("non-positive groups is not supported")
    return value[0]


def _check_rank(x: np.ndarray, op: str) -> bool:
    if x.ndim not in (3, 4):
        raise ShapeError(f"Expected 3D (unbatched) or 4D (batched) input to {op}, but got input of size: "
                         f"{bracket(x.shape)}",
                         "PyTorch images are [batch, channels, height, width] or [channels, height, width].")
    return x.ndim == 4


def _check_common(x: np.ndarray, w: np.ndarray, stride, dilation, groups: int) -> None:
    if w.dtype != x.dtype:
        raise ShapeError(f"expected scalar type {_TORCH_DTYPE_NAMES.get(x.dtype.name, x.dtype.name).title()} "
                         f"but found {_TORCH_DTYPE_NAMES.get(w.dtype.name, w.dtype.name).title()}",
                         "Input and weight must have the same dtype.")
    if stride[0] <= 0 or stride[1] <= 0:
        raise ShapeError("non-positive stride is not supported")
    if dilation[0] < 0 or dilation[1] < 0:
        raise ShapeError("dilation should be greater than zero")


def _check_weight_rank(x: np.ndarray, w: np.ndarray) -> None:
    if w.ndim != x.ndim:
        raise ShapeError(f"Expected {w.ndim}-dimensional input for {w.ndim}-dimensional weight "
                         f"{bracket(w.shape)}, but got {x.ndim}-dimensional input of size "
                         f"{bracket(x.shape)} instead")


def _check_groups_divide(w: np.ndarray, groups: int) -> None:
    if w.shape[0] < groups:
        raise ShapeError(f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, "
                         f"but got weight of size {bracket(w.shape)} instead")
    if w.shape[0] % groups:
        raise ShapeError(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, "
                         f"but got weight of size [{bracket(w.shape)}] instead")


def _check_bias(bias, expected: int, w: np.ndarray, transposed: bool) -> None:
    if bias is None:
        return
    b = as_array(bias, "bias")
    if b.ndim != 1 or b.shape[0] != expected:
        given = "Given transposed=1, weight" if transposed else "Given weight"
        raise ShapeError(f"{given} of size {bracket(w.shape)}, expected bias "
                         f"to be 1-dimensional with {expected} elements, but got bias of size "
                         f"{bracket(b.shape)} instead")


def _add_bias(y: np.ndarray, bias) -> np.ndarray:
    if bias is None:
        return y
    return y + np.asarray(bias, dtype=y.dtype)[None, :, None, None]


def _string_padding(padding: str, kernel: Tuple[int, int], stride, dilation) -> List[Tuple[int, int]]:
    """``padding='valid'`` is 0; ``'same'`` pads ``d*(k-1)`` in total, the extra cell at the end."""
    if padding == "valid":
        return [(0, 0), (0, 0)]
    if padding != "same":
        raise ShapeError(f"Invalid padding string: '{padding}'", "conv2d takes 'valid', 'same' or integers.")
    if stride != (1, 1):
        raise ShapeError("padding='same' is not supported for strided convolutions")
    totals = [dilation[a] * (kernel[a] - 1) for a in range(2)]
    return [(t // 2, t - t // 2) for t in totals]


def _string_padding_refused(padding: str):
    raise ShapeError("conv_transpose2d(): argument 'padding' must be tuple of ints, not str",
                     "Transposed convolutions take integer padding only; 'same' has no unique meaning "
                     "there (ask for the output size with output_padding or output_size instead).")
