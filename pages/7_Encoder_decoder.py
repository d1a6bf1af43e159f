"""Encoder–decoder: a chain of conv / conv_transpose layers, every intermediate shape in TensorFlow,
Keras and PyTorch, the first layer that breaks with each framework's message, and fixes.
All logic lives in lab.chain; the diagram in lab.draw.chain."""
import streamlit as st

from lab import chain as C
from lab.draw.chain import chain_png
from ui.binder import write_link
from ui.page_header import page_header
from ui import audio_page, model_page, prefs, unet_page
from ui.predict import ask
from ui.prefs import _
from ui.style import md

PAGE = "ch"
KEY_IN, KEY_LAYERS, KEY_FW, KEY_MODE, KEY_ND = "ch_in", "ch_layers", "ch_fw", "ch_mode", "ch_nd"
MODE_NAMES = {"chain": "Image chain (2-D)", "audio": "Audio decoder (1-D)"}


def _lines(text: str) -> str:
    return "\n".join(part.strip() for part in str(text).replace(";", "\n").split("\n") if part.strip())


def _set_chain(chain: C.Chain):
    st.session_state[KEY_IN] = chain.input
    st.session_state[KEY_LAYERS] = chain.text("\n")


def _load(state: C.ChainState):
    """The text area keeps a link's own lines (its unreadable ones are noted below it on every run)."""
    chain, note = state.resolve()
    text = chain.text("\n") if state.preset or note else _lines(state.layers)
    return ({KEY_IN: chain.input, KEY_LAYERS: text, KEY_FW: state.framework, KEY_MODE: state.mode, KEY_ND: state.nd,
             **audio_page.widget_values(state)}, [note] if note else [])


def _state(chain_input: int, text: str, fw: str) -> C.ChainState:
    """The link: the chain's fields plus the audio mode's (kept while the other mode is shown)."""
    return C.ChainState(chain_input, "; ".join(_lines(text).split("\n")), fw, mode=st.session_state[KEY_MODE],
                        nd=st.session_state[KEY_ND], **audio_page.values())


@st.cache_data(max_entries=256, show_spinner=False)
def _analyse(chain: C.Chain):
    return C.walk_all(chain, C.FRAMEWORKS)


@st.cache_data(max_entries=256, show_spinner=False)
def _diagram(chain: C.Chain, fw: str, large: bool, lang: str) -> bytes:
    w = _analyse(chain).get(fw) or _analyse(chain)["tf"]
    return chain_png(w.sizes(chain), [layer.text() for layer in chain.layers],
                     [layer.skip for layer in chain.layers], w.first_break,
                     _("{framework}: tensor sizes (height = width)", framework=C.FRAMEWORK_NAMES[fw]), large, lang)


def table_rows(rows):
    """A table's rows in the person's language; the "#" column is named in words (a bare "#" header
    is read as a Markdown heading and makes the header row tall)."""
    return [{(_("layer no.") if key == "#" else _(key)): _(value) for key, value in row.items()} for row in rows]


large = page_header(PAGE, C.ChainState, "🔁 Encoder–decoder chains",
                    "Where does a real network's shape break? Build a chain of convs and transposed convs, see every "
                    "intermediate size in TensorFlow, Keras, PyTorch, JAX and ONNX, the first layer that fails with the "
                    "framework's own message, and changes that fix it. The link holds the whole chain.",
                    load=_load, tab="Encoder decoder")

mode = st.radio(_("Mode"), C.MODES, key=KEY_MODE, format_func=lambda m: _(MODE_NAMES[m]), horizontal=True,
                help=_("audio: a stack of ConvTranspose1d layers, its length at every layer and causal trimming"))
if mode == "audio":
    audio_page.show(large)
    write_link(PAGE, _state(st.session_state[KEY_IN], st.session_state[KEY_LAYERS], st.session_state[KEY_FW]))
    st.stop()

st.markdown(f"**{_('Presets')}**")
cols = st.columns(2)
for j, (name, label) in enumerate(C.PRESET_LABELS.items()):
    cols[j % 2].button(_(label), key=f"ch_preset_{name}", on_click=_set_chain, args=(C.PRESETS[name],),
                       width="stretch")

c1, c2 = st.columns([1, 3])
c1.radio(_("Dimensions"), [1, 2, 3], key=KEY_ND, horizontal=True, format_func=lambda d: f"{d}-D",
         help=_("1-D: Conv1d / ConvTranspose1d on sequences; 3-D: on volumes (every side the same size). "
                "convt's JAX and ONNX rules are 2-D only."))
c1.number_input(_("Input size (every side)"), 1, C.MAX_INPUT, key=KEY_IN, help=_("at most {n}", n=C.MAX_INPUT))
c1.selectbox(_("Framework for the diagram"), C.FRAMEWORKS, key=KEY_FW, format_func=C.FRAMEWORK_NAMES.get)
c2.text_area(_("Layers, one per line"), key=KEY_LAYERS, height=190, max_chars=C.MAX_TEXT,
             help=_("conv k<kernel> s<stride> SAME|VALID — a forward conv.  convT k<kernel> s<stride> SAME|VALID "
                    "[out <size>] [skip <tensor>] — a transposed conv; out is the requested output size "
                    "(TF output_shape, PyTorch output_size); skip j concatenates with tensor j (0 = the input, "
                    "t = layer t's output). At most {layers} layers, kernel ≤ {kernel}, stride ≤ {stride}, "
                    "sizes ≤ {size}, {chars} characters.", layers=C.MAX_LAYERS, kernel=C.MAX_KERNEL,
                    stride=C.MAX_STRIDE, size=C.MAX_SIZE, chars=C.MAX_TEXT))

text = st.session_state[KEY_LAYERS]
layers, layer_notes = C.parse_layers(text)
for note in layer_notes:
    st.warning(_(note))
chain = C.Chain(int(st.session_state[KEY_IN]), layers, st.session_state[KEY_ND])
fw = st.session_state[KEY_FW]
write_link(PAGE, _state(chain.input, text, fw))

model_page.show()

if not layers:
    st.info(_("No layers yet: add one per line, e.g. `conv k3 s2 SAME`, or load a preset."))
    st.stop()

walks = _analyse(chain)
ask(C.break_question(chain, walks.get(fw) or walks["tf"]), C.break_label)
st.header(_("Verdicts"))
if chain.nd != 2:
    st.info(_("A {nd}-D chain: TensorFlow, Keras and PyTorch only (convt's JAX and ONNX rules are 2-D).", nd=chain.nd))
for name in walks:
    w = walks[name]
    sizes = " → ".join(str(v) for v in w.sizes(chain) if v is not None)
    if w.ok:
        st.success(_("**{framework}**: every layer works — {sizes}.", framework=C.FRAMEWORK_NAMES[name], sizes=sizes))
    else:
        t = w.first_break + 1
        st.error(_("**{framework}**: breaks at layer {t} (`{layer}`) after {sizes}.", framework=C.FRAMEWORK_NAMES[name],
                   t=t, layer=chain.layers[t - 1].text(), sizes=sizes))

st.header(_("Every intermediate shape"))
st.table(table_rows(C.shape_table(chain, walks)))
st.image(_diagram(chain, fw, large, prefs.current().lang), width="content")  # stretched, a short chain blurs
st.caption(_("Bars: tensors, height ∝ size. Arcs: skip connections (green: sizes match; red: they do not). "
             "✗: the first layer that breaks."))

st.header(_("Where it breaks, and how to fix it"))
for name in walks:
    w = walks[name]
    if w.ok:
        continue
    t = w.first_break
    step = w.steps[t]
    st.subheader(_("{framework} — layer {t}", framework=C.FRAMEWORK_NAMES[name], t=t + 1))
    if step.call:
        st.code(step.call, language="python", wrap_lines=True)
    if step.message:
        st.markdown(_("The framework says:"))
        st.code(step.message, language=None, wrap_lines=True)
    st.markdown(f"**{_('Why:')}** " + md(_(step.problem)))
    if step.fixes:
        st.markdown(_("**Fixes** (each checked by re-running the whole chain):"))
        for j, fix in enumerate(step.fixes):
            a, b = st.columns([4, 1])
            a.markdown("- " + md(_(fix.text)))
            b.button(_("Apply"), key=f"ch_fix_{name}_{j}", on_click=_set_chain, args=(fix.chain,),
                     help=_("load this change into the chain"))
    else:
        st.markdown(_("No single change found within the caps; try a different stride or input size."))

unet_page.show(chain, fw)

with st.expander(_("Show me the code that walks the chain")):
    import inspect
    st.code(inspect.getsource(C.walk), language="python")
