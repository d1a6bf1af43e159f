"""Checkerboard artifacts: overlap counts against a brute-force count, the interior levels and the
rule of thumb against the full count, and the photograph: transposed conv uneven, resize-then-conv even."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lab import checkerboard as C
from lab.url_state import from_query, to_query
from convt.arithmetic import full_transpose_length, windowed_output
from convt.frameworks import tensorflow

SETTINGS = settings(max_examples=60, deadline=None)


def brute_force_counts(in_size, kernel, stride, out_size, pad_before):
    """Count every (input cell, kernel tap) landing in the output window, one at a time."""
    counts = np.zeros((out_size, out_size), dtype=np.int64)
    for iy in range(in_size):
        for ix in range(in_size):
            for ky in range(kernel):
                for kx in range(kernel):
                    oy, ox = iy * stride + ky - pad_before, ix * stride + kx - pad_before
                    if 0 <= oy < out_size and 0 <= ox < out_size:
                        counts[oy, ox] += 1
    return counts


@SETTINGS
@given(st.integers(1, 7), st.integers(1, 6), st.integers(1, 4), st.sampled_from(["SAME", "VALID"]), st.data())
def test_overlap_counts_match_brute_force(i, k, s, pad, data):
    n = data.draw(st.sampled_from(list(tensorflow.valid_output_sizes(i, k, s, 1, pad))))
    pb = windowed_output(n, k, s, 1, pad).pad_before
    np.testing.assert_array_equal(C.overlap_counts(i, k, s, pad, n), brute_force_counts(i, k, s, n, pb))


@SETTINGS
@given(st.integers(1, 7), st.integers(1, 6), st.integers(1, 4))
def test_full_counts_match_brute_force(i, k, s):
    n = full_transpose_length(i, k, s, 1)
    np.testing.assert_array_equal(C.overlap_counts(i, k, s, "FULL"), brute_force_counts(i, k, s, n, 0))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 5))
def test_interior_levels_are_what_a_long_input_shows(k, s):
    """Far from the borders of a long input, the full count takes exactly the predicted levels."""
    i = 3 * (k + s) + 4
    counts = brute_force_counts(i, k, s, full_transpose_length(i, k, s, 1), 0)
    lo, hi = k - 1, (i - 1) * s            # cells every tap can reach from inside the input
    row = [sum(1 for q in range(i) for t in range(k) if q * s + t == p)      # 1-D count of cell p
           for p in range(lo + s * (k + 1), hi - s * (k + 1))]
    inner = counts[lo + s * (k + 1): hi - s * (k + 1), lo + s * (k + 1): hi - s * (k + 1)]
    u = C.unevenness(k, s)
    assert tuple(sorted(set(row))) == u.levels_1d
    assert tuple(sorted(set(inner.ravel().tolist()))) == u.levels_2d
    assert u.even == (k % s == 0)
    assert u.has_gaps == (k < s)


@pytest.mark.parametrize("k,s,levels,ratio", [(3, 2, (1, 2, 4), 4), (4, 2, (4,), 1), (5, 3, (1, 2, 4), 4),
                                              (3, 1, (9,), 1), (2, 3, (0, 1), None), (7, 2, (9, 12, 16), 16 / 9)])
def test_unevenness_numbers(k, s, levels, ratio):
    u = C.unevenness(k, s)
    assert u.levels_2d == levels
    assert u.ratio == (None if ratio is None else pytest.approx(ratio))


def test_rule_of_thumb_states_the_numbers():
    text = C.rule_of_thumb(3, 2)
    assert "3 / 2 = 1.5" in text and "1 or 2" in text and "1, 2 or 4" in text and "4×" in text
    assert "kernel 2 or 4" in text
    assert "every interior output cell receives 4" in C.rule_of_thumb(4, 2)
    assert "no contribution at all" in C.rule_of_thumb(2, 3)


@given(st.integers(1, 15), st.integers(1, 8))
def test_even_kernels_are_multiples_of_the_stride(k, s):
    for kk in C.even_kernels(k, s):
        assert kk % s == 0 and kk >= s and C.unevenness(kk, s).even


def test_constant_image_is_the_overlap_count_times_the_weight():
    img = np.full((8, 8), 0.5)
    out = C.transpose_upsample(img, 3, 2)
    counts = C.overlap_counts(8, 3, 2, "SAME", 16)
    np.testing.assert_allclose(out, 0.5 * counts * 4 / 9)


def test_photo_checkerboard_numbers():
    uneven = C.photo_demo(64, 3, 2)
    assert uneven.transposed.shape == uneven.resized.shape == (128, 128)
    assert C.PhotoDemo.spread(uneven.transposed_phases) > 3.5      # counts 1, 2, 4 -> ratio ~4
    assert C.PhotoDemo.spread(uneven.resized_phases) < 1.05
    even = C.photo_demo(64, 4, 2)
    assert C.PhotoDemo.spread(even.transposed_phases) < 1.05
    holes = C.photo_demo(32, 2, 3)
    assert C.PhotoDemo.spread(holes.transposed_phases) == float("inf")


def test_photo_is_a_real_grayscale_picture():
    p = C.photo(48)
    assert p.shape == (48, 48) and 0 <= p.min() < 0.2 and p.max() > 0.8 and p.std() > 0.1


def test_url_values():
    cfg, notes = from_query(C.CheckerConfig, {"k": "4", "photo": "96"})
    assert cfg == C.CheckerConfig(kernel=4, photo=96) and notes == []
    assert to_query(cfg) == {"k": "4", "photo": "96"}
    cfg, notes = from_query(C.CheckerConfig, {"k": "99", "photo": "50", "s": "x"})
    assert cfg == C.DEFAULT and len(notes) == 3
