"""TensorFlow 2.21 (oneDNN off) and TF 1.x: the checks of ``tf.nn.conv2d`` / ``conv2d_transpose`` in
TF's order, the exact texts TF prints, why in plain words, and the reader that recognises them.

The checks run on shapes and arguments alone, so ``convt.tf_style`` (on arrays) and the shape
explorer (on a configuration) ask the same functions. The order is TF's: the Python wrapper
(``nn_ops.py``), the op's attributes and kernel constructor, then the kernel's shape checks
(``conv_ops`` / ``conv_grad_input_ops``). TF words its transposed-conv messages from the
*gradient's* side (``conv2d_transpose`` is the op ``Conv2DBackpropInput``): ``out_backprop`` /
``actual`` / ``output:`` are the transposed conv's INPUT, ``input:`` is the requested
``output_shape``, ``computed`` is what a forward conv of that request produces. Every explanation
here translates that into the user's words. Sources: reference/framework_rules.md.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from convt._arrays import as_int, as_int_list
from convt.arithmetic import Padding, Window, effective_kernel, forward_preimage, trunc_div, windowed_output
from convt.diagnosis import (AXES, AXES_3D, Diagnosis, Fix, Framework, Geometry, SizeList, diagnosis,
                             forward_arithmetic, padding_name, size_list)
from convt.errors import ShapeError
from convt.frameworks._reading import (MAX_BRUTE, MAX_LIST, NUM, Rule, concat_diagnosis, label_before, number,
                                      numbers, shape_text, simple, spatial_axis)

FW = Framework.TENSORFLOW
TITLE = "TensorFlow"
MARKER = re.compile(r"tensorflow|InvalidArgumentError|\[Op:|\{\{node |Conv[23]DBackpropInput|"
                    r"conv[123]d_transpose|TensorShape")

# ---------------------------------------------------------------------------------------------
# The texts
# ---------------------------------------------------------------------------------------------

CPU_LABEL = "Conv2DCustomBackpropInput"
GPU_LABEL = "Conv2DSlowBackpropInput"
ONEDNN_TEXT = ("could not create a primitive descriptor for the convolution forward "
               "propagation primitive")
DILATION_UNSUPPORTED = "Current CPU implementations do not yet support dilation rates larger than 1."


def size_mismatch(actual: int, computed: int, spatial_dim: int, input_size: int, filter_size: int,
                  stride: int, dilation: int, label: str = CPU_LABEL, verbose: bool = True) -> str:
    """TF's check that ``output_shape`` maps back onto the input (its words are the gradient's).

    ``verbose=False`` gives the TF 1.x form, which stopped after ``computed = …``.
    """
    text = (f"{label}: Size of out_backprop doesn't match computed: "
            f"actual = {actual}, computed = {computed}")
    if verbose:
        text += (f" spatial_dim: {spatial_dim} input: {input_size} filter: {filter_size}"
                 f" output: {actual} stride: {stride} dilation: {dilation}")
    return text


def negative_output(size: int, input_size: int, effective_filter: int, stride: int) -> str:
    return (f"Computed output size would be negative: {size} [input_size: {input_size}, "
            f"effective_filter_size: {effective_filter}, stride: {stride}]")


def shape_tuple(shape: Sequence[int]) -> str:
    """Python's tuple spelling, as TensorShape prints it: ``(3, 25, 25, 20)``."""
    return "(" + ", ".join(str(v) for v in shape) + ("," if len(shape) == 1 else "") + ")"


def tf1_shapes_not_compatible(calculated: Sequence[int], original: Sequence[int]) -> str:
    """TF 1.x at graph build: the input gradient's shape cannot be set on the input."""
    return f"Shapes {shape_tuple(calculated)} and {shape_tuple(original)} are not compatible"


def gradient_incompatible(original: Sequence[int], calculated: Sequence[int]) -> str:
    """TF 2.x graph mode, building gradients with static shapes (the modern form of the above)."""
    return ("Incompatible shapes between op input and calculated input gradient. "
            "Forward operation: conv2d_transpose. Input index: 2. "
            f"Original input shape: {shape_tuple(original)}. "
            f"Calculated input gradient shape: {shape_tuple(calculated)}")


def onednn_abort() -> str:
    """What TF 2.21's default oneDNN CPU kernels print instead of the real reason."""
    return ("Operation received an exception:Status: 2, message: " + ONEDNN_TEXT +
            ". Run workload with environment variable ONEDNN_VERBOSE=all to get additional "
            "diagnostic information., in file tensorflow/core/kernels/mkl/mkl_conv_grad_input_ops.cc:546")


def groups_not_divisible(out_depth: int, groups: int) -> str:
    """TF's forward conv (and oneDNN's transpose): output channels must split into the groups."""
    return f"output depth must be evenly divisible by number of groups: {out_depth} vs {groups}"


def depth_not_divisible_sized(in_depth: int, filter_depth: int) -> str:
    """The forward conv's (and oneDNN's) wording: no label, the two depths appended."""
    return f"input depth must be evenly divisible by filter depth: {in_depth} vs {filter_depth}"


def batch_mismatch(input_batch: int, out_backprop_batch: int, label: str = CPU_LABEL) -> str:
    return (f"{label}: input and out_backprop must have the same batch size. "
            f"Input batch: {input_batch}, outbackprop batch: {out_backprop_batch}, batch_dim: 0")


def depth_not_divisible(label: str = CPU_LABEL) -> str:
    return f"{label}: input depth must be evenly divisible by filter depth"


def out_depth_mismatch(label: str = CPU_LABEL) -> str:
    return f"{label}: filter and out_backprop must have the same out_depth"


def grouped_unsupported(input_depth: int, filter_depth: int) -> str:
    return ("Gradients for grouped convolutions are not supported on CPU. Please file a feature "
            "request if you run into this issue. Computed input depth "
            f"{input_depth} doesn't match filter input depth {filter_depth}")


def static_channel_mismatch(actual: int, expected: int, strides: Sequence[int], padding: str,
                            filter_shape: Sequence[int], input_shape: Sequence[int]) -> str:
    """Inside ``tf.function``: the only mismatch TF catches while tracing (input channels)."""
    dims = lambda v: "[" + ",".join(str(x) for x in v) + "]"  # noqa: E731
    return (f"Dimensions must be equal, but are {actual} and {expected} for "
            "'{{node conv2d_transpose}} = Conv2DBackpropInput[T=DT_FLOAT, data_format=\"NHWC\", "
            f"dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"{padding}\", "
            f"strides=[{', '.join(str(s) for s in strides)}], use_cudnn_on_gpu=true]"
            "(conv2d_transpose/input_sizes, conv2d_transpose/filter, yy)' with input shapes: "
            f"[4], {dims(filter_shape)}, {dims(input_shape)}.")


# ---------------------------------------------------------------------------------------------
# The size rule, in plain words
# ---------------------------------------------------------------------------------------------

MAX_FIX_STRIDE = 8


def valid_output_sizes(i: int, kernel: int, stride: int, dilation: int, padding: Padding) -> range:
    """Every positive ``output_shape`` size ``conv2d_transpose`` accepts for an input of size ``i``:
    TF accepts ``N`` iff a forward conv over ``N`` gives back exactly ``i``."""
    return forward_preimage(i, kernel, stride, dilation, padding)


def size_fixes(i: int, n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> List[Fix]:
    """Ways to make TF accept output size ``n`` from input size ``i``, nearest change first."""
    fixes: List[Fix] = []
    valid = valid_output_sizes(i, kernel, stride, dilation, padding)
    if len(valid):
        nearest = min(valid, key=lambda v: (abs(v - n), v))
        fixes.append(Fix(f"ask for output size {nearest} instead of {n} "
                         f"(valid: {size_list(valid)})", Geometry(output=nearest)))
    for s in range(1, MAX_FIX_STRIDE + 1):
        if s != stride and n in valid_output_sizes(i, kernel, s, dilation, padding):
            fixes.append(Fix(f"use stride {s}: {forward_arithmetic(n, kernel, s, dilation, padding)}",
                             Geometry(stride=s)))
            break
    for other in ("SAME", "VALID"):
        if other != padding and n in valid_output_sizes(i, kernel, stride, dilation, other):
            fixes.append(Fix(f"use {other} padding: {forward_arithmetic(n, kernel, stride, dilation, other)}",
                             Geometry(padding=other)))
    if padding == "SAME":
        # the input that *would* fit: the forward conv's own output size
        wanted = windowed_output(n, kernel, stride, dilation, padding).size
        if wanted >= 1:
            fixes.append(Fix(f"feed an input of size {wanted}: the forward conv of {n} gives "
                             f"{forward_arithmetic(n, kernel, stride, dilation, padding)}",
                             Geometry(input=wanted)))
    return fixes


def size_mismatch_explanation(i: int, n: int, kernel: int, stride: int, dilation: int,
                              padding: Padding, axis: str = "height") -> str:
    """Why TF refuses output size ``n`` for input size ``i``, with the numbers."""
    computed = windowed_output(n, kernel, stride, dilation, padding).size
    valid = valid_output_sizes(i, kernel, stride, dilation, padding)
    return (f"conv2d_transpose is the gradient of a forward conv, so TF checks that a forward "
            f"{padding_name(padding)} conv (kernel {kernel}, stride {stride}, dilation {dilation}) "
            f"over your requested {axis} {n} would give back your input's {axis} {i}. It gives "
            f"{forward_arithmetic(n, kernel, stride, dilation, padding)}"
            f"{'' if computed == i else f', not {i}'}. "
            f"For an input of {i}, TF accepts the output sizes {size_list(valid)}.")


# ---------------------------------------------------------------------------------------------
# The checks, on shapes and arguments alone
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ForwardPlan:
    """What ``conv2d`` computes once every check passed (NHWC terms)."""

    data_format: str
    batch: Optional[int]          # extra leading batch dimensions folded into this one, or None
    sizes: Tuple[int, ...]        # one per spatial axis, as the following three
    pad_before: Tuple[int, ...]
    strides: Tuple[int, ...]
    dilations: Tuple[int, ...]
    out_depth: int
    groups: int
    empty: bool                   # TF returns zeros without launching the kernel


@dataclass(frozen=True)
class TransposePlan:
    """What ``conv2d_transpose`` computes once every check passed."""

    output_shape: Tuple[int, ...]     # [N, *spatial, C]
    strides: Tuple[int, ...]          # one per spatial axis, as the following two
    dilations: Tuple[int, ...]
    pad_before: Tuple[int, ...]


_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def conv2d_plan(x_shape, x_dtype, w_shape, w_dtype, strides, padding, data_format, dilations) -> ForwardPlan:
    """``tf.nn.conv2d``'s checks in TF's order; filters ``[h, w, in_channels / groups, out]``."""
    fmt, strides, dilations, pad_mode, explicit = _wrapper_arguments(strides, padding, data_format, dilations)
    return _conv2d_op(x_shape, x_dtype, w_shape, w_dtype, fmt, strides, dilations, pad_mode, explicit)


def _conv2d_op(x_shape, x_dtype, w_shape, w_dtype, fmt, strides, dilations, pad_mode, explicit) -> ForwardPlan:
    """The ``Conv2D`` op's checks once the Python wrapper has formed its attributes."""
    _check_same_dtype("Conv2D", x_dtype, w_dtype, "input #1(zero-based)")
    _check_window_attrs(strides, dilations, fmt)
    h = _h(fmt)
    if dilations[h] <= 0 or dilations[h + 1] <= 0:
        raise ShapeError("Dilated rates should be larger than 0.")
    pads = _check_explicit_padding(pad_mode, explicit, fmt)
    batch = None
    if len(x_shape) > 4:  # tf.nn.conv2d folds extra leading batch dimensions into one
        batch = math.prod(x_shape[:-3])
        x_shape = (batch,) + tuple(x_shape[-3:])
    if len(x_shape) != 4:
        raise ShapeError(f"convolution input must be 4-dimensional: {_debug_shape(x_shape)}",
                         "Give the input as [batch, height, width, channels].")
    if len(w_shape) != 4:
        raise ShapeError(f"convolution filter must be 4-dimensional: {_debug_shape(w_shape)}",
                         "A conv2d filter is [height, width, in_channels, out_channels].")
    n, in_h, in_w, in_depth = (x_shape[0], x_shape[2], x_shape[3], x_shape[1]) if fmt == "NCHW" else x_shape
    patch_depth, out_depth = w_shape[2], w_shape[3]
    if patch_depth <= 0:
        raise ShapeError(f"filter depth must be stricly positive, got {patch_depth}")
    if in_depth % patch_depth:
        raise ShapeError(depth_not_divisible_sized(in_depth, patch_depth),
                         f"The filter's third axis ({patch_depth}) is its input channels (per group); "
                         f"your input has {in_depth} channels.")
    windows = [_forward_window(size, w_shape[axis], strides[h + axis], dilations[h + axis], pads[axis])
               for axis, size in enumerate((in_h, in_w))]
    sizes = (windows[0].size, windows[1].size)
    plan = ForwardPlan(fmt, batch, sizes, (windows[0].pad_before, windows[1].pad_before),
                       (strides[h], strides[h + 1]), (dilations[h], dilations[h + 1]), out_depth,
                       in_depth // patch_depth, False)
    if not (n * sizes[0] * sizes[1] * out_depth and math.prod(x_shape)):
        return ForwardPlan(**dict(plan.__dict__, empty=True))
    if fmt == "NCHW":
        raise ShapeError("The Conv2D op currently only supports the NHWC tensor format on the CPU. "
                         "The op was given the format: NCHW",
                         "TF's CPU kernels compute NHWC only; transpose your data to NHWC.")
    if math.prod(w_shape) == 0:
        raise ShapeError("filter must not have zero elements (i.e. all dimensions must be non-zero)")
    if out_depth % plan.groups or out_depth < plan.groups:
        raise ShapeError(groups_not_divisible(out_depth, plan.groups))
    return plan


def conv2d_transpose_plan(x_shape, x_dtype, w_shape, w_dtype, output_shape, strides, padding,
                          data_format, dilations) -> TransposePlan:
    """``tf.nn.conv2d_transpose``'s checks in TF's order; filters ``[h, w, out, in]``.

    ``output_shape`` is 4 values in ``data_format`` order, or 2 (height, width).
    """
    fmt, strides, dilations, pad_mode, explicit = _wrapper_arguments(strides, padding, data_format, dilations)
    sizes = as_int_list(output_shape, "output_shape")
    return _backprop_input_op(x_shape, x_dtype, w_shape, w_dtype, sizes, fmt, strides, dilations,
                              pad_mode, explicit)


def _backprop_input_op(x_shape, x_dtype, w_shape, w_dtype, sizes, fmt, strides, dilations, pad_mode,
                       explicit, cpu: bool = False) -> TransposePlan:
    """The ``Conv2DBackpropInput`` op's checks once the Python wrapper has formed its attributes
    (``cpu``: also the classic CPU kernel's refusal of dilations > 1, which convt computes)."""
    _check_same_dtype("Conv2DBackpropInput", w_dtype, x_dtype, "input #2(zero-based)")
    if fmt != "NHWC":
        raise ShapeError("Conv2DCustomBackpropInputOp only supports NHWC.",
                         "TF's CPU kernel for conv2d_transpose handles NHWC only (GPUs also take NCHW); "
                         "transpose your data to NHWC.")
    _check_window_attrs(strides, dilations, fmt)
    if dilations[1] < 1 or dilations[2] < 1:
        raise ShapeError(DILATION_UNSUPPORTED, f"Dilations must be at least 1; got {dilations[1:3]}.")
    pads = _check_explicit_padding(pad_mode, explicit, fmt)
    # beyond TF: dilations > 1 are computed (TF's CPU kernel refuses them; the arithmetic is defined)
    requested, pad_before = backprop_input_check(x_shape, w_shape, sizes, (strides[1], strides[2]),
                                                 (dilations[1], dilations[2]), pads, refuse_dilation=cpu)
    _check_empty_filter_gemm(x_shape, x_dtype, w_shape, requested)
    return TransposePlan(requested, (strides[1], strides[2]), (dilations[1], dilations[2]), pad_before)


def _check_empty_filter_gemm(x_shape, x_dtype, w_shape, requested) -> None:
    """``Conv2DCustomBackpropInputOp`` (float32) on a filter with no taps (a zero-sized spatial axis):
    for a batch of 2 or more whose work is too small for its parallel contraction (per thread, under
    256 KiB of floats: ``x``'s cells and channels), each image's matrix product is a direct
    ``dnnl_sgemm`` call with an empty matrix, which oneDNN refuses (invalid arguments). Batch 1, a
    larger input, an input with no cells or channels and float64 get zeros. Only reached when the
    output has cells."""
    work = math.prod(x_shape[1:])        # out_backprop's cells times its channels, per image
    if str(x_dtype) != "float32" or w_shape[0] * w_shape[1] or x_shape[0] < 2 or not math.prod(requested) \
            or not work:
        return
    threads = max(1, os.cpu_count() or 1)
    if work // threads < (256 << 10) // 4:
        raise ShapeError("Failed to call dnnl_sgemm. Error code: 2",
                         "TF's float32 CPU kernel cannot multiply by a filter with no taps (a kernel size of "
                         "0) for a batch of several images; float64, batch 1 or a real kernel work.")


def backprop_input_check(x_shape, w_shape, output_shape: Sequence[int], strides: Tuple[int, int],
                         dilations: Tuple[int, int], paddings: Sequence[Padding], *, label: str = CPU_LABEL,
                         verbose: bool = True, refuse_dilation: bool = True, refuse_groups: bool = True):
    """``Conv2DBackpropInput``'s kernel: its constructor's dilation check, then its shape checks.

    Returns the requested ``(N, H, W, C)`` and where the output window starts per axis, or raises
    ``ShapeError`` with TF's text. ``label`` / ``verbose`` give the GPU and TF 1.x wordings;
    ``refuse_dilation`` / ``refuse_groups`` are the CPU kernel's refusals.
    """
    if refuse_dilation and max(dilations) > 1:
        raise ShapeError(DILATION_UNSUPPORTED, "TF's classic CPU kernel refuses dilations > 1 in "
                         "conv2d_transpose (oneDNN, GPUs, PyTorch and convt compute them).")
    if len(x_shape) != 4:
        raise ShapeError(f"input_sizes must be 4-dimensional, got: {len(x_shape)}",
                         "TF's text says input_sizes, but it checks your input tensor: "
                         "give it as [batch, height, width, channels].")
    requested = _requested_shape(list(output_shape), w_shape, x_shape, label)
    _check_backprop_dims(requested, w_shape, x_shape, label)
    pad_before = tuple(_check_spatial(1 + axis, AXES[axis], requested[1 + axis], w_shape[axis],
                                      x_shape[1 + axis], strides[axis], dilations[axis], paddings[axis],
                                      label, verbose)
                       for axis in range(2))
    if refuse_groups and requested[3] != w_shape[2]:
        raise ShapeError(grouped_unsupported(requested[3], w_shape[2]),
                         f"output_shape asks for {requested[3]} channels but the filter's third axis "
                         f"(its output channels) is {w_shape[2]}.")
    return tuple(requested), pad_before


def onednn_error(x_shape, w_shape, output_shape, strides, dilations, paddings) -> Optional[str]:
    """What TF 2.21's default oneDNN kernel prints for a transposed conv, or None when it runs.

    oneDNN computes dilations and grouped convs; a negative size and a non-divisible depth keep
    TF's words, every other refusal is hidden behind oneDNN's opaque abort.
    """
    try:
        requested, _ = backprop_input_check(x_shape, w_shape, output_shape, strides, dilations, paddings,
                                            refuse_dilation=False, refuse_groups=False)
    except ShapeError as err:
        text = err.framework_message
        if text.startswith("Computed output size would be negative"):
            return text
        if x_shape[0] == output_shape[0] and output_shape[3] % w_shape[2]:
            return depth_not_divisible_sized(output_shape[3], w_shape[2])
        return onednn_abort()
    groups = requested[3] // w_shape[2]
    if groups > 1 and w_shape[3] % groups:
        return groups_not_divisible(w_shape[3], groups)
    return None


# ---------------------------------------------------------------------------------------------
# 1-D and 3-D: tf.nn.conv1d / conv1d_transpose run the 2-D ops on a unit height (so their
# messages are the 2-D ones, the width being spatial_dim 2); conv3d / conv3d_transpose have ops
# of their own, with their own texts and order (tools/nd_rules.md)
# ---------------------------------------------------------------------------------------------

CONV3D_LABEL = "Conv3DBackpropInputOp"
DILATION_UNSUPPORTED_3D = "Current CPU implementation does not yet support dilation rates larger than 1."


@dataclass(frozen=True)
class UnitHeight:
    """A 1-D call as the 2-D op TF runs it: ``axis`` is where the unit height was inserted into
    the input (and comes out of the result again); ``plan`` is the 2-D op's."""

    plan: "ForwardPlan | TransposePlan"
    axis: int


def conv1d_plan(x_shape, x_dtype, w_shape, w_dtype, stride, padding, data_format, dilations) -> UnitHeight:
    """``tf.nn.conv1d``: ``Conv2D`` on ``x`` expanded at -3 (NWC) / -2 (NCW), filters ``[1, k, in, out]``."""
    fmt, channel = _data_format_1d(data_format, also_2d=True)
    strides, dilations = _sequence_1d(stride, channel, "stride"), _sequence_1d(dilations, channel, "dilations")
    pad_mode = _padding_1d(padding)
    axis = max(0, len(x_shape) + 1 + (-3 if fmt == "NHWC" else -2))
    x2 = tuple(x_shape[:axis]) + (1,) + tuple(x_shape[axis:])
    return UnitHeight(_conv2d_op(x2, x_dtype, (1,) + tuple(w_shape), w_dtype, fmt, strides, dilations,
                                 pad_mode, []), axis)


def conv1d_transpose_plan(x_shape, x_dtype, w_shape, w_dtype, output_shape, strides, padding,
                          data_format, dilations, cpu: bool = False) -> UnitHeight:
    """``tf.nn.conv1d_transpose``: ``Conv2DBackpropInput`` on ``x`` expanded at 1 (NWC) / 2 (NCW),
    filters ``[1, k, out, in]`` and ``output_shape`` with a 1 inserted at the same place (so a
    single value ``[W]`` becomes the 2-D form ``[W, 1]``: height W, width 1)."""
    fmt, channel = _data_format_1d(data_format)
    strides, dilations = _sequence_1d(strides, channel, "stride"), _sequence_1d(dilations, channel, "dilations")
    pad_mode = _padding_1d(padding)
    axis = 2 if fmt == "NCHW" else 1
    sizes = as_int_list(output_shape, "output_shape")
    x2 = tuple(x_shape[:axis]) + (1,) + tuple(x_shape[axis:])
    plan = _backprop_input_op(x2, x_dtype, (1,) + tuple(w_shape), w_dtype, sizes[:axis] + [1] + sizes[axis:],
                              fmt, strides, dilations, pad_mode, [], cpu)
    return UnitHeight(plan, axis)


def _data_format_1d(data_format, also_2d: bool = False) -> Tuple[str, int]:
    """The 2-D data_format a 1-D op runs with, and its channel index for ``_get_sequence``
    (``conv1d`` also takes the 2-D names, ``conv1d_transpose`` does not)."""
    if data_format is None or data_format == "NWC" or (also_2d and data_format == "NHWC"):
        return "NHWC", 2
    if data_format == "NCW" or (also_2d and data_format == "NCHW"):
        return "NCHW", 1
    raise ShapeError(f"`data_format` must be 'NWC' or 'NCW'. Received: data_format={data_format}",
                     "data_format is the layout of your tensors: 'NWC' (channels last) or 'NCW'.")


def _sequence_1d(value, channel_index: int, name: str) -> List[int]:
    """``[1] + _get_sequence(value, 1, channel_index, name)``: an int, 1 value or 3 values (whence
    TF's "of length 1, 1 or 3"). Three values ``[a, s, b]`` become ``[1, a, s, b]``: the first lands
    on the unit height, not on the batch."""
    return [1] + _get_sequence_nd(value, 1, channel_index, name)


def _padding_string(padding, allowed: Sequence[str]) -> str:
    """The op's ``padding`` attribute: a string (no explicit padding), one of ``allowed``."""
    if not isinstance(padding, str):
        raise ShapeError(f"Expected string for argument 'padding' not {padding}.",
                         "This op takes padding 'SAME' or 'VALID' only (no explicit list).")
    _check_padding_attr(padding, allowed)
    return padding


def _padding_1d(padding) -> str:
    pad_mode = _padding_string(padding, ("SAME", "VALID", "EXPLICIT"))
    if pad_mode == "EXPLICIT":
        raise ShapeError("explicit_paddings attribute must contain 8 values, but got: 0",
                         "tf.nn.conv1d / conv1d_transpose take padding 'SAME' or 'VALID' only.")
    return pad_mode


def conv3d_transpose_plan(x_shape, x_dtype, w_shape, w_dtype, output_shape, strides, padding,
                          data_format, dilations, cpu: bool = False) -> TransposePlan:
    """``tf.nn.conv3d_transpose`` (``Conv3DBackpropInputV2``) in TF's order; filters ``[d, h, w, out, in]``,
    ``output_shape`` exactly 5 values. Beyond TF: dilations > 1 are computed (``cpu``: refused, as
    TF's CPU kernel does)."""
    fmt = "NDHWC" if data_format is None else data_format
    channel = 1 if isinstance(fmt, str) and fmt.startswith("NC") else 4
    strides = _get_sequence_nd(strides, 3, channel, "strides")
    dilations = _get_sequence_nd(dilations, 3, channel, "dilations")
    sizes = as_int_list(output_shape, "output_shape")
    _padding_string(padding, ("SAME", "VALID"))
    _data_format(fmt, ("NDHWC", "NCDHW"))
    _check_same_dtype("Conv3DBackpropInputV2", w_dtype, x_dtype, "input #2(zero-based)")
    if fmt != "NDHWC":
        raise ShapeError("Conv3DBackpropInputOpV2 only supports NDHWC on the CPU.",
                         "TF's CPU kernel for conv3d_transpose handles NDHWC only; transpose your data.")
    if dilations[0] != 1 or dilations[4] != 1:
        raise ShapeError("Current implementation does not yet support dilation rates in the batch and depth dimensions.",
                         "The batch and channel entries of a 5-long dilations list must be 1.")
    if min(dilations[1:4]) < 1 or (cpu and max(dilations[1:4]) > 1):
        # beyond TF: dilations > 1 are computed (TF's CPU kernel refuses them; the arithmetic is defined)
        raise ShapeError(DILATION_UNSUPPORTED_3D, f"Dilations must be at least 1; got {dilations[1:4]}.")
    if strides[0] != 1 or strides[4] != 1:
        raise ShapeError("Current implementation does not yet support strides in the batch and depth dimensions.",
                         "The batch and channel entries of a 5-long strides list must be 1.")
    for v in sizes:
        if v < 0:
            raise ShapeError(f"Dimension {v} must be >= 0", "output_shape sizes cannot be negative.")
    for shape, name in ((sizes, "input tensor"), (w_shape, "filter_sizes tensor"), (x_shape, "out_backprop tensor")):
        if len(shape) != 5:
            raise ShapeError(f"{name} must have 5 dimensions",
                             "conv3d_transpose takes a 5-D input [batch, depth, height, width, channels], a "
                             "5-D filter [depth, height, width, out, in] and a 5-value output_shape.")
    if sizes[4] != w_shape[3]:
        raise ShapeError(f"input and filter_sizes must have the same number of channels. Got {sizes[4]} for "
                         f"input and {w_shape[3]} for filter_sizes",
                         f"output_shape asks for {sizes[4]} channels, but the filter [d, h, w, out, in] has "
                         f"out = {w_shape[3]} (its fourth axis).")
    if x_shape[4] != w_shape[4]:
        raise ShapeError(f"out_backprop and filter_sizes must have the same number of channels. Got {x_shape[4]} "
                         f"for out_backprop and {w_shape[4]} for filter_sizes",
                         f"Your input has {x_shape[4]} channels, but the filter [d, h, w, out, in] has "
                         f"in = {w_shape[4]} (its LAST axis must match your input's channels).")
    if sizes[0] != x_shape[0]:
        raise ShapeError(batch_mismatch(sizes[0], x_shape[0], CONV3D_LABEL),
                         f"output_shape asks for batch {sizes[0]} but your input has batch {x_shape[0]}.")
    pad_before = tuple(_check_spatial(1 + a, AXES_3D[a], sizes[1 + a], w_shape[a], x_shape[1 + a],
                                      strides[1 + a], dilations[1 + a], padding, CONV3D_LABEL, True)
                       for a in range(3))
    return TransposePlan(tuple(sizes), tuple(strides[1:4]), tuple(dilations[1:4]), pad_before)


def conv3d_plan(x_shape, x_dtype, w_shape, w_dtype, strides, padding, data_format, dilations) -> ForwardPlan:
    """``tf.nn.conv3d`` (``Conv3D``; strides and dilations are passed raw: 5-long lists)."""
    # the wrapper's conversions (list, string, list), then the op def's attribute checks in its
    # attribute order (strides, padding, data_format, dilations)
    strides = _attr_list(strides, "strides", check_length=False)
    if not isinstance(padding, str):
        _padding_string(padding, ("SAME", "VALID"))
    dilations = [1, 1, 1, 1, 1] if dilations is None else _attr_list(dilations, "dilations", check_length=False)
    _attr_length(strides, "strides")
    _padding_string(padding, ("SAME", "VALID"))
    fmt = _data_format("NDHWC" if data_format is None else data_format, ("NDHWC", "NCDHW"))
    _attr_length(dilations, "dilations")
    _check_same_dtype("Conv3D", x_dtype, w_dtype, "input #1(zero-based)")
    if len(strides) != 5:
        raise ShapeError("Sliding window strides field must specify 5 dimensions")
    first = 2 if fmt == "NCDHW" else 1
    channel = 1 if fmt == "NCDHW" else 4
    if strides[0] != 1 or strides[channel] != 1:
        raise ShapeError("Current implementation does not yet support strides in the batch and depth dimensions.",
                         "The batch and channel entries of strides must be 1.")
    if min(strides[first:first + 3]) <= 0:
        raise ShapeError("Spatial strides should be larger than 0.")
    if len(dilations) != 5:
        raise ShapeError("Dilation rates field must specify 5 dimensions")
    if dilations[0] != 1 or dilations[channel] != 1:
        raise ShapeError("Current implementation does not yet support dilation rates in the batch and depth dimensions.")
    if min(dilations[first:first + 3]) <= 0:
        raise ShapeError("Dilated rates should be larger than 0.")
    batch = None
    if len(x_shape) > 5:  # folded into one batch dimension, as conv2d does
        batch = math.prod(x_shape[:-4])
        x_shape = (batch,) + tuple(x_shape[-4:])
    if len(x_shape) != 5:
        raise ShapeError("input must be 5-dimensional", "Give the input as [batch, depth, height, width, channels].")
    if len(w_shape) != 5:
        raise ShapeError("filter must be 5-dimensional", "A conv3d filter is [depth, height, width, in, out].")
    in_depth = x_shape[1] if fmt == "NCDHW" else x_shape[4]
    spatial = x_shape[2:5] if fmt == "NCDHW" else x_shape[1:4]
    if w_shape[3] == 0:
        raise ShapeError("filter_depth must be non-zero")
    if in_depth % w_shape[3]:
        raise ShapeError(f"Input depth must be evenly divisible by filter depth: {in_depth} vs {w_shape[3]}",
                         f"The filter's fourth axis ({w_shape[3]}) is its input channels; your input has {in_depth}.")
    if math.prod(w_shape) == 0:   # before the windows: a zero-sized filter is refused whatever the sizes
        raise ShapeError("filter must not have zero elements (i.e. all dimensions must be non-zero)")
    windows = [_forward_window(spatial[a], w_shape[a], strides[first + a], dilations[first + a], padding)
               for a in range(3)]
    starts = tuple(_cuboid_same_start(spatial[a], w_shape[a], strides[first + a], dilations[first + a], windows[a])
                   if padding == "SAME" else windows[a].pad_before for a in range(3))
    plan = ForwardPlan(fmt, batch, tuple(v.size for v in windows), starts,
                       tuple(strides[first:first + 3]), tuple(dilations[first:first + 3]), w_shape[4], 1, False)
    if not (x_shape[0] * math.prod(plan.sizes) * w_shape[4] and math.prod(x_shape)):
        return replace(plan, empty=True)
    if fmt == "NCDHW":
        raise ShapeError("CPU implementation of Conv3D currently only supports the NHWC tensor format.",
                         "TF's CPU kernels compute NDHWC only; transpose your data to NDHWC.")
    if max(plan.dilations) > 1:
        raise ShapeError("CPU implementation of Conv3D currently only supports dilated rates of 1.",
                         "TF's CPU conv3d refuses dilations > 1.")
    if w_shape[3] != in_depth:
        raise ShapeError(f"Number of channels in filter ({w_shape[3]}) must match last dimension of input "
                         f"({in_depth})", "TF's CPU conv3d has no grouped form.")
    return plan


def _cuboid_same_start(n: int, k: int, s: int, d: int, window: Window) -> int:
    """Where ``Conv3D``'s SAME window starts: Eigen's ``CuboidConvolution`` pads
    ``((out - 1) * s + k_eff - n) / 2`` cells before the data, in C++ division and without TF's
    ``max(0, ...)``: when the stride is larger than the kernel that can be negative, and the
    windows then start inside the input (n=3, k=1, s=3 reads cell 1, where conv2d reads cell 0)."""
    return trunc_div((window.size - 1) * s + effective_kernel(k, d) - n, 2)


def _attr_list(value, name: str, check_length: bool = True) -> List[int]:
    """A list attribute passed raw to the op (``tf.nn.conv3d``): a list or tuple of at least 5 ints."""
    if not isinstance(value, (list, tuple)):
        raise ShapeError(f"Expected list for '{name}' argument to 'conv3d' Op, not {value}.",
                         f"tf.nn.conv3d takes {name} as 5 values, e.g. [1, 2, 2, 2, 1].")
    values = as_int_list(list(value), name)
    if check_length:
        _attr_length(values, name)
    return values


def _attr_length(values, name: str) -> None:
    """The op def's ``minimum 5`` on a list attribute."""
    if len(values) < 5:
        raise ShapeError(f"Length for attr '{name}' of {len(values)} must be at least minimum 5",
                         f"tf.nn.conv3d takes {name} as 5 values, e.g. [1, 2, 2, 2, 1].")


def _get_sequence_nd(value, n: int, channel_index: int, name: str) -> List[int]:
    """``_get_sequence``: None, an int, or 1, ``n`` or ``n + 2`` values, expanded to ``n + 2``."""
    if value is None:
        return [1] * (n + 2)
    values = as_int_list(value, name)
    if len(values) == n + 2:
        return values
    if len(values) == 1:
        values = values * n
    elif len(values) != n:
        raise ShapeError(f"{name} should be of length 1, {n} or {n + 2}. Received: {name}={values} of length "
                         f"{len(values)}", f"Give {name} as one int, {n} values or all {n + 2} dimensions.")
    return [1, 1] + values if channel_index == 1 else [1] + values + [1]


def _wrapper_arguments(strides, padding, data_format, dilations):
    """What ``tf.nn``'s Python wrapper and the op's attribute checks do before any kernel runs."""
    fmt = _data_format(data_format)
    strides = _get_sequence(strides, fmt, "strides")
    dilations = _get_sequence(dilations, fmt, "dilations")
    pad_mode, explicit = _convert_padding(padding)
    _check_padding_attr(pad_mode)
    return fmt, strides, dilations, pad_mode, explicit


def _data_format(data_format, allowed: Tuple[str, str] = ("NHWC", "NCHW")) -> str:
    if data_format not in allowed:
        raise ShapeError(f"Value for attr 'data_format' of \"{data_format}\" is not in the list of "
                         f"allowed values: {_quoted(allowed)}",
                         f"data_format is the layout of your tensors: {' or '.join(map(repr, allowed))}.")
    return data_format


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(f'"{v}"' for v in values)


def _h(fmt: str) -> int:
    """Index of the height entry in 4-long strides / dilations."""
    return 2 if fmt == "NCHW" else 1


def _get_sequence(value, fmt: str, name: str) -> List[int]:
    """``_get_sequence`` for the 2-D ops: None, an int, or 1, 2 or 4 values, expanded to 4."""
    return _get_sequence_nd(value, 2, 1 if fmt == "NCHW" else 3, name)


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


def _check_padding_attr(pad_mode: str, allowed: Sequence[str] = ("SAME", "VALID", "EXPLICIT")) -> None:
    if pad_mode not in allowed:
        raise ShapeError(f"Value for attr 'padding' of \"{pad_mode}\" is not in the list of allowed "
                         f"values: {_quoted(allowed)}",
                         "tf.nn wants upper case: 'SAME' or 'VALID' (Keras layers take 'same'/'valid').")


def _check_same_dtype(op: str, first, other, which: str) -> None:
    """TF takes the op's type from its first typed input and refuses a mismatching later one."""
    if other != first:
        want = _DTYPE_NAMES.get(first.name, first.name)
        got = _DTYPE_NAMES.get(other.name, other.name)
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


def _requested_shape(sizes: List[int], w_shape, x_shape, label: str) -> List[int]:
    """``Conv2DBackpropComputeInputShape``: 4 values as given, or [H, W] with batch and depth inferred."""
    if len(sizes) == 4:
        for v in sizes:
            if v < 0:
                raise ShapeError(f"Dimension {v} must be >= 0", "output_shape sizes cannot be negative.")
        return sizes
    if len(sizes) == 2:
        if len(w_shape) != 4:
            raise ShapeError(f"{label}: filter must be 4-dimensional")
        if sizes[0] < 0 or sizes[1] < 0:
            raise ShapeError(f"Conv2DBackpropInput: elements of input_sizes must be >= 0, not "
                             f"{sizes[0]}x{sizes[1]}", "output_shape sizes cannot be negative.")
        return [x_shape[0], sizes[0], sizes[1], w_shape[2]]
    raise ShapeError("Conv2DBackpropInput requires input_sizes to contain 4 values or 2 values, "
                     f"but got: {len(sizes)}",
                     "output_shape is [batch, height, width, channels] or just [height, width].")


def _check_backprop_dims(requested: List[int], w_shape, x_shape, label: str) -> None:
    """``ConvBackpropComputeDimensionsV2``: ranks, batch, depths (spatial sizes come next)."""
    if len(w_shape) != 4:
        raise ShapeError(f"{label}: filter must be 4-dimensional",
                         "The filter is [height, width, out_channels, in_channels].")
    if requested[0] != x_shape[0]:
        raise ShapeError(batch_mismatch(requested[0], x_shape[0], label),
                         f"output_shape asks for batch {requested[0]} but your input has batch "
                         f"{x_shape[0]}. Use tf.shape(x)[0] in output_shape so it follows the data.")
    if w_shape[2] <= 0:
        raise ShapeError(f"{label}: filter depth must be strictly greated than zero")
    if requested[3] % w_shape[2]:
        raise ShapeError(depth_not_divisible(label),
                         f"output_shape asks for {requested[3]} channels, but the filter "
                         f"[h, w, out, in] has out = {w_shape[2]} (its third axis).")
    if w_shape[3] != x_shape[3]:
        raise ShapeError(out_depth_mismatch(label),
                         f"Your input has {x_shape[3]} channels, but the filter [h, w, out, in] has "
                         f"in = {w_shape[3]} (its LAST axis must match your input's channels).")


def _forward_window(n: int, k: int, s: int, d: int, padding: Padding) -> Window:
    """``GetWindowedOutputSizeVerbose``: the stride first, then a negative size."""
    if s <= 0:
        raise ShapeError(f"Stride must be > 0, but got {s}", "Strides must be at least 1.")
    window = windowed_output(n, k, s, d, padding)
    if window.size < 0:
        raise ShapeError(negative_output(window.size, n, effective_kernel(k, d), s),
                         f"The dilated kernel ({effective_kernel(k, d)}) is longer than the (padded) "
                         f"input ({n}) can hold.")
    return window


def _check_spatial(spatial_dim: int, axis: str, n: int, k: int, i: int, s: int, d: int, padding: Padding,
                   label: str, verbose: bool) -> int:
    """``ConvBackpropExtractAndVerifyDimension`` for the tensor axis ``spatial_dim`` (named ``axis``
    in the explanation); returns where the output window starts."""
    window = _forward_window(n, k, s, d, padding)
    if window.size != i:
        fixes = "; ".join(f.text for f in size_fixes(i, n, k, s, d, padding))
        raise ShapeError(size_mismatch(i, window.size, spatial_dim, n, k, s, d, label, verbose),
                         size_mismatch_explanation(i, n, k, s, d, padding, axis) +
                         (f" Fixes: {fixes}." if fixes else ""))
    return window.pad_before


def _debug_shape(shape) -> str:
    return "[" + ",".join(str(v) for v in shape) + "]"


# ---------------------------------------------------------------------------------------------
# Reading TF's messages back
# ---------------------------------------------------------------------------------------------

FIX_ONEDNN = ("set the environment variable TF_ENABLE_ONEDNN_OPTS=0 before importing TensorFlow "
              "(or run in float64) and run again: TF then prints the real reason with its numbers")


def listable_sizes(i: int, k: int, s: int, d: int, padding) -> Optional[range]:
    """``valid_output_sizes`` when it is safe and short enough to list, else None."""
    if s < 1 or d < 1 or k < 1 or s > MAX_LIST:
        return None
    if i < 1 and effective_kernel(k, d) + 2 * s > MAX_BRUTE:
        return None
    return valid_output_sizes(i, k, s, d, padding)

# the size check (every historical form)

SIZE_MISMATCH = re.compile(
    r"(Size|Number of (rows|cols)) of out_backprop doesn\S{0,8} match computed:?\s{0,8}"
    r"actual\s{0,4}=\s{0,4}" + NUM + r"\s{0,4},?\s{0,4}computed\s{0,4}=\s{0,4}" + NUM)
_TF_SIZE_TAIL = re.compile(
    r"\s{0,8}spatial_dim:\s{0,4}" + NUM + r"\s{1,8}input:\s{0,4}" + NUM + r"\s{1,8}filter:\s{0,4}"
    + NUM + r"\s{1,8}output:\s{0,4}" + NUM + r"\s{1,8}stride:\s{0,4}" + NUM
    + r"(?:\s{1,8}dilation:\s{0,4}" + NUM + ")?")

def _glossary(i, c, n=None) -> str:
    """TF's words translated, with the message's own numbers."""
    asked = (f"`input: {n}` is the output size you asked for (output_shape), " if n is not None
             else "")
    return ("TF words this from the gradient's side, because conv2d_transpose is the op "
            "Conv2DBackpropInput (the gradient of a forward conv with respect to its input): "
            f"`actual = {i}` (`out_backprop`) is YOUR INPUT x, {asked}and `computed = {c}` is what a "
            f"forward conv over your output_shape produces.")


@dataclass(frozen=True)
class Caller:
    """A framework whose layers call TF and fail with TF's size text (Keras): it names itself,
    may recognise a pitfall of its own in the numbers, and adds its fix."""

    framework: Framework
    called_by: str
    fix: str
    pitfall: Callable[[Dict[str, int], str, List[str], Optional[int], Geometry, int], Optional[Diagnosis]]


_ONE_D = re.compile(r"conv1d_transpose|Conv1DTranspose", re.IGNORECASE)


def _axes_of(spatial_dim: Optional[int], label: Optional[str],
             text: str) -> Tuple[Tuple[str, ...], Optional[int], str, str]:
    """(the call's axis names, the index of the one the message names or None, a note, the op).

    ``Conv3DBackpropInputOp`` numbers depth, height, width 1, 2, 3; a 1-D call (which the text
    can only betray by naming it) runs as 2-D on a unit height, its length being spatial_dim 2.
    """
    if label is not None and label.startswith("Conv3D"):
        index = spatial_dim - 1 if spatial_dim in (1, 2, 3) else None
        return AXES_3D, index, "", "conv3d_transpose"
    if spatial_dim == 2 and _ONE_D.search(text):
        return (("length",), 0, " (conv1d_transpose runs as conv2d_transpose on a unit height, so "
                "its length is spatial_dim 2)", "conv1d_transpose")
    index, note = _axis_of(spatial_dim, label, text)
    return AXES, index, note, "conv2d_transpose"


def _axis_of(spatial_dim: Optional[int], label: Optional[str], text: str) -> Tuple[Optional[int], str]:
    """(0 for height / 1 for width / None, a note) from TF's tensor-axis index."""
    nchw = 'data_format="NCHW"' in text or "NCHW" in text
    if spatial_dim == 1:
        return 0, ""
    if spatial_dim == 3:
        return 1, " (axis 3 is the width in NCHW)"
    if spatial_dim == 2:
        if nchw:
            return 0, " (axis 2 is the height in NCHW)"
        note = "" if label == "Conv2DCustomBackpropInput" else " (or the height, if you use NCHW)"
        return 1, note
    return None, ""


def read_size_mismatch(m: re.Match, text: str, caller: Optional[Caller] = None) -> Optional[Diagnosis]:
    """TF's size check; through a ``caller`` only its full form is read (the short one is TF's)."""
    actual, computed = number(m.group(3)), number(m.group(4))
    label = label_before(text, m.start())
    tail = _TF_SIZE_TAIL.match(text, m.end())
    facts = {"actual": actual, "computed": computed}
    if tail:
        names = ("spatial_dim", "input", "filter", "output", "stride", "dilation")
        facts.update({name: number(tail.group(j + 1)) for j, name in enumerate(names)})
        if facts.get("dilation") is None and tail.group(6) is None:
            facts["dilation"] = 1
        return _tf_size_full(facts, label, text, caller)
    if caller is not None:
        return None
    rows_cols = m.group(2)
    return _tf_size_short(facts, label, rows_cols)


def _tf_size_full(facts: Dict[str, Optional[int]], label: Optional[str], text: str,
                  caller: Optional[Caller]) -> Diagnosis:
    i, c, n = facts["actual"], facts["computed"], facts["input"]
    k, s, d = facts["filter"], facts["stride"], facts["dilation"]
    if facts["spatial_dim"] == 1 and _ONE_D.search(text) and (i, k, s) == (1, 1, 1):
        return _tf_1d_single_value(facts, caller)
    names, axis_index, axis_note, op = _axes_of(facts["spatial_dim"], label, text)
    axis = names[axis_index] if axis_index is not None else "size"
    # the explorer reproduces the TF call, whoever made it
    geometry = Geometry(FW, input=i, kernel=k, stride=s, dilation=d, output=n)
    where = f" ({label})" if label else ""
    framework = caller.framework if caller else FW
    head = (f"TensorFlow{where} refused the output {axis}{axis_note} of {op}"
            f"{caller.called_by if caller else ''}: your input x has "
            f"{axis} {i} and you asked for output {axis} {n}. " + _glossary(i, c, n))
    if None in (i, c, n, k, s, d) or s < 1 or d < 1 or k < 1 or n < 0 or i < 0:
        return diagnosis(framework, "tf_size_mismatch", head + " Some of these numbers are missing "
                         "or impossible (TF prints sizes >= 0 and stride, dilation, filter >= 1), so "
                         "convt cannot work out the padding or the valid sizes.", facts, geometry=geometry)
    if facts.get("output") is not None and facts["output"] != i:
        head += (f" (The message is inconsistent: `output:` {facts['output']} should equal "
                 f"`actual` {i}; convt uses actual.)")
    got = {p: windowed_output(n, k, s, d, p).size for p in ("SAME", "VALID")}
    fits = [p for p in ("SAME", "VALID") if got[p] == c]
    pitfall = caller.pitfall(facts, head, fits, axis_index, geometry, len(names)) if caller else None
    if pitfall is not None:
        return pitfall
    valid: List[SizeList] = [None] * len(names)
    fixes: List[str] = []
    parts = [head]
    padding = fits[0] if len(fits) == 1 else None
    if padding:
        other = "VALID" if padding == "SAME" else "SAME"
        parts.append(f"The padding is not printed, but the numbers betray it: only {padding} gives "
                     f"computed = {c} ({forward_arithmetic(n, k, s, d, padding)}; {other} would give "
                     f"{got[other]}), unless you passed explicit padding, which TF does not print.")
        sizes = listable_sizes(i, k, s, d, padding)
        if sizes is not None:
            parts.append(size_mismatch_explanation(i, n, k, s, d, padding, axis))
            fixes = [f.text for f in size_fixes(i, n, k, s, d, padding)]
            if axis_index is not None:
                valid[axis_index] = list(sizes)
        else:
            parts.append(_too_long_note(i, k, s, d, padding))
            if c >= 1:
                fixes.append(f"feed an input of {axis} {c}: that is what the forward conv of {n} gives")
        geometry = replace(geometry, padding=padding)
    elif len(fits) == 2:
        parts.append(f"A forward conv over {n} (kernel {k}, stride {s}, dilation {d}) gives {c}, "
                     f"not {i}.")
        parts.append(f"Both SAME ({forward_arithmetic(n, k, s, d, 'SAME')}) and VALID "
                     f"({forward_arithmetic(n, k, s, d, 'VALID')}) give computed = {c}, so the message "
                     f"cannot tell which padding you used.")
        per = {p: listable_sizes(i, k, s, d, p) for p in ("SAME", "VALID")}
        both: Dict[str, List[str]] = {}
        for p in ("SAME", "VALID"):
            if per[p] is not None:
                parts.append(f"With {p}, TF accepts output {axis}s {size_list(per[p])} for an input of {i}.")
                for f in size_fixes(i, n, k, s, d, p):
                    both.setdefault(f.text, []).append(p)
            else:
                parts.append(_too_long_note(i, k, s, d, p))
        fixes = [t if len(ps) == 2 else f"if you use {ps[0]}: {t}" for t, ps in both.items()]
        if per["SAME"] is not None and per["SAME"] == per["VALID"] and axis_index is not None:
            valid[axis_index] = list(per["SAME"])
    else:
        parts.append(f"A forward conv over {n} (kernel {k}, stride {s}, dilation {d}) gives {c}, "
                     f"not {i}.")
        parts.append(_explicit_note(i, c, n, k, s, d, got))
        if c >= 1:
            fixes.append(f"feed an input of {axis} {c}: that is what the forward conv of {n} gives")
        fixes.append(f"ask for an output {axis} whose forward conv gives {i} (open the shape explorer "
                     f"with your explicit padding)")
    if caller:
        fixes.append(caller.fix)
    return diagnosis(framework, "tf_size_mismatch", " ".join(parts), facts, padding,
                     tuple(valid), fixes, geometry)


def _tf_1d_single_value(facts, caller: Optional[Caller]) -> Diagnosis:
    """conv1d_transpose with ``output_shape=[W]``: TF inserts the unit height after the first value,
    so ``[W]`` becomes ``[W, 1]``, read as the 2-D form [height, width]: the unit height is asked to
    become W and the length 1 (``tfnd0191``)."""
    n = facts["input"]
    text = (f"TensorFlow refused conv1d_transpose's output_shape: it has a single value [{n}]. "
            "conv1d_transpose runs conv2d_transpose on a unit height and inserts that height's 1 after "
            f"output_shape's first value, so [{n}] became [{n}, 1], which TF reads as [height, width]: "
            f"the unit height (actual = 1) is asked to become {n} (computed = {n}, spatial_dim 1 is the "
            "height) and the length 1. The message's filter 1 and stride 1 are the unit height's.")
    fixes = [f"pass the whole shape: output_shape=[batch, {n}, out_channels] (e.g. [tf.shape(x)[0], {n}, C])"]
    if caller:
        fixes.append(caller.fix)
    return diagnosis(caller.framework if caller else FW, "tf_size_mismatch", text, facts,
                     valid=(None,), fixes=fixes, geometry=Geometry(FW, output=n))


def _too_long_note(i, k, s, d, padding) -> str:
    if s < 1:
        return ""
    if padding == "SAME":
        lo, hi = (i - 1) * s + 1, i * s
    else:
        lo = (i - 1) * s + effective_kernel(k, d)
        hi = lo + s - 1
    return (f"With {padding}, TF accepts output sizes from {max(lo, 1)} to {hi}: {s} sizes, too many "
            f"to list (convt lists at most {MAX_LIST}).")


def _explicit_note(i, c, n, k, s, d, got) -> str:
    k_eff = effective_kernel(k, d)
    note = (f"Neither SAME (gives {got['SAME']}) nor VALID (gives {got['VALID']}) produces computed = "
            f"{c} from {n}, so you probably passed explicit padding")
    if c >= 1:
        lo = c * s - n + k_eff - s
        hi = lo + s - 1
        if hi >= 0:
            totals = (size_list(range(max(lo, 0), hi + 1)) if hi - max(lo, 0) < MAX_LIST
                      else f"{max(lo, 0)} to {hi}")
            note += f": a total padding (top + bottom) of {totals} gives {c}"
    return note + ". TF does not print the padding, so convt cannot list the valid sizes."


def _tf_size_short(facts, label, rows_cols) -> Diagnosis:
    i, c = facts["actual"], facts["computed"]
    axis_index = {"rows": 0, "cols": 1}.get(rows_cols or "")
    axis = AXES[axis_index] if axis_index is not None else "spatial size"
    era = ("the TF 0.x form (\"Number of rows/cols\")" if rows_cols else
           "the short TF 1.x form (TF 2.x adds spatial_dim, input, filter, stride and dilation)")
    where = f" ({label})" if label else ""
    text = (f"TensorFlow{where} refused the output_shape of conv2d_transpose: your input x has "
            f"{axis} {i}, but a forward conv over the output {axis} you asked for gives {c}. "
            f"{_glossary(i, c)} This is {era}: it does not print the requested size, the kernel, the stride "
            f"or the padding, so convt cannot tell the padding or list the valid sizes.")
    fixes = []
    if i is not None and c is not None and i >= 1:
        examples = "; ".join(f"stride {s}: {(i - 1) * s + 1} to {i * s}" for s in (2, 3, 4))
        text += (f" With SAME padding and stride s, TF accepts output sizes (i-1)*s+1 to i*s for an "
                 f"input of {i} ({examples}); with VALID, (i-1)*s + k_eff to (i-1)*s + k_eff + s - 1.")
        direction = ("too large for this stride (or the stride is too small)" if c > i else
                     "too small for this stride (or the stride is too large)")
        if c != i:
            text += f" Since computed {c} {'>' if c > i else '<'} actual {i}, the output_shape is {direction}."
        fixes.append(f"ask for an output size whose forward conv gives {i}: with SAME padding and "
                     f"stride s, any size from {i - 1}*s+1 to {i}*s")
    if c is not None and c >= 1:
        fixes.append(f"or feed an input of {axis} {c}: that is what the forward conv of your output_shape gives")
    fixes.append("compute output_shape from the input: tf.shape(x)[1] * stride for SAME")
    fixes.append("TF 2.x prints the full message (input, filter, stride, dilation); paste that one "
                 "for exact valid sizes, or open the shape explorer")
    return diagnosis(FW, "tf_size_mismatch", text, facts, None, (None, None), fixes,
                     Geometry(input=i))


def _tf_size_bare(m: re.Match, text: str) -> Diagnosis:
    """The size check quoted without its numbers (READMEs, forum titles)."""
    text_ = ("TensorFlow's size check of conv2d_transpose failed: the output_shape you asked for does "
             "not map back onto your input. TF checks that a forward conv (same kernel, strides, "
             "padding) over output_shape gives exactly the input's size; TF words it from the "
             "gradient's side, `out_backprop` being your input x. The numbers are missing here, so "
             "convt cannot say more: paste the whole line (`actual = …, computed = …`).")
    fixes = ["with SAME padding, ask for an output size from (i-1)*stride+1 to i*stride for an input of i",
             "with VALID, from (i-1)*stride + k_eff to (i-1)*stride + k_eff + stride - 1",
             "compute output_shape from the input, e.g. [tf.shape(x)[0], h * stride, w * stride, C] for SAME"]
    return diagnosis(FW, "tf_size_mismatch", text_, {}, fixes=fixes)


# ---------------------------------------------------------------------------------------------
# TensorFlow: gradient-time shape errors ("Shapes ... are not compatible")
# ---------------------------------------------------------------------------------------------

_TF_GRAD = re.compile(
    r"Incompatible shapes between op input and calculated input gradient\.?\s{0,8}"
    r"(?:Forward operation:\s{0,4}([^\s.]{1,200})\.?\s{0,8})?(?:Input index:\s{0,4}" + NUM
    + r"\.?\s{0,8})?Original input shape:\s{0,4}\(([^()]{0,5000})\)\.?\s{0,8}"
    r"Calculated input gradient shape:\s{0,4}\(([^()]{0,5000})\)")
_TF_SHAPES = re.compile(r"Shapes \(([^()]{0,5000})\) and \(([^()]{0,5000})\) are not compatible")


def _tf_grad(m: re.Match, text: str) -> Diagnosis:
    op, index = m.group(1), number(m.group(2))
    original, calculated = numbers(m.group(3)), numbers(m.group(4))
    intro = ("TensorFlow could not build the gradient (graph mode, static shapes): the gradient "
             f"computed for input {index if index is not None else '?'} of `{op or 'the op'}` has "
             f"shape {shape_text(calculated)}, but that input has shape {shape_text(original)}.")
    if index is not None and index != 2 and op and "transpose" in op:
        intro += " (Input index 2 of conv2d_transpose is its input x, `out_backprop`.)"
    return _shapes_diag("tf_gradient_incompatible", intro, calculated, original, text, op)


def _tf_shapes(m: re.Match, text: str) -> Diagnosis:
    calculated, original = numbers(m.group(1)), numbers(m.group(2))
    intro = (f"TensorFlow refused to merge shape {shape_text(calculated)} into "
             f"{shape_text(original)} (TensorShape.merge_with).")
    return _shapes_diag("tf1_shapes_not_compatible", intro, calculated, original, text, None)


def _shapes_diag(kind, intro, calculated, original, text, op) -> Diagnosis:
    facts: Dict[str, Optional[int]] = {}
    rank = len(original)
    conv3d = rank == 5 and "conv3d" in (op or text)
    if rank != len(calculated) or not (rank == 4 or conv3d):
        if kind == "tf1_shapes_not_compatible":
            kind = "tf_shapes_not_compatible"
        return diagnosis(FW, kind, intro + " Two shapes that must be equal differ. In Keras this "
                         "is often a loss whose labels and predictions have different shapes; for "
                         "conv2d_transpose the shapes are 4-D.", facts,
                         fixes=["print both shapes and make them equal where they differ"])
    differ = [ax for ax in range(rank) if None not in (calculated[ax], original[ax])
              and calculated[ax] != original[ax]]
    nchw = "NCHW" in text or "NCDHW" in text
    spatial = tuple(range(2, rank)) if nchw else tuple(range(1, rank - 1))
    names = ("depth",) + AXES if rank == 5 else AXES
    facts["batch"] = original[0]
    facts["channels"] = original[1 if nchw else rank - 1]
    spatial_diff = [ax for ax in differ if ax in spatial]
    for j, ax in enumerate(spatial):
        facts[f"actual_{names[j]}"] = original[ax]
        facts[f"computed_{names[j]}"] = calculated[ax]
    gradient = ("This is the seed's error: building the gradient of conv2d_transpose with respect "
                "to its input x runs a forward conv (same filter, strides, padding) over the gradient "
                "of the output, whose shape is your output_shape. That forward conv gives {c}, which "
                "cannot be the gradient of an input of {i}, so the output_shape does not map back "
                "onto the input.")
    fixes: List[str] = []
    if spatial_diff:
        ax = spatial_diff[0]
        i, c = original[ax], calculated[ax]
        facts.update({"actual": i, "computed": c, "spatial_dim": ax})
        text_ = (intro + " " + gradient.format(c=c, i=i) + f" ({names[spatial.index(ax)]}: input {i}, "
                 f"forward conv of your output_shape {c}.) The message prints neither the "
                 f"output_shape, the kernel, the stride nor the padding, so convt cannot list the "
                 f"valid sizes.")
        if i is not None and i >= 1:
            text_ += (f" With SAME padding and stride s, TF accepts output sizes from {i - 1}*s+1 to "
                      f"{i}*s for an input of {i}.")
            fixes.append(f"ask for an output size whose forward conv gives {i} (SAME, stride s: "
                         f"{i - 1}*s+1 to {i}*s), or change the stride so the forward conv of your "
                         f"output_shape gives {i}")
        if c is not None and c >= 1:
            fixes.append(f"or feed an input of size {c}: that is what the forward conv of your "
                         f"output_shape gives")
        geometry = Geometry(input=i) if rank == 4 else Geometry()
        return diagnosis(FW, kind, text_, facts, fixes=fixes, geometry=geometry)
    if differ:
        ax = differ[0]
        what = "batch size" if ax == 0 else "channel count"
        text_ = (intro + f" The {what} differs ({calculated[ax]} vs {original[ax]}). For "
                 f"conv2d_transpose the gradient has the batch of output_shape and the channels of "
                 f"the filter's last axis; the input must match both.")
        fixes.append("use tf.shape(x)[0] as output_shape's batch" if ax == 0 else
                     "make the filter's last axis (in_channels) equal to the input's channels")
        return diagnosis(FW, kind, text_, facts, fixes=fixes)
    return diagnosis(FW, kind, intro + " The known dimensions agree; an unknown (None) "
                     "dimension was resolved differently.", facts)


# ---------------------------------------------------------------------------------------------
# TensorFlow: oneDNN, batch, channels and other kernel / Python checks
# ---------------------------------------------------------------------------------------------

def _tf_onednn(m: re.Match, text: str) -> Diagnosis:
    keras = "keras" in text.lower()
    body = ("TensorFlow's default oneDNN CPU kernel (_MklNativeConv2DBackpropInput) could not build "
            "its primitive and hid the real reason. With conv2d_transpose this almost always means "
            "TF's own check would have failed: the output_shape does not map back onto the input "
            "(a forward conv of output_shape does not give the input's size), or the batch or "
            "input channels do not match the filter. Setting TF_ENABLE_ONEDNN_OPTS=0 (or using "
            "float64) brings the real message back, with its numbers.")
    if keras:
        body += (" Through Keras 3.0-3.13 this is also what an output_padding >= strides gives "
                 "(keras-team/keras#22127).")
    fixes = [FIX_ONEDNN,
             "check the sizes: with SAME, output_shape must be in (i-1)*s+1 .. i*s for an input of i; "
             "with VALID, (i-1)*s + k_eff .. (i-1)*s + k_eff + s - 1",
             "check that the input's channels equal the filter's last axis and the batch of "
             "output_shape equals the input's batch (use tf.shape(x)[0])"]
    return diagnosis(FW, "tf_onednn", body, {}, fixes=fixes, geometry=Geometry(FW))


_TF_BATCH = re.compile(
    r"input and out_backprop must have the same batch size\.?(?:\s{0,8}Input batch:\s{0,4}" + NUM
    + r",?\s{0,4}outbackprop batch:\s{0,4}" + NUM + r"(?:,?\s{0,4}batch_dim:\s{0,4}" + NUM + ")?)?")


def _tf_batch(m: re.Match, text: str) -> Diagnosis:
    ib, ob, dim = number(m.group(1)), number(m.group(2)), number(m.group(3))
    facts = {"input_batch": ib, "out_backprop_batch": ob, "batch_dim": dim}
    nums = (f" output_shape says batch {ib}, your input x has batch {ob}." if ib is not None else "")
    text_ = ("TensorFlow: the batch size in output_shape must equal the batch size of the input x "
             "(`input` is your output_shape, `out_backprop` is your input x)." + nums +
             " A hard-coded batch in output_shape breaks as soon as the batch changes (e.g. the "
             "last, smaller batch of an epoch).")
    fixes = ["build output_shape from the input: [tf.shape(x)[0], H, W, C]",
             "or pass only the spatial sizes: output_shape=[H, W] (TF 2.x infers batch and channels)"]
    return diagnosis(FW, "tf_batch", text_, facts, fixes=fixes)


def _tf_out_depth(m: re.Match, text: str) -> Diagnosis:
    text_ = ("TensorFlow: the input x's channels must equal the filter's LAST axis. conv2d_transpose's "
             "filter is laid out [height, width, output_channels, in_channels] (the forward conv's "
             "filter seen from the other side), and TF calls your input `out_backprop`, so its "
             "channels are the forward conv's out_depth.")
    fixes = ["make filters.shape[3] equal to x.shape[-1] (NHWC), e.g. build the filter as "
             "[k, k, out_channels, x.shape[-1]]",
             "if you swapped the two channel axes of the filter, transpose it: tf.transpose(w, [0, 1, 3, 2])"]
    return diagnosis(FW, "tf_channels", text_, {}, fixes=fixes)


_TF_DEPTH = re.compile(r"input depth must be evenly divisible by filter depth(?::\s{0,4}" + NUM
                       + r"\s{0,4}vs\.?\s{0,4}" + NUM + ")?")


_FORWARD_OP = re.compile(r"\[Op:Conv[123]D\]|__wrapped__Conv[123]D_device|= Conv[123]D\[")


def _tf_depth(m: re.Match, text: str) -> Diagnosis:
    got, want = number(m.group(1)), number(m.group(2))
    if got is not None and _FORWARD_OP.search(text[m.start() - 300 if m.start() > 300 else 0:m.end() + 300]):
        return forward_channels(FW, got, want)
    facts = {"output_channels": got, "filter_output_channels": want}
    nums = f" (here {got} vs {want})" if got is not None else ""
    text_ = ("TensorFlow: the channel count in output_shape must equal the filter's axis 2 "
             f"(output_channels in [height, width, output_channels, in_channels]){nums}. TF calls "
             "your output_shape `input`, so this is the forward conv's input depth.")
    fixes = ["set output_shape[-1] to filters.shape[2]",
             "or build the filter with output_channels = output_shape[-1]"]
    return diagnosis(FW, "tf_output_channels", text_, facts, fixes=fixes)


DEPTH_OF_INPUT = re.compile(r"Depth of input \(" + NUM + r"\) is not a multiple of input depth of filter \("
                                + NUM + r"\)")


def forward_channels(framework: Framework, got: Optional[int], want: Optional[int], via: str = "") -> Diagnosis:
    """A forward conv (tf.nn.conv1d/2d/3d, keras.ops.conv) whose input channels are not a multiple of
    the filter's in_channels (``[Op:Conv2D]``'s ``input depth … 4 vs 5``; the graph-mode ``Depth of
    input (4) is not a multiple of input depth of filter (5)``)."""
    text_ = (f"TensorFlow{via}: the input has {got} channels, not a multiple of the filter's in_channels "
             f"({want}). A forward conv's filter is [width, in_channels, out_channels] in 1-D, "
             "[height, width, in_channels, out_channels] in 2-D and [depth, height, width, in_channels, "
             "out_channels] in 3-D: its second-to-last axis must equal the input's channels (or divide "
             "them, for a grouped conv).")
    fixes = [f"make the filter's second-to-last axis {got} (the input's channels)",
             "if the filter's two channel axes are swapped, transpose its last two axes"]
    kind = "keras_channels" if framework == Framework.KERAS else "tf_channels"
    return diagnosis(framework, kind, text_, {"input_channels": got, "filter_in_channels": want}, fixes=fixes)


def _tf_depth_of_input(m: re.Match, text: str) -> Diagnosis:
    return forward_channels(FW, number(m.group(1)), number(m.group(2)))


_TF_GROUPED = re.compile(r"Gradients for grouped convolutions are not supported on CPU\.?"
                         r"(?:[^\n]{0,200}?Computed input depth\s{0,4}" + NUM
                         + r"\s{0,4}doesn\S{0,8} match filter input depth\s{0,4}" + NUM + ")?")


def _tf_grouped(m: re.Match, text: str) -> Diagnosis:
    got, want = number(m.group(1)), number(m.group(2))
    facts = {"output_channels": got, "filter_output_channels": want}
    nums = f" Here output_shape has {got} channels and the filter's axis 2 has {want}." if got else ""
    text_ = ("TensorFlow: output_shape's channel count is a multiple of the filter's output_channels "
             "(axis 2), so TF reads it as a grouped transposed conv, which its CPU kernel cannot "
             "compute (with oneDNN on, the default, it runs as a grouped conv)." + nums)
    fixes = ["set output_shape[-1] to filters.shape[2]" + (f" ({want})" if want else ""),
             "or, if you want more output channels, make the filter's axis 2 that large"]
    return diagnosis(FW, "tf_grouped", text_, facts, fixes=fixes)


_TF_DIMS = re.compile(r"Dimensions must be equal, but are " + NUM + r" and " + NUM
                      + r"(?: for '([^'\n]{0,3000})')?(?: with input shapes: ([^\n]{0,600}))?")


def _tf_dims(m: re.Match, text: str) -> Diagnosis:
    a, b = number(m.group(1)), number(m.group(2))
    node, shapes = m.group(3) or "", m.group(4) or ""
    facts = {"input_channels": a, "filter_in_channels": b}
    op = re.search(r"= ?([A-Za-z0-9_]{1,80})\[", node)
    op_name = op.group(1) if op else None
    if op_name != "Conv2DBackpropInput" and "conv2d_transpose" not in node:
        facts = {"first": a, "second": b}
        return diagnosis(FW, "tf_dimensions", f"TensorFlow's static shape check: two dimensions "
                         f"that must be equal are {a} and {b}" + (f" (op {op_name})" if op_name else "")
                         + ". Fix the shapes so they agree.", facts)
    pad = re.search(r'padding="(SAME|VALID|EXPLICIT)"', node)
    padding = pad.group(1) if pad and pad.group(1) != "EXPLICIT" else None
    st = re.search(r"strides=\[([0-9, ]{1,5000})\]", node)
    strides = numbers(st.group(1)) if st else []
    shape_lists = [numbers(s) for s in re.findall(r"\[([0-9?, -]{0,80})\]", shapes)[:3]]
    nhwc = 'data_format="NCHW"' not in node
    geometry = Geometry(padding=padding)
    if len(strides) == 4:
        facts["stride"] = strides[1] if nhwc else strides[2]
        geometry = replace(geometry, stride=facts["stride"])
    if len(shape_lists) == 3 and len(shape_lists[1]) == 4 and len(shape_lists[2]) == 4:
        flt, inp = shape_lists[1], shape_lists[2]
        facts["filter"] = flt[0]
        facts["filter_out_channels"] = flt[2]
        facts["in_height"] = inp[1] if nhwc else inp[2]
        facts["in_width"] = inp[2] if nhwc else inp[3]
        geometry = replace(geometry, kernel=flt[0], input=facts["in_height"])
    text_ = (f"TensorFlow (while tracing, inside tf.function): your input x has {a} channels but the "
             f"filter's last axis (in_channels of [height, width, output_channels, in_channels]) is "
             f"{b}. This channel check is the one conv2d_transpose check TF does before running; "
             f"sizes are checked only when the op runs.")
    fixes = [f"make the filter's last axis {a} (or give x {b} channels)",
             "if the filter's two channel axes are swapped, transpose it: tf.transpose(w, [0, 1, 3, 2])"]
    return diagnosis(FW, "tf_channels", text_, facts, padding, fixes=fixes, geometry=geometry)


_TF_NEG = re.compile(r"Computed output size would be negative:\s{0,4}" + NUM
                     + r"\s{0,4}\[input_size:\s{0,4}" + NUM + r",\s{0,4}effective_filter_size:\s{0,4}"
                     + NUM + r",\s{0,4}stride:\s{0,4}" + NUM + r"\]")


def _tf_negative(m: re.Match, text: str) -> Diagnosis:
    size, n, k_eff, s = (number(m.group(j)) for j in range(1, 5))
    facts = {"computed": size, "input": n, "effective_filter_size": k_eff, "stride": s}
    padding = None
    if None not in (size, n, k_eff, s) and s >= 1 and k_eff >= 1:
        if windowed_output(n, k_eff, s, 1, "VALID").size == size:
            padding = "VALID"
    text_ = (f"TensorFlow: a forward conv over a size of {n} with a kernel spanning {k_eff} cells "
             f"(effective filter size = (kernel-1)*dilation+1) and stride {s} would produce {size} "
             f"cells. For conv2d_transpose, `input_size` is the output_shape you asked for: it is "
             f"smaller than the kernel span, which VALID (or small explicit) padding cannot handle.")
    fixes = []
    if k_eff is not None and s is not None and s >= 1:
        fixes.append(f"ask for an output size of at least {k_eff}: with VALID, an input of i needs "
                     f"(i-1)*{s} + {k_eff} to (i-1)*{s} + {k_eff} + {s - 1}")
    fixes += ["use SAME padding (never negative)", "use a smaller kernel or dilation"]
    return diagnosis(FW, "tf_negative_output", text_, facts, padding, fixes=fixes,
                     geometry=Geometry(output=n, stride=s, padding=padding))


def _tf_input_sizes(m: re.Match, text: str) -> Diagnosis:
    got = number(m.group(1))
    return diagnosis(FW, "tf_output_shape_length",
                     f"TensorFlow: output_shape (TF calls it input_sizes) must have 4 values "
                     f"[batch, height, width, channels] or 2 values [height, width], but it has {got}.",
                     {"output_shape_length": got},
                     fixes=["pass output_shape=[batch, H, W, C] (e.g. [tf.shape(x)[0], H, W, C])",
                        "or only the spatial sizes: output_shape=[H, W]"])


def _tf_dilation(m: re.Match, text: str) -> Diagnosis:
    return diagnosis(FW, "tf_dilation_cpu",
                     "TensorFlow's classic CPU kernel (oneDNN off, or float64) refuses dilations > 1 in "
                     "conv2d_transpose, although the arithmetic is well defined: the kernel spans "
                     "(k-1)*d+1 cells. TF's oneDNN kernel (the float32 default) and PyTorch compute it; "
                     "convt does too.",
                     fixes=["leave oneDNN on (the default) and use float32", "or run on a GPU",
                        "or use a larger kernel with zeros between the taps instead of dilation",
                        "or use dilations=1"], geometry=Geometry(FW))


def _tf_strides_len(m: re.Match, text: str) -> Diagnosis:
    nd, got = int(m.group(1)), number(m.group(3))
    forms = {1: ("strides=2, [2] or [1, 2, 1] (conv1d / conv1d_transpose: the first of three values is "
                 "the unit height TF adds, the argument is named `stride`)"),
             2: "strides=2, strides=[2, 2] or strides=[1, 2, 2, 1]",
             3: "strides=2, [2, 2, 2] or [1, 2, 2, 2, 1]"}[nd]
    return diagnosis(FW, "tf_strides_length",
                     f"TensorFlow: strides (and dilations) of a {nd}-D conv must be an int or a list of 1, "
                     f"{nd} or {nd + 2} values" + (f"; this one has {got}." if got is not None else "."),
                     {"strides_length": got}, fixes=[forms])


def _tf_stride_value(m: re.Match, text: str) -> Diagnosis:
    got = number(m.group(1)) if m.groups() else None
    return diagnosis(FW, "tf_stride_value",
                     "TensorFlow: strides must be >= 1 and dilations >= 1." +
                     (f" Got {got}." if got is not None else ""), {"value": got},
                     fixes=["use strides >= 1 and dilations >= 1"])



# ---------------------------------------------------------------------------------------------
# The reader: the first rule that matches decides
# ---------------------------------------------------------------------------------------------

_TF_CONCAT = re.compile(r"Dimension " + NUM + r" in both shapes must be equal(?::\s{0,4}shape\[[0-9]{1,4}\]\s{0,4}=\s{0,4}"
                        r"\[([^\]]{0,200})\]\s{0,4}vs\.?\s{0,4}shape\[[0-9]{1,4}\]\s{0,4}=\s{0,4}\[([^\]]{0,200})\]"
                        r"|,\s{0,4}but are " + NUM + r" and " + NUM + ")")


def _tf_concat(m, text):
    """TF 2's ConcatOp (both shapes) and TF 1's graph-build form (``but are 61 and 60``)."""
    dim = number(m.group(1))
    if m.group(2) is not None:
        first, second = numbers(m.group(2)), numbers(m.group(3))
        rank = len(first)
        a = first[dim] if dim is not None and 0 <= dim < rank else None
        b = second[dim] if dim is not None and 0 <= dim < len(second) else None
    else:
        a, b, rank = number(m.group(4)), number(m.group(5)), 4
    axis = spatial_axis(dim, rank, "NCHW" in text)
    return concat_diagnosis(FW, "TensorFlow (tf.concat)", a, b, axis, {"dimension": dim})


RULES = [
    Rule("tf_size_mismatch", SIZE_MISMATCH, read_size_mismatch),
    Rule("concat", _TF_CONCAT, _tf_concat),
    Rule("tf_gradient_incompatible", _TF_GRAD, _tf_grad),
    Rule("tf_size_mismatch", re.compile(r"(?:Size|Number of (?:rows|cols)) of out_backprop doesn\S{0,8} "
                                          r"match computed"), _tf_size_bare),
    Rule("tf_batch", _TF_BATCH, _tf_batch),
    Rule("tf_channels", re.compile(r"filter and out_backprop must have the same out_depth"), _tf_out_depth),
    Rule("tf_output_channels", _TF_DEPTH, _tf_depth),
    Rule("tf_grouped", _TF_GROUPED, _tf_grouped),
    Rule("tf_channels", DEPTH_OF_INPUT, _tf_depth_of_input),
    Rule("tf_channels", _TF_DIMS, _tf_dims),
    Rule("tf_negative_output", _TF_NEG, _tf_negative),
    Rule("tf_dilation_cpu", re.compile(r"do(?:es)? not yet support dilation rates larger than 1"), _tf_dilation),
    Rule("tf_output_shape_length", re.compile(r"requires input_sizes to contain 4 values or 2 values,? but got:?\s{0,4}" + NUM), _tf_input_sizes),
    Rule("tf1_shapes_not_compatible", _TF_SHAPES, _tf_shapes),
    Rule("tf_onednn", re.compile(r"could not create a primitive descriptor"), _tf_onednn),
    simple(FW, "tf_rank", r"(?:input_sizes|input|filter|out_backprop) must be 4-dimensional",
           "TensorFlow: conv2d_transpose takes a 4-D input [batch, height, "
           "width, channels], a 4-D filter [height, width, output_channels, in_channels] and a 4-D "
           "(or 2-value) output_shape.", ["add the batch axis: x[tf.newaxis] or tf.expand_dims(x, 0)"]),
    simple(FW, "tf_nchw_cpu", r"Conv2DCustomBackpropInputOp only supports NHWC",
           "TensorFlow's classic CPU kernel only supports NHWC "
           "(channels last). NCHW works on GPU or with oneDNN on.",
           ["use data_format='NHWC' and transpose: tf.transpose(x, [0, 2, 3, 1])"]),
    simple(FW, "tf_dilations_batch_depth", r"does not yet support dilation(?:s| rates) in the batch and depth",
           "TensorFlow: dilations=[1, dh, dw, 1] (NHWC): "
           "the batch and channel dilations must be 1.", ["dilations=[1, d, d, 1], or just dilations=d"]),
    simple(FW, "tf_groups", r"output depth must be evenly divisible by number of groups:?\s{0,4}"
                                   + NUM + r"\s{0,4}vs\.?\s{0,4}" + NUM,
           "TensorFlow: the input channels are a multiple of the filter's "
           "in_channels, so TF runs a grouped conv, and the output channels must then be divisible by "
           "the number of groups.", ["make the input's channels equal to the filter's in_channels "
                                       "(no groups)", "or choose channel counts divisible by the groups"],
           lambda m: {"output_channels": number(m.group(1)), "groups": number(m.group(2))}),
    simple(FW, "tf_negative_dimension", r"elements of input_sizes must be >= 0",
           "TensorFlow: an entry of output_shape (TF calls it "
           "input_sizes) is negative.", ["make every output_shape entry >= 0"]),
    Rule("tf_stride_value", re.compile(r"Dilated rates should be larger than 0"), _tf_stride_value),
    simple(FW, "tf_padding", r"All elements of explicit_paddings must be nonnegative",
           "TensorFlow: explicit padding values must be >= 0. To get a "
           "larger transposed-conv output, ask for a larger output_shape instead.",
           ["use padding values >= 0"]),
    simple(FW, "tf_nchw_cpu", r"only supports the NHWC tensor format on the CPU",
           "TensorFlow's classic CPU kernels only support NHWC "
           "(channels last). NCHW works on GPU or with oneDNN on.",
           ["use data_format='NHWC' and transpose: tf.transpose(x, [0, 2, 3, 1])"]),
    simple(FW, "tf_strides_batch_depth", r"does not yet support strides in the batch and depth",
           "TensorFlow: strides=[1, sh, sw, 1] (NHWC): the "
           "batch and channel strides must be 1.", ["strides=[1, s, s, 1], or just strides=s"]),
    Rule("tf_strides_length", re.compile(r"(?:strides?|dilations) should be of length 1, ([1-3]) or ([3-5])\.?"
                                         r"(?: Received: [^\n]{0,200}? of length " + NUM + ")?"), _tf_strides_len),
    Rule("tf_stride_value", re.compile(r"Row and column strides should be larger than 0"), _tf_stride_value),
    Rule("tf_stride_value", re.compile(r"Stride must be > 0, but got " + NUM), _tf_stride_value),
    Rule("tf_stride_value", re.compile(r"Dilation rate must be >= 1, but got " + NUM), _tf_stride_value),
    simple(FW, "tf_padding", r"Value for attr 'padding' of \"[^\"\n]{0,40}\" is not in the list",
           "TensorFlow: tf.nn.conv2d_transpose wants padding 'SAME' or "
           "'VALID' in capitals (or an explicit list); Keras layers take lower case.",
           ["padding='SAME' or padding='VALID'"]),
    simple(FW, "tf_padding", r"(?:'EXPLICIT' is not a valid value for `padding`|When `?padding`? is a "
                                   r"list|Nonzero explicit padding in the batch or depth|padding must be "
                                   r"either VALID or SAME)",
           "TensorFlow: padding is 'SAME', 'VALID' or an explicit list "
           "[[0, 0], [top, bottom], [left, right], [0, 0]] (NHWC), with zeros for batch and channels.",
           ["padding=[[0, 0], [1, 1], [1, 1], [0, 0]]"]),
    simple(FW, "tf_negative_dimension", r"Dimension -?[0-9]{1,1000} must be >= 0",
           "TensorFlow: an entry of output_shape is negative.",
           ["make every output_shape entry >= 0"]),
    simple(FW, "tf_zero_filter", r"filter must not have zero elements|Failed to call dnnl_sgemm",
           "TensorFlow: the filter has no taps (a kernel size of 0). conv2d / conv3d refuse it; float32 "
           "transposes fail in their matrix product for a batch of several images.",
           ["give the filter at least one tap per spatial axis"]),
    simple(FW, "tf_filter_depth", r"filter_depth must be non-zero",
           "TensorFlow: the filter has 0 input channels (axis 3 of a conv3d filter).",
           ["give the filter as many input channels as the input has"]),
    simple(FW, "tf_filter_depth", r"filter depth must be strictly great",
           "TensorFlow: the filter has 0 channels on axis 2 "
           "(output_channels).", ["give the filter at least one output channel"]),
    simple(FW, "tf_output_channels", r"Computed output depth " + NUM + r" doesn\S{0,8} match filter "
                                           r"output depth " + NUM,
           "TensorFlow: the input x's channels must equal the "
           "filter's last axis (in_channels).", ["make filters.shape[3] equal to x.shape[-1]"],
           lambda m: {"input_channels": number(m.group(1)), "filter_in_channels": number(m.group(2))}),
    simple(FW, "tf_channels", r"input channels does not match filter's input channels,? " + NUM
                                     + r" != " + NUM,
           "TensorFlow 1.x: the input x's channels must equal the "
           "filter's last axis (in_channels of [height, width, output_channels, in_channels]).",
           ["make filters.shape[3] equal to x.shape[-1]"],
           lambda m: {"input_channels": number(m.group(1)), "filter_in_channels": number(m.group(2))}),
    simple(FW, "tf_output_channels", r"output_shape does not match filter's output channels,? " + NUM
                                            + r" != " + NUM,
           "TensorFlow 1.x: output_shape's channels must equal "
           "the filter's axis 2 (output_channels).", ["set output_shape[-1] to filters.shape[2]"],
           lambda m: {"output_channels": number(m.group(1)), "filter_output_channels": number(m.group(2))}),
    simple(FW, "tf_output_shape_length", r"output_shape must have shape \(4,\)",
           "TensorFlow 1.x: output_shape must have 4 values "
           "[batch, height, width, channels].", ["output_shape=[tf.shape(x)[0], H, W, C]"]),
    simple(FW, "tf_output_channels", r"input and filter_sizes must have the same number of channels\.?"
                                      r"(?: Got " + NUM + r" for input and " + NUM + r" for filter_sizes)?",
           "TensorFlow (conv3d_transpose): the channel count in output_shape must equal the filter's axis 3 "
           "(output_channels in [depth, height, width, output_channels, in_channels]); TF calls your "
           "output_shape `input`. conv3d_transpose has no grouped form: a multiple does not help.",
           ["set output_shape[-1] to filters.shape[3]"],
           lambda m: {"output_channels": number(m.group(1)), "filter_output_channels": number(m.group(2))}),
    simple(FW, "tf_channels", r"out_backprop and filter_sizes must have the same number of channels\.?"
                               r"(?: Got " + NUM + r" for out_backprop and " + NUM + r" for filter_sizes)?",
           "TensorFlow (conv3d_transpose): the input x's channels must equal the filter's LAST axis "
           "(in_channels of [depth, height, width, output_channels, in_channels]); TF calls your input "
           "`out_backprop`.", ["make filters.shape[4] equal to x.shape[-1]"],
           lambda m: {"input_channels": number(m.group(1)), "filter_in_channels": number(m.group(2))}),
    simple(FW, "tf_rank", r"(?:input|out_backprop|filter_sizes) tensor must have 5 dimensions|"
                           r"(?:input|filter) must be 5-dimensional",
           "TensorFlow: conv3d and conv3d_transpose take a 5-D input [batch, depth, height, width, "
           "channels], a 5-D filter and (the transpose) an output_shape of exactly 5 values.",
           ["add the batch axis: x[tf.newaxis]", "output_shape=[batch, D, H, W, C]"]),
    simple(FW, "tf_nchw_cpu", r"Conv3DBackpropInputOpV2 only supports NDHWC|"
                               r"CPU implementation of Conv3D currently only supports the NHWC",
           "TensorFlow's CPU kernels for conv3d and conv3d_transpose only support NDHWC (channels last).",
           ["use data_format='NDHWC' and transpose: tf.transpose(x, [0, 2, 3, 4, 1])"]),
    simple(FW, "tf_dilation_cpu", r"CPU implementation of Conv3D currently only supports dilated rates of 1",
           "TensorFlow's CPU conv3d refuses dilations > 1 (GPUs compute them; so do PyTorch and convt).",
           ["use dilations=[1, 1, 1, 1, 1]", "or a larger kernel with zeros between the taps"]),
    simple(FW, "tf_groups", r"Number of channels in filter \(" + NUM + r"\) must match last dimension of "
                             r"input \(" + NUM + r"\)",
           "TensorFlow's CPU conv3d has no grouped form: the filter's axis 3 (in_channels) must equal the "
           "input's channels.", ["make filters.shape[3] equal to x.shape[-1]"],
           lambda m: {"filter_in_channels": number(m.group(1)), "input_channels": number(m.group(2))}),
    simple(FW, "tf_channels", r"Input depth must be evenly divisible by filter depth:?\s{0,4}" + NUM
                               + r"\s{0,4}vs\.?\s{0,4}" + NUM,
           "TensorFlow (conv3d): the input's channels must be a multiple of the filter's axis 3 "
           "(in_channels of [depth, height, width, in_channels, out_channels]).",
           ["make filters.shape[3] equal to x.shape[-1]"],
           lambda m: {"input_channels": number(m.group(1)), "filter_in_channels": number(m.group(2))}),
    Rule("tf_stride_value", re.compile(r"Spatial strides should be larger than 0"), _tf_stride_value),
    simple(FW, "tf_strides_length", r"Expected list for '(?:strides|dilations)' argument to 'conv3d' Op|"
                                     r"Length for attr '(?:strides|dilations)' of [0-9]{1,20} must be at least "
                                     r"minimum 5|Sliding window strides field must specify 5 dimensions",
           "TensorFlow: tf.nn.conv3d passes strides and dilations straight to the op, which takes a "
           "list of exactly 5 values (no int, no 3-value form, unlike conv3d_transpose).",
           ["strides=[1, 2, 2, 2, 1]"]),
    simple(FW, "tf_data_format", r"`data_format` must be 'NWC' or 'NCW'|Value for attr 'data_format' of",
           "TensorFlow: data_format names the layout: 'NWC' or 'NCW' (conv1d, conv1d_transpose), 'NHWC' "
           "or 'NCHW' (2-D), 'NDHWC' or 'NCDHW' (3-D); the CPU kernels compute channels last.",
           ["data_format='NWC' / 'NHWC' / 'NDHWC'"]),
    simple(FW, "tf_padding", r"explicit_paddings attribute must contain [0-9]{1,3} values|"
                              r"Expected string for argument 'padding' not",
           "TensorFlow: tf.nn.conv1d, conv1d_transpose, conv3d and conv3d_transpose take padding "
           "'SAME' or 'VALID' only (an explicit list works only for the 2-D ops).",
           ["padding='SAME' or padding='VALID'; pad the input yourself (tf.pad) for other paddings"]),
    simple(FW, "tf_negative_dimension_size", r"Negative dimension size caused by subtracting " + NUM + r" from " + NUM,
           "TensorFlow (forward conv / pooling, VALID "
           "padding): the kernel is larger than the input.",
           ["use padding='same'", "or a smaller kernel", "or fewer downsampling layers before this one"],
           lambda m: {"kernel": number(m.group(1)), "input": number(m.group(2))}),
]
