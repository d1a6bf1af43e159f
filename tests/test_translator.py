"""lab.translator: on random layers the six versions (TF, Keras, PyTorch, JAX, Flax, ONNX) agree with
the canonical transposed conv, each run through convt's own adapter of that framework."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import onnx_style
from lab.translator import Layer, PADDINGS, TARGETS, checked, example_arrays, reference, translate


@settings(max_examples=120, deadline=None)
@given(size=st.integers(1, 6), c_in=st.integers(1, 4), c_out=st.integers(1, 4), kernel=st.integers(1, 5),
       stride=st.integers(1, 4), dilation=st.integers(1, 3), padding=st.sampled_from(PADDINGS),
       pb=st.integers(0, 4), pa=st.integers(0, 4), op=st.integers(0, 3), groups=st.integers(1, 4))
def test_on_random_layers_every_version_agrees(size, c_in, c_out, kernel, stride, dilation, padding, pb, pa,
                                                op, groups):
    layer = Layer(size, c_in, c_out, kernel, stride, padding, pb, pa, dilation, op, groups)
    result = translate(layer)
    assert len(result.translations) == len(TARGETS) == 6
    for t in result.translations:
        assert t.shape == result.reference_shape, t.framework
        assert t.agrees, (t.framework, t.max_diff)
    start, n = result.layer.window
    assert result.reference_shape == (1, result.layer.c_out, n, n)


def test_the_reference_is_a_real_transposed_conv_not_zeros():
    layer = Layer(size=3, c_in=1, c_out=1, kernel=2, stride=2, padding="VALID")
    x, w = example_arrays(layer)
    y = reference(layer, x, w)
    assert y.shape == (1, 1, 6, 6)
    assert np.allclose(y[0, 0, :2, :2], x[0, 0, 0, 0] * w[0, 0])   # stride = kernel: each input stamps W


def test_same_is_input_times_stride_with_tf_split():
    layer = Layer(size=5, kernel=4, stride=2, padding="SAME")
    assert layer.full == 12 and layer.window == (1, 10)


def test_pytorch_says_same_through_padding_and_output_padding_when_it_can():
    t = translate(Layer(size=5, kernel=4, stride=2, padding="SAME")).translations[2]
    assert "padding=1, output_padding=0" in t.padding and "crop" not in t.padding
    t = translate(Layer(size=5, kernel=3, stride=2, padding="SAME")).translations[2]
    assert "then crop to 10" in t.padding and "no padding='same'" in t.flags[0]


def test_onnx_same_needs_output_shape_when_the_kernel_is_smaller_than_the_stride():
    result = translate(Layer(size=3, c_in=1, c_out=1, kernel=2, stride=3, padding="SAME"))
    t = result.translations[5]
    assert "output_shape=[9, 9]" in t.code and any("gives 8 in onnxruntime" in f for f in t.flags)
    x, w = example_arrays(result.layer)
    assert onnx_style.conv_transpose(x, w, auto_pad="SAME_UPPER", strides=[3, 3]).shape[2:] == (8, 8)


def test_jax_notes_when_its_named_padding_is_the_same_window():
    said = translate(Layer(size=4, kernel=4, stride=2, padding="SAME")).translations[3].padding
    assert "padding='SAME' is the same here" in said
    said = translate(Layer(size=4, kernel=3, stride=2, padding="EXPLICIT", pad_before=1, pad_after=1)).translations[3]
    assert "padding=((1, 1), (1, 1))" in said.code


@pytest.mark.parametrize("layer, note", [
    (Layer(c_in=3, c_out=2, groups=2), "groups=2 must divide"),
    (Layer(padding="SAME", output_padding=1), "output_padding is not used"),
    (Layer(padding="VALID", stride=2, output_padding=3), "using 1"),
    (Layer(size=1, kernel=1, stride=1, padding="EXPLICIT", pad_before=1, pad_after=0), "no output"),
])
def test_combinations_no_framework_takes_become_notes(layer, note):
    fixed, notes = checked(layer)
    assert any(note in n for n in notes)
    assert translate(layer).agree and fixed.window[1] >= 1
