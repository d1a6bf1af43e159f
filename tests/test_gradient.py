"""The gradient connection as properties: the gradient of conv_transpose w.r.t. its input is a forward
conv of the upstream gradient (and conversely), and ⟨C x, y⟩ = ⟨x, Cᵀ y⟩ — checked against a dense
matrix built here from the definition (plain loops, no kernels), and on the page's seeded numbers.
The seed's configuration gives exactly TF's message (33 vs 25)."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lab import gradient as G
from lab.url_state import from_query, to_query
from convt import tf_style
from convt.arithmetic import windowed_output
from convt.frameworks import tensorflow
from convt.errors import ShapeError

SETTINGS = settings(max_examples=40, deadline=None)


# --- naive reference: the forward conv as a dense matrix, from the definition ----------------

def naive_conv_matrix(n, m, w, stride, pad_before):
    """C with C @ vec(x) = vec(conv(x)) for x (n, n, Cin_f) -> (m, m, Cout_f); w (k, k, Cin_f, Cout_f)."""
    k, _, cin, cout = w.shape
    mat = np.zeros((m * m * cout, n * n * cin))
    for oy in range(m):
        for ox in range(m):
            for o in range(cout):
                row = (oy * m + ox) * cout + o
                for ky in range(k):
                    for kx in range(k):
                        iy, ix = oy * stride + ky - pad_before, ox * stride + kx - pad_before
                        if 0 <= iy < n and 0 <= ix < n:
                            for c in range(cin):
                                mat[row, (iy * n + ix) * cin + c] += w[ky, kx, c, o]
    return mat


@st.composite
def valid_configs(draw):
    """A conv_transpose configuration TF accepts (out_size in the valid range)."""
    i = draw(st.integers(1, 5))
    k = draw(st.integers(1, 4))
    s = draw(st.integers(1, 3))
    pad = draw(st.sampled_from(["SAME", "VALID"]))
    sizes = list(tensorflow.valid_output_sizes(i, k, s, 1, pad))
    n = draw(st.sampled_from(sizes))
    return G.GradientConfig(in_size=i, out_size=n, kernel=k, stride=s, padding=pad,
                            channels_in=draw(st.integers(1, 2)), channels_out=draw(st.integers(1, 2)),
                            seed=draw(st.integers(0, 50)))


def _floats(rng, shape):
    return rng.standard_normal(shape)


@SETTINGS
@given(valid_configs(), st.integers(0, 2**31 - 1))
def test_transpose_gradient_is_forward_conv_of_upstream(cfg, seed):
    rng = np.random.default_rng(seed)
    x_shape = (1, cfg.in_size, cfg.in_size, cfg.channels_in)
    w = _floats(rng, (cfg.kernel, cfg.kernel, cfg.channels_out, cfg.channels_in))
    g = _floats(rng, (1, cfg.out_size, cfg.out_size, cfg.channels_out))
    by_definition = G.grad_by_nudging(lambda e: G.transpose(e, w, cfg), x_shape, g)
    by_rule = G.forward(g, w, cfg)
    assert by_rule.shape == x_shape
    np.testing.assert_allclose(by_definition, by_rule, rtol=1e-10, atol=1e-10)


@SETTINGS
@given(valid_configs(), st.integers(0, 2**31 - 1))
def test_conv_input_gradient_is_conv_transpose(cfg, seed):
    rng = np.random.default_rng(seed)
    u_shape = (1, cfg.out_size, cfg.out_size, cfg.channels_out)
    w = _floats(rng, (cfg.kernel, cfg.kernel, cfg.channels_out, cfg.channels_in))
    h = _floats(rng, (1, cfg.in_size, cfg.in_size, cfg.channels_in))
    by_definition = G.grad_by_nudging(lambda e: G.forward(e, w, cfg), u_shape, h)
    np.testing.assert_allclose(by_definition, G.transpose(h, w, cfg), rtol=1e-10, atol=1e-10)


@SETTINGS
@given(valid_configs(), st.integers(0, 2**31 - 1))
def test_adjoint_identity_and_dense_matrix(cfg, seed):
    """⟨C x, y⟩ = ⟨x, Cᵀ y⟩, and C / Cᵀ agree with the dense matrix built from the definition."""
    rng = np.random.default_rng(seed)
    n, m = cfg.out_size, cfg.in_size
    w = _floats(rng, (cfg.kernel, cfg.kernel, cfg.channels_out, cfg.channels_in))
    x = _floats(rng, (1, n, n, cfg.channels_out))
    y = _floats(rng, (1, m, m, cfg.channels_in))
    back = G.GradientConfig(in_size=m, out_size=n, kernel=cfg.kernel, stride=cfg.stride, padding=cfg.padding,
                            channels_in=cfg.channels_in, channels_out=cfg.channels_out)
    lhs = float(np.sum(G.forward(x, w, back, out_size=m) * y))
    rhs = float(np.sum(x * G.transpose(y, w, back)))
    assert lhs == pytest.approx(rhs, rel=1e-10, abs=1e-10)
    pb = windowed_output(n, cfg.kernel, cfg.stride, 1, cfg.padding).pad_before
    mat = naive_conv_matrix(n, m, w, cfg.stride, pb)
    np.testing.assert_allclose(G.forward(x, w, cfg).reshape(-1), mat @ x.reshape(-1), atol=1e-10)
    np.testing.assert_allclose(G.transpose(y, w, cfg).reshape(-1), mat.T @ y.reshape(-1), atol=1e-10)


@SETTINGS
@given(valid_configs())
def test_page_demo_sides_are_exactly_equal_on_seeded_integers(cfg):
    d = G.gradient_demo(cfg)
    assert d.shapes_agree and d.tf_message is None
    assert d.grad_nudged.shape == d.grad_forward.shape
    assert d.grad_diff == 0.0
    assert d.conv_grad_diff == 0.0
    assert d.adjoint_lhs == d.adjoint_rhs
    assert d.nudged_cells == d.x_cells  # small configurations: every cell nudged


def test_seed_configuration_is_tf_message_33_vs_25():
    d = G.gradient_demo(G.SEED)
    assert d.computed == 33 and d.grad_forward.shape == (1, 33, 33, 1)
    assert d.grad_nudged.shape == (1, 25, 25, 1)
    assert not d.shapes_agree and d.grad_diff is None
    assert d.tf_message == ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: "
                            "actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3 output: 25 "
                            "stride: 3 dilation: 1")
    assert d.tf1_message == "Shapes (1, 33, 33, 1) and (1, 25, 25, 1) are not compatible"
    assert d.arithmetic == "ceil(97 / 3) = 33"
    # the true gradient is the forward conv's top-left 25 x 25 corner
    assert d.corner_diff == 0.0
    assert d.adjoint_lhs == d.adjoint_rhs
    assert any("75" in f.text for f in d.fixes)


def test_seed_fixed_agrees():
    d = G.gradient_demo(G.SEED_FIXED)
    assert d.computed == 25 and d.tf_message is None and d.grad_diff == 0.0


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 8), st.integers(1, 30), st.integers(1, 4), st.integers(1, 4),
       st.sampled_from(["SAME", "VALID"]))
def test_shape_check_matches_the_adapters_shape_error(i, n, k, s, pad):
    cfg = G.GradientConfig(in_size=i, out_size=n, kernel=k, stride=s, padding=pad)
    check = G.shape_check(cfg)
    try:
        tf_style.conv2d_transpose(np.zeros((1, i, i, 1)), np.zeros((k, k, 1, 1)), [1, n, n, 1], s, pad)
    except ShapeError as err:
        assert check.tf_message is not None
        assert err.framework_message == check.tf_message or check.computed < 0
    else:
        assert check.ok


def test_nudging_a_sample_leaves_the_rest_nan_and_matches_on_the_sample():
    cfg = G.GradientConfig(in_size=6, out_size=12, kernel=3, stride=2)
    x, w, g = G.seeded_arrays(cfg)
    cells = G.cells_to_nudge(x.size, 10_000, budget=100_000)
    assert 0 < len(cells) < x.size
    part = G.grad_by_nudging(lambda e: G.transpose(e, w, cfg), x.shape, g, cells)
    full = G.forward(g, w, cfg)
    seen = ~np.isnan(part)
    assert seen.sum() == len(cells)
    np.testing.assert_array_equal(part[seen], full[seen])


def test_big_configuration_samples_within_budget():
    cfg = G.GradientConfig(in_size=32, out_size=128, kernel=7, stride=4, channels_in=3, channels_out=3)
    d = G.gradient_demo(cfg)
    assert d.nudged_cells < d.x_cells
    assert d.grad_diff == 0.0 and d.conv_grad_diff == 0.0


def test_url_round_trip_and_malformed_values():
    cfg, notes = from_query(G.GradientConfig, {"in": "25", "out": "97", "s": "3"})
    assert cfg == G.SEED and notes == []
    assert to_query(G.SEED) == {"in": "25", "out": "97", "s": "3"}
    cfg, notes = from_query(G.GradientConfig, {"k": "abc", "out": "9999", "pad": "FULL"})
    assert cfg == G.DEFAULT
    assert len(notes) == 3 and any("maximum 128" in n for n in notes)
