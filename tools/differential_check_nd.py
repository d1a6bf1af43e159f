#!/usr/bin/env python3
"""Differential check of every convt style against the REAL frameworks, 1-D, 2-D and 3-D.

``tools/differential_check.py`` draws 2-D TF / PyTorch calls; this draws fresh random calls (``--seed``)
for all of ``convt.tf_style`` (conv1d/2d/3d and their transposes, every argument form and data_format,
float32/float64, wrong channels, output shapes, batches, zero/negative sizes), ``convt.torch_style``
(conv1d/2d/3d, conv_transpose1d/2d/3d, groups, dilation, output_padding, 'same'/'valid', the module's
``output_size``, unbatched inputs, bias shapes), ``convt.jax_style.conv_transpose`` (every padding
form, rhs_dilation, dimension_numbers, both flags) and ``convt.onnx_style.conv_transpose`` (onnxruntime's
CPU provider: auto_pad, pads, output_padding, output_shape, dilations, group, kernel_shape) and compares:

* both refuse: convt's message must start with TF's core / PyTorch's text, or contain JAX's /
  onnxruntime's sentence (as the golden tests require);
* both compute: the same shape and values within 1e-4 (float32) / 1e-9 (float64);
* TF's transposes refuse dilations > 1 on CPU and convt computes them: compared with PyTorch instead
  (and a refusal then only as TF words it without the dilation);
* not compared, only counted: calls that abort XLA (JAX runs in a child process), the order of TF's
  op-attribute checks (it varies from one TF process to the next). ONNX is drawn in float32 only:
  onnxruntime's CPU provider has no float64 ConvTranspose (NOT_IMPLEMENTED), which convt computes.
  TF's conv3d_transpose is never given an empty input axis (it segfaults TF 2.21).

    TF_ENABLE_ONEDNN_OPTS=0 /work/fwvenv/bin/python tools/differential_check_nd.py --cases 150 --seed 7
    ... --only jax,onnx --nd 1,3        # --cases rounds: each is 2 TF, 2 PyTorch, 1 JAX, 1 ONNX call per dimension
    DIFF_TRACE=1 ...                    # each TF / JAX call on stderr before it runs

It prints every disagreement (with the call, to replay) and exits 1 if there was any.
"""
from __future__ import annotations

import argparse
import base64
import collections
import os
import pickle
import subprocess
import sys
import warnings

os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")

from differential_check import compare, pick, run, run_tf, run_torch  # noqa: E402  (sets sys.path)

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import torch  # noqa: E402

import convt  # noqa: E402
from fixtures_jax_onnx import jax_core_message, onnx_core_message, onnx_model  # noqa: E402

SPATIAL = {1: "W", 2: "HW", 3: "DHW"}
TOL = {np.float32: 1e-4, np.float64: 1e-9}
TRACE = bool(os.environ.get("DIFF_TRACE"))       # each TF / JAX call on stderr before it runs (both can abort)


def ri(rng, lo, hi):
    """An int in [lo, hi]."""
    return int(rng.integers(lo, hi + 1))


def chance(rng, p):
    return bool(rng.random() < p)


def arr(rng, shape, dtype):
    return rng.standard_normal([max(0, v) for v in shape]).astype(dtype)


def seq(rng, vals, nd, full):
    """An int list in one of the forms TF takes: int, nd values, or ``full`` (N, C around them)."""
    if len(set(vals)) == 1 and chance(rng, 0.3):
        return vals[0]
    forms = [list(vals)] + ([full] if full is not None else [])
    if chance(rng, 0.04):
        forms.append(list(vals) + [1])           # wrong length
    return pick(rng, forms)


# ----------------------------------------------------------------------------- TensorFlow
TF_FORMATS = {1: ("NWC", "NCW"), 2: ("NHWC", "NCHW"), 3: ("NDHWC", "NCDHW")}


def tf_case(rng, nd, transpose):
    dtype = pick(rng, [np.float32, np.float32, np.float64])
    fmt = TF_FORMATS[nd][1] if chance(rng, 0.12) else TF_FORMATS[nd][0]
    cfirst = fmt.startswith("NC")
    # an empty input axis in conv3d_transpose segfaults TF 2.21 (Conv3DBackpropInputV2): not drawn
    n = [ri(rng, 0, 3) if chance(rng, 0.03) and (nd, transpose) != (3, True) else ri(rng, 1, 7) for _ in range(nd)]
    k = [ri(rng, 0, 1) if chance(rng, 0.02) else ri(rng, 1, 4) for _ in range(nd)]
    s = [ri(rng, 1, 3)] * nd if chance(rng, 0.6) else [ri(rng, 1, 3) for _ in range(nd)]
    if chance(rng, 0.02):
        s[0] = pick(rng, [0, -1])
    d = [1] * nd if chance(rng, 0.65) else ([ri(rng, 1, 3)] * nd if chance(rng, 0.5) else
                                              [ri(rng, 1, 2) for _ in range(nd)])
    batch, cin, cout = ri(rng, 1, 2), ri(rng, 1, 3), ri(rng, 1, 3)
    groups = 1 if transpose or nd == 3 or not chance(rng, 0.2) else 2
    cin *= groups
    cout *= groups
    u = rng.random()
    if u < 0.4:
        padding = "SAME"
    elif u < 0.75:
        padding = "VALID"
    else:
        pairs = [[ri(rng, 0, 2), ri(rng, 0, 2)] for _ in range(nd)]
        if chance(rng, 0.05):
            pairs[0][0] = -1
        padding = [[0, 0]] + pairs + [[0, 0]] if not cfirst else [[0, 0], [0, 0]] + pairs
        if chance(rng, 0.04):
            padding = padding[:-1]
    x_sp = n
    x_shape = [batch] + ([cin] + x_sp if cfirst else x_sp + [cin])
    if chance(rng, 0.03):
        x_shape = x_shape[:-1]                  # wrong rank
    strides = seq(rng, s, nd, [1, 1] + s if cfirst else [1] + s + [1])
    dilations = None if d == [1] * nd and chance(rng, 0.5) else seq(rng, d, nd, [1, 1] + d if cfirst else [1] + d + [1])
    if nd == 3:                                # conv3d takes 5-long lists only
        strides = [1, 1] + s if cfirst else [1] + s + [1]
        dilations = None if dilations is None else ([1, 1] + d if cfirst else [1] + d + [1])
        if chance(rng, 0.04):
            strides = s
    if not transpose:
        w_shape = k + [cin // groups + (1 if chance(rng, 0.06) else 0), cout]
        args = dict(input=arr(rng, x_shape, dtype), filters=arr(rng, w_shape, dtype),
                    padding=padding, data_format=fmt, dilations=dilations)
        args["stride" if nd == 1 else "strides"] = strides
        return args
    w_shape = k + [cout, cin + (1 if chance(rng, 0.06) else 0)]
    # an output size the forward conv maps back to n (mostly), or a near miss
    out = []
    for a in range(nd):
        ke = (k[a] - 1) * d[a] + 1
        if padding == "SAME":
            lo = (n[a] - 1) * max(1, s[a]) + 1
        elif padding == "VALID":
            lo = (n[a] - 1) * max(1, s[a]) + ke
        else:
            pp = padding[a + (1 if not cfirst else 2)] if len(padding) == nd + 2 else [0, 0]
            lo = (n[a] - 1) * max(1, s[a]) + ke - pp[0] - pp[1]
        sa = max(1, s[a])
        out.append(lo + ri(rng, 0, sa - 1) if chance(rng, 0.8) else lo + ri(rng, -2, sa + 1))
    if chance(rng, 0.03):
        out[0] = pick(rng, [0, -1])
    ob, oc = batch + (1 if chance(rng, 0.05) else 0), cout + (1 if chance(rng, 0.05) else 0)
    output_shape = [ob] + ([oc] + out if cfirst else out + [oc])
    if nd == 2 and chance(rng, 0.15):
        output_shape = out
    args = dict(input=arr(rng, x_shape, dtype), filters=arr(rng, w_shape, dtype), output_shape=output_shape,
                strides=strides, padding=padding, data_format=fmt, dilations=dilations)
    return args


TF_FN = {(1, False): "conv1d", (2, False): "conv2d", (3, False): "conv3d",
         (1, True): "conv1d_transpose", (2, True): "conv2d_transpose", (3, True): "conv3d_transpose"}


def torch_equivalent_of_tf_transpose(args, nd):
    """The transposed conv PyTorch computes for a TF call with explicit / named padding (channels last)."""
    x, w = args["input"], args["filters"]
    cfirst = args["data_format"].startswith("NC")
    xs = x if cfirst else np.moveaxis(x, -1, 1)
    sp = list(xs.shape[2:])
    out_sp = list(args["output_shape"][2:] if cfirst else args["output_shape"][1:-1]) \
        if len(args["output_shape"]) == nd + 2 else list(args["output_shape"])

    def vals(v):
        if v is None:
            return [1] * nd
        if isinstance(v, int):
            return [v] * nd
        v = list(v)
        return v if len(v) == nd else (v[2:] if cfirst else v[1:-1])
    s, d = vals(args["strides"]), vals(args["dilations"])
    k = list(w.shape[:nd])
    starts = []
    for a in range(nd):
        full = (sp[a] - 1) * s[a] + (k[a] - 1) * d[a] + 1
        if args["padding"] == "SAME":
            starts.append(max(0, full - out_sp[a]) // 2)
        elif args["padding"] == "VALID":
            starts.append(0)
        else:
            starts.append(args["padding"][a + (2 if cfirst else 1)][0])
    wt = torch.from_numpy(np.ascontiguousarray(np.transpose(w, (nd + 1, nd) + tuple(range(nd)))))
    fn = getattr(torch.nn.functional, f"conv_transpose{nd}d")
    full = fn(torch.from_numpy(np.ascontiguousarray(xs)), wt, stride=s, dilation=d).numpy()
    pad = [(0, 0), (0, 0)] + [(0, max(0, starts[a] + out_sp[a] - full.shape[2 + a])) for a in range(nd)]
    full = np.pad(full, pad)
    y = full[(slice(None), slice(None)) + tuple(slice(starts[a], starts[a] + out_sp[a]) for a in range(nd))]
    return y if cfirst else np.moveaxis(y, 1, -1)


def check_tf(rng, nd, transpose, stats):
    args = tf_case(rng, nd, transpose)
    name = TF_FN[nd, transpose]
    if TRACE:
        print("tf.nn." + name, describe(args), file=sys.stderr, flush=True)
    real = run_tf(lambda: getattr(tf.nn, name)(**args))
    ours = run(lambda: getattr(convt.tf_style, name)(**args))
    if transpose and not real[0] and "dilation rates larger than 1" in real[1]:
        if ours[0]:    # beyond TF: the values PyTorch computes for the same window
            stats["tf beyond TF (dilated transposes vs torch)"] += 1
            with torch.backends.mkldnn.flags(enabled=False):
                real = run_torch(lambda: torch.from_numpy(torch_equivalent_of_tf_transpose(args, nd)))
            if not real[0]:      # PyTorch has no equivalent (a kernel size of 0): nothing to compare
                stats["tf beyond TF (no PyTorch equivalent)"] += 1
                return None, describe(args)
        else:          # convt goes on to TF's other checks: what TF says without the dilation
            undilated = run_tf(lambda: getattr(tf.nn, name)(**dict(args, dilations=None)))
            if undilated[0] or "Size of out_backprop" in undilated[1] or "Computed output size" in undilated[1]:
                # the sizes depend on the dilation (and past them convt meets TF's later checks, which TF
                # itself never reaches here): nothing of TF's to compare the refusal with
                stats["tf beyond TF (refusals not compared)"] += 1
                return None, describe(args)
            real = undilated
    attr_checks = ("Length for attr", "Value for attr")
    if not real[0] and not ours[0] and real[1].startswith(attr_checks) and ours[1].startswith(attr_checks):
        # the op def's attribute checks run in no fixed order: one process says strides first, the
        # next padding (TF 2.21, fresh processes, same call); any of them is TF's answer
        stats["tf attribute checks (order varies in TF)"] += 1
        return None, describe(args)
    return compare(f"tf.nn.{name}", real, ours, TOL[args["input"].dtype.type]), describe(args)


# ----------------------------------------------------------------------------- PyTorch
def torch_case(rng, nd, transpose):
    dtype = pick(rng, [np.float32, np.float32, np.float64])
    g = pick(rng, [1, 1, 1, 2, 3])
    cin, cout = g * ri(rng, 1, 2), g * ri(rng, 1, 2)
    n = [ri(rng, 0, 2) if chance(rng, 0.03) else ri(rng, 1, 7) for _ in range(nd)]
    k = [ri(rng, 1, 4) for _ in range(nd)]
    s = [ri(rng, 1, 3) for _ in range(nd)]
    d = [ri(rng, 1, 3) if chance(rng, 0.35) else 1 for _ in range(nd)]
    if chance(rng, 0.02):
        s[0] = pick(rng, [0, -1])
    batched = not chance(rng, 0.15)
    x_shape = ([ri(rng, 1, 2) if not chance(rng, 0.02) else 0] if batched else []) + \
        [cin + (1 if chance(rng, 0.05) else 0)] + n
    if transpose:
        w_shape = [cin + (1 if chance(rng, 0.04) else 0), cout // g] + k
    else:
        w_shape = [cout, cin // g + (1 if chance(rng, 0.04) else 0)] + k
    bias = None
    if chance(rng, 0.3):
        bias = [cout + (1 if chance(rng, 0.1) else 0)]
    form = lambda v: v[0] if len(set(v)) == 1 and chance(rng, 0.5) else tuple(v)  # noqa: E731
    kw = dict(stride=form(s), dilation=form(d), groups=g)
    if not transpose:
        u = rng.random()
        kw["padding"] = pick(rng, ["same", "valid"]) if u < 0.35 else form([ri(rng, 0, 2) for _ in range(nd)])
        if kw["padding"] == "same" and chance(rng, 0.7):
            kw["stride"] = 1
        return x_shape, w_shape, bias, dtype, kw
    p = [ri(rng, 0, 2) for _ in range(nd)]
    kw["padding"] = form(p)
    if chance(rng, 0.35):
        lows = [(n[a] - 1) * s[a] - 2 * p[a] + d[a] * (k[a] - 1) + 1 for a in range(nd)]
        sizes = [lo + ri(rng, 0, max(1, s[a]) - 1) if chance(rng, 0.8) else lo + ri(rng, -2, max(1, s[a]) + 1)
                 for a, lo in enumerate(lows)]
        kw["output_size"] = pick(rng, [sizes, tuple(sizes), [*x_shape[:-nd - 1]] + [cout] + sizes]) \
            if batched else pick(rng, [sizes, tuple(sizes)])
    else:
        op = [ri(rng, 0, max(s[a], d[a])) if chance(rng, 0.6) else 0 for a in range(nd)]
        kw["output_padding"] = form(op)
    return x_shape, w_shape, bias, dtype, kw


def check_torch(rng, nd, transpose, stats):
    x_shape, w_shape, b_shape, dtype, kw = torch_case(rng, nd, transpose)
    x, w = arr(rng, x_shape, dtype), arr(rng, w_shape, dtype)
    b = None if b_shape is None else arr(rng, b_shape, dtype)
    name = f"conv_transpose{nd}d" if transpose else f"conv{nd}d"
    tx, tw, tb = (None if v is None else torch.from_numpy(v) for v in (x, w, b))

    def real_call():
        if "output_size" in kw:
            stats["torch module output_size"] += 1
            cls = getattr(torch.nn, f"ConvTranspose{nd}d")
            m = cls(w.shape[0], max(1, w.shape[1] * kw["groups"]), tuple(w.shape[2:]), stride=kw["stride"],
                    padding=kw["padding"], groups=kw["groups"], dilation=kw["dilation"], bias=b is not None,
                    dtype=torch.float64 if dtype == np.float64 else torch.float32)
            m.weight.data = tw
            if b is not None:
                m.bias.data = tb
            return m(tx, output_size=kw["output_size"])
        return getattr(torch.nn.functional, name)(tx, tw, tb, **kw)
    with torch.backends.mkldnn.flags(enabled=False):
        real = run_torch(real_call)
    ours = run(lambda: getattr(convt.torch_style, name)(x, w, b, **kw))
    if "output_size" in kw and not real[0] and not ours[0] and "Trying to create tensor" in real[1]:
        pass
    return compare(f"torch.{name}", real, ours, TOL[dtype]), f"x{list(x.shape)} w{list(w.shape)} " \
        f"b{None if b is None else list(b.shape)} {dtype.__name__} {kw}"


# ----------------------------------------------------------------------------- JAX
def jax_case(rng, nd):
    sp = SPATIAL[nd]
    dtype = pick(rng, [np.float32, np.float32, np.float64])
    n = {c: (ri(rng, 0, 2) if chance(rng, 0.03) else ri(rng, 1, 6)) for c in sp}
    k = {c: ri(rng, 1, 4) for c in sp}
    s = [ri(rng, 1, 3) for _ in sp]
    dil = [ri(rng, 1, 3) for _ in sp] if chance(rng, 0.35) else None
    cin, cout, batch = ri(rng, 1, 3), ri(rng, 1, 3), ri(rng, 1, 2)
    tk, ucp = chance(rng, 0.4), chance(rng, 0.4)
    u = rng.random()
    if u < 0.25:
        padding, form = "SAME", "str"
    elif u < 0.45:
        padding, form = "VALID", "str"
    elif u < 0.5:
        padding, form = pick(rng, ["SAME_LOWER", "same", "FULL"]), "str"
    else:
        lo = -2 if not ucp else 0          # negative forward pads with use_consistent_padding can abort XLA
        pairs = [(ri(rng, lo, 4), ri(rng, lo, 4)) for _ in sp]
        if chance(rng, 0.04):
            pairs = pairs[:-1] if len(pairs) > 1 else pairs + pairs
        form = "tuples" if chance(rng, 0.85) else "lists"
        padding = [tuple(p) if form == "tuples" else list(p) for p in pairs]
    specs = {1: [None, ("NCH", "OIH", "NCH"), ("NHC", "HIO", "NHC"), ("NCH", "HIO", "NHC")],
             2: [None, ("NCHW", "OIHW", "NCHW"), ("NHWC", "HWOI", "NHWC"), ("NCHW", "HWIO", "NHWC"),
                 ("NHWC", "IOHW", "NCHW"), ("NWHC", "HWIO", "NCWH")],
             3: [None, ("NCDHW", "OIDHW", "NCDHW"), ("NDHWC", "DHWIO", "NDHWC"), ("NCDHW", "DHWIO", "NDHWC")]}
    dn = pick(rng, specs[nd])
    defaults = {1: ("NHC", "HIO", "NHC"), 2: ("NHWC", "HWIO", "NHWC"), 3: ("NHWDC", "HWDIO", "NHWDC")}
    lhs, rhs, _ = dn or defaults[nd]
    letters = {1: "H"}.get(nd)
    if letters:                                          # 1-D specs spell their axis H
        n, k = {"H": n["W"]}, {"H": k["W"]}
    rhs_i, rhs_o = (cout, cin) if tk else (cin, cout)
    if chance(rng, 0.06):
        rhs_i += 1
    x_shape = [{"N": batch, "C": cin}.get(c, n.get(c)) for c in lhs]
    w_shape = [{"I": rhs_i, "O": rhs_o}.get(c, k.get(c)) for c in rhs]
    args = dict(strides=s, padding=padding)
    if chance(rng, 0.03):
        args["strides"] = s + [1]
    if dil:
        args["rhs_dilation"] = dil
    if dn:
        args["dimension_numbers"] = dn
    if tk:
        args["transpose_kernel"] = True
    if ucp:
        args["use_consistent_padding"] = True
    return x_shape, w_shape, dtype, args


def jax_call(x, w, args):
    """(True, values) or (False, JAX's core message), in this process."""
    import jax.numpy as jnp
    from jax import lax
    try:
        return True, np.asarray(lax.conv_transpose(jnp.asarray(x), jnp.asarray(w), **args))
    except Exception as exc:  # noqa: BLE001 - every refusal is compared
        return False, jax_core_message(exc)


class JaxWorker:
    """JAX in a child process: XLA aborts the whole process on some calls (a failed CHECK while it
    simplifies), which then count as crashes and are not compared (the golden files record them)."""

    def __init__(self):
        self.proc = None

    def __call__(self, x, w, args):
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen([sys.executable, __file__, "--jax-worker"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            self.proc.stdin.write(base64.b64encode(pickle.dumps((x, w, args))) + b"\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except BrokenPipeError:
            line = b""
        if not line:
            self.proc = None
            return None
        return pickle.loads(base64.b64decode(line))


def jax_worker():
    import jax
    jax.config.update("jax_enable_x64", True)
    for line in sys.stdin.buffer:
        x, w, args = pickle.loads(base64.b64decode(line))
        sys.stdout.buffer.write(base64.b64encode(pickle.dumps(jax_call(x, w, args))) + b"\n")
        sys.stdout.buffer.flush()


JAX = JaxWorker()


def check_jax(rng, nd, stats):
    x_shape, w_shape, dtype, args = jax_case(rng, nd)
    x, w = arr(rng, x_shape, dtype), arr(rng, w_shape, dtype)
    if TRACE:
        print("jax", x_shape, w_shape, args, file=sys.stderr, flush=True)
    real = JAX(x, w, args)
    if real is None:
        stats["jax calls that abort XLA (not compared)"] += 1
        return None, f"x{list(x.shape)} w{list(w.shape)} {args}"
    ours = run(lambda: convt.jax_style.conv_transpose(x, w, **args))
    return compare("jax.lax.conv_transpose", real, ours, TOL[dtype], contains=True), \
        f"x{list(x.shape)} w{list(w.shape)} {dtype.__name__} {args}"


# ----------------------------------------------------------------------------- ONNX
def onnx_case(rng, nd):
    dtype = np.float32        # onnxruntime's CPU provider has no float64 ConvTranspose kernel (NOT_IMPLEMENTED)
    g = pick(rng, [1, 1, 1, 2])
    cin, cout_g = g * ri(rng, 1, 2), ri(rng, 1, 2)
    n = [ri(rng, 1, 6) for _ in range(nd)]
    k = [ri(rng, 1, 4) for _ in range(nd)]
    s = [ri(rng, 1, 3) for _ in range(nd)]
    x_shape = [ri(rng, 1, 2), cin] + n
    w_shape = [cin + (1 if chance(rng, 0.04) else 0), cout_g] + k
    attrs = {}
    if chance(rng, 0.8):
        attrs["strides"] = s
    auto_pad = pick(rng, ["NOTSET", "NOTSET", "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"])
    if auto_pad != "NOTSET" or chance(rng, 0.3):
        attrs["auto_pad"] = auto_pad
    if chance(rng, 0.35):
        attrs["dilations"] = [ri(rng, 1, 3) for _ in range(nd)]
    if g != 1 or chance(rng, 0.1):
        attrs["group"] = g
    if chance(rng, 0.15):
        attrs["kernel_shape"] = k if chance(rng, 0.8) else [v + 1 for v in k]
    if auto_pad == "NOTSET" and chance(rng, 0.6):
        attrs["pads"] = [ri(rng, 0, 2) for _ in range(2 * nd)]
    if chance(rng, 0.3):
        attrs["output_padding"] = [ri(rng, 0, 3) for _ in range(nd)]
    if chance(rng, 0.25):
        ss = attrs.get("strides", [1] * nd)
        attrs["output_shape"] = [(n[a] - 1) * ss[a] + k[a] + ri(rng, -2, 3) for a in range(nd)]
        if chance(rng, 0.1):
            attrs["output_shape"] = [1, 1] + attrs["output_shape"]
    if chance(rng, 0.03):
        key = pick(rng, ["strides", "pads", "dilations"])
        if key in attrs:
            attrs[key] = attrs[key][:-1] or [1, 1]
    b_shape = [g * cout_g + (1 if chance(rng, 0.05) else 0)] if chance(rng, 0.4) else None
    return x_shape, w_shape, b_shape, dtype, attrs


def check_onnx(rng, nd, stats):
    import onnxruntime as ort
    x_shape, w_shape, b_shape, dtype, attrs = onnx_case(rng, nd)
    x, w = arr(rng, x_shape, dtype), arr(rng, w_shape, dtype)
    b = None if b_shape is None else arr(rng, b_shape, dtype)
    model, _ = onnx_model(x_shape, w_shape, b_shape, attrs, np.dtype(dtype).name)
    try:
        sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
        feed = {"X": x, "W": w, **({"B": b} if b is not None else {})}
        real = True, sess.run(None, feed)[0]
    except Exception as exc:  # noqa: BLE001
        real = False, onnx_core_message(str(exc))
    ours = run(lambda: convt.onnx_style.conv_transpose(x, w, b, **attrs))
    return compare("onnx ConvTranspose", real, ours, TOL[dtype], contains=True), \
        f"X{x_shape} W{w_shape} B{b_shape} {dtype.__name__} {attrs}"


def describe(args):
    return " ".join(f"{k}={list(v.shape) if isinstance(v, np.ndarray) else v}"
                    + (f"({v.dtype})" if isinstance(v, np.ndarray) and k == "input" else "")
                    for k, v in args.items())


CHECKS = {"tf": lambda rng, nd, st: [check_tf(rng, nd, False, st), check_tf(rng, nd, True, st)],
          "torch": lambda rng, nd, st: [check_torch(rng, nd, False, st), check_torch(rng, nd, True, st)],
          "jax": lambda rng, nd, st: [check_jax(rng, nd, st)],
          "onnx": lambda rng, nd, st: [check_onnx(rng, nd, st)]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=200, help="rounds per framework and dimension")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="tf,torch,jax,onnx")
    ap.add_argument("--nd", default="1,2,3")
    args = ap.parse_args()
    import onnxruntime as ort
    ort.set_default_logger_severity(4)
    rng = np.random.default_rng(args.seed)
    problems, counts, stats = [], collections.Counter(), collections.Counter()
    frameworks, dims = args.only.split(","), [int(v) for v in args.nd.split(",")]
    for _ in range(args.cases):
        for fw in frameworks:
            for nd in dims:
                for problem, call in CHECKS[fw](rng, nd, stats):
                    counts[f"{fw} {nd}-D"] += 1
                    if problem:
                        problems.append(f"{problem}\n   case: {call}")
    for p in problems:
        print(p)
    print(f"seed {args.seed}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
          "".join(f"; {k} {v}" for k, v in sorted(stats.items())))
    print(f"{sum(counts.values())} calls, {len(problems)} disagreements")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    jax_worker() if "--jax-worker" in sys.argv else main()
