"""ICNR initialisation on the checkerboard page's model: with it a constant input gives a constant
output away from the borders (for any initial weights), without it (k mod s ≠ 0) it does not; and
the page's texts and question come from those numbers, in English and Chinese."""
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import kernels
from convt.arithmetic import windowed_output
from lab import checkerboard as C
from lab.i18n import translate
from lab.subpixel import icnr_kernel


def constant_output(w: np.ndarray, in_size: int, stride: int) -> np.ndarray:
    """A SAME ×stride transposed conv of an all-ones input through ``w`` (convt's kernel)."""
    n = in_size * stride
    pb = windowed_output(n, w.shape[0], stride, 1, "SAME").pad_before
    out = kernels.conv2d_transpose(np.ones((1, in_size, in_size, 1)), w[:, :, None, None], (stride, stride),
                                   (1, 1), (pb, pb), (n, n))
    return out[0, :, :, 0]


def interior(a: np.ndarray, kernel: int, stride: int) -> np.ndarray:
    m = kernel + stride
    return a[m:-m, m:-m]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, C.MAX_KERNEL), st.integers(1, C.MAX_STRIDE), st.integers(0, 10_000))
def test_with_icnr_a_constant_input_gives_a_constant_output_whatever_the_initial_weights(k, s, seed):
    if not C.icnr_possible(k, s):
        return
    base = np.random.default_rng(seed).uniform(0.1, 1.0, size=(k // s, k // s))
    inner = interior(constant_output(icnr_kernel(base, s, k), 24, s), k, s)
    assert inner.size and np.ptp(inner) < 1e-12 and inner[0, 0] == pytest.approx(base.sum())


@settings(max_examples=60, deadline=None)
@given(st.integers(1, C.MAX_KERNEL), st.integers(2, C.MAX_STRIDE))
def test_without_icnr_a_uniform_kernel_is_constant_exactly_when_k_is_a_multiple_of_s(k, s):
    inner = interior(constant_output(np.ones((k, k)), 24, s), k, s)
    assert (np.ptp(inner) == 0) == (k % s == 0)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, C.MAX_KERNEL), st.integers(2, C.MAX_STRIDE), st.sampled_from(["SAME", "VALID"]))
def test_icnr_counts_are_the_counts_of_its_nonzero_taps_and_even(k, s, pad):
    if not C.icnr_possible(k, s):
        return
    counts = C.overlap_counts(C.MAX_IN, k, s, pad, icnr=True)
    levels = C.unevenness(k, s, icnr=True)
    m = k + s
    assert set(np.unique(counts[m:-m, m:-m]).tolist()) == set(levels.levels_2d) == {(k // s) ** 2}
    assert levels.even and C.interior_counts_1d(k, s, icnr=True) == (k // s,) * s
    assert C.kernel_weights(k, s, icnr=True).sum() == (k // s) ** 2 * s * s     # ones in m·s × m·s taps


def test_icnr_kernel_of_gain_one_removes_the_photographs_checkerboard():
    plain, icnr = C.photo_demo(64, 3, 2), C.photo_demo(64, 3, 2, icnr=True)
    assert plain.spread(plain.transposed_phases) > 2.5           # the 4 : 1 pattern on the photo
    assert icnr.spread(icnr.transposed_phases) < 1.05            # gone, like resize-then-conv
    for k, s in [(4, 2), (5, 3), (9, 4)]:
        w = C.kernel_weights(k, s, icnr=True, gain=1.0)
        inner = interior(constant_output(w, 10, s), k, s)
        assert np.allclose(inner, 1.0)


def test_icnr_is_refused_when_the_kernel_is_smaller_than_the_stride():
    assert not C.icnr_possible(2, 3)
    with pytest.raises(ValueError):
        C.kernel_weights(2, 3, icnr=True)
    assert "cannot help" in C.icnr_text(2, 3)


def test_the_question_is_answered_from_the_counts():
    for k, s in [(3, 2), (4, 2), (5, 3), (2, 3), (7, 4)]:
        q = C.stamps_question(k, s)
        counts = C.overlap_counts(12, k, s, "SAME")
        m = k + s
        assert q.answer == counts[m:-m, m:-m].max()
        assert f"= {q.answer}." in q.why
        if C.icnr_possible(k, s):
            assert C.stamps_question(k, s, icnr=True).answer == (k // s) ** 2


ENGLISH_WORD = re.compile(r"\b(?!ICNR\b|SAME\b|VALID\b)[A-Za-z]{3,}\b")


@pytest.mark.parametrize("k,s", [(3, 2), (4, 2), (2, 3), (1, 1), (5, 3), (9, 5)])
def test_texts_the_model_builds_are_wholly_chinese_in_zh(k, s):
    q = C.stamps_question(k, s)
    for text in (C.rule_of_thumb(k, s, "zh"), C.icnr_text(k, s, "zh"), translate(q.prompt, "zh"),
                 translate(q.why, "zh"), translate(C.PHOTO_CREDIT, "zh")):
        left = ENGLISH_WORD.findall(re.sub(r"Grace Hopper|matplotlib\S*|get_sample_data\S*|grace_hopper\S*", "", text))
        assert not left, (text, left)
    assert C.rule_of_thumb(k, s, "en") == C.rule_of_thumb(k, s)
