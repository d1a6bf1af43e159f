#!/usr/bin/env python3
"""Generate the golden fixtures in ``tests/golden/`` from the REAL frameworks.

How to run (TensorFlow / PyTorch / Keras live only in a separate venv; they are never
runtime or test dependencies of convt):

    /work/fwvenv/bin/python tools/make_fixtures.py            # writes tests/golden/*.json
    /work/fwvenv/bin/python tools/make_fixtures.py --check    # regenerate in memory, diff verdicts

Versions used for the committed fixtures: TensorFlow 2.21.0 (tensorflow-cpu), Keras 3.15.1,
PyTorch 2.13.0+cpu, NumPy 2.4.6 (each fixture file's "meta" records what actually ran).

What it does
------------
* TensorFlow runs with ``TF_ENABLE_ONEDNN_OPTS=0`` (forced by this script, before importing TF)
  so the classic kernel messages appear.  A second pass re-runs the failing float32 cases (and
  the dilation / NCHW cases) in a subprocess with ``TF_ENABLE_ONEDNN_OPTS=1`` and stores what
  oneDNN prints/returns under ``"onednn"``.
* PyTorch runs inside ``torch.backends.mkldnn.flags(enabled=False)`` (deterministic
  "Output size is too small" text); for failing cases the mkldnn-enabled outcome is stored too
  under ``"mkldnn_on"`` when it differs.
* Every case has a ``seed``; inputs are regenerated with
  ``tests/golden/inputs.py: make_inputs(seed, x_shape, w_shape, dtype, b_shape)``.
* Everything is deterministic (master seed ``MASTER_SEED``).

TF message "core"
-----------------
``tf_core_message(text)`` gives the part a user actually reads:
  1. drop a leading ``{{function_node ...}} `` prefix (name of the wrapped eager function);
  2. cut at the first `` [Op:`` (op-name suffix, plus the `` name: `` that may follow it);
  3. cut at ``\\n\\t; NodeDef:`` (attr-validation errors append the op-registration dump).
Python-side ``ValueError`` texts have none of these and are returned unchanged.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

WORKER = "--onednn-worker" in sys.argv
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "1" if WORKER else "0"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
sys.path.insert(0, str(GOLDEN))

import numpy as np  # noqa: E402
from inputs import encode_values, make_inputs  # noqa: E402

MASTER_SEED = 20261125


# ----------------------------------------------------------------------------- helpers
def tf_core_message(msg: str) -> str:
    """See the module docstring: the user-visible part of a TF error text."""
    s = msg
    if s.startswith("{{function_node"):
        end = s.find("}} ")
        if end != -1:
            s = s[end + 3:]
    cut = s.find(" [Op:")
    if cut != -1:
        s = s[:cut]
    cut = s.find("\n\t; NodeDef:")
    if cut != -1:
        s = s[:cut]
    return s


def tf_conv_out(n, k, s, d, padding, pb=0, pa=0):
    """GetWindowedOutputSizeVerbose (C++ truncating division); None if negative/invalid."""
    if s <= 0 or d < 1:
        return None
    ke = (k - 1) * d + 1

    def tdiv(a, b):
        q = abs(a) // abs(b)
        return q if (a >= 0) == (b > 0) else -q

    if padding == "VALID":
        o = tdiv(n - ke + s, s)
    elif padding == "SAME":
        o = tdiv(n + s - 1, s)
    else:
        o = tdiv(n + pb + pa - ke + s, s)
    return o if o >= 0 else None


def tf_accepted(i, k, s, d, padding, pb=0, pa=0, upto=None):
    upto = upto if upto is not None else (i + 2) * s + (k - 1) * d + pb + pa + 4
    return [n for n in range(0, upto + 1) if tf_conv_out(n, k, s, d, padding, pb, pa) == i]


def hw2(v, name="x"):
    """strides/dilations in any TF form -> (h, w) for NHWC, or None if malformed."""
    if v is None:
        return (1, 1)
    if isinstance(v, int):
        return (v, v)
    v = list(v)
    if len(v) == 1:
        return (v[0], v[0])
    if len(v) == 2:
        return (v[0], v[1])
    if len(v) == 4:
        return (v[1], v[2])
    return None


def pad_kind(p):
    if isinstance(p, str):
        return p, (0, 0), (0, 0)
    return "EXPLICIT", tuple(p[1]), tuple(p[2])


def stride_form(r, sh, sw):
    opts = ["list2", "list4", "tuple2"]
    if sh == sw:
        opts += ["int", "int", "list1"]
    f = opts[r.integers(len(opts))]
    return {"int": sh, "list1": [sh], "list2": [sh, sw], "tuple2": [sh, sw],
            "list4": [1, sh, sw, 1]}[f]


def dil_form(r, dh, dw):
    if dh == dw == 1:
        opts = [None, None, 1, [1, 1], [1, 1, 1, 1]]
        return opts[r.integers(len(opts))]
    opts = ["list2", "list4"] + (["int"] if dh == dw else [])
    f = opts[r.integers(len(opts))]
    return {"int": dh, "list2": [dh, dw], "list4": [1, dh, dw, 1]}[f]


def rand_padding(r, allow_explicit=True):
    kinds = ["SAME", "VALID"] + (["EXPLICIT"] if allow_explicit else [])
    kind = kinds[r.integers(len(kinds))]
    if kind != "EXPLICIT":
        return kind
    return [[0, 0], [int(r.integers(0, 3)), int(r.integers(0, 3))],
            [int(r.integers(0, 3)), int(r.integers(0, 3))], [0, 0]]


def I(v):  # numpy ints -> python ints (JSON)
    if isinstance(v, (list, tuple)):
        return [I(u) for u in v]
    if isinstance(v, np.integer):
        return int(v)
    return v


# ----------------------------------------------------------------------------- TF side
def tf_run(case):
    """Run one TF case; return the result dict (ok/shape/values or error)."""
    import tensorflow as tf

    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    args = dict(case["args"])
    if "padding" in args and isinstance(args["padding"], list) and case.get("pad_tuples"):
        args["padding"] = tuple(tuple(p) if isinstance(p, list) else p for p in args["padding"])
    try:
        if case["fn"] == "conv2d_transpose":
            out = tf.nn.conv2d_transpose(x, w, **args)
        else:
            out = tf.nn.conv2d(x, w, **args)
        out = out.numpy()
        return {"ok": True, "shape": list(out.shape), "_out": out}
    except Exception as e:  # noqa: BLE001 - we record whatever the framework raises
        msg = str(e)
        return {"ok": False, "error": {"type": type(e).__name__, "message": msg,
                                       "core": tf_core_message(msg)}}


def torch_equiv_tf_transpose(case):
    """TF conv2d_transpose semantics computed with torch (works for dilation > 1):
    full transposed output, then a window of N from offset start (zeros past the end)."""
    import torch
    import torch.nn.functional as F

    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    a = case["args"]
    sh, sw = hw2(a["strides"])
    dh, dw = hw2(a.get("dilations"))
    os_ = a["output_shape"]
    nh, nw = (os_[1], os_[2]) if len(os_) == 4 else (os_[0], os_[1])
    kind, (pt, pbm), (pl, pr) = pad_kind(a["padding"])
    if x.size == 0 or w.size == 0:
        return np.zeros((x.shape[0], nh, nw, w.shape[2]), dtype=x.dtype)
    xt = torch.from_numpy(x).permute(0, 3, 1, 2)
    wt = torch.from_numpy(w).permute(3, 2, 0, 1)
    with torch.backends.mkldnn.flags(enabled=False):
        full = F.conv_transpose2d(xt, wt, stride=(sh, sw), dilation=(dh, dw)).numpy()
    kh, kw = w.shape[0], w.shape[1]
    out = np.zeros((x.shape[0], w.shape[2], nh, nw), dtype=full.dtype)

    def start(L, n, top):
        if kind == "SAME":
            return max(0, L - n) // 2
        if kind == "VALID":
            return 0
        return top

    Lh, Lw = full.shape[2], full.shape[3]
    st_h, st_w = start(Lh, nh, pt), start(Lw, nw, pl)
    ch = full[:, :, st_h:st_h + nh, st_w:st_w + nw]
    out[:, :, :ch.shape[2], :ch.shape[3]] = ch
    assert (kh - 1) * dh + 1 + (x.shape[1] - 1) * sh == Lh
    return out.transpose(0, 2, 3, 1)


def tf_t_otherwise_valid(c):
    """Would this conv2d_transpose call be valid if TF's CPU kernel accepted dilations > 1?"""
    a, xs, ws = c["args"], c["x_shape"], c["w_shape"]
    if len(xs) != 4 or len(ws) != 4 or a.get("data_format", "NHWC") != "NHWC":
        return False
    os_ = a["output_shape"]
    if len(os_) not in (2, 4) or min(os_) < 0:
        return False
    for key in ("strides", "dilations"):
        v = a.get(key)
        if isinstance(v, list) and len(v) == 4 and (v[0] != 1 or v[3] != 1):
            return False
        if v is not None and hw2(v) is None:
            return False
    (sh, sw), (dh, dw) = hw2(a["strides"]), hw2(a.get("dilations"))
    if min(sh, sw) <= 0 or min(dh, dw) < 1:
        return False
    p = a["padding"]
    if isinstance(p, str):
        if p not in ("SAME", "VALID"):
            return False
        kind, tb, lr = p, (0, 0), (0, 0)
    else:
        if len(p) != 4 or any(len(q) != 2 for q in p) or any(v < 0 for q in p for v in q) \
                or any(p[0]) or any(p[3]):
            return False
        kind, tb, lr = "EXPLICIT", tuple(p[1]), tuple(p[2])
    if len(os_) == 4 and (os_[0] != xs[0] or os_[3] != ws[2]):
        return False
    if xs[3] != ws[3]:
        return False
    nh, nw = (os_[1], os_[2]) if len(os_) == 4 else (os_[0], os_[1])
    return (tf_conv_out(nh, ws[0], sh, dh, kind, *tb) == xs[1]
            and tf_conv_out(nw, ws[1], sw, dw, kind, *lr) == xs[2])


def finish_tf(case, res):
    out = res.pop("_out", None)
    case.update(res)
    if out is not None:
        case["values"] = encode_values(out, case["seed"])


def tf_case(r, fam, fn, x_shape, w_shape, args, dtype=None, **extra):
    dtype = dtype or ("float32" if r.random() < 0.6 else "float64")
    c = {"fn": fn, "family": fam, "seed": int(r.integers(2**31)), "dtype": dtype,
         "x_shape": I(list(x_shape)), "w_shape": I(list(w_shape)), "args": I(args)}
    c.update(extra)
    return c


def rand_transpose_cfg(r, dil=False, big=False):
    n = int(r.integers(1, 3))
    cin, cout = int(r.integers(1, 4)), int(r.integers(1, 4))
    hi_i = 9 if big else 6
    ih, iw = int(r.integers(1, hi_i)), int(r.integers(1, hi_i))
    kh, kw = int(r.integers(1, 5)), int(r.integers(1, 5))
    sh, sw = int(r.integers(1, 4)), int(r.integers(1, 4))
    if dil:
        dh, dw = int(r.integers(1, 4)), int(r.integers(1, 4))
        if dh == dw == 1:
            dh = 2
    else:
        dh = dw = 1
    padding = rand_padding(r)
    return dict(n=n, cin=cin, cout=cout, ih=ih, iw=iw, kh=kh, kw=kw, sh=sh, sw=sw, dh=dh, dw=dw,
                padding=padding)


def accepted_hw(cfg):
    kind, (pt, pbm), (pl, pr) = pad_kind(cfg["padding"])
    ah = tf_accepted(cfg["ih"], cfg["kh"], cfg["sh"], cfg["dh"], kind, pt, pbm)
    aw = tf_accepted(cfg["iw"], cfg["kw"], cfg["sw"], cfg["dw"], kind, pl, pr)
    return ah, aw


def make_transpose(r, cfg, nh, nw, fam, os_len=None, batch=None, cout_os=None, cin_x=None,
                   dtype=None, **extra):
    os_len = os_len or (4 if r.random() < 0.7 else 2)
    b = cfg["n"] if batch is None else batch
    co = cfg["cout"] if cout_os is None else cout_os
    ci = cfg["cin"] if cin_x is None else cin_x
    output_shape = [b, nh, nw, co] if os_len == 4 else [nh, nw]
    args = {"output_shape": output_shape,
            "strides": stride_form(r, cfg["sh"], cfg["sw"]),
            "padding": cfg["padding"]}
    d = dil_form(r, cfg["dh"], cfg["dw"])
    if d is not None:
        args["dilations"] = d
    return tf_case(r, fam, "conv2d_transpose", [cfg["n"], cfg["ih"], cfg["iw"], ci],
                   [cfg["kh"], cfg["kw"], cfg["cout"], cfg["cin"]], args, dtype=dtype, **extra)


def gen_tf_transpose(r):
    cases = []
    T = "conv2d_transpose"

    # --- valid sizes (values)
    for _ in range(240):
        cfg = rand_transpose_cfg(r, big=r.random() < 0.3)
        ah, aw = accepted_hw(cfg)
        ah, aw = [v for v in ah if v > 0], [v for v in aw if v > 0]
        if not ah or not aw:
            continue
        nh, nw = int(r.choice(ah)), int(r.choice(aw))
        cases.append(make_transpose(r, cfg, nh, nw, "valid"))

    # --- just outside the valid range, H only / W only / both
    for fam, cnt in (("near_miss_h", 22), ("near_miss_w", 22), ("near_miss_both", 6),
                     ("far_miss", 10)):
        made = 0
        while made < cnt:
            cfg = rand_transpose_cfg(r, big=True)
            ah, aw = accepted_hw(cfg)
            if not ah or not aw:
                continue

            def bad(acc):
                if fam == "far_miss":
                    cand = [v for v in range(1, max(acc) + 12) if v not in acc]
                else:
                    cand = [v for v in (min(acc) - 1, max(acc) + 1) if v >= 0]
                return int(r.choice(cand))

            def good(acc):
                return int(r.choice([v for v in acc if v > 0] or acc))

            if fam == "near_miss_h":
                nh, nw = bad(ah), good(aw)
            elif fam == "near_miss_w":
                nh, nw = good(ah), bad(aw)
            else:
                nh, nw = bad(ah), bad(aw)
            cases.append(make_transpose(r, cfg, nh, nw, fam))
            made += 1

    # --- dilation > 1: TF CPU refuses; convt computes (torch-equivalent values recorded)
    made = 0
    while made < 26:
        cfg = rand_transpose_cfg(r, dil=True)
        ah, aw = accepted_hw(cfg)
        ah, aw = [v for v in ah if v > 0], [v for v in aw if v > 0]
        if not ah or not aw:
            continue
        cases.append(make_transpose(r, cfg, int(r.choice(ah)), int(r.choice(aw)), "dilation_ok",
                                    dtype="float32" if made % 3 else "float64"))
        made += 1
    made = 0
    while made < 5:  # dilation > 1 and a size mismatch: the refusal comes first
        cfg = rand_transpose_cfg(r, dil=True)
        ah, aw = accepted_hw(cfg)
        if not ah or not aw:
            continue
        made += 1
        cases.append(make_transpose(r, cfg, max(ah) + 1, max(aw), "dilation_mismatch"))

    # --- batch / channel mismatches
    for _ in range(8):
        cfg = rand_transpose_cfg(r)
        ah, aw = accepted_hw(cfg)
        nh, nw = int(r.choice(ah)), int(r.choice(aw))
        cases.append(make_transpose(r, cfg, nh, nw, "batch_mismatch", os_len=4,
                                    batch=cfg["n"] + int(r.integers(1, 3))))
    for _ in range(8):
        cfg = rand_transpose_cfg(r)
        cfg["cout"] = int(r.integers(2, 5))
        ah, aw = accepted_hw(cfg)
        bad_c = int(r.choice([c for c in range(1, 12) if c % cfg["cout"] != 0]))
        cases.append(make_transpose(r, cfg, int(r.choice(ah)), int(r.choice(aw)),
                                    "out_channel_mismatch", os_len=4, cout_os=bad_c))
    for j in range(7):
        cfg = rand_transpose_cfg(r)
        ah, aw = accepted_hw(cfg)
        nh = int(r.choice(ah)) if j < 5 else max(ah) + 1
        cases.append(make_transpose(r, cfg, nh, int(r.choice(aw)), "out_channel_multiple",
                                    os_len=4, cout_os=cfg["cout"] * int(r.integers(2, 4))))
    for _ in range(8):
        cfg = rand_transpose_cfg(r)
        ah, aw = accepted_hw(cfg)
        os_len = 4 if r.random() < 0.5 else 2
        cases.append(make_transpose(r, cfg, int(r.choice(ah)), int(r.choice(aw)),
                                    "in_channel_mismatch", os_len=os_len,
                                    cin_x=cfg["cin"] + int(r.integers(1, 3))))

    # --- negative computed size / computed 0
    for j in range(8):
        k = int(r.integers(3, 7))
        cfg = dict(n=1, cin=2, cout=2, ih=int(r.integers(1, 5)), iw=int(r.integers(1, 5)),
                   kh=k, kw=k, sh=1, sw=1, dh=1, dw=1,
                   padding="VALID" if j < 6 else [[0, 0], [0, 1], [0, 1], [0, 0]])
        cases.append(make_transpose(r, cfg, 1, 1, "negative_size", os_len=4))
    for _ in range(3):
        cfg = dict(n=1, cin=1, cout=1, ih=int(r.integers(2, 6)), iw=3, kh=3, kw=3,
                   sh=4, sw=4, dh=1, dw=1, padding="VALID")
        cases.append(make_transpose(r, cfg, 1, 9, "computed_zero", os_len=4))
    cfg = dict(n=1, cin=1, cout=1, ih=3, iw=3, kh=3, kw=3, sh=2, sw=2, dh=1, dw=1,
               padding="SAME")
    cases.append(make_transpose(r, cfg, 0, 5, "computed_zero", os_len=4))

    # --- output_shape malformed
    for os_ in ([1, 5, 5], [5], [1, 5, 5, 2, 1], [2, 5, 5]):
        cfg = dict(n=1, cin=2, cout=2, ih=3, iw=3, kh=3, kw=3, sh=2, sw=2, dh=1, dw=1,
                   padding="SAME")
        c = make_transpose(r, cfg, 5, 5, "output_shape_len")
        c["args"]["output_shape"] = os_
        cases.append(c)
    for os_ in ([1, -1, 5, 2], [-2, 5, 5, 2], [1, 5, 5, -3], [-5, 5], [5, -1], [1, -4, -6, 2]):
        cfg = dict(n=1, cin=2, cout=2, ih=3, iw=3, kh=3, kw=3, sh=2, sw=2, dh=1, dw=1,
                   padding="SAME")
        c = make_transpose(r, cfg, 5, 5, "negative_entry")
        c["args"]["output_shape"] = os_
        cases.append(c)

    # --- rank errors
    base = dict(n=1, cin=2, cout=3, ih=3, iw=4, kh=2, kw=2, sh=2, sw=2, dh=1, dw=1,
                padding="SAME")
    for xs, ws in (([3, 4, 2], [2, 2, 3, 2]), ([4, 2], [2, 2, 3, 2]),
                   ([1, 1, 3, 4, 2], [2, 2, 3, 2]), ([1, 3, 4, 2], [2, 3, 2]),
                   ([1, 3, 4, 2], [1, 2, 2, 3, 2])):
        c = make_transpose(r, base, 6, 8, "rank")
        c["x_shape"], c["w_shape"] = xs, ws
        cases.append(c)

    # --- strides / dilations forms and values
    for st in ([1, 2, 2], [2, 2, 2, 2, 2], [], [2, 2, 2]):
        c = make_transpose(r, base, 6, 8, "strides_len")
        c["args"]["strides"] = st
        cases.append(c)
    for st in (0, [0, 2], [2, 0], -1, [1, 0, 0, 1]):
        c = make_transpose(r, base, 6, 8, "stride_nonpositive")
        c["args"]["strides"] = st
        cases.append(c)
    for st in ([2, 2, 2, 1], [1, 2, 2, 2], [3, 2, 2, 3]):
        c = make_transpose(r, base, 6, 8, "strides_batch_depth")
        c["args"]["strides"] = st
        cases.append(c)
    for dl in ([2, 1, 1, 1], [1, 1, 1, 2], [1, 2, 2], 0, -1, [0, 1]):
        c = make_transpose(r, base, 6, 8, "dilations_bad")
        c["args"]["dilations"] = dl
        cases.append(c)

    # --- padding forms
    for p in ("same", "valid", "Same", "FULL"):
        c = make_transpose(r, base, 6, 8, "padding_string")
        c["args"]["padding"] = p
        cases.append(c)
    c = make_transpose(r, base, 6, 8, "padding_string")
    c["args"]["padding"] = "EXPLICIT"
    cases.append(c)
    for p in ([[1, 1], [1, 1]], [[0, 0], [1, 1, 1], [1, 1], [0, 0]], [[0, 0], [1, 1], [1, 1]],
              [[0, 0], [1], [1, 1], [0, 0]]):
        c = make_transpose(r, base, 6, 8, "explicit_malformed")
        c["args"]["padding"] = p
        cases.append(c)
    for p in ([[1, 0], [0, 0], [0, 0], [0, 0]], [[0, 0], [0, 0], [0, 0], [0, 1]],
              [[0, 0], [-1, 1], [0, 0], [0, 0]], [[0, 0], [0, 0], [0, -2], [0, 0]]):
        c = make_transpose(r, base, 6, 8, "explicit_bad_values")
        c["args"]["padding"] = p
        cases.append(c)
    c = make_transpose(r, dict(base, padding=[[0, 0], [1, 0], [0, 1], [0, 0]]), 5, 8,
                       "explicit_tuple_form", pad_tuples=True)
    cases.append(c)

    # --- NCHW (the CPU kernel without oneDNN refuses it)
    for j in range(3):
        c = make_transpose(r, base, 6, 8, "nchw", os_len=4)
        c["x_shape"] = [1, 2, 3, 4]
        c["args"]["output_shape"] = [1, 3, 6, 8]
        c["args"]["strides"] = [1, 1, 2, 2]
        c["args"]["data_format"] = "NCHW"
        c["dtype"] = "float32"
        cases.append(c)

    # --- the seed and the check-order probes (several things wrong at once)
    X, Wf = [3, 25, 25, 20], [3, 3, 10, 20]
    seed_args = {"output_shape": [3, 97, 97, 10], "strides": [1, 3, 3, 1], "padding": "SAME"}

    def order(name, x=X, w=Wf, dtype="float64", **kw):
        a = dict(seed_args)
        a.update(kw)
        a = {k: v for k, v in a.items() if v is not None}
        cases.append(tf_case(r, "order", T, x, w, a, dtype=dtype, note=name))

    order("seed float32", dtype="float32")
    order("seed float64")
    order("seed fixed with strides 4", strides=[1, 4, 4, 1], dtype="float32")
    order("seed fixed, output_shape as [H, W]", strides=4, output_shape=[97, 97])
    order("seed, output_shape as [H, W]", output_shape=[97, 97])
    order("batch + spatial", output_shape=[2, 97, 97, 10])
    order("strides length + batch", output_shape=[2, 97, 97, 10], strides=[1, 3, 3])
    order("out channel + spatial", output_shape=[3, 97, 97, 7])
    order("in channel + spatial", x=[3, 25, 25, 5])
    order("in channel + out channel", x=[3, 25, 25, 5], output_shape=[3, 97, 97, 7])
    order("batch + in channel", x=[3, 25, 25, 5], output_shape=[2, 97, 97, 10])
    order("batch + out channel", output_shape=[2, 97, 97, 7])
    order("grouped multiple + spatial", output_shape=[3, 97, 97, 20])
    order("grouped multiple, sizes fine", output_shape=[3, 75, 75, 20])
    order("dilation 2, sizes fine", output_shape=[3, 75, 75, 10], dilations=2)
    order("dilation 2 + spatial", dilations=2)
    order("dilation 2 + batch", output_shape=[2, 75, 75, 10], dilations=2)
    order("dilation 2 + out channel", output_shape=[3, 75, 75, 7], dilations=2)
    order("dilation 2 + in channel", x=[3, 25, 25, 5], output_shape=[3, 75, 75, 10],
          dilations=2)
    order("dilation 2 + output_shape length 3", output_shape=[3, 75, 75], dilations=2)
    order("dilation 2 + 3-D input", x=[25, 25, 20], dilations=2)
    order("dilation 2 + negative entry", output_shape=[3, -1, 75, 10], dilations=2)
    order("H and W both mismatch", output_shape=[3, 97, 98, 10])
    order("W only", output_shape=[3, 75, 97, 10])
    order("stride 0 + spatial", strides=[1, 0, 3, 1])
    order("stride 0 + dilation 2", strides=[1, 0, 3, 1], dilations=2)
    order("strides batch + spatial", strides=[2, 3, 3, 1])
    order("strides batch + stride 0", strides=[2, 0, 3, 1])
    order("strides batch + dilation 2", strides=[2, 3, 3, 1], dilations=2)
    order("dilations batch + stride 0", strides=[1, 0, 3, 1], dilations=[2, 1, 1, 1])
    order("dilations batch + dilation 2", dilations=[2, 2, 1, 1])
    order("dilations length 3 + strides length 3", strides=[1, 3, 3], dilations=[1, 2, 2])
    order("lowercase same + strides length 3", strides=[1, 3, 3], padding="same")
    order("lowercase same + stride 0", strides=[1, 0, 3, 1], padding="same")
    order("lowercase same + batch", padding="same", output_shape=[2, 97, 97, 10])
    order("explicit malformed + strides length 3", strides=[1, 3, 3], padding=[[1, 1]])
    order("explicit malformed + dilations length 3", padding=[[1, 1]], dilations=[1, 1, 1])
    order("explicit batch pad + stride 0", strides=[1, 0, 3, 1],
          padding=[[1, 0], [1, 1], [1, 1], [0, 0]])
    order("explicit batch pad + dilation 2", padding=[[1, 0], [1, 1], [1, 1], [0, 0]],
          dilations=2)
    order("explicit negative + dilation 2", padding=[[0, 0], [-1, 1], [1, 1], [0, 0]],
          dilations=2)
    order("explicit negative + batch pad", padding=[[1, 0], [-1, 1], [1, 1], [0, 0]])
    order("explicit batch pad + batch", padding=[[1, 0], [1, 1], [1, 1], [0, 0]],
          output_shape=[2, 97, 97, 10])
    order("explicit negative + output_shape length 3",
          padding=[[0, 0], [-1, 1], [1, 1], [0, 0]], output_shape=[2, 97, 97])
    order("3-D input + stride 0", x=[25, 25, 20], strides=[1, 0, 3, 1])
    order("3-D input + output_shape length 3", x=[25, 25, 20], output_shape=[2, 97, 97])
    order("3-D filter + output_shape length 3", w=[3, 10, 20], output_shape=[2, 97, 97])
    order("3-D filter + batch", w=[3, 10, 20], output_shape=[2, 97, 97, 10])
    order("3-D filter + negative entry", w=[3, 10, 20], output_shape=[3, -1, 97, 10])
    order("negative entry + batch", output_shape=[2, -1, 97, 10])
    order("negative entry + stride 0", output_shape=[3, -1, 97, 10], strides=[1, 0, 3, 1])
    order("negative entry + 3-D input", x=[25, 25, 20], output_shape=[3, -1, 97, 10])
    order("output_shape length 3 + stride 0", output_shape=[3, 97, 97], strides=[1, 0, 3, 1])
    order("output_shape length 3 + negative entry", output_shape=[3, -97, 97])
    order("negative size + batch", x=[1, 25, 25, 2], w=[4, 4, 2, 2],
          output_shape=[2, 1, 1, 2], strides=1, padding="VALID")
    order("negative size H + W mismatch", x=[1, 25, 25, 2], w=[4, 4, 2, 2],
          output_shape=[1, 1, 7, 2], strides=1, padding="VALID")
    order("H mismatch + negative size W", x=[1, 25, 25, 2], w=[4, 4, 2, 2],
          output_shape=[1, 7, 1, 2], strides=1, padding="VALID")
    order("negative size + in channel", x=[1, 25, 25, 3], w=[4, 4, 2, 2],
          output_shape=[1, 1, 1, 2], strides=1, padding="VALID")
    order("negative size + grouped", x=[1, 25, 25, 2], w=[4, 4, 2, 2],
          output_shape=[1, 1, 1, 4], strides=1, padding="VALID")
    order("NCHW + dilation 2", x=[3, 20, 25, 25], output_shape=[3, 10, 97, 97],
          strides=[1, 1, 3, 3], dilations=2, data_format="NCHW")
    order("NCHW + stride 0", x=[3, 20, 25, 25], output_shape=[3, 10, 97, 97],
          strides=[1, 1, 0, 3], data_format="NCHW")
    order("lowercase same + dilation 2", padding="same", dilations=2)
    order("NCHW + strides batch", x=[3, 20, 25, 25], output_shape=[3, 10, 97, 97],
          strides=[2, 1, 3, 3], data_format="NCHW")
    order("NCHW + lowercase same", x=[3, 20, 25, 25], output_shape=[3, 10, 97, 97],
          strides=[1, 1, 3, 3], data_format="NCHW", padding="same")
    order("explicit negative + dilations batch", padding=[[0, 0], [-1, 1], [1, 1], [0, 0]],
          dilations=[2, 1, 1, 1])
    order("3-D input + 3-D filter", x=[25, 25, 20], w=[3, 10, 20])
    order("in channel + grouped multiple", x=[3, 25, 25, 5], output_shape=[3, 75, 75, 20])
    order("batch + W only", output_shape=[2, 75, 97, 10])
    order("dilation 2 + strides length 4 with stride 0 in W", strides=[1, 3, 0, 1], dilations=2)
    order("dilation 0 + spatial", dilations=0)
    order("filter depth 0 + batch", w=[3, 3, 0, 20], output_shape=[2, 75, 75, 0])
    order("filter depth 0 + in channel", x=[3, 25, 25, 5], w=[3, 3, 0, 20],
          output_shape=[3, 75, 75, 0])
    order("output_shape channels 0 (0 % filter depth == 0)", output_shape=[3, 75, 75, 0])
    order("negative size in W only", x=[1, 22, 25, 2], w=[4, 4, 2, 2],
          output_shape=[1, 25, 1, 2], strides=1, padding="VALID")
    order("filter out-depth 0", w=[3, 3, 0, 20], output_shape=[3, 75, 75, 0])
    order("filter depth 0 + spatial", w=[3, 3, 0, 20], output_shape=[3, 97, 97, 0])
    order("empty batch, sizes fine", x=[0, 25, 25, 20], output_shape=[0, 75, 75, 10])
    order("empty input spatial", x=[1, 0, 0, 20], output_shape=[1, 0, 0, 10])
    order("zero kernel", w=[0, 3, 10, 20], output_shape=[3, 75, 75, 10])
    return cases


def gen_tf_conv2d(r):
    cases = []
    C = "conv2d"
    for j in range(115):
        n = int(r.integers(1, 3))
        ci, co = int(r.integers(1, 4)), int(r.integers(1, 4))
        h, w = int(r.integers(1, 12)), int(r.integers(1, 12))
        kh, kw = int(r.integers(1, 5)), int(r.integers(1, 5))
        sh, sw = int(r.integers(1, 4)), int(r.integers(1, 4))
        dh = dw = 1
        if r.random() < 0.25:
            dh, dw = int(r.integers(1, 4)), int(r.integers(1, 4))
        padding = rand_padding(r)
        kind, (pt, pb), (pl, pr) = pad_kind(padding)
        oh = tf_conv_out(h, kh, sh, dh, kind, pt, pb)
        ow = tf_conv_out(w, kw, sw, dw, kind, pl, pr)
        if oh is None or ow is None:
            continue
        args = {"strides": stride_form(r, sh, sw), "padding": padding}
        d = dil_form(r, dh, dw)
        if d is not None:
            args["dilations"] = d
        cases.append(tf_case(r, "valid", C, [n, h, w, ci], [kh, kw, ci, co], args))
    # failures & edge cases
    def c2(fam, x, wsh, dtype=None, **args):
        a = {"strides": 1, "padding": "SAME"}
        a.update(args)
        a = {k: v for k, v in a.items() if v is not None}
        cases.append(tf_case(r, fam, C, x, wsh, a, dtype=dtype))

    for ci in (1, 3, 4, 5):
        c2("in_channel_mismatch", [1, 5, 5, ci], [3, 3, 2, 2])
    c2("in_channel_mismatch", [1, 5, 5, 7], [3, 3, 2, 2], padding="VALID", dilations=2)
    for dt in ("float32", "float64"):
        c2("grouped", [1, 5, 5, 4], [3, 3, 2, 3], dtype=dt)
        c2("grouped", [2, 6, 5, 6], [2, 3, 3, 6], dtype=dt, strides=2, padding="VALID")
    for h, k, d, s in ((2, 3, 2, 1), (1, 4, 1, 1), (3, 5, 2, 2), (1, 3, 3, 1)):
        c2("negative_size", [1, h, h, 2], [k, k, 2, 2], padding="VALID", dilations=d, strides=s)
    c2("negative_size", [1, 1, 1, 2], [5, 5, 2, 2], padding=[[0, 0], [0, 1], [0, 1], [0, 0]])
    c2("zero_size", [1, 2, 2, 2], [3, 3, 2, 2], padding="VALID")
    c2("zero_size", [1, 2, 5, 2], [3, 3, 2, 2], padding="VALID", strides=2)
    c2("stride_nonpositive", [1, 5, 5, 2], [3, 3, 2, 2], strides=0)
    c2("stride_nonpositive", [1, 5, 5, 2], [3, 3, 2, 2], strides=[1, -1])
    c2("strides_batch_depth", [1, 5, 5, 2], [3, 3, 2, 2], strides=[2, 1, 1, 1])
    c2("strides_batch_depth", [1, 5, 5, 2], [3, 3, 2, 2], strides=[1, 1, 1, 2])
    c2("strides_len", [1, 5, 5, 2], [3, 3, 2, 2], strides=[1, 1, 1])
    c2("rank", [5, 5, 2], [3, 3, 2, 2])
    c2("rank", [1, 5, 5, 2], [3, 2, 2])
    c2("rank", [5, 5, 2], [3, 2, 2])
    c2("rank_5d_ok", [2, 1, 5, 5, 2], [3, 3, 2, 2])
    c2("rank_5d_ok", [1, 2, 6, 5, 3], [2, 2, 3, 1], strides=2, padding="VALID")
    c2("padding_string", [1, 5, 5, 2], [3, 3, 2, 2], padding="same")
    c2("padding_string", [1, 5, 5, 2], [3, 3, 2, 2], padding="valid")
    c2("padding_string", [1, 5, 5, 2], [3, 3, 2, 2], padding="EXPLICIT")
    c2("explicit_bad_values", [1, 5, 5, 2], [3, 3, 2, 2], padding=[[1, 0], [1, 1], [1, 1], [0, 0]])
    c2("explicit_bad_values", [1, 5, 5, 2], [3, 3, 2, 2], padding=[[0, 0], [-1, 1], [1, 1], [0, 0]])
    c2("explicit_malformed", [1, 5, 5, 2], [3, 3, 2, 2], padding=[[1, 1], [1, 1]])
    c2("dilations_bad", [1, 5, 5, 2], [3, 3, 2, 2], dilations=[2, 1, 1, 1])
    c2("dilations_bad", [1, 5, 5, 2], [3, 3, 2, 2], dilations=0)
    c2("dilations_bad", [1, 5, 5, 2], [3, 3, 2, 2], dilations=[1, 1, 1])
    c2("nchw", [1, 2, 5, 5], [3, 3, 2, 2], data_format="NCHW", strides=[1, 1, 1, 1])
    c2("order", [1, 2, 2, 7], [3, 3, 10, 2], padding="VALID", dilations=2)  # channel + neg size
    c2("order", [1, 2, 2, 7], [3, 3, 10, 2], strides=0)  # stride 0 + channel
    c2("order", [1, 2, 2, 7], [3, 3, 10, 2], dilations=[2, 1, 1, 1])
    c2("order", [2, 2, 7], [3, 3, 10, 2])  # 3-D + channel
    c2("order", [2, 2, 7], [3, 10, 2])  # 3-D input + 3-D filter
    c2("order", [1, 5, 5, 2], [3, 3, 2, 2], strides=0, padding=[[0, 0], [-1, 2], [0, 1], [0, 0]])
    c2("order", [1, 5, 5, 2], [3, 3, 2, 2], dilations=0, strides=[2, 1, 1, 1])
    c2("order", [1, 5, 5, 2], [3, 3, 2, 2], dilations=0, padding=[[0, 0], [-1, 2], [0, 1], [0, 0]])
    c2("order", [1, 97, 97, 10], [3, 3, 10, 20], strides=4, dtype="float32")
    return cases


def gen_tf_sweeps(r, n_cfg=40):
    """Configurations whose accepted N in 1..60 (or more) TF is asked about, one by one."""
    cfgs = [dict(i=3, k=2, s=2, padding="SAME"), dict(i=3, k=2, s=2, padding="VALID"),
            dict(i=25, k=3, s=3, padding="SAME"), dict(i=25, k=3, s=4, padding="SAME"),
            dict(i=25, k=3, s=4, padding="VALID"), dict(i=18, k=11, s=16, padding="SAME")]
    while len(cfgs) < n_cfg:
        cfg = dict(i=int(r.integers(1, 12)), k=int(r.integers(1, 7)), s=int(r.integers(1, 6)),
                   padding=["SAME", "VALID", "EXPLICIT"][int(r.integers(3))])
        if cfg["padding"] == "EXPLICIT":
            cfg["pads"] = [int(r.integers(0, 3)), int(r.integers(0, 3))]
        cfgs.append(cfg)
    return cfgs


def run_tf_sweep(cfg):
    import tensorflow as tf

    i, k, s = cfg["i"], cfg["k"], cfg["s"]
    if cfg["padding"] == "EXPLICIT":
        pb, pa = cfg["pads"]
        padding = [[0, 0], [pb, pa], [0, 0], [0, 0]]
        kind = "EXPLICIT"
    else:
        pb = pa = 0
        padding = kind = cfg["padding"]
    # keep W valid: W input 1, kernel 1, so N_w = any of the W-accepted values
    w_acc = tf_accepted(1, 1, s, 1, kind if kind != "EXPLICIT" else "VALID")
    nw = [v for v in w_acc if v > 0][0]
    x = np.ones((1, i, 1, 1))
    w = np.ones((k, 1, 1, 1))
    upto = max(60, (i + 1) * s + k + 4)
    acc = []
    errs = {}
    for n in range(1, upto + 1):
        try:
            tf.nn.conv2d_transpose(x, w, [1, n, nw, 1], [1, s, s, 1], padding)
            acc.append(n)
        except Exception as e:  # noqa: BLE001
            errs[n] = str(e)
    # the real messages for the sizes just outside the accepted run (for explain tests)
    rejected = {}
    if acc:
        for n in (acc[0] - 1, acc[-1] + 1):
            if n in errs:
                rejected[str(n)] = {"message": errs[n], "core": tf_core_message(errs[n])}
    rule = [v for v in tf_accepted(i, k, s, 1, kind, pb, pa, upto=upto) if v >= 1]
    return dict(cfg, nw=nw, upto=upto, accepted=acc, formula_agrees=(rule == acc),
                rejected=rejected)


def tf_accepted_dim(case):
    """For a spatial-mismatch case: which N TF accepts in the named dimension (real sweep).

    Only that dimension matters: the sweep uses batch 1, one channel and a trivial other
    dimension (input 1, kernel 1, stride 1, size 1), with this case's padding kind."""
    import tensorflow as tf

    core = case["error"]["core"]
    dim = int(core.split("spatial_dim: ")[1].split()[0])
    a = case["args"]
    kind, tb, lr = pad_kind(a["padding"])
    sh, sw = hw2(a["strides"])
    dh, dw = hw2(a.get("dilations"))
    ih, iw = case["x_shape"][1], case["x_shape"][2]
    kh, kw = case["w_shape"][0], case["w_shape"][1]
    i, k, s, d, pads = (ih, kh, sh, dh, tb) if dim == 1 else (iw, kw, sw, dw, lr)
    padding = kind if kind != "EXPLICIT" else [[0, 0], list(pads), [0, 0], [0, 0]]
    x = np.ones((1, i, 1, 1))
    w = np.ones((k, 1, 1, 1))
    upto = max(60, (i + 2) * s + (k - 1) * d + sum(pads) + 6)
    acc = []
    for n in range(1, upto + 1):
        try:
            tf.nn.conv2d_transpose(x, w, [1, n, 1, 1], [1, s, 1, 1], padding,
                                   dilations=[1, d, 1, 1])
            acc.append(n)
        except Exception:  # noqa: BLE001
            pass
    return {"spatial_dim": dim, "upto": upto, "sizes": acc}


# ----------------------------------------------------------------------------- torch side
def torch_run(case):
    import torch
    import torch.nn.functional as F

    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"],
                          case.get("b_shape"))
    a = case["args"]
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    bt = None if b is None else torch.from_numpy(b)

    def tup(v):
        return tuple(v) if isinstance(v, list) else v

    def call():
        if case["fn"] == "conv_transpose2d" and case.get("via") == "module":
            ws = list(w.shape)
            groups = a.get("groups", 1)
            m = torch.nn.ConvTranspose2d(
                ws[0], ws[1] * groups, (ws[2], ws[3]), stride=tup(a.get("stride", 1)),
                padding=tup(a.get("padding", 0)), groups=groups, bias=bt is not None,
                dilation=tup(a.get("dilation", 1)), dtype=xt.dtype)
            with torch.no_grad():
                m.weight.copy_(wt)
                if bt is not None:
                    m.bias.copy_(bt)
            osz = a.get("output_size")
            if osz is not None and "output_size" in case.get("tuples", []):
                osz = tuple(osz)
            with torch.no_grad():
                return m(xt, output_size=osz)
        if case["fn"] == "conv_transpose2d":
            return F.conv_transpose2d(xt, wt, bt, stride=tup(a.get("stride", 1)),
                                      padding=tup(a.get("padding", 0)),
                                      output_padding=tup(a.get("output_padding", 0)),
                                      groups=a.get("groups", 1),
                                      dilation=tup(a.get("dilation", 1)))
        return F.conv2d(xt, wt, bt, stride=tup(a.get("stride", 1)),
                        padding=tup(a.get("padding", 0)), dilation=tup(a.get("dilation", 1)),
                        groups=a.get("groups", 1))

    def attempt():
        try:
            out = call()
            return {"ok": True, "shape": list(out.shape), "_out": out.detach().numpy()}
        except Exception as e:  # noqa: BLE001
            return {"ok": False, "error": {"type": type(e).__name__, "message": str(e)}}

    with torch.backends.mkldnn.flags(enabled=False):
        res = attempt()
    if not res["ok"]:
        on = attempt()
        on.pop("_out", None)
        if on != {k: v for k, v in res.items() if k != "_out"}:
            res["mkldnn_on"] = on
    return res


def t_case(r, fam, fn, x_shape, w_shape, args, dtype=None, b_shape=None, **extra):
    dtype = dtype or ("float32" if r.random() < 0.6 else "float64")
    c = {"fn": fn, "family": fam, "seed": int(r.integers(2**31)), "dtype": dtype,
         "x_shape": I(list(x_shape)), "w_shape": I(list(w_shape)), "args": I(args)}
    if b_shape is not None:
        c["b_shape"] = I(list(b_shape))
    c.update(extra)
    return c


def pair_form(r, h, w, allow_int=True):
    if h == w and allow_int and r.random() < 0.5:
        return h
    return [h, w]


def rand_torch_t(r, unbatched=False):
    g = int(r.choice([1, 1, 1, 2, 3]))
    cin = g * int(r.integers(1, 3))
    cog = int(r.integers(1, 3))
    n = int(r.integers(1, 3))
    ih, iw = int(r.integers(1, 7)), int(r.integers(1, 7))
    kh, kw = int(r.integers(1, 5)), int(r.integers(1, 5))
    sh, sw = int(r.integers(1, 4)), int(r.integers(1, 4))
    dh, dw = (1, 1) if r.random() < 0.7 else (int(r.integers(1, 4)), int(r.integers(1, 4)))
    ph, pw = int(r.integers(0, 3)), int(r.integers(0, 3))
    return dict(g=g, cin=cin, cog=cog, n=n, ih=ih, iw=iw, kh=kh, kw=kw, sh=sh, sw=sw, dh=dh,
                dw=dw, ph=ph, pw=pw, unbatched=unbatched)


def t_min(i, k, s, p, d):
    return (i - 1) * s - 2 * p + d * (k - 1) + 1


def torch_t_case(r, c, fam, op=(0, 0), bias=None, via="functional", output_size=None,
                 tuples=None, **over):
    x_shape = ([c["n"]] if not c["unbatched"] else []) + [c["cin"], c["ih"], c["iw"]]
    w_shape = [c["cin"], c["cog"], c["kh"], c["kw"]]
    if bias is None:
        bias = r.random() < 0.5
    b_shape = [c["cog"] * c["g"]] if bias else None
    args = {"stride": pair_form(r, c["sh"], c["sw"]), "padding": pair_form(r, c["ph"], c["pw"])}
    if via == "functional" and (op != (0, 0) or r.random() < 0.3):
        args["output_padding"] = pair_form(r, op[0], op[1])
    if c["g"] != 1 or r.random() < 0.2:
        args["groups"] = c["g"]
    if (c["dh"], c["dw"]) != (1, 1) or r.random() < 0.2:
        args["dilation"] = pair_form(r, c["dh"], c["dw"])
    if output_size is not None:
        args["output_size"] = output_size
    args.update(over)
    extra = {"via": via}
    if tuples:
        extra["tuples"] = tuples
    return t_case(r, fam, "conv_transpose2d", x_shape, w_shape, args, b_shape=b_shape, **extra)


def gen_torch(r):
    cases = []
    # --- F.conv_transpose2d valid
    made = 0
    while made < 170:
        c = rand_torch_t(r, unbatched=r.random() < 0.1)
        mh, mw = max(c["sh"], c["dh"]), max(c["sw"], c["dw"])
        op = (int(r.integers(0, mh)), int(r.integers(0, mw)))
        nh = t_min(c["ih"], c["kh"], c["sh"], c["ph"], c["dh"]) + op[0]
        nw = t_min(c["iw"], c["kw"], c["sw"], c["pw"], c["dw"]) + op[1]
        if nh < 1 or nw < 1:
            continue
        cases.append(torch_t_case(r, c, "valid", op=op))
        made += 1
    # --- output_padding too large
    for _ in range(14):
        c = rand_torch_t(r)
        mh, mw = max(c["sh"], c["dh"]), max(c["sw"], c["dw"])
        which = int(r.integers(3))
        op = (mh + int(r.integers(0, 2)) if which != 1 else 0,
              mw + int(r.integers(0, 2)) if which != 0 else 0)
        cases.append(torch_t_case(r, c, "output_padding_too_large", op=op))
    # op < d although op >= s (allowed)
    for _ in range(4):
        c = rand_torch_t(r)
        c.update(sh=1, sw=1, dh=3, dw=2)
        cases.append(torch_t_case(r, c, "output_padding_dilation", op=(2, 1)))
    # --- channel mismatch, bad groups, bias wrong size, negative padding, stride <= 0
    for _ in range(8):
        c = rand_torch_t(r)
        cc = torch_t_case(r, c, "channel_mismatch")
        cc["x_shape"][-3] = c["cin"] + int(r.integers(1, 3))
        cases.append(cc)
    for _ in range(6):
        c = rand_torch_t(r)
        c["g"] = 1
        c["cin"] = int(r.choice([3, 5, 7]))
        cc = torch_t_case(r, c, "bad_groups", groups=int(r.choice([2, 4])))
        cases.append(cc)
    for gval in (0, -1):
        c = rand_torch_t(r)
        cases.append(torch_t_case(r, c, "bad_groups", groups=gval))
    for _ in range(7):
        c = rand_torch_t(r)
        cc = torch_t_case(r, c, "bias_wrong_size", bias=True)
        good = cc["b_shape"][0]
        cc["b_shape"] = [good + int(r.integers(1, 3))] if r.random() < 0.7 else [1, good]
        cases.append(cc)
    for pad in (-1, [-1, 0], [0, -2]):
        c = rand_torch_t(r)
        cases.append(torch_t_case(r, c, "negative_padding", padding=pad))
    for st in (0, -1, [1, 0], [-2, 1]):
        c = rand_torch_t(r)
        cases.append(torch_t_case(r, c, "stride_nonpositive", stride=st))
    for dl in (0, [1, 0]):
        c = rand_torch_t(r)
        cases.append(torch_t_case(r, c, "dilation_nonpositive", dilation=dl))
    # --- output too small (N <= 0)
    made = 0
    while made < 10:
        c = rand_torch_t(r)
        c.update(sh=1, sw=1, dh=1, dw=1)
        c["ph"] = c["pw"] = int(r.integers(2, 5))
        nh = t_min(c["ih"], c["kh"], 1, c["ph"], 1)
        nw = t_min(c["iw"], c["kw"], 1, c["pw"], 1)
        if nh > 0 and nw > 0:
            continue
        cases.append(torch_t_case(r, c, "output_too_small"))
        cases[-1]["dtype"] = "float32" if made % 2 else "float64"
        made += 1
    # exactly N = 0 in both dims (mkldnn on: float32 returns an empty tensor)
    for dt in ("float32", "float64"):
        c = dict(g=1, cin=2, cog=2, n=1, ih=3, iw=3, kh=2, kw=2, sh=1, sw=1, dh=1, dw=1, ph=2,
                 pw=2, unbatched=False)
        cc = torch_t_case(r, c, "output_too_small", bias=False, stride=1, padding=2)
        cc["dtype"] = dt
        cases.append(cc)
    # N = 0 on a bigger input: here mkldnn (enabled) picks its own kernel and returns (3,10,0,0)
    c = dict(g=1, cin=20, cog=10, n=3, ih=25, iw=25, kh=4, kw=4, sh=1, sw=1, dh=1, dw=1, ph=14,
             pw=14, unbatched=False)
    cc = torch_t_case(r, c, "output_too_small", bias=False, stride=1, padding=14)
    cc["dtype"] = "float32"
    cases.append(cc)
    cc = torch_t_case(r, dict(c, ph=15, pw=15), "output_too_small", bias=False, stride=1,
                      padding=15)
    cc["dtype"] = "float32"
    cases.append(cc)
    # --- rank
    for xs in ([1, 2, 3, 3, 3], [3, 3], [2]):
        c = rand_torch_t(r)
        c.update(cin=2, g=1)
        cc = torch_t_case(r, c, "rank")
        cc["x_shape"] = xs
        cases.append(cc)
    # --- stride / padding with wrong tuple length
    for key, val in (("stride", [1, 1, 1]), ("padding", [0, 0, 0]), ("dilation", [1, 1, 1])):
        c = rand_torch_t(r)
        cases.append(torch_t_case(r, c, "tuple_length", **{key: val}))

    # --- module forward(x, output_size=...)
    def mod(c, fam, osz, tuples=None):
        cases.append(torch_t_case(r, c, fam, via="module", output_size=osz, tuples=tuples))

    made = 0
    while made < 60:
        c = rand_torch_t(r, unbatched=r.random() < 0.15)
        lo_h = t_min(c["ih"], c["kh"], c["sh"], c["ph"], c["dh"])
        lo_w = t_min(c["iw"], c["kw"], c["sw"], c["pw"], c["dw"])
        if lo_h < 1 or lo_w < 1:
            continue
        nh = lo_h + int(r.integers(0, c["sh"]))
        nw = lo_w + int(r.integers(0, c["sw"]))
        form = int(r.integers(4))
        osz = [nh, nw]
        if form == 3:
            osz = ([int(r.integers(1, 9)), int(r.integers(1, 9))] if not c["unbatched"]
                   else [int(r.integers(1, 9))]) + osz
        mod(c, "output_size_ok", osz, ["output_size"] if form == 1 else None)
        made += 1
    made = 0
    while made < 40:
        c = rand_torch_t(r, unbatched=r.random() < 0.15)
        lo_h = t_min(c["ih"], c["kh"], c["sh"], c["ph"], c["dh"])
        lo_w = t_min(c["iw"], c["kw"], c["sw"], c["pw"], c["dw"])
        which = int(r.integers(3))
        nh = lo_h + int(r.integers(0, c["sh"]))
        nw = lo_w + int(r.integers(0, c["sw"]))
        if which in (0, 2):
            nh = int(r.choice([lo_h - 1, lo_h + c["sh"]]))
        if which in (1, 2):
            nw = int(r.choice([lo_w - 1, lo_w + c["sw"]]))
        form = int(r.integers(4))
        osz = [nh, nw]
        if form == 3:
            osz = ([int(r.integers(1, 9)), int(r.integers(1, 9))] if not c["unbatched"]
                   else [int(r.integers(1, 9))]) + osz
        mod(c, "output_size_out_of_range", osz, ["output_size"] if form == 1 else None)
        made += 1
    for osz, unb in (([1, 5, 5], False), ([5], False), ([1, 1, 5, 5, 5], False),
                     ([1, 1, 5, 5], True), ([5], True)):
        c = rand_torch_t(r, unbatched=unb)
        mod(c, "output_size_length", osz)
    # seed analogue and the reference's examples
    seedc = dict(g=1, cin=1, cog=3, n=1, ih=3, iw=3, kh=2, kw=2, sh=2, sw=2, dh=1, dw=1, ph=0,
                 pw=0, unbatched=False)
    cases.append(torch_t_case(r, seedc, "seed", via="module", output_size=[5, 5], bias=True,
                              stride=2, padding=0))
    cases.append(torch_t_case(r, seedc, "seed", via="module", output_size=[6, 6], bias=True,
                              stride=2, padding=0))
    big = dict(g=1, cin=4, cog=2, n=1, ih=25, iw=25, kh=3, kw=3, sh=4, sw=4, dh=1, dw=1, ph=0,
               pw=0, unbatched=False)
    cases.append(torch_t_case(r, big, "seed", via="module", output_size=[97, 97], stride=4,
                              padding=0))
    cases.append(torch_t_case(r, dict(big, sh=3, sw=3, ph=1, pw=1), "seed", via="module",
                              output_size=[97, 97], stride=3, padding=1))
    cases.append(torch_t_case(r, dict(big, sh=1, sw=1, dh=3, dw=3), "seed", via="module",
                              output_size=[32, 32], stride=1, padding=0, dilation=3))

    # --- check order: several things wrong at once (note says which)
    def tor(note, xs=(2, 4, 5, 5), ws=(4, 3, 3, 3), b_shape=None, via="functional", fn="conv_transpose2d",
            **args):
        extra = {"via": via, "note": note} if fn == "conv_transpose2d" else {"note": note}
        cases.append(t_case(r, "order", fn, list(xs), list(ws), args, b_shape=b_shape,
                            dtype="float64", **extra))

    tor("output_padding too large + channel mismatch", xs=(2, 3, 5, 5), stride=2, output_padding=2)
    tor("negative padding + channel mismatch", xs=(2, 3, 5, 5), stride=2, padding=-1)
    tor("stride 0 + negative padding", stride=0, padding=-1)
    tor("stride 0 + output_padding too large", stride=0, output_padding=2)
    tor("dilation 0 + stride 0", stride=0, dilation=0)
    tor("dilation 0 + output_padding too large", dilation=0, output_padding=3)
    tor("bias wrong size + channel mismatch", xs=(2, 3, 5, 5), b_shape=[5])
    tor("bad groups + channel mismatch", xs=(2, 3, 5, 5), groups=3)
    tor("bad groups + bias wrong size", b_shape=[5], groups=3)
    tor("output too small + output_padding too large", padding=4, output_padding=1)
    tor("output too small + channel mismatch", xs=(2, 3, 5, 5), padding=4)
    tor("output too small + bias wrong size", padding=4, b_shape=[5])
    tor("5-D input + stride 0", xs=(1, 2, 4, 5, 5), stride=0)
    tor("5-D input + channel mismatch", xs=(1, 2, 3, 5, 5))
    tor("module: output_size out of range + channel mismatch", xs=(2, 3, 5, 5), via="module",
        stride=2, output_size=[5, 5])
    tor("module: output_size wrong length + channel mismatch", xs=(2, 3, 5, 5), via="module",
        stride=2, output_size=[1, 5, 5])
    tor("module: output_size out of range + negative padding", via="module", stride=2,
        padding=-1, output_size=[5, 5])
    tor("module: output_size out of range + output too small", via="module", stride=1,
        padding=4, output_size=[5, 5])
    tor("conv2d: kernel too large + channel mismatch", xs=(1, 3, 2, 2), ws=(2, 2, 3, 3),
        fn="conv2d")
    tor("conv2d: same strided + channel mismatch", xs=(1, 3, 5, 5), ws=(2, 2, 3, 3),
        fn="conv2d", stride=2, padding="same")
    tor("conv2d: negative padding + channel mismatch", xs=(1, 3, 5, 5), ws=(2, 2, 3, 3),
        fn="conv2d", padding=-1)
    tor("conv2d: stride 0 + kernel too large", xs=(1, 2, 2, 2), ws=(2, 2, 3, 3), fn="conv2d",
        stride=0)
    tor("conv2d: bias wrong size + channel mismatch", xs=(1, 3, 5, 5), ws=(2, 2, 3, 3),
        fn="conv2d", b_shape=[5])

    # --- F.conv2d
    made = 0
    while made < 80:
        g = int(r.choice([1, 1, 2]))
        ci, co = g * int(r.integers(1, 3)), g * int(r.integers(1, 3))
        n = int(r.integers(1, 3))
        h, w = int(r.integers(1, 10)), int(r.integers(1, 10))
        kh, kw = int(r.integers(1, 5)), int(r.integers(1, 5))
        sh, sw = int(r.integers(1, 4)), int(r.integers(1, 4))
        dh, dw = (1, 1) if r.random() < 0.7 else (int(r.integers(1, 3)), int(r.integers(1, 3)))
        mode = r.random()
        if mode < 0.15 and sh == sw == 1:
            pad = "same"
        elif mode < 0.25:
            pad = "valid"
        else:
            pad = pair_form(r, int(r.integers(0, 3)), int(r.integers(0, 3)))
        ph, pw = (pad, pad) if isinstance(pad, int) else (pad if isinstance(pad, list) else (0, 0))
        if pad == "same":
            ph = pw = 0  # always fits
        elif h + 2 * ph < (kh - 1) * dh + 1 or w + 2 * pw < (kw - 1) * dw + 1:
            continue
        args = {"stride": pair_form(r, sh, sw), "padding": pad}
        if g != 1:
            args["groups"] = g
        if (dh, dw) != (1, 1):
            args["dilation"] = pair_form(r, dh, dw)
        bias = r.random() < 0.5
        cases.append(t_case(r, "valid", "conv2d", [n, ci, h, w], [co, ci // g, kh, kw], args,
                            b_shape=[co] if bias else None))
        made += 1

    def cv(fam, xs, ws, b_shape=None, **args):
        cases.append(t_case(r, fam, "conv2d", xs, ws, args, b_shape=b_shape))

    cv("channel_mismatch", [1, 3, 5, 5], [2, 2, 3, 3])
    cv("channel_mismatch", [2, 1, 5, 5], [2, 2, 3, 3], stride=2)
    cv("bad_groups", [1, 4, 5, 5], [3, 2, 3, 3], groups=2)
    cv("bad_groups", [1, 4, 5, 5], [4, 2, 3, 3], groups=3)
    cv("bad_groups", [1, 4, 5, 5], [4, 2, 3, 3], groups=0)
    cv("kernel_too_large", [1, 2, 3, 3], [2, 2, 4, 4])
    cv("kernel_too_large", [1, 2, 5, 5], [2, 2, 3, 3], dilation=3)
    cv("kernel_too_large", [1, 2, 2, 6], [2, 2, 3, 3], padding=[0, 1])
    cv("same_strided", [1, 2, 5, 5], [2, 2, 3, 3], stride=2, padding="same")
    cv("bad_padding_string", [1, 2, 5, 5], [2, 2, 3, 3], padding="SAME")
    cv("bad_padding_string", [1, 2, 5, 5], [2, 2, 3, 3], padding="full")
    cv("negative_padding", [1, 2, 5, 5], [2, 2, 3, 3], padding=-1)
    cv("stride_nonpositive", [1, 2, 5, 5], [2, 2, 3, 3], stride=0)
    cv("bias_wrong_size", [1, 2, 5, 5], [2, 2, 3, 3], b_shape=[3])
    cv("rank", [2, 5, 5], [2, 2, 3, 3])  # unbatched: ok
    cv("rank", [1, 1, 2, 5, 5], [2, 2, 3, 3])
    cv("rank", [5, 5], [2, 2, 3, 3])
    cv("same_even_kernel", [1, 2, 5, 6], [2, 2, 2, 4], padding="same")
    cv("same_even_kernel", [1, 2, 5, 6], [2, 2, 2, 3], padding="same", dilation=2)
    return cases


def gen_torch_sweeps(r, n_cfg=40):
    cfgs = [dict(i=3, k=2, s=2, p=0, d=1), dict(i=25, k=3, s=4, p=0, d=1),
            dict(i=25, k=3, s=3, p=1, d=1), dict(i=25, k=3, s=1, p=0, d=3)]
    while len(cfgs) < n_cfg:
        cfgs.append(dict(i=int(r.integers(1, 12)), k=int(r.integers(1, 6)),
                         s=int(r.integers(1, 6)), p=int(r.integers(0, 3)),
                         d=int(r.integers(1, 3))))
    return cfgs


def run_torch_sweep(cfg):
    import torch

    m = torch.nn.ConvTranspose2d(1, 1, (cfg["k"], 1), stride=(cfg["s"], 1),
                                 padding=(cfg["p"], 0), dilation=(cfg["d"], 1), bias=False,
                                 dtype=torch.float64)
    x = torch.ones(1, 1, cfg["i"], 1, dtype=torch.float64)
    upto = max(60, (cfg["i"] + 1) * cfg["s"] + cfg["k"] * cfg["d"] + 4)
    acc = []
    errs = {}
    with torch.no_grad(), torch.backends.mkldnn.flags(enabled=False):
        for n in range(1, upto + 1):
            try:
                m(x, output_size=[n, 1])
                acc.append(n)
            except Exception as e:  # noqa: BLE001
                errs[n] = str(e)
    rejected = {}
    if acc:
        for n in (acc[0] - 1, acc[-1] + 1):
            if n in errs:
                rejected[str(n)] = {"message": errs[n]}
    lo = t_min(cfg["i"], cfg["k"], cfg["s"], cfg["p"], cfg["d"])
    rule = [v for v in range(lo, lo + cfg["s"]) if v >= 1]
    return dict(cfg, upto=upto, accepted=acc, formula_agrees=(rule == acc), rejected=rejected)


def torch_accepted(case):
    """For an output_size failure: the sizes the module accepts in each spatial dim (a real
    sweep per dim, one channel, the other dim trivial)."""
    import torch

    a = case["args"]
    ws = case["w_shape"]

    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    st, pd, dl = pair(a.get("stride", 1)), pair(a.get("padding", 0)), pair(a.get("dilation", 1))
    xs = case["x_shape"]
    res = []
    for dim in (0, 1):
        i, k = xs[-2 + dim], ws[2 + dim]
        m = torch.nn.ConvTranspose2d(1, 1, (k, 1), stride=(st[dim], 1), padding=(pd[dim], 0),
                                     dilation=(dl[dim], 1), bias=False, dtype=torch.float64)
        x = torch.zeros((1, 1, i, 1), dtype=torch.float64)
        upto = max(60, (i + 1) * st[dim] + k * dl[dim] + 4)
        acc = []
        for n in range(1, upto + 1):
            try:
                with torch.no_grad(), torch.backends.mkldnn.flags(enabled=False):
                    m(x, output_size=[n, 1])
                acc.append(n)
            except Exception:  # noqa: BLE001
                pass
        res.append(acc)
    return {"sizes": res}


# ----------------------------------------------------------------------------- Keras
def gen_keras(r):
    cfgs = []
    fixed = [(25, 2, 2, 1, "same", 0), (25, 2, 2, 1, "same", None), (25, 3, 4, 1, "same", 4),
             (3, 2, 2, 1, "same", 0), (3, 4, 2, 1, "same", 0), (3, 3, 2, 1, "valid", None),
             (4, 3, 1, 2, "valid", None), (4, 3, 1, 2, "same", 0), (4, 3, 2, 2, "same", None),
             (18, 11, 16, 1, "valid", None), (4, 1, 3, 1, "valid", 2), (4, 1, 3, 1, "same", 3)]
    cfgs += [dict(i=i, k=k, s=s, d=d, padding=p, output_padding=op) for i, k, s, d, p, op in fixed]
    while len(cfgs) < 48:
        s = int(r.integers(1, 5))
        d = 1 if (s > 1 or r.random() < 0.6) else int(r.integers(2, 4))
        kind = r.random()
        if kind < 0.35:
            op = None
        elif kind < 0.85:
            op = int(r.integers(0, s))
        else:
            op = s + int(r.integers(0, 2))
        cfgs.append(dict(i=int(r.integers(1, 10)), k=int(r.integers(1, 6)), s=s, d=d,
                         padding=["same", "valid"][int(r.integers(2))], output_padding=op))
    return cfgs


def run_keras(cfg, seed):
    import keras

    res = dict(cfg)
    try:
        layer = keras.layers.Conv2DTranspose(
            filters=2, kernel_size=(cfg["k"], cfg["k"]), strides=(cfg["s"], cfg["s"]),
            padding=cfg["padding"],
            output_padding=None if cfg["output_padding"] is None
            else (cfg["output_padding"], cfg["output_padding"]),
            dilation_rate=(cfg["d"], cfg["d"]))
    except Exception as e:  # noqa: BLE001
        res.update(constructed=False, error={"type": type(e).__name__, "message": str(e)})
        return res
    res["constructed"] = True
    shape = layer.compute_output_shape((1, cfg["i"], cfg["i"], 3))
    res["output_shape"] = [int(v) if v is not None else None for v in shape]
    x = np.random.default_rng(seed).standard_normal((1, cfg["i"], cfg["i"], 3)).astype("float32")
    try:
        out = np.asarray(layer(x))
        res.update(ran=True, run_shape=list(out.shape))
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        # Keras wraps the TF text: "Exception encountered when calling Conv2DTranspose.call().
        # \n\n<ESC>[1m{{function_node ...}} <core> [Op:...] name: <ESC>[0m\n\nArguments ..."
        inner = msg[msg.find("{{function_node"):] if "{{function_node" in msg else msg
        res.update(ran=False, run_error={"type": type(e).__name__, "message": msg,
                                         "core": tf_core_message(inner)})
    return res


# ----------------------------------------------------------------------------- oneDNN worker
def onednn_worker():
    """Reads cases (JSON) on stdin; prints one JSON line per finished case (flushed), so the
    parent can restart after a hard crash (oneDNN can abort the whole process)."""
    cases = json.load(sys.stdin)
    for c in cases:
        print(json.dumps({"start": c["id"]}), flush=True)
        res = tf_run(c)
        arr = res.pop("_out", None)
        if arr is not None:
            res["values"] = encode_values(arr, c["seed"])
        print(json.dumps({"id": c["id"], "res": res}), flush=True)


def run_onednn(payload):
    """Run the payload in TF_ENABLE_ONEDNN_OPTS=1 subprocesses; a crashing case is recorded as
    {"crashed": ...} and the worker is restarted after it."""
    env = dict(os.environ, TF_ENABLE_ONEDNN_OPTS="1")
    results = {}
    todo = list(payload)
    while todo:
        proc = subprocess.run([sys.executable, __file__, "--onednn-worker"],
                              input=json.dumps(todo), capture_output=True, text=True, env=env)
        started = None
        for line in proc.stdout.splitlines():
            msg = json.loads(line)
            if "start" in msg:
                started = msg["start"]
            else:
                results[msg["id"]] = msg["res"]
                started = None
        if proc.returncode == 0:
            break
        # keep the fatal CHECK line without its timestamp/pid prefix (deterministic)
        tail = [ln.split("] ", 1)[-1].strip() for ln in proc.stderr.splitlines()
                if ln.startswith("F0000") or "Check failed" in ln][-1:]
        if started is None:
            raise RuntimeError("oneDNN worker died outside a case: " + "\n".join(tail))
        results[started] = {"ok": False, "crashed": f"process killed by signal {-proc.returncode}"
                            if proc.returncode < 0 else f"exit code {proc.returncode}",
                            "fatal": tail[0] if tail else None}
        done = set(results)
        todo = [c for c in todo if c["id"] not in done]
    return results


# ----------------------------------------------------------------------------- main
def main():
    if WORKER:
        onednn_worker()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(GOLDEN))
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary directory and report differences with the "
                         "committed fixtures (nothing is written to tests/golden)")
    args = ap.parse_args()
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, __file__, "--out", tmp], check=True)
            bad = 0
            for name in ("tf_cases.json", "torch_cases.json", "keras_cases.json"):
                old = json.loads((GOLDEN / name).read_text())
                new = json.loads((Path(tmp) / name).read_text())
                for a, b in zip(old["cases"], new["cases"]):
                    if a != b:
                        bad += 1
                        print(f"{name} {a.get('id')}: differs", file=sys.stderr)
                if len(old["cases"]) != len(new["cases"]) or old.get("sweeps") != new.get("sweeps"):
                    bad += 1
                    print(f"{name}: case count or sweeps differ", file=sys.stderr)
            print("fixtures up to date" if not bad else f"{bad} differences", file=sys.stderr)
            sys.exit(1 if bad else 0)

    import keras
    import tensorflow as tf
    import torch

    meta = {"tensorflow": tf.__version__, "torch": torch.__version__, "keras": keras.__version__,
            "numpy": np.__version__, "master_seed": MASTER_SEED,
            "generator": "tools/make_fixtures.py",
            "regenerate": "/work/fwvenv/bin/python tools/make_fixtures.py",
            "inputs": "tests/golden/inputs.py: make_inputs(seed, x_shape, w_shape, dtype, b_shape)"}
    print("versions:", meta, file=sys.stderr)

    r = np.random.default_rng(MASTER_SEED)

    # ---------------- TensorFlow
    tf_cases = gen_tf_transpose(r) + gen_tf_conv2d(r)
    for n, c in enumerate(tf_cases):
        c["id"] = f"tf{n:04d}"
    eq_checked = 0
    for c in tf_cases:
        res = tf_run(c)
        arr = res.get("_out")
        finish_tf(c, res)
        if c["fn"] == "conv2d_transpose" and not c["ok"] and \
                "dilation rates larger than 1" in c["error"]["core"]:
            # convt goes beyond TF here: it computes dilations > 1.  When nothing else is wrong,
            # record the torch-computed values of the same model; otherwise convt must raise.
            if tf_t_otherwise_valid(c):
                eq = torch_equiv_tf_transpose(c)
                c["beyond_tf"] = {"ok": True, "shape": list(eq.shape),
                                  "values": encode_values(eq, c["seed"]),
                                  "computed_by": "torch full conv_transpose2d + TF window"}
            else:
                c["beyond_tf"] = {"ok": False,
                                  "note": "something besides the dilation is wrong: convt raises"}
        if c["fn"] == "conv2d_transpose" and c["ok"] and len(c["x_shape"]) == 4 \
                and c["args"].get("data_format", "NHWC") == "NHWC":
            eq = torch_equiv_tf_transpose(c)
            tol = 1e-4 if c["dtype"] == "float32" else 1e-10
            err = float(np.max(np.abs(eq - arr))) if arr.size else 0.0
            assert err < tol, (c["id"], err)
            eq_checked += 1
        if not c["ok"] and "Size of out_backprop" in c["error"]["core"]:
            c["accepted"] = tf_accepted_dim(c)
    print(f"torch-equivalence of TF transposes verified on {eq_checked} cases", file=sys.stderr)

    # oneDNN pass (subprocess, TF_ENABLE_ONEDNN_OPTS=1)
    sel = [c for c in tf_cases if c["dtype"] == "float32" and
           (not c["ok"] or c["family"] in ("nchw",))]
    sel += [dict(c, dtype="float32") for c in tf_cases
            if c["dtype"] == "float64" and c["family"] in ("dilation_ok",)]
    payload = [{k: v for k, v in c.items() if k in ("id", "fn", "seed", "dtype", "x_shape",
                                                    "w_shape", "args", "pad_tuples")}
               for c in sel]
    onednn = run_onednn(payload)
    by_id = {c["id"]: c for c in tf_cases}
    for cid, res in onednn.items():
        c = by_id[cid]
        if c["dtype"] != "float32":
            res["dtype"] = "float32"
        c["onednn"] = res

    sweeps = [run_tf_sweep(cfg) for cfg in gen_tf_sweeps(r)]

    # ---------------- PyTorch
    t_cases = gen_torch(r)
    for n, c in enumerate(t_cases):
        c["id"] = f"pt{n:04d}"
    for c in t_cases:
        res = torch_run(c)
        arr = res.pop("_out", None)
        c.update(res)
        if arr is not None:
            c["values"] = encode_values(arr, c["seed"])
        if not c["ok"] and c["error"]["message"].startswith("requested an output size"):
            c["accepted"] = torch_accepted(c)
    t_sweeps = [run_torch_sweep(cfg) for cfg in gen_torch_sweeps(r)]

    # ---------------- Keras
    k_cases = [run_keras(cfg, n) for n, cfg in enumerate(gen_keras(r))]
    for n, c in enumerate(k_cases):
        c["id"] = f"ks{n:04d}"

    def dump(name, obj):
        path = Path(args.out) / name
        path.write_text(json.dumps(obj, separators=(",", ":"), sort_keys=False) + "\n")
        print(f"wrote {path} ({path.stat().st_size} bytes)", file=sys.stderr)

    def summary(cs):
        return {"total": len(cs), "failing": sum(1 for c in cs if not c.get("ok", True))}

    dump("tf_cases.json", {"meta": dict(meta, onednn="TF_ENABLE_ONEDNN_OPTS=0 (classic messages);"
                                         " 'onednn' fields: TF_ENABLE_ONEDNN_OPTS=1",
                                         counts=summary(tf_cases)),
                           "cases": tf_cases, "sweeps": sweeps})
    dump("torch_cases.json", {"meta": dict(meta, mkldnn="torch.backends.mkldnn.flags(enabled=False);"
                                            " 'mkldnn_on' where mkldnn enabled differs",
                                            counts=summary(t_cases)),
                              "cases": t_cases, "sweeps": t_sweeps})
    dump("keras_cases.json", {"meta": meta, "cases": k_cases})
    print("TF:", summary(tf_cases), "torch:", summary(t_cases), "keras:", len(k_cases),
          file=sys.stderr)


if __name__ == "__main__":
    main()
