"""Paste your model: PyTorch or Keras code read into an encoder–decoder :class:`lab.chain.Chain`.

The code is parsed with :mod:`ast` and never run — a paste is untrusted text. Only the layers that
change a tensor's height and width become chain layers: convs and transposed convs as they are,
pooling as the strided conv of the same size arithmetic (``VALID``, stride = pool size by default),
and upsampling by an integer factor ``f`` as a transposed conv ``k = s = f``, ``VALID`` (``n → n·f``
in every framework). Activations, norms and dropout keep the size and are passed over; a concat
(``torch.cat``, ``Concatenate``) becomes the last layer's ``skip``. Code with a ``forward`` / ``call``
method or functional calls (``layers.Conv2D(...)(x)``) is followed as data flow; anything else is
read as one path in source order. Whatever cannot be read is noted with its line and the reason.

1-D and 3-D layers (``Conv1d`` / ``ConvTranspose3d`` / ``MaxPool1d`` …, Keras ``Conv1D`` /
``Conv3DTranspose`` / ``UpSampling1D`` …) set the reading's dimension ``nd``: the dimension of most of the
size-changing layers (a tie: the first one's); a layer of another dimension is left out with a note.
``weight_norm`` / ``spectral_norm`` (and Keras ``SpectralNormalization``) around a layer are unwrapped.
A padding layer (``ReflectionPad1d``, ``ZeroPad2d``, ``ConstantPad3d``, ``F.pad``, Keras
``ZeroPadding1D``) that adds ``t`` cells per axis is read as the transposed conv ``k = t + 1, s = 1,
VALID`` (``n → n + t`` in every framework), a Keras ``Cropping`` as the conv of the same kernel
(``n → n − t``); a reflection pad's own limit (the pad must be smaller than the input) is not checked.
PyTorch sizes depend on a layer's kernel, dilation, padding and output_padding only through
``e = dilation·(k − 1) + 1 − 2·padding (+ output_padding)``, so a PyTorch padding other than 0 or
``(k − 1) // 2`` (a vocoder's ``ConvTranspose1d(512, 256, 16, stride=8, padding=4)``) is read as the
layer ``k = e``, ``VALID``, with the same sizes and refusals, and a remark that says so. Keras ``causal``
padding gives the lengths of ``same``.

Work is bounded: at most :data:`MAX_CHARS` characters and :data:`MAX_LINES` lines are parsed, at
most :data:`MAX_LAYERS` layers are kept, and every parser failure becomes a message.
"""
from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Tuple

from lab import unet
from lab.chain import MAX_INPUT, MAX_KERNEL, MAX_STRIDE, Chain, Layer, Walk, walk

MAX_CHARS = 20_000
MAX_LINES = 400
MAX_LAYERS = 200
EXAMPLE = """nn.Sequential(
    nn.Conv2d(3, 16, 3, stride=2, padding=1),
    nn.ReLU(),
    nn.Conv2d(16, 32, 3, stride=2, padding=1),
    nn.ConvTranspose2d(32, 16, 2, stride=2),
    nn.ConvTranspose2d(16, 3, 2, stride=2),
)"""
VOCODER = """nn.Sequential(                      # a small HiFi-GAN-style generator: mel frames → samples
    nn.ReflectionPad1d(3),
    weight_norm(nn.Conv1d(80, 256, kernel_size=7)),
    nn.LeakyReLU(0.1),
    weight_norm(nn.ConvTranspose1d(256, 128, 16, stride=8, padding=4)),
    nn.LeakyReLU(0.1),
    weight_norm(nn.ConvTranspose1d(128, 64, 8, stride=4, padding=2)),
    nn.LeakyReLU(0.1),
    weight_norm(nn.ConvTranspose1d(64, 32, 4, stride=2, padding=1)),
    nn.LeakyReLU(0.1),
    nn.ReflectionPad1d(3),
    weight_norm(nn.Conv1d(32, 1, kernel_size=7)),
    nn.Tanh(),
)"""
UNET_3D = """inputs = keras.Input((64, 64, 64, 1))
c1 = layers.Conv3D(8, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling3D(2)(c1)
c2 = layers.Conv3D(16, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling3D(2)(c2)
b = layers.Conv3D(32, 3, padding="same", activation="relu")(p2)
u2 = layers.Conv3DTranspose(16, 2, strides=2, padding="same")(b)
u2 = layers.concatenate([u2, c2])
u1 = layers.UpSampling3D(2)(u2)
u1 = layers.concatenate([u1, c1])
outputs = layers.Conv3D(1, 1)(u1)"""
EXAMPLES = {"image": ("PyTorch encoder–decoder (2-D)", EXAMPLE),
            "vocoder": ("PyTorch vocoder, HiFi-GAN style (1-D)", VOCODER),
            "volume": ("Keras 3-D U-Net", UNET_3D)}

TORCH: Dict[str, str] = {"Upsample": "up", "UpsamplingNearest2d": "up", "UpsamplingBilinear2d": "up"}
KERAS: Dict[str, str] = {}
NDIM: Dict[str, int] = {"UpsamplingNearest2d": 2, "UpsamplingBilinear2d": 2}   # a layer's dimension (Upsample: any)
FUNCTIONAL: Dict[str, str] = {"interpolate": "Upsample"}   # F.max_pool1d(x, 2) → read as MaxPool1d(2)
for _d in (1, 2, 3):
    _torch = {f"Conv{_d}d": "conv", f"ConvTranspose{_d}d": "convT", f"MaxPool{_d}d": "pool", f"AvgPool{_d}d": "pool",
              **{f"{how}Pad{_d}d": "pad" for how in ("Reflection", "Replication", "Zero", "Constant", "Circular")}}
    _keras = {f"Conv{_d}D": "conv", f"Convolution{_d}D": "conv", f"Conv{_d}DTranspose": "convT",
              f"Convolution{_d}DTranspose": "convT", f"MaxPooling{_d}D": "pool", f"MaxPool{_d}D": "pool",
              f"AveragePooling{_d}D": "pool", f"AvgPool{_d}D": "pool", f"UpSampling{_d}D": "up",
              f"ZeroPadding{_d}D": "pad", f"Cropping{_d}D": "crop"}
    _functional = {f"max_pool{_d}d": f"MaxPool{_d}d", f"avg_pool{_d}d": f"AvgPool{_d}d"}
    TORCH.update(_torch)
    KERAS.update(_keras)
    FUNCTIONAL.update(_functional)
    NDIM.update(dict.fromkeys([*_torch, *_keras, *_functional], _d))
UPSAMPLING = {name for table in (TORCH, KERAS) for name, kind in table.items() if kind == "up"}
PADDING = {"F.pad"} | {name for table in (TORCH, KERAS) for name, kind in table.items() if kind == "pad"}
# parameter names in positional order (the channels come first in PyTorch, filters in Keras)
TORCH_ARGS = {"conv": ("in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding"),
              "pool": ("kernel_size", "stride", "padding"), "up": ("size", "scale_factor"), "pad": ("padding",)}
KERAS_ARGS = {"conv": ("filters", "kernel_size", "strides", "padding"), "pool": ("pool_size", "strides", "padding"),
              "up": ("size",), "pad": ("padding",), "crop": ("cropping",)}
SAME_SIZE = {"ReLU", "LeakyReLU", "PReLU", "ELU", "GELU", "SiLU", "Mish", "Hardswish", "Sigmoid", "Tanh", "Softmax",
             "Activation", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "SpatialDropout1D", "SpatialDropout2D",
             "SpatialDropout3D", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "BatchNormalization", "GroupNorm",
             "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "LayerNorm", "LayerNormalization",
             "GroupNormalization", "Identity", "relu", "leaky_relu", "gelu", "silu", "sigmoid", "tanh", "dropout",
             "batch_norm"}
# wrappers that keep the layer they wrap: read the layer inside
WRAPPERS = {"weight_norm", "spectral_norm", "SpectralNormalization", "WeightNormalization"}
CONCAT = {"cat", "concat", "concatenate", "Concatenate"}
CONTAINERS = {"Sequential", "ModuleList"}


@dataclass(frozen=True)
class Reading:
    """The chain layers read from the code, the source line of each, and a note per line left out."""

    framework: str = ""                     # "torch" or "keras" (whose size rules the walk uses)
    layers: Tuple[Layer, ...] = ()
    lines: Tuple[int, ...] = ()
    names: Tuple[str, ...] = ()             # the class each layer was read from, e.g. "UpSampling2D"
    notes: Tuple[str, ...] = ()
    refusal: str = ""                       # why nothing at all could be read
    nd: int = 2                             # spatial dimensions: 1 (sequences), 2 (images), 3 (volumes)
    remarks: Tuple[str, ...] = ()           # per layer: how it was read when not as written ("" otherwise)


class _Unread(Exception):
    """A layer argument this reader cannot turn into a number or a padding word."""


def _name(node: ast.AST) -> str:
    """``nn.Conv2d`` → ``Conv2d``; ``torch.cat`` → ``cat``; anything else → ``""``."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _square(node: ast.AST, what: str) -> int:
    if isinstance(node, (ast.Tuple, ast.List)) and node.elts:
        values = {_square(elt, what) for elt in node.elts}
        if len(values) != 1:
            raise _Unread(f"its {what} differs per axis; convt models every side the same size")
        return values.pop()
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        if node.value != int(node.value):
            raise _Unread(f"its {what} {node.value} is not a whole number")
        return int(node.value)
    raise _Unread(f"its {what} is not written as a number (convt reads literal values only)")


def _arguments(call: ast.Call, names: Tuple[str, ...]) -> Dict[str, ast.AST]:
    args = dict(zip(names, call.args))
    args.update((kw.arg, kw.value) for kw in call.keywords if kw.arg)
    return args


def _word(node: Optional[ast.AST]) -> Optional[str]:
    """A padding written as a word (``'same'`` → ``SAME``), None when it is not a string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.upper()
    return None


def _padding(node: Optional[ast.AST]) -> str:
    """A Keras padding word (Keras takes no number)."""
    word = _word(node) if node is not None else "VALID"
    if word in ("SAME", "VALID"):
        return word
    if word is not None:
        raise _Unread(f"its padding {node.value!r} is neither 'same' nor 'valid'")
    raise _Unread("its padding is not 'same' or 'valid'")


def _pad_totals(node: ast.AST, nd: int, style: str) -> int:
    """Cells a padding layer adds (or a cropping takes away) per axis, the same on every axis.
    ``style``: ``torch`` (an int, or a (left, right) pair per axis, the last axis first), ``F.pad``
    (pairs for the last axes only) or ``keras`` (an int, one int per axis, or a (before, after) pair
    per axis; ZeroPadding1D: one pair)."""
    if not isinstance(node, (ast.Tuple, ast.List)):
        return 2 * _square(node, "padding")
    items = node.elts
    if style == "keras" and nd == 1:
        pairs = [items]
    elif style == "keras":
        pairs = [elt.elts if isinstance(elt, (ast.Tuple, ast.List)) else [elt, elt] for elt in items]
    else:
        pairs = [items[j:j + 2] for j in range(0, len(items), 2)]
    if any(len(pair) != 2 for pair in pairs) or len(pairs) > nd or (style != "F.pad" and len(pairs) != nd):
        raise _Unread(f"its padding has {len(items)} values, not the form a {nd}-D padding takes")
    totals = [sum(_square(v, "padding") for v in pair) for pair in pairs] + [0] * (nd - len(pairs))
    if len(set(totals)) != 1:
        raise _Unread(f"its padding adds {' / '.join(map(str, totals))} cells on its axes; convt models every side "
                      "the same size")
    return totals[0]


def _cells(t: int) -> str:
    return "cell" if t == 1 else "cells"


def _pad_layer(kind: str, call: ast.Call, args: Dict[str, ast.AST], nd: int, style: str) -> Tuple[Optional[Layer], str]:
    """A padding (``n → n + t``) as the transposed conv ``k = t + 1, s = 1, VALID``; a cropping as the conv."""
    key = "cropping" if kind == "crop" else "pad" if style == "F.pad" else "padding"
    if key not in args:
        if style != "keras":
            raise _Unread("its padding is missing")
        args[key] = ast.Constant(1)     # Keras: ZeroPadding / Cropping default to 1 on each side
    t = _pad_totals(args[key], nd, style)
    if t == 0:
        return None, ""
    if t + 1 > MAX_KERNEL:
        raise _Unread(f"it {'crops' if kind == 'crop' else 'pads'} {t} cells per axis; the chain expresses at most "
                      f"{MAX_KERNEL - 1} (as a kernel of t + 1 cells)")
    if kind == "crop":
        return Layer("conv", t + 1, 1, "VALID"), f"crops {t} {_cells(t)} per axis (n → n − {t}): the sizes of conv k{t + 1} s1 VALID"
    return Layer("convT", t + 1, 1, "VALID"), f"pads {t} {_cells(t)} per axis (n → n + {t}): the sizes of convT k{t + 1} s1 VALID"


def _torch_geometry(kind: str, args: Dict[str, ast.AST], k: int, s: int) -> Tuple[int, str, str]:
    """PyTorch's kernel, dilation, padding and output_padding as a chain layer's (kernel, padding word,
    remark): as written when the padding is 0 or (k − 1) // 2, else the layer ``k = e``, VALID with
    ``e = dilation·(k − 1) + 1 − 2·padding (+ output_padding)``, which has the same sizes and refusals."""
    d = _square(args["dilation"], "dilation") if "dilation" in args else 1
    op = _square(args["output_padding"], "output_padding") if kind == "convT" and "output_padding" in args else 0
    if d < 1 or op < 0:
        raise _Unread("its dilation or output_padding is not one PyTorch accepts")
    if op and op >= max(s, d):
        raise _Unread(f"output_padding={op} is not smaller than the stride {s} (or the dilation); PyTorch refuses "
                      "this layer")
    word = _word(args.get("padding"))
    if word is not None and kind != "conv":
        raise _Unread("its padding is a word; PyTorch's transposed convs and pools take a number")
    if word is not None and word not in ("SAME", "VALID"):
        raise _Unread(f"its padding {word.lower()!r} is neither 'same' nor 'valid'")
    if word == "SAME" and s != 1:
        raise _Unread("padding='same' with a stride is refused by PyTorch")
    span = d * (k - 1) + 1
    if word == "SAME":
        if d == 1 and k % 2:
            return k, "SAME", ""
        return 1, "VALID", "padding='same': the length is kept (the sizes of kernel 1, no padding)"
    p = 0 if word == "VALID" or args.get("padding") is None else _square(args["padding"], "padding")
    if kind == "pool" and 2 * p > k:
        raise _Unread(f"its padding {p} is more than half its kernel {k}; PyTorch refuses this pooling")
    if d == 1 and op == 0 and p in (0, (k - 1) // 2):
        return k, "VALID" if p == 0 else "SAME", ""
    e = span - 2 * p + op
    terms = (f"{d}·({k} − 1) + 1" if d != 1 else f"{k}") + (f" − 2·{p}" if p else "") + (f" + {op}" if op else "")
    formula = ("dilation·(k − 1) + 1" if d != 1 else "k") + (" − 2·padding" if p else "") + \
              (" + output_padding" if op else "")
    sizes = f"PyTorch's sizes depend only on {formula} = {terms} = {e}"
    if not 1 <= e <= MAX_KERNEL:
        raise _Unread(f"{sizes}; convt's chain models the sizes of kernels from 1 to {MAX_KERNEL} with no padding")
    return e, "VALID", f"{sizes}: read as kernel {e}, no padding"


def _layer(kind: str, call: ast.Call, keras: bool, nd: int = 2) -> Tuple[Optional[Layer], str]:
    """One conv / convT / pool / upsampling / padding constructor as the chain layer with its size
    arithmetic (None: it keeps the size), and a remark when it is read other than as written."""
    table = KERAS_ARGS if keras else TORCH_ARGS
    args = _arguments(call, table["conv" if kind == "convT" else kind])
    if kind in ("pad", "crop"):
        return _pad_layer(kind, call, args, nd, "keras" if keras else "torch")
    if kind == "up":
        if "size" in args and not keras:
            raise _Unread("it asks for a fixed output size, which does not follow from the input")
        factor = _square(args.get("size" if keras else "scale_factor", ast.Constant(2 if keras else None)),
                         "scale factor")
        if not 1 <= factor <= MAX_STRIDE:
            raise _Unread(f"its scale factor {factor} is outside 1 to {MAX_STRIDE}")
        return Layer("convT", factor, factor, "VALID"), ""
    if keras:
        for word in ("dilation", "dilation_rate"):
            if word in args and _square(args[word], "dilation") != 1:
                raise _Unread("it is dilated; convt's chain models dilation 1")
        if "output_padding" in args and _square(args["output_padding"], "output_padding") != 0:
            raise _Unread("output_padding is not modelled (convt's chain asks for an output size instead)")
    if not keras and "ceil_mode" in args and not (isinstance(args["ceil_mode"], ast.Constant)
                                                 and args["ceil_mode"].value is False):
        raise _Unread("ceil_mode rounds up, which convt's chain does not model")
    key = "pool_size" if keras and kind == "pool" else "kernel_size"
    if key not in args and not (keras and kind == "pool"):      # Keras pools default to pool_size 2
        raise _Unread("its kernel size is missing")
    k = _square(args.get(key, ast.Constant(2)), "kernel size")
    stride_node = args.get("strides" if keras else "stride")
    s = k if kind == "pool" and (stride_node is None or (isinstance(stride_node, ast.Constant)
                                                         and stride_node.value is None)) else \
        (_square(stride_node, "stride") if stride_node is not None else 1)
    if not 1 <= s <= MAX_STRIDE:
        raise _Unread(f"its stride {s} is outside 1 to {MAX_STRIDE}")
    if k < 1:
        raise _Unread(f"its kernel {k} is outside 1 to {MAX_KERNEL}")
    remark = ""
    if not keras:
        k, padding, remark = _torch_geometry(kind, args, k, s)
    elif _word(args.get("padding")) == "CAUSAL" and kind == "conv" and nd == 1:
        padding, remark = "SAME", "causal padding: the lengths of 'same' (all the padding on the left)"
    else:
        padding = _padding(args.get("padding"))
    if not 1 <= k <= MAX_KERNEL:
        raise _Unread(f"its kernel {k} is outside 1 to {MAX_KERNEL}")
    return Layer("convT" if kind == "convT" else "conv", k, s, padding), remark


def _constructs(name: str) -> bool:
    """A constructor the reader reads as a module: a layer, a container or a wrapper around a layer."""
    return name in TORCH or name in KERAS or name in CONTAINERS or name in WRAPPERS


def _dimension(tree: ast.AST) -> int:
    """The dimension of most of the layers that have one (a tie: the first one's; none: 2)."""
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    seen = [NDIM[_name(c.func)] for c in calls if _name(c.func) in NDIM]
    counts = Counter(seen)
    return next((d for d in seen if counts[d] == max(counts.values())), 2)


Part = Tuple[Layer, int, str, str]   # a layer, its line, its class, how it was read


class _Reader:
    """Collects layers and notes; ``env`` maps a variable or ``self.attr`` to a tensor index (int)
    or to the layers of a module (list)."""

    def __init__(self, text: str, nd: int = 2):
        self.text = text
        self.nd = nd
        self.layers: List[Layer] = []
        self.lines: List[int] = []
        self.names: List[str] = []
        self.remarks: List[str] = []
        self.notes: List[str] = []
        self.origins: Dict[str, int] = {"torch": 0, "keras": 0}
        self.full = False
        self.env: Dict[str, object] = {}

    def note(self, node: ast.AST, why: str) -> None:
        source = ast.get_source_segment(self.text, node) or ""
        source = " ".join(source.split())
        source = source if len(source) <= 70 else source[:67] + "…"
        self.notes.append(f"Line {getattr(node, 'lineno', '?')}: {source} — {why}.")

    def module(self, call: ast.Call) -> List[Part]:
        """The chain layers a constructor call stands for (``[]``: it keeps the size, or was noted)."""
        name = _name(call.func)
        if name in WRAPPERS:
            inner = call.args[0] if call.args else next((kw.value for kw in call.keywords
                                                         if kw.arg in ("module", "layer")), None)
            if isinstance(inner, ast.Call):
                return self.module(inner)
            self.note(call, f"{name} wraps no layer written here; left out")
            return []
        if name in CONTAINERS:
            parts: List[Part] = []
            for arg in call.args:
                items = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
                for item in items:
                    if isinstance(item, ast.Call):
                        parts.extend(self.module(item))
                    else:
                        self.note(item, "not a layer convt can read; left out")
            return parts
        if name in SAME_SIZE:
            return []
        kind, keras = (TORCH[name], False) if name in TORCH else (KERAS.get(name), True)
        if kind is None:
            if name in ("Input", "InputLayer"):
                return []
            self.note(call, f"{name or 'this'} is not a layer convt knows; read as keeping the size")
            return []
        if NDIM.get(name, self.nd) != self.nd:
            self.note(call, f"{name} is a {NDIM[name]}-D layer, but this model is read as {self.nd}-D (the dimension "
                            "of most of its layers); a chain has one dimension, so it was left out (the sizes after "
                            "it may differ)")
            return []
        try:
            layer, remark = _layer(kind, call, keras, self.nd)
        except _Unread as why:
            self.note(call, f"{why}; left out (the sizes after it may differ)")
            return []
        self.origins["keras" if keras else "torch"] += 1
        return [] if layer is None else [(layer, call.lineno, name, remark)]

    def append(self, parts: List[Part]) -> None:
        for layer, line, name, remark in parts:
            if len(self.layers) == MAX_LAYERS:
                if not self.full:
                    self.full = True
                    self.notes.append(f"Line {line}: the model has more than {MAX_LAYERS} size-changing layers; "
                                      "the rest were left out.")
                return
            self.layers.append(layer)
            self.lines.append(line)
            self.names.append(name)
            self.remarks.append(remark)

    # -- one path in source order ------------------------------------------------------------
    def linear(self, tree: ast.AST) -> None:
        calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)),
                       key=lambda n: (n.lineno, n.col_offset))
        inside = set()
        for call in calls:
            if id(call) in inside:
                continue
            if _constructs(_name(call.func)):
                for sub in ast.walk(call):
                    inside.add(id(sub))
                self.append(self.module(call))

    # -- data flow --------------------------------------------------------------------------
    def key(self, node: ast.AST) -> str:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return f"{node.value.id}.{node.attr}"
        return ""

    def tensor(self, node: ast.AST) -> Optional[int]:
        """The tensor an expression gives (appending the layers it applies), or None."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            value = self.env.get(self.key(node))
            if isinstance(value, int):
                return value
            return 0 if not self.layers and value is None else None
        if not isinstance(node, ast.Call):
            return None
        name = _name(node.func)
        if isinstance(node.func, ast.Call):                     # layers.Conv2D(...)(x)
            if _name(node.func.func) in CONCAT:
                return self.concat(node, node.args[0] if node.args else None)
            parts = self.module(node.func)
            return self.apply(node, parts, node.args[0] if node.args else None)
        if name in CONCAT:                                      # torch.cat([a, b], 1)
            return self.concat(node, node.args[0] if node.args else None)
        held = self.env.get(self.key(node.func))
        if isinstance(held, list):                              # self.down1(x) / conv(x)
            return self.apply(node, held, node.args[0] if node.args else None)
        if name == "pad" and node.args and _name(getattr(node.func, "value", None)) in ("F", "functional"):
            return self.apply(node, self.functional_pad(node), node.args[0])      # F.pad(x, (1, 1))
        if name in FUNCTIONAL and node.args:                    # F.max_pool1d(x, 2) as MaxPool1d(2)
            fake = ast.Call(func=ast.Name(FUNCTIONAL[name]), args=node.args[1:], keywords=node.keywords, lineno=node.lineno,
                            col_offset=node.col_offset, end_lineno=node.end_lineno,
                            end_col_offset=node.end_col_offset)
            return self.apply(node, self.module(fake), node.args[0])
        if node.args and name in SAME_SIZE:
            return self.tensor(node.args[0])
        if node.args:
            self.note(node, f"{name or 'this call'} is not a layer convt knows; read as keeping the size")
            return self.tensor(node.args[0])
        return None

    def functional_pad(self, node: ast.Call) -> List[Part]:
        try:
            layer, remark = _pad_layer("pad", node, _arguments(node, ("input", "pad")), self.nd, "F.pad")
        except _Unread as why:
            self.note(node, f"{why}; left out (the sizes after it may differ)")
            return []
        self.origins["torch"] += 1
        return [] if layer is None else [(layer, node.lineno, "F.pad", remark)]

    def apply(self, node: ast.AST, parts, arg: Optional[ast.AST]) -> Optional[int]:
        if arg is None:
            self.note(node, "a layer called without a tensor; left out")
            return None
        source = self.tensor(arg)
        if source is None:
            self.note(node, "its input is not a tensor convt followed; left out")
            return None
        if parts and source != len(self.layers):
            self.note(node, "it takes an earlier tensor, not the latest; convt's chain is one path, so it was "
                            "left out")
            return None
        self.append(parts)
        return len(self.layers) if parts else source

    def concat(self, node: ast.AST, seq: Optional[ast.AST]) -> Optional[int]:
        items = seq.elts if isinstance(seq, (ast.List, ast.Tuple)) else []
        tensors = [self.tensor(item) for item in items]
        last = len(self.layers)
        if len(tensors) != 2 or None in tensors or last not in tensors or last == 0:
            self.note(node, "a concat convt can read joins the latest tensor with one earlier tensor; left out")
            return last if last in tensors else None
        other = min(tensors)
        if other == last:
            return last
        if self.layers[-1].skip is not None:
            self.note(node, "a second concat after the same layer; left out")
            return last
        self.layers[-1] = replace(self.layers[-1], skip=other)
        return last

    def flow(self, body: List[ast.stmt], setup: List[ast.stmt]) -> None:
        """``setup``: statements that define modules (``__init__``); ``body``: the forward pass."""
        for stmt in setup:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and len(stmt.targets) == 1:
                if self.key(stmt.targets[0]):
                    self.env[self.key(stmt.targets[0])] = self.module(stmt.value)
        for stmt in body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
                value = stmt.value
                if isinstance(value, ast.Call) and not isinstance(value.func, ast.Call) and \
                        _constructs(_name(value.func)):
                    self.env[self.key(target)] = self.module(value)     # a layer defined here, called later
                    continue
                if isinstance(value, ast.Call) and _name(value.func) in ("Input", "InputLayer"):
                    self.env[self.key(target)] = 0                      # keras.Input: tensor 0
                    continue
                result = self.tensor(value)
                if result is not None and self.key(target):
                    self.env[self.key(target)] = result
            elif isinstance(stmt, (ast.Return, ast.Expr)) and stmt.value is not None:
                self.tensor(stmt.value)
            elif isinstance(stmt, (ast.For, ast.While, ast.If, ast.With, ast.Try)):
                self.note(stmt, "control flow is not followed (convt reads straight-line code); left out")


def _methods(tree: ast.Module) -> Tuple[List[ast.stmt], List[ast.stmt], List[str]]:
    """The setup (``__init__``) and forward (``forward`` / ``call``) bodies and the forward's arguments."""
    setup: List[ast.stmt] = []
    body: List[ast.stmt] = []
    args: List[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            if node.name in ("__init__", "build"):
                setup.extend(node.body)
            elif node.name in ("forward", "call"):
                body.extend(node.body)
                args = [a.arg for a in node.args.args if a.arg != "self"]
    return setup, body, args


def _looks_binary(text: str) -> bool:
    odd = sum(1 for ch in text[:4000] if not (ch.isprintable() or ch in "\n\r\t"))
    return "\x00" in text or odd > len(text[:4000]) // 20


def read(text: object) -> Reading:
    """The chain layers in pasted PyTorch / Keras code, or a refusal that says why there are none."""
    if not isinstance(text, str) or not text.strip():
        return Reading(refusal="Paste a PyTorch nn.Sequential / nn.Module or a Keras Sequential / functional model.")
    if len(text) > MAX_CHARS:
        return Reading(refusal=f"The code is {len(text):,} characters; this box reads at most {MAX_CHARS:,}. "
                               "Paste only the model's layers (its __init__ and forward, or its Sequential).")
    if text.count("\n") >= MAX_LINES:
        return Reading(refusal=f"The code has {text.count(chr(10)) + 1:,} lines; this box reads at most {MAX_LINES}. "
                               "Paste only the model's layers.")
    if _looks_binary(text):
        return Reading(refusal="This looks like binary data, not Python code; paste the model's source text.")
    try:
        tree = ast.parse(text.expandtabs(4))
        reader = _Reader(text.expandtabs(4), _dimension(tree))
        setup, body, args = _methods(tree)
        if body:
            reader.env.update({name: 0 for name in args[:1]})
            reader.flow(body, setup)
        elif any(isinstance(n, ast.Call) and isinstance(n.func, ast.Call) for n in ast.walk(tree)):
            reader.flow(tree.body, [])
        else:
            reader.linear(tree)
    except SyntaxError as err:
        line = f"Line {err.lineno}" if err.lineno else "The code"
        hint = " (it looks like HTML or XML)" if text.lstrip().startswith("<") else ""
        return Reading(refusal=f"{line} is not Python: {err.msg}{hint}. This box reads model code, e.g. "
                               "nn.Sequential(nn.Conv2d(3, 16, 3, stride=2, padding=1), …).")
    except (RecursionError, MemoryError, ValueError, OverflowError):
        return Reading(refusal="The code is nested too deeply (or is too large) to read; paste the model's "
                               "layers only.")
    origins = reader.origins
    framework = "keras" if origins["keras"] > origins["torch"] else "torch"
    if not reader.layers:
        why = "No conv, transposed conv, pooling or upsampling layer was found in the code."
        return Reading(framework, notes=tuple(reader.notes), refusal=why, nd=reader.nd)
    return Reading(framework, tuple(reader.layers), tuple(reader.lines), tuple(reader.names), tuple(reader.notes),
                   nd=reader.nd, remarks=tuple(reader.remarks))


@dataclass(frozen=True)
class Verdict:
    """A reading checked for one input size: the walk in its framework and the solver's fixes."""

    chain: Chain
    walk: Walk
    solution: unet.Solution
    breaks_at: Optional[int] = None        # 1-based layer
    line: Optional[int] = None             # its source line


def check(reading: Reading, size: int) -> Verdict:
    """Walk the read chain from an input of ``size`` (clamped to 1 … MAX_INPUT) in its framework."""
    chain = Chain(max(1, min(int(size), MAX_INPUT)), reading.layers, reading.nd)
    result = walk(chain, reading.framework, with_fixes=False)
    t = result.first_break
    return Verdict(chain, result, unet.solve(chain, reading.framework),
                   None if t is None else t + 1, None if t is None else reading.lines[t])
