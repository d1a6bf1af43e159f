"""Shape explorer: which output sizes a transposed conv accepts, what each framework prints when it
does not, why, and one-click fixes. All logic lives in convt.explorer / codegen / design."""
import streamlit as st

from convt import codegen, design, explorer
from convt.draw.number_line import number_line_png
from convt.explanations import size_list
from ui.style import md, readability
from ui.url_sync import notes as url_notes, url_in, url_out

PAGE = "ex"
S = explorer.PAGE_SCHEMA
PAD_LABELS = {"SAME": "SAME", "VALID": "VALID", "EXPLICIT": "explicit"}
OP_OPTIONS = [None] + list(range(explorer.MAX_OUTPUT_PADDING + 1))

st.set_page_config(page_title="Shape explorer · convt", page_icon="📐", layout="wide")


def _widget_states(v):
    rect = bool(v["inw"] or v["outw"])
    return {
        "ex_in": v["in"], "ex_rect": rect, "ex_inw": v["inw"] or v["in"], "ex_outw": v["outw"] or v["out"],
        "ex_k": v["k"], "ex_s": v["s"], "ex_pad": v["pad"], "ex_pb": v["pb"], "ex_pa": v["pa"],
        "ex_d": v["d"], "ex_fw": v["fw"], "ex_out": v["out"], "ex_op": v["op"], "ex_req": v["req"],
        "ex_dyn": v["dyn"], "ex_b": v["b"], "ex_ob": v["ob"], "ex_c": v["c"], "ex_fi": v["fi"],
        "ex_fo": v["fo"], "ex_oc": v["oc"], "ex_mode": v["mode"], "ex_T": v["T"] or min(2 * v["in"], explorer.MAX_OUTPUT),
        "ex_big": v["big"],
    }


def _load(values, only_missing):
    full = {k: p.default for k, p in S.items()}
    full.update(values or {})
    for key, value in _widget_states(full).items():
        if only_missing and key in st.session_state:
            continue
        st.session_state[key] = value


def _apply(changes):
    """A fix or a design row: set the widgets from the last state plus ``changes``."""
    values = dict(st.session_state.get(f"_{PAGE}_saved") or {k: p.default for k, p in S.items()})
    values.update(changes)
    _load(values, False)


@st.cache_data(max_entries=512, show_spinner=False)
def _analysis(items):
    cfg = explorer.Config.from_values(dict(items))
    a = explorer.analyse(cfg)
    return a, codegen.code_for(cfg, a)


@st.cache_data(max_entries=256, show_spinner=False)
def _line_png(sizes, accepted, arithmetic, requested, title, large):
    return number_line_png(sizes, accepted, arithmetic, requested, title, large)


@st.cache_data(max_entries=128, show_spinner=False)
def _designs(i, target, d):
    return design.designs(i, target, d)


url_in(PAGE, S, _load)
large = readability("ex_big")

st.title("📐 Shape explorer")
st.caption("Which output sizes does a transposed convolution accept, and what does each framework "
           "print when it refuses? Every control is in the link: share it to show this exact view.")
for note in url_notes(PAGE):
    st.warning("Link parameter ignored: " + note)

def _mode_changed():
    if st.session_state.get("ex_mode") == "design":
        saved = st.session_state.get(f"_{PAGE}_saved") or {}
        if not saved.get("T"):
            st.session_state["ex_T"] = min(2 * st.session_state["ex_in"], explorer.MAX_OUTPUT)


mode = st.radio("Mode", ["explore", "design"], key="ex_mode", horizontal=True, on_change=_mode_changed,
                format_func=lambda m: {"explore": "Explore a configuration",
                                       "design": "Design: I want exactly this size"}[m])

# --- controls ------------------------------------------------------------------------------
fw = st.radio("Framework", list(explorer.FRAMEWORKS), key="ex_fw", horizontal=True,
              format_func=explorer.FRAMEWORK_NAMES.get)
c1, c2, c3, c4 = st.columns(4)
with c1:
    st.number_input("Input height (your x)", 1, explorer.MAX_INPUT, step=1, key="ex_in",
                    help=f"The transposed conv's input spatial size; at most {explorer.MAX_INPUT}.")
    rect = st.toggle("Different width", key="ex_rect")
    if rect:
        st.number_input("Input width", 1, explorer.MAX_INPUT, step=1, key="ex_inw")
with c2:
    st.number_input("Kernel", 1, explorer.MAX_KERNEL, step=1, key="ex_k")
    st.number_input("Stride", 1, explorer.MAX_STRIDE, step=1, key="ex_s")
with c3:
    pad = st.radio("Padding", list(explorer.PADDINGS), key="ex_pad", horizontal=True,
                   format_func=PAD_LABELS.get)
    if pad == "EXPLICIT":
        st.number_input("Pad before (top / left)", 0, explorer.MAX_PAD, step=1, key="ex_pb")
        if fw != "torch":
            st.number_input("Pad after (bottom / right)", 0, explorer.MAX_PAD, step=1, key="ex_pa")
    st.number_input("Dilation", 1, explorer.MAX_DILATION, step=1, key="ex_d")
with c4:
    if fw == "torch":
        req = st.radio("Ask PyTorch through", ["size", "padding"], key="ex_req", horizontal=True,
                       format_func=lambda r: {"size": "output_size", "padding": "output_padding"}[r])
    else:
        req = st.session_state.get("ex_req", "size")
    wants_size = fw == "tf" or (fw == "torch" and req == "size")
    if wants_size:
        label = "output_shape height" if fw == "tf" else "output_size height"
        st.number_input(label, 1, explorer.MAX_OUTPUT, step=1, key="ex_out")
        if rect:
            st.number_input(label.replace("height", "width"), 1, explorer.MAX_OUTPUT, step=1, key="ex_outw")
    else:
        st.selectbox("output_padding", OP_OPTIONS, key="ex_op",
                     format_func=lambda v: "None (let Keras choose)" if v is None else str(v))
    if fw == "tf":
        st.toggle("Dynamic output_shape (a tensor, e.g. tf.shape(x))", key="ex_dyn")
with st.expander("Batch and channels (output_shape vs filter vs input)"):
    b1, b2, b3 = st.columns(3)
    with b1:
        st.number_input("Input batch", 1, explorer.MAX_BATCH, step=1, key="ex_b")
        st.number_input("output_shape batch", 1, explorer.MAX_BATCH, step=1, key="ex_ob")
    with b2:
        st.number_input("Input channels", 1, explorer.MAX_CHANNELS, step=1, key="ex_c")
        st.number_input("output_shape channels", 1, explorer.MAX_CHANNELS, step=1, key="ex_oc")
    with b3:
        st.number_input("Filter in_channels (filter[3])", 1, explorer.MAX_CHANNELS, step=1, key="ex_fi")
        st.number_input("Filter out_channels (filter[2])", 1, explorer.MAX_CHANNELS, step=1, key="ex_fo")
    st.caption("TF's filter is [height, width, out_channels, in_channels]: its LAST axis must match "
               "your input's channels, its third the output_shape's channels.")
st.caption(explorer.CAPS_TEXT)

ss = st.session_state
values = {
    "in": ss["ex_in"], "inw": ss["ex_inw"] if ss["ex_rect"] else 0, "k": ss["ex_k"], "s": ss["ex_s"],
    "pad": ss["ex_pad"], "pb": ss["ex_pb"],
    "pa": ss["ex_pb"] if (fw == "torch" and ss["ex_pad"] == "EXPLICIT") else ss["ex_pa"],
    "d": ss["ex_d"], "fw": ss["ex_fw"], "out": ss["ex_out"], "outw": ss["ex_outw"] if ss["ex_rect"] else 0,
    "op": ss["ex_op"], "req": ss["ex_req"], "dyn": ss["ex_dyn"], "b": ss["ex_b"], "ob": ss["ex_ob"],
    "c": ss["ex_c"], "fi": ss["ex_fi"], "fo": ss["ex_fo"], "oc": ss["ex_oc"], "mode": ss["ex_mode"],
    "T": ss["ex_T"] if ss["ex_mode"] == "design" else 0, "big": ss["ex_big"],
}
url_out(PAGE, S, values, keep=explorer.URL_ALWAYS)
cfg_items = tuple((k, values[k]) for k in explorer.SCHEMA)
a, code = _analysis(cfg_items)


def _show_explore():
    (st.success if a.ok else st.error)(md(a.headline))
    for note in a.notes:
        st.info(md(note))
    if a.primary_message:
        st.markdown(f"**What {explorer.FRAMEWORK_NAMES[fw]} prints:**")
        st.code(a.primary_message, language=None, wrap_lines=True)
    for dim in a.dims:
        st.markdown(md(f"Valid output {dim.axis}s for an input {dim.axis} of {dim.input}: "
                       f"{size_list(dim.valid)}"))
        png = _line_png(tuple(c.size for c in dim.candidates), tuple(c.accepted for c in dim.candidates),
                        tuple(c.arithmetic for c in dim.candidates), dim.requested,
                        f"Output {dim.axis} candidates for input {dim.input}", large)
        st.image(png, width="stretch",
                 alt=f"Number line of output {dim.axis}s; valid: {size_list(dim.valid)}")
        with st.expander(f"The arithmetic for each candidate {dim.axis}"):
            st.markdown("\n".join(
                f"- **{c.size}**{' (asked)' if c.requested else ''}: {md(c.arithmetic)}"
                + (f" — {md(c.how)}" if c.how else "") for c in dim.candidates))
    if a.problems:
        st.subheader("Why")
        st.markdown("\n".join(f"- {md(p)}" for p in a.problems))
    if a.fixes:
        st.subheader("One-click fixes")
        cols = st.columns(min(3, len(a.fixes)))
        for j, fix in enumerate(a.fixes):
            cols[j % len(cols)].button(fix.text, key=f"ex_fix_{j}", on_click=_apply, args=(fix.changes,),
                                      width="stretch")
    if a.timing:
        st.info(md(a.timing))
    st.subheader("What each framework prints, and when")
    st.caption("The same request in every framework; rows marked “your case” match your framework "
               "and static / dynamic choice. Texts are generated by convt from the frameworks' own "
               "formats (TF 2.21, Keras 3.15, PyTorch 2.13, and TF 1.x as the seed saw it).")
    for row in a.rows:
        tag = " · **your case**" if row.applies else ""
        st.markdown(f"**{md(row.framework)}** · {md(row.stage)}{tag}  \n`{row.call}`"
                    if "`" not in row.call else f"**{md(row.framework)}** · {md(row.stage)}{tag}")
        if row.message:
            st.code(row.message, language=None, wrap_lines=True)
        else:
            st.markdown("✅ " + md(row.outcome))
    st.subheader("Copyable code")
    st.caption("Each snippet builds these shapes and ends with the outcome predicted above.")
    t1, t2, t3 = st.tabs(["TensorFlow", "Keras", "PyTorch"])
    t1.code(code["tf"], language="python")
    t2.code(code["keras"], language="python")
    t3.code(code["torch"], language="python")


def _show_design():
    i, d = ss["ex_in"], ss["ex_d"]
    st.markdown(md(f"Input size {i}: which layers give exactly the target size? (dilation {d})"))
    col1, col2 = st.columns([2, 1])
    with col1:
        st.number_input("Target output size", 1, explorer.MAX_OUTPUT, step=1, key="ex_T")
    with col2:
        st.button("Twice the input", key="ex_double",
                  on_click=lambda: ss.update(ex_T=min(2 * ss["ex_in"], explorer.MAX_OUTPUT)))
    target = ss["ex_T"]
    found = _designs(i, target, d)
    st.caption("⚠ checkerboard: the kernel is not a multiple of the stride, so the stamped kernels "
               "overlap unevenly and leave a grid pattern (see the Checkerboard page).")
    for key, name in explorer.FRAMEWORK_NAMES.items():
        st.markdown(f"**{name}**")
        if not found[key]:
            st.markdown(md(f"No combination with kernel ≤ {design.MAX_DESIGN_KERNEL} and stride ≤ "
                           f"{design.MAX_DESIGN_STRIDE} gives {target}."))
        for j, dz in enumerate(found[key]):
            c1, c2 = st.columns([4, 1])
            c1.code(dz.call + ("   # ⚠ checkerboard" if dz.checkerboard else ""), language="python",
                    wrap_lines=True)
            changes = {**dz.params, "mode": "explore"}
            if "op" in changes and changes["op"] == "none":
                changes["op"] = None
            if "out" not in changes:
                changes["out"] = target
            c2.button("Open", key=f"ex_design_{key}_{j}", on_click=_apply, args=(changes,))


if mode == "design":
    _show_design()
else:
    _show_explore()

st.divider()
st.page_link("pages/4_Error_decoder.py", label="Have an error message? Paste it into the error decoder",
             icon="🔎")
