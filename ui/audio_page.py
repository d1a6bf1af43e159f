"""The encoder–decoder page's audio mode: a stack of ``ConvTranspose1d`` layers, its length at every
layer, the fix per layer and the causal trimming picture. Numbers from :mod:`lab.audio`, the picture
from :mod:`lab.draw.audio`; this module only lays out widgets."""
from __future__ import annotations

import streamlit as st

from lab import audio as A
from lab.draw.audio import causal_png
from ui import prefs
from ui.predict import ask
from ui.prefs import _
from ui.style import md

P = "ch"
KEYS = {"frames": f"{P}_frames", "stack": f"{P}_up", "samples": f"{P}_T", "side": f"{P}_trim", "step": f"{P}_frame"}


def widget_values(state) -> dict:
    """The audio widgets' keys for a ``lab.chain.ChainState``."""
    return {key: getattr(state, name) for name, key in KEYS.items()}


def values() -> dict:
    """The audio fields of the page state, as the widgets hold them."""
    return {name: st.session_state[key] for name, key in KEYS.items()}


def _set_stack(layers):
    st.session_state[KEYS["stack"]] = A.stack_text(layers)


@st.cache_data(max_entries=64, show_spinner=False)
def _causal(n: int, k: int, s: int, step: int, side: str, large: bool, lang: str) -> bytes:
    return causal_png(A.causal_step(n, k, s, step), side, large, lang)


def show(large: bool) -> None:
    st.markdown(f"**{_('Presets')}**")
    cols = st.columns(len(A.PRESETS))
    for j, (name, (label, layers)) in enumerate(A.PRESETS.items()):
        cols[j].button(_(label), key=f"{P}_apreset_{name}", on_click=_set_stack, args=(layers,), width="stretch")
    c1, c2 = st.columns([1, 3])
    frames = int(c1.number_input(_("Frames (decoder input length)"), 1, A.MAX_FRAMES, key=KEYS["frames"],
                                 help=_("at most {n}", n=f"{A.MAX_FRAMES:,}")))
    c2.text_area(_("ConvTranspose1d layers, one per line"), key=KEYS["stack"], height=130,
                 help=_("k<kernel> s<stride> p<padding> op<output_padding>, e.g. `k16 s8 p4 op0` (dilation 1). "
                        "At most {layers} layers, kernel ≤ {kernel}, stride ≤ {stride}.", layers=A.MAX_LAYERS,
                        kernel=A.MAX_KERNEL, stride=A.MAX_STRIDE))
    layers, notes = A.parse_stack(st.session_state[KEYS["stack"]])
    for note in notes:
        st.warning(_(note))
    if not layers:
        st.info(_("No layers yet: add one per line, e.g. `k16 s8 p4 op0`, or load a preset."))
        return
    question = A.length_question(frames, layers)
    if question is not None:
        ask(question)
    _lengths(frames, layers)
    _round_trip(frames, layers)
    _causal_section(frames, layers, large)


def _lengths(frames: int, layers) -> None:
    hop, sizes = A.hop(layers), A.lengths(frames, layers)
    target, C = frames * hop, A.total_offset(layers)
    st.header(_("Length at every layer"))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(_("Hop length (product of strides)"), f"{hop:,}")
    m2.metric(_("frames × hop"), f"{target:,}")
    reached = len(sizes) == len(layers) + 1
    m3.metric(_("Decoder output"), f"{sizes[-1]:,}" if reached else "—")
    m4.metric(_("Off by"), f"{sizes[-1] - target:+,}" if reached else "—")
    rows = A.table(frames, layers)
    st.table([{_("layer"): r.index, "ConvTranspose1d": r.layer.text(), _("in"): f"{r.n_in:,}",
               _("out = (in−1)·s − 2p + k − 1 + op + 1"): _("< 1 (fails)") if r.n_out is None else f"{r.n_out:,}",
               _("stride × in"): f"{r.ideal:,}",
               _("off by"): "" if r.n_out is None else f"{r.n_out - r.ideal:+}",
               _("fix"): "—" if r.fix is None else r.fix.text()} for r in rows])
    for r in rows:
        if r.layer.problem():
            st.error(_("Layer {t}: {problem}.", t=r.index, problem=md(_(r.layer.problem()))))
    if C == 0:
        st.success(_("Every layer gives exactly stride × its input, so **every** number of frames decodes to "
                     "exactly frames × {hop} samples.", hop=f"{hop:,}"))
    else:
        upto = min(frames, 2000)
        hits = A.exact_frames(layers, upto)
        st.error(_("The stack gives hop·frames {offset} samples for **every** number of frames (checked layer by "
                   "layer for 1…{upto}: {exact} exact): an offset in one layer is multiplied by the strides after "
                   "it, so the output length is never frames × {hop}.", offset=f"{C:+,}", upto=f"{upto:,}",
                   exact=len(hits), hop=f"{hop:,}"))
        for r in rows:
            if r.fix is not None:
                st.markdown(_("- Layer {t} (`{layer}` → `{fix}`): {why}.", t=r.index, layer=r.layer.text(),
                              fix=r.fix.text(), why=md(_(r.why))))
            elif r.why != "already exact":
                st.markdown(_("- Layer {t}: {why}.", t=r.index, why=md(_(r.why))))
        st.button(_("Apply every fix"), key=f"{P}_afix", on_click=_set_stack, args=(A.fixed(layers),),
                  help=_("padding = ⌈(k−s)/2⌉, output_padding = (k−s) mod 2 on every inexact layer"))
    with st.expander(_("The layers in PyTorch")):
        st.code("\n".join(layer.torch() for layer in layers), language="python")


def _round_trip(frames: int, layers) -> None:
    hop = A.hop(layers)
    st.header(_("Which clip lengths come back exactly"))
    T = int(st.number_input(_("Clip length in samples"), 1, A.MAX_SAMPLES, key=KEYS["samples"]))
    n, padded, extra = A.round_trip(T, hop)
    sizes = A.lengths(n, layers)
    back = sizes[-1] if len(sizes) == len(layers) + 1 else None
    st.markdown(_("An encoder with the mirrored strides (total {hop}) pads {T} samples to ⌈{T} / {hop}⌉ "
                  "= **{n} frames** = {padded} samples; this decoder turns {n} frames into **{back} samples**.",
                  hop=f"{hop:,}", T=f"{T:,}", n=f"{n:,}", padded=f"{padded:,}",
                  back=_("nothing") if back is None else f"{back:,}"))
    C = A.total_offset(layers)
    if back == T:
        st.success(_("{T} is a multiple of {hop} and the decoder is exact: the clip comes back at its length.",
                     T=f"{T:,}", hop=f"{hop:,}"))
    elif T % hop == 0:
        st.warning(_("{T} is a multiple of {hop}, but the decoder is off by {offset}: fix its layers (above).",
                     T=f"{T:,}", hop=f"{hop:,}", offset=f"{C:+,}"))
    else:
        lo, hi = (T // hop) * hop, -(-T // hop) * hop
        st.warning(_("{T} is not a multiple of {hop}: the decoder returns the padded length{offset}. Exact round "
                     "trips need a multiple of {hop} (e.g. {lo} or {hi}) and an exact decoder; otherwise crop the "
                     "output back to {T} samples (as DAC does).", T=f"{T:,}", hop=f"{hop:,}",
                     offset=f" {C:+,}" if C else "", lo=f"{lo:,}", hi=f"{hi:,}"))


def _causal_section(frames: int, layers, large: bool) -> None:
    st.header(_("Causal layers: trim on the left or on the right?"))
    first = next((layer for layer in layers if layer.kernel > layer.stride), layers[0])
    n, k, s, notes = A.causal_config((frames, first.kernel, first.stride))
    st.markdown(_("A causal `ConvTranspose1d` (padding 0) outputs (n−1)·s + k samples: k − s = {extra} too many. "
                  "EnCodec's `SConvTranspose1d` trims them afterwards; `trim_right_ratio=1` (the causal default) "
                  "cuts the right. Drawn for kernel {k}, stride {s} and {n} frames (from the layer `{layer}`).",
                  extra=k - s, k=k, s=s, n=n, layer=first.text()))
    for note in notes:
        st.caption(_(note))
    c1, c2 = st.columns([1, 3])
    side = c1.radio(_("Trim on the"), A.SIDES, key=KEYS["side"], horizontal=True, format_func=_)
    if st.session_state[KEYS["step"]] > n:
        st.session_state[KEYS["step"]] = n
    step = c2.slider(_("After input frame"), 1, max(n, 2), key=KEYS["step"], disabled=n < 2) - 1
    cs = A.causal_step(n, k, s, min(step, n - 1))
    st.image(_causal(n, k, s, cs.step, side, large, prefs.current().lang), width="stretch")
    for line in A.causal_summary(cs):
        st.markdown(_(line))
    kept = cs.keep_right if side == "right" else cs.keep_left
    st.markdown(_("Trimming on the {side} keeps samples **{first}…{last}** of the full output; final after frame "
                  "{frame}: **{ready}**.", side=_(side), first=kept.start, last=kept.stop - 1, frame=cs.step + 1,
                  ready=len(cs.ready(side))))
    code = "y = y[..., :-trim]" if side == "right" else "y = y[..., trim:]"
    st.code(f"y = conv_transpose(x)            # (n−1)·s + k samples\ntrim = kernel_size - stride  # {k - s}\n{code}",
            language="python")
    st.caption(_("Green: final (no later frame adds to it) · orange: still waiting for a later frame's stamp · "
                 "grey ×: trimmed away · a/b: stamps so far / stamps it will get in a stream."))
