"""The translator's model: one transposed-conv layer written in TensorFlow, Keras, PyTorch, JAX, Flax
and ONNX — each call's arguments, the weight permutation (and flip) that carries the same weights
over, the padding mapping — and the proof: every framework-style adapter of convt run on the same
numbers, compared with the canonical transposed conv.

The layer is described once, framework-neutrally (:class:`Layer`): input size, channels, kernel,
stride, dilation, groups, and the output window as PyTorch / ONNX describe it (``SAME`` as in TF:
size ``i·s``, the extra crop at the end; ``VALID``; or explicit crops ``(before, after)`` plus
``output_padding`` zeros at the end). In the canonical model (SPEC) that is the window of ``N``
cells from ``start`` of the full output ``L = (i-1)·s + k_eff``. Each framework's function maps that
window onto its own arguments; where it has no way to say it (PyTorch no ``'same'``, Keras no groups
or explicit pads, JAX ``conv_transpose`` no feature groups) the nearest equivalent is used (crop,
zero-pad, one layer per group) and flagged. Weights are PyTorch's layout ``[C_in, C_out/g, kh, kw]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, List, Tuple

import numpy as np

from convt import jax_style, onnx_style, tf_style, torch_style
from convt._window import transpose_window
from convt.arithmetic import effective_kernel
from convt.frameworks import jax as jax_rules
from convt.frameworks import keras, onnx as onnx_rules
from lab.predict import Question
from lab.url_state import url_field

MAX_INPUT = 24
MAX_CHANNELS = 8
MAX_KERNEL = 7
MAX_STRIDE = 4
MAX_DILATION = 3
MAX_PAD = 8
MAX_GROUPS = 8
PADDINGS = ("SAME", "VALID", "EXPLICIT")
TOLERANCE = 1e-9          # float64 throughout: agreement is exact up to rounding


@dataclass(frozen=True)
class Layer:
    """One transposed-conv layer, framework-neutral; each field is a URL parameter of the page."""

    size: int = url_field("in", 5, "input size", min=1, max=MAX_INPUT)
    c_in: int = url_field("ci", 2, "input channels", min=1, max=MAX_CHANNELS)
    c_out: int = url_field("co", 2, "output channels", min=1, max=MAX_CHANNELS)
    kernel: int = url_field("k", 3, "kernel size", min=1, max=MAX_KERNEL)
    stride: int = url_field("s", 2, "stride", min=1, max=MAX_STRIDE)
    padding: str = url_field("pad", "SAME", "padding", choices=PADDINGS)
    pad_before: int = url_field("pb", 1, "crop before", min=0, max=MAX_PAD)
    pad_after: int = url_field("pa", 1, "crop after", min=0, max=MAX_PAD)
    dilation: int = url_field("d", 1, "dilation", min=1, max=MAX_DILATION)
    output_padding: int = url_field("op", 0, "output_padding", min=0, max=MAX_STRIDE)
    groups: int = url_field("g", 1, "groups", min=1, max=MAX_GROUPS)

    @property
    def k_eff(self) -> int:
        return effective_kernel(self.kernel, self.dilation)

    @property
    def full(self) -> int:
        """L: the full transposed output."""
        return (self.size - 1) * self.stride + self.k_eff

    @property
    def window(self) -> Tuple[int, int]:
        """(start, N): the canonical window of the full output."""
        if self.padding == "SAME":
            n = self.size * self.stride
            return max(0, self.full - n) // 2, n
        before, after = (0, 0) if self.padding == "VALID" else (self.pad_before, self.pad_after)
        return before, self.full - before - after + self.output_padding


def checked(layer: Layer) -> Tuple[Layer, List[str]]:
    """The layer every framework can be asked for, and a note for each value that had to change."""
    notes = []
    if layer.c_in % layer.groups or layer.c_out % layer.groups:
        notes.append(f"groups={layer.groups} must divide both channel counts ({layer.c_in} in, {layer.c_out} "
                     "out); using groups=1.")
        layer = replace(layer, groups=1)
    if layer.padding == "SAME" and layer.output_padding:
        notes.append("SAME fixes the size at input × stride: output_padding is not used.")
        layer = replace(layer, output_padding=0)
    if layer.output_padding >= layer.stride:
        notes.append(f"output_padding must be below the stride ({layer.stride}) in Keras and ONNX; using "
                     f"{layer.stride - 1}.")
        layer = replace(layer, output_padding=layer.stride - 1)
    if layer.window[1] < 1:
        notes.append(f"crops of {layer.pad_before} + {layer.pad_after} leave no output of the full "
                     f"{layer.full} cells; using no crop.")
        layer = replace(layer, pad_before=0, pad_after=0)
    return layer, notes


Run = Callable[[np.ndarray, np.ndarray], np.ndarray]   # (x NCHW, W) -> y NCHW, through convt's adapter


@dataclass
class Translation:
    """One framework's way of writing the layer, and what running it gave."""

    framework: str
    code: str
    weights: str                      # how the PyTorch-layout weight W becomes this framework's
    padding: str                      # how the padding / output size is said
    flags: List[str] = field(default_factory=list)   # what it cannot say, and the nearest equivalent
    shape: Tuple[int, ...] = ()
    max_diff: float = float("nan")

    @property
    def agrees(self) -> bool:
        return self.max_diff <= TOLERANCE


# ----------------------------------------------------------------------------- numbers
def example_arrays(layer: Layer, seed: int = 0) -> Tuple[np.ndarray, np.ndarray]:
    """x (1, C_in, H, W) and W [C_in, C_out/g, k, k], float64, from a fixed seed."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, layer.c_in, layer.size, layer.size))
    w = rng.standard_normal((layer.c_in, layer.c_out // layer.groups, layer.kernel, layer.kernel))
    return x, w


def reference(layer: Layer, x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The canonical transposed conv (SPEC's one model), NCHW."""
    start, n = layer.window
    y = transpose_window(np.ascontiguousarray(x.transpose(0, 2, 3, 1)), np.ascontiguousarray(w.transpose(2, 3, 1, 0)),
                         (layer.stride,) * 2, (layer.dilation,) * 2, (start, start), (n, n), layer.groups)
    return y.transpose(0, 3, 1, 2)


def _per_group(run, groups: int):
    """A framework without feature groups: one layer per group on its channel slice, concatenated."""
    if groups == 1:
        return run

    def grouped(x, w):
        cin = x.shape[1] // groups
        return np.concatenate([run(x[:, j * cin:(j + 1) * cin], w[j * cin:(j + 1) * cin]) for j in range(groups)],
                              axis=1)
    return grouped


def _window_of(start: int, n: int, y_full: np.ndarray, have: int) -> np.ndarray:
    """Cells ``start .. start + n`` of an NCHW output that holds cells ``0 .. have`` (zeros past it)."""
    y = y_full[:, :, start:start + n, start:start + n]
    extra = n - y.shape[2]
    return np.pad(y, ((0, 0), (0, 0), (0, extra), (0, extra))) if extra > 0 else y


def _nhwc(y):
    return y.transpose(0, 3, 1, 2)


# ----------------------------------------------------------------------------- one function per framework
GROUP_FLAG = "{name} has no groups here: one layer per group on its channel slice, concatenated on channels"


def tensorflow(layer: Layer) -> Tuple[Translation, Run]:
    start, n = layer.window
    s, d = layer.stride, layer.dilation
    if layer.padding == "EXPLICIT":
        # TF's explicit pads are the forward conv's: any (start, after) whose forward conv over n gives i
        after = max(0, layer.full - start - n)
        padding = [[0, 0], [start, after], [start, after], [0, 0]]
        said = f"explicit [[0, 0], [{start}, {after}], [{start}, {after}], [0, 0]] with output_shape {n}"
    else:
        padding, said = layer.padding, f"padding='{layer.padding}', output_shape {n} × {n}"
    flags = []
    if d > 1:
        flags.append("TF's CPU kernel refuses dilations > 1 in conv2d_transpose (GPU and oneDNN compute it; "
                     "convt computes it)")
    if layer.groups > 1:
        flags.append(GROUP_FLAG.format(name="tf.nn.conv2d_transpose (CPU)") + " (tf.split / tf.concat)")
    cout = layer.c_out // layer.groups
    code = (f"filters = tf.constant(W.transpose(2, 3, 1, 0))   # [kh, kw, C_out, C_in]\n"
            f"y = tf.nn.conv2d_transpose(x_nhwc, filters, output_shape=[1, {n}, {n}, {cout}], strides={s},\n"
            f"                           padding={padding!r}{f', dilations={d}' if d > 1 else ''})")
    run = _per_group(lambda x, w: _nhwc(tf_style.conv2d_transpose(
        x.transpose(0, 2, 3, 1), w.transpose(2, 3, 1, 0), [1, n, n, w.shape[1]], s, padding, dilations=d)),
        layer.groups)
    return Translation("TensorFlow", code, "W.transpose(2, 3, 1, 0): [kh, kw, C_out, C_in], no flip", said,
                       flags), run


def keras_layer(layer: Layer) -> Tuple[Translation, Run]:
    start, n = layer.window
    s, d = layer.stride, layer.dilation
    flags, crop = [], None
    if layer.padding == "SAME":
        pad, op = "same", None
    elif layer.padding == "VALID":
        pad, op = "valid", layer.output_padding
    else:
        pad, op = "valid", 0
        crop = (start, max(0, layer.full - start - n), max(0, start + n - layer.full))
        flags.append(f"Keras has no explicit padding: padding='valid', then Cropping2D({crop[0]}, {crop[1]})"
                     + (f" and ZeroPadding2D((0, {crop[2]}))" if crop[2] else ""))
    if s > 1 and d > 1:
        flags.append("Keras refuses strides > 1 with dilation_rate > 1: there is no Keras layer for this; "
                     "use tf.nn.conv2d_transpose (computed here through it)")
    if layer.groups > 1:
        flags.append(GROUP_FLAG.format(name="Conv2DTranspose") + " (keras.layers.Concatenate)")
    size = keras.output_size(layer.size, layer.kernel, s, d, pad, op)
    code = (f"conv = keras.layers.Conv2DTranspose({layer.c_out // layer.groups}, {layer.kernel}, strides={s}, "
            f"padding='{pad}', output_padding={op}{f', dilation_rate={d}' if d > 1 else ''},\n"
            "                                    use_bias=False)\n"
            "conv.build(x_nhwc.shape); conv.set_weights([W.transpose(2, 3, 1, 0)])\ny = conv(x_nhwc)"
            + (f"\ny = keras.layers.Cropping2D(({crop[0]}, {crop[1]}))(y)" if crop else "")
            + (f"\ny = keras.layers.ZeroPadding2D(((0, {crop[2]}), (0, {crop[2]})))(y)" if crop and crop[2] else ""))

    def run(x, w):   # Keras asks the TF backend for its own size, with the same padding word
        y = _nhwc(tf_style.conv2d_transpose(x.transpose(0, 2, 3, 1), w.transpose(2, 3, 1, 0),
                                            [1, size, size, w.shape[1]], s, pad.upper(), dilations=d))
        return _window_of(start, n, y, size) if crop else y
    return Translation("Keras", code, "kernel = W.transpose(2, 3, 1, 0): [kh, kw, filters, C_in], as TF",
                       f"padding='{pad}', output_padding={op} (Keras asks TF for {size})", flags), \
        _per_group(run, layer.groups)


def pytorch(layer: Layer) -> Tuple[Translation, Run]:
    start, n = layer.window
    s, d, g = layer.stride, layer.dilation, layer.groups
    op = n - (layer.full - 2 * start)
    exact = 0 <= op < max(s, d)
    p, op = (start, op) if exact else (0, 0)
    flags = []
    if layer.padding == "SAME":
        flags.append("PyTorch has no padding='same' for transposed convs: "
                     + (f"padding={p}, output_padding={op} give the same window" if exact else
                        "padding=0, then crop the full output"))
    elif layer.padding == "EXPLICIT" and layer.pad_before != layer.pad_after:
        flags.append("PyTorch's padding is symmetric: " + (
            f"padding={p} with output_padding={op} gives the uneven crop" if exact else
            "padding=0, then crop the full output"))
    crop = "" if exact else f"\ny = y[..., {start}:{start + n}, {start}:{start + n}]" + (
        f"  # then F.pad(y, (0, {start + n - layer.full}) * 2): zeros" if start + n > layer.full else "")
    code = (f"conv = torch.nn.ConvTranspose2d({layer.c_in}, {layer.c_out}, {layer.kernel}, stride={s}, padding={p}, "
            f"output_padding={op}{f', groups={g}' if g > 1 else ''}{f', dilation={d}' if d > 1 else ''})\n"
            "conv.weight.data = torch.from_numpy(W)   # [C_in, C_out/groups, kh, kw]\ny = conv(x)" + crop)

    def run(x, w):
        y = torch_style.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op, groups=g, dilation=d)
        return y if exact else _window_of(start, n, y, layer.full)
    return Translation("PyTorch", code, "W as it is: [C_in, C_out/groups, kh, kw]",
                       f"padding={p}, output_padding={op}" + ("" if exact else f", then crop to {n}"), flags), run


def _jax_pads(layer: Layer) -> Tuple[int, int]:
    """The direct conv's pads (JAX's default reading) that give the canonical window."""
    start, n = layer.window
    lo = layer.k_eff - 1 - start
    return lo, n - (layer.size - 1) * layer.stride - 2 + layer.k_eff - lo


def _jax_said(layer: Layer) -> str:
    lo, hi = _jax_pads(layer)
    said = f"padding=(({lo}, {hi}), ({lo}, {hi})): pads of the stride-dilated input, not of the forward conv"
    if layer.padding in ("SAME", "VALID"):
        named = jax_rules.transpose_padding(layer.k_eff, layer.stride, layer.padding)
        if named == (lo, hi):
            said += f"; padding='{layer.padding}' is the same here"
    return said


def jax_lax(layer: Layer) -> Tuple[Translation, Run]:
    lo, hi = _jax_pads(layer)
    s, d = layer.stride, layer.dilation
    flags = [GROUP_FLAG.format(name="lax.conv_transpose") + " (or lax.conv_general_dilated with "
             "lhs_dilation=strides and feature_group_count)"] if layer.groups > 1 else []
    code = ("rhs = jnp.asarray(W.transpose(2, 3, 0, 1)[::-1, ::-1])   # HWIO, flipped\n"
            f"y = jax.lax.conv_transpose(x_nhwc, rhs, strides=({s}, {s}), padding=(({lo}, {hi}), ({lo}, {hi})),\n"
            f"                           {f'rhs_dilation=({d}, {d}), ' if d > 1 else ''}"
            "dimension_numbers=('NHWC', 'HWIO', 'NHWC'))")
    run = _per_group(lambda x, w: _nhwc(jax_style.conv_transpose(
        x.transpose(0, 2, 3, 1), w.transpose(2, 3, 0, 1)[::-1, ::-1], (s, s), [(lo, hi), (lo, hi)], (d, d))),
        layer.groups)
    return Translation("JAX (lax.conv_transpose)", code,
                       "W.transpose(2, 3, 0, 1)[::-1, ::-1]: HWIO and spatially flipped (transpose_kernel=False "
                       "does not flip)", _jax_said(layer), flags), run


def flax_layer(layer: Layer) -> Tuple[Translation, Run]:
    lo, hi = _jax_pads(layer)
    s, d = layer.stride, layer.dilation
    flags = [GROUP_FLAG.format(name="nn.ConvTranspose")] if layer.groups > 1 else []
    code = (f"conv = nn.ConvTranspose({layer.c_out // layer.groups}, ({layer.kernel}, {layer.kernel}), strides=({s}, {s}), "
            f"padding=(({lo}, {hi}), ({lo}, {hi})),\n                      "
            f"{f'kernel_dilation=({d}, {d}), ' if d > 1 else ''}transpose_kernel=True, use_bias=False)\n"
            "y = conv.apply({'params': {'kernel': W.transpose(2, 3, 1, 0)}}, x_nhwc)")
    run = _per_group(lambda x, w: _nhwc(jax_style.flax_conv_transpose(
        x.transpose(0, 2, 3, 1), w.transpose(2, 3, 1, 0), strides=(s, s), padding=[(lo, hi), (lo, hi)],
        kernel_dilation=(d, d), transpose_kernel=True)), layer.groups)
    return Translation("Flax (nn.ConvTranspose)", code,
                       "kernel = W.transpose(2, 3, 1, 0): [kh, kw, features, C_in] with transpose_kernel=True "
                       "(it flips and swaps)", _jax_said(layer), flags), run


def onnx_node(layer: Layer) -> Tuple[Translation, Run]:
    start, n = layer.window
    s, d, g, op = layer.stride, layer.dilation, layer.groups, layer.output_padding
    attrs = {"strides": [s, s], "dilations": [d, d], "group": g}
    if layer.padding == "SAME":
        attrs.update(auto_pad="SAME_UPPER", output_shape=[n, n])
    elif layer.padding == "VALID":
        attrs.update(auto_pad="VALID", output_padding=[op, op])
    else:
        attrs.update(pads=[start, start, layer.pad_after, layer.pad_after], output_padding=[op, op])
    flags = []
    spec = onnx_rules.spec_output_shape((1, layer.c_in, layer.size, layer.size),
                                        (layer.c_in, layer.c_out // g, layer.kernel, layer.kernel), **attrs)
    if layer.padding == "SAME":
        runtime = min(layer.size * s, layer.full)
        if runtime != n:
            flags.append(f"auto_pad='SAME_UPPER' alone gives {runtime} in onnxruntime (it never pads past the "
                         f"full output): output_shape=[{n}, {n}] asks for the zeros")
    if list(spec[2:]) != [n, n]:
        flags.append(f"onnx.shape_inference says {spec[2:]} for this node; onnxruntime gives [{n}, {n}]")
    shown = ", ".join(f"{k}={v!r}" for k, v in attrs.items())
    code = (f"node = onnx.helper.make_node('ConvTranspose', ['X', 'W'], ['Y'], {shown})\n"
            "# W as it is: [C_in, C_out/group, kH, kW]; run with onnxruntime.InferenceSession(...).run")
    return Translation("ONNX (ConvTranspose)", code, "W as it is: [C_in, C_out/group, kH, kW] (PyTorch's)",
                       ", ".join(f"{k}={v}" for k, v in attrs.items() if k not in ("strides", "dilations", "group")),
                       flags), lambda x, w: onnx_style.conv_transpose(x, w, **attrs)


TARGETS = (tensorflow, keras_layer, pytorch, jax_lax, flax_layer, onnx_node)


@dataclass
class Result:
    layer: Layer
    notes: List[str]
    reference_shape: Tuple[int, ...]
    translations: List[Translation]

    @property
    def agree(self) -> bool:
        return all(t.agrees for t in self.translations)


def translate(layer: Layer, seed: int = 0) -> Result:
    """Every framework's version of ``layer``, each run on the same numbers and compared."""
    layer, notes = checked(layer)
    x, w = example_arrays(layer, seed)
    want = reference(layer, x, w)
    out = []
    for target in TARGETS:
        t, run = target(layer)
        y = run(x, w)
        t.shape = tuple(y.shape)
        t.max_diff = float(np.max(np.abs(y - want))) if y.shape == want.shape else float("inf")
        out.append(t)
    return Result(layer, notes, tuple(want.shape), out)


def size_question(result: Result) -> Question:
    """Predict first: the output size of the layer, answered by the canonical run's shape."""
    layer = result.layer
    start, n = layer.window
    return Question("tr_out", "What output size (height = width) will this layer give?",
                    answer=int(result.reference_shape[-1]), kind="number",
                    why=f"The full transposed output is (i − 1)·s + (k − 1)·d + 1 = {layer.full} cells; the padding "
                        f"keeps {n} of them, from cell {start}.")
