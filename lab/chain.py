"""Encoder–decoder chains: every intermediate shape, the first layer that breaks in each framework,
its message and the changes that fix it.

A chain is an input size and a list of :class:`Layer` s, each a forward ``conv`` or a
``conv_transpose`` with kernel, stride, padding (``SAME`` / ``VALID``), and for a transpose an
optional requested output size (TF ``output_shape``, PyTorch ``output_size``; Keras asks through
``output_padding``). ``skip=j`` concatenates the layer's output with tensor ``j`` (0 = the
network's input, ``t`` = the output of layer ``t``), as a U-Net's skip connection does: the two must
have the same height and width.

Frameworks (spatial sizes only, square tensors, one channel suffices for the shapes):

* ``tf``: ``tf.nn.conv2d`` / ``tf.nn.conv2d_transpose``. A transpose without ``out`` is given the
  usual ``output_shape = input × stride`` (Keras's own choice, always accepted).
* ``keras``: ``Conv2D`` / ``Conv2DTranspose`` (TF backend). A transpose picks its own size; ``out``
  is reached through ``output_padding`` when that is possible.
* ``torch``: ``nn.Conv2d`` / ``nn.ConvTranspose2d`` with ``padding = 0`` for VALID and
  ``(k − 1) // 2`` for SAME (PyTorch refuses ``padding='same'`` with a stride); ``out`` is passed as
  ``forward(x, output_size=...)``.
* ``jax``: ``lax.conv_general_dilated`` / ``lax.conv_transpose`` ('SAME' / 'VALID' as TF's sizes). A
  transpose without ``out`` uses the padding word; ``out`` is reached with explicit pads, and JAX
  checks no size, so a JAX transpose only breaks at a skip connection.
* ``onnx``: ``Conv`` / ``ConvTranspose`` with ``auto_pad`` SAME_UPPER or VALID; ``out`` is the node's
  ``output_shape``, refused by onnxruntime above ``(i-1)·s + k + s - 1``.

Sizes come from :mod:`convt.arithmetic`; transposed-conv verdicts and texts from
:mod:`lab.explorer` (the shape explorer's rows, built by :mod:`convt.frameworks`); a forward conv's
refusal text from the adapters themselves. ``tests/test_chain.py`` checks every verdict against
:mod:`convt.tf_style` / :mod:`convt.torch_style`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Mapping, Optional, Tuple

import numpy as np

from lab import audio, explorer
from convt.arithmetic import windowed_output
from convt.errors import ShapeError
from convt.diagnosis import size_list
from convt.frameworks import jax, keras, onnx, tensorflow, torch
from lab.predict import Question
from lab.url_state import quote, url_field

MAX_INPUT = 512
MAX_LAYERS = 12
MAX_KERNEL = 15
MAX_STRIDE = 8
MAX_SIZE = 4096      # any requested or intermediate size
MAX_TEXT = 600       # characters of layer text read from a link
FIX_SEARCH = 64      # input sizes tried on either side for the "resize the input" fix

FRAMEWORKS = explorer.FRAMEWORKS
FRAMEWORK_NAMES = explorer.FRAMEWORK_NAMES
KINDS = ("conv", "convT")


@dataclass(frozen=True)
class Layer:
    kind: str                 # "conv" or "convT"
    kernel: int = 3
    stride: int = 1
    padding: str = "SAME"
    out: Optional[int] = None  # convT only: the requested output size
    skip: Optional[int] = None  # concatenate with tensor `skip` (0 = input, t = layer t's output)

    def text(self) -> str:
        parts = [self.kind, f"k{self.kernel}", f"s{self.stride}", self.padding]
        if self.kind == "convT" and self.out is not None:
            parts.append(f"out {self.out}")
        if self.skip is not None:
            parts.append(f"skip {self.skip}")
        return " ".join(parts)


@dataclass(frozen=True)
class Chain:
    input: int
    layers: Tuple[Layer, ...]
    nd: int = 2   # spatial dimensions: 1 (sequences), 2 (images), 3 (volumes); every side the same size

    @property
    def frameworks(self) -> Tuple[str, ...]:
        """The frameworks a chain of this dimension is judged in (convt's JAX / ONNX rules are 2-D)."""
        return FRAMEWORKS if self.nd == 2 else explorer.FIRST_THREE

    def text(self, sep: str = "\n") -> str:
        return sep.join(layer.text() for layer in self.layers)

    def with_layer(self, index: int, **changes) -> "Chain":
        layers = list(self.layers)
        layers[index] = replace(layers[index], **changes)
        return Chain(self.input, tuple(layers), self.nd)


# ---------------------------------------------------------------------------------------------
# Text form: "conv k3 s4 SAME; convT k3 s3 SAME out 97; convT k2 s2 SAME skip 2"
# ---------------------------------------------------------------------------------------------

_KIND_WORDS = {"conv": "conv", "c": "conv", "conv2d": "conv",
               "convt": "convT", "t": "convT", "tconv": "convT", "deconv": "convT",
               "conv_transpose": "convT", "conv2d_transpose": "convT", "convtranspose2d": "convT",
               "conv2dtranspose": "convT"}
_TOKEN = re.compile(r"(k|s|out|skip)\s*[=:]?\s*(\d{1,6})$|(same|valid)$", re.IGNORECASE)


def _parse_layer(line: str) -> Tuple[Optional[Layer], str]:
    words = re.sub(r"([=:])\s+", r"\1", line.strip()).split()
    if not words:
        return None, ""
    kind = _KIND_WORDS.get(words[0].lower())
    if kind is None:
        return None, f"starts with {quote(words[0])}, not conv or convT"
    values: Dict[str, object] = {}
    rest = words[1:]
    j = 0
    while j < len(rest):
        word = rest[j]
        # "out 97" / "skip 2" written with a space
        if word.lower() in ("out", "skip", "k", "s") and j + 1 < len(rest) and rest[j + 1].isdigit():
            word = word + rest[j + 1]
            j += 1
        m = _TOKEN.match(word)
        if not m:
            return None, f"has {quote(word)}, which is not k<n>, s<n>, SAME, VALID, out <n> or skip <n>"
        if m.group(3):
            values["padding"] = m.group(3).upper()
        else:
            values[m.group(1).lower()] = int(m.group(2))
        j += 1
    k, s = values.get("k", 3), values.get("s", 1)
    if not 1 <= k <= MAX_KERNEL:
        return None, f"has kernel {k}; kernels go from 1 to {MAX_KERNEL}"
    if not 1 <= s <= MAX_STRIDE:
        return None, f"has stride {s}; strides go from 1 to {MAX_STRIDE}"
    out = values.get("out")
    if out is not None and kind == "conv":
        return None, "gives out to a conv; a forward conv's size follows from its input (only convT takes out)"
    if out is not None and not 1 <= out <= MAX_SIZE:
        return None, f"asks for out {out}; sizes go from 1 to {MAX_SIZE}"
    return Layer(kind, k, s, values.get("padding", "SAME"), out, values.get("skip")), ""


def parse_layers(text: str) -> Tuple[Tuple[Layer, ...], List[str]]:
    """Layers from text (one per line or ``;``-separated) and a note for each line left out."""
    notes: List[str] = []
    if not isinstance(text, str):
        return (), ["The layers could not be read."]
    if len(text) > MAX_TEXT:
        notes.append(f"The layer list is longer than {MAX_TEXT} characters; the rest was cut off.")
        text = text[:MAX_TEXT]
    layers: List[Layer] = []
    for number, line in enumerate(re.split(r"[;\n]", text), start=1):
        if not line.strip():
            continue
        layer, why = _parse_layer(line)
        if layer is None:
            notes.append(f"Layer line {number} {why}; it was left out.")
            continue
        if len(layers) == MAX_LAYERS:
            notes.append(f"A chain holds at most {MAX_LAYERS} layers; the rest were left out.")
            break
        if layer.skip is not None and not 0 <= layer.skip <= len(layers):
            notes.append(f"Layer {len(layers) + 1} has skip {layer.skip}, but only tensors 0 to "
                         f"{len(layers)} exist before it; the skip was dropped.")
            layer = replace(layer, skip=None)
        layers.append(layer)
    return tuple(layers), notes


def _chain(n: int, text: str) -> Chain:
    chain, notes = parse_layers(text)
    assert not notes, notes
    return Chain(n, chain)


PRESETS: Dict[str, Chain] = {
    "seed": _chain(97, "conv k3 s4 SAME; convT k3 s3 SAME out 97"),
    "seed_fixed": _chain(97, "conv k3 s4 SAME; convT k3 s4 SAME out 97"),
    "unet": _chain(101, "conv k3 s1 SAME; conv k3 s2 SAME; conv k3 s2 SAME; conv k3 s2 SAME; "
                        "convT k2 s2 SAME skip 3; convT k2 s2 SAME skip 2; convT k2 s2 SAME skip 1"),
    "unet_fixed": _chain(104, "conv k3 s1 SAME; conv k3 s2 SAME; conv k3 s2 SAME; conv k3 s2 SAME; "
                              "convT k2 s2 SAME skip 3; convT k2 s2 SAME skip 2; convT k2 s2 SAME skip 1"),
}
PRESET_LABELS = {
    "seed": "The seed: 97 → conv s4 → 25 → conv_transpose s3 → 97 (fails)",
    "seed_fixed": "The seed, fixed: the transpose's stride matches the encoder's (4)",
    "unet": "U-Net on an odd input (101): the skip connections stop matching",
    "unet_fixed": "U-Net, input padded to 104 (a multiple of 2³)",
}
DEFAULT_PRESET = "seed"
MODES = ("chain", "audio")

@dataclass(frozen=True)
class ChainState:
    """The encoder–decoder page's link: the chain as text (read by :func:`parse_layers`), the
    diagram's framework, or a preset name that stands for the whole chain."""

    input: int = url_field("in", PRESETS[DEFAULT_PRESET].input, "input size", min=1, max=MAX_INPUT)
    layers: str = url_field("layers", PRESETS[DEFAULT_PRESET].text("; "), "layers", max=MAX_TEXT,
                                  lines=MAX_LAYERS)
    framework: str = url_field("fw", "tf", "framework", choices=FRAMEWORKS)
    preset: Optional[str] = url_field("preset", "", "preset", choices=("",) + tuple(PRESETS), nullable=True)
    # the audio decoder mode (lab.audio): a stack of 1-D transposed convs
    mode: str = url_field("mode", "chain", "page mode", choices=MODES)
    frames: int = url_field("frames", 100, "number of frames", min=1, max=audio.MAX_FRAMES)
    stack: str = url_field("up", audio.DEFAULT_STACK, "decoder layers", max=audio.MAX_TEXT)
    samples: int = url_field("T", 480_000, "clip length in samples", min=1, max=audio.MAX_SAMPLES)
    side: str = url_field("trim", "right", "trimmed side", choices=audio.SIDES)
    step: int = url_field("frame", 1, "causal step", min=1, max=audio.MAX_CAUSAL_FRAMES)
    nd: int = url_field("nd", 2, "chain dimensions (1, 2 or 3)", choices=explorer.DIMS)

    def resolve(self) -> Tuple[Chain, Optional[str]]:
        """The chain this link stands for, and a note if it had to fall back: a preset wins over
        ``in`` and ``layers``; layers of which not one can be read give the default preset."""
        if self.preset:
            return replace(PRESETS[self.preset], nd=self.nd), None
        layers, _ = parse_layers(self.layers)
        if not layers:
            return replace(PRESETS[DEFAULT_PRESET], nd=self.nd), (
                f"The link's layers could not be read; showing the preset “{PRESET_LABELS[DEFAULT_PRESET]}”.")
        return Chain(self.input, layers, self.nd), None


# ---------------------------------------------------------------------------------------------
# Walking the chain
# ---------------------------------------------------------------------------------------------

def torch_padding(layer: Layer) -> int:
    return 0 if layer.padding == "VALID" else (layer.kernel - 1) // 2


@dataclass
class Step:
    """One layer in one framework: its output size, or why it breaks."""

    size: Optional[int]            # output size (None when it breaks or an earlier layer broke)
    call: str = ""                 # how the layer is written in that framework
    message: Optional[str] = None  # the framework's own text when it refuses
    problem: str = ""              # plain words when it breaks ("" when it works)
    fixes: List["ChainFix"] = field(default_factory=list)

    @property
    def breaks(self) -> bool:
        return bool(self.problem)


@dataclass(frozen=True)
class ChainFix:
    text: str
    chain: Chain
    kind: str = ""   # "skip", "out", "stride", "kernel", "padding", "input"


@dataclass
class Walk:
    """A chain in one framework: one step per layer; ``first_break`` is a 0-based layer index."""

    framework: str
    steps: List[Step]

    @property
    def first_break(self) -> Optional[int]:
        for t, step in enumerate(self.steps):
            if step.breaks:
                return t
        return None

    @property
    def ok(self) -> bool:
        return self.first_break is None

    def sizes(self, chain: Chain) -> List[Optional[int]]:
        """Tensor sizes: index 0 the input, index t the output of layer t."""
        return [chain.input] + [s.size for s in self.steps]


def _conv_refusal(framework: str, n: int, layer: Layer, nd: int = 2) -> Optional[str]:
    """The adapter's own text for a forward conv that cannot run (the input is tiny in that case)."""
    from convt import tf_style, torch_style
    k, side = layer.kernel, (n,) * nd
    try:
        if framework == "torch":
            conv = {1: torch_style.conv1d, 2: torch_style.conv2d, 3: torch_style.conv3d}[nd]
            conv(np.zeros((1, 1) + side), np.zeros((1, 1) + (k,) * nd), stride=layer.stride,
                 padding=torch_padding(layer))
        else:
            conv = {1: tf_style.conv1d, 2: tf_style.conv2d, 3: tf_style.conv3d}[nd]
            strides = [1, layer.stride, layer.stride, layer.stride, 1] if nd == 3 else layer.stride
            conv(np.zeros((1,) + side + (1,)), np.zeros((k,) * nd + (1, 1)), strides, layer.padding)
    except ShapeError as err:
        return err.framework_message
    return None


def _conv_step(framework: str, n: int, layer: Layer, nd: int = 2) -> Step:
    k, s = layer.kernel, layer.stride
    if framework == "torch":
        p = torch_padding(layer)
        call = f"nn.Conv{nd}d(c_in, c_out, {k}, stride={s}, padding={p})"
        size = torch.conv_output_size(n, k, s, p, 1)
    else:
        call = {"tf": f"tf.nn.conv{nd}d(x, w, {'strides' if nd > 1 else 'stride'}="
                      f"{[1, s, s, s, 1] if nd == 3 else s}, padding='{layer.padding}')",
                "keras": f"layers.Conv{nd}D(c_out, {k}, strides={s}, padding='{layer.padding.lower()}')",
                "jax": f"lax.conv_general_dilated(x, w, ({s}, {s}), '{layer.padding}')",
                "onnx": f"Conv(strides=[{s}, {s}], auto_pad='{_onnx_auto_pad(layer)}')"}[framework]
        size = windowed_output(n, k, s, 1, layer.padding).size
    if size >= 1:
        return Step(size, call)
    message = _conv_refusal(framework, n, layer, nd) if framework in ("tf", "torch") else None
    return Step(None, call, message,
                f"the kernel ({k}) does not fit in the {n}-cell input with {layer.padding} padding: "
                f"the output would have {size} cells")


def _explorer_config(n: int, layer: Layer, framework: str, nd: int = 2) -> "explorer.Config":
    return explorer.Config(in_h=n, kernel=layer.kernel, stride=layer.stride, padding=layer.padding,
                           framework=framework, out_h=layer.out or 1, batch=1, out_batch=1, channels=1,
                           filter_in=1, filter_out=1, out_channels=1, nd=nd)


def _onnx_auto_pad(layer: Layer) -> str:
    return "SAME_UPPER" if layer.padding == "SAME" else "VALID"


def default_transpose_size(framework: str, i: int, layer: Layer) -> int:
    """The size a transpose gives when no output size is asked for."""
    if framework == "torch":
        return torch.output_size(i, layer.kernel, layer.stride, torch_padding(layer), 0, 1)
    if framework == "onnx":
        full = (i - 1) * layer.stride + layer.kernel
        return min(i * layer.stride, full) if layer.padding == "SAME" else full
    if framework == "jax":
        return jax.output_size(i, layer.kernel, layer.stride, layer.padding)
    return keras.output_size(i, layer.kernel, layer.stride, 1, layer.padding, None)


def _jax_onnx_transpose_step(framework: str, i: int, n: int, layer: Layer) -> Step:
    """JAX gives any size its pads say; ONNX checks ``output_shape`` against the input."""
    k, s = layer.kernel, layer.stride
    if layer.out is None:
        call = (f"lax.conv_transpose(x, w, ({s}, {s}), '{layer.padding}')" if framework == "jax" else
                f"ConvTranspose(strides=[{s}, {s}], auto_pad='{_onnx_auto_pad(layer)}')")
        return Step(n, call) if n >= 1 else Step(None, call, None, f"the output would have {n} cells")
    cfg = replace(_explorer_config(i, layer, framework), out_h=n)
    row = explorer.jax_row(cfg, (n, n), True) if framework == "jax" else explorer.onnx_rows(cfg, (n, n), True)[0]
    if row.message is None:
        return Step(n, row.call)
    valid = onnx.output_sizes(i, k, s)
    return Step(None, row.call, row.message, f"output_shape {n} is refused: from {i} onnxruntime accepts "
                                             f"{size_list(valid)} (a bigger output would need a bigger input).")


def _transpose_step(framework: str, i: int, layer: Layer, nd: int = 2) -> Step:
    k, s = layer.kernel, layer.stride
    n = layer.out if layer.out is not None else default_transpose_size(framework, i, layer)
    # "tf" even for Keras: the explorer then works out the output_padding that asks Keras for n
    cfg = _explorer_config(i, replace(layer, out=n), "tf", nd)
    side = (n,) * nd
    if framework in ("jax", "onnx"):
        return _jax_onnx_transpose_step(framework, i, n, layer)
    if framework == "tf":
        call = (f"tf.nn.conv{nd}d_transpose(x, w, output_shape=[b, {', '.join(map(str, side))}, c], strides={s}, "
                f"padding='{layer.padding}')")
        text = explorer.tf_error(cfg, side)
        if text is None:
            return Step(n, call)
        problem = explorer.tf_size_problem(i, n, k, s, 1, layer.padding, explorer.diagnosis.spatial_names(nd)[0], nd)
        return Step(None, call, text, problem)
    if framework == "torch":
        p = torch_padding(layer)
        if layer.out is None:
            call = f"nn.ConvTranspose{nd}d(c_in, c_out, {k}, stride={s}, padding={p})(x)"
            if n < 1:
                return Step(None, call, None, f"the output would have {n} cells")
            return Step(n, call)
        row = explorer.torch_row(cfg, side, True)
        if row.message is None:
            return Step(n, row.call)
        lo, hi = torch.output_size_range(i, k, s, p, 1)
        return Step(None, row.call, row.message, torch.output_size_explanation(i, n, lo, hi))
    # keras
    if layer.out is None:
        call = f"layers.Conv{nd}DTranspose(c_out, {k}, strides={s}, padding='{layer.padding.lower()}')"
        return Step(n, call)
    row = explorer.keras_row(cfg, side, True)
    base = keras.output_size(i, k, s, 1, layer.padding, 0)
    if row.message is None and row.outcome.startswith("works"):
        return Step(n, row.call)
    op = n - base
    if row.message is None:
        problem = (f"Conv2DTranspose takes no output size: from {i} it gives {base} to {base + s - 1} "
                   f"(output_padding 0 to {s - 1}); {n} is not reachable ({row.outcome}).")
    elif op >= s:
        problem = (f"Conv2DTranspose takes no output size; to reach {n} from {i} it would need "
                   f"output_padding={op}, but output_padding must be smaller than the stride {s} "
                   f"(reachable: {size_list(range(base, base + s))}).")
    else:
        problem = (f"Keras asks TF's conv2d_transpose for {n}, which TF refuses: "
                   + tensorflow.size_mismatch_explanation(i, n, k, s, 1, layer.padding))
    return Step(None, row.call, row.message, problem)


def walk(chain: Chain, framework: str, with_fixes: bool = True) -> Walk:
    """Every layer's output size in ``framework`` up to the first break, which gets its fixes."""
    sizes: List[int] = [chain.input]
    steps: List[Step] = []
    broken = False
    for t, layer in enumerate(chain.layers, start=1):
        if broken:
            steps.append(Step(None))
            continue
        n = sizes[-1]
        step = (_conv_step(framework, n, layer, chain.nd) if layer.kind == "conv"
                else _transpose_step(framework, n, layer, chain.nd))
        if not step.breaks and step.size is not None and step.size > MAX_SIZE:
            step = Step(None, step.call, None, f"the output would have {step.size} cells, more than "
                                               f"this page's cap of {MAX_SIZE}")
        if not step.breaks and layer.skip is not None and sizes[layer.skip] != step.size:
            other = sizes[layer.skip]
            step = Step(None, step.call, None,
                        f"skip connection: this layer's output is {step.size} × {step.size} but tensor "
                        f"{layer.skip} ({'the input' if layer.skip == 0 else f'layer {layer.skip} output'}) "
                        f"is {other} × {other}; concatenating them needs the same height and width "
                        f"(the frameworks refuse it, each in its own words)")
        if step.breaks:
            broken = True
        else:
            sizes.append(step.size)
        steps.append(step)
    result = Walk(framework, steps)
    if with_fixes and result.first_break is not None:
        steps[result.first_break].fixes = fixes_for(chain, framework, result.first_break)
    return result


def walk_all(chain: Chain, frameworks=explorer.FIRST_THREE) -> Dict[str, Walk]:
    """Each framework's walk (the page asks for all of :data:`FRAMEWORKS`; 1-D / 3-D chains get
    only those of ``chain.frameworks``)."""
    return {fw: walk(chain, fw) for fw in frameworks if fw in chain.frameworks}


# ---------------------------------------------------------------------------------------------
# Fixes: candidate changes, kept when the framework gets further (best: the whole chain works)
# ---------------------------------------------------------------------------------------------

def _progress(chain: Chain, framework: str) -> int:
    fb = walk(chain, framework, with_fixes=False).first_break
    return len(chain.layers) if fb is None else fb


def _input_size_fix(chain: Chain) -> Optional[ChainFix]:
    """The nearest input size for which the chain works in every framework."""
    for delta in range(1, FIX_SEARCH + 1):
        for n in (chain.input + delta, chain.input - delta):
            if 1 <= n <= MAX_INPUT:
                trial = Chain(n, tuple(replace(l, out=n) if l.out == chain.input else l for l in chain.layers),
                              chain.nd)
                if all(walk(trial, fw, with_fixes=False).ok for fw in chain.frameworks):
                    how = "pad" if n > chain.input else "crop"
                    extra = ""
                    if any(l.out == chain.input for l in chain.layers):
                        extra = f" (and ask the transposes that restore it for {n})"
                    return ChainFix(f"{how} the input from {chain.input} to {n}{extra}: then every layer "
                                    "fits in every framework", trial, "input")
    return None


def fixes_for(chain: Chain, framework: str, index: int, limit: int = 4) -> List[ChainFix]:
    """Changes that let ``framework`` get past layer ``index`` (0-based), whole-chain fixes first."""
    layer = chain.layers[index]
    before = index
    sizes = walk(chain, framework, with_fixes=False).sizes(chain)
    i = sizes[index]
    t = index + 1
    candidates: List[ChainFix] = []
    if layer.kind == "convT":
        if layer.skip is not None and sizes[layer.skip] is not None and layer.out != sizes[layer.skip]:
            target = sizes[layer.skip]
            how = {"tf": f"output_shape=tf.shape(skip) ({target})", "torch": f"output_size=skip.shape[-2:] ({target})",
                   "keras": f"the output_padding that gives {target}", "jax": f"the pads that give {target}",
                   "onnx": f"output_shape=[{target}, {target}]"}[framework]
            candidates.append(ChainFix(f"layer {t}: ask for the skip tensor's size — {how}",
                                       chain.with_layer(index, out=target), "skip"))
        if layer.out is not None:
            want = layer.out
            if framework == "torch":
                lo, hi = torch.output_size_range(i, layer.kernel, layer.stride, torch_padding(layer), 1)
                valid = range(max(lo, 1), hi + 1)
            elif framework == "onnx":
                valid = onnx.output_sizes(i, layer.kernel, layer.stride)
            else:
                valid = tensorflow.valid_output_sizes(i, layer.kernel, layer.stride, 1, layer.padding)
            out_fix = None
            if len(valid):
                nearest = min(valid, key=lambda v: (abs(v - want), v))
                lost = (f"; the output is then {nearest}, no longer the input's {want}"
                        if want == chain.input else "")
                out_fix = ChainFix(f"layer {t}: ask for output size {nearest} instead of {want} "
                                   f"(from {i} it accepts {size_list(valid)}){lost}",
                                   chain.with_layer(index, out=nearest), "out")
            if out_fix is not None and want != chain.input:
                candidates.append(out_fix)
        strides = sorted((s for s in range(1, MAX_STRIDE + 1) if s != layer.stride),
                         key=lambda s: abs(s - layer.stride))
        for s in strides:
            candidates.append(ChainFix(f"layer {t}: use stride {s} instead of {layer.stride}",
                                       chain.with_layer(index, stride=s), "stride"))
        if layer.out is not None and out_fix is not None and want == chain.input:
            candidates.append(out_fix)
        # kernels no smaller than the stride (smaller ones leave holes), nearest first
        kernels_ = sorted((k for k in range(layer.stride, MAX_KERNEL + 1) if k != layer.kernel),
                          key=lambda k: (abs(k - layer.kernel), -k))
        for k in kernels_:
            candidates.append(ChainFix(f"layer {t}: use kernel {k} instead of {layer.kernel}",
                                       chain.with_layer(index, kernel=k), "kernel"))
    other = "VALID" if layer.padding == "SAME" else "SAME"
    candidates.append(ChainFix(f"layer {t}: use {other} padding", chain.with_layer(index, padding=other), "padding"))
    whole = _input_size_fix(chain)
    if whole is not None:
        candidates.append(whole)

    scored = []
    seen = set()
    for order, fix in enumerate(candidates):
        if fix.chain in seen:
            continue
        seen.add(fix.chain)
        progress = _progress(fix.chain, framework)
        if progress <= before:
            continue
        everywhere = all(_progress(fix.chain, fw) == len(chain.layers) for fw in chain.frameworks)
        done = progress == len(chain.layers)
        scored.append((not done, not everywhere, order, fix))
    scored.sort(key=lambda item: item[:3])
    out, kinds = [], set()
    for _, _, _, fix in scored:
        if fix.kind in kinds:          # one stride fix, one kernel fix, ... (the best of each)
            continue
        kinds.add(fix.kind)
        out.append(fix)
        if len(out) == limit:
            break
    return out


def shape_table(chain: Chain, walks: Mapping[str, Walk]) -> List[Dict[str, str]]:
    """Rows for the page's table: one per tensor, the size in each framework (✗ where it breaks)."""
    rows = [{"#": "0", "layer": "input", **{FRAMEWORK_NAMES[fw]: f"{chain.input}" for fw in walks}}]
    for t, layer in enumerate(chain.layers, start=1):
        row = {"#": str(t), "layer": layer.text()}
        for fw in walks:
            step = walks[fw].steps[t - 1]
            row[FRAMEWORK_NAMES[fw]] = (f"{step.size}" if step.size is not None else
                                        "✗ breaks" if step.breaks else "—")
        rows.append(row)
    return rows


def break_question(chain: Chain, w: Walk) -> Question:
    """Predict first: which layer breaks first in ``w``'s framework (0: none), answered by the walk."""
    first = w.first_break
    sizes = " → ".join(str(v) for v in w.sizes(chain) if v is not None)
    name = FRAMEWORK_NAMES[w.framework]
    why = (f"{name}: every layer works — {sizes}." if first is None else
           f"{name}: layer {first + 1} ({chain.layers[first].text()}) breaks after {sizes}.")
    return Question(f"ch_break_{w.framework}", f"In {name}, which layer of this chain breaks first?",
                    answer=0 if first is None else first + 1, kind="choice",
                    choices=tuple(range(len(chain.layers) + 1)), why=why)


def break_label(choice: int) -> str:
    """A :func:`break_question` choice in words."""
    return "none: every layer works" if choice == 0 else f"layer {choice}"
