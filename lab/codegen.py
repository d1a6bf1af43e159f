"""Copyable TensorFlow, Keras, PyTorch, JAX and ONNX code for a shape-explorer configuration.

Each snippet builds the same shapes as the page and ends with the outcome the page predicts (the
exact error text, or the output shape) as a comment, taken from :func:`lab.explorer.analyse`, so
pasting it into a Python session reproduces what the page says. TF snippets switch oneDNN off
(``TF_ENABLE_ONEDNN_OPTS=0``) before importing TensorFlow: with oneDNN on, float32 errors become the
opaque "could not create a primitive descriptor" text. Comments are wrapped to :data:`WIDTH` columns
(a trailing comment that would overflow moves above its line), and a failing configuration also gets
the call its first working one-click fix gives (:func:`fixed_code`).
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Dict, List, Optional

from lab.explorer import (JAX_ROW, ONNX_ROW, ONNX_SPEC_ROW, Analysis, Config, Fix, Row, analyse,
                          keras_output_padding_for, onnx_attributes, requested_sizes, tf_nd_call)
from lab.url_state import url_keys
from convt.frameworks import keras, torch

WIDTH = 88   # columns of a snippet's comments (PEP 8's long-line limit, as black / ruff use)
_CONFIG_KEYS = url_keys(Config)


def _predicted(row: Optional[Row], shape: str) -> str:
    if row is None:
        return "# predicted: (not expressible in this framework)"
    if row.message is None:
        return f"# predicted: {shape}"
    wrapped = textwrap.wrap(row.message, WIDTH - 4, break_long_words=True, break_on_hyphens=False)
    return "# predicted error:\n" + "\n".join("#   " + line for line in wrapped)


def _comment_lines(text: str, indent: str) -> List[str]:
    body = text.lstrip("#").strip()
    lead = "#   " if text.startswith("#   ") else "# "
    return [indent + lead + line for line in
            textwrap.wrap(body, max(20, WIDTH - len(indent) - len(lead)), break_long_words=True,
                          break_on_hyphens=False)] or [indent + "#"]


def wrap_comments(code: str) -> str:
    """``code`` with no comment past :data:`WIDTH` columns: a long comment line is wrapped, a
    trailing comment that overflows goes on its own lines above its statement. Code is untouched."""
    out: List[str] = []
    for line in code.split("\n"):
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if len(line) <= WIDTH or "#" not in line:
            out.append(line)
        elif stripped.startswith("#"):
            out += _comment_lines(stripped, indent)
        elif "  # " in line and line.count('"') % 2 == 0 and line.count("'") % 2 == 0:
            statement, comment = line.split("  # ", 1)
            out += _comment_lines("# " + comment, indent) + [statement]
        else:
            out.append(line)
    return "\n".join(out)


def _row(a: Analysis, framework: str) -> Optional[Row]:
    for row in a.rows:
        if row.framework == framework:
            return row
    return None


def _axes(cfg: Config) -> str:
    return ", ".join(cfg.axes)


def _kernel_axes(cfg: Config) -> str:
    return ", ".join("k" + name[0] for name in cfg.axes)


def _values(values) -> str:
    return ", ".join(str(v) for v in values)


def tf_nd_code(cfg: Config, a: Analysis) -> str:
    """``tf.nn.conv1d_transpose`` / ``conv3d_transpose`` (static output_shape; these ops take no
    explicit padding list, which the snippet passes when asked to so that it shows the refusal)."""
    sizes = requested_sizes(cfg) or cfg.requested_tf
    op, (x, w, out, s, padding, d) = tf_nd_call(cfg, sizes)
    dil = f", dilations={d}" if d != 1 else ""
    return ('import os\nos.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # the real message, not oneDNN\'s\n'
            "import tensorflow as tf\n\n"
            f"x = tf.random.normal({list(x)})  # your input: [batch, {_axes(cfg)}, channels]\n"
            f"filters = tf.random.normal({list(w)})  # [{_kernel_axes(cfg)}, out_channels, in_channels]\n"
            f"y = {op}(x, filters, output_shape={out}, strides={s},\n"
            f"    padding={padding!r}{dil})\n"
            "print(y.shape)\n" + _predicted(_row(a, "TensorFlow 2.x"), f"({_values(out)})") + "\n")


def tf_code(cfg: Config, a: Optional[Analysis] = None) -> str:
    a = a or analyse(cfg)
    if cfg.nd != 2:
        return tf_nd_code(cfg, a)
    sizes = requested_sizes(cfg) or cfg.requested_tf
    if cfg.padding == "EXPLICIT":
        padding = f"[[0, 0], [{cfg.pad_before}, {cfg.pad_after}], [{cfg.pad_before}, {cfg.pad_after}], [0, 0]]"
    else:
        padding = f'"{cfg.padding}"'
    dil = f", dilations={cfg.dilation}" if cfg.dilation != 1 else ""
    x_shape = [cfg.batch, cfg.in_h, cfg.width, cfg.channels]
    f_shape = [cfg.kernel, cfg.kernel, cfg.filter_out, cfg.filter_in]
    out = [cfg.out_batch, sizes[0], sizes[1], cfg.out_channels]
    head = ('import os\nos.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # the real message, not oneDNN\'s\n'
            "import tensorflow as tf\n\n"
            f"x = tf.random.normal({x_shape})  # your input: [batch, height, width, channels]\n"
            f"filters = tf.random.normal({f_shape})  # [height, width, out_channels, in_channels]\n")
    shape = f"({', '.join(str(v) for v in out)})"
    predicted = _predicted(_row(a, "TensorFlow 2.x"), shape)
    if cfg.dynamic:
        body = (f"\n@tf.function(input_signature=[tf.TensorSpec([None, None, None, {cfg.channels}])])\n"
                "def up(x):\n"
                "    # dynamic output_shape: a tensor, known only when the graph runs\n"
                f"    output_shape = tf.stack([{cfg.out_batch}, {sizes[0]}, {sizes[1]}, {cfg.out_channels}])\n"
                f"    return tf.nn.conv2d_transpose(x, filters, output_shape, strides={cfg.stride}, "
                f"padding={padding}{dil})\n\n"
                "y = up(x)\n")
    else:
        body = (f"y = tf.nn.conv2d_transpose(x, filters, output_shape={out}, strides={cfg.stride},\n"
                f"                           padding={padding}{dil})\n")
    return head + body + "print(y.shape)\n" + predicted + "\n"


def keras_code(cfg: Config, a: Optional[Analysis] = None) -> str:
    a = a or analyse(cfg)
    row = _row(a, "Keras 3 (TF backend)")
    if cfg.keras_padding is None:
        return f"# Keras's Conv{cfg.nd}DTranspose has no explicit padding: choose 'same' or 'valid'.\n"
    sizes = requested_sizes(cfg) or cfg.requested_tf
    op, refusal = keras_output_padding_for(cfg, sizes)
    if refusal:
        return f"# Keras cannot produce this size: {refusal}.\n"
    got = [keras.output_size(i, cfg.kernel, cfg.stride, cfg.dilation, cfg.keras_padding, op)
           for i in cfg.inputs]
    shape = f"({cfg.batch}, {_values(got)}, {cfg.filter_out})"
    dil = f", dilation_rate={cfg.dilation}" if cfg.dilation != 1 else ""
    return ('import os\nos.environ["KERAS_BACKEND"] = "tensorflow"\n'
            'os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"\n'
            "import numpy as np\nimport keras\n\n"
            f"x = np.random.default_rng(0).standard_normal(({cfg.batch}, {_values(cfg.inputs)}, "
            f"{cfg.channels})).astype(\"float32\")  # [batch, {_axes(cfg)}, channels]\n"
            f"layer = keras.layers.Conv{cfg.nd}DTranspose(filters={cfg.filter_out}, kernel_size={cfg.kernel}, "
            f"strides={cfg.stride},\n"
            f"                                     padding=\"{cfg.keras_padding}\", output_padding={op}{dil})\n"
            "y = layer(x)\n"
            "print(y.shape)\n" + _predicted(row, shape) + "\n")


def torch_code(cfg: Config, a: Optional[Analysis] = None) -> str:
    a = a or analyse(cfg)
    row = _row(a, "PyTorch")
    sizes = requested_sizes(cfg) or cfg.requested_tf
    p = cfg.torch_padding
    dil = f", dilation={cfg.dilation}" if cfg.dilation != 1 else ""
    by_padding = cfg.framework == "torch" and cfg.torch_request == "padding"
    if by_padding:
        op = cfg.torch_op
        got = [torch.output_size(i, cfg.kernel, cfg.stride, p, op, cfg.dilation) for i in cfg.inputs]
        layer = (f"conv = torch.nn.ConvTranspose{cfg.nd}d({cfg.filter_in}, {cfg.filter_out}, kernel_size={cfg.kernel}, "
                 f"stride={cfg.stride}, padding={p},\n"
                 f"                              output_padding={op}{dil})\n")
        call = "y = conv(x)\n"
    else:
        got = list(sizes)
        layer = (f"conv = torch.nn.ConvTranspose{cfg.nd}d({cfg.filter_in}, {cfg.filter_out}, kernel_size={cfg.kernel}, "
                 f"stride={cfg.stride}, padding={p}{dil})\n")
        call = f"y = conv(x, output_size=[{_values(sizes)}])\n"
    shape = f"torch.Size([{cfg.batch}, {cfg.filter_out}, {_values(got)}])"
    return ("import torch\n\n"
            f"x = torch.randn({cfg.batch}, {cfg.channels}, {_values(cfg.inputs)})  "
            f"# [batch, channels, {_axes(cfg)}]\n"
            + layer + f"# conv.weight is [in_channels, out_channels, {_kernel_axes(cfg)}]\n" + call +
            "print(y.shape)\n" + _predicted(row, shape) + "\n")


def _two_d_only(cfg: Config, name: str) -> str:
    return f"# convt models {name}'s transposed conv in 2-D only: no {cfg.nd}-D snippet.\n"


def jax_code(cfg: Config, a: Optional[Analysis] = None) -> str:
    """``lax.conv_transpose`` with the explorer's call (its padding, or the pads that give the size)."""
    if cfg.nd != 2:
        return _two_d_only(cfg, "JAX")
    a = a or analyse(cfg)
    row = _row(a, JAX_ROW)
    sizes = requested_sizes(cfg) or cfg.requested_tf
    shape = f"({cfg.batch}, {sizes[0]}, {sizes[1]}, {cfg.filter_out})"
    return ("import jax\nfrom jax import lax\n\n"
            f"x = jax.random.normal(jax.random.key(0), ({cfg.batch}, {cfg.in_h}, {cfg.width}, {cfg.channels}))  # NHWC\n"
            f"rhs = jax.random.normal(jax.random.key(1), ({cfg.kernel}, {cfg.kernel}, {cfg.filter_in}, "
            f"{cfg.filter_out}))  # HWIO: [h, w, in, out], not flipped\n"
            f"y = {row.call}\n"
            "print(y.shape)\n" + _predicted(row, shape) + "\n"
            "# Flax: nn.ConvTranspose(features, kernel_size, strides, padding) passes padding on unchanged\n")


def onnx_code(cfg: Config, a: Optional[Analysis] = None) -> str:
    """One ConvTranspose node built with onnx.helper and run by onnxruntime."""
    if cfg.nd != 2:
        return _two_d_only(cfg, "ONNX")
    a = a or analyse(cfg)
    row, spec = _row(a, ONNX_ROW), _row(a, ONNX_SPEC_ROW)
    sizes = requested_sizes(cfg) or cfg.requested_tf
    by_size = cfg.framework != "onnx" or cfg.by_size
    attrs = ", ".join(f"{k}={v!r}" for k, v in onnx_attributes(cfg, sizes if by_size else None).items())
    x, w = [cfg.batch, cfg.channels, cfg.in_h, cfg.width], [cfg.filter_in, cfg.filter_out, cfg.kernel, cfg.kernel]
    shape = f"({cfg.batch}, {cfg.filter_out}, {sizes[0]}, {sizes[1]})"
    return ("import numpy as np\nimport onnxruntime as ort\nfrom onnx import TensorProto, helper\n\n"
            f"node = helper.make_node(\"ConvTranspose\", [\"X\", \"W\"], [\"Y\"], name=\"convt\", {attrs})\n"
            f"graph = helper.make_graph([node], \"g\", [helper.make_tensor_value_info(\"X\", TensorProto.FLOAT, {x}),\n"
            f"                                       helper.make_tensor_value_info(\"W\", TensorProto.FLOAT, {w})],\n"
            "                         [helper.make_tensor_value_info(\"Y\", TensorProto.FLOAT, None)])\n"
            "model = helper.make_model(graph, opset_imports=[helper.make_opsetid(\"\", 22)])\n"
            "session = ort.InferenceSession(model.SerializeToString(), providers=[\"CPUExecutionProvider\"])\n"
            "rng = np.random.default_rng(0)\n"
            f"X = rng.standard_normal({tuple(x)}).astype(np.float32)  # NCHW\n"
            f"W = rng.standard_normal({tuple(w)}).astype(np.float32)  # [C_in, C_out/group, kH, kW]\n"
            "(y,) = session.run(None, {\"X\": X, \"W\": W})\n"
            "print(y.shape)\n" + _predicted(row, shape) + "\n"
            + (f"# onnx.shape_inference on the same node: {spec.outcome}\n" if spec else ""))


SNIPPETS = {"tf": tf_code, "keras": keras_code, "torch": torch_code, "jax": jax_code, "onnx": onnx_code}


def code_for(cfg: Config, a: Optional[Analysis] = None) -> Dict[str, str]:
    """``{"tf": ..., "keras": ..., "torch": ..., "jax": ..., "onnx": ...}`` for ``cfg``."""
    a = a or analyse(cfg)
    return {key: wrap_comments(snippet(cfg, a)) for key, snippet in SNIPPETS.items()}


@dataclass(frozen=True)
class FixedCode:
    """The configuration's framework after a one-click fix: which fix, and the snippet it gives."""

    fix: Fix
    config: Config
    code: str


def fixed_code(cfg: Config, a: Optional[Analysis] = None) -> Optional[FixedCode]:
    """The snippet of ``cfg``'s own framework after its first one-click fix that makes convt's
    analysis pass (None when ``cfg`` already works or no fix does)."""
    a = a or analyse(cfg)
    if a.ok:
        return None
    for fix in a.fixes:
        fixed = cfg.with_changes({_CONFIG_KEYS[attr]: value for attr, value in fix.changes.items()})
        after = analyse(fixed)
        if after.ok:
            return FixedCode(fix, fixed, wrap_comments(SNIPPETS[cfg.framework](fixed, after)))
    return None
