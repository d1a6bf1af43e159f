"""Property tests of convt.kernels against naive NumPy references (defined first, below).

The references use np.pad and plain loops, not the kernels' bounds checks, so a shared mistake is
unlikely. Every kernel is checked along each of its code paths (direct loops, convt.fast's im2col/col2im +
BLAS, batch-chunked, and Winograd), which the tests select by moving the size thresholds.
"""
import contextlib

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import kernels

SETTINGS = settings(max_examples=60, deadline=None)


# ---------------------------------------------------------------------------------------------
# Naive references
# ---------------------------------------------------------------------------------------------

def naive_padded_extent(size, pad_before, out, stride, dilation, k):
    """Length of the zero-padded input that holds the data at pad_before and every window."""
    return max(pad_before + size, (out - 1) * stride + (k - 1) * dilation + 1)


def naive_conv2d_forward(x, w, stride, dilation, pad_before, out_size, groups=1):
    """y = sliding-window dot products over x placed inside a zero array (np.pad)."""
    n, h, wd, c = x.shape
    kh, kw, cg, o = w.shape
    og = o // groups
    hp = naive_padded_extent(h, pad_before[0], out_size[0], stride[0], dilation[0], kh)
    wp = naive_padded_extent(wd, pad_before[1], out_size[1], stride[1], dilation[1], kw)
    xp = np.pad(x.astype(np.float64), ((0, 0), (pad_before[0], hp - pad_before[0] - h),
                                       (pad_before[1], wp - pad_before[1] - wd), (0, 0)))
    y = np.zeros((n, out_size[0], out_size[1], o))
    for oy in range(out_size[0]):
        for ox in range(out_size[1]):
            for ky in range(kh):
                for kx in range(kw):
                    pix = xp[:, oy * stride[0] + ky * dilation[0], ox * stride[1] + kx * dilation[1]]
                    for g in range(groups):
                        y[:, oy, ox, g * og:(g + 1) * og] += (
                            pix[:, g * cg:(g + 1) * cg] @ w[ky, kx, :, g * og:(g + 1) * og])
    return y


def naive_conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups=1):
    """Scatter every dy value times the kernel into a padded buffer, then crop the window."""
    n, h, wd, o = dy.shape
    kh, kw, cg, _ = w.shape
    og = o // groups
    big_h, big_w = out_size
    hp = naive_padded_extent(big_h, pad_before[0], h, stride[0], dilation[0], kh)
    wp = naive_padded_extent(big_w, pad_before[1], wd, stride[1], dilation[1], kw)
    buf = np.zeros((n, hp, wp, cg * groups))
    for oy in range(h):
        for ox in range(wd):
            for ky in range(kh):
                for kx in range(kw):
                    for g in range(groups):
                        buf[:, oy * stride[0] + ky * dilation[0], ox * stride[1] + kx * dilation[1],
                            g * cg:(g + 1) * cg] += (
                            dy[:, oy, ox, g * og:(g + 1) * og] @ w[ky, kx, :, g * og:(g + 1) * og].T)
    return buf[:, pad_before[0]:pad_before[0] + big_h, pad_before[1]:pad_before[1] + big_w]


def naive_conv2d_filter_grad(x, dy, kernel_size, stride, dilation, pad_before, groups=1):
    """dw[ky, kx, c, o] = sum over n, oy, ox of x_padded[...] * dy[...]."""
    n, h, wd, c = x.shape
    _, oh, ow, o = dy.shape
    kh, kw = kernel_size
    cg, og = c // groups, o // groups
    hp = naive_padded_extent(h, pad_before[0], oh, stride[0], dilation[0], kh)
    wp = naive_padded_extent(wd, pad_before[1], ow, stride[1], dilation[1], kw)
    xp = np.pad(x.astype(np.float64), ((0, 0), (pad_before[0], hp - pad_before[0] - h),
                                       (pad_before[1], wp - pad_before[1] - wd), (0, 0)))
    dw = np.zeros((kh, kw, cg, o))
    for ky in range(kh):
        for kx in range(kw):
            for oy in range(oh):
                for ox in range(ow):
                    pix = xp[:, oy * stride[0] + ky * dilation[0], ox * stride[1] + kx * dilation[1]]
                    for g in range(groups):
                        dw[ky, kx, :, g * og:(g + 1) * og] += (
                            pix[:, g * cg:(g + 1) * cg].T @ dy[:, oy, ox, g * og:(g + 1) * og])
    return dw


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

PATHS = ["direct", "gemm", "gemm_chunked", "winograd"]


@contextlib.contextmanager
def kernel_path(path):
    """Force one implementation: direct loops, im2col + BLAS (split over the thread pool, in
    blocks of a few rows), or per row (one im2col row per chunk, BLAS products whole); or, for
    the transposed convs it covers (one group, stride or dilation 1 per axis, up to 3 taps per
    phase), Winograd in chunks of one row of tiles, whatever the channels and savings."""
    from convt import fast
    from convt.fast import _threads, im2col
    settings = {(kernels, "FAST_MIN_MACS"): 10**18 if path == "direct" else 0,
                (kernels, "FAST_MIN_CHANNELS"): 10**18 if path == "direct" else 0,
                (fast, "WINOGRAD_MIN_CHANNELS"): 0 if path == "winograd" else 10**18}
    if path == "gemm":
        settings.update({(_threads, "SPLIT_MIN_ELEMENTS"): 0,   # images / im2col rows always split
                         (im2col, "BLAS_ONE_THREAD_MNK"): 50,   # BLAS products of a few rows each
                         (im2col, "BLAS_MIN_BLOCK_ROWS"): 1})
    if path == "gemm_chunked":
        settings.update({(im2col, "GEMM_CHUNK_BYTES"): 1,       # one im2col row per chunk
                         (_threads, "SPLIT_MIN_ELEMENTS"): 0,
                         (im2col, "BLAS_ONE_THREAD_MNK"): 0})   # too wide for blocks: BLAS whole
    if path == "winograd":
        settings.update({(fast, "WINOGRAD_MAX_PRODUCTS"): float("inf"),
                         (im2col, "GEMM_CHUNK_BYTES"): 1,       # one row of tiles per chunk
                         (im2col, "BLAS_ONE_THREAD_MNK"): 50})  # products of a few rows each
    saved = {(module, name): getattr(module, name) for module, name in settings}
    for (module, name), value in settings.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


@st.composite
def conv_configs(draw, max_batch=2):
    """A random valid convolution: batch, image, kernel, stride, dilation, pads, output, groups."""
    groups = draw(st.integers(1, 3))
    c = groups * draw(st.integers(1, 2))
    o = groups * draw(st.integers(1, 2))
    kh, kw = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    sh, sw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    dh, dw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, wd = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    # pad_before up to well beyond the data (windows entirely in the padding read zeros)
    pt, pl = draw(st.integers(0, h + (kh - 1) * dh + 2)), draw(st.integers(0, wd + (kw - 1) * dw + 2))
    # output size around the natural one: smaller, equal or larger (windows past the end)
    nat_h = max(1, (pt + h - (kh - 1) * dh - 1) // sh + 1)
    nat_w = max(1, (pl + wd - (kw - 1) * dw - 1) // sw + 1)
    oh = draw(st.integers(1, nat_h + 3))
    ow = draw(st.integers(1, nat_w + 3))
    n = draw(st.integers(1, max_batch))
    return dict(x_shape=(n, h, wd, c), w_shape=(kh, kw, c // groups, o), stride=(sh, sw),
                dilation=(dh, dw), pad_before=(pt, pl), out_size=(oh, ow), groups=groups)


def random_array(rng, shape, dtype, integer=False):
    if integer:
        return rng.integers(-3, 4, size=shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def tolerance(dtype):
    return dict(rtol=1e-4, atol=1e-4) if dtype == np.float32 else dict(rtol=1e-10, atol=1e-10)


def forward_args(cfg):
    return cfg["stride"], cfg["dilation"], cfg["pad_before"], cfg["out_size"], cfg["groups"]


def out_shape(cfg):
    n, _, _, _ = cfg["x_shape"]
    return (n, *cfg["out_size"], cfg["w_shape"][3])


# ---------------------------------------------------------------------------------------------
# Kernels against the naive references
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@SETTINGS
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1))
def test_forward_matches_naive(path, dtype, cfg, seed):
    rng = np.random.default_rng(seed)
    x = random_array(rng, cfg["x_shape"], dtype)
    w = random_array(rng, cfg["w_shape"], dtype)
    with kernel_path(path):
        y = kernels.conv2d_forward(x, w, *forward_args(cfg))
    assert y.dtype == dtype
    np.testing.assert_allclose(y, naive_conv2d_forward(x, w, *forward_args(cfg)), **tolerance(dtype))


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@SETTINGS
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1))
def test_transpose_matches_naive(path, dtype, cfg, seed):
    rng = np.random.default_rng(seed)
    dy = random_array(rng, out_shape(cfg), dtype)
    w = random_array(rng, cfg["w_shape"], dtype)
    image_hw = cfg["x_shape"][1:3]
    args = cfg["stride"], cfg["dilation"], cfg["pad_before"], image_hw, cfg["groups"]
    with kernel_path(path):
        dx = kernels.conv2d_transpose(dy, w, *args)
    assert dx.dtype == dtype
    assert dx.shape == cfg["x_shape"]
    np.testing.assert_allclose(dx, naive_conv2d_transpose(dy, w, *args), **tolerance(dtype))


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@SETTINGS
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1))
def test_filter_grad_matches_naive(path, dtype, cfg, seed):
    rng = np.random.default_rng(seed)
    x = random_array(rng, cfg["x_shape"], dtype)
    dy = random_array(rng, out_shape(cfg), dtype)
    args = cfg["w_shape"][:2], cfg["stride"], cfg["dilation"], cfg["pad_before"], cfg["groups"]
    with kernel_path(path):
        dw = kernels.conv2d_filter_grad(x, dy, *args)
    assert dw.dtype == dtype
    assert dw.shape == cfg["w_shape"]
    np.testing.assert_allclose(dw, naive_conv2d_filter_grad(x, dy, *args), **tolerance(dtype))


# ---------------------------------------------------------------------------------------------
# Algebraic properties (no reference needed)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PATHS)
@SETTINGS
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1))
def test_adjoint_identity_exact(path, cfg, seed):
    """<conv(x), y> == <x, conv_transpose(y)>, exactly on small integers stored as float64."""
    rng = np.random.default_rng(seed)
    x = random_array(rng, cfg["x_shape"], np.float64, integer=True)
    w = random_array(rng, cfg["w_shape"], np.float64, integer=True)
    y = random_array(rng, out_shape(cfg), np.float64, integer=True)
    image_hw = cfg["x_shape"][1:3]
    with kernel_path(path):
        cx = kernels.conv2d_forward(x, w, *forward_args(cfg))
        cty = kernels.conv2d_transpose(y, w, cfg["stride"], cfg["dilation"], cfg["pad_before"],
                                       image_hw, cfg["groups"])
    assert np.sum(cx * y) == np.sum(x * cty)


@pytest.mark.parametrize("path", PATHS)
@SETTINGS
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1),
       a=st.integers(-3, 3), b=st.integers(-3, 3))
def test_transpose_is_linear(path, cfg, seed, a, b):
    """T(a*y1 + b*y2) == a*T(y1) + b*T(y2), exactly on small integers."""
    rng = np.random.default_rng(seed)
    w = random_array(rng, cfg["w_shape"], np.float64, integer=True)
    y1 = random_array(rng, out_shape(cfg), np.float64, integer=True)
    y2 = random_array(rng, out_shape(cfg), np.float64, integer=True)
    args = cfg["stride"], cfg["dilation"], cfg["pad_before"], cfg["x_shape"][1:3], cfg["groups"]
    with kernel_path(path):
        lhs = kernels.conv2d_transpose(a * y1 + b * y2, w, *args)
        rhs = a * kernels.conv2d_transpose(y1, w, *args) + b * kernels.conv2d_transpose(y2, w, *args)
    np.testing.assert_array_equal(lhs, rhs)


@pytest.mark.parametrize("path", PATHS)
@settings(max_examples=30, deadline=None)
@given(cfg=conv_configs(), seed=st.integers(0, 2**32 - 1))
def test_filter_grad_matches_finite_differences(path, cfg, seed):
    """d/dw <conv(x, w), dy> by central differences equals conv2d_filter_grad (float64)."""
    rng = np.random.default_rng(seed)
    x = random_array(rng, cfg["x_shape"], np.float64)
    w = random_array(rng, cfg["w_shape"], np.float64)
    dy = random_array(rng, out_shape(cfg), np.float64)
    eps = 1e-3
    with kernel_path(path):
        grad = kernels.conv2d_filter_grad(x, dy, cfg["w_shape"][:2], cfg["stride"],
                                          cfg["dilation"], cfg["pad_before"], cfg["groups"])
        flat = rng.choice(w.size, size=min(w.size, 6), replace=False)
        for i in flat:
            e = np.zeros(w.size)
            e[i] = eps
            e = e.reshape(w.shape)
            f_plus = np.sum(kernels.conv2d_forward(x, w + e, *forward_args(cfg)) * dy)
            f_minus = np.sum(kernels.conv2d_forward(x, w - e, *forward_args(cfg)) * dy)
            numeric = (f_plus - f_minus) / (2 * eps)
            assert numeric == pytest.approx(grad.flat[i], rel=1e-6, abs=1e-6)


# ---------------------------------------------------------------------------------------------
# Layouts, dtypes and edge cases
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_any_strides_and_dtype_preserved(path, dtype):
    """Non-contiguous views give the contiguous results, in the input's dtype."""
    rng = np.random.default_rng(0)
    x_big = random_array(rng, (2, 12, 10, 6), dtype)
    w_big = random_array(rng, (3, 3, 4, 6), dtype)
    x, w = x_big[:, ::2, ::-1, 1:4], np.asfortranarray(w_big[:, :, :3, :4])
    args = (2, 1), (1, 2), (1, 2), (3, 4), 1
    with kernel_path(path):
        y = kernels.conv2d_forward(x, w, *args)
        dy = random_array(rng, y.shape, dtype)[:, ::-1]
        dx = kernels.conv2d_transpose(dy, w, *args[:3], x.shape[1:3], 1)
        dw = kernels.conv2d_filter_grad(x, dy, (3, 3), *args[:3], 1)
    assert (y.dtype, dx.dtype, dw.dtype) == (dtype, dtype, dtype)
    assert y.flags.c_contiguous and dx.flags.c_contiguous and dw.flags.c_contiguous
    tol = tolerance(dtype)
    np.testing.assert_allclose(y, naive_conv2d_forward(x, w, *args), **tol)
    np.testing.assert_allclose(dx, naive_conv2d_transpose(dy, w, *args[:3], x.shape[1:3]), **tol)
    np.testing.assert_allclose(dw, naive_conv2d_filter_grad(x, dy, (3, 3), *args[:3]), **tol)


@pytest.mark.parametrize("path", PATHS)
def test_windows_entirely_in_padding_read_zeros(path):
    """A pad_before beyond the data, or an output longer than the data, gives exact zeros there."""
    x = np.ones((1, 3, 3, 1))
    w = np.ones((2, 2, 1, 1))
    with kernel_path(path):
        y = kernels.conv2d_forward(x, w, (1, 1), (1, 1), (5, 0), (9, 2), 1)
        dx = kernels.conv2d_transpose(np.ones((1, 2, 2, 1)), w, (1, 1), (1, 1), (0, 0), (6, 6), 1)
    # rows 0..3 read only the top padding, row 8 only the bottom: zeros; rows 4 and 7 half-in
    np.testing.assert_array_equal(y[0, :, :, 0], [[0, 0]] * 4 + [[2, 2], [4, 4], [4, 4], [2, 2], [0, 0]])
    expected = np.zeros((6, 6))
    expected[:3, :3] = [[1, 2, 1], [2, 4, 2], [1, 2, 1]]
    np.testing.assert_array_equal(dx[0, :, :, 0], expected)


def test_known_transpose_numbers():
    """A hand-computed 2x2 input, 3x3 kernel, stride 2: the overlaps are summed."""
    dy = np.array([[1.0, 2.0], [3.0, 4.0]]).reshape(1, 2, 2, 1)
    w = np.arange(1.0, 10.0).reshape(3, 3, 1, 1)
    dx = kernels.conv2d_transpose(dy, w, (2, 2), (1, 1), (0, 0), (5, 5), 1)
    k = np.arange(1.0, 10.0).reshape(3, 3)
    expected = np.zeros((5, 5))
    for (i, j), v in np.ndenumerate(dy[0, :, :, 0]):
        expected[2 * i:2 * i + 3, 2 * j:2 * j + 3] += v * k
    np.testing.assert_array_equal(dx[0, :, :, 0], expected)
    assert dx[0, 2, 2, 0] == 1 * 9 + 2 * 7 + 3 * 3 + 4 * 1


def test_warm_up_compiles_both_dtypes_without_parallel():
    kernels.warm_up()
    jitted = [kernels._forward_direct, kernels._transpose_direct]
    for f in jitted:
        dtypes = {str(sig[0].dtype) for sig in f.signatures}
        assert {"float32", "float64"} <= dtypes, f
        assert not f.targetoptions.get("parallel"), f
        assert f.targetoptions.get("nogil"), f
        fm = f.targetoptions.get("fastmath")
        assert fm is not True and not ({"nnan", "ninf"} & set(fm.flags if hasattr(fm, "flags") else fm or ()))
