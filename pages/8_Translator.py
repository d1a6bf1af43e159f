"""Translator: one transposed-conv layer in TensorFlow, Keras, PyTorch, JAX / Flax and ONNX, each run
by convt's adapter on the same numbers and compared. All of it comes from lab.translator."""
import streamlit as st

from lab import translator as T
from ui.binder import read_widgets, write_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _
from ui.style import md

PAGE = "tr"
PAD_LABELS = {"SAME": "SAME (size i·s)", "VALID": "VALID", "EXPLICIT": "explicit crops"}


@st.cache_data(max_entries=128, show_spinner="Running every framework's version…")
def _translate(layer: T.Layer) -> T.Result:
    return T.translate(layer)


large = page_header(PAGE, T.Layer, "🔀 Translator",
                    "One transposed-conv layer, written in five frameworks: the arguments, the weight "
                    "permutation (and flip) that carries the same weights over, the padding — and proof: "
                    "convt's adapters run every version on the same numbers. The link holds every control.",
                    tab="Translator")

c1, c2, c3, c4 = st.columns(4)
c1.number_input(_("Input size (square)"), 1, T.MAX_INPUT, step=1, key="tr_in")
c1.number_input(_("Input channels"), 1, T.MAX_CHANNELS, step=1, key="tr_ci")
c1.number_input(_("Output channels"), 1, T.MAX_CHANNELS, step=1, key="tr_co")
c2.number_input(_("Kernel"), 1, T.MAX_KERNEL, step=1, key="tr_k")
c2.number_input(_("Stride"), 1, T.MAX_STRIDE, step=1, key="tr_s")
c2.number_input(_("Dilation"), 1, T.MAX_DILATION, step=1, key="tr_d")
with c3:
    pad = st.radio(_("Padding"), list(T.PADDINGS), key="tr_pad", format_func=lambda p: _(PAD_LABELS[p]))
    if pad == "EXPLICIT":
        st.number_input(_("Crop before (top / left)"), 0, T.MAX_PAD, step=1, key="tr_pb")
        st.number_input(_("Crop after (bottom / right)"), 0, T.MAX_PAD, step=1, key="tr_pa")
c4.number_input(_("output_padding (the extra cells at the end)"), 0, T.MAX_STRIDE, step=1, key="tr_op",
                disabled=pad == "SAME")
c4.number_input(_("Groups"), 1, T.MAX_GROUPS, step=1, key="tr_g")

state = read_widgets(PAGE, T.Layer)
write_link(PAGE, state)
result = _translate(state)

for note in result.notes:
    st.info(md(_(note)))
layer = result.layer
start, n = layer.window
shape = " × ".join(str(v) for v in result.reference_shape)
ask(T.size_question(result))
verdict = ("All six versions agree: output {shape} (NCHW), the window of {n} cells from cell {start} of the full "
           "{full}-cell transposed output." if result.agree else
           "The versions disagree: output {shape} (NCHW), the window of {n} cells from cell {start} of the full "
           "{full}-cell transposed output.")
(st.success if result.agree else st.error)(md(_(verdict, shape=shape, n=n, start=start, full=layer.full)))
st.caption(_("Numbers: a seeded random input and PyTorch-layout weights W [C_in, C_out/groups, kh, kw], float64; "
             "each version is run by convt's adapter of that framework (Keras through its size rule and "
             "tf_style) and compared with the canonical transposed conv."))

st.table([{_("framework"): t.framework, _("output"): " × ".join(map(str, t.shape)),
           _("max |difference|"): f"{t.max_diff:.1e}", _("agrees"): _("✓ yes") if t.agrees else _("✗ no"),
           _("weights"): _(t.weights)} for t in result.translations])

for t in result.translations:
    st.subheader(t.framework)
    st.markdown(f"**{_('Padding:')}** " + md(_(t.padding)))
    st.markdown(f"**{_('Weights:')}** " + md(_(t.weights)))
    for flag in t.flags:
        st.warning(md(_(flag)), icon="⚠️")
    st.code(t.code, language="python", wrap_lines=True)
