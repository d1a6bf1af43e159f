"""explain() on every refusal JAX 0.10.2 / onnxruntime 1.32.0 / onnx 1.23.2 recorded (tests/golden)."""
import json
import pathlib

import pytest

import convt
from convt import explain
from convt.diagnosis import Framework, Geometry
from convt.frameworks import jax, onnx
from ui.links import explorer_link

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"


def _messages(name):
    cases = json.loads((GOLDEN / f"{name}_cases.json").read_text())["cases"]
    for case in cases:
        for source in (case.get("error"), case.get("spec")):
            if source and source.get("message"):
                yield case, source["message"]


JAX = list(_messages("jax"))
ONNX = list(_messages("onnx"))


def test_the_fixtures_hold_many_refusals():
    assert len(JAX) > 100 and len(ONNX) > 400


@pytest.mark.parametrize("framework, messages, module", [(Framework.JAX, JAX, jax), (Framework.ONNX, ONNX, onnx)])
def test_every_recorded_refusal_is_recognised_as_its_framework(framework, messages, module):
    for _case, message in messages:
        d = explain(message)
        assert d.framework == framework, message
        assert d.kind == module.read(message)["kind"], message
        assert d.text and all(isinstance(v, int) for v in d.facts.values()), message


def test_the_packages_are_exported():
    assert convt.jax_style.conv_transpose and convt.onnx_style.conv_transpose


def test_onnx_output_shape_refusal_lists_the_sizes_onnxruntime_accepts_and_a_fix():
    seen = 0
    for case, message in ONNX:
        d = explain(message)
        if d.kind != "output_shape" or "Expected input size" not in message:
            continue
        f = d.facts
        sizes = d.valid_output_sizes[0]
        assert f["output_size"] not in sizes
        assert sizes == list(onnx.output_sizes(f["input"], f["kernel"], f["stride"], f["dilation"],
                                               f["output_padding"]))
        if sizes:
            assert d.geometry.framework == Framework.ONNX and d.geometry.output == f["output_size"]
            assert explorer_link(d)["fw"] == "onnx"
        seen += 1
    assert seen >= 20


def test_jax_negative_padding_names_the_axis_that_is_cropped_away():
    message = jax.negative_padding([(-9, 0), (0, 0)], ["np.int64(5)", "np.int64(5)"])
    d = explain(message)
    assert (d.framework, d.kind) == (Framework.JAX, "negative_padding")
    assert d.facts["dilated_h"] == 5 and "leave -4" in d.text and "use_consistent_padding" in d.text
    assert d.fixes


def test_jax_channel_mismatch_explains_transpose_kernel():
    d = explain(jax.feature_mismatch(3, 5))
    assert d.facts == {"lhs_features": 3, "feature_group_count": 1, "rhs_in_features": 5}
    assert "transpose_kernel" in d.text and d.geometry == Geometry()


@pytest.mark.parametrize("text, title", [("jax._src.errors: something new", "JAX"),
                                         ("[ONNXRuntimeError] : 1 : FAIL : unknown", "ONNX")])
def test_an_unknown_message_of_a_new_framework_is_named_but_not_recognised(text, title):
    d = explain(text)
    assert d.framework is None and f"looks like a {title} message" in d.text
