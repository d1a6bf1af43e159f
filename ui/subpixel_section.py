"""The sub-pixel (polyphase) view on the transposed-convolution page: the page's transposed conv as
s² small stride-1 convolutions (s in 1-D) interleaved by a pixel shuffle, each phase's tap count,
and the multiplications the zero-inserted direct view spends on zeros. Numbers from
``lab.subpixel``, pictures from ``lab.draw.subpixel``; controls keyed ``tc_sp_*`` (not in the link).

The page calls :func:`subpixel_section` once, with its validated configuration.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from lab import animation as anim
from lab import checkerboard
from lab import subpixel as S
from lab.draw.subpixel import interleaved_png, kernel_png, phases_png
from ui import prefs
from ui.links import page_link
from ui.predict import ask
from ui.prefs import _


@st.cache_data(max_entries=64, show_spinner=False)
def _pictures(cfg: anim.AnimConfig, lang: str, present: bool):
    dec = S.from_config(cfg)
    return kernel_png(dec, lang, present), phases_png(dec, lang, present), interleaved_png(dec, lang, present)


def _grid(a: np.ndarray) -> str:
    rows = np.atleast_2d(a)
    width = max((len(anim.fmt(v)) for v in rows.ravel()), default=1)
    return "\n".join(" ".join(anim.fmt(v).rjust(width) for v in row) for row in rows) or "—"


def _intro(dec: S.Decomposition) -> str:
    s, k = dec.stride[0], dec.w.shape[0]
    if dec.nd == 1:
        return _("A stride-{s} transposed conv is {s} small stride-1 convolutions of the same input, one per "
                 "*phase*: the output cells at position r of every block of {s} (r = 0 … {last}) are reached "
                 "only by the kernel taps that line up with them. Each phase convolves the input — no zeros "
                 "inserted — with its own sub-kernel; interleaving their outputs (a pixel shuffle) gives the "
                 "transposed conv's output exactly.", s=s, last=s - 1)
    return _("A stride-{s} transposed conv is {n} small stride-1 convolutions of the same input, one per "
             "*phase*: the output cells at row r, column c of every {s} × {s} block (r, c = 0 … {last}) are "
             "reached only by the kernel taps that line up with them. Each phase convolves the input — no "
             "zeros inserted — with its own sub-kernel; interleaving their outputs (a pixel shuffle) gives the "
             "transposed conv's output exactly. The {n} phases share the {k} × {k} kernel's {kk} taps.",
             s=s, n=s * s, last=s - 1, k=k, kk=k * k)


def _taps_verdict(dec: S.Decomposition) -> None:
    counts = sorted({p.taps for p in dec.phases})
    levels = ", ".join(map(str, counts))
    s, k, d = dec.stride[0], dec.w.shape[0], dec.dilation[0]
    if len(counts) == 1:
        st.success(_("Every phase uses the same number of taps ({n}): every output cell gets the same number of "
                     "contributions — no checkerboard from the stride.", n=counts[0]))
    elif counts[0] == 0:
        st.error(_("Some phases use no tap at all (taps per phase: {levels}): their output cells are always 0 "
                   "— a grid of holes.", levels=levels))
    else:
        st.error(_("The phases use {levels} taps: kernel {k} is not a multiple of stride {s}, so some output "
                   "cells are sums of more products than others — the checkerboard.", levels=levels, k=k, s=s)
                 if d == 1 else
                 _("The phases use {levels} taps (dilation {d} moves the taps between phases): some output cells "
                   "are sums of more products than others — the checkerboard.", levels=levels, d=d))
    if dec.nd == 2 and k <= checkerboard.MAX_KERNEL and s <= checkerboard.MAX_STRIDE:
        page_link("Checkerboard", _("Checkerboard page: kernel {k}, stride {s}", k=k, s=s), "🏁", {"k": k, "s": s})


def _work(dec: S.Decomposition) -> None:
    work = dec.work()
    s = dec.stride[0]
    c1, c2, c3 = st.columns(3)
    c1.metric(_("Multiplications, zeros inserted (direct view)"), f"{work.direct:,}")
    c2.metric(_("Multiplications, {n} phases", n=len(dec.phases)), f"{work.phases:,}")
    c3.metric(_("Skipped by the phases"), f"{work.wasted:.1%}")
    formula = f"1 − 1/{s}" + ("²" if dec.nd == 2 else "") + f" = {work.wasted_formula:.1%}"
    st.caption(_("The direct view multiplies every output cell by all the kernel's taps, but only its phase's "
                 "taps meet a real input value; the others meet an inserted zero. That is {formula} of the "
                 "work — exactly when each output side is a multiple of the stride, nearly otherwise.",
                 formula=formula))


def _one_phase(dec: S.Decomposition) -> None:
    names = [S.phase_name(p) for p in dec.phases]
    if st.session_state.get("tc_sp_phase") not in names:
        st.session_state["tc_sp_phase"] = names[0]
    name = st.selectbox(_("Look at one phase"), names, key="tc_sp_phase",
                        help=_("its sub-kernel, its small convolution and where its outputs go"))
    phase = dec.phases[names.index(name)]
    st.markdown(_(S.phase_taps_text(phase)))
    where = ", ".join(f"{a.out_first}::{s}" for a, s in zip(phase.axes, dec.stride))
    st.markdown(_("Its outputs fill the cells [{where}] of the output.", where=where))
    c1, c2 = st.columns(2)
    c1.markdown(f"**{_('Sub-kernel')}**")
    c1.code(_grid(phase.sub_kernel(dec.w)), language=None)
    c2.markdown(f"**{_('Phase output')}**")
    c2.code(_grid(phase.output(dec.x, dec.w)), language=None)


def subpixel_section(cfg: anim.AnimConfig, present: bool) -> None:
    """The expander with the whole view, for the page's configuration ``cfg``. Drawn only while it
    is open (its pictures are a few hundred ms a configuration: a closed section costs nothing)."""
    lang = prefs.current().lang
    section = st.expander(_("Sub-pixel view: s² small convolutions, interleaved"), key="tc_sp_open",
                          on_change="rerun")
    if not section.open:
        return
    with section:
        dec = S.from_config(cfg)
        st.markdown(_intro(dec))
        if ask(S.taps_question(dec)):
            _taps_verdict(dec)
        kernel_pic, phases_pic, shuffled_pic = _pictures(cfg, lang, present)
        st.image(kernel_pic, width="content")
        left, right = st.columns(2)            # side by side; one under the other on a phone
        left.image(phases_pic, width="content")
        right.image(shuffled_pic, width="content")
        diff = float(np.max(np.abs(dec.reassembled() - dec.reference()), initial=0.0))
        if diff <= 1e-12:
            st.success(_("Interleaved, the phases give exactly the page's output (convt.kernels_nd.conv_transpose): "
                         "largest difference {diff}.", diff=f"{diff:.0e}" if diff else "0"))
        else:  # pragma: no cover - would be a bug in lab.subpixel
            st.error(_("The phases disagree with the kernel by {diff}.", diff=f"{diff:.1e}"))
        _work(dec)
        _one_phase(dec)
