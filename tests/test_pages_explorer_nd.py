"""AppTest: the shape explorer's dimension choice — 1-D and 3-D links, the control, the depth
inputs, the 3-D slices, JAX / ONNX said plainly to be 2-D only, and a bad ``nd`` value."""
import pytest

from test_pages_explorer import _fresh_caches, explorer, texts  # noqa: F401  (the fixture, the helpers)


def test_1d_link_shows_the_1d_messages():
    at = explorer(nd="1")
    assert not at.exception and at.radio(key="ex_nd").value == 1
    body = texts(at)
    assert "tf.nn.conv1d_transpose" in body and "spatial_dim: 2" in body
    assert "ConvTranspose1d" in body and "valid sizes range from [73] to [75]" in body
    assert "Conv1DTranspose" in body and "torch.nn.ConvTranspose1d" in body
    assert at.number_input(key="ex_in").label.startswith("Input length")
    assert dict(at.query_params)["nd"] == "1"


def test_3d_link_shows_axes_and_slices():
    at = explorer(nd="3", ind="10", outd="34", **{"in": "25", "out": "75"})
    assert not at.exception
    body = texts(at)
    assert "Conv3DBackpropInputOp" in body and "spatial_dim: 1" in body
    assert "depth: input 10 → output 34: ceil(34 / 3) = 12 ≠ 10" in body and "width: input 25 → output 75" in body
    captions = [img.proto.imgs[0].caption for img in at.get("image")]
    assert any(c.startswith("Depth slices") for c in captions)
    assert at.number_input(key="ex_ind").value == 10


def test_choosing_3d_then_1d_keeps_the_sizes_and_writes_the_link():
    at = explorer()
    at.radio(key="ex_nd").set_value(3).run()
    assert not at.exception and at.query_params["nd"] == "3"
    assert "Conv3DBackpropInputOp" in texts(at)
    at.radio(key="ex_nd").set_value(1).run()
    assert not at.exception and at.query_params["nd"] == "1"
    assert at.number_input(key="ex_in").value == 25
    at.radio(key="ex_nd").set_value(2).run()
    assert "nd" not in dict(at.query_params)


def test_depth_toggle_in_3d():
    at = explorer(nd="3")
    at.toggle(key="ex_rect").set_value(True).run()
    at.number_input(key="ex_ind").set_value(7).run()
    at.number_input(key="ex_outd").set_value(21).run()
    assert not at.exception
    assert at.query_params["ind"] == "7" and at.query_params["outd"] == "21"
    assert "depth: input 7 → output 21" in texts(at)


@pytest.mark.parametrize("fw", ["jax", "onnx"])
def test_jax_onnx_say_2d_only(fw):
    at = explorer(nd="1", fw=fw)
    assert not at.exception
    assert "2-D only" in texts(at)


def test_bad_nd_is_a_note():
    at = explorer(nd="4")
    assert not at.exception and at.radio(key="ex_nd").value == 2
    assert any("nd" in w.value or "dimensions" in w.value for w in at.warning)
