"""The error decoder page (pages/4_Error_decoder.py calls :func:`main`): paste a message or a whole
traceback; the answer first, the line that was read, the full reasoning, and a link that opens the
shape explorer (or, for a skip-connection error, the encoder–decoder page) on that configuration.
Lives here so Streamlit compiles it once per process, not on every rerun."""
import streamlit as st

from convt.diagnosis import Diagnosis, Geometry, size_list, spatial_names
from convt.explain import explain_paste
from convt.frameworks import TITLES
from lab import decoder, explorer
from lab.examples import CAPS_NOTE, MAX_MESSAGE, MAX_MESSAGE_LINES, MAX_PASTE, DecoderState, seed_examples
from ui.binder import write_link
from ui.library_text import said
from ui.links import chain_link, explorer_link, geometry_params, page_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _
from ui.style import md

PAGE = "dec"
MAX_SHOWN = 400   # characters of the read line shown on the page


def _load(state: DecoderState):
    return {"dec_msg": state.message}, []


def _use(text):
    st.session_state["dec_msg"] = text


@st.cache_data(max_entries=64, show_spinner=False)
def _read(message):
    reading = explain_paste(message)
    d = reading.diagnosis
    return reading, explorer_link(d), chain_link(d), decoder.reproduction(d)


def _fill_in_form() -> None:
    """The explorer with its input fields to fill in: for messages that carry no usable numbers."""
    st.markdown(_("**Fill in what you know** and open the shape explorer on it:"))
    c = st.columns(6)
    fw = c[0].selectbox(_("Framework"), explorer.FRAMEWORKS, key="dec_f_fw", format_func=explorer.FRAMEWORK_NAMES.get)
    n_in = c[1].number_input(_("Input size"), 1, explorer.MAX_INPUT, 25, key="dec_f_in")
    k = c[2].number_input(_("Kernel"), 1, explorer.MAX_KERNEL, 3, key="dec_f_k")
    s = c[3].number_input(_("Stride"), 1, explorer.MAX_STRIDE, 2, key="dec_f_s")
    pad = c[4].selectbox(_("Padding"), ("SAME", "VALID"), key="dec_f_pad")
    out = c[5].number_input(_("Output size"), 1, explorer.MAX_OUTPUT, 50, key="dec_f_out")
    params = geometry_params(Geometry(input=int(n_in), kernel=int(k), stride=int(s), padding=pad, output=int(out)))
    page_link("explorer", _("Open these numbers in the shape explorer"), "📐", {**params, "fw": fw})


def _families() -> None:
    with st.expander(_("The messages the decoder reads")):
        for title, words in decoder.families().items():
            st.markdown(f"- **{md(title)}**: " + md(", ".join(_(word) for word in words)))


def _where(reading, message: str) -> None:
    if reading.line_number is None or "\n" not in message.strip():
        return
    line = reading.line.strip()
    shown = line if len(line) <= MAX_SHOWN else line[:MAX_SHOWN] + "…"
    st.markdown(_("Read **line {n}** of your paste (the last error in it):", n=reading.line_number))
    st.markdown(":orange-background[" + md(shown) + "]")


def _reasoning(d: Diagnosis, params, chain_params, found) -> None:
    st.subheader(_("Full reasoning"))
    st.markdown(said(d.text))
    if d.facts:   # names as the library spells them: identifiers, not prose
        st.markdown("**" + _("The numbers read from the message:") + "** " +
                    md(", ".join(f"{k} = {v}" for k, v in d.facts.items())))
    dims = decoder.per_dimension(d) if d.kind == "torch_output_size" else []
    if any(verdict.startswith("impossible") for _axis, verdict in dims):
        st.markdown("**" + _("Per dimension:") + "**\n" +
                    "\n".join(f"- {md(_(axis))}: {said(v)}" for axis, v in dims))
    else:
        for axis, sizes in zip(spatial_names(len(d.valid_output_sizes)), d.valid_output_sizes):
            if sizes is not None:
                st.markdown(said("Output {axis}s that would be accepted: {sizes}", axis=axis, sizes=size_list(sizes)))
    if d.fixes:
        st.subheader(_("What to change"))
        st.markdown("\n".join(f"- {said(f)}" for f in d.fixes))
    if chain_params:
        page_link("encoder", _("Open this skip connection on the encoder–decoder page (U-Net size solver)"),
                  "🔁", chain_params)
        st.caption(_("Opens a two-level chain whose skip connection fails with these two sizes; its solver lists "
                     "the input sizes that round-trip and the smallest fix per layer, with code."))
    elif d.kind == "concat":
        page_link("encoder", _("Open the encoder–decoder page (U-Net size solver)"), "🔁")
    if params:
        page_link("explorer", _("Open this configuration in the shape explorer"), "📐", params)
        if found is not None:
            st.caption(md(_("From the message: {read}. Chosen by convt: {chosen}.", read=_(found.read),
                            chosen=_(found.chosen))))
        else:
            st.caption(md(_("Opens with: {params} (what the message does not say keeps the explorer's default).",
                            params=", ".join(f"{k}={v}" for k, v in params.items()))))
    elif d.kind != "concat":
        _fill_in_form()


def main():
    page_header(PAGE, DecoderState, "🔎 Error decoder",
                "Paste the error your conv2d_transpose / Conv2DTranspose / ConvTranspose2d / "
                "lax.conv_transpose / ONNX ConvTranspose or a skip connection's concat printed, or the "
                "whole traceback. The decoder reads its numbers, says what they mean and what to change.",
                load=_load, wait=False,
                tab="Error decoder")  # runs no kernel: the compile goes on in the background

    st.markdown(_("**Examples to try** (the seed's messages):"))
    examples = seed_examples()
    cols = st.columns(2)
    for j, (label, text) in enumerate(examples):
        cols[j % 2].button(_(label), key=f"dec_ex_{j}", on_click=_use, args=(text,), width="stretch")

    message = st.text_area(_("Error message or whole traceback"), key="dec_msg", height=140, max_chars=MAX_PASTE,
                           placeholder=_("e.g. {message} …", message="Conv2DCustomBackpropInput: Size of "
                                         "out_backprop doesn't match computed: actual = 25, computed = 33"),
                           help=_(CAPS_NOTE))
    message = message or ""
    if not message.strip():
        write_link(PAGE, DecoderState(""))
        st.info(_("Paste a message above, or click one of the examples."))
        return
    reading, params, chain_params, found = _read(message)
    d = reading.diagnosis
    fits = len(message) <= MAX_MESSAGE and message.count("\n") < MAX_MESSAGE_LINES
    in_link = message if fits else reading.line[:MAX_MESSAGE]
    write_link(PAGE, DecoderState(in_link))
    if not fits:
        st.caption(md(_("Your paste has {chars} characters and {lines} lines; a link cannot carry that much, "
                        "so the page's link holds only the line that was read.", chars=f"{len(message):,}",
                        lines=f"{message.count(chr(10)) + 1:,}")))
    if d.framework is None:
        st.warning(said(d.text))
        _fill_in_form()
        _families()
        return
    word = decoder.family(d.kind)
    kind = _(word) if _(word) != word else d.kind.replace("_", " ")   # translated family, else the kind as read
    st.success(md(f"{TITLES[d.framework]} · {kind}" + (f" · {_('padding')} {d.padding}" if d.padding else "")))
    _ask_sizes(d)
    parts = [said(decoder.first_sentence(d))]
    if decoder.accepted(d):
        parts.append(said("It would accept output sizes: {sizes}.", sizes=_accepted(d)))
    if d.fixes:
        parts.append(said("Quickest fix: {fix}.", fix=d.fixes[0].rstrip(".")))
    st.markdown("**" + _("Answer.") + "** " + " ".join(parts))
    _where(reading, message)
    _reasoning(d, params, chain_params, found)


def _ask_sizes(d: Diagnosis) -> None:
    """Predict first: which output sizes would work (the answer below says it too)."""
    q = decoder.size_question(d)
    if q is not None and ask(q):
        st.markdown(said("It would accept output sizes: {sizes}.", sizes=_accepted(d)))


def _accepted(d: Diagnosis) -> str:
    return "; ".join(f"{_(axis)} {_(sizes)}" for axis, sizes in decoder.accepted(d))
