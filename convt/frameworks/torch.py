"""PyTorch 2.13: the checks of ``F.conv2d`` / ``F.conv_transpose2d`` / ``nn.ConvTranspose2d`` in
PyTorch's order, its size rules, the exact texts it prints, why in plain words, and the reader
that recognises them.

The checks run on shapes and arguments alone (``convt.torch_style`` on arrays, the shape explorer
on a configuration). Their order is PyTorch's: the module's ``_output_padding`` (with
``output_size``), then ``check_shape_forward``, then the CPU kernel's shape check.
Sources: reference/framework_rules.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from convt._arrays import as_int_list, bracket
from convt.arithmetic import effective_kernel, floor_output_size, full_transpose_length
from convt.diagnosis import Diagnosis, Fix, Framework, Geometry, SizeList, diagnosis, size_list, spatial_names
from convt.errors import ShapeError
from convt.frameworks._reading import (MAX_LIST, NUM, Rule, concat_diagnosis, number, numbers, shape_text, simple,
                                      size_run)

FW = Framework.PYTORCH
TITLE = "PyTorch"
MARKER = re.compile(r"torch\.Size|RuntimeError: Given |torch/nn/|ConvTranspose[123]d|conv_transpose[123]d\(")
MAX_FIX_STRIDE = 8

# ---------------------------------------------------------------------------------------------
# The texts
# ---------------------------------------------------------------------------------------------


def torch_size(sizes: Sequence[int]) -> str:
    return "torch.Size([" + ", ".join(str(v) for v in sizes) + "])"


def channel_mismatch(weight_shape: Sequence[int], input_shape: Sequence[int], expected: int,
                     transposed: bool, groups: int = 1) -> str:
    """``check_shape_forward``: the input's channels against the weight (transposed: its first axis)."""
    given = "transposed=1" if transposed else f"groups={groups}"
    return (f"Given {given}, weight of size {bracket(weight_shape)}, expected input{bracket(input_shape)} "
            f"to have {expected} channels, but got {input_shape[1]} channels instead")


def output_size_out_of_range(requested: Sequence[int] | str, mins: Sequence[int],
                             maxs: Sequence[int], input_spatial: Sequence[int]) -> str:
    """``ConvTranspose2d.forward(x, output_size)``; the request is printed as passed (list or tuple)."""
    return (f"requested an output size of {requested}, but valid sizes range from {list(mins)} "
            f"to {list(maxs)} (for an input of {torch_size(input_spatial)})")


def _named(prefix: str, values: Sequence[int], sep: str = " ") -> str:
    """``output_padding_height: 0 output_padding_width: 1`` (2 values) or depth, height, width (3)."""
    return sep.join(f"{prefix}_{name}: {v}" for name, v in zip(spatial_names(len(values)), values))


def unit_height(values: Sequence[int], fill: int, nd: int) -> Tuple[int, ...]:
    """PyTorch runs a 1-D transposed conv as 2-D on a unit height: its C++ messages show that
    height's value (``fill``) before the real one."""
    return (fill,) + tuple(values) if nd == 1 else tuple(values)


def output_padding_too_large(output_padding: Sequence[int], stride: Sequence[int],
                             dilation: Sequence[int]) -> str:
    """Two values each (height, width; 1-D: the unit height first) or three (depth, height, width)."""
    return ("output padding must be smaller than either stride or dilation, but got "
            f"{_named('output_padding', output_padding)} {_named('stride', stride)} "
            f"{_named('dilation', dilation)}")


def output_too_small(input_sizes: Sequence[int], output_sizes: Sequence[int]) -> str:
    return (f"Given input size per channel: ({' x '.join(map(str, input_sizes))}). Calculated output size "
            f"per channel: ({' x '.join(map(str, output_sizes))}). Output size is too small")


def exception_name(message: str) -> str:
    """The Python class PyTorch raises with ``message``: the module's size check is a ValueError."""
    return "ValueError" if message.startswith("requested an output size") else "RuntimeError"


# ---------------------------------------------------------------------------------------------
# The size rules, in plain words
# ---------------------------------------------------------------------------------------------

def output_size(i: int, kernel: int, stride: int, padding: int, output_padding: int, dilation: int) -> int:
    """``H_out = (H_in-1)*stride - 2*padding + dilation*(kernel-1) + output_padding + 1``."""
    return full_transpose_length(i, kernel, stride, dilation) - 2 * padding + output_padding


def output_size_range(i: int, kernel: int, stride: int, padding: int, dilation: int) -> Tuple[int, int]:
    """The sizes ``ConvTranspose2d.forward(x, output_size)`` accepts: ``min .. min + stride - 1``.

    The upper end ignores dilation, although ``output_padding`` may reach ``max(stride, dilation) - 1``.
    """
    low = output_size(i, kernel, stride, padding, 0, dilation)
    return low, low + stride - 1


def max_output_padding(stride: int, dilation: int) -> int:
    """``output_padding`` must be smaller than either stride or dilation."""
    return max(stride, dilation) - 1


def conv_output_size(n: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """PyTorch's forward ``floor((n + 2p - d(k-1) - 1) / s) + 1``."""
    return floor_output_size(n, kernel, stride, padding, dilation)


def forward_input_for(n: int, stride: int, offset: int) -> int:
    """The input size ``i`` whose ``ConvTranspose2d`` range ``[(i-1)s + offset, +s-1]`` holds ``n``.

    ``offset`` is ``dilation*(kernel-1) + 1 - 2*padding``, the size an input of 1 gives.
    """
    return (n - offset) // stride + 1


def output_size_explanation(i: int, requested: int, low: int, high: int, axis: str = "height") -> str:
    """Why ``ConvTranspose2d.forward(x, output_size)`` refuses ``requested`` for an input of ``i``."""
    stride = high - low + 1
    side = "smaller than the smallest" if requested < low else "larger than the largest"
    return (f"For an input {axis} of {i}, a transposed conv with stride {stride} produces "
            f"{low} cells (that is (i-1)*stride - 2*padding + dilation*(kernel-1) + 1), and "
            f"output_size may add up to stride - 1 = {stride - 1} more: it accepts {axis}s "
            f"{size_list(range(low, high + 1))}. You asked for {requested}, {side} of those.")


def output_size_fixes(i: int, requested: int, low: int, high: int) -> List[Fix]:
    """Ways to make PyTorch accept output size ``requested`` from input size ``i``, nearest first."""
    stride = high - low + 1
    offset = low - (i - 1) * stride          # dilation*(kernel-1) + 1 - 2*padding
    fixes: List[Fix] = []
    nearest = min(max(requested, low), high)
    fixes.append(Fix(f"ask for output size {nearest} instead of {requested} "
                     f"(valid: {size_list(range(low, high + 1))})", Geometry(output=nearest)))
    if requested < low:
        delta = -(-(low - requested) // 2)
        if low - 2 * delta <= requested <= high - 2 * delta:
            fixes.append(Fix(f"increase padding by {delta}: each unit of padding trims one cell "
                             f"from both ends, giving {low - 2 * delta} to {high - 2 * delta}"))
    for s in range(1, MAX_FIX_STRIDE + 1):
        if s != stride and (i - 1) * s + offset <= requested <= (i - 1) * s + offset + s - 1:
            fixes.append(Fix(f"use stride {s}: the valid sizes become "
                             f"{size_list(range((i - 1) * s + offset, (i - 1) * s + offset + s))}",
                             Geometry(stride=s)))
            break
    wanted = forward_input_for(requested, stride, offset)
    if wanted >= 1 and wanted != i:
        fixes.append(Fix(f"feed an input of size {wanted}: its valid sizes "
                         f"{size_list(range((wanted - 1) * stride + offset, wanted * stride + offset))} "
                         f"include {requested}", Geometry(input=wanted)))
    return fixes


# ---------------------------------------------------------------------------------------------
# The checks, on shapes and arguments alone
# ---------------------------------------------------------------------------------------------

_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half"}


@dataclass(frozen=True)
class ForwardPlan:
    """What ``F.conv1d/2d/3d`` computes once every check passed (one value per spatial axis)."""

    batched: bool
    extra: Tuple[int, ...]        # 'same': the uneven cell padded onto the input's end first
    pad_before: Tuple[int, ...]
    out: Tuple[int, ...]
    stride: Tuple[int, ...]
    dilation: Tuple[int, ...]
    groups: int
    no_channels: bool = False     # ATen's empty backend on an input with 0 channels: 0 output channels


@dataclass(frozen=True)
class TransposePlan:
    """What ``F.conv_transpose1d/2d/3d`` computes once every check passed."""

    batched: bool
    stride: Tuple[int, ...]
    dilation: Tuple[int, ...]
    padding: Tuple[int, ...]
    out: Tuple[int, ...]
    groups: int


def conv2d_plan(x_shape, x_dtype, w_shape, w_dtype, bias_shape, stride, padding, dilation, groups,
                nd: int = 2) -> ForwardPlan:
    """``F.conv2d``'s checks (``nd`` 1 or 3: ``F.conv1d`` / ``F.conv3d``'s); ``padding`` is an int,
    ``nd`` ints, ``'valid'`` or ``'same'`` (stride 1 only)."""
    stride = _ntuple(stride, "stride", nd)
    dilation = _ntuple(dilation, "dilation", nd)
    groups = _groups(groups)
    batched = _check_rank(x_shape, f"conv{nd}d", nd)
    xb = tuple(x_shape) if batched else (1,) + tuple(x_shape)
    if not isinstance(padding, str) and any(p < 0 for p in _ntuple(padding, "padding", nd)):
        raise ShapeError("negative padding is not supported")
    if isinstance(padding, str):
        # ATen's _convolution_mode reads the string first; 'same' (_convolution_same) then checks the
        # ranks and refuses any stride but 1, all before the dtype and stride-sign checks
        if padding == "same" and len(w_shape) >= 3:
            _check_weight_rank(xb, w_shape, space="")
        _string_padding(padding, [1] * nd, stride, dilation)
    _check_common(x_dtype, w_dtype, stride, dilation)
    extra = (0,) * nd
    if len(w_shape) == nd + 2 and isinstance(padding, str):
        pairs = _string_padding(padding, w_shape[2:], stride, dilation)
        # like ATen's _convolution_same: pad the uneven extra onto the input's end first
        extra = tuple(after - before for before, after in pairs)
        xb = xb[:2] + tuple(xb[2 + a] + extra[a] for a in range(nd))
        pairs = [(before, before) for before, _ in pairs]
    else:
        pairs = [(p, p) for p in _ntuple(padding, "padding", nd)]
    _check_weight_rank(xb, w_shape)
    _check_groups_divide(w_shape, groups)
    if xb[1] != w_shape[1] * groups:
        raise ShapeError(channel_mismatch(w_shape, xb, w_shape[1] * groups, False, groups),
                         f"conv{nd}d's weight is [out_channels, in_channels / groups, *kernel]; its second axis "
                         "times groups must equal your input's channels.")
    _check_bias(bias_shape, w_shape[0], w_shape, transposed=False)
    padded = [xb[2 + a] + sum(pairs[a]) for a in range(nd)]
    spans = [effective_kernel(w_shape[2 + a], dilation[a]) for a in range(nd)]
    if any(padded[a] < spans[a] for a in range(nd)):
        raise ShapeError(f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). "
                         f"Kernel size: ({' x '.join(map(str, spans))}). Kernel size can't be greater than "
                         "actual input size",
                         "The (dilated) kernel is larger than the padded input.")
    _check_not_empty(xb, nd)
    _check_empty_backend(xb, w_shape)
    out = tuple((padded[a] - spans[a]) // stride[a] + 1 for a in range(nd))
    return ForwardPlan(batched, extra, tuple(p[0] for p in pairs), out, stride, dilation, groups, xb[1] == 0)


def conv_transpose_plan(x_shape, x_dtype, w_shape, w_dtype, bias_shape, stride, padding, output_padding,
                        groups, dilation, requested, nd: int = 2) -> TransposePlan:
    """``F.conv_transpose2d``'s checks, or ``nn.ConvTranspose2d.forward(input, output_size=requested)``'s
    (``nd`` 1 or 3: the 1-D / 3-D ones; 1-D runs as 2-D on a unit height, and says so in its texts)."""
    op = f"conv_transpose{nd}d"
    stride = _ntuple(stride, "stride", nd)
    pad = _ntuple(padding, "padding", nd) if not isinstance(padding, str) else _string_padding_refused(op)
    dilation = _ntuple(dilation, "dilation", nd)
    output_padding = _ntuple(output_padding, "output_padding", nd)
    if requested is not None:
        _check_module_constructor(w_shape, groups)
    groups = _groups(groups)
    if requested is not None:
        output_padding = _output_padding_from_size(x_shape, w_shape, requested, stride, pad, dilation, nd)
    batched = _check_rank(x_shape, op, nd)
    xb = tuple(x_shape) if batched else (1,) + tuple(x_shape)
    if any(p < 0 for p in pad):
        raise ShapeError("negative padding is not supported")
    if any(p < 0 for p in output_padding):
        raise ShapeError("negative output_padding is not supported")
    _check_common(x_dtype, w_dtype, stride, dilation)
    _check_weight_rank(xb, w_shape)
    _check_groups_divide(w_shape, groups)
    if xb[1] != w_shape[0]:
        raise ShapeError(channel_mismatch(w_shape, xb, w_shape[0], True),
                         f"{op}'s weight is [in_channels, out_channels / groups, *kernel]: its "
                         "FIRST axis must equal your input's channels.")
    _check_bias(bias_shape, w_shape[1] * groups, w_shape, transposed=True)
    _check_not_empty(xb, nd)
    if xb[0] == 0:      # ATen's empty backend: none of the kernel's checks below, the size formula as it is
        _check_empty_backend(xb, w_shape)
        out = tuple(output_size(xb[2 + a], w_shape[2 + a], stride[a], pad[a], output_padding[a], dilation[a])
                    for a in range(nd))
        _check_empty_view([0, w_shape[1] * groups] + ([1] if nd == 1 else []) + list(out))
        return TransposePlan(batched, stride, dilation, pad, out, groups)
    if min(w_shape[2:]) <= 0:
        raise ShapeError("kernel size should be greater than zero, but got "
                         + _named("kernel", unit_height(w_shape[2:], 1, nd)))
    if min(dilation) <= 0:
        raise ShapeError("dilation should be greater than zero, but got "
                         + _named("dilation", unit_height(dilation, 1, nd), ", "))
    if any(output_padding[a] >= stride[a] and output_padding[a] >= dilation[a] for a in range(nd)):
        raise ShapeError(output_padding_too_large(unit_height(output_padding, 0, nd), unit_height(stride, 1, nd),
                                                  unit_height(dilation, 1, nd)),
                         "output_padding only lengthens the output on one side to pick one of the sizes "
                         "a strided conv maps to the same input; it must be smaller than the stride "
                         f"(or the dilation): at most {max_output_padding(stride[-1], dilation[-1])} along "
                         "the last axis here.")
    out = tuple(output_size(xb[2 + a], w_shape[2 + a], stride[a], pad[a], output_padding[a], dilation[a])
                for a in range(nd))
    if min(out) < 1:
        raise ShapeError(output_too_small(unit_height(xb[2:], 1, nd), unit_height(out, 1, nd)),
                         "(input - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1 "
                         "is below 1: padding crops away more than the transposed conv produces.")
    return TransposePlan(batched, stride, dilation, pad, out, groups)


def _check_not_empty(xb, nd: int) -> None:
    """ATen's backend choice: an input with cells in its batch and channel axes but none in a spatial
    one is refused before any kernel's own checks (a 1-D input shown as 2-D, on a unit height)."""
    if xb[0] and xb[1] and 0 in xb[2:]:
        shown = tuple(xb[:2]) + ((1,) if nd == 1 else ()) + tuple(xb[2:])
        raise ShapeError(f"Only zero batch or zero channel inputs are supported, but got input shape: {bracket(shown)}",
                         "A spatial axis of the input has no cells; only an empty batch or an empty channel "
                         "axis gives an empty output.")


def _check_empty_view(shape) -> None:
    """The empty backend views its (empty) result as the output shape: ATen's ``infer_size`` reads a
    size of -1 as "infer this one", any other negative size is refused where it stands."""
    inferred = None
    for index, size in enumerate(shape):
        if size == -1:
            if inferred is not None:
                raise ShapeError("only one dimension can be inferred", _EMPTY_VIEW)
            inferred = index
        elif size < 0:
            raise ShapeError(f"invalid shape dimension {size} at index {index} of shape {bracket(shape)}", _EMPTY_VIEW)
    if inferred is not None:
        raise ShapeError(f"cannot reshape tensor of 0 elements into shape {bracket(shape)} because the unspecified "
                         "dimension size -1 can be any value and is ambiguous", _EMPTY_VIEW)


_EMPTY_VIEW = ("The transposed conv's output size formula gives a negative size here; with an empty batch "
               "PyTorch skips its other checks and fails shaping the output.")


def _check_empty_backend(xb, w_shape) -> None:
    """ATen's empty backend (an empty batch or no channels) multiplies the input by the weight's
    first value: a weight with no values fails there unless the input has no channels."""
    if (xb[0] == 0 or xb[1] == 0) and xb[1] != 0 and 0 in w_shape:
        raise ShapeError("select(): index 0 out of range for tensor of size [0] at dimension 0",
                         "The weight has no values (a kernel size of 0).")


def _output_padding_from_size(x_shape, w_shape, requested, stride, pad, dilation, nd: int = 2) -> Tuple[int, ...]:
    """``ConvTransposeNd._output_padding``: accepts ``min .. min + stride - 1`` per dimension."""
    sizes = as_int_list(requested, "output_size")
    non_spatial = 2 if len(x_shape) == nd + 2 else 1
    if len(sizes) == non_spatial + nd:
        sizes = sizes[non_spatial:]
        requested = requested[non_spatial:]
    if len(sizes) != nd:
        raise ShapeError(f"ConvTranspose{nd}D: for {len(x_shape)}D input, output_size must have {nd} or "
                         f"{non_spatial + nd} elements (got {len(sizes)})")
    if len(x_shape) < non_spatial + nd or len(w_shape) != nd + 2:
        raise ShapeError(f"Expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input to conv_transpose{nd}d, "
                         f"but got input of size: {bracket(x_shape)}")
    ranges = [output_size_range(x_shape[non_spatial + a], w_shape[2 + a], stride[a], pad[a], dilation[a])
              for a in range(nd)]
    for a in range(nd):
        low, high = ranges[a]
        if not low <= sizes[a] <= high:
            shown = list(requested) if isinstance(requested, list) else (
                tuple(requested) if isinstance(requested, tuple) else sizes)
            raise ShapeError(
                output_size_out_of_range(shown, [r[0] for r in ranges], [r[1] for r in ranges], x_shape[2:]),
                f"For an input of {x_shape[non_spatial + a]}, kernel {w_shape[2 + a]}, stride {stride[a]}, "
                f"padding {pad[a]} and dilation {dilation[a]}, ConvTranspose{nd}d produces "
                f"{size_list(range(low, high + 1))} (output_padding 0 to {stride[a] - 1}); "
                f"{sizes[a]} is not one of them.")
    return tuple(sizes[a] - ranges[a][0] for a in range(nd))


def _check_module_constructor(w_shape, groups) -> None:
    """``output_size`` means ``nn.ConvTransposeNd``, whose constructor checks groups first."""
    value = as_int_list(groups, "groups")
    if len(value) != 1 or value[0] <= 0:
        raise ShapeError("groups must be a positive integer")
    if len(w_shape) >= 1 and w_shape[0] % value[0]:
        raise ShapeError("in_channels must be divisible by groups",
                         f"The weight's first axis ({w_shape[0]}, in_channels) must split into {value[0]} groups.")


def _ntuple(value, name: str, nd: int) -> Tuple[int, ...]:
    values = as_int_list(value, name)
    if len(values) == 1:
        values = values * nd
    if len(values) != nd:
        raise ShapeError(f"expected {name} to be a single integer value or a list of {nd} values to match "
                         f"the convolution dimensions, but got {name}={bracket(values)}")
    return tuple(values)


def _groups(groups) -> int:
    value = as_int_list(groups, "groups")
    if len(value) != 1:
        raise ShapeError(f"groups must be an integer, got {groups!r}"[:300])
    if value[0] <= 0:
        raise ShapeError("non-positive groups is not supported")
    return value[0]


def _check_rank(x_shape, op: str, nd: int = 2) -> bool:
    if len(x_shape) not in (nd + 1, nd + 2):
        raise ShapeError(f"Expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input to {op}, but got input "
                         f"of size: {bracket(x_shape)}",
                         "PyTorch takes [batch, channels, *spatial] or [channels, *spatial].")
    return len(x_shape) == nd + 2


def _check_common(x_dtype, w_dtype, stride, dilation) -> None:
    if w_dtype != x_dtype:
        raise ShapeError(f"expected scalar type {_DTYPE_NAMES.get(x_dtype.name, x_dtype.name).title()} "
                         f"but found {_DTYPE_NAMES.get(w_dtype.name, w_dtype.name).title()}",
                         "Input and weight must have the same dtype.")
    if min(stride) <= 0:
        raise ShapeError("non-positive stride is not supported")
    if min(dilation) < 0:
        raise ShapeError("dilation should be greater than zero")


def _check_weight_rank(x_shape, w_shape, space: str = " ") -> None:
    """(ATen's ``_convolution_same`` prints the weight's sizes with no space before them.)"""
    if len(w_shape) != len(x_shape):
        raise ShapeError(f"Expected {len(w_shape)}-dimensional input for {len(w_shape)}-dimensional weight"
                         f"{space}{bracket(w_shape)}, but got {len(x_shape)}-dimensional input of size "
                         f"{bracket(x_shape)} instead")


def _check_groups_divide(w_shape, groups: int) -> None:
    if w_shape[0] < groups:
        raise ShapeError(f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, "
                         f"but got weight of size {bracket(w_shape)} instead")
    if w_shape[0] % groups:
        raise ShapeError(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, "
                         f"but got weight of size [{bracket(w_shape)}] instead")


def _check_bias(bias_shape, expected: int, w_shape, transposed: bool) -> None:
    if bias_shape is None:
        return
    if len(bias_shape) != 1 or bias_shape[0] != expected:
        given = "Given transposed=1, weight" if transposed else "Given weight"
        raise ShapeError(f"{given} of size {bracket(w_shape)}, expected bias "
                         f"to be 1-dimensional with {expected} elements, but got bias of size "
                         f"{bracket(bias_shape)} instead")


def _string_padding(padding: str, kernel, stride, dilation) -> List[Tuple[int, int]]:
    """``padding='valid'`` is 0; ``'same'`` pads ``d*(k-1)`` in total, the extra cell at the end."""
    if padding == "valid":
        return [(0, 0)] * len(kernel)
    if padding != "same":
        raise ShapeError(f"Invalid padding string: '{padding}'", "conv takes 'valid', 'same' or integers.")
    if any(v != 1 for v in stride):
        raise ShapeError("padding='same' is not supported for strided convolutions")
    totals = [dilation[a] * (kernel[a] - 1) for a in range(len(kernel))]
    return [(t // 2, t - t // 2) for t in totals]


def _string_padding_refused(op: str):
    raise ShapeError(f"{op}(): argument 'padding' must be tuple of ints, not str",
                     "Transposed convolutions take integer padding only; 'same' has no unique meaning "
                     "there (ask for the output size with output_padding or output_size instead).")


# ---------------------------------------------------------------------------------------------
# Reading PyTorch's messages back
# ---------------------------------------------------------------------------------------------

_TORCH_RANGE = re.compile(
    r"requested an output size of (torch\.Size\(\[[^\]]{0,5000}\]\)|\[[^\]]{0,5000}\]|\([^()]{0,5000}\))"
    r",? but valid sizes range from \[([^\]]{0,5000})\] to \[([^\]]{0,5000})\]"
    r"(?: \(for an input of (?:torch\.Size\()?\[([^\]]{0,5000})\]\)?\))?")


def _torch_range(m: re.Match, text: str) -> Diagnosis:
    requested = numbers(m.group(1).replace("torch.Size", ""))
    mins, maxs = numbers(m.group(2)), numbers(m.group(3))
    inputs = numbers(m.group(4)) if m.group(4) is not None else []
    dims = len(mins)
    facts: Dict[str, Optional[int]] = {}
    req = requested[-dims:] if dims and len(requested) >= dims else requested
    names = spatial_names(dims)
    unbatched_bug = m.group(4) is not None and len(inputs) != dims
    valid: List[SizeList] = [None] * (dims if 1 <= dims <= 3 else 2)
    parts = [f"PyTorch (ConvTranspose{dims if 1 <= dims <= 3 else 'N'}d.forward with output_size) refused "
             "the requested output size."]
    fixes: List[str] = []
    geometry: Optional[Geometry] = None
    for j in range(dims):
        name = names[j]
        lo = mins[j]
        hi = maxs[j] if j < len(maxs) else None
        r = req[j] if j < len(req) else None
        i = inputs[j] if j < len(inputs) and not unbatched_bug else None
        facts.update({f"requested_{name}": r, f"min_{name}": lo, f"max_{name}": hi,
                      f"input_{name}": i})
        if lo is None or hi is None:
            continue
        if hi >= lo:
            facts[f"stride_{name}"] = hi - lo + 1
        sizes = size_run(lo, hi)
        if dims <= 3:
            valid[j] = sizes
        if r is None or lo <= r <= hi:
            continue
        if i is not None and hi >= lo and hi - lo < MAX_LIST:
            parts.append(output_size_explanation(i, r, lo, hi, name))
            fixes += [f"{name}: {f.text}" for f in output_size_fixes(i, r, lo, hi)]
        else:
            parts.append(f"{name}: you asked for {r}; PyTorch accepts {lo} to {hi} "
                         f"(stride {hi - lo + 1}: min + stride - 1).")
            fixes.append(f"{name}: ask for a size from {lo} to {hi}")
        if geometry is None:
            geometry = Geometry(input=i, stride=facts.get(f"stride_{name}"), output=r)
    if 1 <= dims <= 3 and [] in valid:
        empty = names[valid.index([])]
        parts.append(f"No positive {empty} is possible with these settings, so PyTorch accepts no "
                     f"output size at all: the {empty} range ends below 1 (too much padding).")
        parts += [f"The {name} on its own would accept {size_list(sizes)}." for name, sizes in zip(names, valid)
                  if sizes]
        fixes.append(f"{empty}: reduce padding or enlarge stride/kernel until the {empty} range reaches 1")
    if unbatched_bug:
        parts.append(f"(For an unbatched input PyTorch prints the wrong slice of its shape, "
                     f"torch.Size({inputs}), one size short; the check itself is right.)")
    parts.append("The accepted range is min .. min + stride - 1 (it ignores dilation); "
                 "F.conv_transpose2d's output_padding may go up to max(stride, dilation) - 1.")
    if len(requested) > dims:
        parts.append(f"Only the last {dims} entries of output_size count; the leading ones are dropped.")
    return diagnosis(FW, "torch_output_size", " ".join(parts), facts, None, tuple(valid),
                     fixes, geometry or Geometry())


_TORCH_OP = re.compile(r"output padding must be smaller than either stride or dilation,? but got"
                       r"((?:\s{1,4}[a-z_]{1,40}:\s{0,4}-?[0-9]{1,1000}){0,12})")


def _torch_op(m: re.Match, text: str) -> Diagnosis:
    facts = {name: number(v) for name, v in re.findall(r"([a-z_]{1,40}):\s{0,4}(-?[0-9]{1,1000})", m.group(1))}
    parts = ["PyTorch: output_padding must be smaller than the stride or the dilation in every "
             "dimension (op < max(stride, dilation)). It only selects which of the possible output "
             "sizes you get (it does not add zeros)."]
    fixes: List[str] = []
    ok = []
    if "output_padding_depth" not in facts and (facts.get("output_padding_height"), facts.get("stride_height"),
                                                facts.get("dilation_height")) == (0, 1, 1):
        parts.append("(If this came from conv_transpose1d / ConvTranspose1d: PyTorch runs it as 2-D on a "
                     "unit height and prints that height's values, 0, 1 and 1, first; the width values "
                     "are yours.)")
    for name in ("depth", "height", "width"):
        op, s, d = (facts.get(f"{p}_{name}") for p in ("output_padding", "stride", "dilation"))
        if op is None or s is None:
            continue
        limit = max(s, d or 1) - 1
        ok.append(min(op, max(limit, 0)))
        if op > limit:
            parts.append(f"{name}: output_padding {op}, stride {s}, dilation {d}: the most allowed is {limit}.")
    if ok:
        fixes.append(f"use output_padding={tuple(ok)}")
    fixes += ["or pass output_size= to the module's forward to pick the size directly",
              "or change padding/stride so the size you want needs a smaller output_padding"]
    return diagnosis(FW, "torch_output_padding", " ".join(parts), facts, fixes=fixes,
                     geometry=Geometry(stride=facts.get("stride_height"), dilation=facts.get("dilation_height")))


_TORCH_CH = re.compile(r"Given (transposed=[01]|groups=[0-9]{1,20}), weight of size \[([^\]]{0,5000})\],? expected input\["
                       r"([^\]]{0,5000})\] to have " + NUM + r" channels, but got " + NUM + r" channels")


def _torch_channels(m: re.Match, text: str) -> Diagnosis:
    transposed = m.group(1) == "transposed=1"
    weight, inp = numbers(m.group(2)), numbers(m.group(3))
    want, got = number(m.group(4)), number(m.group(5))
    facts = {"expected_channels": want, "input_channels": got}
    if transposed:
        text_ = (f"PyTorch: the transposed conv's weight {shape_text(weight)} is laid out "
                 f"(in_channels, out_channels/groups, kH, kW), so the input must have {want} "
                 f"channels (weight axis 0), but input {shape_text(inp)} has {got}.")
        fixes = [f"use ConvTranspose2d(in_channels={got}, ...) for this input",
                 f"or feed an input with {want} channels",
                 "if the weight came from a forward conv (out, in, kH, kW), the axes are swapped: "
                 "conv_transpose2d uses the same tensor without transposing it"]
    else:
        text_ = (f"PyTorch: the conv's weight {shape_text(weight)} (out, in/groups, kH, kW) expects "
                 f"{want} input channels, but input {shape_text(inp)} has {got}.")
        fixes = [f"use Conv2d(in_channels={got}, ...)", f"or feed an input with {want} channels"]
    return diagnosis(FW, "torch_channels", text_, facts, fixes=fixes)


_SIZES = r"\((-?[0-9]{1,1000}(?: x -?[0-9]{1,1000}){0,2})\)"
_TORCH_SMALL = re.compile(r"Given input size per channel: " + _SIZES + r"\.? Calculated output size per "
                          r"channel: " + _SIZES + r"\.? Output size is too small")


def _sizes(text: str) -> List[Optional[int]]:
    return [number(v.strip()) for v in text.split(" x ")]


def _named_facts(prefix: str, values: Sequence[Optional[int]]) -> Dict[str, Optional[int]]:
    return {f"{prefix}_{name}": v for name, v in zip(spatial_names(len(values)), values)}


def _torch_small(m: re.Match, text: str) -> Diagnosis:
    ins, outs = _sizes(m.group(1)), _sizes(m.group(2))
    facts = dict(_named_facts("input", ins), **_named_facts("output", outs))
    shown = lambda v: " x ".join(str(x) for x in v)  # noqa: E731
    text_ = (f"PyTorch: for an input of {shown(ins)}, the transposed conv would produce {shown(outs)}, "
             f"and sizes below 1 are refused. The output is (i-1)*stride - 2*padding + "
             f"dilation*(kernel-1) + output_padding + 1: the padding is too large for this input.")
    if len(ins) == 2 and ins[0] == 1 and outs[0] == 1:
        text_ += (" (A 1 x n input is also what conv_transpose1d prints: it runs as 2-D on a unit "
                  "height, so only the second sizes are yours.)")
    return diagnosis(FW, "torch_output_too_small", text_, facts,
                     fixes=["reduce padding (each unit removes two cells)", "or use a larger stride or kernel",
                        "or a larger input"], geometry=Geometry(input=ins[-1] if len(ins) == 1 else ins[0]))


def _torch_kernel_big(m, text):
    ins, ks = _sizes(m.group(1)), _sizes(m.group(2))
    shown = lambda v: " x ".join(str(x) for x in v)  # noqa: E731
    return diagnosis(FW, "torch_kernel_too_large",
                     f"PyTorch (forward conv): the kernel ({shown(ks)}, dilated) is larger than the padded "
                     f"input ({shown(ins)}).", dict(_named_facts("input", ins), **_named_facts("kernel", ks)),
                     fixes=["add padding", "or use a smaller kernel or dilation", "or a larger input"])


_TORCH_BIAS = re.compile(r"expected bias to be 1-dimensional with " + NUM
                         + r" elements,? but got bias of size \[([^\]]{0,5000})\]")


def _torch_bias(m, text):
    want, got = number(m.group(1)), numbers(m.group(2))
    return diagnosis(FW, "torch_bias",
                     f"PyTorch: the bias must have one value per output channel ({want}), but it has "
                     f"shape {shape_text(got)}. For a transposed conv the output channels are "
                     f"weight.shape[1] * groups.", {"expected_bias": want},
                     fixes=[f"use a bias of shape ({want},)"])


def _torch_output_size_len(m, text):
    got = number(m.group(1))
    return diagnosis(FW, "torch_output_size_length",
                     f"PyTorch: output_size must list the spatial sizes (2 for a 2-D conv) or the whole "
                     f"shape (4 for batched input); it has {got} entries.", {"output_size_length": got},
                     fixes=["output_size=(H, W) or output_size=x_target.shape"])




_TORCH_CAT = re.compile(r"Sizes of tensors must match except in dimension " + NUM + r"\.? Expected size " + NUM
                        + r" but got size " + NUM + r" for tensor number " + NUM)


def _torch_cat(m, text):
    dim, first, second, tensor = (number(g) for g in m.groups())
    return concat_diagnosis(FW, "PyTorch (torch.cat)", first, second,
                            facts={"concat_axis": dim, "tensor": tensor})


RULES = [
    Rule("torch_output_size", _TORCH_RANGE, _torch_range),
    Rule("concat", _TORCH_CAT, _torch_cat),
    Rule("torch_output_padding", _TORCH_OP, _torch_op),
    Rule("torch_channels", _TORCH_CH, _torch_channels),
    Rule("torch_bias", _TORCH_BIAS, _torch_bias),
    Rule("torch_output_too_small", _TORCH_SMALL, _torch_small),
    Rule("torch_kernel_too_large", re.compile(r"Calculated padded input size per channel: " + _SIZES
                                              + r"\.? Kernel size: " + _SIZES), _torch_kernel_big),
    simple(FW, "torch_negative_padding", r"negative padding is not supported",
           "PyTorch: padding must be >= 0. To get a LARGER "
           "output from a transposed conv, lower padding (towards 0) or use output_padding / "
           "output_size; to crop asymmetrically, compute with padding=0 and slice.",
           ["use padding >= 0", "slice the output instead: y[..., a:a+H, b:b+W]"]),
    simple(FW, "torch_rank", r"Expected [0-9]{1,2}-dimensional input for [0-9]{1,2}-dimensional weight",
           "PyTorch: the input and the weight must have the same number of axes: (N, C, *spatial) and "
           "(out, in / groups, *kernel) for a forward conv.",
           ["give the weight one axis per spatial axis of the input, plus two"]),
    simple(FW, "torch_empty_input", r"Only zero batch or zero channel inputs are supported",
           "PyTorch: a spatial axis of the input has no cells. Only an empty batch or an empty channel "
           "axis gives an (empty) output; a 1-D input is shown as 2-D, with a height of 1.",
           ["give every spatial axis at least one cell"]),
    simple(FW, "torch_empty_batch", r"invalid shape dimension -?[0-9]{1,18} at index [0-9]{1,3} of shape|"
                                     r"cannot reshape tensor of 0 elements into shape \[[-0-9, ]{0,80}\] because the "
                                     r"unspecified dimension size -1|only one dimension can be inferred",
           "PyTorch: with an empty batch the kernels' checks are skipped and the output size formula "
           "(i - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1 came out negative.",
           ["use less padding"]),
    simple(FW, "torch_empty_weight", r"select\(\): index 0 out of range for tensor of size \[0\]",
           "PyTorch: with an empty batch the conv multiplies by the weight's first value, and this weight "
           "has none (a kernel size of 0).", ["give the kernel at least one tap per axis"]),
    simple(FW, "torch_stride", r"non-positive stride is not supported",
           "PyTorch: stride must be >= 1 in every dimension.",
           ["use stride >= 1"]),
    simple(FW, "torch_dilation", r"dilation should be greater than zero",
           "PyTorch: dilation must be >= 1.", ["use dilation >= 1"]),
    Rule("torch_output_size_length", re.compile(r"output_size must have [0-9]{1,3} or [0-9]{1,3} elements \(got " + NUM + r"\)"), _torch_output_size_len),
    simple(FW, "torch_rank", r"Expected [2-4]D \(unbatched\) or [3-5]D \(batched\) input to conv",
           "PyTorch: a conv takes its input with or without the batch axis: conv1d / conv_transpose1d "
           "(C, L) or (N, C, L); conv2d / conv_transpose2d (C, H, W) or (N, C, H, W); conv3d / "
           "conv_transpose3d (C, D, H, W) or (N, C, D, H, W).",
           ["reshape the input to (N, C, *spatial) for the conv's number of spatial axes"]),
    simple(FW, "torch_groups", r"Given groups=" + NUM + r", expected weight to be at least",
           "PyTorch: the weight's axis 0 must have at least `groups` "
           "entries (and be divisible by groups).", ["choose groups dividing in_channels and out_channels"],
           lambda m: {"groups": number(m.group(1))}),
    simple(FW, "torch_groups", r"non-positive groups is not supported",
           "PyTorch: groups must be >= 1.", ["use groups >= 1"]),
    simple(FW, "torch_argument_length", r"expected (stride|padding|dilation|output_padding) to be a single integer value or a list of "
        r"[0-9]{1,3} values",
           "PyTorch: stride, padding, dilation and output_padding "
           "are an int or one value per spatial dimension (2 for a 2-D conv).",
           ["pass an int or a pair, e.g. stride=2 or stride=(2, 2)"]),
    simple(FW, "torch_padding_string", r"padding='same' is not supported for strided convolutions",
           "PyTorch: padding='same' only works with stride 1 "
           "(forward conv2d).", ["compute the padding yourself: (k-1)*d // 2 for odd kernels",
                                   "or pad with F.pad first, asymmetrically like TF SAME"]),
    simple(FW, "torch_padding_string", r"Invalid padding string: '[^'\n]{0,40}'",
           "PyTorch: a string padding must be 'same' or 'valid' "
           "(lower case, forward convs only).", ["padding='same' or padding='valid', or integers"]),
    simple(FW, "torch_groups", r"Given groups=" + NUM + r", expected weight to be divisible by",
           "PyTorch: the weight's axis 0 (in_channels) must be divisible "
           "by groups.", ["choose groups dividing in_channels and out_channels"],
           lambda m: {"groups": number(m.group(1))}),
    simple(FW, "torch_groups", r"(?:in|out)_channels must be divisible by groups",
           "PyTorch: in_channels and out_channels must both be divisible "
           "by groups.", ["choose groups dividing in_channels and out_channels"]),
    simple(FW, "torch_padding_mode", r"Only \"zeros\" padding mode is supported for ConvTranspose",
           "PyTorch: ConvTranspose2d only supports "
           "padding_mode='zeros'.", ["drop padding_mode, or pad the input yourself with F.pad"]),
    simple(FW, "torch_padding_string", r"conv_transpose[123]d\(\): argument 'padding'",
           "PyTorch: transposed convs take integer padding only "
           "('same'/'valid' are for forward convs). padding=p removes p cells from each end of the "
           "full output (i-1)*s + (k-1)*d + 1.",
           ["use padding=(k-1)//2 for odd kernels (like TF SAME, with output_padding=stride-1 for i*s)",
              "or padding=0 and slice the output as TF SAME would"]),
    simple(FW, "torch_mkldnn", r"could not construct a memory descriptor using a format tag",
           "PyTorch's mkldnn CPU path hid the reason; with transposed convs "
           "this usually means the computed output size is below 1 (too much padding). With "
           "torch.backends.mkldnn.flags(enabled=False) PyTorch says 'Output size is too small'.",
           ["reduce padding", "run inside torch.backends.mkldnn.flags(enabled=False) to see the real message"]),
]
