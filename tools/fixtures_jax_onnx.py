#!/usr/bin/env python3
"""Golden fixtures for ``convt.jax_style`` and ``convt.onnx_style`` from the REAL frameworks.

    /work/fwvenv/bin/python tools/fixtures_jax_onnx.py     # writes tests/golden/{jax,onnx}_cases.json

JAX, Flax, onnx and onnxruntime live only in that venv (``pip install jax flax onnx onnxruntime``);
they are never runtime or test dependencies of convt.  Deterministic (``MASTER_SEED``); inputs are
``tests/golden/inputs.py: make_inputs(seed, x_shape, w_shape, dtype, b_shape)``, the case format is
that of ``tests/golden/README.md`` (see ``README_jax_onnx.md`` for the additions).

Message "core" (what convt's ShapeError must contain):

* JAX: ``str(exc)`` (its Python-side messages carry no prefix or suffix), cut before the
  ``\\n\\t\\tat loc(`` source locations of an XLA lowering error.
* onnxruntime: the text after ``Status Message: `` (run-time refusals) or after the last
  ``[ShapeInferenceError] `` (refusals when the session is created: onnx's own shape inference),
  up to the first newline.  ``stage`` says which of the two refused.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
sys.path.insert(0, str(GOLDEN))

import numpy as np  # noqa: E402
from inputs import encode_values, make_inputs  # noqa: E402

MASTER_SEED = 20261206
N_JAX, N_FLAX, N_ONNX = 420, 120, 560


def I(v):
    """numpy ints -> python ints, recursively (JSON)."""
    if isinstance(v, (list, tuple)):
        return [I(x) for x in v]
    if isinstance(v, np.integer):
        return int(v)
    return v


# ----------------------------------------------------------------------------- JAX / Flax
def jax_core_message(exc: BaseException) -> str:
    """``str(exc)`` up to the source locations XLA's verifier appends to lowering errors."""
    return str(exc).split("\n\t\tat loc(")[0]


def rand_jax_padding(r):
    """A padding argument and the form it is passed in (tuples / lists / str)."""
    u = r.random()
    if u < 0.22:
        return "SAME", "str"
    if u < 0.40:
        return "VALID", "str"
    if u < 0.44:
        return r.choice(["SAME_LOWER", "same", "valid", "FULL"]), "str"
    n = 2 if r.random() < 0.93 else r.choice([1, 3])
    lo_hi = [(r.randint(-4, 5), r.randint(-4, 5)) for _ in range(n)]
    if r.random() < 0.3:
        lo_hi = [(p, p) for p, _ in lo_hi]
    return [list(p) for p in lo_hi], ("tuples" if r.random() < 0.85 else "lists")


def jax_padding_arg(padding, form):
    if form == "str":
        return padding
    if form == "tuples":
        return [tuple(p) for p in padding]
    return [list(p) for p in padding]


DNUMS = [None, None, None, None, ("NCHW", "OIHW", "NCHW"), ("NHWC", "HWOI", "NHWC"),
         ("NCHW", "HWIO", "NHWC"), ("NHWC", "IOHW", "NCHW")]


def spec_shape(spec, sizes):
    """Shape of an array laid out as ``spec`` given sizes by letter."""
    return [sizes[c] for c in spec]


def gen_jax(r):
    cases = []
    for n in range(N_JAX):
        i_h, i_w = r.choice([0, 1, 2, 3, 4, 5, 6]) if r.random() < 0.05 else r.randint(1, 6), r.randint(1, 6)
        kh, kw = r.randint(1, 5), r.randint(1, 4)
        sh, sw = r.randint(1, 3), r.randint(1, 3)
        dil = [r.randint(1, 3), r.randint(1, 2)] if r.random() < 0.35 else None
        cin, cout, batch = r.randint(1, 3), r.randint(1, 3), r.randint(1, 2)
        padding, form = rand_jax_padding(r)
        tk = r.random() < 0.4
        ucp = r.random() < 0.4
        dn = r.choice(DNUMS)
        lhs_spec, rhs_spec, _ = dn or ("NHWC", "HWIO", "NHWC")
        # transpose_kernel swaps rhs's I and O: the rhs then holds (out, in) in the I, O slots
        rhs_i, rhs_o = (cout, cin) if tk else (cin, cout)
        fam = "valid"
        if r.random() < 0.08:
            rhs_i += 1
            fam = "channels"
        x_shape = spec_shape(lhs_spec, {"N": batch, "C": cin, "H": i_h, "W": i_w})
        w_shape = spec_shape(rhs_spec, {"I": rhs_i, "O": rhs_o, "H": kh, "W": kw})
        args = {"strides": [sh, sw], "padding": padding}
        if dil:
            args["rhs_dilation"] = dil
        if dn:
            args["dimension_numbers"] = list(dn)
        if tk:
            args["transpose_kernel"] = True
        if ucp:
            args["use_consistent_padding"] = True
        if r.random() < 0.05:
            args["strides"] = [sh, sw, 1] if r.random() < 0.5 else [sh]
            fam = "strides_len"
        dtype = "float64" if r.random() < 0.15 else "float32"
        cases.append({"fn": "conv_transpose", "family": fam, "seed": r.randrange(2**31), "dtype": dtype,
                      "x_shape": x_shape, "w_shape": w_shape, "args": args, "padding_form": form})
    return cases


def gen_jax_edges(r):
    """Corners: empty inputs, big channel counts (the kernels' GEMM paths), odd arguments, bad layouts."""
    cases = []

    def add(fam, x_shape, w_shape, form="tuples", dtype="float32", **args):
        cases.append({"fn": "conv_transpose", "family": fam, "seed": r.randrange(2**31), "dtype": dtype,
                      "x_shape": x_shape, "w_shape": w_shape, "args": args, "padding_form": form})

    for _ in range(24):
        i, k, s, d = r.randint(3, 9), r.randint(1, 4), r.randint(1, 3), r.randint(1, 2)
        pad = r.choice(["SAME", "VALID", [[r.randint(-2, 4), r.randint(-2, 4)], [r.randint(-2, 4), r.randint(-2, 4)]]])
        cin, cout, tk = r.choice([8, 16, 24]), r.choice([8, 16]), r.random() < 0.5
        add("big", [2, i, i + 1, cin], [k, k, cout, cin] if tk else [k, k, cin, cout],
            "str" if isinstance(pad, str) else "tuples", strides=[s, s], padding=pad, rhs_dilation=[d, d],
            transpose_kernel=tk, use_consistent_padding=r.random() < 0.5)
    for _ in range(10):
        add("empty", [1, r.choice([0, 1]), r.choice([0, 2]), 2], [2, 2, 2, 1], "str",
            strides=[r.randint(1, 2), 1], padding=r.choice(["SAME", "VALID"]))
    for s in (1, 2):
        for p in ("same", "valid", "SAME_LOWER", "Same_Lower", "FULL"):
            add("named_padding", [1, 4, 3, 2], [3, 2, 2, 1], "str", strides=[s, 1], padding=p, rhs_dilation=[2, 1])
    for p in ([[1, 2, 3], [0, 0]], [[1], [0]], [[0, 0], [0, 0], [0, 0]], [[1, 2]]):
        for ucp in (False, True):
            add("pad_arity", [1, 4, 4, 1], [3, 3, 1, 2], strides=[2, 2], padding=p, use_consistent_padding=ucp)
    for st in ([0, 1], [1, -1], [2], [2, 2, 2]):
        add("strides_form", [1, 4, 4, 1], [3, 3, 1, 2], strides=st, padding=[[1, 1], [1, 1]])
        add("strides_form", [1, 4, 4, 1], [3, 3, 1, 2], "str", strides=st, padding="SAME")
    for dil in ([0, 1], [2], [1, 2, 3]):
        add("rhs_dilation_form", [1, 4, 4, 1], [3, 3, 1, 2], strides=[2, 1], padding=[[1, 1], [0, 0]], rhs_dilation=dil)
    for dn in (("NHWC", "HWIO"), ("NHWC", "HWIO", "NCHW", "X"), ("NHWC", "HWII", "NHWC"), ("NHWC", "HWIO", "NHWD"),
               ("NHW", "HWI", "NHW"), ("NWHC", "HWIO", "NCWH"), ("CHWN", "OHWI", "HWNC")):
        add("dimension_numbers", [2, 3, 4, 1], [3, 2, 1, 2], "str", strides=[2, 1], padding="VALID",
            dimension_numbers=list(dn))
    add("rank", [1, 4, 4, 1], [3, 1, 2], "str", strides=[2, 2], padding="SAME")
    for _ in range(10):
        add("zero_kernel", [1, 3, 3, 1], [r.choice([0, 2]), 2, 1, 1], "str" if r.random() < 0.5 else "tuples",
            strides=[r.randint(1, 2), 1], padding=r.choice(["SAME", "VALID"]), rhs_dilation=[r.randint(1, 2), 1])
        if cases[-1]["padding_form"] == "tuples":
            cases[-1]["args"]["padding"] = [[1, 0], [0, 1]]
    return cases


def run_jax(case):
    import jax.numpy as jnp
    from jax import lax

    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    a = dict(case["args"])
    a["padding"] = jax_padding_arg(a["padding"], case["padding_form"])
    if "dimension_numbers" in a:
        a["dimension_numbers"] = tuple(a["dimension_numbers"])
    try:
        y = lax.conv_transpose(jnp.asarray(x), jnp.asarray(w), **a)
        y = np.asarray(y)
    except Exception as exc:  # noqa: BLE001 - every refusal is recorded
        return {"ok": False, "error": {"type": type(exc).__name__, "message": str(exc),
                                       "core": jax_core_message(exc)}}
    return {"ok": True, "shape": I(list(y.shape)), "values": encode_values(y, case["seed"])}


def gen_flax(r):
    cases = []
    for n in range(N_FLAX):
        i_h, i_w = r.randint(1, 6), r.randint(1, 6)
        kh, kw = r.randint(1, 4), r.randint(1, 4)
        cin, cout = r.randint(1, 3), r.randint(1, 3)
        u = r.random()
        if u < 0.25:
            padding = "SAME"
        elif u < 0.45:
            padding = "VALID"
        elif u < 0.6:
            padding = r.randint(0, 3)
        elif u < 0.75:
            padding = [r.randint(0, 3), r.randint(0, 3)]
        else:
            padding = [[r.randint(-2, 4), r.randint(-2, 4)], [r.randint(-2, 4), r.randint(-2, 4)]]
        tk = r.random() < 0.5
        args = {"features": cout, "kernel_size": [kh, kw], "strides": [r.randint(1, 3), r.randint(1, 3)],
                "padding": padding, "transpose_kernel": tk}
        if r.random() < 0.3:
            args["kernel_dilation"] = [r.randint(1, 3), r.randint(1, 2)]
        use_bias = r.random() < 0.6
        args["use_bias"] = use_bias
        w_shape = [kh, kw, cout, cin] if tk else [kh, kw, cin, cout]
        cases.append({"fn": "flax_conv_transpose", "family": "valid", "seed": r.randrange(2**31),
                      "dtype": "float32", "x_shape": [r.randint(1, 2), i_h, i_w, cin], "w_shape": w_shape,
                      **({"b_shape": [cout]} if use_bias else {}), "args": args})
    return cases


def flax_padding_arg(p):
    if isinstance(p, list):
        return [tuple(v) if isinstance(v, list) else v for v in p]
    return p


def run_flax(case):
    import flax.linen as nn
    import jax.numpy as jnp

    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"], case.get("b_shape"))
    a = dict(case["args"])
    a["padding"] = flax_padding_arg(a["padding"])
    layer = nn.ConvTranspose(**a)
    params = {"kernel": jnp.asarray(w)}
    if b is not None:
        params["bias"] = jnp.asarray(b)
    try:
        y = np.asarray(layer.apply({"params": params}, jnp.asarray(x)))
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": {"type": type(exc).__name__, "message": str(exc),
                                       "core": jax_core_message(exc)}}
    return {"ok": True, "shape": I(list(y.shape)), "values": encode_values(y, case["seed"])}


# ----------------------------------------------------------------------------- ONNX
def onnx_core_message(msg: str) -> str:
    """The sentence a user reads in an onnxruntime / onnx shape-inference error."""
    for marker in ("Status Message: ", "[ShapeInferenceError] "):
        cut = msg.rfind(marker)
        if cut != -1:
            msg = msg[cut + len(marker):]
            break
    return msg.split("\n")[0].strip()


def onnx_model(x_shape, w_shape, b_shape, attrs, elem, op="ConvTranspose"):
    import onnx
    from onnx import TensorProto, helper

    t = TensorProto.DOUBLE if elem == "float64" else TensorProto.FLOAT
    inputs = [helper.make_tensor_value_info("X", t, list(x_shape)), helper.make_tensor_value_info("W", t, list(w_shape))]
    if b_shape is not None:
        inputs.append(helper.make_tensor_value_info("B", t, list(b_shape)))
    node = helper.make_node(op, [v.name for v in inputs], ["Y"], name="convt", **attrs)
    graph = helper.make_graph([node], "g", inputs, [helper.make_tensor_value_info("Y", t, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 22)])
    model.ir_version = 10
    return model, onnx


def spec_inference(model, onnx):
    try:
        inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "message": str(exc), "core": onnx_core_message(str(exc))}
    t = inferred.graph.output[0].type.tensor_type
    if not t.HasField("shape"):
        return {"ok": True, "shape": None}
    return {"ok": True, "shape": [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]}


def run_onnx(case):
    import onnxruntime as ort

    ort.set_default_logger_severity(4)
    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"], case.get("b_shape"))
    model, onnx = onnx_model(case["x_shape"], case["w_shape"], case.get("b_shape"), case["args"], case["dtype"])
    res = {"spec": spec_inference(model, onnx)}
    try:
        sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    except Exception as exc:  # noqa: BLE001
        msg = str(exc)
        res.update(ok=False, error={"type": type(exc).__name__, "stage": "session", "message": msg,
                                    "core": onnx_core_message(msg)})
        return res
    feed = {"X": x, "W": w}
    if b is not None:
        feed["B"] = b
    try:
        y = sess.run(None, feed)[0]
    except Exception as exc:  # noqa: BLE001
        msg = str(exc)
        res.update(ok=False, error={"type": type(exc).__name__, "stage": "run", "message": msg,
                                    "core": onnx_core_message(msg)})
        return res
    res.update(ok=True, shape=I(list(y.shape)), values=encode_values(y, case["seed"]))
    return res


def onnx_case(r, fam, x_shape, w_shape, b_shape=None, **attrs):
    """One float32 ConvTranspose call of family ``fam`` with ``attrs`` (and a bias of ``b_shape``)."""
    case = {"fn": "conv_transpose", "family": fam, "seed": r.randrange(2**31), "dtype": "float32",
            "x_shape": x_shape, "w_shape": w_shape, "args": attrs}
    if b_shape:
        case["b_shape"] = b_shape
    return case


def gen_onnx_edges(r):
    """Corners: several faults at once (the order of the checks), odd attribute forms, big channels."""
    cases = []

    def add(fam, x_shape, w_shape, b_shape=None, **attrs):
        cases.append(onnx_case(r, fam, x_shape, w_shape, b_shape, **attrs))

    faults = {"channels": lambda c: c["w_shape"].__setitem__(0, c["w_shape"][0] + 1),
              "bias": lambda c: c.__setitem__("b_shape", [c["w_shape"][1] * c["args"].get("group", 1) + 1]),
              "kernel_shape": lambda c: c["args"].__setitem__("kernel_shape", [c["w_shape"][2] + 1, c["w_shape"][3]]),
              "output_padding": lambda c: c["args"].__setitem__("output_padding", [3, 0]),
              "output_padding_w": lambda c: c["args"].__setitem__("output_padding", [0, 3]),
              "pads": lambda c: c["args"].__setitem__("pads", [6, 6, 6, 6]),
              "output_shape": lambda c: c["args"].__setitem__("output_shape", [40, 40]),
              "output_shape0": lambda c: c["args"].__setitem__("output_shape", [0, 3]),
              "group": lambda c: c["args"].__setitem__("group", 2)}
    names = sorted(faults)
    for _ in range(60):
        add("order", [1, 3, 3, 3], [3, 1, 2, 2], [1], strides=[2, 2])
        chosen = r.sample(names, r.randint(2, 3))
        for name in chosen:
            faults[name](cases[-1])
        cases[-1]["note"] = "+".join(chosen)
    for attrs in ({"strides": [0, 1]}, {"strides": [2]}, {"dilations": [0, 1]}, {"dilations": [1, 1, 1]},
                  {"pads": [1, 1]}, {"output_padding": [-1, 0]}, {"output_padding": [1]}, {"group": 0},
                  {"output_shape": [-1, 5]}, {"output_shape": [7]}, {"kernel_shape": [3]}, {"kernel_shape": [0, 2]},
                  {"auto_pad": "VALID", "pads": [0, 0, 0, 0]}, {"auto_pad": "SAME_UPPER", "output_shape": [2, 2]},
                  {"auto_pad": "SAME_LOWER", "output_shape": [2, 9], "output_padding": [1, 1], "strides": [2, 2]},
                  {"output_shape": [1, 1], "pads": [1, 1, 1, 1]}, {"output_shape": [3, 3], "strides": [2, 2]}):
        add("attribute_form", [1, 2, 3, 3], [2, 1, 3, 3], **attrs)
    add("bias_rank", [1, 2, 3, 3], [2, 1, 3, 3], [1, 1], strides=[2, 2])
    for _ in range(24):
        i, k, s = r.randint(3, 8), r.randint(1, 4), r.randint(1, 3)
        g = r.choice([1, 2])
        attrs = {"strides": [s, s], "auto_pad": r.choice(AUTO_PADS_LIST)}
        if r.random() < 0.5:
            L = (i - 1) * s + k
            attrs["output_shape"] = [L + r.randint(-3, s - 1), L + r.randint(-3, s - 1)]
        elif attrs["auto_pad"] == "NOTSET":
            attrs["pads"] = [r.randint(0, 2) for _ in range(4)]
        if g > 1:
            attrs["group"] = g
        add("big", [2, 8 * g, i, i + 1], [8 * g, r.choice([8, 16]), k, k], [0] if r.random() < 0.5 else None, **attrs)
        if cases[-1].get("b_shape"):
            cases[-1]["b_shape"] = [cases[-1]["w_shape"][1] * g]
    return cases


AUTO_PADS_LIST = ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"]


def gen_onnx(r):
    cases = []
    for n in range(N_ONNX):
        i_h, i_w = r.randint(1, 6), r.randint(1, 5)
        kh, kw = r.randint(1, 5), r.randint(1, 4)
        s = [r.randint(1, 3), r.randint(1, 3)]
        d = [r.randint(1, 3), r.randint(1, 2)] if r.random() < 0.35 else [1, 1]
        group = r.choice([1, 1, 1, 2, 3])
        cin = group * r.randint(1, 2)
        cout_g = r.randint(1, 2)
        attrs, fam = {}, "valid"
        if s != [1, 1] or r.random() < 0.3:
            attrs["strides"] = list(s)
        if d != [1, 1]:
            attrs["dilations"] = list(d)
        if group != 1:
            attrs["group"] = group
        mode = r.choice(["NOTSET", "NOTSET", None, "SAME_UPPER", "SAME_LOWER", "VALID"])
        if mode is not None:
            attrs["auto_pad"] = mode
        if mode in (None, "NOTSET") and r.random() < 0.6:
            attrs["pads"] = [r.randint(0, 3) for _ in range(4)]
        u = r.random()
        if u < 0.35:
            # output_padding up to and above the stride (and below / at the dilation)
            attrs["output_padding"] = [r.randint(0, max(s[0], d[0])), r.randint(0, s[1])]
        if r.random() < 0.35:
            L = [(i - 1) * st + (k - 1) * dd + 1 for i, k, st, dd in zip((i_h, i_w), (kh, kw), s, d)]
            attrs["output_shape"] = [max(0, L[a] + r.randint(-4, s[a] + 1)) for a in range(2)]
            if r.random() < 0.15:
                attrs["output_shape"] = [1, cout_g * group] + attrs["output_shape"]
        if r.random() < 0.12:
            attrs["kernel_shape"] = [kh, kw] if r.random() < 0.6 else [kh + 1, kw]
        x_shape = [r.randint(1, 2), cin, i_h, i_w]
        w_shape = [cin, cout_g, kh, kw]
        b_shape = [cout_g * group] if r.random() < 0.4 else None
        v = r.random()
        if v < 0.04:
            w_shape[0] += 1
            fam = "channels"
        elif v < 0.07 and b_shape:
            b_shape = [b_shape[0] + 1]
            fam = "bias"
        elif v < 0.10:
            x_shape[1] += 1
            w_shape[0] += 1
            fam = "group"
        elif v < 0.12:
            attrs["pads"] = [r.randint(-2, 2) for _ in range(4)]
            fam = "pads"
        case = {"fn": "conv_transpose", "family": fam, "seed": r.randrange(2**31), "dtype": "float32",
                "x_shape": x_shape, "w_shape": w_shape, "args": attrs}
        if b_shape:
            case["b_shape"] = b_shape
        cases.append(case)
    return cases


def gen_onnx_found(r):
    """Calls where tools/differential_check_nd.py found convt and onnxruntime disagreeing (fixed since):
    ids oxnf####, appended after the others; ``--found-only`` re-records just these."""
    cases = []

    def add(fam, x_shape, w_shape, b_shape=None, **attrs):
        cases.append(onnx_case(r, fam, x_shape, w_shape, b_shape, **attrs))

    # each axis's size is checked before the next axis is computed: axis 0 is too small before axis 1's
    # output_padding (1, below the dilation but not the stride) is refused
    add("order", [2, 1, 1, 2], [1, 2, 1, 2], strides=[3, 1], dilations=[1, 2], pads=[2, 1, 2, 2],
        output_padding=[1, 1])
    add("order", [1, 1, 2, 3], [1, 1, 1, 2], strides=[1, 1], dilations=[1, 2], pads=[3, 0, 0, 0],
        output_padding=[0, 1])
    # 1-D and 3-D nodes (convt covered 2-D only until the differential check compared them)
    add("valid_1d", [2, 2, 5], [2, 3, 3], [3], strides=[2], pads=[1, 0])
    add("valid_1d", [1, 4, 4], [4, 1, 2], [2], strides=[3], auto_pad="SAME_LOWER", group=2, dilations=[2])
    add("valid_1d", [1, 1, 3], [1, 2, 3], strides=[2], output_shape=[8], output_padding=[1])
    add("valid_3d", [1, 2, 2, 3, 2], [2, 2, 2, 1, 2], [2], strides=[2, 1, 3], auto_pad="SAME_UPPER")
    add("valid_3d", [2, 2, 3, 2, 2], [2, 1, 2, 2, 3], strides=[1, 2, 2], pads=[1, 0, 2, 0, 1, 1],
        dilations=[2, 1, 1], output_padding=[0, 1, 1])
    add("too_small", [1, 1, 2, 2, 2], [1, 1, 1, 1, 1], strides=[1, 1, 1], pads=[0, 0, 2, 0, 0, 1])
    add("output_shape", [1, 1, 3], [1, 1, 2], strides=[2], output_shape=[9])
    return cases


def gen_jax_found(r):
    """1-D and 3-D ``lax.conv_transpose`` calls (convt covered 2-D only until the differential check
    compared them): ids jxnf####, appended after the others."""
    cases = []

    def add(fam, x_shape, w_shape, form="str", dtype="float32", **args):
        cases.append({"fn": "conv_transpose", "family": fam, "seed": r.randrange(2**31), "dtype": dtype,
                      "x_shape": x_shape, "w_shape": w_shape, "args": args, "padding_form": form})

    # 1-D: default NHC / HIO / NHC, every padding form, both flags
    add("valid_1d", [2, 5, 3], [3, 3, 2], strides=[2], padding="SAME")
    add("valid_1d", [1, 4, 2], [4, 3, 2], strides=[3], padding="VALID", rhs_dilation=[2], transpose_kernel=True)
    add("valid_1d", [2, 6, 1], [2, 1, 2], "tuples", strides=[2], padding=[[2, -1]])
    add("valid_1d", [1, 5, 2], [3, 2, 2], "tuples", "float64", strides=[3], padding=[[1, 0]],
        use_consistent_padding=True)
    add("valid_1d", [1, 2, 6], [3, 2, 3], strides=[2], padding="SAME",
        dimension_numbers=["NCH", "OIH", "NCH"])
    # 3-D: default NHWDC / HWDIO / NHWDC, channels first, explicit pads, dilation
    add("valid_3d", [1, 3, 2, 4, 2], [2, 3, 2, 2, 3], strides=[2, 1, 3], padding="SAME")
    add("valid_3d", [2, 2, 3, 2, 4], [3, 2, 2, 2, 1], "tuples", strides=[1, 2, 2], padding=[[1, 2], [0, 1], [2, 0]],
        rhs_dilation=[2, 1, 1], dimension_numbers=["NCDHW", "OIDHW", "NCDHW"])
    add("valid_3d", [1, 3, 3, 2, 2], [2, 2, 2, 3, 2], strides=[2, 2, 1], padding="VALID", transpose_kernel=True,
        use_consistent_padding=True, dimension_numbers=["NDHWC", "DHWIO", "NDHWC"])
    # refusals in 1-D / 3-D: pad count, dilation lengths, negative pads, an empty kernel, channels
    add("pads_count", [1, 4, 2], [3, 2, 2], "tuples", strides=[2], padding=[[1, 1], [1, 1]])
    add("strides_len", [1, 3, 3, 3, 1], [2, 2, 2, 1, 1], strides=[2, 2, 2, 1], padding="VALID")
    add("negative_padding", [1, 2, 1], [2, 1, 1], "tuples", strides=[2], padding=[[-3, -2]])
    add("zero_kernel", [1, 3, 3, 3, 1], [2, 0, 2, 1, 1], "tuples", strides=[1, 1, 1], padding=[[0, 0]] * 3)
    add("channels", [1, 4, 3], [2, 2, 2], strides=[1], padding="SAME")
    return cases


def record_onnx_found():
    cases = gen_onnx_found(random.Random(MASTER_SEED + 2))
    for n, c in enumerate(cases):
        c["id"] = f"oxnf{n:04d}"
        c.update(run_onnx(c))
    return cases


def record_jax_found():
    cases = gen_jax_found(random.Random(MASTER_SEED + 3))
    for n, c in enumerate(cases):
        c["id"] = f"jxnf{n:04d}"
    results = run_jax_cases(cases)
    for c in cases:
        c.update(results[c["id"]])
    return cases


# ----------------------------------------------------------------------------- crash-safe JAX runs
def jax_worker():
    """Run the cases read from stdin, one JSON result per line (XLA may abort the process)."""
    import jax

    jax.config.update("jax_enable_x64", True)
    for line in sys.stdin:
        case = json.loads(line)
        print(json.dumps({"start": case["id"]}), flush=True)
        res = run_flax(case) if case["fn"] == "flax_conv_transpose" else run_jax(case)
        print(json.dumps({"id": case["id"], "res": res}), flush=True)


def run_jax_cases(cases):
    """Results by id; a case that kills the process is recorded as ``crashed`` with XLA's fatal line."""
    results, todo = {}, list(cases)
    while todo:
        proc = subprocess.run([sys.executable, __file__, "--jax-worker"], input="".join(
            json.dumps(c) + "\n" for c in todo), capture_output=True, text=True)
        current = None
        for line in proc.stdout.splitlines():
            msg = json.loads(line)
            if "start" in msg:
                current = msg["start"]
            else:
                results[msg["id"]], current = msg["res"], None
        if current is None:
            break
        fatal = next((ln for ln in proc.stderr.splitlines() if "Check failed" in ln), proc.stderr[-300:])
        results[current] = {"ok": False, "crashed": True, "fatal": fatal.strip()}
        todo = [c for c in todo if c["id"] not in results]
    return results


# ----------------------------------------------------------------------------- main
def versions():
    import flax
    import jax
    import jaxlib
    import onnx
    import onnxruntime

    return {"jax": jax.__version__, "jaxlib": jaxlib.__version__, "flax": flax.__version__,
            "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__, "numpy": np.__version__}


def write(name, meta, cases):
    meta = dict(meta, counts={"total": len(cases), "failing": sum(not c["ok"] for c in cases)})
    (GOLDEN / name).write_text(json.dumps({"meta": meta, "cases": cases}, separators=(",", ":")) + "\n")


def main():
    r = random.Random(MASTER_SEED)
    meta = {**versions(), "master_seed": MASTER_SEED, "generator": "tools/fixtures_jax_onnx.py",
            "regenerate": "/work/fwvenv/bin/python tools/fixtures_jax_onnx.py",
            "inputs": "tests/golden/inputs.py: make_inputs(seed, x_shape, w_shape, dtype, b_shape)"}
    jax_cases = gen_jax(r) + gen_flax(r)
    onnx_cases = gen_onnx(r)
    edges = random.Random(MASTER_SEED + 1)       # appended: the cases above keep their ids and seeds
    jax_cases += gen_jax_edges(edges)
    onnx_cases += gen_onnx_edges(edges)
    for n, c in enumerate(jax_cases):
        c["id"] = f"jx{n:04d}"
    results = run_jax_cases(jax_cases)         # x64 on: float64 cases stay float64
    for c in jax_cases:
        c.update(results[c["id"]])
    jax_cases += record_jax_found()
    write("jax_cases.json", {**meta, "x64": True, "core": "tools/fixtures_jax_onnx.py: jax_core_message"}, jax_cases)
    for n, c in enumerate(onnx_cases):
        c["id"] = f"ox{n:04d}"
        c.update(run_onnx(c))
    onnx_cases += record_onnx_found()
    write("onnx_cases.json", {**meta, "opset": 22, "provider": "CPUExecutionProvider",
                              "core": "tools/fixtures_jax_onnx.py: onnx_core_message"}, onnx_cases)
    for name, cs in (("jax", jax_cases), ("onnx", onnx_cases)):
        print(name, len(cs), "cases,", sum(not c["ok"] for c in cs), "refused")


def main_found_only():
    """Re-record only the differential check's cases (jxnf, oxnf) in the existing jax/onnx files."""
    for name, prefix, record in (("jax_cases.json", "jxnf", record_jax_found),
                                 ("onnx_cases.json", "oxnf", record_onnx_found)):
        path = GOLDEN / name
        data = json.loads(path.read_text())
        found = record()
        data["cases"] = [c for c in data["cases"] if not c["id"].startswith(prefix)] + found
        data["meta"]["counts"] = {"total": len(data["cases"]), "failing": sum(not c["ok"] for c in data["cases"])}
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        print(f"{name}: wrote {len(found)} {prefix} cases")


if __name__ == "__main__":
    if "--jax-worker" in sys.argv:
        jax_worker()
    elif "--found-only" in sys.argv:
        main_found_only()
    else:
        main()
