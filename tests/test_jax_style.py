"""``convt.jax_style`` against real JAX 0.10 / Flax 0.12 (tests/golden/jax_cases.json, made by
``tools/fixtures_jax_onnx.py``): same verdicts, JAX's sentence inside the ShapeError, values within
1e-4 (float32) / 1e-9 (float64). Plus properties of the shape rules against the kernel."""
from __future__ import annotations

import json
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
from convt import jax_style  # noqa: E402
from convt.frameworks import jax as rules  # noqa: E402

CASES = select(json.loads((GOLDEN / "jax_cases.json").read_text())["cases"])


def _padding(padding, form):
    if form == "tuples":
        return [tuple(p) for p in padding]
    return padding


def _call(case):
    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"], case.get("b_shape"))
    a = dict(case["args"])
    if case["fn"] == "flax_conv_transpose":
        p = a["padding"]
        p = [tuple(v) if isinstance(v, list) else v for v in p] if isinstance(p, list) else p
        return jax_style.flax_conv_transpose(x, w, b, a["strides"], p, a.get("kernel_dilation"),
                                             a["transpose_kernel"])
    a["padding"] = _padding(a["padding"], case["padding_form"])
    return jax_style.conv_transpose(x, w, **a)


RUNS = [c for c in CASES if not c.get("crashed")]
CRASHES = [c for c in CASES if c.get("crashed")]


@pytest.mark.parametrize("case", RUNS, ids=[f"{c['id']}-{c['family']}" for c in RUNS])
def test_jax_fixture(case):
    if case["ok"]:
        out = _call(case)
        assert list(out.shape) == case["shape"]
        check_values(out, case["values"], case["seed"], atol=1e-4 if case["dtype"] == "float32" else 1e-9,
                     rtol=1e-4)
    else:
        with pytest.raises(convt.ShapeError) as err:
            _call(case)
        assert case["error"]["core"] in str(err.value)


@pytest.mark.parametrize("case", CRASHES, ids=[c["id"] for c in CRASHES])
def test_calls_that_abort_xla_are_computed_by_the_arithmetic(case):
    """Where XLA aborts the whole process (a CHECK failure), convt computes what the rule defines."""
    out = _call(case)
    a = case["args"]
    pads = [tuple(p) for p in a["padding"]]
    for axis in range(2):
        k = case["w_shape"][axis]
        want = rules.output_size(case["x_shape"][1 + axis], k, a["strides"][axis], pads[axis], 1,
                                 a.get("use_consistent_padding", False))
        assert out.shape[1 + axis] == want


@settings(max_examples=60, deadline=None)
@given(i=st.integers(1, 6), k=st.integers(1, 5), s=st.integers(1, 3), d=st.integers(1, 3),
       lo=st.integers(-3, 4), hi=st.integers(-3, 4), ucp=st.booleans(), mode=st.sampled_from(["SAME", "VALID", "pairs"]))
def test_shape_rule_matches_values(i, k, s, d, lo, hi, ucp, mode):
    """output_size (the explorer's rule) is the size conv_transpose returns, whenever JAX accepts."""
    padding = mode if mode != "pairs" else [(lo, hi), (0, 0)]
    x = np.ones((1, i, 2, 1), np.float32)
    w = np.ones((k, 1, 1, 1), np.float32)
    try:
        y = jax_style.conv_transpose(x, w, (s, 1), padding, (d, 1), use_consistent_padding=ucp)
    except convt.ShapeError:
        return
    want = rules.output_size(i, k, s, mode if mode != "pairs" else (lo, hi), d, ucp)
    assert y.shape[1] == want


@settings(max_examples=40, deadline=None)
@given(i=st.integers(1, 5), k=st.integers(1, 4), s=st.integers(1, 3), d=st.integers(1, 2),
       p=st.integers(0, 2), seed=st.integers(0, 10_000))
def test_transpose_kernel_matches_pytorch_style(i, k, s, d, p, seed):
    """transpose_kernel=True with use_consistent_padding=True is PyTorch's conv_transpose2d with padding p."""
    x, w, _ = make_inputs(seed, (1, i, i, 2), (k, k, 3, 2), "float64")
    k_eff = (k - 1) * d + 1
    if (i - 1) * s + k_eff - 2 * p < 1:
        return
    y = jax_style.conv_transpose(x, w, (s, s), ((p, p), (p, p)), (d, d), transpose_kernel=True,
                                 use_consistent_padding=True)
    t = convt.torch_style.conv_transpose2d(x.transpose(0, 3, 1, 2), w.transpose(3, 2, 0, 1), stride=s, padding=p,
                                           dilation=d)
    np.testing.assert_allclose(y, t.transpose(0, 2, 3, 1), atol=1e-10)


def test_reader_reads_every_recorded_shape_message():
    """The decoder's reader recognises JAX's messages (dimension_numbers typos are not shape errors)."""
    for case in CASES:
        if not case["ok"] and "error" in case and case["family"] not in ("dimension_numbers", "rank"):
            assert rules.read(case["error"]["message"]) is not None, case["error"]["core"]
    got = rules.read("Negative padding is larger than the size of the corresponding dimension: got "
                     "padding=((-3, -3), (-3, 2)) for lhs_shape[2:]=(np.int64(5), np.int64(1))")
    assert got == {"kind": "negative_padding", "facts": {"pad_lo_h": -3, "pad_hi_h": -3, "pad_lo_w": -3,
                                                         "pad_hi_w": 2, "dilated_h": 5, "dilated_w": 1}}
