#!/usr/bin/env python3
"""Golden fixtures for 1-D and 3-D convolutions, recorded from the REAL frameworks.

    /work/fwvenv/bin/python tools/fixtures_nd.py            # writes tests/golden/*_nd_cases.json
    python3 tools/fixtures_nd.py --verify                   # numpy only: replay accepted cases

The 2-D tool (tools/make_fixtures.py) stays the reference for conventions; this one adds
``tf.nn.conv1d_transpose`` / ``conv3d_transpose`` / ``conv1d`` / ``conv3d``, PyTorch's
``conv_transpose1d`` / ``conv_transpose3d`` / ``conv1d`` / ``conv3d`` (functional and
``nn.ConvTranspose1d/3d(...)(x, output_size=...)``) and Keras ``Conv1DTranspose`` /
``Conv3DTranspose``.  Same case format (tests/golden/README.md, README_nd.md), same inputs
(``inputs.make_inputs``), same TF regime: ``TF_ENABLE_ONEDNN_OPTS=0`` for the classic messages,
a subprocess with ``=1`` recording what the default oneDNN build does for the float32 failures.

``--verify`` is the check of our understanding: it replays every accepted case with a naive
numpy N-D convolution built on the canonical model (full transposed output
L = (i-1)*s + (k-1)*d + 1 per dim, then a window of N from ``start``, zeros past the end) and
reports the largest difference per function.  It needs no framework.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# make_fixtures sets TF_ENABLE_ONEDNN_OPTS from the same --onednn-worker flag before any TF
# import, and puts tests/golden on sys.path for ``inputs``.
import make_fixtures as mf  # noqa: E402
from make_fixtures import tf_accepted, tf_conv_out, tf_core_message  # noqa: E402

import numpy as np  # noqa: E402
from inputs import check_values, encode_values, make_inputs  # noqa: E402

MASTER_SEED = 20261215
GOLDEN = mf.GOLDEN
WORKER = mf.WORKER
AX = "DHW"  # names of the 3-D spatial axes, used in family names


def ri(r, lo, hi):
    return int(r.integers(lo, hi))


# ============================================================================ shared arithmetic
def t_min(i, k, s, p, d):
    """PyTorch's smallest transposed output (output_padding 0)."""
    return (i - 1) * s - 2 * p + d * (k - 1) + 1


def tf_valid_sizes(i, k, s, d, kind):
    return [v for v in tf_accepted(i, k, s, d, kind) if v > 0]


# ============================================================================ TensorFlow
TF_T = {1: "conv1d_transpose", 3: "conv3d_transpose"}
TF_F = {1: "conv1d", 3: "conv3d"}


def tf_stride_form(r, vals):
    """A random accepted form of strides/dilations: int, [v], nd values, nd + 2 values."""
    same = len(set(vals)) == 1
    opts = ["full", "list"] + (["int", "int", "one"] if same else [])
    f = opts[ri(r, 0, len(opts))]
    if f == "int":
        return vals[0]
    if f == "one":
        return [vals[0]]
    if f == "list":
        return list(vals)
    return [1] + list(vals) + [1]


def tf_t_case(r, nd, fam, cfg, sizes, *, batch=None, cout_os=None, cin_x=None, dtype=None,
              **extra):
    """A conv{1,3}d_transpose call: x [n, *i, cin], filters [*k, cout, cin]."""
    b = cfg["n"] if batch is None else batch
    co = cfg["cout"] if cout_os is None else cout_os
    ci = cfg["cin"] if cin_x is None else cin_x
    args = {"output_shape": [b] + list(sizes) + [co], "strides": tf_stride_form(r, cfg["s"]),
            "padding": cfg["padding"]}
    if any(v != 1 for v in cfg["d"]) or r.random() < 0.3:
        args["dilations"] = tf_stride_form(r, cfg["d"])
    return mf.tf_case(r, fam, TF_T[nd], [cfg["n"]] + cfg["i"] + [ci],
                      cfg["k"] + [cfg["cout"], cfg["cin"]], args, dtype=dtype, **extra)


def rand_tf_t(r, nd, dil=False):
    hi_i, hi_k, hi_s = (12, 6, 5) if nd == 1 else (5, 4, 4)
    cfg = dict(n=ri(r, 1, 3), cin=ri(r, 1, 4), cout=ri(r, 1, 4),
               i=[ri(r, 1, hi_i) for _ in range(nd)], k=[ri(r, 1, hi_k) for _ in range(nd)],
               s=[ri(r, 1, hi_s) for _ in range(nd)], d=[1] * nd,
               padding=["SAME", "VALID"][ri(r, 0, 2)])
    if dil:
        cfg["d"] = [ri(r, 1, 4) for _ in range(nd)]
        if cfg["d"] == [1] * nd:
            cfg["d"][0] = 2
    return cfg


def accepted_per_dim(cfg):
    return [tf_valid_sizes(i, k, s, d, cfg["padding"])
            for i, k, s, d in zip(cfg["i"], cfg["k"], cfg["s"], cfg["d"])]


def gen_tf_transpose(r, nd):
    cases = []
    for _ in range(110 if nd == 1 else 80):
        cfg = rand_tf_t(r, nd)
        acc = accepted_per_dim(cfg)
        if all(acc):
            cases.append(tf_t_case(r, nd, "valid", cfg, [int(r.choice(a)) for a in acc]))

    # just outside the accepted run, in one chosen axis (3-D: each of D, H, W), or far off
    miss_fams = [("near_miss", 30)] if nd == 1 else [(f"near_miss_{a}", 10) for a in AX]
    for fam, cnt in miss_fams + [("near_miss_all", 6 if nd == 3 else 0), ("far_miss", 8)]:
        made = 0
        while made < cnt:
            cfg = rand_tf_t(r, nd)
            acc = accepted_per_dim(cfg)
            if not all(acc):
                continue
            sizes = [int(r.choice(a)) for a in acc]
            if fam == "near_miss_all":
                axes = range(nd)
            elif fam.startswith("near_miss_"):
                axes = [AX.index(fam[-1])]
            else:
                axes = [ri(r, 0, nd)]
            for ax in axes:
                a = acc[ax]
                cand = ([v for v in range(1, max(a) + 12) if v not in a] if fam == "far_miss"
                        else [v for v in (min(a) - 1, max(a) + 1) if v > 0])
                sizes[ax] = int(r.choice(cand))
            cases.append(tf_t_case(r, nd, fam, cfg, sizes))
            made += 1

    # dilations > 1: the CPU kernel refuses them (convt computes them: beyond_tf)
    for j in range(14):
        cfg = rand_tf_t(r, nd, dil=True)
        acc = accepted_per_dim(cfg)
        if all(acc):
            cases.append(tf_t_case(r, nd, "dilation_ok", cfg, [int(r.choice(a)) for a in acc],
                                   dtype="float32" if j % 3 else "float64"))
    for _ in range(4):
        cfg = rand_tf_t(r, nd, dil=True)
        acc = accepted_per_dim(cfg)
        if all(acc):
            cases.append(tf_t_case(r, nd, "dilation_mismatch", cfg,
                                   [max(acc[0]) + 1] + [a[0] for a in acc[1:]]))

    # batch and channel mismatches
    def ok_cfg():
        while True:
            cfg = rand_tf_t(r, nd)
            acc = accepted_per_dim(cfg)
            if all(acc):
                return cfg, [int(r.choice(a)) for a in acc]

    for _ in range(5):
        cfg, sz = ok_cfg()
        cases.append(tf_t_case(r, nd, "batch_mismatch", cfg, sz, batch=cfg["n"] + ri(r, 1, 3)))
    for _ in range(5):
        cfg, sz = ok_cfg()
        cfg["cout"] = ri(r, 2, 5)
        bad = int(r.choice([c for c in range(1, 12) if c % cfg["cout"]]))
        cases.append(tf_t_case(r, nd, "out_channel_mismatch", cfg, sz, cout_os=bad))
    for _ in range(4):
        cfg, sz = ok_cfg()
        cases.append(tf_t_case(r, nd, "out_channel_multiple", cfg, sz,
                               cout_os=cfg["cout"] * ri(r, 2, 4)))
    for _ in range(5):
        cfg, sz = ok_cfg()
        cases.append(tf_t_case(r, nd, "in_channel_mismatch", cfg, sz,
                               cin_x=cfg["cin"] + ri(r, 1, 3)))

    base = dict(n=1, cin=2, cout=3, i=[3] * nd, k=[2] * nd, s=[2] * nd, d=[1] * nd,
                padding="SAME")
    good = [6] * nd

    def variant(fam, cfg=base, sizes=good, **over):
        c = tf_t_case(r, nd, fam, cfg, sizes)
        for key, val in over.items():
            if key in ("x_shape", "w_shape", "dtype"):
                c[key] = val
            else:
                c["args"][key] = val
        c["args"] = {k: v for k, v in c["args"].items() if v is not None}
        cases.append(c)

    # negative / zero computed size (VALID, kernel larger than the requested size)
    for j in range(4):
        k = ri(r, 3, 7)
        cfg = dict(base, i=[ri(r, 1, 4)] * nd, k=[k] * nd, s=[1] * nd, padding="VALID")
        variant("negative_size", cfg, [1] * nd, strides=1)
    variant("computed_zero", dict(base, i=[2] * nd, k=[3] * nd, s=[4] * nd, padding="VALID"),
            [1] * nd, strides=4)
    variant("computed_zero", dict(base, padding="SAME"), [0] + good[1:])

    # output_shape forms and entries
    C = base["cout"]
    os_forms = ([[6], [6, C], [1, 6, 1, C], [1, 1, 6, C], [1, 6], [1, 6, C, 1]] if nd == 1 else
                [[6, 6, 6], [1, 6, 6, 6], [6, 6, 6, C], [1, 6, 6, 6, C, 1], [1, 6, 6, C]])
    for os_ in os_forms:
        variant("output_shape_len", output_shape=os_)
    for os_ in ([1, -1] + [6] * (nd - 1) + [C], [-2] + good + [C], [1] + good + [-3]):
        variant("negative_entry", output_shape=os_)

    # ranks
    xs_ok, ws_ok = [1] + [3] * nd + [2], [2] * nd + [3, 2]
    for xs, ws in ((xs_ok[1:], ws_ok), ([1] + xs_ok, ws_ok), (xs_ok, ws_ok[1:]),
                   (xs_ok, [1] + ws_ok)):
        variant("rank", x_shape=xs, w_shape=ws)

    # strides / dilations forms and values
    for st in ([2, 2], [1, 2, 2, 1], [], [2] * (nd + 3)) if nd == 1 else \
            ([2, 2], [1, 2, 2, 2], [], [2] * 6):
        variant("strides_len", strides=st)
    for st in (0, -1, [0] if nd == 1 else [2, 0, 2]):
        variant("stride_nonpositive", strides=st)
    for st in ([2, 2, 1], [1, 2, 2]) if nd == 1 else ([2, 2, 2, 2, 1], [1, 2, 2, 2, 2]):
        variant("strides_batch_depth", strides=st)
    for dl in ([2, 1, 1], [1, 1, 2], 0, [1, 2]) if nd == 1 else \
            ([2, 1, 1, 1, 1], [1, 1, 1, 1, 2], 0, [1, 2]):
        variant("dilations_bad", dilations=dl)

    # padding forms: only the strings exist for these ops (explicit lists are a TypeError)
    for p in ("same", "valid", "EXPLICIT", "FULL",
              [[0, 0], [1, 1], [0, 0]] if nd == 1 else [[0, 0]] * 5):
        variant("padding_form", padding=p)

    # channels-first (refused by the CPU kernels without oneDNN)
    df = "NCW" if nd == 1 else "NCDHW"
    for j in range(3):
        cfg, sz = ok_cfg()
        c = tf_t_case(r, nd, "channels_first", cfg, sz, dtype="float32")
        c["x_shape"] = [cfg["n"], cfg["cin"]] + cfg["i"]
        c["args"]["output_shape"] = [cfg["n"], cfg["cout"]] + sz
        c["args"]["data_format"] = df
        st = c["args"]["strides"]
        if isinstance(st, list) and len(st) == nd + 2:
            c["args"]["strides"] = [1, 1] + cfg["s"]
        d = c["args"].get("dilations")
        if isinstance(d, list) and len(d) == nd + 2:
            c["args"]["dilations"] = [1, 1] + cfg["d"]
        cases.append(c)
    variant("data_format_bad", data_format="NHWC" if nd == 1 else "NDHW")

    # check order: several things wrong at once (note says which)
    X, W = [2] + [5] * nd + [4], [3] * nd + [6, 4]
    seed_os = [2] + [10] * nd + [6]

    def order(note, x=X, w=W, **kw):
        a = {"output_shape": seed_os, "strides": 2, "padding": "SAME"}
        a.update(kw)
        a = {k: v for k, v in a.items() if v is not None}
        cases.append(mf.tf_case(r, "order", TF_T[nd], x, w, a, dtype="float64", note=note))

    bad_sp = [2, 13] + [10] * (nd - 1) + [6]
    order("sizes fine")
    order("spatial only", output_shape=bad_sp)
    order("dilation 2 + spatial", output_shape=bad_sp, dilations=2)
    order("dilation 2 + batch", output_shape=[3] + [10] * nd + [6], dilations=2)
    order("dilation 2 + in channel", x=[2] + [5] * nd + [3], dilations=2)
    order("dilation 2 + out channel", output_shape=[2] + [10] * nd + [5], dilations=2)
    order("batch + spatial", output_shape=[3, 13] + [10] * (nd - 1) + [6])
    order("in channel + spatial", x=[2] + [5] * nd + [3], output_shape=bad_sp)
    order("out channel + spatial", output_shape=[2, 13] + [10] * (nd - 1) + [5])
    order("grouped multiple + spatial", output_shape=[2, 13] + [10] * (nd - 1) + [12])
    order("grouped multiple, sizes fine", output_shape=[2] + [10] * nd + [12])
    order("in channel + out channel", x=[2] + [5] * nd + [3],
          output_shape=[2] + [10] * nd + [5])
    order("batch + in channel", x=[2] + [5] * nd + [3], output_shape=[3] + [10] * nd + [6])
    order("stride 0 + spatial", strides=0, output_shape=bad_sp)
    order("stride 0 + dilation 2", strides=0, dilations=2)
    order("strides batch + dilation 2", strides=[2] * (nd + 2), dilations=2)
    order("lowercase same + dilation 2", padding="same", dilations=2)
    order("channels-first + dilation 2", x=[2, 4] + [5] * nd,
          output_shape=[2, 6] + [10] * nd, data_format="NCW" if nd == 1 else "NCDHW",
          dilations=2)
    order("negative entry + batch", output_shape=[3, -1] + [10] * (nd - 1) + [6])
    if nd == 3:
        order("D and W mismatch", output_shape=[2, 13, 10, 13, 6])
        order("W only", output_shape=[2, 10, 10, 13, 6])
        order("H and W", output_shape=[2, 10, 13, 13, 6])
        order("dilation 2 + output_shape length 4", output_shape=[2, 10, 10, 10], dilations=2)
    else:
        order("output_shape [N] + dilation 2", output_shape=[10], dilations=2)
        order("output_shape [N, C] + spatial", output_shape=[13, 6])
    return cases


def gen_tf_forward(r, nd):
    cases = []
    fn = TF_F[nd]
    skey = "stride" if nd == 1 else "strides"
    for _ in range(60 if nd == 1 else 40):
        hi = (14, 6, 4) if nd == 1 else (6, 4, 3)
        n, ci, co = ri(r, 1, 3), ri(r, 1, 4), ri(r, 1, 4)
        sp, k = [ri(r, 1, hi[0]) for _ in range(nd)], [ri(r, 1, hi[1]) for _ in range(nd)]
        s = [ri(r, 1, hi[2]) for _ in range(nd)]
        d = [1] * nd
        if nd == 1 and r.random() < 0.25:
            d = [ri(r, 1, 4)]
        padding = ["SAME", "VALID"][ri(r, 0, 2)]
        if any(tf_conv_out(a, b, c, e, padding) in (None,) for a, b, c, e in zip(sp, k, s, d)):
            continue
        st = tf_stride_form(r, s) if nd == 1 else [1] + s + [1]
        args = {skey: st, "padding": padding}
        if d != [1] * nd or r.random() < 0.2:
            args["dilations"] = tf_stride_form(r, d) if nd == 1 else [1] * 5
        cases.append(mf.tf_case(r, "valid", fn, [n] + sp + [ci], k + [ci, co], args))

    def f(fam, x, w, **args):
        a = {skey: 1 if nd == 1 else [1] * 5, "padding": "SAME"}
        a.update(args)
        cases.append(mf.tf_case(r, fam, fn, x, w, {k: v for k, v in a.items() if v is not None}))

    X, W = [1] + [5] * nd + [2], [3] * nd + [2, 3]
    f("in_channel_mismatch", [1] + [5] * nd + [3], W)
    f("grouped", [1] + [5] * nd + [4], W)
    f("negative_size", [1] + [2] * nd + [2], [5] * nd + [2, 3], padding="VALID")
    f("zero_size", [1] + [2] * nd + [2], W, padding="VALID")
    f("rank", X[1:], W)
    f("rank", X, W[1:])
    f("padding_form", X, W, padding="same")
    f("padding_form", X, W, padding="EXPLICIT")
    f("padding_form", X, W, padding=[[0, 0]] + [[1, 1]] * nd + [[0, 0]])
    f("channels_first", [1, 2] + [5] * nd, W, data_format="NCW" if nd == 1 else "NCDHW",
      )
    if nd == 1:
        f("extra_batch_dims", [2, 1, 5, 2], W)
        f("dilation_ok", X, W, dilations=2)
        for st in ([2, 2], [1, 2, 1], [0], -1, [2, 1, 1]):
            f("strides_form", X, W, stride=st)
    else:
        f("dilation_refused", X, W, dilations=[1, 2, 2, 2, 1])
        f("dilation_refused", X, W, dilations=2)
        f("extra_batch_dims", [2] + X, W)
        for st in (1, 2, [2, 2, 2], [2], [1, 2, 2, 2, 1, 1], [1, 0, 1, 1, 1], [2, 1, 1, 1, 1]):
            f("strides_form", X, W, strides=st)
    return cases


def tf_run(case):
    import tensorflow as tf

    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    try:
        out = getattr(tf.nn, case["fn"])(x, w, **case["args"]).numpy()
        return {"ok": True, "shape": list(out.shape), "_out": out}
    except Exception as e:  # noqa: BLE001 - we record whatever the framework raises
        msg = str(e)
        return {"ok": False, "error": {"type": type(e).__name__, "message": msg,
                                       "core": tf_core_message(msg)}}


def tf_spatial(case):
    """(i, k, s, d, N, padding) per spatial dim of a channels-last transpose case, from any
    accepted argument form; None if the arguments are not of a computable form."""
    a, nd = case["args"], len(case["x_shape"]) - 2

    def seq(v):
        if v is None:
            return [1] * nd
        v = [v] if isinstance(v, int) else list(v)
        return v * nd if len(v) == 1 else v[1:-1] if len(v) == nd + 2 else v

    os_ = a["output_shape"]
    sizes = os_[1:-1] if len(os_) == nd + 2 else os_
    return [dict(i=case["x_shape"][1 + j], k=case["w_shape"][j], s=seq(a["strides"])[j],
                 d=seq(a.get("dilations"))[j], N=sizes[j], padding=a.get("padding", "SAME"))
            for j in range(nd)]


def torch_equiv_tf(case):
    """What TF would return if its CPU kernel computed dilations > 1: torch's full transposed
    output (p = 0) cropped with TF's window."""
    import torch

    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    nd = x.ndim - 2
    dims = tf_spatial(case)
    fn = getattr(torch.nn.functional, f"conv_transpose{nd}d")
    xt = torch.from_numpy(np.moveaxis(x, -1, 1).copy())
    wt = torch.from_numpy(np.moveaxis(np.moveaxis(w, -1, 0), -1, 1).copy())
    with torch.backends.mkldnn.flags(enabled=False):
        full = fn(xt, wt, stride=tuple(q["s"] for q in dims),
                  dilation=tuple(q["d"] for q in dims)).numpy()
    starts = [max(0, L - q["N"]) // 2 if q["padding"] == "SAME" else 0
              for L, q in zip(full.shape[2:], dims)]
    return np.moveaxis(window(full, starts, [q["N"] for q in dims]), 1, -1)


def tf_accepted_real(nd, i, k, s, padding, upto):
    """The output sizes TF accepts along W, asked one by one (D and H trivial in 3-D)."""
    import tensorflow as tf

    x = np.ones((1, i, 1)) if nd == 1 else np.ones((1, 1, 1, i, 1))
    w = np.ones((k, 1, 1)) if nd == 1 else np.ones((1, 1, k, 1, 1))
    st = s if nd == 1 else [1, 1, 1, s, 1]
    acc, errs = [], {}
    for n in range(1, upto + 1):
        os_ = [1, n, 1] if nd == 1 else [1, 1, 1, n, 1]
        try:
            getattr(tf.nn, TF_T[nd])(x, w, os_, st, padding)
            acc.append(n)
        except Exception as e:  # noqa: BLE001
            errs[n] = str(e)
    return acc, errs


def gen_tf_sweeps(r):
    cfgs = [dict(nd=1, i=3, k=2, s=2, padding="SAME"), dict(nd=1, i=3, k=2, s=2, padding="VALID"),
            dict(nd=1, i=25, k=3, s=4, padding="SAME"), dict(nd=1, i=25, k=3, s=3, padding="VALID"),
            dict(nd=3, i=3, k=4, s=2, padding="SAME"), dict(nd=3, i=4, k=5, s=2, padding="VALID")]
    while len(cfgs) < 30:
        cfgs.append(dict(nd=[1, 3][len(cfgs) % 2], i=ri(r, 1, 12), k=ri(r, 1, 7), s=ri(r, 1, 6),
                         padding=["SAME", "VALID"][ri(r, 0, 2)]))
    return cfgs


def run_tf_sweep(cfg):
    i, k, s, p = cfg["i"], cfg["k"], cfg["s"], cfg["padding"]
    upto = max(60, (i + 1) * s + k + 4)
    acc, errs = tf_accepted_real(cfg["nd"], i, k, s, p, upto)
    rejected = {str(n): {"message": errs[n], "core": tf_core_message(errs[n])}
                for n in ((acc[0] - 1, acc[-1] + 1) if acc else ()) if n in errs}
    rule = tf_valid_sizes(i, k, s, 1, p)
    rule = [v for v in rule if v <= upto]
    return dict(cfg, fn=TF_T[cfg["nd"]], axis="W" if cfg["nd"] == 1 else "W (D, H trivial)",
                upto=upto, accepted=acc, formula_agrees=(rule == acc), rejected=rejected)


def onednn_worker():
    """Child process (TF_ENABLE_ONEDNN_OPTS=1): one JSON line per case, flushed, so that a
    hard abort loses only the case that caused it (make_fixtures.run_onednn restarts)."""
    for c in json.load(sys.stdin):
        print(json.dumps({"start": c["id"]}), flush=True)
        res = tf_run(c)
        arr = res.pop("_out", None)
        if arr is not None:
            res["values"] = encode_values(arr, c["seed"])
        print(json.dumps({"id": c["id"], "res": res}), flush=True)


def run_tf(r):
    cases = []
    for nd in (1, 3):
        cases += gen_tf_transpose(r, nd) + gen_tf_forward(r, nd)
    for n, c in enumerate(cases):
        c["id"] = f"tfnd{n:04d}"
    for c in cases:
        mf.finish_tf(c, tf_run(c))
        core = c.get("error", {}).get("core", "")
        if c["fn"].endswith("transpose") and "dilation rates larger than 1" in core:
            # convt computes dilations > 1; record the values when nothing else is wrong
            if otherwise_valid(c):
                eq = torch_equiv_tf(c)
                c["beyond_tf"] = {"ok": True, "shape": list(eq.shape),
                                  "values": encode_values(eq, c["seed"]),
                                  "computed_by": "torch full conv_transpose + TF window"}
            else:
                c["beyond_tf"] = {"ok": False, "note": "something besides the dilation is wrong"}
        if "Size of out_backprop" in core and len(c["args"]["output_shape"]) == len(c["x_shape"]):
            c["accepted"] = accepted_for_mismatch(c)
    # oneDNN pass: float32 failures, channels-first and dilations (run as float32)
    sel = [c for c in cases if c["dtype"] == "float32" and
           (not c["ok"] or c["family"] == "channels_first")]
    sel += [dict(c, dtype="float32") for c in cases
            if c["dtype"] == "float64" and c["family"] == "dilation_ok"]
    payload = [{k: v for k, v in c.items() if k in ("id", "fn", "seed", "dtype", "x_shape",
                                                    "w_shape", "args")} for c in sel]
    mf.__file__ = __file__  # run_onednn re-executes its module's file as the worker: this one
    by_id = {c["id"]: c for c in cases}
    for cid, res in mf.run_onednn(payload).items():
        c = by_id[cid]
        if c["dtype"] != "float32":
            res["dtype"] = "float32"
        if res.get("ok") and len(c["x_shape"]) < len(c["w_shape"]):
            # conv3d on a rank-4 input "succeeds" under oneDNN with uninitialised memory
            res["values"] = None
            res["note"] = "values are garbage (differ from run to run): not recorded"
        c["onednn"] = res
    return cases, [run_tf_sweep(cfg) for cfg in gen_tf_sweeps(r)]


def otherwise_valid(c):
    """Would this transpose run if TF's CPU kernel accepted dilations > 1?"""
    nd = len(c["x_shape"]) - 2
    a = c["args"]
    if len(c["w_shape"]) != nd + 2 or a.get("padding") not in ("SAME", "VALID") or \
            a.get("data_format", "NWC") not in ("NWC", "NDHWC"):
        return False
    if len(a["output_shape"]) != nd + 2:
        return False
    for key in ("strides", "dilations"):
        v = a.get(key)
        if isinstance(v, list) and len(v) == nd + 2 and (v[0] != 1 or v[-1] != 1):
            return False
    dims = tf_spatial(c)
    if any(q["s"] < 1 or q["d"] < 1 for q in dims):
        return False
    os_ = a["output_shape"]
    if os_[0] != c["x_shape"][0] or os_[-1] != c["w_shape"][-2] or \
            c["x_shape"][-1] != c["w_shape"][-1]:
        return False
    return all(tf_conv_out(q["N"], q["k"], q["s"], q["d"], q["padding"]) == q["i"] for q in dims)


def accepted_for_mismatch(c):
    """For a size mismatch: the sizes TF accepts along the axis the message names."""
    nd = len(c["x_shape"]) - 2
    dim = int(c["error"]["core"].split("spatial_dim: ")[1].split()[0])
    j = dim - 2 if nd == 1 else dim - 1  # 1-D runs as 2-D: W is spatial_dim 2
    q = tf_spatial(c)[j]
    upto = max(60, (q["i"] + 2) * q["s"] + q["k"] + 6)
    acc, _ = tf_accepted_real(nd, q["i"], q["k"], q["s"], q["padding"], upto)
    return {"spatial_dim": dim, "upto": upto, "sizes": acc}


# ============================================================================ PyTorch
def seq_form(r, vals):
    if len(set(vals)) == 1 and r.random() < 0.5:
        return vals[0]
    return list(vals)


def rand_torch(r, nd, unbatched=False):
    hi_i, hi_k, hi_s = (10, 6, 4) if nd == 1 else (4, 3, 3)
    g = int(r.choice([1, 1, 1, 2, 3]))
    c = dict(nd=nd, g=g, cin=g * ri(r, 1, 3), cog=ri(r, 1, 3), n=ri(r, 1, 3),
             i=[ri(r, 1, hi_i) for _ in range(nd)], k=[ri(r, 1, hi_k) for _ in range(nd)],
             s=[ri(r, 1, hi_s) for _ in range(nd)], d=[1] * nd,
             p=[ri(r, 0, 3) for _ in range(nd)], unbatched=unbatched)
    if r.random() < 0.3:
        c["d"] = [ri(r, 1, 4) for _ in range(nd)]
    return c


def torch_t_case(r, c, fam, op=None, bias=None, via="functional", output_size=None,
                 tuples=None, **over):
    nd = c["nd"]
    x_shape = ([] if c["unbatched"] else [c["n"]]) + [c["cin"]] + c["i"]
    w_shape = [c["cin"], c["cog"]] + c["k"]
    bias = r.random() < 0.5 if bias is None else bias
    args = {"stride": seq_form(r, c["s"]), "padding": seq_form(r, c["p"])}
    op = op or [0] * nd
    if via == "functional" and (any(op) or r.random() < 0.3):
        args["output_padding"] = seq_form(r, op)
    if c["g"] != 1 or r.random() < 0.2:
        args["groups"] = c["g"]
    if c["d"] != [1] * nd or r.random() < 0.2:
        args["dilation"] = seq_form(r, c["d"])
    if output_size is not None:
        args["output_size"] = output_size
    args.update(over)
    extra = {"via": via}
    if tuples:
        extra["tuples"] = tuples
    return mf.t_case(r, fam, f"conv_transpose{nd}d", x_shape, w_shape, args,
                     b_shape=[c["cog"] * c["g"]] if bias else None, **extra)


def gen_torch_nd(r, nd):
    cases = []
    T = f"conv_transpose{nd}d"
    made = 0
    while made < (100 if nd == 1 else 70):
        c = rand_torch(r, nd, unbatched=r.random() < 0.12)
        op = [ri(r, 0, max(s, d)) for s, d in zip(c["s"], c["d"])]
        if min(t_min(*q) + o for q, o in zip(zip(c["i"], c["k"], c["s"], c["p"], c["d"]), op)) < 1:
            continue
        cases.append(torch_t_case(r, c, "valid", op=op))
        made += 1
    for _ in range(10):  # output_padding >= stride and >= dilation in one or all dims
        c = rand_torch(r, nd)
        op = [0] * nd
        for j in ([ri(r, 0, nd)] if r.random() < 0.6 else range(nd)):
            op[j] = max(c["s"][j], c["d"][j]) + ri(r, 0, 2)
        cases.append(torch_t_case(r, c, "output_padding_too_large", op=op))
    for _ in range(3):  # op >= stride but < dilation: allowed
        c = rand_torch(r, nd)
        c.update(s=[1] * nd, d=[3] * nd)
        cases.append(torch_t_case(r, c, "output_padding_dilation", op=[2] * nd))
    for _ in range(5):
        c = rand_torch(r, nd)
        cc = torch_t_case(r, c, "channel_mismatch")
        cc["x_shape"][-1 - nd] = c["cin"] + ri(r, 1, 3)
        cases.append(cc)
    for _ in range(4):
        c = rand_torch(r, nd)
        c.update(g=1, cin=int(r.choice([3, 5, 7])))
        cases.append(torch_t_case(r, c, "bad_groups", groups=int(r.choice([2, 4]))))
    cases.append(torch_t_case(r, rand_torch(r, nd), "bad_groups", groups=0))
    for _ in range(4):
        c = rand_torch(r, nd)
        cc = torch_t_case(r, c, "bias_wrong_size", bias=True)
        cc["b_shape"] = [cc["b_shape"][0] + ri(r, 1, 3)]
        cases.append(cc)
    for pad in (-1, [-1] + [0] * (nd - 1)):
        cases.append(torch_t_case(r, rand_torch(r, nd), "negative_padding", padding=pad))
    for st in (0, [1] * (nd - 1) + [-1]):
        cases.append(torch_t_case(r, rand_torch(r, nd), "stride_nonpositive", stride=st))
    cases.append(torch_t_case(r, rand_torch(r, nd), "dilation_nonpositive", dilation=0))
    made = 0
    while made < 5:  # N <= 0 (mkldnn_on recorded when the oneDNN kernel differs)
        c = rand_torch(r, nd)
        c.update(s=[1] * nd, d=[1] * nd, p=[ri(r, 2, 5)] * nd)
        if min(t_min(*q) for q in zip(c["i"], c["k"], c["s"], c["p"], c["d"])) > 0:
            continue
        cc = torch_t_case(r, c, "output_too_small", stride=1, padding=c["p"][0])
        cc["dtype"] = "float32" if made % 2 else "float64"
        cases.append(cc)
        made += 1
    c = dict(nd=nd, g=1, cin=2, cog=2, n=1, i=[3] * nd, k=[2] * nd, s=[1] * nd, d=[1] * nd,
             p=[2] * nd, unbatched=False)
    for dt in ("float32", "float64"):  # exactly N = 0
        cc = torch_t_case(r, c, "output_too_small", bias=False, stride=1, padding=2)
        cc["dtype"] = dt
        cases.append(cc)
    for xs in ([1, 2] + [3] * (nd + 1), [3] * nd, [2]):
        cc = torch_t_case(r, dict(c, p=[0] * nd), "rank")
        cc["x_shape"] = xs
        cases.append(cc)
    for key, val in (("stride", [1] * (nd + 1)), ("padding", [0] * (nd + 1)),
                     ("output_padding", [0] * (nd + 1)), ("dilation", [1] * (nd + 1))):
        cases.append(torch_t_case(r, dict(c, p=[0] * nd), "tuple_length", **{key: val}))
    for p in ("same", "valid"):
        cases.append(torch_t_case(r, dict(c, p=[0] * nd), "padding_string", padding=p))

    # module forward(x, output_size=...)
    def mod(c, fam, osz, tuples=None):
        cases.append(torch_t_case(r, c, fam, via="module", output_size=osz, tuples=tuples))

    def prefix(c):
        return [] if r.random() < 0.6 else \
            ([ri(r, 1, 9)] if c["unbatched"] else [ri(r, 1, 9), ri(r, 1, 9)])

    for fam, cnt in (("output_size_ok", 40 if nd == 1 else 25),
                     ("output_size_out_of_range", 25 if nd == 1 else 18)):
        made = 0
        while made < cnt:
            c = rand_torch(r, nd, unbatched=r.random() < 0.2)
            lo = [t_min(*q) for q in zip(c["i"], c["k"], c["s"], c["p"], c["d"])]
            if min(lo) < 1:
                continue
            sz = [m + ri(r, 0, s) for m, s in zip(lo, c["s"])]
            if fam == "output_size_out_of_range":
                for j in ([ri(r, 0, nd)] if r.random() < 0.7 else range(nd)):
                    sz[j] = int(r.choice([lo[j] - 1, lo[j] + c["s"][j]]))
            mod(c, fam, prefix(c) + sz, ["output_size"] if r.random() < 0.3 else None)
            made += 1
    for unb in (False, True):
        c = rand_torch(r, nd, unbatched=unb)
        c["p"] = [0] * nd
        lo = [t_min(*q) for q in zip(c["i"], c["k"], c["s"], c["p"], c["d"])]
        for osz in ([1] + lo, [1, 1, 1] + lo, lo[:-1] if nd == 3 else [], [9, 9] + lo):
            mod(c, "output_size_length", osz)
    c = dict(nd=nd, g=1, cin=2, cog=2, n=1, i=[4] * nd, k=[3] * nd, s=[1] * nd, d=[3] * nd,
             p=[0] * nd, unbatched=False)
    mod(c, "output_size_dilation", [t_min(4, 3, 1, 0, 3) + 2] * nd)  # op 2 is legal, not here

    # order probes
    def tor(note, fn=T, xs=None, ws=None, b_shape=None, via="functional", **args):
        xs = xs or [2, 4] + [5] * nd
        ws = ws or ([4, 3] + [3] * nd if fn == T else [3, 4] + [3] * nd)
        extra = {"via": via, "note": note} if fn == T else {"note": note}
        cases.append(mf.t_case(r, "order", fn, xs, ws, args, b_shape=b_shape, dtype="float64",
                               **extra))

    bad_x = [2, 3] + [5] * nd
    tor("output_padding too large + channel mismatch", xs=bad_x, stride=2, output_padding=2)
    tor("negative padding + channel mismatch", xs=bad_x, padding=-1)
    tor("stride 0 + output_padding too large", stride=0, output_padding=2)
    tor("bias wrong size + channel mismatch", xs=bad_x, b_shape=[5])
    tor("output too small + output_padding too large", padding=4, output_padding=1)
    tor("output too small + channel mismatch", xs=bad_x, padding=4)
    tor("rank + channel mismatch", xs=[1, 2, 3] + [5] * nd)
    tor("module: output_size out of range + channel mismatch", xs=bad_x, via="module",
        stride=2, output_size=[5] * nd)
    tor("module: output_size wrong length + channel mismatch", xs=bad_x, via="module",
        stride=2, output_size=[1, 1, 1] + [10] * nd)
    tor("module: output_size out of range + output too small", via="module", padding=4,
        output_size=[5] * nd)
    F_ = f"conv{nd}d"
    tor("kernel too large + channel mismatch", fn=F_, xs=[1, 3] + [2] * nd)
    tor("same strided + channel mismatch", fn=F_, xs=bad_x, stride=2, padding="same")
    tor("bias wrong size + channel mismatch", fn=F_, xs=bad_x, b_shape=[5])

    # forward conv{1,3}d
    made = 0
    while made < (55 if nd == 1 else 35):
        g = int(r.choice([1, 1, 2]))
        ci, co, n = g * ri(r, 1, 3), g * ri(r, 1, 3), ri(r, 1, 3)
        hi = (12, 6, 4) if nd == 1 else (6, 4, 3)
        sp, k = [ri(r, 1, hi[0]) for _ in range(nd)], [ri(r, 1, hi[1]) for _ in range(nd)]
        s = [ri(r, 1, hi[2]) for _ in range(nd)]
        d = [1] * nd if r.random() < 0.7 else [ri(r, 1, 3) for _ in range(nd)]
        mode = r.random()
        if mode < 0.2 and s == [1] * nd:
            pad, p = "same", [0] * nd
        elif mode < 0.3:
            pad, p = "valid", [0] * nd
        else:
            p = [ri(r, 0, 3) for _ in range(nd)]
            pad = seq_form(r, p)
        if any(a + 2 * q < (b - 1) * e + 1 for a, q, b, e in zip(sp, p, k, d)):
            continue
        args = {"stride": seq_form(r, s), "padding": pad}
        if g != 1:
            args["groups"] = g
        if d != [1] * nd:
            args["dilation"] = seq_form(r, d)
        unb = r.random() < 0.1
        cases.append(mf.t_case(r, "valid", F_, ([] if unb else [n]) + [ci] + sp,
                               [co, ci // g] + k, args, b_shape=[co] if r.random() < 0.5 else None))
        made += 1

    def cv(fam, xs, ws, b_shape=None, **args):
        cases.append(mf.t_case(r, fam, F_, xs, ws, args, b_shape=b_shape))

    X, W = [1, 2] + [5] * nd, [2, 2] + [3] * nd
    cv("channel_mismatch", [1, 3] + [5] * nd, W)
    cv("bad_groups", [1, 4] + [5] * nd, [3, 2] + [3] * nd, groups=2)
    cv("kernel_too_large", [1, 2] + [3] * nd, [2, 2] + [4] * nd)
    cv("kernel_too_large", X, W, dilation=3)
    cv("same_strided", X, W, stride=2, padding="same")
    cv("same_even_kernel", [1, 2] + [6] * nd, [2, 2] + [4] * nd, padding="same")
    cv("padding_string", X, W, padding="SAME")
    cv("padding_string", X, W, padding="full")
    cv("negative_padding", X, W, padding=-1)
    cv("stride_nonpositive", X, W, stride=0)
    cv("bias_wrong_size", X, W, b_shape=[3])
    cv("rank", [1, 1] + X[1:], W)
    cv("rank", X[2:], W)
    cv("tuple_length", X, W, stride=[1] * (nd + 1))
    return cases


def torch_run(case):
    import torch
    import torch.nn.functional as F

    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"],
                          case.get("b_shape"))
    a = case["args"]
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    bt = None if b is None else torch.from_numpy(b)
    nd = int(case["fn"][-2])

    def tup(v):
        return tuple(v) if isinstance(v, list) else v

    kw = {k: tup(v) for k, v in a.items() if k != "output_size"}

    def call():
        if case.get("via") == "module":
            g = a.get("groups", 1)
            cls = getattr(torch.nn, f"ConvTranspose{nd}d")
            m = cls(w.shape[0], w.shape[1] * g, tuple(w.shape[2:]), bias=bt is not None,
                    dtype=xt.dtype, **kw)
            with torch.no_grad():
                m.weight.copy_(wt)
                if bt is not None:
                    m.bias.copy_(bt)
                osz = a.get("output_size")
                return m(xt, output_size=tuple(osz) if "output_size" in case.get("tuples", [])
                         else osz)
        return getattr(F, case["fn"])(xt, wt, bt, **kw)

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
        if on != res:
            res["mkldnn_on"] = on
    return res


def run_torch(r):
    cases = gen_torch_nd(r, 1) + gen_torch_nd(r, 3)
    record_torch(cases, "ptnd")
    return cases


def record_torch(cases, prefix):
    """Run each case in the real PyTorch and record its verdict (and values) under ids ``prefix####``."""
    for n, c in enumerate(cases):
        c["id"] = f"{prefix}{n:04d}"
        res = torch_run(c)
        arr = res.pop("_out", None)
        c.update(res)
        if arr is not None:
            c["values"] = encode_values(arr, c["seed"])


# ============================================================================ found by the differential check
# Calls where tools/differential_check_nd.py found convt and the framework disagreeing (fixed since);
# ids tfnf#### / ptnf####, appended after the generated cases. ``--found-only`` re-records just these
# into the existing files (the other cases untouched).
FOUND_SEED = MASTER_SEED + 11


def gen_tf_found(r):
    cases = []

    def add(fam, fn, x, w, dtype="float32", **args):
        cases.append(mf.tf_case(r, fam, fn, x, w, args, dtype=dtype))

    ones5 = [1, 1, 1, 1, 1]
    # conv3d, NCDHW: the channel stride / dilation is index 1 (then the CPU's NHWC-only refusal, or
    # an empty output that never reaches it)
    add("channels_first", "conv3d", [1, 4, 5, 5, 2], [1, 2, 2, 1, 1], strides=[1, 1, 1, 1, 2], padding="VALID",
        data_format="NCDHW")
    add("channels_first", "conv3d", [1, 4, 5, 5, 2], [1, 2, 2, 1, 1], strides=ones5, padding="VALID",
        data_format="NCDHW", dilations=[1, 1, 1, 1, 2])
    # conv3d: a zero-sized filter is refused before the launch's format / dilation checks and the sizes
    add("zero_filter", "conv3d", [1, 4, 5, 5, 1], [0, 2, 4, 1, 1], strides=ones5, padding="VALID",
        dilations=[1, 1, 2, 1, 1])
    add("zero_filter", "conv3d", [1, 1, 5, 5, 4], [0, 2, 4, 1, 1], strides=ones5, padding="VALID",
        data_format="NCDHW")
    add("zero_filter", "conv3d", [1, 4, 5, 5, 1], [9, 2, 2, 1, 0], strides=ones5, padding="VALID")
    add("zero_filter", "conv3d", [1, 4, 5, 5, 3], [1, 2, 2, 0, 1], strides=ones5, padding="VALID")
    # conv3d: the wrapper converts strides, padding, dilations before the op checks lengths
    add("order", "conv3d", [1, 4, 4, 4, 1], [1, 1, 1, 1, 1], strides=[1, 1, 1], padding=[[0, 0]] * 5)
    add("order", "conv3d", [1, 4, 4, 4, 1], [1, 1, 1, 1, 1], strides=[1, 1, 1], padding="SAME", dilations=2)
    # conv3d SAME with a stride larger than the kernel: Eigen's CuboidConvolution starts the windows
    # ((out-1)*s + k - n) / 2 cells before the data, negative here
    add("same_start", "conv3d", [2, 4, 3, 5, 1], [4, 1, 4, 1, 1], "float64", strides=[1, 1, 3, 2, 1],
        padding="SAME")
    add("same_start", "conv3d", [1, 6, 3, 5, 2], [4, 1, 4, 2, 3], strides=[1, 3, 3, 2, 1], padding="SAME")
    add("same_start", "conv3d", [1, 5, 4, 7, 2], [1, 2, 2, 2, 2], strides=[1, 5, 4, 5, 1], padding="SAME")
    # float32 transposes with a tapless filter: dnnl_sgemm refuses for a batch > 1 (not batch 1, not float64)
    add("zero_filter", "conv2d_transpose", [2, 3, 3, 2], [0, 1, 2, 2], output_shape=[2, 3, 3, 2], strides=1,
        padding="SAME")
    add("zero_filter", "conv2d_transpose", [2, 3, 3, 2], [1, 0, 2, 2], output_shape=[2, 6, 6, 2], strides=2,
        padding="SAME")
    add("zero_filter", "conv2d_transpose", [1, 3, 3, 2], [0, 1, 2, 2], output_shape=[1, 3, 3, 2], strides=1,
        padding="SAME")
    add("zero_filter", "conv2d_transpose", [2, 3, 3, 2], [0, 1, 2, 2], "float64", output_shape=[2, 3, 3, 2],
        strides=1, padding="SAME")
    add("zero_filter", "conv1d_transpose", [2, 3, 2], [0, 2, 2], output_shape=[2, 3, 2], strides=1, padding="SAME")
    add("zero_filter", "conv2d_transpose", [2, 3, 3, 0], [0, 3, 1, 0], output_shape=[2, 3, 3, 1], strides=1,
        padding="SAME")
    return cases


def gen_torch_found(r):
    cases = []

    def add(fam, fn, x, w, b=None, dtype="float32", **args):
        c = {"fn": fn, "family": fam, "seed": int(r.integers(2**31)), "dtype": dtype, "x_shape": x,
             "w_shape": w, "args": args}
        if b is not None:
            c["b_shape"] = b
        cases.append(c)

    # an input with an empty spatial axis (batch and channels not empty): refused before the kernels'
    # checks, a 1-D input shown on a unit height
    add("empty_axis", "conv_transpose1d", [2, 1, 0], [1, 1, 1], stride=2)
    add("empty_axis", "conv_transpose2d", [1, 6, 5, 0], [6, 2, 4, 4], stride=[3, 2], padding=[2, 2], groups=3)
    add("empty_axis", "conv_transpose3d", [1, 2, 7, 0, 2], [2, 2, 2, 2, 2], stride=[2, 3, 3], groups=2,
        output_padding=[0, 0, 3])
    add("empty_axis", "conv1d", [1, 2, 0], [1, 2, 1], padding=1)
    add("empty_axis", "conv1d", [2, 0], [1, 2, 1], padding=1)
    add("empty_axis", "conv3d", [1, 2, 0, 3, 3], [1, 2, 1, 1, 1], padding=1)
    # an empty batch: ATen's empty backend skips the kernels' checks
    add("empty_batch", "conv_transpose1d", [0, 1, 1], [1, 1, 4], dilation=2, padding=2, output_padding=2)
    add("empty_batch", "conv_transpose1d", [0, 2, 3], [2, 1, 1], output_padding=3)
    add("empty_batch", "conv_transpose1d", [0, 2, 3], [2, 1, 1], padding=5)
    add("empty_batch", "conv_transpose1d", [0, 2, 3], [2, 1, 0])
    add("empty_batch", "conv_transpose1d", [0, 2, 3], [2, 1, 2], dilation=0)
    add("empty_batch", "conv1d", [0, 2, 3], [3, 2, 0], [3])
    add("empty_batch", "conv_transpose2d", [0, 2, 1, 6], [2, 2, 3, 3], stride=[3, 2], dilation=[1, 3],
        padding=[2, 0])
    add("empty_batch", "conv_transpose2d", [0, 2, 1, 1], [2, 2, 1, 1], padding=[1, 1])
    add("empty_batch", "conv_transpose2d", [0, 2, 1, 1], [2, 2, 1, 1], padding=[1, 2])
    # no input channels: no output channels
    add("no_channels", "conv2d", [1, 0, 3, 3], [3, 0, 2, 2], [3])
    add("no_channels", "conv1d", [0, 3], [3, 0, 2], [3])
    # padding='same': the string, the ranks and stride 1 are checked before the stride's sign and the dtypes
    add("same_order", "conv3d", [2, 2, 7, 6], [2, 2, 1, 4, 4], stride=[-1, 1, 3], dilation=[2, 1, 1], padding="same")
    add("same_order", "conv2d", [1, 2, 7, 6], [2, 2, 1, 4], stride=[-1, 1], padding="same")
    add("same_order", "conv2d", [1, 2, 7, 6], [2, 2, 1, 4, 1], stride=[2, 1], padding="same")
    return cases


def run_found(r):
    """The differential check's cases: (TF cases, PyTorch cases), recorded."""
    tf_found = gen_tf_found(r)
    for n, c in enumerate(tf_found):
        c["id"] = f"tfnf{n:04d}"
        mf.finish_tf(c, tf_run(c))
    t_found = gen_torch_found(r)
    record_torch(t_found, "ptnf")
    return tf_found, t_found


def replace_found(path: Path, prefix: str, found) -> None:
    """Swap the ``prefix`` cases of an existing fixture file for ``found``."""
    data = json.loads(path.read_text())
    data["cases"] = [c for c in data["cases"] if not c["id"].startswith(prefix)] + found
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {path}: {len(found)} {prefix} cases", file=sys.stderr)


# ============================================================================ Keras
def gen_keras(r):
    cfgs = [dict(nd=1, i=25, k=2, s=2, d=1, padding="same", output_padding=0),
            dict(nd=1, i=25, k=2, s=2, d=1, padding="same", output_padding=None),
            dict(nd=1, i=25, k=3, s=4, d=1, padding="same", output_padding=4),
            dict(nd=1, i=4, k=3, s=2, d=2, padding="valid", output_padding=None),
            dict(nd=1, i=4, k=3, s=1, d=2, padding="same", output_padding=0),
            dict(nd=1, i=5, k=3, s=1, d=1, padding="causal", output_padding=None),
            dict(nd=1, i=5, k=3, s=2, d=1, padding="valid", output_padding=None,
                 data_format="channels_first"),
            dict(nd=3, i=3, k=2, s=2, d=1, padding="same", output_padding=0),
            dict(nd=3, i=3, k=4, s=2, d=1, padding="same", output_padding=1),
            dict(nd=3, i=3, k=3, s=2, d=1, padding="valid", output_padding=2),
            dict(nd=3, i=3, k=2, s=2, d=1, padding="same", output_padding=None,
                 data_format="channels_first")]
    while len(cfgs) < 70:
        nd = 1 if len(cfgs) % 3 else 3
        s = ri(r, 1, 5)
        d = 1 if (s > 1 or r.random() < 0.6) else ri(r, 2, 4)
        u = r.random()
        op = None if u < 0.35 else ri(r, 0, s) if u < 0.85 else s + ri(r, 0, 2)
        cfgs.append(dict(nd=nd, i=ri(r, 1, 10 if nd == 1 else 5), k=ri(r, 1, 6 if nd == 1 else 4),
                         s=s, d=d, padding=["same", "valid"][ri(r, 0, 2)], output_padding=op))
    return cfgs


def run_keras(cfg, seed):
    import keras

    nd = cfg["nd"]
    res = {"fn": f"Conv{nd}DTranspose", **cfg}
    cls = getattr(keras.layers, f"Conv{nd}DTranspose")
    op = cfg["output_padding"]
    cf = cfg.get("data_format") == "channels_first"
    try:
        layer = cls(filters=2, kernel_size=cfg["k"], strides=cfg["s"], padding=cfg["padding"],
                    output_padding=op, dilation_rate=cfg["d"],
                    data_format=cfg.get("data_format"))
    except Exception as e:  # noqa: BLE001
        res.update(constructed=False, error={"type": type(e).__name__, "message": str(e)})
        return res
    res["constructed"] = True
    in_shape = (1, 3) + (cfg["i"],) * nd if cf else (1,) + (cfg["i"],) * nd + (3,)
    res["output_shape"] = [None if v is None else int(v)
                           for v in layer.compute_output_shape(in_shape)]
    x = np.random.default_rng(seed).standard_normal(in_shape).astype("float32")
    try:
        res.update(ran=True, run_shape=list(np.asarray(layer(x)).shape))
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        inner = msg[msg.find("{{function_node"):] if "{{function_node" in msg else msg
        res.update(ran=False, run_error={"type": type(e).__name__, "message": msg,
                                         "core": tf_core_message(inner)})
    return res


# ============================================================================ naive reference
def window(full, starts, sizes):
    """Channels-first ``full`` -> the window of ``sizes`` from ``starts`` (zeros past the end)."""
    out = np.zeros(full.shape[:2] + tuple(sizes), dtype=full.dtype)
    src, dst = [slice(None)] * 2, [slice(None)] * 2
    for L, st, n in zip(full.shape[2:], starts, sizes):
        lo, hi = max(st, 0), min(st + n, L)
        src.append(slice(lo, max(lo, hi)))
        dst.append(slice(lo - st, lo - st + max(0, hi - lo)))
    out[tuple(dst)] = full[tuple(src)]
    return out


def naive_transpose(x, w, s, d, groups=1):
    """Full transposed output, channels first: x [B, Cin, *i], w [Cin, Cout/g, *k].
    Each tap t of the kernel stamps x into positions idx*s + t*d (scatter-and-sum)."""
    nd = x.ndim - 2
    cin, cog, ks = w.shape[0], w.shape[1], w.shape[2:]
    L = [(i - 1) * st + (k - 1) * dl + 1 for i, k, st, dl in zip(x.shape[2:], ks, s, d)]
    full = np.zeros((x.shape[0], cog * groups, *L), dtype=np.float64)
    cpg = cin // groups
    for g in range(groups):
        xg = x[:, g * cpg:(g + 1) * cpg].astype(np.float64)
        for t in itertools.product(*(range(k) for k in ks)):
            wt = w[(slice(g * cpg, (g + 1) * cpg), slice(None)) + t].astype(np.float64)
            sl = tuple(slice(tt * dl, tt * dl + (i - 1) * st + 1, st)
                       for tt, dl, st, i in zip(t, d, s, x.shape[2:]))
            full[(slice(None), slice(g * cog, (g + 1) * cog)) + sl] += \
                np.einsum("bc...,co->bo...", xg, wt)
    assert full.ndim == nd + 2
    return full


def naive_forward(x, w, s, d, pads, groups=1):
    """Direct forward conv, channels first: x [B, Cin, *n], w [Cout, Cin/g, *k], pads (b, a)."""
    xp = np.pad(x.astype(np.float64), [(0, 0), (0, 0)] + [tuple(p) for p in pads])
    ks = w.shape[2:]
    O = [max(0, (n - (k - 1) * dl - 1) // st + 1) for n, k, st, dl in zip(xp.shape[2:], ks, s, d)]
    cpg, opg = x.shape[1] // groups, w.shape[0] // groups
    out = np.zeros((x.shape[0], w.shape[0], *O))
    for g in range(groups):
        for t in itertools.product(*(range(k) for k in ks)):
            sl = tuple(slice(tt * dl, tt * dl + (o - 1) * st + 1, st)
                       for tt, dl, st, o in zip(t, d, s, O))
            xs = xp[(slice(None), slice(g * cpg, (g + 1) * cpg)) + sl]
            out[:, g * opg:(g + 1) * opg] += np.einsum(
                "bc...,oc->bo...", xs,
                w[(slice(g * opg, (g + 1) * opg), slice(None)) + t].astype(np.float64))
    return out


def seqn(v, nd, default=1):
    """torch/TF sequence argument -> nd spatial values (TF's nd + 2 form: the middle)."""
    if v is None:
        return [default] * nd
    v = [v] if isinstance(v, int) else list(v)
    return v * nd if len(v) == 1 else v[1:-1] if len(v) == nd + 2 else v


def replay_torch(c):
    """The naive model for an accepted torch case: output, or None if not modelled."""
    a = c["args"]
    nd = int(c["fn"][-2])
    x, w, b = make_inputs(c["seed"], c["x_shape"], c["w_shape"], c["dtype"], c.get("b_shape"))
    unb = x.ndim == nd + 1
    if unb:
        x = x[None]
    g = a.get("groups", 1)
    s, d = seqn(a.get("stride"), nd), seqn(a.get("dilation"), nd)
    if c["fn"].startswith("conv_transpose"):
        p = seqn(a.get("padding"), nd, 0)
        full = naive_transpose(x, w, s, d, g)
        L = full.shape[2:]
        if c.get("via") == "module" and a.get("output_size") is not None:
            sizes = list(a["output_size"])[-nd:]
        else:
            op = seqn(a.get("output_padding"), nd, 0)
            sizes = [Lj - 2 * pj + oj for Lj, pj, oj in zip(L, p, op)]
        out = window(full, p, sizes)
        if b is not None:
            out += b.reshape((1, -1) + (1,) * nd)
    else:
        pad = a.get("padding", 0)
        if pad == "valid":
            pads = [(0, 0)] * nd
        elif pad == "same":  # torch: the extra pad goes at the end, like TF
            tot = [dl * (k - 1) for dl, k in zip(d, w.shape[2:])]
            pads = [(t // 2, t - t // 2) for t in tot]
        else:
            pads = [(p, p) for p in seqn(pad, nd, 0)]
        out = naive_forward(x, w, s, d, pads, g)
        if b is not None:
            out += b.reshape((1, -1) + (1,) * nd)
        if x.shape[1] == 0:          # ATen's empty backend: no input channels, no output channels
            out = out[:, :0]
    return out[0] if unb else out


def replay_tf(c, rec):
    """The naive model for an accepted TF case (channels last) with result record ``rec``."""
    a = c["args"]
    x, w, _ = make_inputs(c["seed"], c["x_shape"], c["w_shape"], c["dtype"])
    nd = len(c["w_shape"]) - 2
    if a.get("data_format", "NWC")[1] == "C" or x.ndim != nd + 2 or \
            c["fn"].endswith("transpose") and len(a["output_shape"]) != nd + 2:
        return None  # channels first, extra batch dims, oneDNN's odd output_shape: not replayed
    xc = np.moveaxis(x, -1, 1)
    if c["fn"].endswith("transpose"):
        dims = tf_spatial(c)
        full = naive_transpose(xc, np.moveaxis(np.moveaxis(w, -1, 0), -1, 1),
                               [q["s"] for q in dims], [q["d"] for q in dims])
        starts = [max(0, L - q["N"]) // 2 if q["padding"] == "SAME" else 0
                  for L, q in zip(full.shape[2:], dims)]
        out = window(full, starts, [q["N"] for q in dims])
    else:
        s = seqn(a.get("stride", a.get("strides")), nd)
        dl = seqn(a.get("dilations"), nd)
        pads = []
        crop = []
        for n, k, st, dd in zip(x.shape[1:-1], w.shape[:nd], s, dl):
            ke = (k - 1) * dd + 1
            if a["padding"] == "SAME":
                need = (-(-n // st) - 1) * st + ke - n
                if nd == 3 and need < 0:
                    # conv3d (Eigen's CuboidConvolution): a negative need, halved in C++ (toward zero),
                    # starts the windows inside the input
                    crop.append((-need) // 2)
                    pads.append((0, 0))
                    continue
                tot = max(0, need)
                pads.append((tot // 2, tot - tot // 2))
            else:
                pads.append((0, 0))
            crop.append(0)
        if any(crop):
            xc = xc[(slice(None), slice(None)) + tuple(slice(c_, None) for c_ in crop)]
        out = naive_forward(xc, np.moveaxis(np.moveaxis(w, -1, 0), -1, 1), s, dl, pads)
    out = np.moveaxis(out, 1, -1)
    assert list(out.shape) == rec["shape"], (c["id"], out.shape, rec["shape"])
    return out


def verify(golden=GOLDEN):
    """Replay every accepted fixture with the naive model; print the worst error per function."""
    worst, counts, skipped = {}, {}, []

    def check(key, c, out, rec):
        atol = 1e-4 if rec.get("values", {}).get("dtype", c["dtype"]) == "float32" else 1e-9
        vals = rec["values"]
        check_values(out, vals, c["seed"], atol=atol, rtol=1e-5 if atol == 1e-4 else 1e-9)
        ref = np.asarray(out, dtype=np.float64).ravel()
        from inputs import decode_small

        full = decode_small(vals)
        err = float(np.max(np.abs(ref - full))) if full is not None and ref.size else \
            float(np.max(np.abs(ref[vals["idx"]] - np.asarray(vals["val"])))) if ref.size else 0.0
        worst[key] = max(worst.get(key, 0.0), err)
        counts[key] = counts.get(key, 0) + 1

    for c in json.loads((Path(golden) / "torch_nd_cases.json").read_text())["cases"]:
        if c["ok"]:
            out = replay_torch(c)
            assert list(out.shape) == c["shape"], (c["id"], out.shape, c["shape"])
            check("torch." + c["fn"] + (" (module)" if c.get("via") == "module" else ""), c, out, c)
    for c in json.loads((Path(golden) / "tf_nd_cases.json").read_text())["cases"]:
        for rec, tag in ((c, ""), (c.get("beyond_tf") or {}, " beyond_tf (dilation>1)"),
                         (c.get("onednn") or {}, " oneDNN")):
            if not rec.get("ok") or not rec.get("values"):
                continue
            if tag == " oneDNN" and c["ok"]:
                continue  # same call as the classic record
            cc = dict(c, dtype=rec["values"]["dtype"])
            out = replay_tf(cc, rec)
            if out is None:
                skipped.append(c["id"] + tag)
                continue
            check("tf." + c["fn"] + tag, cc, out, rec)
    for key in sorted(worst):
        print(f"{key:55s} {counts[key]:4d} cases  max |naive - framework| = {worst[key]:.2e}")
    print(f"accepted but not replayed (channels first, extra batch dims, output_shape of "
          f"another length): {len(skipped)} {skipped}")
    return worst, counts, skipped


# ============================================================================ rule checks
def keras_size(i, k, s, d, padding, op):
    """Keras 3 compute_output_shape for one spatial dim (backend_utils, TF padding)."""
    ke = (k - 1) * d + 1
    if padding == "valid":
        return (i - 1) * s + ke + (max(ke, s) - ke if op is None else op)
    return i * s if op is None else (i - 1) * s + ke % 2 + op


def check_rules(golden=GOLDEN):
    """The size rules of tools/nd_rules.md against every fixture that exercises them;
    returns a list of disagreements (empty when the rules hold)."""
    bad = []
    tf_file = json.loads((Path(golden) / "tf_nd_cases.json").read_text())
    bad += [f"sweep {w['fn']} {w['i']},{w['k']},{w['s']},{w['padding']}"
            for w in tf_file["sweeps"] if not w["formula_agrees"]]
    for c in tf_file["cases"]:
        core = c.get("error", {}).get("core", "")
        if not c["fn"].endswith("transpose") or not (c["ok"] or "Size of out_backprop" in core) \
                or len(c["args"]["output_shape"]) != len(c["x_shape"]):
            continue
        nd = len(c["x_shape"]) - 2
        got = [tf_conv_out(q["N"], q["k"], q["s"], q["d"], q["padding"]) for q in tf_spatial(c)]
        wrong = [j for j, q in enumerate(tf_spatial(c)) if got[j] != q["i"]]
        if c["ok"] != (not wrong):
            bad.append(c["id"])
        elif wrong:  # the first wrong axis is reported, with these numbers
            j, q = wrong[0], tf_spatial(c)[wrong[0]]
            want = (f"actual = {q['i']}, computed = {got[j]} spatial_dim: "
                    f"{j + 2 if nd == 1 else j + 1} input: {q['N']} filter: {q['k']} "
                    f"output: {q['i']} stride: {q['s']} dilation: {q['d']}")
            if not core.endswith(want):
                bad.append(c["id"])
    for c in json.loads((Path(golden) / "torch_nd_cases.json").read_text())["cases"]:
        a, nd = c["args"], int(c["fn"][-2])
        if not c["fn"].startswith("conv_transpose") or c["family"] not in (
                "valid", "output_padding_dilation", "output_padding_too_large",
                "output_size_ok", "output_size_out_of_range", "output_size_length"):
            continue
        s, d = seqn(a.get("stride"), nd), seqn(a.get("dilation"), nd)
        p, op = seqn(a.get("padding", 0), nd, 0), seqn(a.get("output_padding"), nd, 0)
        lo = [t_min(i, k, *q) for i, k, q in zip(c["x_shape"][-nd:], c["w_shape"][2:],
                                                   zip(s, p, d))]
        if c.get("via") == "module" and c["family"].startswith("output_size_"):
            sz = list(a["output_size"])[-nd:]
            fits = all(m <= n <= m + st - 1 for m, n, st in zip(lo, sz, s))
            msg = c.get("error", {}).get("message", "")
            if "elements" in msg:
                continue
            if c["ok"] != fits or (not fits and f"range from {lo} to "
                                   f"{[m + st - 1 for m, st in zip(lo, s)]}" not in msg):
                bad.append(c["id"])
        elif c["ok"] and c.get("via") != "module":
            if c["shape"][-nd:] != [m + o for m, o in zip(lo, op)]:
                bad.append(c["id"])
        elif c["family"] == "output_padding_too_large" and c["ok"]:
            bad.append(c["id"])
    for c in json.loads((Path(golden) / "keras_nd_cases.json").read_text())["cases"]:
        op = c["output_padding"]
        if not c["constructed"]:
            continue
        n = keras_size(c["i"], c["k"], c["s"], c["d"], c["padding"], op)
        cf = c.get("data_format") == "channels_first"
        sp = c["output_shape"][2:] if cf else c["output_shape"][1:-1]
        runs = c["d"] == 1 and not cf and \
            tf_conv_out(n, c["k"], c["s"], 1, c["padding"].upper()) == c["i"]
        if sp != [n] * c["nd"] or c["ran"] != runs:
            bad.append(c["id"])
    print(f"size rules (TF accept + first reported axis, torch sizes + output_size range, Keras "
          f"shape + whether it runs): {len(bad)} disagreements {bad}")
    return bad


# ============================================================================ main
def main():
    if WORKER:
        onednn_worker()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(GOLDEN))
    ap.add_argument("--verify", action="store_true", help="numpy only: replay accepted cases")
    ap.add_argument("--found-only", action="store_true",
                    help="re-record only the differential check's cases (tfnf/ptnf) in the existing files")
    args = ap.parse_args()
    if args.verify:
        verify(args.out)
        check_rules(args.out)
        return
    if args.found_only:
        tf_found, t_found = run_found(np.random.default_rng(FOUND_SEED))
        replace_found(Path(args.out) / "tf_nd_cases.json", "tfnf", tf_found)
        replace_found(Path(args.out) / "torch_nd_cases.json", "ptnf", t_found)
        return

    if os.environ.get("PYTHONHASHSEED") != "0":
        # Keras prints a Python set in one message ({'same', 'valid'}): fix its order
        os.execve(sys.executable, [sys.executable, *sys.argv],
                  dict(os.environ, PYTHONHASHSEED="0"))
    import keras
    import tensorflow as tf
    import torch

    meta = {"tensorflow": tf.__version__, "torch": torch.__version__, "keras": keras.__version__,
            "numpy": np.__version__, "master_seed": MASTER_SEED,
            "generator": "tools/fixtures_nd.py",
            "regenerate": "/work/fwvenv/bin/python tools/fixtures_nd.py",
            "verify": "python3 tools/fixtures_nd.py --verify",
            "inputs": "tests/golden/inputs.py: make_inputs(seed, x_shape, w_shape, dtype, b_shape)"}
    r = np.random.default_rng(MASTER_SEED)
    tf_cases, sweeps = run_tf(r)
    t_cases = run_torch(r)
    tf_found, t_found = run_found(np.random.default_rng(FOUND_SEED))   # own stream: the rest keeps its seeds
    tf_cases += tf_found
    t_cases += t_found
    k_cases = [run_keras(cfg, n) for n, cfg in enumerate(gen_keras(r))]
    for n, c in enumerate(k_cases):
        c["id"] = f"ksnd{n:04d}"

    def counts(cs, ok_key="ok"):
        out = {}
        for c in cs:
            key = c["fn"] + (" (module)" if c.get("via") == "module" else "")
            e = out.setdefault(key, {"accepted": 0, "refused": 0})
            e["accepted" if c.get(ok_key, c.get("constructed")) else "refused"] += 1
        return out

    def dump(name, obj):
        path = Path(args.out) / name
        path.write_text(json.dumps(obj, separators=(",", ":")) + "\n")
        print(f"wrote {path} ({path.stat().st_size} bytes)", file=sys.stderr)

    dump("tf_nd_cases.json", {"meta": dict(meta, onednn="TF_ENABLE_ONEDNN_OPTS=0 (classic "
                                           "messages); 'onednn' fields: TF_ENABLE_ONEDNN_OPTS=1",
                                           counts=counts(tf_cases)),
                              "cases": tf_cases, "sweeps": sweeps})
    dump("torch_nd_cases.json", {"meta": dict(meta, mkldnn="torch.backends.mkldnn.flags("
                                              "enabled=False); 'mkldnn_on' where enabled differs",
                                              counts=counts(t_cases)), "cases": t_cases})
    dump("keras_nd_cases.json", {"meta": dict(meta, counts=counts(k_cases, "ran")),
                                 "cases": k_cases})
    print(json.dumps({"tf": counts(tf_cases), "torch": counts(t_cases),
                      "keras": counts(k_cases, "ran"),
                      "sweeps_formula_agree": sum(s["formula_agrees"] for s in sweeps)}, indent=1),
          file=sys.stderr)
    verify(args.out)
    check_rules(args.out)


if __name__ == "__main__":
    main()
