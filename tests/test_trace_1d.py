"""The 1-D animations (a unit-height trace): scatter, zeros + flipped kernel and Cᵀ·x agree with the
N-D kernel and with TF's conv1d_transpose / conv1d, and the texts drop the height."""
import itertools

import numpy as np

from convt import tf_style
from convt.trace import make_conv_trace, make_transpose_trace, valid_output_sizes
from lab import animation as anim
from lab.draw import animator


def test_every_1d_view_agrees_with_the_kernel_and_tf():
    for i, k, s, d, pad in itertools.product((1, 3, 5), (1, 2, 3), (1, 2, 3), (1, 2), ("SAME", "VALID", 1)):
        if pad == 1 and (k - 1) * d < 1:
            continue
        for out in valid_output_sizes(i, k, s, d, pad):
            tr = make_transpose_trace(i, k, s, pad, d, out, seed=i + k, nd=1)
            ok, ref = anim.views_agree(tr)
            assert ok and ref.shape == (1, out)
            if isinstance(pad, str):  # TF has no explicit padding for conv1d_transpose
                y = tf_style.conv1d_transpose(tr.dy[0][None, :, None], tr.w[0][:, None, None], [1, out, 1], s,
                                              pad, dilations=d) if d == 1 else None
                if y is not None:
                    assert np.allclose(y[0, :, 0], ref[0])
            assert tr.matrix().T.shape == (out, i)  # Cᵀ small enough to read whole


def test_forward_1d_agrees_with_tf_conv1d():
    for n, k, s, pad in itertools.product((4, 7), (1, 3), (1, 2), ("SAME", "VALID")):
        tr = make_conv_trace(n, k, s, pad, 1, seed=3, nd=1)
        ok, ref = anim.conv_agrees(tr)
        y = tf_style.conv1d(tr.x[0][None, :, None], tr.w[0][:, None, None], s, pad)
        assert ok and np.allclose(y[0, :, 0], ref[0])


def test_1d_texts_and_frames():
    tr = make_transpose_trace(4, 3, 2, "SAME", 1, None, seed=1, nd=1)
    assert "x[2] = " in tr.describe_scatter(2) and "full-output cell 4" in tr.describe_scatter(2)
    assert "out[2]" in tr.describe_direct(2) and "input cell [1]" in tr.describe_matrix(1)
    scatter = animator(tr, "scatter")
    assert scatter.cv.panels[2].rows == 5  # one row per stamp, then the sum
    assert animator(tr, "direct").frame(0).shape[0] < 200  # one row of cells
    cfg = anim.AnimConfig(4, 3, 2, 1, "SAME", 1, 8, nd=1)
    assert anim.sizes_line(cfg, tr.out_size) == ("**Input x 4 → output 8** · kernel 3 · stride 2 · dilation 1 · "
                                                 "SAME")


def test_1d_example_kernels_have_no_zero_taps():
    """A zero tap would hide the overlaps the 1-D picture is about (seed 0 used to give [1 0 0])."""
    from convt.trace import example_arrays
    for seed in range(30):
        for k in range(2, 8):
            assert example_arrays((1, 6), (1, k), seed)[1].all(), (seed, k)
