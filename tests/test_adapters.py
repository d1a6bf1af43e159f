"""The public API's argument handling: garbage is a ShapeError, framework styles agree with each other."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import convt
from convt import tf_style, torch_style

SEED_X = np.arange(3 * 25 * 25 * 2, dtype=np.float32).reshape(3, 25, 25, 2) % 7
SEED_W = np.ones((3, 3, 4, 2), np.float32)

garbage = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8), st.binary(max_size=8),
    st.lists(st.one_of(st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=2)), max_size=5),
    st.lists(st.lists(st.integers(-3, 3), max_size=3), max_size=5),
)


def test_seed_failure_starts_with_tf_text_and_explains():
    with pytest.raises(convt.ShapeError) as info:
        tf_style.conv2d_transpose(SEED_X, SEED_W, [3, 97, 97, 4], [1, 3, 3, 1], "SAME")
    text = str(info.value)
    assert text.startswith("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: "
                           "actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3 output: 25 "
                           "stride: 3 dilation: 1")
    assert "ceil(97 / 3) = 33" in text and "73, 74, 75" in text
    assert isinstance(info.value, ValueError)


def test_width_only_mismatch_reports_spatial_dim_2():
    with pytest.raises(convt.ShapeError, match="spatial_dim: 2 input: 50"):
        tf_style.conv2d_transpose(SEED_X, SEED_W, [3, 75, 50, 4], 3, "SAME")


@settings(max_examples=150, deadline=None)
@given(strides=garbage, padding=garbage, output_shape=garbage, dilations=garbage)
def test_tf_garbage_arguments_raise_shape_error_only(strides, padding, output_shape, dilations):
    try:
        out = tf_style.conv2d_transpose(SEED_X[:1, :4, :4], SEED_W, output_shape, strides, padding,
                                        dilations=dilations)
    except convt.ShapeError as err:
        assert str(err)
    else:
        assert out.shape[0] == 1 and out.shape[3] == 4


@settings(max_examples=150, deadline=None)
@given(stride=garbage, padding=garbage, output_padding=garbage, groups=garbage, output_size=garbage)
def test_torch_garbage_arguments_raise_shape_error_only(stride, padding, output_padding, groups, output_size):
    x = np.ones((1, 2, 4, 4), np.float32)
    w = np.ones((2, 3, 3, 3), np.float32)
    try:
        out = torch_style.conv_transpose2d(x, w, stride=stride, padding=padding, output_padding=output_padding,
                                           groups=groups, output_size=output_size)
    except convt.ShapeError as err:
        assert str(err)
    else:
        assert out.ndim == 4 and out.shape[:2] == (1, 3 * (out.shape[1] // 3))


@pytest.mark.parametrize("bad_input", [np.ones((4, 4)), np.ones((1, 1, 4, 4, 1)), [[1, 2], [3]], "abc",
                                       np.array(["a"]), np.ones((1, 4, 4, 2), dtype=bool)])
def test_bad_tensors_are_shape_errors(bad_input):
    with pytest.raises(convt.ShapeError):
        tf_style.conv2d_transpose(bad_input, SEED_W, [1, 8, 8, 4], 2, "SAME")
    with pytest.raises(convt.ShapeError):
        torch_style.conv_transpose2d(bad_input, np.ones((2, 3, 3, 3)))


@settings(max_examples=60, deadline=None)
@given(i=st.integers(1, 6), k=st.integers(1, 4), s=st.integers(1, 3), p=st.integers(0, 2),
       op=st.integers(0, 2), d=st.integers(1, 2), seed=st.integers(0, 1000))
def test_tf_explicit_padding_equals_torch_padding(i, k, s, p, op, d, seed):
    """One model: TF with explicit [p, p] and torch with padding p compute the same numbers."""
    op = op % max(s, d)
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, (1, 2, i, i)).astype(np.float64)
    w = rng.integers(-3, 4, (2, 3, k, k)).astype(np.float64)
    try:
        expected = torch_style.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op, dilation=d)
    except convt.ShapeError:
        return  # output too small for this padding
    n = expected.shape[2]
    try:
        got = tf_style.conv2d_transpose(x.transpose(0, 2, 3, 1), w.transpose(2, 3, 1, 0), [1, n, n, 3], s,
                                        [[0, 0], [p, p], [p, p], [0, 0]], dilations=d)
    except convt.ShapeError:
        # torch's op may reach past what TF's forward check accepts only when d > s
        assert d > s
        return
    np.testing.assert_array_equal(got.transpose(0, 3, 1, 2), expected)


def test_tf_conv2d_transpose_is_the_adjoint_of_conv2d():
    rng = np.random.default_rng(0)
    x = rng.integers(-3, 4, (2, 9, 8, 3)).astype(np.float64)
    w = rng.integers(-3, 4, (3, 2, 3, 5)).astype(np.float64)
    y = tf_style.conv2d(x, w, 2, "SAME")
    g = rng.integers(-3, 4, y.shape).astype(np.float64)
    back = tf_style.conv2d_transpose(g, w, x.shape, 2, "SAME")
    assert np.sum(y * g) == np.sum(x * back)


def test_dtype_is_preserved_and_mixing_is_refused():
    x = np.ones((1, 3, 3, 2), np.float32)
    w = np.ones((2, 2, 3, 2), np.float32)
    assert tf_style.conv2d_transpose(x, w, [1, 6, 6, 3], 2, "SAME").dtype == np.float32
    with pytest.raises(convt.ShapeError, match="expected to be a float tensor but is a double tensor"):
        tf_style.conv2d_transpose(x.astype(np.float64), w, [1, 6, 6, 3], 2, "SAME")
