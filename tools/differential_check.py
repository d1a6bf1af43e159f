#!/usr/bin/env python3
"""Differential check: convt against the REAL TensorFlow and PyTorch on fresh random calls.

The golden fixtures freeze a few hundred cases; this draws new ones each run (``--seed``) and
compares verdicts, message prefixes and values directly. Run it in the framework venv:

    TF_ENABLE_ONEDNN_OPTS=0 /work/fwvenv/bin/python tools/differential_check.py --cases 400 --seed 7

It prints every disagreement and exits 1 if there was any.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import torch  # noqa: E402

import convt  # noqa: E402
from make_fixtures import tf_core_message  # noqa: E402


def pick(rng, options):
    return options[rng.integers(len(options))]


def tf_transpose_case(rng):
    i, k, s, d = int(rng.integers(1, 9)), int(rng.integers(1, 6)), int(rng.integers(1, 5)), 1
    pad = pick(rng, ["SAME", "VALID", "explicit"])
    padding = pad if pad != "explicit" else [[0, 0], [int(rng.integers(0, 3)), int(rng.integers(0, 3))],
                                              [int(rng.integers(0, 3)), int(rng.integers(0, 3))], [0, 0]]
    n_guess = (i - 1) * s + k + int(rng.integers(-3, 4))
    n_h, n_w = max(0, n_guess), max(0, n_guess + int(rng.integers(-1, 2)))
    b, cin, cout = int(rng.integers(1, 3)), int(rng.integers(1, 4)), int(rng.integers(1, 4))
    x_shape = [b, i, i + int(rng.integers(0, 2)), cin]
    w_shape = [k, k, cout, cin]
    if rng.random() < 0.1:
        w_shape[3] += 1  # input-channel mismatch
    out_b, out_c = b + (rng.random() < 0.1), cout * (2 if rng.random() < 0.05 else 1)
    output_shape = pick(rng, [[out_b, n_h, n_w, out_c], [n_h, n_w]])
    strides = pick(rng, [s, [s, s], [1, s, s, 1], [s, s, s]])
    dtype = pick(rng, [np.float32, np.float64])
    x = rng.standard_normal(x_shape).astype(dtype)
    w = rng.standard_normal(w_shape).astype(dtype)
    return dict(input=x, filters=w, output_shape=output_shape, strides=strides, padding=padding)


def torch_transpose_case(rng):
    i, k, s, d = int(rng.integers(1, 8)), int(rng.integers(1, 5)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    g = pick(rng, [1, 1, 2])
    cin, cout_g = g * int(rng.integers(1, 3)), int(rng.integers(1, 3))
    x = rng.standard_normal((int(rng.integers(1, 3)), cin, i, i + int(rng.integers(0, 2)))).astype(np.float32)
    w = rng.standard_normal((cin + (rng.random() < 0.08), cout_g, k, k)).astype(np.float32)
    kw = dict(stride=s, padding=int(rng.integers(0, 3)), output_padding=int(rng.integers(0, 3)),
              groups=g, dilation=d)
    if rng.random() < 0.4:
        low = (i - 1) * s - 2 * kw["padding"] + d * (k - 1) + 1
        kw["output_size"] = pick(rng, [[low + int(rng.integers(-1, s + 1))] * 2,
                                       (low, low + int(rng.integers(0, s + 1)))])
        kw["output_padding"] = 0
    return x, w, kw


def large_torch_transpose_case(rng):
    """A big float32 transposed conv (16-48 channels): convt.fast's Winograd and im2col paths."""
    i, k = int(rng.integers(6, 25)), int(rng.integers(1, 7))
    s, d = pick(rng, [(1, 1), (2, 1), (3, 1), (1, 2), (1, 3), (2, 2)])
    cin, cout = int(rng.integers(16, 49)), int(rng.integers(16, 49))
    x = rng.standard_normal((int(rng.integers(1, 4)), cin, i, i + int(rng.integers(0, 3)))).astype(np.float32)
    w = rng.standard_normal((cin, cout, k, k)).astype(np.float32)
    return x, w, dict(stride=s, padding=int(rng.integers(0, k)), dilation=d,
                      output_padding=int(rng.integers(0, max(s, d))))


def tf_forward_case(rng):
    n, k, s, d = int(rng.integers(1, 10)), int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    g = pick(rng, [1, 1, 2])
    cin = g * int(rng.integers(1, 3))
    x = rng.standard_normal((int(rng.integers(1, 3)), n, n + int(rng.integers(0, 3)), cin + (rng.random() < 0.08)))
    w = rng.standard_normal((k, k, cin // g, g * int(rng.integers(1, 3))))
    padding = pick(rng, ["SAME", "VALID", [[0, 0], [int(rng.integers(0, 3)), int(rng.integers(0, 3))],
                                           [int(rng.integers(0, 3)), 1], [0, 0]]])
    return dict(input=x, filters=w, strides=pick(rng, [s, [s, 1], [1, s, s, 1]]), padding=padding,
                dilations=pick(rng, [None, d, [d, 1]]))


def torch_forward_case(rng):
    n, k, s, d = int(rng.integers(1, 10)), int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    g = pick(rng, [1, 1, 2])
    cin = g * int(rng.integers(1, 3))
    x = rng.standard_normal((int(rng.integers(1, 3)), cin, n, n + int(rng.integers(0, 3))))
    w = rng.standard_normal((g * int(rng.integers(1, 3)), cin // g + (rng.random() < 0.08), k, k))
    padding = pick(rng, [0, 1, (1, 2), "valid", "same"])
    return x, w, dict(stride=pick(rng, [1, s]), padding=padding, dilation=d, groups=g)


def compare(kind, real, ours, tol, contains=False):
    """Return a disagreement description or None. Refusals: convt's text must start with the
    framework's (TF core, PyTorch), or contain it (``contains``: JAX, onnxruntime)."""
    real_ok, real_val = real
    ours_ok, ours_val = ours
    if real_ok != ours_ok:
        return f"{kind}: verdict differs: framework {'ok' if real_ok else real_val!r} vs convt {'ok' if ours_ok else ours_val!r}"
    if not real_ok:
        same = real_val in ours_val if contains else ours_val.startswith(real_val)
        return None if same else f"{kind}: message differs:\n   fw: {real_val!r}\n   cv: {ours_val[:len(real_val) + 40]!r}"
    if real_val.shape != ours_val.shape:
        return f"{kind}: shape {real_val.shape} vs {ours_val.shape}"
    err = float(np.max(np.abs(real_val - ours_val))) if real_val.size else 0.0
    return None if err <= tol else f"{kind}: values differ by {err}"


def run(call):
    try:
        return True, call()
    except convt.ShapeError as e:
        return False, str(e)


def run_tf(call):
    try:
        return True, call().numpy()
    except (tf.errors.OpError, ValueError, TypeError) as e:
        return False, tf_core_message(getattr(e, "message", str(e)))


def run_torch(call):
    try:
        return True, call().detach().numpy()
    except (RuntimeError, ValueError, TypeError) as e:
        return False, str(e)


def check_large(rng, cases):
    """Big float32 transposed convs against torch; values within 1e-4 of the largest output.
    All of them through convt.fast (im2col or Winograd), whatever their size."""
    from convt import kernels
    from convt.fast import winograd_plan
    taken = []
    winograd, fast_min_macs = winograd_plan.transpose, kernels.FAST_MIN_MACS
    winograd_plan.transpose = lambda *a: taken.append(1) or winograd(*a)
    kernels.FAST_MIN_MACS = 0
    try:
        problems, worst = [], 0.0
        for _ in range(cases):
            x, w, kw = large_torch_transpose_case(rng)
            with torch.backends.mkldnn.flags(enabled=False):
                real = run_torch(lambda: torch.nn.functional.conv_transpose2d(torch.from_numpy(x),
                                                                              torch.from_numpy(w), **kw))
            ours = run(lambda: convt.torch_style.conv_transpose2d(x, w, **kw))
            scale = max(1.0, float(np.max(np.abs(real[1])))) if real[0] and real[1].size else 1.0
            if real[0] and ours[0] and real[1].shape == ours[1].shape and real[1].size:
                worst = max(worst, float(np.max(np.abs(real[1] - ours[1]))) / scale)
            p = compare("torch.conv_transpose2d (large)", real, ours, 1e-4 * scale)
            if p:
                problems.append(p + f"\n   case: x{x.shape} w{w.shape} {kw}")
    finally:
        winograd_plan.transpose, kernels.FAST_MIN_MACS = winograd, fast_min_macs
    print(f"large: {cases} calls, {len(taken)} through Winograd, largest difference "
          f"{worst:.1e} of the largest output")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--large", type=int, default=0, metavar="N",
                    help="also N big float32 transposed convs (Winograd / BLAS paths) against torch")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    problems = check_large(rng, args.large) if args.large else []
    for n in range(args.cases):
        c = tf_transpose_case(rng)
        tol = 1e-4 if c["input"].dtype == np.float32 else 1e-10
        real = run_tf(lambda: tf.nn.conv2d_transpose(**c))
        ours = run(lambda: convt.tf_style.conv2d_transpose(**c))
        p = compare("tf.conv2d_transpose", real, ours, tol)
        if p:
            problems.append(p + f"\n   case: x{c['input'].shape} w{c['filters'].shape} {c['output_shape']} "
                                f"s={c['strides']} pad={c['padding']}")
        x, w, kw = torch_transpose_case(rng)
        module_kw = {k: v for k, v in kw.items() if k != "output_size"}

        def torch_call():
            if "output_size" in kw:
                m = torch.nn.ConvTranspose2d(w.shape[0], w.shape[1] * kw["groups"], w.shape[2], stride=kw["stride"],
                                             padding=kw["padding"], groups=kw["groups"], dilation=kw["dilation"],
                                             bias=False)
                m.weight.data = torch.from_numpy(w)
                return m(torch.from_numpy(x), output_size=kw["output_size"])
            return torch.nn.functional.conv_transpose2d(torch.from_numpy(x), torch.from_numpy(w), **module_kw)
        with torch.backends.mkldnn.flags(enabled=False):
            real = run_torch(torch_call)
        ours = run(lambda: convt.torch_style.conv_transpose2d(x, w, **kw))
        p = compare("torch.conv_transpose2d", real, ours, 1e-4)
        if p:
            problems.append(p + f"\n   case: x{x.shape} w{w.shape} {kw}")
        c = tf_forward_case(rng)
        p = compare("tf.conv2d", run_tf(lambda: tf.nn.conv2d(**c)), run(lambda: convt.tf_style.conv2d(**c)), 1e-9)
        if p:
            problems.append(p + f"\n   case: x{c['input'].shape} w{c['filters'].shape} s={c['strides']} "
                                f"pad={c['padding']} d={c['dilations']}")
        x, w, kw = torch_forward_case(rng)
        real = run_torch(lambda: torch.nn.functional.conv2d(torch.from_numpy(x), torch.from_numpy(w), **kw))
        p = compare("torch.conv2d", real, run(lambda: convt.torch_style.conv2d(x, w, **kw)), 1e-9)
        if p:
            problems.append(p + f"\n   case: x{x.shape} w{w.shape} {kw}")
    for p in problems:
        print(p)
    print(f"{4 * args.cases} calls, {len(problems)} disagreements")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
