"""Traces replay to the kernels' outputs; the three transposed views give identical numbers."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import kernels
from convt.errors import ShapeError
from convt.trace import (conv_matrix, conv_trace, example_arrays, replay_conv, replay_direct,
                         replay_matrix, replay_scatter, transpose_trace, valid_output_sizes)


def naive_conv(x, w, s, d, pb, out):
    """The forward formula, read literally (reference for the reference)."""
    y = np.zeros(out)
    for oy in range(out[0]):
        for ox in range(out[1]):
            for ky in range(w.shape[0]):
                for kx in range(w.shape[1]):
                    iy, ix = oy * s[0] + ky * d[0] - pb[0], ox * s[1] + kx * d[1] - pb[1]
                    if 0 <= iy < x.shape[0] and 0 <= ix < x.shape[1]:
                        y[oy, ox] += x[iy, ix] * w[ky, kx]
    return y


def k_forward(x, w, s, d, pb, out):
    return kernels.conv2d_forward(x[None, :, :, None], w[:, :, None, None], s, d, pb, out)[0, :, :, 0]


def k_transpose(dy, w, s, d, pb, out):
    return kernels.conv2d_transpose(dy[None, :, :, None], w[:, :, None, None], s, d, pb, out)[0, :, :, 0]


paddings = st.one_of(st.sampled_from(["SAME", "VALID"]), st.integers(0, 2))


@st.composite
def conv_configs(draw):
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    pad = draw(paddings)
    if not isinstance(pad, str):
        pad = min(pad, (min(k) - 1) * min(d))
    n = tuple(draw(st.integers((k[a] - 1) * d[a] + 1, 9)) for a in (0, 1))
    seed = draw(st.integers(0, 1000))
    return n, k, s, d, pad, seed


@settings(max_examples=150, deadline=None)
@given(conv_configs())
def test_forward_trace_replays_to_kernel(cfg):
    n, k, s, d, pad, seed = cfg
    x, w = example_arrays(n, k, seed)
    tr = conv_trace(x, w, s, d, pad)
    y = replay_conv(tr)
    np.testing.assert_array_equal(y, k_forward(x, w, s, d, tr.pad_before, tr.out_size))
    np.testing.assert_array_equal(y, naive_conv(x, w, s, d, tr.pad_before, tr.out_size))
    final, filled = tr.output_after(tr.n_steps - 1)
    assert filled.all()
    np.testing.assert_array_equal(final, y)
    # every tap's data cell is the padded input's value there
    xp = tr.padded_input()
    for step in tr.steps:
        for tp in step.taps:
            assert xp[tp.ry, tp.rx] == tp.value


@st.composite
def transpose_configs(draw):
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    pad = draw(paddings)
    if not isinstance(pad, str):
        pad = min(pad, (min(k) - 1) * min(d))
    i = (draw(st.integers(1, 5)), draw(st.integers(1, 5)))
    out = []
    for a in (0, 1):
        valid = valid_output_sizes(i[a], k[a], s[a], d[a], pad)
        if not len(valid):
            from hypothesis import assume
            assume(False)
        out.append(draw(st.sampled_from(list(valid))))
    return i, k, s, d, pad, tuple(out), draw(st.integers(0, 1000))


@settings(max_examples=150, deadline=None)
@given(transpose_configs())
def test_transpose_views_replay_to_kernel(cfg):
    i, k, s, d, pad, out, seed = cfg
    dy, w = example_arrays(i, k, seed)
    tr = transpose_trace(dy, w, s, d, pad, out)
    ref = k_transpose(dy, w, s, d, tr.pad_before, out)
    for got in (replay_scatter(tr), replay_direct(tr), replay_matrix(tr, "column"), replay_matrix(tr, "row")):
        np.testing.assert_array_equal(got, ref)
    # the direct view's grid: border padding, data every s-th cell, zeros in between
    assert tr.z.shape == tuple(out[a] + (k[a] - 1) * d[a] for a in (0, 1))
    assert (tr.z[tr.z_kind != 1] == 0).all()
    assert sorted(tr.z[tr.z_kind == 1].tolist()) == sorted(dy.reshape(-1).tolist())
    np.testing.assert_array_equal(tr.w_rot, np.rot90(w, 2))
    # running sums: the last canvas state cropped is the output, the first is one stamp
    np.testing.assert_array_equal(tr.output_from_canvas(tr.scatter_canvas_after(len(tr.scatter) - 1)), ref)
    # C^T is the adjoint: <C u, v> == <u, C^T v>
    C = tr.matrix()
    np.testing.assert_array_equal(C.T @ dy.reshape(-1), ref.reshape(-1))
    u = np.arange(C.shape[1], dtype=float)
    assert (C @ u) @ dy.reshape(-1) == u @ (C.T @ dy.reshape(-1))


def test_matrix_is_the_forward_conv():
    x, w = example_arrays(6, 3, 1)
    tr = conv_trace(x, w, 2, 1, "SAME")
    C = conv_matrix(x.shape, w, 2, 1, tr.pad_before, tr.out_size)
    np.testing.assert_array_equal(C @ x.reshape(-1), replay_conv(tr).reshape(-1))


@pytest.mark.parametrize("out", [5, 6])
def test_seed_example(out):
    """3x3 input, 2x2 kernel, stride 2, SAME: 5x5 and 6x6 both valid, numbers agree."""
    dy, w = example_arrays(3, 2, 0)
    tr = transpose_trace(dy, w, 2, 1, "SAME", out)
    ref = k_transpose(dy, w, (2, 2), (1, 1), tr.pad_before, (out, out))
    np.testing.assert_array_equal(replay_scatter(tr), ref)
    np.testing.assert_array_equal(replay_direct(tr), ref)
    assert tr.z_pad_before == (1, 1)
    assert tr.z_pad_after == ((0, 0) if out == 5 else (1, 1))
    assert len(tr.scatter) == 9 and len(tr.direct) == out * out


def test_odd_case_extra_row_is_bottom_right():
    """conv_arithmetic's padding_strides_odd: i=6, k=3, s=2, p=1 -> 3; transposed back to 6: a = 1."""
    dy, w = example_arrays(3, 3, 0)
    tr = transpose_trace(dy, w, 2, 1, 1, 6)
    assert tr.odd_extra() == (1, 1)
    assert tr.z_pad_before == (1, 1) and tr.z_pad_after == (2, 2)  # k-1-p = 1, plus a = 1 after


def test_invalid_output_size_is_a_shape_error():
    dy, w = example_arrays(3, 2, 0)
    with pytest.raises(ShapeError, match="valid sizes: 5..6"):
        transpose_trace(dy, w, 2, 1, "SAME", 7)


def test_describe_texts():
    dy, w = example_arrays(3, 2, 0)
    tr = transpose_trace(dy, w, 2, 1, "SAME", 6)
    assert tr.describe_scatter(0).startswith("Step 1/9: x[0,0] = ")
    assert tr.describe_direct(35).startswith("Step 36/36: out[5,5] = ")
    assert "row 0 of Cᵀ" in tr.describe_matrix(0, "row")
    ct = conv_trace(dy, w, 2, 1, "VALID")
    assert ct.describe(0).startswith("Step 1/1: y[0,0] = ")
