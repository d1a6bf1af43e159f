"""The encoder–decoder page's "Paste your model" box (the model is lab.model_code): pasted PyTorch or
Keras code read without running it, walked for one input size, its first breaking layer explained.
The text stays in the session only: a model's code is too long for a link."""
import streamlit as st

from lab import chain as C
from lab import model_code as M
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
    with st.expander("Paste your model (PyTorch or Keras code, read but never run)"):
        st.text_area("Model code", key=KEY_CODE, height=220, max_chars=M.MAX_CHARS, placeholder=M.EXAMPLE,
                     help="nn.Sequential(...), a module's __init__ and forward (torch.cat for skips), a Keras "
                          "Sequential([...]) or functional code (layers.Conv2D(...)(x), Concatenate()([a, b])). "
                          f"At most {M.MAX_CHARS:,} characters, {M.MAX_LINES} lines, {M.MAX_LAYERS} layers.")
        st.number_input("Input size for the pasted model", 1, C.MAX_INPUT, 61, key=KEY_SIZE)
        text = st.session_state[KEY_CODE]
        if not text.strip():
            st.caption("Pooling is read as a strided conv and upsampling by f as a transposed conv k = s = f "
                       "(same sizes); activations, norms and dropout keep the size.")
            return
        reading = _read(text)
        for note in reading.notes:
            st.warning(md(note))
        if reading.refusal:
            st.info(md(reading.refusal))
            return
        _verdict(reading, _check(reading, int(st.session_state[KEY_SIZE])))


def _verdict(reading: M.Reading, v: M.Verdict) -> None:
    name = C.FRAMEWORK_NAMES[reading.framework]
    st.markdown(f"Read as {name}, {len(reading.layers)} size-changing layers:")
    st.table([{"#": str(t), "line": str(line), "code": name, "read as": layer.text(),
               "size": "✗ breaks" if v.breaks_at == t else "—" if size is None else str(size)}
              for t, (layer, line, name, size) in enumerate(zip(reading.layers, reading.lines, reading.names,
                                                                v.walk.sizes(v.chain)[1:]), start=1)])
    if v.breaks_at is None:
        st.success(f"Input {v.chain.input}: every layer works in {name}; the solver's round-trip sizes: "
                   f"{md(v.solution.summary)}.")
        return
    step = v.walk.steps[v.breaks_at - 1]
    st.error(f"Input {v.chain.input} breaks at layer {v.breaks_at} (line {v.line}): {md(step.problem)}")
    if step.message:
        st.code(step.message, language=None, wrap_lines=True)
    if reading.names[v.breaks_at - 1] in M.UPSAMPLING:
        st.caption(f"Layer {v.breaks_at} is {reading.names[v.breaks_at - 1]}, read as the transposed conv with the "
                   "same sizes: for it, resize to the skip tensor's size or crop/pad instead of output_padding.")
    for fix in v.solution.fixes:
        st.markdown("- " + md(fix.text))
        own = {key: line for key, line in fix.code.items() if key == reading.framework} or fix.code
        st.code("\n".join(f"# {CODE_NAMES[key]}\n{line}" for key, line in own.items()), language="python",
                wrap_lines=True)
