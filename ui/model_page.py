"""The encoder–decoder page's "Paste your model" box (the model is lab.model_code): pasted PyTorch or
Keras code read without running it, walked for one input size, its first breaking layer explained.
The text stays in the session only: a model's code is too long for a link."""
import streamlit as st

from lab import chain as C
from lab import model_code as M
from ui.prefs import _
from ui.style import md
from ui.unet_page import CODE_NAMES

KEY_CODE, KEY_SIZE = "mc_code", "mc_in"


@st.cache_data(max_entries=64, show_spinner=False)
def _read(text: str) -> M.Reading:
    return M.read(text)


@st.cache_data(max_entries=256, show_spinner=False)
def _check(reading: M.Reading, size: int) -> M.Verdict:
    return M.check(reading, size)


def show() -> None:
    with st.expander(_("Paste your model (PyTorch or Keras code, read but never run)")):
        st.text_area(_("Model code"), key=KEY_CODE, height=220, max_chars=M.MAX_CHARS, placeholder=M.EXAMPLE,
                     help=_("nn.Sequential(...), a module's __init__ and forward (torch.cat for skips), a Keras "
                            "Sequential([...]) or functional code (layers.Conv2D(...)(x), Concatenate()([a, b])). "
                            "At most {chars} characters, {lines} lines, {layers} layers.", chars=f"{M.MAX_CHARS:,}",
                            lines=M.MAX_LINES, layers=M.MAX_LAYERS))
        st.number_input(_("Input size for the pasted model"), 1, C.MAX_INPUT, 61, key=KEY_SIZE)
        text = st.session_state[KEY_CODE]
        if not text.strip():
            st.caption(_("Pooling is read as a strided conv and upsampling by f as a transposed conv k = s = f "
                         "(same sizes); activations, norms and dropout keep the size."))
            return
        reading = _read(text)
        for note in reading.notes:
            st.warning(md(_(note)))
        if reading.refusal:
            st.info(md(_(reading.refusal)))
            return
        _verdict(reading, _check(reading, int(st.session_state[KEY_SIZE])))


def _verdict(reading: M.Reading, v: M.Verdict) -> None:
    name = C.FRAMEWORK_NAMES[reading.framework]
    st.markdown(_("Read as {framework}, {n} size-changing layers:", framework=name, n=len(reading.layers)))
    st.table([{_("layer no."): str(t), _("line"): str(line), _("code"): name, _("read as"): layer.text(),
               _("size"): _("✗ breaks") if v.breaks_at == t else "—" if size is None else str(size)}
              for t, (layer, line, name, size) in enumerate(zip(reading.layers, reading.lines, reading.names,
                                                                v.walk.sizes(v.chain)[1:]), start=1)])
    if v.breaks_at is None:
        st.success(_("Input {n}: every layer works in {framework}; the solver's round-trip sizes: {sizes}.",
                     n=v.chain.input, framework=name, sizes=md(_(v.solution.summary))))
        return
    step = v.walk.steps[v.breaks_at - 1]
    st.error(_("Input {n} breaks at layer {t} (line {line}): {problem}", n=v.chain.input, t=v.breaks_at, line=v.line,
               problem=md(_(step.problem))))
    if step.message:
        st.code(step.message, language=None, wrap_lines=True)
    if reading.names[v.breaks_at - 1] in M.UPSAMPLING:
        st.caption(_("Layer {t} is {name}, read as the transposed conv with the same sizes: for it, resize to the "
                     "skip tensor's size or crop/pad instead of output_padding.", t=v.breaks_at,
                     name=reading.names[v.breaks_at - 1]))
    for fix in v.solution.fixes:
        st.markdown("- " + md(_(fix.text)))
        own = {key: line for key, line in fix.code.items() if key == reading.framework} or fix.code
        st.code("\n".join(f"# {CODE_NAMES[key]}\n{line}" for key, line in own.items()), language="python",
                wrap_lines=True)
