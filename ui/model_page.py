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


# what a size is in each dimension, in words
WHAT = {1: "Sequence length", 2: "Input", 3: "Volume side"}
SIZE_LABELS = {1: "Sequence length (frames) for the pasted model", 2: "Input size for the pasted model",
               3: "Volume side (depth = height = width) for the pasted model"}
READ_AS = {1: "Read as a 1-D {framework} model (sizes are sequence lengths), {n} size-changing layers:",
           2: "Read as a 2-D {framework} model (sizes are height = width), {n} size-changing layers:",
           3: "Read as a 3-D {framework} model (sizes are the side of a cube: depth = height = width), "
              "{n} size-changing layers:"}


def _paste(code: str) -> None:
    st.session_state[KEY_CODE] = code


def show() -> None:
    with st.expander(_("Paste your model (PyTorch or Keras code, read but never run)")):
        cols = st.columns(len(M.EXAMPLES))
        for col, (name, (label, code)) in zip(cols, M.EXAMPLES.items()):
            col.button(_(label), key=f"mc_example_{name}", on_click=_paste, args=(code,), width="stretch")
        st.text_area(_("Model code"), key=KEY_CODE, height=220, max_chars=M.MAX_CHARS, placeholder=M.EXAMPLE,
                     help=_("nn.Sequential(...), a module's __init__ and forward (torch.cat for skips), a Keras "
                            "Sequential([...]) or functional code (layers.Conv2D(...)(x), Concatenate()([a, b])); "
                            "1-D (Conv1d, Conv1D …), 2-D or 3-D (Conv3d, Conv3D …) layers. "
                            "At most {chars} characters, {lines} lines, {layers} layers.", chars=f"{M.MAX_CHARS:,}",
                            lines=M.MAX_LINES, layers=M.MAX_LAYERS))
        text = st.session_state[KEY_CODE]
        reading = _read(text) if text.strip() else None
        nd = reading.nd if reading is not None else 2
        st.number_input(_(SIZE_LABELS[nd]), 1, C.MAX_INPUT, 61, key=KEY_SIZE)
        if reading is None:
            st.caption(_("Pooling is read as a strided conv, upsampling by f as a transposed conv k = s = f and a "
                         "padding layer that adds t cells as a transposed conv k = t + 1, s = 1 (same sizes); "
                         "activations, norms and dropout keep the size."))
            return
        for note in reading.notes:
            st.warning(md(_(note)))
        if reading.refusal:
            st.info(md(_(reading.refusal)))
            return
        _verdict(reading, _check(reading, int(st.session_state[KEY_SIZE])))


def _verdict(reading: M.Reading, v: M.Verdict) -> None:
    name = C.FRAMEWORK_NAMES[reading.framework]
    what = _(WHAT[reading.nd])
    st.markdown(_(READ_AS[reading.nd], framework=name, n=len(reading.layers)))
    sizes = v.walk.sizes(v.chain)
    rows = [{_("layer no."): str(t), _("line"): str(line), _("code"): cls, _("read as"): layer.text(),
             _("size"): _("✗ breaks") if v.breaks_at == t else "—" if size is None else str(size)}
            for t, (layer, line, cls, size) in enumerate(zip(reading.layers, reading.lines, reading.names, sizes[1:]),
                                                         start=1)]
    if any(reading.remarks):
        for row, remark in zip(rows, reading.remarks):
            row[_("how it was read")] = _(remark)
    st.table(rows)
    if v.breaks_at is None:
        walked = " → ".join(map(str, sizes))
        if v.solution.sizes:
            st.success(_("{what} {n}: every layer works in {framework} — {walked}; the solver's round-trip sizes: "
                         "{sizes}.", what=what, n=v.chain.input, framework=name, walked=walked,
                         sizes=md(_(v.solution.summary))))
        else:
            st.success(_("{what} {n}: every layer works in {framework} — {walked}.", what=what, n=v.chain.input,
                         framework=name, walked=walked))
        return
    step = v.walk.steps[v.breaks_at - 1]
    st.error(_("{what} {n} breaks at layer {t} (line {line}): {problem}", what=what, n=v.chain.input, t=v.breaks_at,
               line=v.line, problem=md(_(step.problem))))
    if step.message:
        st.code(step.message, language=None, wrap_lines=True)
    if reading.names[v.breaks_at - 1] in M.UPSAMPLING | M.PADDING:
        st.caption(_("Layer {t} is {name}, read as the transposed conv with the same sizes: for it, resize to the "
                     "skip tensor's size or crop/pad instead of output_padding.", t=v.breaks_at,
                     name=reading.names[v.breaks_at - 1]))
    for fix in v.solution.fixes:
        st.markdown("- " + md(_(fix.text)))
        if reading.nd != 2:      # the solver writes its fixes' code for 2-D layers; the words hold in any dimension
            continue
        own = {key: line for key, line in fix.code.items() if key == reading.framework} or fix.code
        st.code("\n".join(f"# {CODE_NAMES[key]}\n{line}" for key, line in own.items()), language="python",
                wrap_lines=True)
