"""The error decoder page (pages/4_Error_decoder.py calls :func:`main`): paste a TensorFlow / Keras /
PyTorch message, get convt.explain's Diagnosis and a link that opens the shape explorer on that
configuration. Lives here so Streamlit compiles it once per process, not on every rerun."""
import streamlit as st

from lab.examples import CAPS_NOTE, MAX_MESSAGE, DecoderState, capped_message, seed_examples
from convt.explain import explain
from convt.diagnosis import size_list, spatial_names
from convt.frameworks import TITLES
from ui.binder import write_link
from ui.links import explorer_link
from ui.page_header import page_header
from ui.style import md

PAGE = "dec"


def _load(state: DecoderState):
    return {"dec_msg": state.message}, []


def _use(text):
    st.session_state["dec_msg"] = text


@st.cache_data(max_entries=256, show_spinner=False)
def _diagnose(message):
    d = explain(message)
    return d, explorer_link(d)


def main():
    st.set_page_config(page_title="Error decoder · convt", page_icon="🔎", layout="wide")
    large = page_header(PAGE, DecoderState, "🔎 Error decoder",
                        "Paste the error your conv2d_transpose / Conv2DTranspose / ConvTranspose2d / "
                        "lax.conv_transpose / ONNX ConvTranspose printed. "
                        "The decoder reads its numbers, says what they mean and what to change.",
                        load=_load, wait=False)  # runs no kernel: the compile goes on in the background

    st.markdown("**Examples to try** (the seed's messages):")
    examples = seed_examples()
    cols = st.columns(2)
    for j, (label, text) in enumerate(examples):
        cols[j % 2].button(label, key=f"dec_ex_{j}", on_click=_use, args=(text,), width="stretch")

    message = st.text_area("Error message", key="dec_msg", height=140, max_chars=MAX_MESSAGE,
                           placeholder="e.g. Conv2DCustomBackpropInput: Size of out_backprop doesn't "
                                       "match computed: actual = 25, computed = 33 …", help=CAPS_NOTE)
    message, notes = capped_message(message or "")
    for note in notes:
        st.warning(note, icon="⚠️")
    write_link(PAGE, DecoderState(message), large)

    if message and message.strip():
        d, params = _diagnose(message)
        if d.framework is None:
            st.warning("convt does not recognise this message as a transposed-convolution shape error. "
                       + md(d.text))
        else:
            st.success(md(f"{TITLES[d.framework]} · {d.kind.replace('_', ' ')}"
                          + (f" · padding {d.padding}" if d.padding else "")))
            st.subheader("What it means")
            st.markdown(md(d.text))
            if d.facts:
                st.markdown("**The numbers read from the message:** " +
                            md(", ".join(f"{k} = {v}" for k, v in d.facts.items())))
            for axis, sizes in zip(spatial_names(len(d.valid_output_sizes)), d.valid_output_sizes):
                if sizes is not None:
                    st.markdown(md(f"Output {axis}s that would be accepted: {size_list(sizes)}"))
            if d.fixes:
                st.subheader("What to change")
                st.markdown("\n".join(f"- {md(f)}" for f in d.fixes))
            if params:
                st.page_link("pages/3_Shape_explorer.py", query_params=params, icon="📐",
                             label="Open this configuration in the shape explorer")
                st.caption("Opens with: " + md(", ".join(f"{k}={v}" for k, v in params.items())) +
                           " (what the message does not say keeps the explorer's default).")
    else:
        st.info("Paste a message above, or click one of the examples.")
