"""1-D and 3-D convolutions: replay the fixtures recorded from the REAL TensorFlow 2.21, PyTorch 2.13
and Keras 3.15 (tests/golden/{tf,torch,keras}_nd_cases.json, README_nd.md) through convt's public
API, read every recorded refusal back with ``convt.explain``, and check the kernels' properties.

``CONVT_FIXTURES=dev|holdout`` replays 80 % / the held-out 20 % of the cases (tests/golden/holdout.py).
Asserted per case, as in test_golden.py: the same verdict; failures: ``str(err)`` starts with the
framework's text (TF: the ``core``); successes: same shape, values within 1e-4 (float32) / 1e-9.
TF transposes with dilations > 1 are computed ("beyond TF", ``beyond_tf``): compared with the
recorded values, or with what TF's oneDNN build computed where the tool thought something else
was wrong; otherwise convt must refuse.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

GOLDEN = Path(__file__).resolve().parent / "golden"
sys.path.insert(0, str(GOLDEN))

from holdout import select  # noqa: E402
from inputs import check_values, make_inputs  # noqa: E402

import convt  # noqa: E402
from convt import kernels_nd, tf_style, torch_style  # noqa: E402
from convt.frameworks import keras, tensorflow  # noqa: E402


def _load(name):
    return json.loads((GOLDEN / name).read_text())


TF = _load("tf_nd_cases.json")
TORCH = _load("torch_nd_cases.json")
KERAS = _load("keras_nd_cases.json")
TF_CASES = select(TF["cases"])
TORCH_CASES = select(TORCH["cases"])
KERAS_CASES = select(KERAS["cases"])


def _ids(cases):
    return [f"{c['id']}-{c['fn']}-{c.get('family', '')}" for c in cases]


def _tol(dtype):
    return 1e-4 if dtype == "float32" else 1e-9


def _expect_ok(call, shape, values, seed, dtype):
    try:
        out = call()
    except convt.ShapeError as err:
        pytest.fail(f"convt raised ShapeError but the framework succeeded with shape {shape}:\n  {err}")
    assert list(np.shape(out)) == list(shape)
    check_values(out, values, seed, atol=_tol(dtype))


def _expect_raise(call, prefix):
    try:
        out = call()
    except convt.ShapeError as err:
        assert str(err).startswith(prefix), f"\n  framework: {prefix!r}\n  convt:     {str(err)[:len(prefix) + 80]!r}"
        return
    pytest.fail(f"convt returned shape {np.shape(out)} but the framework raised:\n  {prefix!r}")


# ------------------------------------------------------------------------------------ TensorFlow
def _tf_call(case):
    x, w, _ = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"])
    fn = getattr(tf_style, case["fn"])
    return lambda: fn(x, w, **case["args"])


@pytest.mark.parametrize("case", TF_CASES, ids=_ids(TF_CASES))
def test_tf_nd_golden(case):
    call = _tf_call(case)
    if case["ok"]:
        _expect_ok(call, case["shape"], case["values"], case["seed"], case["dtype"])
        return
    beyond = case.get("beyond_tf")
    if beyond is not None:
        onednn = case.get("onednn", {})
        if beyond["ok"]:
            _expect_ok(call, beyond["shape"], beyond["values"], case["seed"], case["dtype"])
        elif onednn.get("ok"):
            # the tool thought something else was wrong (a dilation on the unit height of a 1-D
            # call); TF's oneDNN build computed it: so does convt
            _expect_ok(call, onednn["shape"], onednn["values"], case["seed"], "float32")
        else:
            with pytest.raises(convt.ShapeError):
                call()
        return
    _expect_raise(call, case["error"]["core"])


@pytest.mark.parametrize("sweep", TF["sweeps"], ids=[f"{s['fn']}-{s['i']}-{s['k']}-{s['s']}-{s['padding']}"
                                                     for s in TF["sweeps"]])
def test_tf_nd_sweep_accepted_sizes(sweep):
    """Every N in 1..upto along W: convt accepts exactly the sizes TF accepted."""
    i, k, s, padding = sweep["i"], sweep["k"], sweep["s"], sweep["padding"]
    got = []
    for n in range(1, sweep["upto"] + 1):
        try:
            if sweep["nd"] == 1:
                tf_style.conv1d_transpose(np.ones((1, i, 1)), np.ones((k, 1, 1)), [1, n, 1], s, padding)
            else:
                tf_style.conv3d_transpose(np.ones((1, 1, 1, i, 1)), np.ones((1, 1, k, 1, 1)),
                                          [1, 1, 1, n, 1], [1, 1, 1, s, 1], padding)
            got.append(n)
        except convt.ShapeError:
            pass
    assert got == sweep["accepted"]


# ------------------------------------------------------------------------------------ PyTorch
def _torch_call(case):
    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"], case.get("b_shape"))
    args = dict(case["args"])
    for key in case.get("tuples", []):
        args[key] = tuple(args[key])
    fn = getattr(torch_style, case["fn"])
    return lambda: fn(x, w, b, **args)


@pytest.mark.parametrize("case", TORCH_CASES, ids=_ids(TORCH_CASES))
def test_torch_nd_golden(case):
    call = _torch_call(case)
    if case["ok"]:
        _expect_ok(call, case["shape"], case["values"], case["seed"], case["dtype"])
    else:
        _expect_raise(call, case["error"]["message"])


# ------------------------------------------------------------------------------------ Keras
KERAS_BUILT = [c for c in KERAS_CASES if c["constructed"]]
KERAS_REFUSED = [c for c in KERAS_CASES if not c["constructed"]]


@pytest.mark.parametrize("case", KERAS_BUILT, ids=[c["id"] for c in KERAS_BUILT])
def test_keras_nd_output_size(case):
    got = keras.output_size(case["i"], case["k"], case["s"], case["d"], case["padding"], case["output_padding"])
    channels_first = case.get("data_format") == "channels_first"
    spatial = case["output_shape"][2:] if channels_first else case["output_shape"][1:-1]
    assert spatial == [got] * case["nd"]
    keras.check_layer(case["s"], case["d"], case["output_padding"], case["nd"], case["padding"])


@pytest.mark.parametrize("case", KERAS_BUILT, ids=[c["id"] for c in KERAS_BUILT])
def test_keras_nd_run_on_tf_backend(case):
    """The layer calls tf.nn.conv{1,3}d_transpose with the size it chose: the same verdict and text
    through convt.tf_style (dilations > 1: TF's CPU refusal, which convt goes beyond: TF's size rule)."""
    nd, i, k, s, d = case["nd"], case["i"], case["k"], case["s"], case["d"]
    n = case["output_shape"][2 if case.get("data_format") == "channels_first" else 1]
    fmt = "NCW" if nd == 1 else "NCDHW"
    channels_first = case.get("data_format") == "channels_first"
    x = np.ones((1, 3) + (i,) * nd if channels_first else (1,) + (i,) * nd + (3,), dtype="float32")
    w = np.ones((k,) * nd + (2, 3), dtype="float32")
    out_shape = [1, 2] + [n] * nd if channels_first else [1] + [n] * nd + [2]
    fn = tf_style.conv1d_transpose if nd == 1 else tf_style.conv3d_transpose
    kwargs = dict(data_format=fmt) if channels_first else {}

    def call():
        return fn(x, w, out_shape, s, case["padding"].upper(), dilations=d, **kwargs)
    if case["ran"]:
        assert list(np.shape(call())) == case["run_shape"]
        return
    core = case["run_error"]["core"]
    if d > 1 and "dilation rates larger than 1" in core:
        fits = n in tensorflow.valid_output_sizes(i, k, s, d, case["padding"].upper())
        if fits:
            assert list(np.shape(call())) == out_shape
        else:
            with pytest.raises(convt.ShapeError, match="Size of out_backprop doesn't match computed"):
                call()
        return
    _expect_raise(call, core)


@pytest.mark.parametrize("case", KERAS_REFUSED, ids=[c["id"] for c in KERAS_REFUSED])
def test_keras_nd_constructor_messages(case):
    with pytest.raises(convt.ShapeError) as err:
        keras.check_layer(case["s"], case["d"], case["output_padding"], case["nd"], case["padding"])
    assert str(err.value).startswith(case["error"]["message"])
    assert convt.explain(case["error"]["message"]).framework == "keras"


# ------------------------------------------------------------------------------------ explain
TF_REFUSED = [c for c in TF_CASES if not c["ok"]]
TORCH_REFUSED = [c for c in TORCH_CASES if not c["ok"]]


def _tf_conv_out(n, k, s, d, kind):
    num = n - ((k - 1) * d + 1) + s if kind == "VALID" else n + s - 1
    return abs(num) // s * (1 if num >= 0 else -1)


@pytest.mark.parametrize("case", TF_REFUSED, ids=_ids(TF_REFUSED))
@pytest.mark.parametrize("form", ["message", "core"])
def test_explain_tf_nd(case, form):
    d = convt.explain(case["error"][form])
    assert d.framework == "tensorflow" and d.kind != "unknown" and d.text
    core = case["error"]["core"]
    if "Size of out_backprop" not in core or "accepted" not in case:
        return
    nd = len(case["x_shape"]) - 2
    facts = d.facts
    assert facts["actual"] == int(core.split("actual = ")[1].split(",")[0])
    sd = case["accepted"]["spatial_dim"]
    assert len(d.valid_output_sizes) == (3 if nd == 3 else 2)
    axis = sd - 1 if nd == 3 else 1                      # 1-D: the width of the 2-D op it runs
    assert all(v is None for j, v in enumerate(d.valid_output_sizes) if j != axis)
    got = d.valid_output_sizes[axis]
    n, k, s, dil, i = (facts[name] for name in ("input", "filter", "stride", "dilation", "actual"))
    fits = [p for p in ("SAME", "VALID") if _tf_conv_out(n, k, s, dil, p) == facts["computed"]]
    accepted, upto = case["accepted"]["sizes"], case["accepted"]["upto"]
    if fits == [case["args"]["padding"]]:
        assert d.padding == fits[0] and [v for v in got if v <= upto] == accepted
    elif got is not None:
        assert [v for v in got if v <= upto] == accepted


def test_explain_tf_1d_names_its_length():
    core = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 24 "
            "spatial_dim: 2 input: 48 filter: 2 output: 25 stride: 2 dilation: 1")
    d = convt.explain("Exception encountered when calling Conv1DTranspose.call().\n\n" + core)
    assert d.framework == "keras" and d.valid_output_sizes == ([49, 50],) and "length" in d.text
    core = core.replace("filter: 2", "filter: 3")                        # only SAME gives 24 now
    d = convt.explain("tf.nn.conv1d_transpose raised " + core)
    assert d.framework == "tensorflow" and d.valid_output_sizes == ([49, 50],) and d.padding == "SAME"
    assert convt.explain(core).valid_output_sizes == (None, [49, 50])       # 2-D reading


def test_explain_tf_1d_single_value_output_shape():
    """``output_shape=[W]`` becomes ``[W, 1]``: the message is about the unit height (tfnd0191)."""
    core = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 1, computed = 6 "
            "spatial_dim: 1 input: 6 filter: 1 output: 1 stride: 1 dilation: 1")
    d = convt.explain("conv1d_transpose: " + core)
    assert d.framework == "tensorflow" and "[6, 1]" in d.text and any("[batch, 6" in f for f in d.fixes)


def test_explain_tf_3d_size_mismatch():
    core = ("Conv3DBackpropInputOp: Size of out_backprop doesn't match computed: actual = 5, computed = 7 "
            "spatial_dim: 3 input: 13 filter: 3 output: 5 stride: 2 dilation: 1")
    d = convt.explain(core)
    assert d.framework == "tensorflow" and d.kind == "tf_size_mismatch" and d.padding == "SAME"
    assert d.valid_output_sizes == (None, None, [9, 10]) and "width" in d.text


@pytest.mark.parametrize("case", TORCH_REFUSED, ids=_ids(TORCH_REFUSED))
def test_explain_torch_nd(case):
    message = case["error"]["message"]
    d = convt.explain(message)
    assert d.framework == "pytorch" and d.kind != "unknown" and d.text
    if message.startswith("requested an output size") and case["family"] != "order":
        nd = 1 if "1d" in case["fn"] else 3
        mins = json.loads(message.split("range from ")[1].split(" to ")[0])
        maxs = json.loads(message.split(" to ")[1].split(" (for")[0])
        assert len(d.valid_output_sizes) == nd
        for j in range(nd):
            expected = [v for v in range(mins[j], maxs[j] + 1) if v >= 1]
            assert d.valid_output_sizes[j] in (expected, [])


def test_explain_torch_1d_unit_height():
    d = convt.explain("output padding must be smaller than either stride or dilation, but got "
                      "output_padding_height: 0 output_padding_width: 3 stride_height: 1 stride_width: 2 "
                      "dilation_height: 1 dilation_width: 1")
    assert d.kind == "torch_output_padding" and "conv_transpose1d" in d.text and "(0, 1)" in d.fixes[0]
    d = convt.explain("Given input size per channel: (2 x 1 x 1). Calculated output size per channel: "
                      "(-4 x -5 x -5). Output size is too small")
    assert d.facts["input_depth"] == 2 and d.facts["output_width"] == -5
    d = convt.explain("Calculated padded input size per channel: (3). Kernel size: (4). Kernel size can't "
                      "be greater than actual input size")
    assert d.kind == "torch_kernel_too_large" and d.facts == {"input_length": 3, "kernel_length": 4}


# ------------------------------------------------------------------------------------ properties
def _naive_transpose(dy, w, s, d, p, out):
    """The canonical model, one axis at a time: scatter each input cell's kernel, then the window."""
    nd = dy.ndim - 2
    full = [(dy.shape[1 + a] - 1) * s[a] + (w.shape[a] - 1) * d[a] + 1 for a in range(nd)]
    big = np.zeros((dy.shape[0],) + tuple(max(f, p[a] + out[a]) for a, f in enumerate(full)) + (w.shape[-2],))
    for idx in np.ndindex(*dy.shape[1:-1]):
        for tap in np.ndindex(*w.shape[:nd]):
            pos = tuple(idx[a] * s[a] + tap[a] * d[a] for a in range(nd))
            big[(slice(None),) + pos] += dy[(slice(None),) + idx] @ w[tap].T
    return big[(slice(None),) + tuple(slice(p[a], p[a] + out[a]) for a in range(nd))]


geometry = st.tuples(st.integers(1, 5), st.integers(1, 4), st.integers(1, 3), st.integers(1, 2))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([1, 3]), st.lists(geometry, min_size=3, max_size=3), st.integers(0, 2 ** 31 - 1),
       st.sampled_from(["float32", "float64"]))
def test_kernels_nd_match_the_canonical_model_and_are_adjoint(nd, geo, seed, dtype):
    rng = np.random.default_rng(seed)
    i, k, s, d = zip(*geo[:nd])
    p = [int(rng.integers(0, (k[a] - 1) * d[a] + 1)) for a in range(nd)]
    full = [(i[a] - 1) * s[a] + (k[a] - 1) * d[a] + 1 for a in range(nd)]
    out = [max(1, full[a] - 2 * p[a] + int(rng.integers(0, s[a]))) for a in range(nd)]
    dy = rng.standard_normal((2,) + i + (3,)).astype(dtype)
    w = rng.standard_normal(k + (2, 3)).astype(dtype)
    got = kernels_nd.conv_transpose(dy, w, s, d, p, out)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, _naive_transpose(dy.astype(float), w.astype(float), s, d, p, out),
                               atol=1e-4 if dtype == "float32" else 1e-10)
    x = rng.standard_normal(got.shape).astype(dtype)
    forward = kernels_nd.conv_forward(x, w, s, d, p, i)           # C x, back onto dy's shape
    assert np.isclose(float(np.vdot(forward.astype(float), dy)), float(np.vdot(x.astype(float), got)),
                      rtol=1e-4 if dtype == "float32" else 1e-10)


@settings(max_examples=40, deadline=None)
@given(geometry, st.integers(0, 2), st.integers(1, 2), st.integers(0, 2 ** 31 - 1))
def test_torch_1d_is_2d_on_a_unit_height(geo, pad, groups, seed):
    i, k, s, d = geo
    pad = min(pad, ((k - 1) * d) // 2)
    op = int(np.random.default_rng(seed).integers(0, max(s, d)))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, 2 * groups, i))
    w = rng.standard_normal((2 * groups, 2, k))
    b = rng.standard_normal(2 * groups)
    one = torch_style.conv_transpose1d(x, w, b, s, pad, op, groups, d)
    two = torch_style.conv_transpose2d(x[:, :, None], w[:, :, None], b, (1, s), (0, pad), (0, op), groups, (1, d))
    np.testing.assert_allclose(one, two[:, :, 0], atol=1e-12)
    wf = rng.standard_normal((3, 2 * groups, k))
    f1 = torch_style.conv1d(one, wf, None, s, pad, d)
    f2 = torch_style.conv2d(two, wf[:, :, None], None, (1, s), (0, pad), (1, d))
    np.testing.assert_allclose(f1, f2[:, :, 0], atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.lists(geometry, min_size=3, max_size=3), st.sampled_from(["SAME", "VALID"]), st.integers(0, 2 ** 31 - 1))
def test_tf_3d_separable_is_the_product_of_1d(geo, padding, seed):
    """A separable input and kernel (one channel each): the 3-D transpose is the outer product of
    three 1-D transposes, each with TF's own window (TF SAME's uneven crop included)."""
    rng = np.random.default_rng(seed)
    factors, outs = [], []
    for i, k, s, _ in geo:
        n = (i - 1) * s + 1 if padding == "SAME" else (i - 1) * s + k
        n += int(rng.integers(0, s))
        u, v = rng.standard_normal(i), rng.standard_normal(k)
        factors.append(tf_style.conv1d_transpose(u[None, :, None], v[:, None, None], [1, n, 1], s, padding)[0, :, 0])
        outs.append((u, v, n, s))
    x = np.einsum("a,b,c->abc", *(o[0] for o in outs))[None, ..., None]
    w = np.einsum("a,b,c->abc", *(o[1] for o in outs))[..., None, None]
    got = tf_style.conv3d_transpose(x, w, [1] + [o[2] for o in outs] + [1], [o[3] for o in outs], padding)
    np.testing.assert_allclose(got[0, ..., 0], np.einsum("a,b,c->abc", *factors), atol=1e-10)


def test_kernels_nd_without_jit():
    """The kernels are plain Python under NUMBA_DISABLE_JIT=1 (the coverage run) and agree."""
    code = ("import numpy as np; from convt import kernels_nd as k; r = np.random.default_rng(1); "
            "dy = r.standard_normal((1, 2, 3, 2, 2)); w = r.standard_normal((2, 2, 3, 1, 2)); "
            "print(float(k.conv_transpose(dy, w, (2, 1, 2), (1, 2, 1), (1, 0, 1), (3, 6, 4)).sum())); "
            "print(float(k.conv_forward(r.standard_normal((1, 5, 2)), r.standard_normal((3, 2, 2)), (2,), (1,), (1,), (3,)).sum()))")
    env = dict(os.environ, NUMBA_DISABLE_JIT="1", PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    env.pop("NUMBA_DISABLE_JIT")
    jitted = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert np.allclose([float(v) for v in plain.stdout.split()], [float(v) for v in jitted.stdout.split()])
