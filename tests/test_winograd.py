"""convt.fast.winograd: the transform matrices, the phase split, and the whole Winograd transposed conv.

The end-to-end properties draw only configurations the Winograd path takes (one group, stride or
dilation 1 on each axis, at most 3 taps per phase), check that it does take them, and compare
with the direct loops (themselves held to a naive reference in test_kernels.py).
"""
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import fast, kernels
from convt.fast import _threads, im2col, winograd, winograd_plan
from test_kernels import kernel_path

SETTINGS = settings(max_examples=80, deadline=None)


def production_plan(dy_shape, w_shape, *args, dtype="f"):
    """winograd_plan.plan with the thresholds convt.fast uses."""
    return winograd_plan.plan(dy_shape, w_shape, *args, dtype, fast.WINOGRAD_MIN_CHANNELS,
                              fast.WINOGRAD_MAX_PRODUCTS, im2col.GEMM_CHUNK_BYTES)


@pytest.mark.parametrize("r", [1, 2, 3])
def test_matrices_compute_a_tile_of_correlation_outputs(r):
    m = winograd.TILE
    at, g, bt = winograd.winograd_matrices(r)
    assert at.shape == (m, m + r - 1) and g.shape == (m + r - 1, r) and bt.shape == (m + r - 1,) * 2
    rng = np.random.default_rng(r)
    for _ in range(20):
        d, taps = rng.standard_normal(m + r - 1), rng.standard_normal(r)
        expected = [sum(d[i + t] * taps[t] for t in range(r)) for i in range(m)]
        np.testing.assert_allclose(at @ ((g @ taps) * (bt @ d)), expected, rtol=1e-12, atol=1e-12)
    for matrix in (at, bt):                      # multiples of 1/8 up to 8: exact in floating point
        assert np.array_equal(matrix * 8, np.round(matrix * 8)) and np.abs(matrix).max() <= 8
    if r == 1:                                   # one tap: no transform at all
        assert np.array_equal(at, np.eye(m)) and np.array_equal(bt, np.eye(m))


@pytest.mark.parametrize("r", [1, 2, 3])
def test_sparse_rows_rebuild_the_transforms(r):
    for matrix in winograd.winograd_matrices(r)[::2]:
        columns, coefficients = winograd.sparse_rows(matrix, np.float32)
        rebuilt = np.zeros_like(matrix)
        for row in range(len(matrix)):
            np.add.at(rebuilt[row], columns[row], coefficients[row])
        assert np.array_equal(rebuilt, matrix)


@st.composite
def axis_configs(draw, max_taps=None):
    """One axis of a transposed conv with stride 1 or dilation 1: sizes, kernel, stride, dilation, pad."""
    stride, dilation = draw(st.sampled_from([(1, 1), (2, 1), (3, 1), (1, 2), (1, 3), (4, 1)]))
    k = draw(st.integers(1, 3 if dilation > 1 else 3 * stride if max_taps else 6))
    in_size = draw(st.integers(1, 9))
    pad = draw(st.integers(0, (k - 1) * dilation + 1))
    full = (in_size - 1) * stride + (k - 1) * dilation + 1
    out_size = draw(st.integers(1, full + 2))
    return in_size, out_size, k, stride, dilation, pad


@settings(max_examples=300, deadline=None)
@given(cfg=axis_configs(), seed=st.integers(0, 2**32 - 1))
def test_axis_phases_rebuild_the_1d_transposed_conv(cfg, seed):
    in_size, out_size, k, stride, dilation, pad = cfg
    rng = np.random.default_rng(seed)
    dy, w = rng.standard_normal(in_size), rng.standard_normal(k)
    expected = np.zeros(out_size)
    for o in range(in_size):
        for t in range(k):
            i = o * stride + t * dilation - pad
            if 0 <= i < out_size:
                expected[i] += dy[o] * w[t]
    rebuilt, written = np.zeros(out_size), np.zeros(out_size, dtype=int)
    for phase in winograd.axis_phases(in_size, out_size, k, stride, dilation, pad):
        u = dy[phase.in_first::phase.in_step]
        assert len(u) == phase.in_count
        for a in range(phase.out_count):
            i = phase.out_first + phase.out_step * a
            written[i] += 1
            rebuilt[i] = sum(u[b] * w[tap] for tap, b in
                             ((tap, a + phase.shift - t) for t, tap in enumerate(phase.taps))
                             if 0 <= b < len(u))
    assert np.all(written == 1)                  # the phases cover every output once
    np.testing.assert_allclose(rebuilt, expected, atol=1e-12)


@st.composite
def winograd_configs(draw):
    """A transposed conv the Winograd path takes: one group, <= 3 taps per phase on each axis."""
    axes = [draw(axis_configs(max_taps=3)) for _ in range(2)]
    (h, oh, kh, sh, dh, ph), (wd, ow, kw, sw, dw, pw) = axes
    return dict(dy_shape=(draw(st.integers(1, 3)), h, wd, draw(st.integers(1, 5))),
                w_shape=(kh, kw, draw(st.integers(1, 5)), None), stride=(sh, sw),
                dilation=(dh, dw), pad_before=(ph, pw), out_size=(oh, ow))


@SETTINGS
@given(cfg=winograd_configs(), seed=st.integers(0, 2**32 - 1))
def test_winograd_matches_direct_loops(cfg, seed):
    """In parts of one image each, on the thread pool."""
    rng = np.random.default_rng(seed)
    kh, kw, c, _ = cfg["w_shape"]
    dy = rng.standard_normal(cfg["dy_shape"]).astype(np.float32)
    w = rng.standard_normal((kh, kw, c, dy.shape[3])).astype(np.float32)
    args = cfg["stride"], cfg["dilation"], cfg["pad_before"], cfg["out_size"]
    with kernel_path("direct"):
        expected = kernels.conv2d_transpose(dy, w, *args)
    with kernel_path("winograd"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(_threads, "SPLIT_MIN_ELEMENTS", 0)
        plan = winograd_plan.plan(dy.shape, w.shape, *args, 1, "f", 0, float("inf"), 1)
        assert plan is not None or not expected.any()      # None: no tap reaches any output
        got = kernels.conv2d_transpose(dy, w, *args)
    assert got.dtype == np.float32 and got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


def test_winograd_on_a_big_shape_against_float64():
    """The production thresholds take it (32 channels, dilation 2), in several chunks and images."""
    rng = np.random.default_rng(0)
    dy = rng.standard_normal((3, 20, 24, 32)).astype(np.float32)
    w = rng.standard_normal((3, 3, 32, 32)).astype(np.float32)
    args = (1, 1), (2, 2), (2, 1), (20, 25)
    assert production_plan(dy.shape, w.shape, *args, 1)
    got = kernels.conv2d_transpose(dy, w, *args)
    exact = kernels.conv2d_transpose(dy.astype(np.float64), w.astype(np.float64), *args)
    assert np.max(np.abs(got - exact)) < 1e-4 * max(1.0, np.max(np.abs(exact)))


def test_not_taken_where_it_does_not_apply():
    big = dict(dy_shape=(2, 16, 16, 32), w_shape=(3, 3, 32, 32), stride=(1, 1), dilation=(2, 2),
               pad_before=(2, 2), out_size=(16, 16), groups=1)

    def planned(**change):
        cfg = {**big, **change}
        return production_plan(cfg["dy_shape"], cfg["w_shape"], cfg["stride"], cfg["dilation"],
                               cfg["pad_before"], cfg["out_size"], cfg["groups"],
                               dtype=change.get("dtype", "f"))

    assert planned()
    assert not planned(dtype="d")                               # float64: im2col
    assert not planned(groups=2, w_shape=(3, 3, 16, 32))
    assert not planned(stride=(2, 2))                           # stride and dilation on one axis
    assert not planned(dy_shape=(2, 16, 16, 8))                 # few channels
    assert not planned(w_shape=(5, 5, 32, 32), dilation=(1, 1))  # 5 taps in a phase
    assert not planned(stride=(2, 2), dilation=(1, 1), pad_before=(1, 1),
                       out_size=(32, 32))                       # 81/144 of the products: not enough


def test_kernels_load_from_the_cache_in_a_new_process(tmp_path):
    """The second process loads convt.fast's compiled kernels instead of compiling them again."""
    code = ("from convt import kernels; from convt.fast import im2col, winograd; "
            "kernels.warm_up(large=True); "
            "print([sum(f.stats.cache_hits.values()) > 0 for f in "
            "(im2col._im2col, im2col._col2im, winograd.input_tiles, winograd.output_tiles)])")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path), PYTHONPATH=repo)
    env.pop("NUMBA_DISABLE_JIT", None)
    runs = [subprocess.run([sys.executable, "-W", "error::numba.core.errors.NumbaWarning", "-c", code],
                           env=env, cwd=repo, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0].strip() == "[False, False, False, False]"
    assert runs[1].strip() == "[True, True, True, True]"
