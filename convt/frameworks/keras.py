"""Keras 3.15's ``Conv2DTranspose``: its constructor's checks, the one output size it asks its
backend for, the exact texts it prints, why in plain words, and the reader that recognises them.

On the TF backend a layer's size failure is TensorFlow's text raised through the layer: Keras's
reader sees it first (``explain`` asks Keras before TF) and tells the Keras pitfall apart.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Dict, List, Optional, Sequence

from convt.arithmetic import effective_kernel
from convt.diagnosis import (AXES, Diagnosis, Framework, Geometry, SizeList, diagnosis, forward_arithmetic, size_list,
                             spatial_names)
from convt.errors import ShapeError
from convt.frameworks import tensorflow
from convt.frameworks._reading import (NUM, Rule, concat_diagnosis, number, numbers, shape_difference, shape_text,
                                      simple, spatial_axis)

FW = Framework.KERAS
TITLE = "Keras"
MARKER = re.compile(r"keras\.|keras/|Keras")
_WRAP = re.compile(r"Conv[123]DTranspose\.call\(\)|keras\.src|keras/src|site-packages/keras")


def output_padding_too_large(dim: int, output_padding: Sequence[int], strides: Sequence[int]) -> str:
    return ("`output_padding` must be strictly less than `strides` for all dimensions. "
            f"At dimension {dim}, `output_padding` is {output_padding[dim]} but `strides` is "
            f"{strides[dim]}. Received: output_padding={tuple(output_padding)}, strides={tuple(strides)}")


def strides_with_dilation(strides: Sequence[int], dilation_rate: Sequence[int]) -> str:
    return ("`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides={tuple(strides)} and dilation_rate={tuple(dilation_rate)}")


def output_size(i: int, kernel: int, stride: int, dilation: int, padding: str,
                output_padding: Optional[int]) -> int:
    """The one size ``Conv2DTranspose`` asks for (``_get_output_shape_given_tf_padding``)."""
    k_eff = effective_kernel(kernel, dilation)
    if padding.lower() == "valid":
        extra = max(k_eff, stride) - k_eff if output_padding is None else output_padding
        return (i - 1) * stride + k_eff + extra
    if output_padding is None:
        return i * stride
    return (i - 1) * stride + k_eff % 2 + output_padding


def bad_padding(padding: str) -> str:
    """``standardize_padding``: the set is printed as Python prints it (``PYTHONHASHSEED``-dependent
    order; this is the order the fixtures pin)."""
    return f"The `padding` argument must be a list/tuple or one of {{'same', 'valid'}}. Received: {padding}"


def check_layer(stride: int, dilation: int, output_padding: Optional[int], nd: int = 2,
                padding: str = "same") -> None:
    """``ConvNDTranspose``'s constructor checks in Keras's order (``BaseConvTranspose.__init__``:
    padding, output_padding, then strides with dilation), one value for every spatial axis."""
    if isinstance(padding, str) and padding.lower() not in ("same", "valid"):
        raise ShapeError(bad_padding(padding.lower()),
                         f"Conv{nd}DTranspose takes padding 'same' or 'valid' (no 'causal': crop the "
                         "output yourself for a causal layer).")
    strides = (stride,) * nd
    if output_padding is not None and output_padding >= stride:
        raise ShapeError(output_padding_too_large(0, (output_padding,) * nd, strides),
                         "output_padding only picks one of the stride's sizes; it must be below the stride.")
    if stride > 1 and dilation > 1:
        raise ShapeError(strides_with_dilation(strides, (dilation,) * nd),
                         "Keras cannot combine strides > 1 with dilation_rate > 1.")


# ---------------------------------------------------------------------------------------------
# Reading Keras's messages back
# ---------------------------------------------------------------------------------------------

_KERAS_OP_OLD = re.compile(r"Stride \(([0-9, ]{1,5000})\) must be greater than output padding \(([0-9, ]{1,5000})\)")
_KERAS_OP_27 = re.compile(r"Strides must be greater than output padding\.?\s{0,4}Received:? "
                          r"strides=\(([0-9, ]{1,5000})\),\s{0,4}output_padding=\(([0-9, ]{1,5000})\)")
_KERAS_OP_3 = re.compile(r"`output_padding` must be strictly less than `strides` for all dimensions\.?"
                         r"(?:\s{0,4}At dimension " + NUM + r", `output_padding` is " + NUM
                         + r" but `strides` is " + NUM + r"\.?)?(?:\s{0,4}Received: output_padding=\(("
                         r"[0-9, ]{1,5000})\),\s{0,4}strides=\(([0-9, ]{1,5000})\))?")
_KERAS_OP_DUP = re.compile(r"Invalid `output_padding` argument\.")
_KERAS_CLAMP = re.compile(r"Torch backend requires output_padding < stride")


def _keras_op(strides: List[Optional[int]], ops: List[Optional[int]], dim: Optional[int] = None,
              version: str = "") -> Diagnosis:
    facts: Dict[str, Optional[int]] = {}
    for j, name in enumerate(AXES):
        if j < len(strides):
            facts[f"stride_{name}"] = strides[j]
        if j < len(ops):
            facts[f"output_padding_{name}"] = ops[j]
    if dim is not None:
        facts["dimension"] = dim
    text_ = ("Keras: output_padding must be strictly less than strides in every dimension. For an "
             "input of i, a transposed conv with stride s can produce s different output sizes; "
             "output_padding (0 .. s-1) picks one of them, so it cannot reach s." + version)
    fixes = []
    if strides and ops and None not in strides and None not in ops and len(strides) == len(ops):
        ok = tuple(min(o, max(s - 1, 0)) for o, s in zip(ops, strides))
        fixes.append(f"use output_padding={ok} (each value below its stride)")
    fixes += ["or output_padding=None: Keras then picks the size itself (SAME: i*s)",
              "or a larger stride"]
    s0 = strides[0] if strides else None
    return diagnosis(FW, "keras_output_padding", text_, facts, fixes=fixes, geometry=Geometry(stride=s0))


def _keras_op_old(m, text):
    return _keras_op(numbers(m.group(1)), numbers(m.group(2)), version=" (Keras <= 2.6 wording.)")


def _keras_op_27(m, text):
    return _keras_op(numbers(m.group(1)), numbers(m.group(2)), version=" (Keras 2.7+ / tf-keras wording.)")


def _keras_op_3(m, text):
    if m.group(4) is not None:
        return _keras_op(numbers(m.group(5)), numbers(m.group(4)), number(m.group(1)))
    if m.group(1) is not None:
        dim, op, s = number(m.group(1)), number(m.group(2)), number(m.group(3))
        d = _keras_op([], [], dim)
        return diagnosis(FW, "keras_output_padding", d.text,
                         dict(d.facts, output_padding=op, stride=s), fixes=d.fixes, geometry=Geometry(stride=s))
    return _keras_op([], [])


_KERAS_AXIS = re.compile(r"expected axis " + NUM + r" of input shape to have value " + NUM
                         + r",? but received input with shape \(([^()]{0,5000})\)")


def _keras_axis(m: re.Match, text: str) -> Diagnosis:
    axis, want, shape = number(m.group(1)), number(m.group(2)), numbers(m.group(3))
    got = None
    if axis is not None and shape and -len(shape) <= axis < len(shape):
        got = shape[axis]
    layer = re.search(r"of layer '([^'\n]{0,120})'", text)
    facts = {"axis": axis, "expected_channels": want, "input_channels": got}
    text_ = (f"Keras: the layer{' ' + repr(layer.group(1)) if layer else ''} was built for inputs "
             f"with {want} channels (axis {axis}) and now received {shape_text(shape)}"
             f"{f', with {got}' if got is not None else ''}. A layer's kernel is created on the first "
             f"call, so every later input must have the same channel count.")
    fixes = [f"give the layer inputs with {want} channels",
             "or use a new layer for the new channel count (Conv2DTranspose kernel is "
             "(kh, kw, filters, input_channels))"]
    return diagnosis(FW, "keras_channels", text_, facts, fixes=fixes)


_KERAS_OPS_CH = re.compile(r"The number of input channels must match the kernel's input channels\.?"
                           r"(?:\s{0,4}Received: input channels=" + NUM
                           + r",\s{0,4}kernel input channels=" + NUM + ")?")


def _keras_ops_channels(m, text):
    a, b = number(m.group(1)), number(m.group(2))
    return diagnosis(FW, "keras_channels",
                     f"Keras (keras.ops.conv_transpose): the input has {a} channels but the kernel "
                     f"expects {b} (its last axis).", {"input_channels": a, "kernel_in_channels": b},
                     fixes=["make the kernel's last axis equal to the input's channels"])


def _same_even_kernel_pitfall(facts, head: str, fits: List[str], axis_index: Optional[int],
                              geometry: Geometry, dims: int = 2) -> Optional[Diagnosis]:
    """Keras 3 + TF, padding='same', even kernel, output_padding=0: Keras asks for (i-1)*s."""
    i, n, k, s, d = (facts[name] for name in ("actual", "input", "filter", "stride", "dilation"))
    if "SAME" not in fits or n != output_size(i, k, s, d, "same", 0) or effective_kernel(k, d) % 2:
        return None
    sizes = tensorflow.listable_sizes(i, k, s, d, "SAME")
    valid: List[SizeList] = [None] * dims
    if sizes is not None and axis_index is not None:
        valid[axis_index] = list(sizes)
    text = (head + f" This is a known Keras pitfall: with padding='same', an even kernel ({k}) and "
            f"output_padding=0, Keras asks TF for (i-1)*stride + kernel%2 + output_padding = "
            f"{i - 1}*{s} + 0 + 0 = {n}, but a forward SAME conv maps {n} to "
            f"{forward_arithmetic(n, k, s, d, 'SAME')}, not {i}: TF SAME accepts only "
            f"{size_list(sizes) if sizes is not None else f'{(i - 1) * s + 1} to {i * s}'} for an "
            f"input of {i}. (With VALID Keras never asks for a size TF refuses, so the padding was "
            f"'same'. The torch backend crops instead and returns {n}.)")
    fixes = [f"output_padding=1 (Keras then asks for {(i - 1) * s + 1})",
             f"or output_padding=None (Keras asks for i*stride = {i * s})",
             "or an odd kernel size"]
    return diagnosis(FW, "tf_size_mismatch", text, facts, "SAME", tuple(valid), fixes,
                     replace(geometry, padding="SAME"))


THROUGH_KERAS = tensorflow.Caller(FW, " (called by a Keras Conv2DTranspose layer)",
                                  "in Keras, output_padding=None lets the layer pick a size TF accepts",
                                  _same_even_kernel_pitfall)


def _tf_size_through_keras(m: re.Match, text: str) -> Optional[Diagnosis]:
    """TF's size text raised through a Keras layer; other TF texts are left to TF's reader."""
    if not _WRAP.search(text):
        return None
    return tensorflow.read_size_mismatch(m, text, THROUGH_KERAS)


_KERAS_CONCAT = re.compile(r"A `Concatenate` layer requires inputs with matching shapes except for the "
                           r"concatenation axis\.?(?:\s{0,4}Received:?\s{0,4}input_shape=\[\(([^()]{0,200})\),"
                           r"\s{0,4}\(([^()]{0,200})\))?")
_KERAS_OP_LT = re.compile(r"`output_padding` must be < `strides`")


def _keras_concat(m, text):
    """Keras names no axis: the first axis other than the last (its default concat axis) that differs."""
    if m.group(1) is None:
        return concat_diagnosis(FW, "Keras (Concatenate)", None, None)
    first, second = numbers(m.group(1)), numbers(m.group(2))
    dim, a, b = shape_difference(first, second, -1)
    return concat_diagnosis(FW, "Keras (Concatenate)", a, b, spatial_axis(dim, len(first), False),
                            {"dimension": dim})


def _tf_depth_through_keras(m: re.Match, text: str) -> Optional[Diagnosis]:
    """keras.ops.conv on the TF backend: TF's graph-mode channel text, raised through Keras."""
    if not _WRAP.search(text):
        return None
    return tensorflow.forward_channels(FW, number(m.group(1)), number(m.group(2)), " (keras.ops.conv)")


_KERAS_TOO_SMALL = re.compile(r"Computed output size would be zero or negative\.?(?:\s{0,4}Received:? `?inputs shape="
                              r"\(([^()]{0,200})\)`?,\s{0,4}`?kernel shape=\(([^()]{0,200})\)`?,\s{0,4}"
                              r"`?dilation_rate=\[([0-9 ,]{0,100})\]`?,\s{0,4}`?strides=\(([^()]{0,100})\)`?,\s{0,4}"
                              r"`?padding=(\w{1,10}))?")


def _keras_too_small(m: re.Match, text: str) -> Diagnosis:
    """Keras 3's forward Conv1D/2D/3D (``compute_conv_output_shape``): an input smaller than the
    dilated kernel with padding='valid' (channels last; the kernel is (*spatial, in, out))."""
    facts: Dict[str, Optional[int]] = {}
    padding = None
    where = ""
    valid: tuple = (None, None)
    if m.group(1) is not None:
        inputs, kernel = numbers(m.group(1)), numbers(m.group(2))
        dilations = [number(v) for v in re.findall(r"-?[0-9]{1,9}", m.group(3))]
        nd = len(kernel) - 2
        spatial = inputs[1:1 + nd] if len(inputs) == nd + 2 else []
        if 1 <= nd <= 3 and len(spatial) == nd:
            names = spatial_names(nd)
            if len(dilations) == 1:
                dilations = dilations * nd
            small = []
            for j, name in enumerate(names):
                facts[f"input_{name}"], facts[f"kernel_{name}"] = spatial[j], kernel[j]
                d = dilations[j] if j < len(dilations) else None
                k_eff = effective_kernel(kernel[j], d) if None not in (kernel[j], d) and d >= 1 else None
                if k_eff is not None and spatial[j] is not None and spatial[j] < k_eff:
                    small.append(f"{name} {spatial[j]} < {k_eff}")
            if small:
                where = f" ({', '.join(small)})"
            valid = (None,) * nd
        padding = {"valid": "VALID", "same": "SAME"}.get(m.group(5).lower())
    text_ = ("Keras: with padding='valid' a forward conv needs every input size to be at least the dilated "
             f"kernel, (kernel - 1) * dilation + 1; this input is smaller on some axis{where}, so the output "
             "would have no cells.")
    fixes = ["use padding='same'", "or a smaller kernel", "or fewer downsampling layers before this one"]
    return diagnosis(FW, "keras_output_too_small", text_, facts, padding, valid, fixes=fixes)


RULES = [
    Rule("tf_size_mismatch", tensorflow.SIZE_MISMATCH, _tf_size_through_keras),
    Rule("keras_output_too_small", _KERAS_TOO_SMALL, _keras_too_small),
    Rule("keras_channels", tensorflow.DEPTH_OF_INPUT, _tf_depth_through_keras),
    Rule("concat", _KERAS_CONCAT, _keras_concat),
    Rule("keras_output_padding", _KERAS_OP_LT, lambda m, t: _keras_op(
        [], [], version=" (An older Keras 3 wording, as users quote it; Keras 3.15 prints \"must be strictly less "
                        "than `strides`\" with the numbers.)")),
    Rule("keras_output_padding", _KERAS_OP_3, _keras_op_3),
    Rule("keras_output_padding", _KERAS_OP_27, _keras_op_27),
    Rule("keras_output_padding", _KERAS_OP_OLD, _keras_op_old),
    Rule("keras_output_padding", _KERAS_OP_DUP, lambda m, t: _keras_op([], [])),
    Rule("keras_output_padding", _KERAS_CLAMP, lambda m, t: _keras_op(
        [], [], version=" (Keras 3's torch backend clamped it with a warning instead of failing.)")),
    Rule("keras_channels", _KERAS_AXIS, _keras_axis),
    Rule("keras_channels", _KERAS_OPS_CH, _keras_ops_channels),
    simple(FW, "keras_stride_dilation", r"`strides > 1` not supported in conjunction with `dilation_rate > 1`",
           "Keras: Conv2DTranspose cannot combine strides > 1 with "
           "dilation_rate > 1.", ["use strides=1 with dilation, or dilation_rate=1 with strides"]),
    simple(FW, "keras_zero_argument", r"The argument `(?:kernel_size|strides)` cannot contains? 0",
           "Keras: kernel_size and strides must be >= 1.",
           ["use values >= 1"]),
    simple(FW, "keras_padding", r"The `padding` argument must be a list/tuple or one of",
           "Keras: the transposed conv layers (Conv1DTranspose, Conv2DTranspose, Conv3DTranspose) take "
           "padding 'same' or 'valid' only; 'causal' is for the forward Conv1D. For a causal "
           "transposed conv, use 'valid' and crop the extra (kernel - stride) samples at the end.",
           ["padding='same' or padding='valid'"]),
]
