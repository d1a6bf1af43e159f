"""Paste your model: PyTorch or Keras code read into an encoder–decoder :class:`lab.chain.Chain`.

The code is parsed with :mod:`ast` and never run — a paste is untrusted text. Only the layers that
change a tensor's height and width become chain layers: convs and transposed convs as they are,
pooling as the strided conv of the same size arithmetic (``VALID``, stride = pool size by default),
and upsampling by an integer factor ``f`` as a transposed conv ``k = s = f``, ``VALID`` (``n → n·f``
in every framework). Activations, norms and dropout keep the size and are passed over; a concat
(``torch.cat``, ``Concatenate``) becomes the last layer's ``skip``. Code with a ``forward`` / ``call``
method or functional calls (``layers.Conv2D(...)(x)``) is followed as data flow; anything else is
read as one path in source order. Whatever cannot be read is noted with its line and the reason.

Work is bounded: at most :data:`MAX_CHARS` characters and :data:`MAX_LINES` lines are parsed, at
most :data:`MAX_LAYERS` layers are kept, and every parser failure becomes a message.
"""
from __future__ import annotations

import ast
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

TORCH = {"Conv2d": "conv", "ConvTranspose2d": "convT", "MaxPool2d": "pool", "AvgPool2d": "pool",
         "Upsample": "up", "UpsamplingNearest2d": "up", "UpsamplingBilinear2d": "up"}
KERAS = {"Conv2D": "conv", "Convolution2D": "conv", "Conv2DTranspose": "convT", "Convolution2DTranspose": "convT",
         "MaxPooling2D": "pool", "MaxPool2D": "pool", "AveragePooling2D": "pool", "AvgPool2D": "pool",
         "UpSampling2D": "up"}
UPSAMPLING = {name for table in (TORCH, KERAS) for name, kind in table.items() if kind == "up"}
# parameter names in positional order (the channels come first in PyTorch, filters in Keras)
TORCH_ARGS = {"conv": ("in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding"),
              "pool": ("kernel_size", "stride", "padding"), "up": ("size", "scale_factor")}
KERAS_ARGS = {"conv": ("filters", "kernel_size", "strides", "padding"), "pool": ("pool_size", "strides", "padding"),
              "up": ("size",)}
SAME_SIZE = {"ReLU", "LeakyReLU", "PReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax", "Activation",
             "Dropout", "Dropout2d", "SpatialDropout2D", "BatchNorm2d", "BatchNormalization", "GroupNorm",
             "InstanceNorm2d", "LayerNorm", "LayerNormalization", "GroupNormalization", "Identity",
             "relu", "leaky_relu", "gelu", "silu", "sigmoid", "tanh", "dropout", "batch_norm"}
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
            raise _Unread(f"its {what} differs per axis; convt models square tensors")
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


def _padding(node: Optional[ast.AST], k: int, keras: bool) -> str:
    if node is None:
        return "VALID"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        word = node.value.upper()
        if word in ("SAME", "VALID"):
            return word
        raise _Unread(f"its padding {node.value!r} is neither 'same' nor 'valid'")
    if keras:
        raise _Unread("its padding is not 'same' or 'valid'")
    p = _square(node, "padding")
    if p == 0:
        return "VALID"
    if p == (k - 1) // 2:
        return "SAME"
    raise _Unread(f"padding={p} with kernel {k} is neither 0 (VALID) nor (k − 1) // 2 = {(k - 1) // 2} (SAME), "
                  "the two paddings convt's chain models")


def _layer(kind: str, call: ast.Call, keras: bool) -> Layer:
    """One conv / convT / pool / upsampling constructor as the chain layer with its size arithmetic."""
    table = KERAS_ARGS if keras else TORCH_ARGS
    args = _arguments(call, table["conv" if kind == "convT" else kind])
    if kind == "up":
        if "size" in args and not keras:
            raise _Unread("it asks for a fixed output size, which does not follow from the input")
        factor = _square(args.get("size" if keras else "scale_factor", ast.Constant(2 if keras else None)),
                         "scale factor")
        if not 1 <= factor <= MAX_STRIDE:
            raise _Unread(f"its scale factor {factor} is outside 1 to {MAX_STRIDE}")
        return Layer("convT", factor, factor, "VALID")
    for word in ("dilation", "dilation_rate"):
        if word in args and _square(args[word], "dilation") != 1:
            raise _Unread("it is dilated; convt's chain models dilation 1")
    if not keras and "ceil_mode" in args and not (isinstance(args["ceil_mode"], ast.Constant)
                                                 and args["ceil_mode"].value is False):
        raise _Unread("ceil_mode rounds up, which convt's chain does not model")
    if "output_padding" in args and _square(args["output_padding"], "output_padding") != 0:
        raise _Unread("output_padding is not modelled (convt's chain asks for an output size instead)")
    key = "pool_size" if keras and kind == "pool" else "kernel_size"
    if key not in args:
        raise _Unread("its kernel size is missing")
    k = _square(args[key], "kernel size")
    stride_node = args.get("strides" if keras else "stride")
    s = k if kind == "pool" and (stride_node is None or (isinstance(stride_node, ast.Constant)
                                                         and stride_node.value is None)) else \
        (_square(stride_node, "stride") if stride_node is not None else 1)
    if not 1 <= k <= MAX_KERNEL:
        raise _Unread(f"its kernel {k} is outside 1 to {MAX_KERNEL}")
    if not 1 <= s <= MAX_STRIDE:
        raise _Unread(f"its stride {s} is outside 1 to {MAX_STRIDE}")
    return Layer("convT" if kind == "convT" else "conv", k, s, _padding(args.get("padding"), k, keras))


class _Reader:
    """Collects layers and notes; ``env`` maps a variable or ``self.attr`` to a tensor index (int)
    or to the layers of a module (list)."""

    def __init__(self, text: str):
        self.text = text
        self.layers: List[Layer] = []
        self.lines: List[int] = []
        self.names: List[str] = []
        self.notes: List[str] = []
        self.origins: Dict[str, int] = {"torch": 0, "keras": 0}
        self.full = False
        self.env: Dict[str, object] = {}

    def note(self, node: ast.AST, why: str) -> None:
        source = ast.get_source_segment(self.text, node) or ""
        source = " ".join(source.split())
        source = source if len(source) <= 70 else source[:67] + "…"
        self.notes.append(f"Line {getattr(node, 'lineno', '?')}: {source} — {why}.")

    def module(self, call: ast.Call) -> List[Tuple[Layer, int, str]]:
        """The chain layers a constructor call stands for (``[]``: it keeps the size, or was noted)."""
        name = _name(call.func)
        if name in CONTAINERS:
            parts: List[Tuple[Layer, int, str]] = []
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
        try:
            layer = _layer(kind, call, keras)
        except _Unread as why:
            self.note(call, f"{why}; left out (the sizes after it may differ)")
            return []
        self.origins["keras" if keras else "torch"] += 1
        return [(layer, call.lineno, name)]

    def append(self, parts: List[Tuple[Layer, int, str]]) -> None:
        for layer, line, name in parts:
            if len(self.layers) == MAX_LAYERS:
                if not self.full:
                    self.full = True
                    self.notes.append(f"Line {line}: the model has more than {MAX_LAYERS} size-changing layers; "
                                      "the rest were left out.")
                return
            self.layers.append(layer)
            self.lines.append(line)
            self.names.append(name)

    # -- one path in source order ------------------------------------------------------------
    def linear(self, tree: ast.AST) -> None:
        calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)),
                       key=lambda n: (n.lineno, n.col_offset))
        inside = set()
        for call in calls:
            if id(call) in inside:
                continue
            if _name(call.func) in TORCH or _name(call.func) in KERAS or _name(call.func) in CONTAINERS:
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
        if name in ("max_pool2d", "avg_pool2d", "interpolate") and node.args:
            fake = ast.Call(func=ast.Name("MaxPool2d" if name != "interpolate" else "Upsample"),
                            args=node.args[1:], keywords=node.keywords, lineno=node.lineno,
                            col_offset=node.col_offset, end_lineno=node.end_lineno,
                            end_col_offset=node.end_col_offset)
            return self.apply(node, self.module(fake), node.args[0])
        if node.args and name in SAME_SIZE:
            return self.tensor(node.args[0])
        if node.args:
            self.note(node, f"{name or 'this call'} is not a layer convt knows; read as keeping the size")
            return self.tensor(node.args[0])
        return None

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
                        (_name(value.func) in TORCH or _name(value.func) in KERAS or _name(value.func) in CONTAINERS):
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
        reader = _Reader(text.expandtabs(4))
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
        return Reading(framework, notes=tuple(reader.notes), refusal=why)
    return Reading(framework, tuple(reader.layers), tuple(reader.lines), tuple(reader.names), tuple(reader.notes))


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
    chain = Chain(max(1, min(int(size), MAX_INPUT)), reading.layers)
    result = walk(chain, reading.framework, with_fixes=False)
    t = result.first_break
    return Verdict(chain, result, unet.solve(chain, reading.framework),
                   None if t is None else t + 1, None if t is None else reading.lines[t])
