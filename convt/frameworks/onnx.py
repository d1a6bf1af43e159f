"""ONNX ``ConvTranspose`` (opset 22) as onnxruntime 1.32's CPU provider runs it, and as the onnx
spec's own shape inference (``onnx.shape_inference``) sees it: checks on shapes alone in their order,
their exact texts, the plain words, and a reader for pasted messages.

Two stages refuse a node. When the session is created, onnxruntime runs onnx's shape inference
(``convTransposeShapeInference`` in ``onnx/defs/nn/defs.cc``): its ``fail_shape_inference`` texts
refuse the model. Then each run computes the output size per axis (measured against onnxruntime):

* ``output_shape`` given: that size, whatever ``pads`` say; the total crop
  ``L + output_padding - out`` (``L = (i-1)*s + k_eff``, if positive) is split with the odd cell at
  the START for NOTSET / VALID / SAME_LOWER and at the END for SAME_UPPER; bigger sizes are zeros
  at the end. Refused unless the size and the crop map back to ``i`` input cells: sizes up to
  ``(i-1)*s + k_eff + s - 1``, and only with ``output_padding < stride``.
* SAME_UPPER / SAME_LOWER: ``min(i*s, L + output_padding)``, cropped the same way.
* NOTSET: ``L + output_padding - pad_head - pad_tail``, from ``pad_head``; VALID: ``L + output_padding``.

``output_padding`` must be below ``max(stride, dilation)`` and, unless ``output_shape`` is given,
below the stride too (the second check's text blames the stride). The spec's inference disagrees
with the runtime in places (see ``spec_output_shape``): SAME_* there add output_padding, use a
total pad of ``max(k_eff - s, 0)``, and an ``output_shape`` smaller than the input stops inference.
"""
from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Sequence, Tuple

from convt.diagnosis import Diagnosis, Fix, Framework, Geometry, diagnosis, size_list, spatial_names
from convt.errors import ShapeError, refusal
from convt.frameworks._reading import number, read_table, table_rules

FW = Framework.ONNX
TITLE = "ONNX"
MARKER = re.compile(r"ONNXRuntimeError|onnxruntime|ShapeInferenceError|ConvTranspose node|\bonnx\b")
AUTO_PADS = ("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID")


class Axis(NamedTuple):
    size: int
    kernel: int
    k_eff: int
    stride: int
    dilation: int
    output_padding: int
    out: int
    start: int      # canonical window start (cells cropped before the output)


class Plan(NamedTuple):
    out_shape: Tuple[int, ...]    # (N, C_out, *spatial)
    axes: Tuple[Axis, ...]        # one per spatial axis
    group: int


def runtime_message(status: str) -> str:
    """How onnxruntime's Python API prints a refusal while the node runs (``node`` as in its name)."""
    return ("[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Non-zero status code returned while running "
            f"ConvTranspose node. Name:'convt' Status Message: {status}")


def session_message(inference: str) -> str:
    """How onnxruntime prints onnx's shape-inference refusal when the session is created."""
    return f"[ONNXRuntimeError] : 1 : FAIL : Node (convt) Op (ConvTranspose) [ShapeInferenceError] {inference}"


def _shape(dims: Sequence[int]) -> str:
    """onnxruntime's TensorShape::ToString: ``{1,2,3}``."""
    return "{" + ",".join(str(d) for d in dims) + "}"


# ----------------------------------------------------------------------------- spec inference (session creation)
def spec_checks(x_shape, w_shape, auto_pad, dilations, group, kernel_shape, output_padding, output_shape,
                pads, strides) -> Tuple[list, list, list, list, list, Optional[list]]:
    """``convTransposeShapeInference``'s refusals, in its order; returns the values it goes on with:
    (dilations, strides, effective kernel, pads, output_padding, output_shape or None)."""
    if group <= 0:
        _fail("group", f"Attribute group must be > 0 for ConvTranspose. group={group}.")
    if len(x_shape) < 3:
        _fail("rank", f"Input tensor must have at least 3 dimensions (N x C x D1...Dn). Got: {len(x_shape)}")
    if x_shape[1] % group:
        _fail("group", f"Input channels C must be divisible by group for ConvTranspose. C={x_shape[1]} group={group}.")
    if len(w_shape) < 3:
        _fail("rank", f"Weight tensor must have at least 3 dimensions (C x M/group x k1...kn). Got: {len(w_shape)}")
    n = len(x_shape) - 2
    dilations = _repeated(dilations, n, "dilations", lambda v: v <= 0, "must only contain positive values")
    strides = _repeated(strides, n, "strides", lambda v: v <= 0, "must only contain positive values")
    if kernel_shape is not None:
        if len(kernel_shape) != n:
            _fail("attribute", "Attribute kernel_shape has incorrect size")
        kernel = list(kernel_shape)
    else:
        kernel = list(w_shape[2:])
        if len(kernel) != n:
            _fail("rank", "Weight tensor spatial rank does not match input tensor spatial rank")
    if any(k <= 0 for k in kernel):
        _fail("attribute", "Attribute kernel_shape must only contain positive values")
    k_eff = [(k - 1) * d + 1 for k, d in zip(kernel, dilations)]
    if pads is not None:
        if len(pads) != 2 * n:
            _fail("attribute", "Attribute pads has incorrect size")
        if any(p < 0 for p in pads):
            _fail("attribute", "Attribute pads must not contain negative values")
        if auto_pad != "NOTSET":
            _fail("pads_and_auto_pad", "The pads attribute cannot be used simultaneously with auto_pad attribute")
        pads = list(pads)
    else:
        pads = [0] * (2 * n)
        if auto_pad in ("SAME_UPPER", "SAME_LOWER"):
            for a in range(n):
                total = max(k_eff[a] - strides[a], 0)
                small, big = total >> 1, total - (total >> 1)
                pads[a], pads[a + n] = (small, big) if auto_pad == "SAME_UPPER" else (big, small)
    if output_shape is not None:
        if len(output_shape) != n:
            _fail("attribute", "Attribute output_shape has incorrect size")
        if any(v < 0 for v in output_shape):
            _fail("attribute", "Attribute output_shape must not contain negative values")
        output_shape = list(output_shape)
    output_padding = _repeated(output_padding, n, "output_padding", lambda v: v < 0,
                               "must not contain negative values", default=0)
    return dilations, strides, k_eff, pads, output_padding, output_shape


def _repeated(values, n, name, bad, what, default=1) -> list:
    if values is None:
        return [default] * n
    if len(values) != n:
        _fail("attribute", f"Attribute {name} has incorrect size")
    if any(bad(v) for v in values):
        _fail("attribute", f"Attribute {name} {what}")
    return list(values)


def spec_output_shape(x_shape, w_shape, *, auto_pad="NOTSET", dilations=None, group=1, kernel_shape=None,
                      output_padding=None, output_shape=None, pads=None, strides=None) -> List[int]:
    """The shape ``onnx.shape_inference`` gives (shorter when it stops early: an ``output_shape``
    value below the input size), or ShapeError with its text. Sizes may come out negative."""
    dilations, strides, k_eff, pads, output_padding, output_shape = spec_checks(
        x_shape, w_shape, auto_pad, dilations, group, kernel_shape, output_padding, output_shape, pads, strides)
    n = len(x_shape) - 2
    shape = [x_shape[0], w_shape[1] * group]
    if output_shape is not None:
        for a in range(n):
            if output_shape[a] < x_shape[a + 2]:
                return shape
            shape.append(output_shape[a])
        return shape
    return shape + [strides[a] * (x_shape[a + 2] - 1) + output_padding[a] + k_eff[a] - pads[a] - pads[a + n]
                    for a in range(n)]


# ----------------------------------------------------------------------------- onnxruntime (each run)
def plan(x_shape, w_shape, b_shape=None, *, auto_pad="NOTSET", dilations=None, group=1, kernel_shape=None,
         output_padding=None, output_shape=None, pads=None, strides=None) -> Plan:
    """What onnxruntime decides from shapes alone (1-D to 3-D), or the ShapeError it raises first."""
    if auto_pad not in AUTO_PADS:
        _fail("auto_pad", f"Unknown AutoPadType String: {auto_pad}")
    dilations, strides, _, pads, output_padding, output_shape = spec_checks(
        x_shape, w_shape, auto_pad, dilations, group, kernel_shape, output_padding, output_shape, pads, strides)
    if len(x_shape) != len(w_shape) or len(x_shape) not in (3, 4, 5):
        raise ShapeError(f"convt.onnx_style covers 1-D to 3-D ConvTranspose: X and W of 3 to 5 dimensions, got "
                         f"{len(x_shape)} and {len(w_shape)}.")
    nd = len(x_shape) - 2
    c_in = x_shape[1]
    if w_shape[0] != c_in:
        _fail("channels", f"filter number not equal to input channel number. filter_number: {w_shape[0]} "
                          f"num_input_channels: {c_in}")
    if c_in % group:
        _fail("group", f"Input channels is not divisible by group. num_input_channels: {c_in} group: {group}")
    c_out = w_shape[1] * group
    if b_shape is not None and (len(b_shape) != 1 or b_shape[0] != c_out):
        _fail("bias", "Bias shape is not compatible with number of output channels. It should be a 1-D tensor "
                      f"with size num_output_channels(M). Bias: {_shape(b_shape)} num_output_channels: {c_out}")
    if kernel_shape is not None and list(kernel_shape) != list(w_shape[2:]):
        _fail("kernel_shape", f"kernel_shape is not compatible with W shape. kernel_shape: {_shape(kernel_shape)} "
                              f"W: {_shape(w_shape)} channels_last: 0")
    for a in range(nd):
        top = max(strides[a], dilations[a])
        if output_padding[a] >= top:
            _fail("output_padding", f"output_padding[{a}] ({output_padding[a]}) must be less than max(stride, "
                                    f"dilation) ({top}) for spatial dimension {a}.")
    axes = []
    for a in range(nd):     # one axis at a time: its size is checked before the next axis is computed
        axes.append(_axis(a, x_shape[2 + a], w_shape[2 + a], strides[a], dilations[a], output_padding[a],
                          auto_pad, pads[a], pads[a + nd], None if output_shape is None else output_shape[a]))
        if axes[a].out <= 0:
            _fail("too_small", f"Computed output dimension is <= 0 for dim {a}. Input shape: {_shape(x_shape[2:])}")
    return Plan((x_shape[0], c_out) + tuple(axis.out for axis in axes), tuple(axes), group)


def _axis(a, i, k, s, d, op, auto_pad, head, tail, requested) -> Axis:
    k_eff = (k - 1) * d + 1
    full = (i - 1) * s + k_eff + op
    if requested is not None:
        if requested <= 0:
            _fail("output_shape", f"Explicit output size must be positive. Got: {requested}")
        # onnxruntime re-derives the input size from the output and the pads it would crop
        expected = _tdiv(requested + max(0, full - requested) - k_eff, s) + 1
        if expected != i:
            _fail("output_shape", "Explicit output_shape is inconsistent with input spatial dimensions and "
                                  f"convolution parameters. Expected input size {expected} but got {i} "
                                  f"(output_size={requested}, kernel={k}, stride={s}, dilation={d}, "
                                  f"output_padding={op}).")
        return Axis(i, k, k_eff, s, d, op, requested, _head(max(0, full - requested), auto_pad))
    expected = _tdiv((i - 1) * s + op, s) + 1
    if expected != i:
        _fail("output_padding_stride", "Computed output shape is inconsistent with input spatial dimensions. "
                                       f"output_padding ({op}) may be too large for stride ({s}). Expected input "
                                       f"size {expected} but got {i}.")
    if auto_pad in ("SAME_UPPER", "SAME_LOWER"):
        total = max(0, full - i * s)
        return Axis(i, k, k_eff, s, d, op, full - total, _head(total, auto_pad))
    if auto_pad == "VALID":
        head = tail = 0
    return Axis(i, k, k_eff, s, d, op, full - head - tail, head)


def _head(total: int, auto_pad: str) -> int:
    """Cells cropped at the start: the odd one goes first, except for SAME_UPPER."""
    return total // 2 if auto_pad == "SAME_UPPER" else total - total // 2


def _tdiv(a: int, b: int) -> int:
    """C++ integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def output_sizes(i: int, k: int, s: int, d: int = 1, output_padding: int = 0) -> range:
    """The ``output_shape`` values onnxruntime accepts along an axis: 1 .. (i-1)*s + k_eff + s - 1,
    none when output_padding >= stride (allowed below the dilation, but then no size passes)."""
    return range(1, (i - 1) * s + (k - 1) * d + 1 + s) if output_padding < s else range(0)


# ----------------------------------------------------------------------------- plain words
EXPLANATIONS = {
    "output_padding": (
        "output_padding only picks one of the sizes a strided conv maps back to the same input; "
        "onnxruntime needs it below max(stride, dilation).",
        ["use output_padding < stride", "or give output_shape instead"]),
    "output_padding_stride": (
        "onnxruntime re-derives the input size from the output it computed; with output_padding >= "
        "stride that gives one input cell more, so it refuses even when output_padding < dilation "
        "(PyTorch accepts that).",
        ["use output_padding < stride", "or ask for the size with output_shape"]),
    "output_shape": (
        "With output_shape, onnxruntime accepts sizes from 1 to (i-1)*s + k_eff + s - 1: a forward conv "
        "of anything bigger would have more than i cells. Smaller sizes are cropped (pads are ignored).",
        ["ask for at most (i-1)*s + k_eff + s - 1", "or use a larger input / stride"]),
    "too_small": (
        "(i-1)*s + k_eff + output_padding - pad_head - pad_tail is below 1: the pads crop away more "
        "than the transposed conv produces.",
        ["use smaller pads"]),
    "channels": (
        "ConvTranspose's W is [C_in, C_out/group, kH, kW]: its FIRST axis must equal X's channels "
        "(PyTorch's layout, not TF's [kH, kW, C_out, C_in]).",
        ["transpose W so that its first axis is C_in"]),
    "conv_channels": (
        "Conv (the forward conv) has W of shape [C_out, C_in/group, kH, kW]: its SECOND axis times group must "
        "equal X's channels (for ConvTranspose it is the first axis).",
        ["make W.shape[1] * group equal to X's channels"]),
    "conv_too_small": (
        "Conv (the forward conv) refused the input's spatial shape: on some axis the padded input is smaller "
        "than the dilated kernel, (k - 1) * d + 1, so the output would have no cells.",
        ["use a smaller kernel or dilation", "or pads (or auto_pad='SAME_UPPER') so that every axis keeps a cell"]),
    "group": ("X's channels must split into `group` equal groups.", ["use a group that divides C_in"]),
    "bias": ("B must be 1-D with one value per output channel: W.shape[1] * group.",
             ["give B of shape [W.shape[1] * group]"]),
    "kernel_shape": ("kernel_shape, when given, must equal W's spatial shape.",
                     ["drop kernel_shape (it is read from W)"]),
    "pads_and_auto_pad": ("pads only apply with auto_pad=NOTSET; onnx's shape inference refuses both at once, "
                          "so the session is not even created.", ["drop pads, or set auto_pad='NOTSET'"]),
    "attribute": ("onnx's shape inference checks the attributes' lengths and signs when the session is "
                  "created.", ["give one value per spatial axis (two per axis for pads), none negative"]),
    "rank": ("X and W need a batch and a channel axis plus the spatial ones.", []),
    "auto_pad": ("auto_pad is one of NOTSET, SAME_UPPER, SAME_LOWER, VALID.", []),
}


def explanation(kind: str) -> Tuple[str, list]:
    return EXPLANATIONS.get(kind, ("", []))


def _fail(kind: str, message: str):
    raise refusal(message, explanation(kind))


# ----------------------------------------------------------------------------- reading onnxruntime's messages
_READERS = [
    ("output_padding", re.compile(r"output_padding\[(\d+)\] \((\d+)\) must be less than max\(stride, dilation\) "
                                  r"\((\d+)\)"), ("dim", "output_padding", "max_stride_dilation")),
    ("output_shape", re.compile(r"Explicit output_shape is inconsistent with input spatial dimensions and convolution "
                                r"parameters\. Expected input size (-?\d+) but got (\d+) \(output_size=(\d+), "
                                r"kernel=(\d+), stride=(\d+), dilation=(\d+), output_padding=(\d+)\)"),
     ("expected_input", "input", "output_size", "kernel", "stride", "dilation", "output_padding")),
    ("output_padding_stride", re.compile(r"output_padding \((\d+)\) may be too large for stride \((\d+)\)\. "
                                         r"Expected input size (\d+) but got (\d+)"),
     ("output_padding", "stride", "expected_input", "input")),
    ("output_shape", re.compile(r"Explicit output size must be positive\. Got: (-?\d+)"), ("output_size",)),
    ("too_small", re.compile(r"Computed output dimension is <= 0 for dim (\d+)\. Input shape: \{(\d+),(\d+)\}"),
     ("dim", "input_h", "input_w")),
    ("too_small", re.compile(r"Computed output dimension is <= 0 for dim (\d+)\. Input shape: \{[\d,]{0,60}\}"),
     ("dim",)),                                                        # 1-D and 3-D nodes
    ("too_small", re.compile(r"Invalid input shape: \{([\d,]{0,100})\}"), ("input_shape",)),
    ("channels", re.compile(r"Input channels C is not equal to kernel channels \* group\. C: (\d+) "
                                 r"kernel channels: (\d+) group: (\d+)"), ("input_channels", "kernel_channels", "group")),
    ("channels", re.compile(r"filter number not equal to input channel number\. filter_number: (\d+) "
                            r"num_input_channels: (\d+)"), ("filter_number", "input_channels")),
    ("bias", re.compile(r"Bias shape is not compatible with number of output channels.*?Bias: \{([\d,]*)\} "
                        r"num_output_channels: (\d+)"), ("bias_shape", "output_channels")),
    ("kernel_shape", re.compile(r"kernel_shape is not compatible with W shape\. kernel_shape: \{([\d,]*)\} "
                                r"W: \{([\d,]*)\}"), ("kernel_shape", "w_shape")),
    ("group", re.compile(r"Attribute group must be > 0 for ConvTranspose\. group=(-?\d+)"), ("group",)),
    ("rank", re.compile(r"(Input|Weight) tensor (?:must have at least 3 dimensions|spatial rank does not match)"),
     ("tensor",)),
    ("group", re.compile(r"Input channels C must be divisible by group for ConvTranspose\. C=(\d+) group=(\d+)"),
     ("input_channels", "group")),
    ("group", re.compile(r"Input channels is not divisible by group\. num_input_channels: (\d+) group: (\d+)"),
     ("input_channels", "group")),
    ("pads_and_auto_pad", re.compile(r"The pads attribute cannot be used simultaneously with auto_pad attribute"), ()),
    ("attribute", re.compile(r"Attribute (\w+) (has incorrect size|must not contain negative values|must only "
                             r"contain positive values)"), ("attribute", "problem")),
]


def read(message: str) -> Optional[dict]:
    """``{"kind", "facts"}`` for an onnxruntime / onnx ConvTranspose message, else None."""
    return read_table(_READERS, message)


def _diagnose(kind: str, facts: dict) -> Diagnosis:
    """An onnxruntime / onnx message in plain words, with the sizes it would accept when it tells them."""
    if kind == "too_small" and "input_shape" in facts:  # Conv's (the forward conv's) wording
        sizes = [number(v) for v in str(facts.pop("input_shape")).split(",") if v.strip()]
        names = spatial_names(len(sizes)) if 1 <= len(sizes) <= 3 else ()
        facts.update({f"input_{name}": v for name, v in zip(names, sizes)})
        kind_text = "conv_too_small"
    else:
        kind_text = "conv_channels" if kind == "channels" and "kernel_channels" in facts else kind
    text, fixes = explanation(kind_text)
    fixes = [Fix(f) for f in fixes]
    valid, geometry = (None, None), Geometry()
    n, i, k, s, d, op = (facts.get(name) for name in ("output_size", "input", "kernel", "stride", "dilation",
                                                     "output_padding"))
    if kind == "output_shape" and None not in (i, k, s, d, op):
        sizes = list(output_sizes(i, k, s, d, op))
        valid = (sizes, None)     # the message does not name its axis: reported as the first
        text = (f"output_shape asks for {n} cells from an input of {i} (kernel {k}, stride {s}, dilation {d}, "
                f"output_padding {op}); onnxruntime accepts {size_list(sizes)} on that axis. " + text)
        if sizes:
            nearest = min(sizes, key=lambda v: (abs(v - n), v))
            fixes.insert(0, Fix(f"ask for output_shape {nearest} on that axis",
                                Geometry(input=i, kernel=k, stride=s, dilation=d, output=nearest)))
            geometry = Geometry(input=i, kernel=k, stride=s, dilation=d, output=n)
    elif kind == "output_padding" and facts.get("max_stride_dilation"):
        top = facts["max_stride_dilation"]
        text = f"output_padding {facts.get('output_padding')} is not below max(stride, dilation) = {top}. " + text
        fixes.insert(0, Fix(f"use output_padding {top - 1} or less"))
    elif kind == "output_padding_stride" and facts.get("stride"):
        text = f"output_padding {facts.get('output_padding')} with stride {facts['stride']}: " + text
        geometry = Geometry(stride=facts["stride"], input=facts.get("input"))
    return diagnosis(FW, kind, text, {k: v for k, v in facts.items() if isinstance(v, int)}, valid=valid,
                     fixes=fixes, geometry=geometry)


RULES = table_rules(_READERS, _diagnose)
