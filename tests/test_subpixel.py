"""The sub-pixel view: the phases put back together are convt's transposed conv exactly, the taps
are shared out among the phases, and the multiplication count behind "1 − 1/s² is wasted"."""
import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt.arithmetic import windowed_output
from convt.fast.winograd import axis_phases as winograd_phases
from convt.trace import valid_output_sizes
from lab import animation
from lab import subpixel as S

PADS = st.one_of(st.sampled_from(["SAME", "VALID"]), st.integers(0, 4))


@st.composite
def geometries(draw, nd):
    """A valid transposed-conv geometry per axis (the output size one TF accepts) and its numbers."""
    axes = []
    for _ in range(nd):
        i, k, s, d = draw(st.integers(1, 7)), draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
        pad = draw(PADS)
        if not isinstance(pad, str):
            pad = min(pad, (k - 1) * d)
        valid = valid_output_sizes(i, k, s, d, pad)
        if not len(valid):
            pad, valid = "VALID", valid_output_sizes(i, k, s, d, "VALID")
        out = draw(st.sampled_from(list(valid)))
        pb = windowed_output(out, k, s, d, S.padding_form(pad)).pad_before
        axes.append((i, k, s, d, pb, out))
    i, k, s, d, pb, out = zip(*axes)
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 16)))
    return S.decompose(rng.normal(size=i), rng.normal(size=k), s, d, pb, out)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 2).flatmap(geometries))
def test_phases_reassemble_exactly_into_convts_transposed_conv(dec):
    assert dec.reassembled().shape == dec.reference().shape
    assert np.max(np.abs(dec.reassembled() - dec.reference()), initial=0.0) <= 1e-12


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2).flatmap(geometries))
def test_each_tap_belongs_to_exactly_one_phase_and_each_output_cell_too(dec):
    assert sum(p.tap_mask(dec.w.shape).astype(int) for p in dec.phases).tolist() == np.ones(dec.w.shape).tolist()
    assert sum(p.taps for p in dec.phases) == dec.w.size                        # k^nd
    for axis in range(dec.nd):
        per_axis = {p.axes[axis] for p in dec.phases}
        assert sum(len(a.taps) for a in per_axis) == dec.w.shape[axis]          # k per dimension
        assert sum(a.out_count for a in per_axis) == dec.out_size[axis]
        assert sorted(a.out_first for a in per_axis) == list(range(dec.stride[axis]))


@pytest.mark.parametrize("k,s,taps", [(3, 2, (2, 1)), (4, 2, (2, 2)), (5, 3, (2, 2, 1)), (2, 3, (1, 1, 0)),
                                      (1, 1, (1,))])
def test_taps_per_phase_are_uneven_exactly_when_k_is_not_a_multiple_of_s(k, s, taps):
    phases = S.axis_phases(4, k, s, 1, 0, 4 * s)
    assert tuple(len(p.taps) for p in phases) == taps
    assert (len(set(taps)) == 1) == (k % s == 0)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(1, 4), st.integers(1, 3), st.integers(0, 8), st.integers(1, 30))
def test_axis_phases_agree_with_convts_own_winograd_split(i, k, s, d, pb, out):
    """Where convt.fast splits an axis (stride or dilation 1) both splits name the same taps for the
    same output cells."""
    if s > 1 and d > 1:
        return
    pb = pb % (s * d + k)
    ours = {p.out_first: p for p in S.axis_phases(i, k, s, d, pb, out)}
    if s == 1:
        (p,) = ours.values()
        assert p.taps == tuple(range(k)) and p.offsets == tuple(t * d for t in range(k))
        return
    for theirs in winograd_phases(i, out, k, s, d, pb):
        mine = ours[theirs.out_first]
        assert mine.taps == theirs.taps and mine.out_count == theirs.out_count


def brute_force_work(dec):
    """Walk the direct view output cell by output cell, tap by tap: every multiplication, and those
    that land on the input's lattice (every s-th cell of the zero-inserted input, continued past its
    ends where the phases' small convs read padding) rather than on an inserted zero."""
    s, d, k = dec.stride, dec.dilation, dec.w.shape
    lattice_hits = total = 0
    for out in np.ndindex(*dec.out_size):
        for tap in np.ndindex(*k):
            total += 1
            positions = [o + pb - t * dd for o, pb, t, dd in zip(out, dec.pad_before, tap, d)]
            lattice_hits += all(p % ss == 0 for p, ss in zip(positions, s))   # not an inserted zero
    return total, lattice_hits


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 2).flatmap(geometries))
def test_work_counts_are_what_the_zero_inserted_input_shows(dec):
    work = dec.work()
    assert (work.direct, work.phases) == brute_force_work(dec)
    if all(n % s == 0 for n, s in zip(dec.out_size, dec.stride)):
        assert work.wasted == pytest.approx(work.wasted_formula, abs=1e-15)


def test_wasted_fraction_is_three_quarters_at_stride_two():
    cfg = animation.AnimConfig(4, 3, 2, 1, "SAME", 0, 8, 2)
    work = S.from_config(cfg).work()
    assert work.direct == 64 * 9 and work.phases == 16 * 9 and work.wasted == 0.75 == work.wasted_formula


def test_from_config_uses_the_pages_numbers_in_1d_and_2d():
    for nd in (1, 2):
        cfg, _, valid = animation.resolve_transpose({"in": 5, "k": 3, "s": 2, "d": 1, "pad": "SAME", "nd": nd,
                                                     "seed": 7})
        for out in valid:
            dec = S.from_config(dataclasses.replace(cfg, out=out))
            assert dec.nd == nd and dec.reassembled().shape == (out,) * nd
            assert np.array_equal(dec.reassembled(), dec.reference())
    grid = S.from_config(animation.AnimConfig(5, 3, 2, 1, "SAME", 0, 10, 2)).taps_grid()
    assert sorted(grid.ravel().tolist()) == [1, 2, 2, 4]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 4), st.integers(1, 2), st.integers(0, 999))
def test_icnr_gives_every_phase_the_same_sub_kernel(k, s, nd, seed):
    m = k // s
    base = np.random.default_rng(seed).normal(size=(max(m, 1),) * nd)
    if m == 0:
        with pytest.raises(ValueError):
            S.icnr_kernel(base, s, k)
        return
    w = S.icnr_kernel(base, s, k)
    assert w.shape == (k,) * nd
    x = np.random.default_rng(seed + 1).normal(size=(6,) * nd)
    dec = S.decompose(x, w, (s,) * nd, (1,) * nd, (0,) * nd, (6 * s,) * nd)
    subs = [p.sub_kernel(w) for p in dec.phases]
    for sub in subs:                              # the first m taps of every phase: the base itself
        assert np.array_equal(sub[tuple(slice(0, m) for _ in range(nd))], base)
        assert np.count_nonzero(sub) <= base.size
    outs = dec.phase_outputs()
    for y in outs[1:]:                            # so every phase computes the same picture:
        np.testing.assert_allclose(y, outs[0], atol=1e-12)   # the output is a nearest-neighbour ×s upsampling


def test_icnr_refuses_a_kernel_smaller_than_the_stride_and_a_wrong_base():
    with pytest.raises(ValueError, match="no taps"):
        S.icnr_kernel(np.ones((1, 1)), 3, 2)
    with pytest.raises(ValueError, match="per side"):
        S.icnr_kernel(np.ones((2, 2)), 2, 3)


@pytest.mark.parametrize("cfg", [animation.AnimConfig(4, 3, 2, 1, "SAME", 0, 8, 2),
                                 animation.AnimConfig(5, 3, 3, 2, "VALID", 1, 17, 1),
                                 animation.AnimConfig(16, 7, 4, 3, "VALID", 0, 79, 2)],
                         ids=["2d", "1d-dilated", "largest"])
def test_figures_draw_every_configuration_larger_in_presentation_mode_and_in_chinese(cfg):
    from io import BytesIO

    from PIL import Image

    from lab.draw import subpixel as D
    dec = S.from_config(cfg)
    for draw in (D.kernel_png, D.phases_png, D.interleaved_png):
        plain, big = (Image.open(BytesIO(draw(dec, "en", present))) for present in (False, True))
        assert big.width > plain.width and big.height > plain.height
        zh = Image.open(BytesIO(draw(dec, "zh")))
        assert zh.size[0] > 100
    from lab.draw.fonts import CJK_FONT
    assert D.font_family("zh")[-1] == CJK_FONT and D.font_family("en") == ("DejaVu Sans",)
