"""``convt.onnx_style`` against onnxruntime 1.32 (CPU) and onnx 1.23's shape inference
(tests/golden/onnx_cases.json, made by ``tools/fixtures_jax_onnx.py``): same verdicts,
onnxruntime's sentence inside the ShapeError, values within 1e-4; ``spec_output_shape`` equal to what
``onnx.shape_inference`` inferred (or its sentence when it refused)."""
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
from convt import onnx_style  # noqa: E402
from convt.frameworks import onnx as rules  # noqa: E402

CASES = select(json.loads((GOLDEN / "onnx_cases.json").read_text())["cases"])
IDS = [f"{c['id']}-{c['family']}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_onnxruntime_fixture(case):
    x, w, b = make_inputs(case["seed"], case["x_shape"], case["w_shape"], case["dtype"], case.get("b_shape"))
    if case["ok"]:
        out = onnx_style.conv_transpose(x, w, b, **case["args"])
        assert list(out.shape) == case["shape"]
        check_values(out, case["values"], case["seed"], atol=1e-4, rtol=1e-4)
    else:
        with pytest.raises(convt.ShapeError) as err:
            onnx_style.conv_transpose(x, w, b, **case["args"])
        assert case["error"]["core"] in str(err.value)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_spec_inference_fixture(case):
    spec = case["spec"]
    if spec["ok"]:
        assert onnx_style.spec_output_shape(case["x_shape"], case["w_shape"], **case["args"]) == spec["shape"]
    else:
        with pytest.raises(convt.ShapeError) as err:
            onnx_style.spec_output_shape(case["x_shape"], case["w_shape"], **case["args"])
        assert spec["core"] in str(err.value)


@settings(max_examples=60, deadline=None)
@given(i=st.integers(1, 6), k=st.integers(1, 4), s=st.integers(1, 3), d=st.integers(1, 2),
       out=st.integers(1, 30), mode=st.sampled_from(rules.AUTO_PADS))
def test_accepted_output_shapes(i, k, s, d, out, mode):
    """output_sizes (the explorer's number line) is exactly what conv_transpose accepts as output_shape."""
    x = np.ones((1, 1, i, 1), np.float32)
    w = np.ones((1, 1, k, 1), np.float32)
    try:
        y = onnx_style.conv_transpose(x, w, auto_pad=mode, strides=[s, 1], dilations=[d, 1], output_shape=[out, 1])
    except convt.ShapeError:
        assert out not in rules.output_sizes(i, k, s, d)
        return
    assert out in rules.output_sizes(i, k, s, d) and y.shape[2] == out


@settings(max_examples=40, deadline=None)
@given(i=st.integers(1, 5), k=st.integers(1, 4), s=st.integers(1, 3), d=st.integers(1, 2),
       p=st.integers(0, 2), op=st.integers(0, 2), g=st.integers(1, 2), seed=st.integers(0, 10_000))
def test_notset_pads_match_pytorch_style(i, k, s, d, p, op, g, seed):
    """Symmetric pads and output_padding < stride: the same numbers as PyTorch's conv_transpose2d."""
    if op >= s or (i - 1) * s + (k - 1) * d + 1 + op - 2 * p < 1:
        return
    x, w, b = make_inputs(seed, (1, 2 * g, i, i), (2 * g, 2, k, k), "float64", (2 * g,))
    y = onnx_style.conv_transpose(x, w, b, strides=[s, s], dilations=[d, d], pads=[p] * 4,
                                  output_padding=[op, op], group=g)
    t = convt.torch_style.conv_transpose2d(x, w, b, stride=s, padding=p, output_padding=op, groups=g, dilation=d)
    np.testing.assert_allclose(y, t, atol=1e-10)


def test_reader_reads_every_recorded_message():
    """The decoder's reader recognises every refusal onnxruntime and onnx's inference printed."""
    for case in CASES:
        if not case["ok"]:
            assert rules.read(case["error"]["message"]) is not None, case["error"]["core"]
    got = rules.read("[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Non-zero status code returned while running "
                     "ConvTranspose node. Name:'ct' Status Message: Explicit output_shape is inconsistent with input "
                     "spatial dimensions and convolution parameters. Expected input size 9 but got 3 "
                     "(output_size=20, kernel=3, stride=2, dilation=1, output_padding=0).")
    assert got["kind"] == "output_shape" and got["facts"]["output_size"] == 20 and got["facts"]["input"] == 3
