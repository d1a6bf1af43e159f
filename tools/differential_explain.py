#!/usr/bin/env python3
"""Differential check of ``convt.explain`` on REAL error messages of the five frameworks.

Draws fresh random refused calls (``--seed``) in TensorFlow (oneDNN off), Keras, PyTorch, JAX and
onnxruntime, in 1-D, 2-D and 3-D: transposed convs with a wrong output size, forward convs, channel
and output_padding mistakes, and U-Net skip-connection concats. For each it captures the real
message (the traceback's last line, ``Type: text``) and the whole traceback as a user pastes it,
runs ``convt.explain`` on both, and checks the Diagnosis against the truth:

* ``framework`` and ``kind``;
* ``padding`` (never wrong; required when the message's numbers determine it);
* the ``facts`` the message prints (by name, against the call's own numbers);
* ``valid_output_sizes`` against the sizes the REAL framework accepts, asked one by one
  (every candidate output size tried in the framework for that configuration);
* the traceback paste reads the same as the bare message.

    TF_ENABLE_ONEDNN_OPTS=0 /work/fwvenv/bin/python tools/differential_explain.py --cases 300 --seed 1

Prints every disagreement (with the message) and counts per framework, kind and dimension;
``--record FILE`` appends the disagreeing cases to a golden file; ``--golden N`` writes
tests/golden/explain_cases.json: the first N cases of every call and dimension and every
disagreement, each with its message, traceback, truth and the sizes the framework accepted, which
``tests/test_explain_golden.py`` replays through ``check_record`` without the frameworks.
Exit status 1 if there was any disagreement.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests" / "golden"))

import numpy as np  # noqa: E402

import convt  # noqa: E402
from fixtures_jax_onnx import onnx_model  # noqa: E402
from make_fixtures import tf_conv_out  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "explain_cases.json"
NAMES = {1: ("length",), 2: ("height", "width"), 3: ("depth", "height", "width")}


@dataclass
class Case:
    """One refused call and what its Diagnosis must say.

    ``accept(n)``: does the real framework accept output size ``n`` on every spatial axis of this
    configuration (None: no output size in this message family). ``axes``: the axes whose valid
    sizes the message tells (``valid_required``: convt must list them; otherwise a list, when
    given, must still be right).
    """

    label: str
    framework: str
    kind: str
    nd: int
    call: Callable[[], object]
    facts: Dict[str, int] = field(default_factory=dict)
    padding: Optional[str] = None          # the true padding string, or None (explicit / not a TF call)
    padding_required: bool = False        # the message's numbers determine it
    accept: Optional[Callable[[int], bool]] = None
    axes: Sequence[int] = ()
    valid_required: bool = False
    upto: int = 40
    axis_named: bool = True               # the message says which axis (ONNX's does not: any one entry)
    explicit: bool = False                # TF explicit padding: the message cannot tell it from SAME / VALID
    may_succeed: bool = False             # a forward call that some draws let through (then skipped)
    one_d_bare: bool = False              # TF 1-D: the bare message (keras.ops: also the traceback) reads as a
                                          # 2-D call's width
    bare_framework: Optional[str] = None  # keras.ops: the bare message is TF's own, only the traceback says Keras
    message: str = ""
    paste: str = ""


def pick(rng, options):
    return options[int(rng.integers(len(options)))]


def ints(rng, lo, hi):
    return int(rng.integers(lo, hi + 1))


def refused(call) -> Optional[tuple]:
    """(message as the traceback's last line, whole traceback), or None when the call succeeds."""
    try:
        call()
    except Exception as exc:  # noqa: BLE001 - what the user sees is what we check
        return f"{type(exc).__name__}: {exc}", traceback.format_exc()
    return None


def accepted(call) -> bool:
    try:
        call()
    except Exception:  # noqa: BLE001
        return False
    return True


# ----------------------------------------------------------------------------- TensorFlow / Keras

def _tf():
    import tensorflow as tf
    return tf


def tf_transpose_call(nd):
    """The call as a user writes it: a pasted traceback shows this line, with the function's name."""
    tf = _tf()
    return {1: lambda x, w, **kw: tf.nn.conv1d_transpose(x, w, **kw),
            2: lambda x, w, **kw: tf.nn.conv2d_transpose(x, w, **kw),
            3: lambda x, w, **kw: tf.nn.conv3d_transpose(x, w, **kw)}[nd]


def tf_transpose_size(rng, nd):
    """tf.nn.conv{1,2,3}d_transpose with one spatial axis asking for a size TF refuses."""
    tf = _tf()
    big = rng.random() < 0.2 and nd < 3
    i, k, s = ints(rng, 1, 30 if big else 7), ints(rng, 1, 7 if big else 5), ints(rng, 1, 6 if big else 4)
    padding = pick(rng, ["SAME", "VALID"] + (["explicit"] if nd == 2 else []))
    pads = [ints(rng, 0, 2), ints(rng, 0, 2)] if padding == "explicit" else None
    b, cin, cout = ints(rng, 1, 2), ints(rng, 1, 3), ints(rng, 1, 3)
    x = tf.constant(rng.standard_normal([b] + [i] * nd + [cin]).astype(np.float32))
    w = tf.constant(rng.standard_normal([k] * nd + [cout, cin]).astype(np.float32))
    fn = tf_transpose_call(nd)
    arg = padding if pads is None else [[0, 0], pads, pads, [0, 0]]
    strides = pick(rng, [s, [s] * nd])

    traced = rng.random() < 0.2  # inside tf.function: TF's graph-execution form of the same text

    def run(sizes, traced=False):
        kw = dict(output_shape=[b] + list(sizes) + [cout], padding=arg)
        kw["strides"] = strides
        if traced:
            return tf.function(lambda x, w: fn(x, w, **kw))(x, w)
        return fn(x, w, **kw)
    upto = (i - 1) * s + k + s + 6
    accept = lambda n: accepted(lambda: run([n] * nd))  # noqa: E731
    good = [n for n in range(1, upto + 1) if accept(n)]
    axis = ints(rng, 0, nd - 1)
    bad = pick(rng, [n for n in range(1, upto + 1) if n not in good])
    sizes = [good[0] if good else bad] * nd
    sizes[axis] = bad
    if not good:
        axis = 0
    if padding == "explicit":
        computed = tf_conv_out(bad, k, s, 1, "EXPLICIT", pads[0], pads[1])
    else:
        computed = tf_conv_out(bad, k, s, 1, padding)
    fits = [p for p in ("SAME", "VALID") if tf_conv_out(bad, k, s, 1, p) == computed]
    label = f"tf.function(tf.nn.conv{nd}d_transpose)" if traced else f"tf.nn.conv{nd}d_transpose"
    if computed is None:  # the forward conv over the request is negative: TF says so instead
        return Case(label + "(negative)", "tensorflow", "tf_negative_output", nd, lambda: run(sizes, traced),
                    {"input": bad, "effective_filter_size": k, "stride": s}, "VALID" if padding == "VALID" else None,
                    explicit=padding == "explicit")
    spatial_dim = 2 if nd == 1 else axis + 1
    facts = {"actual": i, "computed": computed, "input": bad, "filter": k, "stride": s, "dilation": 1,
             "spatial_dim": spatial_dim}
    if nd == 1 and (i, k, s) == (1, 1, 1):
        return None  # TF's 1-D single-value quirk; not this family
    return Case(label, "tensorflow", "tf_size_mismatch", nd, lambda: run(sizes, traced), facts,
                padding if padding != "explicit" else None,
                padding != "explicit" and len(fits) == 1, accept, (axis,),
                padding != "explicit" and len(fits) == 1, upto,
                explicit=padding == "explicit" and bool(fits), one_d_bare=nd == 1)


def tf_transpose_other(rng, nd):
    """tf.nn.conv{1,2,3}d_transpose with a channel or batch mistake (sizes right)."""
    tf = _tf()
    i, k, s = ints(rng, 1, 5), ints(rng, 1, 4), ints(rng, 1, 3)
    b, cin, cout = ints(rng, 1, 2), ints(rng, 1, 3), ints(rng, 1, 3)
    mode = pick(rng, ["x_channels", "output_channels", "batch", "dilation", "traced_channels"])
    x = tf.zeros([b] + [i] * nd + [cin + (mode in ("x_channels", "traced_channels"))])
    w = tf.zeros([k] * nd + [cout, cin])
    out = [b + (mode == "batch")] + [i * s] * nd + [cout + (mode == "output_channels")]
    fn = tf_transpose_call(nd)
    kw = dict(output_shape=out, strides=s, padding="SAME")
    if mode == "dilation":
        kw.update(strides=1, dilations=2, output_shape=[b] + [i] * nd + [cout])
    if mode == "traced_channels":  # inside tf.function: TF's static shape check while tracing
        traced = tf.function(lambda x, w: fn(x, w, **kw))
        return Case(f"tf.function(tf.nn.conv{nd}d_transpose)(channels)", "tensorflow", "recognised", nd,
                    lambda: traced(x, w), padding="SAME")  # the traced node prints its padding
    return Case(f"tf.nn.conv{nd}d_transpose({mode})", "tensorflow", "recognised", nd, lambda: fn(x, w, **kw))


def tf_forward(rng, nd):
    """tf.nn.conv{1,2,3}d refused: input channels not a multiple of the filter's, or VALID kernel too big."""
    tf = _tf()
    n, k = ints(rng, 1, 6), ints(rng, 1, 5)
    mode = pick(rng, ["channels", "too_small"])
    cin = ints(rng, 2, 4)
    wcin = cin + 1 if mode == "channels" else cin
    if mode == "too_small":
        k = n + ints(rng, 1, 3)
    x = tf.constant(rng.standard_normal([1] + [n] * nd + [cin]).astype(np.float32))
    w = tf.constant(rng.standard_normal([k] * nd + [wcin, 2]).astype(np.float32))
    fn = getattr(tf.nn, f"conv{nd}d")
    kw = {"stride": 1} if nd == 1 else {"strides": [1] * (nd + 2)}
    facts = {"input_channels": cin, "filter_in_channels": wcin} if mode == "channels" else {}
    return Case(f"tf.nn.conv{nd}d({mode})", "tensorflow", mode, nd, lambda: fn(x, w, padding="VALID", **kw), facts,
                "VALID" if mode == "too_small" else None, may_succeed=mode == "too_small")


def keras_layer(rng, nd):
    """keras Conv{1,2,3}DTranspose / Conv{1,2,3}D layers: output_padding, even kernel with SAME and
    output_padding=0 (Keras asks TF for a size TF refuses), channel mismatch of a built layer."""
    import keras
    tf = _tf()
    mode = pick(rng, ["even_same", "output_padding", "channels", "forward_channels"])
    i, s = ints(rng, 2, 6), ints(rng, 2, 3)
    cls = getattr(keras.layers, f"Conv{nd}DTranspose")
    if mode == "output_padding":
        op = s + ints(rng, 0, 1)
        return Case(f"keras.layers.Conv{nd}DTranspose(output_padding)", "keras", "keras_output_padding", nd,
                    lambda: cls(2, 3, strides=s, output_padding=op))
    if mode == "even_same":
        k = pick(rng, [2, 4])
        layer = cls(2, k, strides=s, padding="same", output_padding=0)
        x = tf.constant(rng.standard_normal([1] + [i] * nd + [3]).astype(np.float32))
        label = f"keras.layers.Conv{nd}DTranspose(even kernel, same)"
        call = lambda: layer(x)  # noqa: E731
        if rng.random() < 0.3:  # in a model, run by predict: the graph-execution form
            inputs = keras.Input([i] * nd + [3])
            model = keras.Model(inputs, layer(inputs))
            label = f"keras.Model(Conv{nd}DTranspose(even kernel, same)).predict"
            call = lambda: model.predict(x, verbose=0)  # noqa: E731
        requested = (i - 1) * s + 0  # (i-1)*s + k%2 + output_padding

        def accept(n):
            w = tf.zeros([k] * nd + [2, 3])
            fn = getattr(tf.nn, f"conv{nd}d_transpose")
            return accepted(lambda: fn(x, w, [1] + [n] * nd + [2], s, padding="SAME"))
        facts = {"actual": i, "input": requested, "filter": k, "stride": s}
        return Case(label, "keras", "tf_size_mismatch", nd, call, facts, "SAME", True, accept, (0,), True,
                    (i - 1) * s + k + s + 4)
    if mode == "forward_channels" and rng.random() < 0.4:
        n = ints(rng, 1, 4)
        layer = getattr(keras.layers, f"Conv{nd}D")(2, n + ints(rng, 1, 2), padding="valid")
        x = tf.zeros([1] + [n] * nd + [3])
        return Case(f"keras.layers.Conv{nd}D(input smaller than kernel)", "keras", "recognised", nd,
                    lambda: layer(x), {f"input_{NAMES[nd][0]}": n}, "VALID", True, may_succeed=True)
    cin = ints(rng, 2, 4)
    layer = (cls if mode == "channels" else getattr(keras.layers, f"Conv{nd}D"))(2, 3, padding="same")
    layer(tf.zeros([1] + [5] * nd + [cin]))
    x = tf.zeros([1] + [5] * nd + [cin + 1])
    return Case(f"keras.layers.Conv{nd}D{'Transpose' if mode == 'channels' else ''}(channels)", "keras",
                "keras_channels", nd, lambda: layer(x), {})


def keras_ops(rng, nd):
    """keras.ops.conv_transpose / keras.ops.conv: channel mismatch."""
    import keras
    i, cin = ints(rng, 2, 6), ints(rng, 2, 4)
    x = np.zeros([1] + [i] * nd + [cin], np.float32)
    if rng.random() < 0.3:  # even kernel, 'same', output_padding=0: Keras asks TF for (i-1)*s
        tf = _tf()
        k, s = pick(rng, [2, 4]), ints(rng, 2, 3)
        w = np.zeros([k] * nd + [2, cin], np.float32)

        def accept(n):
            fn = tf_transpose_call(nd)
            return accepted(lambda: fn(tf.constant(x), tf.constant(w), output_shape=[1] + [n] * nd + [2], strides=s,
                                       padding="SAME"))
        return Case("keras.ops.conv_transpose(even kernel, same)", "keras", "tf_size_mismatch", nd,
                    lambda: keras.ops.conv_transpose(x, w, s, padding="same", output_padding=0),
                    {"actual": i, "input": (i - 1) * s, "filter": k, "stride": s}, "SAME", True, accept, (0,), True,
                    (i - 1) * s + k + s + 4, one_d_bare=nd == 1, bare_framework="tensorflow")
    if rng.random() < 0.5:
        w = np.zeros([3] * nd + [2, cin + 1], np.float32)
        return Case("keras.ops.conv_transpose(channels)", "keras", "channels", nd,
                    lambda: keras.ops.conv_transpose(x, w, 2, padding="same"))
    w = np.zeros([3] * nd + [cin + 1, 2], np.float32)
    return Case("keras.ops.conv(channels)", "keras", "channels", nd, lambda: keras.ops.conv(x, w, 1, padding="same"),
                {"input_channels": cin, "filter_in_channels": cin + 1})


# ----------------------------------------------------------------------------- PyTorch

def refused_sizes(rng, run, i, k, s, d, nd):
    """Probe ``run(sizes)`` for every output size up to a bound past the largest valid one, then pick
    a refused size on one random axis (the others valid where any is). Returns
    ``(upto, accept, axis, bad, sizes)``."""
    upto = (i - 1) * s + d * (k - 1) + s + 6
    accept = lambda n: accepted(lambda: run([n] * nd))  # noqa: E731
    good = [n for n in range(1, upto + 1) if accept(n)]
    bad = pick(rng, [n for n in range(1, upto + 1) if n not in good])
    axis = ints(rng, 0, nd - 1)
    sizes = [good[0] if good else bad] * nd
    sizes[axis] = bad
    return upto, accept, axis, bad, sizes


def torch_transpose(rng, nd):
    """nn.ConvTranspose{nd}d(...)(x, output_size=...) out of range; F.conv_transpose output_padding
    too large; channel mismatch."""
    import torch
    big = rng.random() < 0.2 and nd < 3
    i, k, s, p, d = (ints(rng, 1, 25 if big else 6), ints(rng, 1, 6 if big else 4), ints(rng, 1, 6 if big else 4),
                     ints(rng, 0, 3 if big else 2), ints(rng, 1, 3 if big else 2))
    cin, cout = ints(rng, 1, 3), ints(rng, 1, 3)
    unbatched = rng.random() < 0.2
    x = torch.randn(*([] if unbatched else [ints(rng, 1, 2)]), cin, *[i] * nd)
    mode = pick(rng, ["output_size", "output_size", "output_padding", "channels", "too_small", "size_length"])
    if mode == "too_small":
        w = torch.randn(cin, cout, *[k] * nd)
        fn = getattr(torch.nn.functional, f"conv_transpose{nd}d")
        pad = ((i - 1) * s + d * (k - 1) + 2) // 2 + ints(rng, 0, 2)
        # 1-D runs as 2-D on a unit height, so its message reads (1 x W); with mkldnn on (the default) some
        # fail in oneDNN instead ("could not construct a memory descriptor"); an output of 0 may be accepted
        return Case(f"F.conv_transpose{nd}d(padding too large)", "pytorch", "recognised", nd,
                    lambda: fn(x, w, stride=s, padding=pad, dilation=d), may_succeed=True)
    if mode == "size_length":
        m = getattr(torch.nn, f"ConvTranspose{nd}d")(cin, cout, k, stride=s)
        return Case(f"nn.ConvTranspose{nd}d(output_size of the wrong length)", "pytorch", "torch_output_size_length",
                    nd, lambda: m(x, output_size=[5] * (nd + 3)))
    if mode == "output_padding":
        op = max(s, d) + ints(rng, 0, 1)
        w = torch.randn(cin, cout, *[k] * nd)
        fn = getattr(torch.nn.functional, f"conv_transpose{nd}d")
        return Case(f"F.conv_transpose{nd}d(output_padding)", "pytorch", "torch_output_padding", nd,
                    lambda: fn(x, w, stride=s, padding=p, output_padding=op, dilation=d))
    if mode == "channels":
        w = torch.randn(cin + 1, cout, *[k] * nd)
        fn = getattr(torch.nn.functional, f"conv_transpose{nd}d")
        return Case(f"F.conv_transpose{nd}d(channels)", "pytorch", "torch_channels", nd,
                    lambda: fn(x, w, stride=s, padding=p, dilation=d),
                    {"expected_channels": cin + 1, "input_channels": cin})
    m = getattr(torch.nn, f"ConvTranspose{nd}d")(cin, cout, k, stride=s, padding=p, dilation=d)
    form = pick(rng, ["list", "tuple", "full"])

    def run(sizes):
        size = list(sizes) if form == "list" else tuple(sizes)
        if form == "full":
            size = list(x.shape[:-nd]) + list(sizes)
        with torch.no_grad():
            return m(x, output_size=size)
    upto, accept, axis, bad, sizes = refused_sizes(rng, run, i, k, s, d, nd)
    names = NAMES[nd]
    facts = {f"requested_{names[axis]}": bad}
    for j in range(nd):
        facts[f"input_{names[j]}"] = None if unbatched else i  # unbatched: torch prints the wrong slice
    return Case(f"nn.ConvTranspose{nd}d(output_size)", "pytorch", "torch_output_size", nd, lambda: run(sizes), facts,
                None, False, accept, tuple(range(nd)), True, upto)


def torch_forward(rng, nd):
    """F.conv{nd}d refused: kernel larger than the padded input, or channel mismatch."""
    import torch
    n, cin = ints(rng, 1, 6), ints(rng, 1, 3)
    fn = getattr(torch.nn.functional, f"conv{nd}d")
    if rng.random() < 0.5:
        k, p = n + ints(rng, 1, 3), ints(rng, 0, 1)
        k += 2 * p
        x, w = torch.randn(1, cin, *[n] * nd), torch.randn(2, cin, *[k] * nd)
        return Case(f"F.conv{nd}d(kernel too large)", "pytorch", "torch_kernel_too_large", nd,
                    lambda: fn(x, w, padding=p))
    if rng.random() < 0.3:
        x, w = torch.randn(1, cin, *[n + 2] * nd), torch.randn(2, cin, *[3] * nd)
        return Case(f"F.conv{nd}d(padding='same', stride 2)", "pytorch", "recognised", nd,
                    lambda: fn(x, w, stride=2, padding="same"))
    x, w = torch.randn(1, cin, *[n + 2] * nd), torch.randn(2, cin + 1, *[3] * nd)
    return Case(f"F.conv{nd}d(channels)", "pytorch", "torch_channels", nd, lambda: fn(x, w),
                {"expected_channels": cin + 1, "input_channels": cin})


# ----------------------------------------------------------------------------- JAX

def jax_conv(rng, nd):
    """jax.lax.conv_transpose / conv_general_dilated with a channel mismatch."""
    import jax
    import jax.numpy as jnp
    spatial = "DHW"[3 - nd:] if nd > 1 else "W"
    lhs_spec, rhs_spec = "N" + spatial + "C", spatial + "IO"
    i, cin = ints(rng, 2, 6), ints(rng, 1, 3)
    x = jnp.zeros([1] + [i] * nd + [cin])
    w = jnp.zeros([3] * nd + [cin + 1, 2])
    dn = (lhs_spec, rhs_spec, lhs_spec)
    if rng.random() < 0.3:
        w = jnp.zeros([3] * nd + [cin, 2])
        pads = [(-(2 * i + 4), 0)] * nd
        return Case("jax.lax.conv_transpose(negative padding)", "jax", "negative_padding", nd,
                    lambda: jax.lax.conv_transpose(x, w, (2,) * nd, pads, dimension_numbers=dn))
    if rng.random() < 0.5:
        return Case("jax.lax.conv_transpose(channels)", "jax", "channels", nd,
                    lambda: jax.lax.conv_transpose(x, w, (2,) * nd, "SAME", dimension_numbers=dn),
                    {"lhs_features": cin, "rhs_in_features": cin + 1})
    return Case("jax.lax.conv_general_dilated(channels)", "jax", "channels", nd,
                lambda: jax.lax.conv_general_dilated(x, w, (1,) * nd, "SAME", dimension_numbers=dn),
                {"lhs_features": cin, "rhs_in_features": cin + 1})


# ----------------------------------------------------------------------------- ONNX

def onnx_run(x_shape, w_shape, attrs, op="ConvTranspose"):
    import onnxruntime as ort
    ort.set_default_logger_severity(4)
    model, _onnx = onnx_model(x_shape, w_shape, None, attrs, "float32", op=op)
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return sess.run(None, {"X": np.zeros(x_shape, np.float32), "W": np.zeros(w_shape, np.float32)})


def onnx_conv(rng, nd):
    """onnxruntime ConvTranspose with an inconsistent output_shape (or output_padding), Conv with a
    channel mismatch."""
    big = rng.random() < 0.2 and nd < 3
    i, k, s, d = (ints(rng, 1, 25 if big else 6), ints(rng, 1, 6 if big else 4), ints(rng, 1, 5 if big else 3),
                  ints(rng, 1, 3 if big else 2))
    cin, cout = ints(rng, 1, 3), ints(rng, 1, 3)
    x_shape, w_shape = [1, cin] + [i] * nd, [cin, cout] + [k] * nd
    mode = pick(rng, ["output_shape", "output_shape", "channels", "conv_channels"])
    base = {"strides": [s] * nd, "dilations": [d] * nd}
    if mode == "channels":
        return Case("onnx ConvTranspose(channels)", "onnx", "channels", nd,
                    lambda: onnx_run(x_shape, [cin + 1, cout] + [k] * nd, base))
    if mode == "conv_channels" and rng.random() < 0.4:
        return Case("onnx Conv(input smaller than kernel)", "onnx", "recognised", nd,
                    lambda: onnx_run([1, cin] + [i] * nd, [2, cin] + [i + ints(rng, 1, 2)] * nd, base, op="Conv"))
    if mode == "conv_channels":
        return Case("onnx Conv(channels)", "onnx", "channels", nd,
                    lambda: onnx_run([1, cin] + [i + 3] * nd, [2, cin + 1] + [k] * nd, base, op="Conv"))
    op = ints(rng, 0, max(s, d) - 1)
    attrs = dict(base, output_padding=[op] * nd)
    extra = pick(rng, [None, None, "pads", "auto_pad"])
    if extra == "pads":
        attrs["pads"] = [ints(rng, 0, 2) for _ in range(2 * nd)]
    elif extra == "auto_pad":
        attrs["auto_pad"] = pick(rng, ["SAME_UPPER", "SAME_LOWER", "VALID"])

    def run(sizes):
        return onnx_run(x_shape, w_shape, dict(attrs, output_shape=list(sizes)))
    upto, accept, axis, bad, sizes = refused_sizes(rng, run, i, k, s, d, nd)
    facts = {"output_size": bad, "input": i, "kernel": k, "stride": s, "dilation": d, "output_padding": op}
    return Case("onnx ConvTranspose(output_shape)", "onnx", "output_shape", nd, lambda: run(sizes), facts,
                None, False, accept, (axis,), True, upto, axis_named=False)


# ----------------------------------------------------------------------------- concat

def concat(rng, nd):
    """A skip connection whose spatial sizes differ by one on one axis, in each framework."""
    fw = pick(rng, ["tensorflow", "keras", "pytorch", "jax"])
    axis = ints(rng, 0, nd - 1)
    a = ints(rng, 2, 40)
    b = a + pick(rng, [-1, 1, -2])
    ca, cb = ints(rng, 1, 8), ints(rng, 1, 8)
    sa, sb = [a] * nd, [a] * nd
    sb[axis] = b
    facts = {"first_size": a, "second_size": b}
    if fw == "pytorch":
        import torch
        x, y = torch.zeros(1, ca, *sa), torch.zeros(1, cb, *sb)
        return Case(f"torch.cat({nd}-D)", fw, "concat", nd, lambda: torch.cat([x, y], dim=1), facts)
    if fw == "jax":
        import jax.numpy as jnp
        first = pick(rng, [True, False])
        x = jnp.zeros((1, ca, *sa) if first else (1, *sa, ca))
        y = jnp.zeros((1, cb, *sb) if first else (1, *sb, cb))
        return Case(f"jnp.concatenate({nd}-D)", fw, "concat", nd,
                    lambda: jnp.concatenate([x, y], axis=1 if first else -1), facts)
    if fw == "tensorflow":
        tf = _tf()
        if rng.random() < 0.3:
            x, y = tf.zeros([1, ca, *sa]), tf.zeros([1, cb, *sb])
            return Case(f"tf.concat({nd}-D, channels first)", fw, "concat", nd, lambda: tf.concat([x, y], axis=1),
                        facts)
        x, y = tf.zeros([1, *sa, ca]), tf.zeros([1, *sb, cb])
        return Case(f"tf.concat({nd}-D)", fw, "concat", nd, lambda: tf.concat([x, y], axis=-1), facts)
    import keras
    layer = keras.layers.Concatenate()
    return Case(f"keras Concatenate({nd}-D)", fw, "concat", nd,
                lambda: layer([keras.Input((*sa, ca)), keras.Input((*sb, cb))]), facts)


GENERATORS = {
    "tensorflow": [tf_transpose_size, tf_transpose_size, tf_transpose_other, tf_forward],
    "keras": [keras_layer, keras_ops],
    "pytorch": [torch_transpose, torch_forward],
    "jax": [jax_conv],
    "onnx": [onnx_conv],
    "concat": [concat],
}


# ----------------------------------------------------------------------------- the comparison

def check(case: Case, d, where: str) -> List[str]:
    """Disagreements of one Diagnosis with the truth."""
    problems = []
    padding_required, valid_required = case.padding_required, case.valid_required
    if where == "message" and case.bare_framework and d.framework == case.bare_framework:
        padding_required = valid_required = False  # read as the bare framework's call: its rules only
    elif d.framework != case.framework:
        problems.append(f"{where}: framework {d.framework!r}, expected {case.framework!r}")
        return problems
    if case.kind in ("channels", "too_small", "recognised"):
        if d.kind == "unknown":
            problems.append(f"{where}: not recognised (kind unknown)")
    elif d.kind != case.kind:
        problems.append(f"{where}: kind {d.kind!r}, expected {case.kind!r}")
    for name, value in case.facts.items():
        if value is not None and d.facts.get(name) != value:
            problems.append(f"{where}: fact {name} = {d.facts.get(name)!r}, expected {value}")
    if case.explicit:
        return problems  # explicit pads that give what SAME / VALID gives: the message cannot tell
    if d.padding is not None and d.padding != case.padding:
        problems.append(f"{where}: padding {d.padding!r}, expected {case.padding!r}")
    elif padding_required and d.padding is None:
        problems.append(f"{where}: padding None, the numbers say {case.padding}")
    valid = d.valid_output_sizes
    if not case.axis_named and case.accept is not None:
        told = [v for v in valid if v is not None]
        if not told:
            problems.append(f"{where}: valid_output_sizes {valid}, the message tells them (on an unnamed axis)")
        valid = (told[0] if told else None,) + (None,) * (case.nd - 1)
        case.axes = (0,)
    if case.one_d_bare and (where == "message" or case.bare_framework) and len(valid) == 2 and valid[0] is None:
        valid = valid[1:]  # conv1d_transpose runs as conv2d_transpose: its length is the width
    if len(valid) != case.nd and (case.accept is not None or any(v is not None for v in valid)):
        problems.append(f"{where}: valid_output_sizes has {len(valid)} axes for a {case.nd}-D call")
        return problems
    if case.accept is None:
        if any(v is not None for v in valid):
            problems.append(f"{where}: valid_output_sizes {valid}, but the message tells no output size")
        return problems
    truth = {}
    for j, sizes in enumerate(valid):
        if sizes is None:
            if j in case.axes and valid_required:
                problems.append(f"{where}: valid_output_sizes[{j}] is None, the message tells them")
            continue
        if j not in case.axes:
            problems.append(f"{where}: valid_output_sizes[{j}] = {sizes}, the message says nothing of that axis")
            continue
        candidates = sorted(set(range(1, case.upto + 1)) | set(sizes))
        key = tuple(candidates)
        if key not in truth:
            truth[key] = [n for n in candidates if case.accept(n)]
        if list(sizes) != truth[key]:
            problems.append(f"{where}: valid_output_sizes[{j}] = {sizes}, the framework accepts {truth[key]}")
    return problems


def run_case(case: Case) -> List[str]:
    got = refused(case.call)
    if got is None and case.may_succeed:
        return None
    if got is None:
        return [f"{case.label}: the framework accepted the call (generator bug)"]
    case.message, case.paste = got
    problems = check(case, convt.explain(case.message), "message")
    if not problems:
        pasted = convt.explain(case.paste)
        problems = [p.replace("message:", "traceback:") for p in check(case, pasted, "traceback")]
    return problems


RECORDED = ("label", "framework", "kind", "nd", "facts", "padding", "padding_required", "axes", "valid_required",
            "upto", "axis_named", "explicit", "one_d_bare", "bare_framework", "message", "paste")


def expected_record(case: Case) -> dict:
    """A golden fixture: the real texts, the truth ``check`` compares with, and the output sizes the
    framework accepted (``accepted``, asked one by one up to ``upto``; None: no output size here)."""
    record = {name: getattr(case, name) for name in RECORDED}
    record["axes"] = list(case.axes)
    record["accepted"] = (None if case.accept is None else
                          [n for n in range(1, case.upto + 1) if case.accept(n)])
    return record


def replayed(record: dict) -> Case:
    """A recorded case, its framework replaced by the sizes it accepted (``tests/test_explain_golden``)."""
    accepted = record.get("accepted")
    fields = {name: record[name] if name in record else getattr(Case, name) for name in RECORDED}
    fields["axes"] = tuple(fields["axes"])
    return Case(call=None, accept=None if accepted is None else set(accepted).__contains__, **fields)


def check_record(record: dict) -> List[str]:
    """The disagreements of convt.explain with a recorded case, on its message and its traceback."""
    case = replayed(record)
    return (check(case, convt.explain(case.message), "message")
            + [p.replace("message:", "traceback:") for p in check(replayed(record), convt.explain(case.paste),
                                                                  "traceback")])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100, help="cases per framework family and dimension")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated families (tensorflow,keras,pytorch,jax,onnx,concat)")
    ap.add_argument("--record", metavar="FILE", help="append the disagreeing cases to this golden file")
    ap.add_argument("--golden", type=int, default=0, metavar="N",
                    help=f"write the first N cases of every call and dimension (and every disagreement) to {GOLDEN}")
    ap.add_argument("--show", type=int, default=3, help="messages shown per kind of disagreement")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    counts, kept = collections.Counter(), collections.Counter()
    problems, golden = [], []
    families = [f for f in GENERATORS if not args.only or f in args.only.split(",")]
    for family in families:
        for nd in (1, 2, 3):
            for _ in range(args.cases):
                case = pick(rng, GENERATORS[family])(rng, nd)
                if case is None:
                    continue
                found = run_case(case)
                if found is None:
                    continue
                key = (case.label, nd)
                if args.golden and (found or kept[key] < args.golden):
                    kept[key] += 1
                    golden.append(expected_record(case))
                counts[(case.framework, case.kind, nd)] += 1
                if found:
                    problems.append((case, found))
    shown = collections.Counter()
    for case, found in problems:
        key = (case.label, found[0].split(" = ")[0].split(",")[0][:60])
        shown[key] += 1
        if shown[key] <= args.show:
            print(f"--- {case.label} ({case.nd}-D)\n    {case.message[:600]!r}")
            for p in found:
                print("    " + p)
    print("\ncounts (framework, kind, dims): cases")
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")
    print(f"{sum(counts.values())} cases, seed {args.seed}, {len(problems)} disagreements")
    if args.record and problems:
        path = Path(args.record)
        old = json.loads(path.read_text()) if path.exists() else {"meta": {}, "cases": []}
        old["cases"] += [expected_record(case) for case, _ in problems]
        path.write_text(json.dumps(old, indent=1) + "\n")
        print(f"recorded {len(problems)} cases in {path}")
    if args.golden:
        meta = {"tool": "tools/differential_explain.py", "seed": args.seed, "cases": args.cases,
                "command": f"TF_ENABLE_ONEDNN_OPTS=0 /work/fwvenv/bin/python tools/differential_explain.py "
                           f"--cases {args.cases} --seed {args.seed} --golden {args.golden}",
                "versions": versions()}
        GOLDEN.write_text(json.dumps({"meta": meta, "cases": golden}, indent=1) + "\n")
        print(f"wrote {len(golden)} cases to {GOLDEN}")
    sys.exit(1 if problems else 0)


def versions() -> Dict[str, str]:
    import jax
    import keras
    import onnxruntime
    import tensorflow
    import torch
    return {"tensorflow": tensorflow.__version__, "keras": keras.__version__, "torch": torch.__version__,
            "jax": jax.__version__, "onnxruntime": onnxruntime.__version__}


if __name__ == "__main__":
    main()
