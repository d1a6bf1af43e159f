"""The shape explorer's brain: one configuration in, every verdict, message and fix out.

A :class:`Config` is what the shape explorer page shows: the transposed conv's input size, kernel,
stride, padding, dilation, batch and channels, the framework, and that framework's own way of asking
for the output size (TF ``output_shape``, Keras ``output_padding``, PyTorch ``output_size`` or
``output_padding``). :func:`analyse` turns it into an :class:`Analysis`:

* per spatial dimension, the candidate output sizes with a verdict each and the forward arithmetic
  that decides it (``ceil(97 / 3) = 33 ≠ 25``) — the data of the number line;
* one :class:`Row` per framework and stage (TF1 graph build, TF1 run, TF2, TF2 + oneDNN, Keras,
  PyTorch) with the exact text that framework prints, from the checks of :mod:`convt.frameworks`
  (asked on this configuration's shapes: the check order exists once);
* the explanation in plain words and one-click :class:`Fix` es whose ``changes`` are
  :class:`Config` fields.

Each :class:`Config` field is also one of the page's query parameters (:class:`ExplorerPage`); ``?in=25&k=3&s=3&pad=SAME&out=97`` is
the seed's failure. No Streamlit here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from convt import diagnosis
from convt.arithmetic import Padding, effective_kernel, windowed_output
from convt.diagnosis import forward_arithmetic, size_list
from convt.errors import ShapeError
from convt.frameworks import jax, keras, onnx, tensorflow, torch
from lab.predict import Question
from lab.url_state import from_values, to_values, url_field

# Size caps (the page says so when a value is refused).
MAX_INPUT = 512
MAX_KERNEL = 15
MAX_STRIDE = 8
MAX_DILATION = 8
MAX_CHANNELS = 64
MAX_BATCH = 64
MAX_PAD = 32
MAX_OUTPUT = 5000
MAX_OUTPUT_PADDING = 15

FRAMEWORKS = ("tf", "keras", "torch", "jax", "onnx")
DIMS = (1, 2, 3)
SPATIAL_FIELDS = {1: ("in_h",), 2: ("in_h", "in_w"), 3: ("in_d", "in_h", "in_w")}   # a fix's field per axis
OUTPUT_FIELDS = {1: ("out_h",), 2: ("out_h", "out_w"), 3: ("out_d", "out_h", "out_w")}
FIRST_THREE = FRAMEWORKS[:3]   # what design mode and the chain answer for by default, as before JAX and ONNX
FRAMEWORK_NAMES = {"tf": "TensorFlow", "keras": "Keras", "torch": "PyTorch", "jax": "JAX", "onnx": "ONNX"}
PADDINGS = ("SAME", "VALID", "EXPLICIT")
TORCH_REQUESTS = ("size", "padding")

JAX_ROW, ONNX_ROW, ONNX_SPEC_ROW = "JAX (lax.conv_transpose)", "ONNX Runtime (CPU)", "ONNX shape inference (spec)"   # row names
_FLOAT = np.dtype(np.float32)   # the explorer's calls: float32, the frameworks' default
URL_ALWAYS = ("in", "k", "s", "pad", "out")  # always in the link, so it reads like the seed URL
SEED_PARAMS = {"in": 25, "k": 3, "s": 3, "pad": "SAME", "out": 97}
CAPS_TEXT = (f"Sizes are capped so every view stays fast: input ≤ {MAX_INPUT}, kernel ≤ {MAX_KERNEL}, "
             f"stride ≤ {MAX_STRIDE}, dilation ≤ {MAX_DILATION}, channels ≤ {MAX_CHANNELS}, "
             f"batch ≤ {MAX_BATCH}, requested output ≤ {MAX_OUTPUT}.")

@dataclass(frozen=True)
class Config:
    """One shape-explorer configuration; each field is also a URL parameter of the page."""

    in_h: int = url_field("in", 25, "input height", min=1, max=MAX_INPUT)
    in_w: int = url_field("inw", 0, "input width (0 = same as the height)", min=0, max=MAX_INPUT)
    kernel: int = url_field("k", 3, "kernel size", min=1, max=MAX_KERNEL)
    stride: int = url_field("s", 3, "stride", min=1, max=MAX_STRIDE)
    padding: str = url_field("pad", "SAME", "padding", choices=PADDINGS)
    pad_before: int = url_field("pb", 0, "explicit padding before (top / left)", min=0, max=MAX_PAD)
    pad_after: int = url_field("pa", 0, "explicit padding after (bottom / right)", min=0, max=MAX_PAD)
    dilation: int = url_field("d", 1, "dilation", min=1, max=MAX_DILATION)
    framework: str = url_field("fw", "tf", "framework", choices=FRAMEWORKS)
    out_h: int = url_field("out", 97, "requested output height", min=1, max=MAX_OUTPUT)
    out_w: int = url_field("outw", 0, "requested output width (0 = same as the height)", min=0, max=MAX_OUTPUT)
    output_padding: Optional[int] = url_field("op", None, "output_padding", kind=int, min=0,
                                              max=MAX_OUTPUT_PADDING, nullable=True)
    torch_request: str = url_field("req", "size", "PyTorch request (size or padding)", choices=TORCH_REQUESTS)
    jax_consistent: bool = url_field("jcp", False, "JAX use_consistent_padding switch")
    onnx_lower: bool = url_field("lower", False, "ONNX SAME_LOWER switch")
    dynamic: bool = url_field("dyn", False, "dynamic output_shape switch")
    batch: int = url_field("b", 3, "input batch", min=1, max=MAX_BATCH)
    out_batch: int = url_field("ob", 3, "output_shape batch", min=1, max=MAX_BATCH)
    channels: int = url_field("c", 20, "input channels", min=1, max=MAX_CHANNELS)
    filter_in: int = url_field("fi", 20, "filter in_channels (filter[3])", min=1, max=MAX_CHANNELS)
    filter_out: int = url_field("fo", 10, "filter out_channels (filter[2])", min=1, max=MAX_CHANNELS)
    out_channels: int = url_field("oc", 10, "output_shape channels", min=1, max=MAX_CHANNELS)
    nd: int = url_field("nd", 2, "dimensions (1, 2 or 3)", choices=DIMS)
    in_d: int = url_field("ind", 0, "input depth (3-D; 0 = same as the height)", min=0, max=MAX_INPUT)
    out_d: int = url_field("outd", 0, "requested output depth (3-D; 0 = same as the height)", min=0,
                           max=MAX_OUTPUT)

    def with_changes(self, changes: Dict[str, object]) -> "Config":
        """This configuration with some URL keys changed (a fix's ``changes``)."""
        return from_values(Config, {**to_values(self), **changes})

    # derived
    @property
    def width(self) -> int:
        return self.in_w or self.in_h

    @property
    def square(self) -> bool:
        return self.width == self.in_h

    @property
    def inputs(self) -> Tuple[int, ...]:
        """Input sizes per spatial axis: (length,), (height, width) or (depth, height, width)."""
        return {1: (self.in_h,), 2: (self.in_h, self.width),
                3: (self.in_d or self.in_h, self.in_h, self.width)}[self.nd]

    @property
    def requested_tf(self) -> Tuple[int, ...]:
        out_w = self.out_w or self.out_h
        return {1: (self.out_h,), 2: (self.out_h, out_w), 3: (self.out_d or self.out_h, self.out_h, out_w)}[self.nd]

    @property
    def axes(self) -> Tuple[str, ...]:
        return diagnosis.spatial_names(self.nd)

    @property
    def tf_padding(self) -> Padding:
        if self.padding == "EXPLICIT":
            return (self.pad_before, self.pad_after)
        return self.padding

    @property
    def k_eff(self) -> int:
        return effective_kernel(self.kernel, self.dilation)

    @property
    def keras_padding(self) -> Optional[str]:
        return {"SAME": "same", "VALID": "valid"}.get(self.padding)

    @property
    def torch_padding(self) -> int:
        """PyTorch's symmetric ``padding``: VALID is 0, explicit is its ``before`` value, SAME the
        ``(k_eff - 1) // 2`` that matches TF SAME when ``k_eff`` is odd."""
        if self.padding == "VALID":
            return 0
        if self.padding == "EXPLICIT":
            return self.pad_before
        return (self.k_eff - 1) // 2

    @property
    def torch_op(self) -> int:
        return self.output_padding or 0

    @property
    def by_size(self) -> bool:
        """The output size is asked for directly (TF output_shape, PyTorch output_size, ONNX output_shape)."""
        return self.framework == "tf" or (self.framework in ("torch", "onnx") and self.torch_request == "size")


# ---------------------------------------------------------------------------------------------
# number line

@dataclass(frozen=True)
class Fix:
    """A one-click fix: ``changes`` are the :class:`Config` fields it sets (``ui.links`` spells
    them as URL keys)."""

    text: str
    changes: Dict[str, object]

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Candidate:
    size: int
    accepted: bool
    arithmetic: str
    requested: bool = False
    how: str = ""  # e.g. "output_padding=1"


@dataclass(frozen=True)
class DimAnalysis:
    axis: str  # "height" / "width"
    spatial_dim: int  # TF's NHWC axis: 1 / 2
    input: int
    requested: Optional[int]
    valid: List[int]
    candidates: List[Candidate]
    ok: bool
    arithmetic: str  # the arithmetic for the requested size


@dataclass(frozen=True)
class Row:
    framework: str  # "TensorFlow 1.x", ...
    call: str  # how the size is asked for in that framework
    stage: str  # when it fails ("—" when it does not)
    message: Optional[str]  # the exact text, or None when the call works
    outcome: str  # short result: "error" text type or "works: output 75 × 75"
    applies: bool = True  # False: shown for comparison, not the user's case
    note: str = ""  # a word on the call in plain language ("a Python list: static"); the call is code

    @property
    def works(self) -> bool:
        """The call runs (a row with no message may still be a refusal: Keras cannot ask for a size)."""
        return self.message is None and self.outcome.startswith(WORKS)


@dataclass
class Analysis:
    config: Config
    dims: List[DimAnalysis]
    requested: Optional[Tuple[int, int]]
    ok: bool
    headline: str
    problems: List[str]  # plain-words reasons, one per problem
    rows: List[Row]
    fixes: List[Fix]
    timing: str  # static vs dynamic: when TF fails
    notes: List[str] = field(default_factory=list)
    primary_message: Optional[str] = None
    per_axis: List[str] = field(default_factory=list)   # every axis's arithmetic, even when dims collapse


def _tf_arith(n: int, i: int, cfg: Config) -> str:
    got = windowed_output(n, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding).size
    text = forward_arithmetic(n, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding)
    return f"{text} ✓" if got == i else f"{text} ≠ {i}"


def _torch_arith(n: int, i: int, cfg: Config) -> str:
    p = cfg.torch_padding
    got = torch.conv_output_size(n, cfg.kernel, cfg.stride, p, cfg.dilation)
    text = f"floor(({n} + 2·{p} − {cfg.k_eff}) / {cfg.stride}) + 1 = {got}"
    return f"{text} ✓" if got == i else f"{text} ≠ {i}"


def _neighbourhood(valid: Sequence[int], extra: Sequence[int], margin: int = 2) -> List[int]:
    sizes = set(v for v in extra if v is not None and v >= 1)
    if valid:
        lo, hi = min(valid), max(valid)
        sizes.update(range(max(1, lo - margin), hi + margin + 1))
    return sorted(sizes)


def keras_sizes(i: int, cfg: Config) -> List[Tuple[Optional[int], int]]:
    """(output_padding, size) pairs Keras can be asked for: ``None`` and ``0 .. stride-1``."""
    pad = cfg.keras_padding or "valid"
    ops: List[Optional[int]] = [None] + list(range(cfg.stride))
    return [(op, keras.output_size(i, cfg.kernel, cfg.stride, cfg.dilation, pad, op)) for op in ops]


def torch_valid_sizes(i: int, cfg: Config) -> List[int]:
    """Sizes PyTorch gives: ``output_size`` range, or every legal ``output_padding``."""
    p = cfg.torch_padding
    if cfg.torch_request == "size" or cfg.framework not in ("torch", "onnx"):
        lo, hi = torch.output_size_range(i, cfg.kernel, cfg.stride, p, cfg.dilation)
    else:
        lo = torch.output_size(i, cfg.kernel, cfg.stride, p, 0, cfg.dilation)
        hi = lo + torch.max_output_padding(cfg.stride, cfg.dilation)
    return [v for v in range(lo, hi + 1) if v >= 1]


def requested_sizes(cfg: Config) -> Optional[Tuple[int, int]]:
    """The output size the primary framework is asked for (per dimension)."""
    if cfg.by_size or (cfg.nd != 2 and cfg.framework in ("jax", "onnx")):
        return cfg.requested_tf
    if cfg.framework == "jax":
        return jax_sizes(cfg)
    if cfg.framework == "onnx":
        try:
            return onnx_plan(cfg, None).out_shape[2:]
        except ShapeError:
            return None
    if cfg.framework == "keras":
        if cfg.keras_padding is None:
            return None
        return tuple(keras.output_size(i, cfg.kernel, cfg.stride, cfg.dilation, cfg.keras_padding,
                                       cfg.output_padding) for i in cfg.inputs)
    return tuple(torch.output_size(i, cfg.kernel, cfg.stride, cfg.torch_padding, cfg.torch_op,
                                   cfg.dilation) for i in cfg.inputs)


def dim_analysis(cfg: Config, axis: int, requested: Optional[int]) -> DimAnalysis:
    i = cfg.inputs[axis]
    name = cfg.axes[axis]
    tf_valid = list(tensorflow.valid_output_sizes(i, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding))
    if cfg.framework == "onnx":
        valid, cands = _onnx_candidates(i, axis, cfg, requested)
        arith = _onnx_arith(requested, i, cfg) if requested else ""
    elif cfg.framework == "torch":
        valid = torch_valid_sizes(i, cfg)
        cands = [Candidate(n, n in valid, _torch_arith(n, i, cfg), n == requested,
                           _torch_how(n, i, cfg))
                 for n in _neighbourhood(valid, [requested])]
        arith = _torch_arith(requested, i, cfg) if requested else ""
    elif cfg.framework == "keras":
        produced = {}
        for op, n in keras_sizes(i, cfg):
            produced.setdefault(n, []).append("None" if op is None else str(op))
        valid = sorted(n for n in produced if n in tf_valid)
        cands = []
        for n in _neighbourhood(tf_valid, list(produced) + [requested]):
            how = f"output_padding={' or '.join(produced[n])}" if n in produced else "no output_padding gives it"
            cands.append(Candidate(n, n in valid, _tf_arith(n, i, cfg), n == requested, how))
        arith = _tf_arith(requested, i, cfg) if requested else ""
    else:   # TF; and JAX, which checks nothing: its size is judged by the forward conv it should invert
        valid = tf_valid
        how = {requested: "JAX gives this"} if cfg.framework == "jax" else {}
        cands = [Candidate(n, n in valid, _tf_arith(n, i, cfg), n == requested, how.get(n, ""))
                 for n in _neighbourhood(valid, [requested])]
        arith = _tf_arith(requested, i, cfg) if requested else ""
    ok = requested is not None and requested in valid
    return DimAnalysis(name, axis + 1, i, requested, valid, cands, ok, arith)


def _torch_how(n: int, i: int, cfg: Config) -> str:
    low = torch.output_size(i, cfg.kernel, cfg.stride, cfg.torch_padding, 0, cfg.dilation)
    op = n - low
    if 0 <= op < max(cfg.stride, cfg.dilation):
        return f"output_padding={op}"
    return ""


# ---------------------------------------------------------------------------------------------
# what each framework prints

def tf_error(cfg: Config, sizes: Tuple[int, ...], label: str = tensorflow.CPU_LABEL,
             verbose: bool = True, cpu: bool = True) -> Optional[str]:
    """The text TF's ``Conv2DBackpropInput`` kernel fails with for output size ``sizes``, or None
    (1-D / 3-D: ``tf.nn.conv1d_transpose`` / ``conv3d_transpose``'s checks, CPU kernel).

    ``cpu``: the classic CPU kernel, which refuses dilations > 1 and grouped convolutions.
    """
    try:
        if cfg.nd != 2:
            tf_nd_plan(cfg, sizes)
        else:
            tensorflow.backprop_input_check(*_tf_shapes(cfg, sizes), label=label, verbose=verbose,
                                            refuse_dilation=cpu, refuse_groups=cpu)
    except ShapeError as err:
        return err.framework_message
    return None


def tf_nd_call(cfg: Config, sizes: Sequence[int]) -> Tuple[str, tuple]:
    """``tf.nn.conv1d_transpose`` / ``conv3d_transpose``'s name and arguments for this configuration
    (channels last; filters ``[*k, out, in]``; explicit padding as the list these ops refuse)."""
    nd = cfg.nd
    padding = (cfg.padding if cfg.padding != "EXPLICIT"
               else [[0, 0]] + [[cfg.pad_before, cfg.pad_after]] * nd + [[0, 0]])
    args = ((cfg.batch, *cfg.inputs, cfg.channels), (cfg.kernel,) * nd + (cfg.filter_out, cfg.filter_in),
            [cfg.out_batch, *sizes, cfg.out_channels], cfg.stride, padding, cfg.dilation)
    return f"tf.nn.conv{nd}d_transpose", args


def tf_nd_plan(cfg: Config, sizes: Sequence[int]):
    """The 1-D / 3-D TF call's checks as TF's CPU kernel runs them (raises ``ShapeError``)."""
    _, (x, w, out, s, padding, d) = tf_nd_call(cfg, sizes)
    plan = tensorflow.conv1d_transpose_plan if cfg.nd == 1 else tensorflow.conv3d_transpose_plan
    return plan(x, _FLOAT, w, _FLOAT, out, s, padding, None, d, cpu=True)


def tf_exception(message: str) -> str:
    """The Python exception TF raises with ``message``: its wrappers' argument checks are TypeError
    / ValueError, everything the op refuses is InvalidArgumentError."""
    if message.startswith("Expected string for argument"):
        return "TypeError"
    if message.startswith(("`data_format`", "stride should be", "dilations should be")):
        return "ValueError"
    return "InvalidArgumentError"


def _tf_shapes(cfg: Config, sizes: Tuple[int, int]):
    """The configuration as ``conv2d_transpose``'s shapes and arguments (NHWC, filter [h, w, out, in])."""
    return ((cfg.batch, cfg.in_h, cfg.width, cfg.channels),
            (cfg.kernel, cfg.kernel, cfg.filter_out, cfg.filter_in),
            (cfg.out_batch, sizes[0], sizes[1], cfg.out_channels),
            (cfg.stride, cfg.stride), (cfg.dilation, cfg.dilation), (cfg.tf_padding, cfg.tf_padding))


def _computed(cfg: Config, sizes: Tuple[int, int]) -> Tuple[int, int]:
    return tuple(windowed_output(n, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding).size
                 for n in sizes)


def _spatial_mismatch(cfg: Config, sizes: Tuple[int, int]) -> bool:
    return _computed(cfg, sizes) != cfg.inputs


def _channels_ok(cfg: Config) -> bool:
    return (cfg.out_batch == cfg.batch and cfg.out_channels == cfg.filter_out
            and cfg.channels == cfg.filter_in)


def tf_rows(cfg: Config, sizes: Tuple[int, ...], applies: bool = True) -> List[Row]:
    call = f"output_shape=[{cfg.out_batch}, {', '.join(map(str, sizes))}, {cfg.out_channels}]"
    if cfg.nd != 2:   # one row: the library models TF 1.x and oneDNN for conv2d_transpose only
        full = tf_error(cfg, sizes)
        kind = tf_exception(full) if full else ""
        return [Row("TensorFlow 2.x", f"{tf_nd_call(cfg, sizes)[0]}(..., {call})",
                    "when the op runs (eager: at the call; tf.function: at execution)" if full else "—",
                    f"{kind}: {full}" if full else None, kind or _gives(sizes), applies)]
    rows: List[Row] = []
    spatial = _spatial_mismatch(cfg, sizes)
    computed = _computed(cfg, sizes)
    x_shape = (cfg.batch, cfg.in_h, cfg.width, cfg.channels)
    grad_shape = (cfg.batch, computed[0], computed[1], cfg.channels)
    # TF 1.x, static shapes: the gradient's shape cannot be set on x (graph build).
    if spatial and _channels_ok(cfg) and min(computed) >= 0:
        rows.append(Row("TensorFlow 1.x", call,
                        "graph build — while building the gradients (optimizer.minimize)",
                        "ValueError: " + tensorflow.tf1_shapes_not_compatible(grad_shape, x_shape),
                        "ValueError", applies and not cfg.dynamic, note="a Python list: static"))
    short = tf_error(cfg, sizes, label=tensorflow.GPU_LABEL, verbose=False, cpu=False)
    rows.append(Row("TensorFlow 1.x", "output_shape=tf.shape(...)",
                    "Session.run — only when the graph runs" if short else "—",
                    ("InvalidArgumentError: " + short) if short else None,
                    "InvalidArgumentError" if short else _gives(sizes),
                    applies and (cfg.dynamic or not spatial), note="or a placeholder with None: dynamic"))
    if cfg.channels != cfg.filter_in and cfg.out_batch == cfg.batch:
        rows.append(Row("TensorFlow 2.x (tf.function)", call, "while tracing (static channel check)",
                        "ValueError: " + tensorflow.static_channel_mismatch(
                            cfg.channels, cfg.filter_in, [1, cfg.stride, cfg.stride, 1],
                            cfg.padding, [cfg.kernel, cfg.kernel, cfg.filter_out, cfg.filter_in],
                            list(x_shape)),
                        "ValueError", applies))
    full = tf_error(cfg, sizes)
    rows.append(Row("TensorFlow 2.x", call, "when the op runs (eager: at the call; tf.function: at "
                    "execution)" if full else "—",
                    ("InvalidArgumentError: " + full) if full else None,
                    "InvalidArgumentError" if full else _gives(sizes), applies))
    if spatial and _channels_ok(cfg) and min(computed) >= 0:
        rows.append(Row("TensorFlow 2.x (tf.compat.v1 graph)", call,
                        "graph build — while building the gradients",
                        "ValueError: " + tensorflow.gradient_incompatible(x_shape, grad_shape),
                        "ValueError", applies and not cfg.dynamic, note="static"))
    rows.append(_onednn_row(cfg, sizes, call, applies))
    return rows


def _onednn_row(cfg: Config, sizes, call, applies) -> Row:
    name = "TensorFlow 2.x with oneDNN (default x86 CPU, float32)"
    text = tensorflow.onednn_error(*_tf_shapes(cfg, sizes))
    if text is None:
        return Row(name, call, "—", None, _gives(sizes), applies)
    if text == tensorflow.onednn_abort():
        return Row(name, call, "when the op runs (the reason is hidden; rerun with "
                   "TF_ENABLE_ONEDNN_OPTS=0)", "AbortedError: " + text, "AbortedError", applies)
    return Row(name, call, "when the op runs", "InvalidArgumentError: " + text,
               "InvalidArgumentError", applies)


WORKS = "works: output"


def _gives(sizes) -> str:
    return f"{WORKS} {_shape(sizes)}"


def _shape(sizes) -> str:
    return " × ".join(str(v) for v in sizes)


def keras_output_padding_for(cfg: Config, sizes) -> Tuple[Optional[int], str]:
    """The ``output_padding`` that asks Keras for ``sizes`` (the config's own when Keras is the
    framework), or ``(None, why-not)`` when no value can."""
    if cfg.framework == "keras":
        return cfg.output_padding, ""
    s = cfg.stride
    none = tuple(keras.output_size(i, cfg.kernel, s, cfg.dilation, cfg.keras_padding, None)
                 for i in cfg.inputs)
    if none == tuple(sizes):
        return None, ""
    base = keras.output_size(cfg.inputs[0], cfg.kernel, s, cfg.dilation, cfg.keras_padding, 0)
    if sizes[0] - base < 0:
        return None, f"cannot ask for {sizes[0]}: its smallest size is {base}"
    return sizes[0] - base, ""


def keras_row(cfg: Config, sizes: Optional[Tuple[int, ...]], applies: bool) -> Row:
    """Keras ``Conv{1,2,3}DTranspose``: asked through ``output_padding``; TF backend checks at run time."""
    name = "Keras 3 (TF backend)"
    if cfg.keras_padding is None:
        return Row(name, "padding=[…]", "—", None, "Keras takes only 'same' or 'valid' padding",
                   applies)
    s = cfg.stride
    op, refusal = keras_output_padding_for(cfg, sizes)
    if refusal:
        return Row(name, "output_padding=…", "—", None, refusal, applies)
    call = f"Conv{cfg.nd}DTranspose(..., padding='{cfg.keras_padding}', output_padding={op})"
    try:
        keras.check_layer(s, cfg.dilation, op, cfg.nd)
    except ShapeError as err:
        return Row(name, call, "when the layer is created", "ValueError: " + err.framework_message,
                   "ValueError", applies)
    got = tuple(keras.output_size(i, cfg.kernel, s, cfg.dilation, cfg.keras_padding, op)
                for i in cfg.inputs)
    if cfg.framework != "keras" and got != tuple(sizes):
        return Row(name, call, "—", None, f"gives {_shape(got)}, not the requested size",
                   applies)
    kcfg = replace(cfg, out_batch=cfg.batch, out_channels=cfg.filter_out)
    err = tf_error(kcfg, got)
    if err:
        return Row(name, call, "at the first call / model.predict (TF backend)",
                   "InvalidArgumentError: " + err, "InvalidArgumentError", applies)
    return Row(name, call, "—", None, _gives(got), applies)


def torch_row(cfg: Config, sizes: Optional[Tuple[int, ...]], applies: bool) -> Row:
    """``nn.ConvTranspose{1,2,3}d``, asked through ``output_size`` or ``output_padding``."""
    name, p, nd = "PyTorch", cfg.torch_padding, cfg.nd
    if cfg.framework == "torch" and cfg.torch_request == "padding":
        call = f"ConvTranspose{nd}d(..., padding={p}, output_padding={cfg.torch_op})"
        op, requested = cfg.torch_op, None
    else:
        call = f"ConvTranspose{nd}d(..., padding={p})(x, output_size=[{', '.join(map(str, sizes))}])"
        op, requested = 0, list(sizes)
    try:
        plan = torch.conv_transpose_plan((cfg.batch, cfg.channels, *cfg.inputs), _FLOAT,
                                         (cfg.filter_in, cfg.filter_out) + (cfg.kernel,) * nd, _FLOAT,
                                         None, cfg.stride, p, op, 1, cfg.dilation, requested, nd)
    except ShapeError as err:
        kind = torch.exception_name(err.framework_message)
        stage = "at the call (forward)" if kind == "ValueError" else "at the call"
        return Row(name, call, stage, f"{kind}: {err.framework_message}", kind, applies)
    return Row(name, call, "—", None, _gives(plan.out), applies)


# ---------------------------------------------------------------------------------------------
# analysis

def analyse(cfg: Config) -> Analysis:
    notes: List[str] = []
    if cfg.framework == "keras" and cfg.keras_padding is None:
        notes.append("Keras's Conv2DTranspose takes only padding 'same' or 'valid'; pick one of them "
                     "(explicit padding is a TensorFlow / PyTorch idea).")
    if cfg.framework == "torch" and cfg.padding == "SAME":
        even = cfg.k_eff % 2 == 0
        notes.append(f"PyTorch's ConvTranspose2d has no 'same' padding; padding={cfg.torch_padding} "
                     + ("is used, which matches TF SAME's sizes (k_eff is odd)." if not even else
                        "is used, but with an even kernel TF SAME pads one more cell at the end, "
                        "which PyTorch cannot express."))
    if cfg.framework == "torch" and cfg.padding == "EXPLICIT" and cfg.pad_before != cfg.pad_after:
        notes.append(f"PyTorch pads both sides equally: padding={cfg.pad_before} is used for "
                     f"before and after.")
    if cfg.framework == "keras" and cfg.stride > 1 and cfg.dilation > 1:
        notes.append("Keras refuses strides > 1 together with dilation_rate > 1.")
    if cfg.nd != 2:
        notes += nd_notes(cfg)
    sizes = requested_sizes(cfg)
    modelled = cfg.nd == 2 or cfg.framework in FIRST_THREE
    dims = [dim_analysis(cfg, a, None if sizes is None else sizes[a]) for a in range(cfg.nd)] if modelled else []
    cube = len(set(cfg.inputs)) == 1 and (sizes is None or len(set(sizes)) == 1)
    show_dims = dims[cfg.nd - 2:cfg.nd - 1] if cube and cfg.nd > 1 else dims  # a square / cube: the height speaks for all

    rows: List[Row] = []
    row_sizes = sizes if sizes is not None else cfg.requested_tf
    rows += tf_rows(cfg, row_sizes, applies=cfg.framework == "tf")
    rows.append(keras_row(cfg, row_sizes, applies=cfg.framework == "keras"))
    rows.append(torch_row(cfg, row_sizes, applies=cfg.framework == "torch"))
    if cfg.nd == 2:
        rows.append(jax_row(cfg, row_sizes, applies=cfg.framework == "jax"))
        rows += onnx_rows(cfg, row_sizes, applies=cfg.framework == "onnx")
    else:
        rows += [Row(name, "—", "—", None, TWO_D_ONLY, cfg.framework == key)
                 for key, name in (("jax", JAX_ROW), ("onnx", ONNX_ROW))]

    primary = _primary_row(cfg, rows)
    ok = modelled and primary is not None and primary.message is None and all(d.ok for d in dims)
    if cfg.framework == "tf":
        ok = primary is not None and primary.message is None
    problems, fixes = _reasons_and_fixes(cfg, show_dims, sizes)
    headline = _headline(cfg, dims, sizes, ok, primary, problems)
    timing = _timing(cfg, sizes)
    per_axis = [f"{d.axis}: input {d.input} → output {d.requested}: {d.arithmetic}" for d in dims
                if d.requested is not None]
    return Analysis(cfg, show_dims, sizes, ok, headline, problems, rows, fixes, timing, notes,
                    primary.message if primary else None, per_axis)


TWO_D_ONLY = "not modelled: convt's JAX and ONNX rules are 2-D only, so no verdict here"


def nd_notes(cfg: Config) -> List[str]:
    """What a 1-D / 3-D view leaves out or does differently, said plainly."""
    notes = [f"{cfg.nd}-D: TensorFlow's row is tf.nn.conv{cfg.nd}d_transpose on TF's classic CPU kernel "
             "(TF 1.x and oneDNN rows are modelled for 2-D only)."]
    if cfg.nd == 1:
        notes.append("tf.nn.conv1d_transpose runs Conv2DBackpropInput on a height of 1, so its messages are "
                     "the 2-D ones, with the length as spatial_dim 2.")
    if cfg.framework in ("jax", "onnx"):
        notes.insert(0, f"convt models {FRAMEWORK_NAMES[cfg.framework]}'s transposed conv in 2-D only: "
                        f"there is no {cfg.nd}-D verdict for it here. Pick TensorFlow, Keras or PyTorch, "
                        "or switch to 2-D.")
    if cfg.padding == "EXPLICIT" and cfg.framework in ("tf", "keras"):
        notes.append(f"tf.nn.conv{cfg.nd}d_transpose and Conv{cfg.nd}DTranspose take padding 'SAME' or "
                     "'VALID' only: an explicit list is refused.")
    return notes


MAIN_ROWS = {"tf": "TensorFlow 2.x", "keras": "Keras 3 (TF backend)", "torch": "PyTorch", "jax": JAX_ROW,
             "onnx": ONNX_ROW}   # each framework's verdict row (the others are stages and variants)


def _main_row(key: str, rows: List[Row]) -> Optional[Row]:
    return next((row for row in rows if row.framework == MAIN_ROWS[key]), None)


def _primary_row(cfg: Config, rows: List[Row]) -> Optional[Row]:
    return _main_row(cfg.framework, rows)


def framework_question(a: Analysis) -> Question:
    """Predict first: which frameworks run this same request (their verdict rows say; JAX and ONNX
    are asked only in 2-D, where convt models them)."""
    choices = FRAMEWORKS if a.config.nd == 2 else FIRST_THREE
    works = {key for key in choices if (row := _main_row(key, a.rows)) is not None and row.works}
    return Question("ex_which", "The same request in every framework: which of them accept it?", works,
                    kind="cells", choices=choices)


def _headline(cfg: Config, dims, sizes, ok, primary, problems=()) -> str:
    fw = FRAMEWORK_NAMES[cfg.framework]
    if cfg.nd != 2 and cfg.framework in ("jax", "onnx"):
        return f"{fw}: no {cfg.nd}-D verdict (convt models it in 2-D only)."
    if sizes is None:
        if problems and primary is not None and primary.message:
            return f"{fw} refuses it: {problems[0]}"
        return f"{fw} cannot express this configuration."
    shape, inp = _shape(sizes), _shape(cfg.inputs)
    if ok:
        return f"{fw} accepts it: input {inp} → output {shape}."
    bad = [d for d in dims if not d.ok]
    if bad and cfg.framework == "jax" and primary is not None and primary.message is None:
        d = bad[0]
        return (f"JAX gives output {shape} for input {inp} without complaint — but it is no transposed conv "
                f"of this padding: a forward conv over the {d.axis} gives {d.arithmetic}.")
    if bad and cfg.framework in ("tf", "keras"):
        d = bad[0]
        return (f"{fw} refuses output {shape} for input {inp}: a forward conv over the {d.axis} "
                f"gives {d.arithmetic}.")
    if bad:
        d = bad[0]
        return (f"{fw} refuses output {shape} for input {inp}: valid {d.axis}s are "
                f"{size_list(d.valid)}.")
    if problems:
        return f"{fw} refuses it: {problems[0]}"
    return f"{fw} refuses it: {primary.outcome if primary else 'see below'}."


def _timing(cfg: Config, sizes) -> str:
    if cfg.framework != "tf" or sizes is None or cfg.nd != 2:
        return ""
    if cfg.dynamic:
        return ("Dynamic output_shape (a tensor such as tf.shape(x)): TF cannot know the sizes while "
                "building the graph, so TF1 fails only when Session.run executes it; TF2 fails when "
                "the op runs, eager or inside tf.function.")
    return ("Static output_shape (a Python list): TF1 already fails while building the graph, when "
            "the gradients are built (optimizer.minimize); TF2 checks spatial sizes only when the op "
            "runs — eagerly at the call, in tf.function at execution (input channels are the one "
            "thing checked while tracing).")


def _adopt(fix: diagnosis.Fix, axis: int, nd: int = 2) -> Fix:
    """A library fix (typed geometry, for one axis) as this configuration's field changes."""
    g, changes = fix.change, {}
    if g.input is not None:
        changes[SPATIAL_FIELDS[nd][axis]] = g.input
    if g.output is not None:
        changes[OUTPUT_FIELDS[nd][axis]] = g.output
    for name in ("kernel", "stride", "dilation"):
        if getattr(g, name) is not None:
            changes[name] = getattr(g, name)
    if isinstance(g.padding, str):
        changes["padding"] = g.padding
    elif g.padding is not None:
        changes.update(padding="EXPLICIT", pad_before=g.padding[0], pad_after=g.padding[1])
    name = diagnosis.spatial_names(nd)[axis]
    text = fix.text if (nd, axis) in ((1, 0), (2, 0)) else (
        fix.text.replace("output size", f"output {name}").replace("input of size", f"input of {name}"))
    return Fix(text, changes)


def _reasons_and_fixes(cfg: Config, dims: List[DimAnalysis], sizes) -> Tuple[List[str], List[Fix]]:
    problems: List[str] = []
    fixes: List[Fix] = []
    if cfg.framework in ("tf", "keras"):
        if cfg.framework == "tf" and cfg.dilation > 1:
            problems.append(f"TF's CPU kernel refuses dilation {cfg.dilation} in conv{cfg.nd}d_transpose "
                            "(the arithmetic is defined; PyTorch and TF's oneDNN / GPU kernels "
                            "accept it).")
            fixes.append(Fix("use dilation 1", {"dilation": 1}))
        if cfg.framework == "tf":
            if cfg.out_batch != cfg.batch:
                problems.append(f"output_shape asks for batch {cfg.out_batch} but the input has batch "
                                f"{cfg.batch}; use tf.shape(x)[0] so it follows the data.")
                fixes.append(Fix(f"set the output_shape batch to {cfg.batch}", {"out_batch": cfg.batch}))
            if cfg.out_channels != cfg.filter_out:
                problems.append(f"output_shape asks for {cfg.out_channels} channels, but the filter "
                                f"[{_kernel_axes(cfg)}, out, in] has out_channels {cfg.filter_out} "
                                f"(filter[{cfg.nd}]).")
                fixes.append(Fix(f"set the output_shape channels to {cfg.filter_out}",
                                 {"out_channels": cfg.filter_out}))
            if cfg.channels != cfg.filter_in:
                problems.append(f"the input has {cfg.channels} channels, but the filter's in_channels "
                                f"(its last axis, filter[{cfg.nd + 1}]) is {cfg.filter_in}.")
                kernel = ", ".join([str(cfg.kernel)] * cfg.nd)
                fixes.append(Fix(f"make the filter [{kernel}, {cfg.filter_out}, {cfg.channels}]",
                                 {"filter_in": cfg.channels}))
        for dim in dims:
            if sizes is None or dim.ok:
                continue
            n = sizes[dim.spatial_dim - 1]
            if cfg.framework == "tf":
                problems.append(tf_size_problem(dim.input, n, cfg.kernel, cfg.stride, cfg.dilation,
                                                cfg.tf_padding, dim.axis, cfg.nd))
                fixes += [_adopt(f, dim.spatial_dim - 1, cfg.nd)
                          for f in tensorflow.size_fixes(dim.input, n, cfg.kernel, cfg.stride,
                                                 cfg.dilation, cfg.tf_padding)]
            else:
                problems.append(_keras_problem(cfg, dim, n))
                fixes += _keras_fixes(cfg, dim)
    elif cfg.framework == "torch":
        for dim in dims:
            if sizes is None or dim.ok:
                continue
            n = sizes[dim.spatial_dim - 1]
            problems.append(_torch_problem(cfg, dim, n))
            fixes += _torch_fixes(cfg, dim, n)
    elif cfg.nd == 2:
        _jax_onnx_reasons(cfg, dims, sizes, problems, fixes)
    return problems, _dedupe(fixes)


def tf_size_problem(i: int, n: int, k: int, s: int, d: int, padding, axis: str, nd: int) -> str:
    """TF's size refusal in plain words, naming the op of this dimension."""
    return (tensorflow.size_mismatch_explanation(i, n, k, s, d, padding, axis)
            .replace("conv2d_transpose", f"conv{nd}d_transpose"))


def _kernel_axes(cfg: Config) -> str:
    return ", ".join(name[0] for name in cfg.axes)


def _dedupe(fixes: List[Fix]) -> List[Fix]:
    seen, out = set(), []
    for f in fixes:
        key = tuple(sorted(f.changes.items(), key=lambda kv: kv[0]))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _keras_problem(cfg: Config, dim: DimAnalysis, n: int) -> str:
    op = cfg.output_padding
    if op is not None and op >= cfg.stride:
        return (f"Keras requires output_padding < strides: output_padding {op} is not smaller than "
                f"stride {cfg.stride}. output_padding only chooses which of the {cfg.stride} sizes "
                f"that map back onto {dim.input} you get.")
    return (f"Keras asks the TF backend for {dim.axis} {n}, but TF accepts only "
            f"{size_list(dim.valid if dim.valid else tensorflow.valid_output_sizes(dim.input, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding))}"
            f" for an input of {dim.input}: {dim.arithmetic}. (With 'same', an even kernel and "
            f"output_padding=0 Keras asks for (i−1)·s, one below TF's range.)")


def _keras_fixes(cfg: Config, dim: DimAnalysis) -> List[Fix]:
    fixes: List[Fix] = []
    for c in dim.candidates:
        if c.accepted and c.how.startswith("output_padding="):
            first = c.how.split("=")[1].split(" or ")[0]
            op = None if first == "None" else int(first)
            fixes.append(Fix(f"use output_padding={first}: Keras asks for {c.size}, and "
                             f"{c.arithmetic}", {"output_padding": op}))
    return fixes[:3]


def _torch_problem(cfg: Config, dim: DimAnalysis, n: int) -> str:
    p = cfg.torch_padding
    lo, hi = torch.output_size_range(dim.input, cfg.kernel, cfg.stride, p, cfg.dilation)
    if cfg.torch_request == "padding":
        limit = max(cfg.stride, cfg.dilation)
        if cfg.torch_op >= limit:
            return (f"output_padding must be smaller than either stride ({cfg.stride}) or dilation "
                    f"({cfg.dilation}); {cfg.torch_op} is not. It only picks one of the sizes "
                    f"{size_list(dim.valid)}.")
        return f"The output {dim.axis} would be {n}, which is not a positive size."
    return (torch.output_size_explanation(dim.input, n, lo, hi, dim.axis) +
            f" (A forward conv over {n} gives {dim.arithmetic}.)")


def _torch_fixes(cfg: Config, dim: DimAnalysis, n: int) -> List[Fix]:
    axis = dim.spatial_dim - 1
    if cfg.torch_request == "padding":
        fixes: List[Fix] = []
        if dim.valid:
            low = torch.output_size(dim.input, cfg.kernel, cfg.stride, cfg.torch_padding, 0,
                                    cfg.dilation)
            nearest = min(dim.valid, key=lambda v: (abs(v - n), v))
            fixes.append(Fix(f"use output_padding={nearest - low} (gives {nearest})",
                             {"output_padding": nearest - low}))
        return fixes
    lo, hi = torch.output_size_range(dim.input, cfg.kernel, cfg.stride, cfg.torch_padding, cfg.dilation)
    fixes = [_adopt(f, axis, cfg.nd) for f in torch.output_size_fixes(dim.input, n, lo, hi) if f.change]
    for p in range(0, min(MAX_PAD, cfg.k_eff) + 1):
        plo, phi = torch.output_size_range(dim.input, cfg.kernel, cfg.stride, p, cfg.dilation)
        if p != cfg.torch_padding and plo <= n <= phi:
            fixes.append(Fix(f"use padding={p}: valid sizes become {size_list(range(plo, phi + 1))}",
                             {"padding": "EXPLICIT", "pad_before": p, "pad_after": p}))
            break
    return fixes


# ---------------------------------------------------------------------------------------------
# JAX (no size check: the padding decides the size) and ONNX (output_shape, or auto_pad / pads and
# output_padding; onnxruntime and the spec's shape inference side by side)



def jax_sizes(cfg: Config) -> Tuple[int, int]:
    return tuple(jax.output_size(i, cfg.kernel, cfg.stride, cfg.tf_padding, cfg.dilation, cfg.jax_consistent)
                 for i in cfg.inputs)


def _jax_pads_for(cfg: Config, sizes) -> List[Tuple[int, int]]:
    """The direct conv's pads that give ``sizes`` with TF's window (how JAX is asked for a size)."""
    pads = []
    for i, n in zip(cfg.inputs, sizes):
        lo = cfg.k_eff - 1 - windowed_output(n, cfg.kernel, cfg.stride, cfg.dilation, cfg.tf_padding).pad_before
        pads.append((lo, n + cfg.k_eff - 1 - ((i - 1) * cfg.stride + 1) - lo))
    return pads


def jax_row(cfg: Config, sizes, applies: bool) -> Row:
    """``lax.conv_transpose``: the configuration's own padding, or the pads that give ``sizes``."""
    own = cfg.framework == "jax"
    padding = (cfg.tf_padding if isinstance(cfg.tf_padding, str) else [cfg.tf_padding] * 2) if own \
        else _jax_pads_for(cfg, sizes)
    flag = ", use_consistent_padding=True" if own and cfg.jax_consistent else ""
    dil = f", rhs_dilation=({cfg.dilation}, {cfg.dilation})" if cfg.dilation > 1 else ""
    shown = repr(padding) if isinstance(padding, str) else repr(tuple(tuple(p) for p in padding))
    call = f"lax.conv_transpose(x, rhs, strides=({cfg.stride}, {cfg.stride}), padding={shown}{dil}{flag})"
    try:
        plan = jax.plan((cfg.batch, cfg.in_h, cfg.width, cfg.channels),
                        (cfg.kernel, cfg.kernel, cfg.filter_in, cfg.filter_out), [cfg.stride] * 2,
                        padding if isinstance(padding, str) else [tuple(p) for p in padding], [cfg.dilation] * 2,
                        None, False, own and cfg.jax_consistent)
    except ShapeError as err:
        return Row(JAX_ROW, call, "at the call (while tracing)", "ValueError: " + err.framework_message,
                   "ValueError", applies)
    return Row(JAX_ROW, call, "—", None, _gives(plan.out_shape[1:3]) + " (JAX checks no size)", applies)


def onnx_attributes(cfg: Config, sizes) -> Dict[str, object]:
    """The ConvTranspose node's attributes: ``output_shape`` = ``sizes`` when given, else auto_pad / pads
    and the configuration's output_padding."""
    attrs: Dict[str, object] = {"strides": [cfg.stride] * 2, "dilations": [cfg.dilation] * 2}
    if cfg.padding == "EXPLICIT":
        attrs["pads"] = [cfg.pad_before, cfg.pad_before, cfg.pad_after, cfg.pad_after]
    else:
        attrs["auto_pad"] = "VALID" if cfg.padding == "VALID" else ("SAME_LOWER" if cfg.onnx_lower else "SAME_UPPER")
    if sizes is not None:
        attrs["output_shape"] = list(sizes)
    elif cfg.torch_op:
        attrs["output_padding"] = [cfg.torch_op] * 2
    return attrs


def _onnx_shapes(cfg: Config):
    return (cfg.batch, cfg.channels, cfg.in_h, cfg.width), (cfg.filter_in, cfg.filter_out, cfg.kernel, cfg.kernel)


def onnx_plan(cfg: Config, sizes) -> onnx.Plan:
    return onnx.plan(*_onnx_shapes(cfg), **onnx_attributes(cfg, sizes))


def _onnx_request(cfg: Config, sizes):
    """What the ONNX node is asked: output_shape ``sizes``, or (ONNX in padding mode) no output_shape."""
    return None if cfg.framework == "onnx" and not cfg.by_size else sizes


def onnx_rows(cfg: Config, sizes, applies: bool) -> List[Row]:
    """onnxruntime's verdict, and the spec's shape inference beside it when the two differ."""
    attrs = onnx_attributes(cfg, _onnx_request(cfg, sizes))
    call = "ConvTranspose(" + ", ".join(f"{k}={v!r}" for k, v in attrs.items()) + ")"
    try:
        spec = onnx.spec_output_shape(*_onnx_shapes(cfg), **attrs)[2:]
    except ShapeError as err:   # onnxruntime runs the same inference: the session is not even created
        return [Row(ONNX_ROW, call, "InferenceSession(...) — onnx's shape inference refuses the model",
                    onnx.session_message(err.framework_message), "Fail", applies)]
    try:
        got = onnx_plan(cfg, _onnx_request(cfg, sizes)).out_shape[2:]
        rows = [Row(ONNX_ROW, call, "—", None, _gives(got), applies)]
    except ShapeError as err:
        got = None
        rows = [Row(ONNX_ROW, call, "InferenceSession.run — when the node runs",
                    onnx.runtime_message(err.framework_message), "InvalidArgument", applies)]
    if got is None or list(spec) != list(got):
        said = (f"infers {spec[0]} × {spec[1]}" if len(spec) == 2 else
                "stops inferring (an output_shape below the input size)")
        rows.append(Row(ONNX_SPEC_ROW, call, "onnx.shape_inference.infer_shapes — before any run", None,
                        f"{said}; onnxruntime " + (f"gives {got[0]} × {got[1]}" if got else "refuses it"),
                        False))
    return rows


def _onnx_candidates(i: int, axis: int, cfg: Config, requested) -> Tuple[List[int], List[Candidate]]:
    """ONNX's accepted sizes on this axis and the number line's candidates around them."""
    if cfg.by_size:
        valid = list(onnx.output_sizes(i, cfg.kernel, cfg.stride, cfg.dilation))
        near = set(range(max(1, len(valid) - 2), len(valid) + 3))
        near |= set(range(max(1, (requested or 1) - 2), (requested or 1) + 3))
        return valid, [Candidate(n, n in valid, _onnx_arith(n, i, cfg), n == requested) for n in sorted(near)]
    produced = {}
    for op in range(max(cfg.stride, cfg.dilation)):
        try:
            out = onnx_plan(replace(cfg, output_padding=op), None)
            produced.setdefault(out.out_shape[2 + axis], f"output_padding={op}")
        except ShapeError:
            continue
    valid = sorted(produced)
    return valid, [Candidate(n, n in valid, _onnx_arith(n, i, cfg), n == requested, produced.get(n, ""))
                   for n in _neighbourhood(valid, [requested])]


def _onnx_arith(n: int, i: int, cfg: Config) -> str:
    """onnxruntime's own check: the input size it re-derives from an output of ``n``."""
    full = (i - 1) * cfg.stride + cfg.k_eff
    crop = max(0, full - n)
    back = (n + crop - cfg.k_eff) // cfg.stride + 1 if n + crop >= cfg.k_eff else 0
    text = f"({n} + {crop} − {cfg.k_eff}) div {cfg.stride} + 1 = {back}"
    return f"{text} ✓" if back == i else f"{text} ≠ {i}"


def _jax_onnx_reasons(cfg: Config, dims: List[DimAnalysis], sizes, problems: List[str], fixes: List[Fix]) -> None:
    if cfg.framework == "jax":
        for dim in (d for d in dims if not d.ok):
            problems.append(f"JAX checks no size: it gives {dim.requested}, but a forward conv over "
                            f"{dim.requested} gives {dim.arithmetic}. Integer pads are the pads of the "
                            "stride-dilated input, not of the forward conv (jax#32267).")
        if problems and cfg.padding == "EXPLICIT" and not cfg.jax_consistent:
            fixes.append(Fix("use use_consistent_padding=True: the pads become the forward conv's",
                             {"jax_consistent": True}))
        if problems:
            fixes.append(Fix("use padding='SAME' (gives input × stride)", {"padding": "SAME"}))
        return
    if cfg.torch_op >= cfg.stride and not cfg.by_size:
        problems.append(onnx.explanation("output_padding")[0])
        fixes.append(Fix(f"use output_padding={cfg.stride - 1}", {"output_padding": cfg.stride - 1}))
    for dim in (d for d in dims if not d.ok and d.requested is not None and cfg.by_size):
        problems.append(f"output_shape {dim.requested} is refused for an input {dim.axis} of {dim.input}: "
                        f"onnxruntime accepts {size_list(dim.valid)}. " + onnx.explanation("output_shape")[0])
        nearest = min(dim.valid, key=lambda v: (abs(v - dim.requested), v))
        fixes.append(Fix(f"ask for output_shape {nearest} on the {dim.axis}",
                         {("out_w" if dim.spatial_dim == 2 else "out_h"): nearest}))


# ---------------------------------------------------------------------------------------------
# the page's own parameters (beyond the configuration)

@dataclass(frozen=True)
class ExplorerPage(Config):
    """The shape explorer page's link: the configuration, the mode, and design mode's target size."""

    mode: str = url_field("mode", "explore", "mode", choices=("explore", "design"))
    target: int = url_field("T", 0, "design target size (0 = twice the input)", min=0, max=MAX_OUTPUT)

    @property
    def config(self) -> Config:
        return from_values(Config, to_values(self))


PAGE_KEYS = frozenset(to_values(ExplorerPage())) | {"big"}
