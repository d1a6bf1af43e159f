"""``tf.nn.conv2d`` and ``tf.nn.conv2d_transpose`` of TensorFlow 2.21, on numpy arrays.

Same layouts (NHWC; filters ``[h, w, in, out]`` for conv2d, ``[h, w, out, in]`` for the
transpose), same argument forms, same results, and the same failures in TF's order: first the
Python wrapper's checks, then the kernel's constructor, then the kernel's shape checks (the CPU
kernels of ``conv_ops`` and ``conv_grad_input_ops``, oneDNN off). Each ``ShapeError`` starts with
TF's own text. One deliberate difference: dilations > 1 in ``conv2d_transpose`` are computed
(TF's CPU kernel refuses them; the arithmetic is well defined and PyTorch computes it).
"""
from __future__ import annotations

from typing import List, Tuple

import numpy as np

from convt import kernels, messages
from convt._arrays import as_array, as_int, as_int_list, compute_dtype
from convt.arithmetic import Padding, effective_kernel, windowed_output
from convt.errors import ShapeError
from convt.explanations import tf_size_fixes, tf_size_mismatch_explanation

_TRANSPOSE_LABEL = messages.TF_CPU_LABEL
_AXES = ("height", "width")


def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None) -> np.ndarray:
    """``tf.nn.conv2d``: cross-correlation, filters ``[h, w, in_channels / groups, out_channels]``."""
    fmt, strides, dilations, pad_mode, explicit, x, w = _wrapper_arguments(
        input, filters, strides, padding, data_format, dilations)
    _check_same_dtype("Conv2D", x, w, "input #1(zero-based)")
    _check_window_attrs(strides, dilations, fmt)
    if dilations[_h(fmt)] <= 0 or dilations[_h(fmt) + 1] <= 0:
        raise ShapeError("Dilated rates should be larger than 0.")
    pads = _check_explicit_padding(pad_mode, explicit, fmt)
    if x.ndim > 4:  # tf.nn.conv2d folds extra leading batch dimensions into one
        y = conv2d(x.reshape((-1,) + x.shape[-3:]), w, strides, padding, data_format, dilations)
        return y.reshape(x.shape[:-3] + y.shape[1:])
    if x.ndim != 4:
        raise ShapeError(f"convolution input must be 4-dimensional: {_debug_shape(x.shape)}",
                         "Give the input as [batch, height, width, channels].")
    if w.ndim != 4:
        raise ShapeError(f"convolution filter must be 4-dimensional: {_debug_shape(w.shape)}",
                         "A conv2d filter is [height, width, in_channels, out_channels].")
    x_nhwc = _to_nhwc(x, fmt)
    in_depth, patch_depth, out_depth = x_nhwc.shape[3], w.shape[2], w.shape[3]
    if patch_depth <= 0:
        raise ShapeError(f"filter depth must be stricly positive, got {patch_depth}")
    if in_depth % patch_depth:
        raise ShapeError(messages.tf_depth_not_divisible_sized(in_depth, patch_depth),
                         f"The filter's third axis ({patch_depth}) is its input channels (per group); "
                         f"your input has {in_depth} channels.")
    sizes, pad_before = [], []
    for axis in range(2):
        window = _forward_window(x_nhwc.shape[1 + axis], w.shape[axis], strides[_h(fmt) + axis],
                                 dilations[_h(fmt) + axis], pad_mode, pads[axis])
        sizes.append(window.size)
        pad_before.append(window.pad_before)
    if not (x_nhwc.shape[0] * sizes[0] * sizes[1] * out_depth and x.size):
        # TF returns before launching the kernel: an empty output, or zeros from padding alone
        return _from_nhwc(np.zeros((x_nhwc.shape[0], sizes[0], sizes[1], out_depth), x.dtype), fmt)
    if fmt == "NCHW":
        raise ShapeError("The Conv2D op currently only supports the NHWC tensor format on the CPU. "
                         "The op was given the format: NCHW",
                         "TF's CPU kernels compute NHWC only; transpose your data to NHWC.")
    if w.size == 0:
        raise ShapeError("filter must not have zero elements (i.e. all dimensions must be non-zero)")
    groups = in_depth // patch_depth
    if out_depth % groups or out_depth < groups:
        raise ShapeError(messages.tf_groups_not_divisible(out_depth, groups))
    dtype = compute_dtype(x)
    y = kernels.conv2d_forward(x_nhwc.astype(dtype, copy=False), w.astype(dtype, copy=False),
                               _spatial(strides, fmt), _spatial(dilations, fmt), tuple(pad_before),
                               tuple(sizes), groups)
    return _from_nhwc(y, fmt).astype(x.dtype, copy=False)


def conv2d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NHWC",
                     dilations=None) -> np.ndarray:
    """``tf.nn.conv2d_transpose`` (the op ``Conv2DBackpropInput``): filters ``[h, w, out, in]``.

    ``output_shape`` is 4 values in ``data_format`` order, or 2 (height, width).
    """
    fmt, strides, dilations, pad_mode, explicit, x, w = _wrapper_arguments(
        input, filters, strides, padding, data_format, dilations)
    sizes = as_int_list(output_shape, "output_shape")
    _check_same_dtype("Conv2DBackpropInput", w, x, "input #2(zero-based)")
    if fmt != "NHWC":
        raise ShapeError("Conv2DCustomBackpropInputOp only supports NHWC.",
                         "TF's CPU kernel for conv2d_transpose handles NHWC only (GPUs also take NCHW); "
                         "transpose your data to NHWC.")
    _check_window_attrs(strides, dilations, fmt)
    if dilations[1] < 1 or dilations[2] < 1:
        raise ShapeError(messages.TF_DILATION_UNSUPPORTED,
                         f"Dilations must be at least 1; got {dilations[1:3]}.")
    pads = _check_explicit_padding(pad_mode, explicit, fmt)
    if x.ndim != 4:
        raise ShapeError(f"input_sizes must be 4-dimensional, got: {x.ndim}",
                         "TF's text says input_sizes, but it checks your input tensor: "
                         "give it as [batch, height, width, channels].")
    requested = _requested_shape(sizes, w, x)
    _check_backprop_dims(requested, w, x)
    pad_before = []
    for axis in range(2):
        pad_before.append(_check_spatial(axis, requested[1 + axis], w.shape[axis], x.shape[1 + axis],
                                         strides[1 + axis], dilations[1 + axis], pad_mode, pads[axis]))
    if requested[3] != w.shape[2]:
        raise ShapeError(messages.tf_grouped_unsupported(requested[3], w.shape[2]),
                         f"output_shape asks for {requested[3]} channels but the filter's third axis "
                         f"(its output channels) is {w.shape[2]}.")
    dtype = compute_dtype(x)
    out = kernels.conv2d_transpose(x.astype(dtype, copy=False), w.astype(dtype, copy=False),
                                   (strides[1], strides[2]), (dilations[1], dilations[2]),
                                   tuple(pad_before), (requested[1], requested[2]), 1)
    return out.astype(x.dtype, copy=False)


# --- the Python wrapper (tensorflow/python/ops/nn_ops.py) -------------------------------------

def _wrapper_arguments(input, filters, strides, padding, data_format, dilations):
    """What ``tf.nn``'s Python wrapper and the op's attribute checks do before any kernel runs."""
    fmt = _data_format(data_format)
    strides = _get_sequence(strides, fmt, "strides")
    dilations = _get_sequence(dilations, fmt, "dilations")
    pad_mode, explicit = _convert_padding(padding)
    _check_padding_attr(pad_mode)
    return fmt, strides, dilations, pad_mode, explicit, as_array(input, "input"), as_array(filters, "filters")


def _data_format(data_format) -> str:
    if data_format not in ("NHWC", "NCHW"):
        raise ShapeError(f"Value for attr 'data_format' of \"{data_format}\" is not in the list of "
                         "allowed values: \"NHWC\", \"NCHW\"",
                         "data_format is the layout of your tensors: 'NHWC' or 'NCHW'.")
    return data_format


def _h(fmt: str) -> int:
    """Index of the height entry in 4-long strides / dilations."""
    return 2 if fmt == "NCHW" else 1


def _get_sequence(value, fmt: str, name: str) -> List[int]:
    """``_get_sequence``: None, an int, or 1, 2 or 4 values, expanded to 4."""
    if value is None:
        return [1, 1, 1, 1]
    values = as_int_list(value, name)
    if len(values) == 4:
        return values
    if len(values) == 1:
        values = values * 2
    elif len(values) != 2:
        raise ShapeError(f"{name} should be of length 1, 2 or 4. Received: {name}={values} of length {len(values)}",
                         f"Give {name} as one int, [height, width], or all four dimensions.")
    return [1, 1] + values if fmt == "NCHW" else [1] + values + [1]


def _convert_padding(padding) -> Tuple[str, List[int]]:
    """``convert_padding``: a string, or an explicit list of 4 pairs."""
    if isinstance(padding, str):
        if padding == "EXPLICIT":
            raise ShapeError("'EXPLICIT' is not a valid value for `padding`. To use explicit padding, "
                             "`padding` must be a list.")
        return padding, []
    if not isinstance(padding, (list, tuple)):
        raise ShapeError(f"padding must be 'SAME', 'VALID' or a list of pairs, got {padding!r}"[:300])
    explicit: List[int] = []
    for i, pair in enumerate(padding):
        if not isinstance(pair, (list, tuple)):
            raise ShapeError("When `padding` is a list, each element of `padding` must be a list/tuple "
                             f"of size 2. Received: padding={padding} with element at index {i} of type "
                             f"{type(pair)}")
        if len(pair) != 2:
            raise ShapeError("When `padding` is a list, each element of `padding` must be a list/tuple "
                             f"of size 2. Received: padding={padding} with element at index {i} of size "
                             f"{len(pair)}")
        explicit.extend(as_int(v, "padding") for v in pair)
    if len(padding) != 4:
        raise ShapeError(f"When padding is a list, it must be of size 4. Received: padding={padding} "
                         f"of size {len(padding)}",
                         "Explicit padding is [[0, 0], [top, bottom], [left, right], [0, 0]] (NHWC).")
    return "EXPLICIT", explicit


# --- the op's attributes and the kernel constructor ------------------------------------------

def _check_padding_attr(pad_mode: str) -> None:
    if pad_mode not in ("SAME", "VALID", "EXPLICIT"):
        raise ShapeError(f"Value for attr 'padding' of \"{pad_mode}\" is not in the list of allowed "
                         "values: \"SAME\", \"VALID\", \"EXPLICIT\"",
                         "tf.nn wants upper case: 'SAME' or 'VALID' (Keras layers take 'same'/'valid').")


_TF_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def _check_same_dtype(op: str, first: np.ndarray, other: np.ndarray, which: str) -> None:
    """TF takes the op's type from its first typed input and refuses a mismatching later one."""
    if other.dtype != first.dtype:
        want = _TF_DTYPE_NAMES.get(first.dtype.name, first.dtype.name)
        got = _TF_DTYPE_NAMES.get(other.dtype.name, other.dtype.name)
        raise ShapeError(f"cannot compute {op} as {which} was expected to be a {want} tensor but is a {got} tensor",
                         "Input and filters must have the same dtype.")


def _check_window_attrs(strides: List[int], dilations: List[int], fmt: str) -> None:
    b, c, h = 0, (1 if fmt == "NCHW" else 3), _h(fmt)
    if strides[b] != 1 or strides[c] != 1:
        raise ShapeError("Current implementation does not yet support strides in the batch and depth dimensions.",
                         "The batch and channel entries of a 4-long strides list must be 1.")
    if strides[h] <= 0 or strides[h + 1] <= 0:
        raise ShapeError("Row and column strides should be larger than 0.")
    if dilations[b] != 1 or dilations[c] != 1:
        raise ShapeError("Current implementation does not yet support dilations in the batch and depth dimensions.",
                         "The batch and channel entries of a 4-long dilations list must be 1.")


def _check_explicit_padding(pad_mode: str, explicit: List[int], fmt: str) -> List[Padding]:
    """``CheckValidPadding``; returns the per-axis padding for height and width."""
    if pad_mode != "EXPLICIT":
        return [pad_mode, pad_mode]
    if any(v < 0 for v in explicit):
        raise ShapeError("All elements of explicit_paddings must be nonnegative",
                         f"Explicit padding cannot be negative (got {min(explicit)}); to crop, use "
                         "VALID or a larger stride.")
    h = _h(fmt)
    c = 1 if fmt == "NCHW" else 3
    if explicit[0] or explicit[1] or explicit[2 * c] or explicit[2 * c + 1]:
        raise ShapeError("Nonzero explicit padding in the batch or depth dimensions is not supported",
                         "Explicit padding is [[0, 0], [top, bottom], [left, right], [0, 0]] (NHWC).")
    return [(explicit[2 * h], explicit[2 * h + 1]), (explicit[2 * h + 2], explicit[2 * h + 3])]


# --- the kernels' shape checks ----------------------------------------------------------------

def _requested_shape(sizes: List[int], w: np.ndarray, x: np.ndarray) -> List[int]:
    """``Conv2DBackpropComputeInputShape``: 4 values as given, or [H, W] with batch and depth inferred."""
    if len(sizes) == 4:
        for v in sizes:
            if v < 0:
                raise ShapeError(f"Dimension {v} must be >= 0", "output_shape sizes cannot be negative.")
        return sizes
    if len(sizes) == 2:
        if w.ndim != 4:
            raise ShapeError(f"{_TRANSPOSE_LABEL}: filter must be 4-dimensional")
        if sizes[0] < 0 or sizes[1] < 0:
            raise ShapeError(f"Conv2DBackpropInput: elements of input_sizes must be >= 0, not "
                             f"{sizes[0]}x{sizes[1]}", "output_shape sizes cannot be negative.")
        return [x.shape[0], sizes[0], sizes[1], w.shape[2]]
    raise ShapeError("Conv2DBackpropInput requires input_sizes to contain 4 values or 2 values, "
                     f"but got: {len(sizes)}",
                     "output_shape is [batch, height, width, channels] or just [height, width].")


def _check_backprop_dims(requested: List[int], w: np.ndarray, x: np.ndarray) -> None:
    """``ConvBackpropComputeDimensionsV2``: ranks, batch, depths (spatial sizes come next)."""
    if w.ndim != 4:
        raise ShapeError(f"{_TRANSPOSE_LABEL}: filter must be 4-dimensional",
                         "The filter is [height, width, out_channels, in_channels].")
    if requested[0] != x.shape[0]:
        raise ShapeError(messages.tf_batch_mismatch(requested[0], x.shape[0]),
                         f"output_shape asks for batch {requested[0]} but your input has batch "
                         f"{x.shape[0]}. Use tf.shape(x)[0] in output_shape so it follows the data.")
    if w.shape[2] <= 0:
        raise ShapeError(f"{_TRANSPOSE_LABEL}: filter depth must be strictly greated than zero")
    if requested[3] % w.shape[2]:
        raise ShapeError(messages.tf_depth_not_divisible(),
                         f"output_shape asks for {requested[3]} channels, but the filter "
                         f"[h, w, out, in] has out = {w.shape[2]} (its third axis).")
    if w.shape[3] != x.shape[3]:
        raise ShapeError(messages.tf_out_depth_mismatch(),
                         f"Your input has {x.shape[3]} channels, but the filter [h, w, out, in] has "
                         f"in = {w.shape[3]} (its LAST axis must match your input's channels).")


def _forward_window(n: int, k: int, s: int, d: int, pad_mode: str, pads: Padding):
    window = windowed_output(n, k, s, d, pads if pad_mode == "EXPLICIT" else pad_mode)
    if window.size < 0:
        raise ShapeError(messages.tf_negative_output(window.size, n, effective_kernel(k, d), s),
                         f"The dilated kernel ({effective_kernel(k, d)}) is longer than the (padded) "
                         f"input ({n}) can hold.")
    return window


def _check_spatial(axis: int, n: int, k: int, i: int, s: int, d: int, pad_mode: str, pads: Padding) -> int:
    """``ConvBackpropExtractAndVerifyDimension``; returns where the output window starts."""
    padding = pads if pad_mode == "EXPLICIT" else pad_mode
    window = _forward_window(n, k, s, d, pad_mode, pads)
    if window.size != i:
        fixes = "; ".join(f.text for f in tf_size_fixes(i, n, k, s, d, padding))
        raise ShapeError(messages.tf_size_mismatch(i, window.size, 1 + axis, n, k, s, d),
                         tf_size_mismatch_explanation(i, n, k, s, d, padding, _AXES[axis]) +
                         (f" Fixes: {fixes}." if fixes else ""))
    return window.pad_before


# --- layouts ----------------------------------------------------------------------------------

def _spatial(values: List[int], fmt: str) -> Tuple[int, int]:
    h = _h(fmt)
    return values[h], values[h + 1]


def _to_nhwc(x: np.ndarray, fmt: str) -> np.ndarray:
    return x.transpose(0, 2, 3, 1) if fmt == "NCHW" else x


def _from_nhwc(y: np.ndarray, fmt: str) -> np.ndarray:
    return y.transpose(0, 3, 1, 2) if fmt == "NCHW" else y


def _debug_shape(shape) -> str:
    return "[" + ",".join(str(v) for v in shape) + "]"
