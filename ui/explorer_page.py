"""The shape explorer page (pages/3_Shape_explorer.py calls :func:`main`): which output sizes a
transposed conv accepts, what each framework prints when it does not, why, and one-click fixes.
All logic lives in lab.explorer / codegen / design; this module only lays out widgets.

The page body lives here rather than in ``pages/`` so that Streamlit compiles it once per process
instead of on every rerun."""
import streamlit as st

from lab import codegen, design, explorer, volume
from lab.draw.slices import depth_slices_png
from lab.draw.number_line import number_line_svg
from convt.diagnosis import size_list, spatial_names
from lab.url_state import from_values, to_values
from ui.binder import saved_state, set_widgets, write_link
from ui.library_text import said
from ui.links import config_params, page_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _, current
from ui.style import md

PAGE = "ex"
PAD_LABELS = {"SAME": "SAME", "VALID": "VALID", "EXPLICIT": "explicit"}   # translated where shown
DIM_LABELS = {1: "1-D", 2: "2-D", 3: "3-D"}
OP_OPTIONS = [None] + list(range(explorer.MAX_OUTPUT_PADDING + 1))

def _widget_states(v):
    rect = bool(v["inw"] or v["outw"] or v["ind"] or v["outd"])
    return {
        "ex_in": v["in"], "ex_rect": rect, "ex_inw": v["inw"] or v["in"], "ex_outw": v["outw"] or v["out"],
        "ex_nd": v["nd"], "ex_ind": v["ind"] or v["in"], "ex_outd": v["outd"] or v["out"],
        "ex_k": v["k"], "ex_s": v["s"], "ex_pad": v["pad"], "ex_pb": v["pb"], "ex_pa": v["pa"],
        "ex_d": v["d"], "ex_fw": v["fw"], "ex_out": v["out"], "ex_op": v["op"], "ex_req": v["req"],
        "ex_dyn": v["dyn"], "ex_b": v["b"], "ex_ob": v["ob"], "ex_c": v["c"], "ex_fi": v["fi"],
        "ex_fo": v["fo"], "ex_oc": v["oc"], "ex_jcp": v["jcp"], "ex_lower": v["lower"], "ex_mode": v["mode"], "ex_T": v["T"] or min(2 * v["in"], explorer.MAX_OUTPUT),
    }


def _load(state: explorer.ExplorerPage):
    return _widget_states(to_values(state)), []


def _apply(changes):
    """A fix or a design row: set the widgets from the last state plus ``changes``."""
    values = {**to_values(saved_state(PAGE, explorer.ExplorerPage)), **changes}
    set_widgets(_widget_states(values), only_missing=False)


@st.cache_data(max_entries=512, show_spinner=False)
def _analysis(cfg: explorer.Config):
    a = explorer.analyse(cfg)
    return a, codegen.code_for(cfg, a), codegen.fixed_code(cfg, a)


@st.cache_data(max_entries=256, show_spinner=False)
def _line_svg(sizes, accepted, arithmetic, requested, title, large, lang):
    return number_line_svg(sizes, accepted, arithmetic, requested, title, large, lang)


def _framework_name(key: str) -> str:
    return explorer.FRAMEWORK_NAMES[key]


def _ask_which(a) -> None:
    """Predict first: which frameworks accept the same request (the rows below give it away)."""
    q = explorer.framework_question(a)
    if ask(q, label=_framework_name):
        yes = [explorer.FRAMEWORK_NAMES[k] for k in q.choices if k in q.answer]
        no = [explorer.FRAMEWORK_NAMES[k] for k in q.choices if k not in q.answer]
        st.markdown(md(_("Accepted by: {yes}. Refused by: {no}.", yes=", ".join(yes) or _("none"),
                         no=", ".join(no) or _("none"))))


@st.cache_data(max_entries=128, show_spinner=False)
def _designs(i, target, d):
    return design.designs(i, target, d, frameworks=explorer.FRAMEWORKS)


def _mode_changed():
    if st.session_state.get("ex_mode") == "design":
        if not saved_state(PAGE, explorer.ExplorerPage).target:
            st.session_state["ex_T"] = min(2 * st.session_state["ex_in"], explorer.MAX_OUTPUT)


def _show_explore(a, code, fixed, fw, large):
    (st.success if a.ok else st.error)(said(a.headline))
    for note in a.notes:
        st.info(said(note))
    if a.primary_message:   # the framework's own words: verbatim, never translated
        st.markdown("**" + _("What {framework} prints:", framework=explorer.FRAMEWORK_NAMES[fw]) + "**")
        st.code(a.primary_message, language=None, wrap_lines=True)
    for dim in a.dims:
        axis = _(dim.axis)
        st.markdown(md(_("Valid output {axis}s for an input {axis} of {n}: {sizes}", axis=axis, n=dim.input,
                         sizes=_(size_list(dim.valid)))))
        svg = _line_svg(tuple(c.size for c in dim.candidates), tuple(c.accepted for c in dim.candidates),
                        tuple(c.arithmetic for c in dim.candidates), dim.requested,
                        _("Output {axis} candidates for input {n}", axis=axis, n=dim.input), large,
                        current().lang)
        st.image(svg, width="stretch",
                 alt=_("Number line of output {axis}s; valid: {sizes}", axis=axis, sizes=_(size_list(dim.valid))))
        with st.expander(_("The arithmetic for each candidate {axis}", axis=axis), expanded=large):
            asked = " " + _("(asked)")
            st.markdown("\n".join(
                f"- **{c.size}**{asked if c.requested else ''}: {md(c.arithmetic)}"
                + (f" — {said(c.how)}" if c.how else "") for c in dim.candidates))
    if a.config.nd == 3:
        _show_volume(a, large)
    if a.problems:
        st.subheader(_("Why"))
        st.markdown("\n".join(f"- {said(p)}" for p in a.problems))
    if a.fixes:
        st.subheader(_("One-click fixes"))
        for j, fix in enumerate(a.fixes):
            st.button(said(fix.text, escape=False), key=f"ex_fix_{j}", on_click=_apply, args=(config_params(fix.changes),),
                      icon="🛠️", wrap=True)
    if a.timing:
        st.info(said(a.timing))
    st.subheader(_("What each framework prints, and when"))
    st.caption(_("The same request in every framework; rows marked “your case” match your framework "
                 "and static / dynamic choice. Texts are generated by convt from the frameworks' own "
                 "formats (TF 2.21, Keras 3.15, PyTorch 2.13, JAX 0.10, onnxruntime 1.32 and onnx 1.23's "
                 "shape inference, and TF 1.x as the seed saw it)."))
    _ask_which(a)
    for row in a.rows:
        tag = " · **" + _("your case") + "**" if row.applies else ""
        head = f"**{said(row.framework)}** · {said(row.stage)}{tag}"
        note = f" ({said(row.note)})" if row.note else ""
        st.markdown(f"{head}  \n`{row.call}`{note}" if "`" not in row.call else head)
        if row.message:   # verbatim
            st.code(row.message, language=None, wrap_lines=True)
        else:             # a refusal without an exception (Keras cannot ask for the size) is no ✅
            st.markdown(("✅ " if row.works else "⛔ ") + said(row.outcome))
    st.subheader(_("Copyable code"))
    st.caption(_("Each snippet builds these shapes and ends with the outcome predicted above."))
    for tab, key in zip(st.tabs([explorer.FRAMEWORK_NAMES[key] for key in code]), code):
        tab.code(code[key], language="python")
        if fixed is not None and key == fw:
            tab.markdown(said("After the one-click fix “{fix}”, the call works:", fix=fixed.fix.text))
            tab.code(fixed.code, language="python")


@st.cache_data(max_entries=64, show_spinner=False)
def _slices_png(k, s, d, large, lang):
    return depth_slices_png(volume.overlaps(k, s, d), large=large, lang=lang)


def _show_volume(a, large):
    """3-D as arithmetic and slices: each axis's check, and the overlap counts slice by slice."""
    st.subheader(_("3-D: each axis on its own"))
    st.markdown("\n".join(f"- {said(line)}" for line in a.per_axis))
    cfg = a.config
    st.image(_slices_png(cfg.kernel, cfg.stride, cfg.dilation, large, current().lang), width="content",
             caption=_("Depth slices of the full output of a {n}×{n}×{n} input of ones (no padding, at most "
                       "{slices} slices): each number is how many kernel taps land on that voxel — the product "
                       "of the three 1-D counts, so an uneven stride overlap shows as a checkerboard in every "
                       "slice.", n=volume.SHOWN_INPUT, slices=volume.MAX_SLICES))


def _show_design():
    ss = st.session_state
    i, d = ss["ex_in"], ss["ex_d"]
    st.markdown(md(_("Input size {i}: which layers give exactly the target size? (dilation {d})", i=i, d=d)))
    col1, col2 = st.columns([2, 1])
    with col1:
        st.number_input(_("Target output size"), 1, explorer.MAX_OUTPUT, step=1, key="ex_T")
    with col2:
        st.button(_("Twice the input"), key="ex_double",
                  on_click=lambda: ss.update(ex_T=min(2 * ss["ex_in"], explorer.MAX_OUTPUT)))
    target = ss["ex_T"]
    found = _designs(i, target, d)
    st.caption(_("⚠ checkerboard: the kernel is not a multiple of the stride, so the stamped kernels "
                 "overlap unevenly and leave a grid pattern (see the Checkerboard page)."))
    page_link("checkerboard", _("Checkerboard artifacts"), "🏁")
    if d > 1:
        st.caption(_("TensorFlow's CPU kernel refuses dilation > 1 in conv2d_transpose (its oneDNN and "
                     "GPU kernels accept it); Keras refuses strides > 1 together with dilation > 1."))
    for key, name in explorer.FRAMEWORK_NAMES.items():
        st.markdown(f"**{name}**")
        if not found[key]:
            st.markdown(md(_("No combination with kernel ≤ {k} and stride ≤ {s} gives {n}.",
                             k=design.MAX_DESIGN_KERNEL, s=design.MAX_DESIGN_STRIDE, n=target)))
        for j, dz in enumerate(found[key]):
            c1, c2 = st.columns([4, 1])
            c1.code(dz.call + ("   # ⚠ checkerboard" if dz.checkerboard else ""), language="python",
                    wrap_lines=True)
            saved = saved_state(PAGE, explorer.ExplorerPage)
            changes = {**dz.params, "mode": "explore", "inw": 0, "outw": 0,  # square, consistent channels
                       "ob": saved.batch, "fi": saved.channels, "oc": saved.filter_out}
            if "op" in changes and changes["op"] == "none":
                changes["op"] = None
            if "out" not in changes:
                changes["out"] = target
            c2.button(_("Open"), key=f"ex_design_{key}_{j}", on_click=_apply, args=(changes,))


MODE_LABELS = {"explore": "Explore a configuration", "design": "Design: I want exactly this size"}


def _labels(words, options=()):
    """Option labels translated now, as a dict: a widget's format_func must not depend on the
    session when it is called (AppTest calls it outside the script run)."""
    return {**{option: str(option) for option in options}, **{key: _(word) for key, word in words.items()}}


def main():
    large = page_header(PAGE, explorer.ExplorerPage, "📐 Shape explorer",
                        "Which output sizes does a transposed convolution accept, and what does each framework "
                        "print when it refuses? Every control is in the link: share it to show this exact view.",
                        tab="Shape explorer", load=_load,
                        wait=False)  # runs no kernel: the compile goes on in the background

    mode = st.radio(_("Mode"), ["explore", "design"], key="ex_mode", horizontal=True, on_change=_mode_changed,
                    format_func=_labels(MODE_LABELS).get)

    # --- controls ------------------------------------------------------------------------------
    fw = st.radio(_("Framework"), list(explorer.FRAMEWORKS), key="ex_fw", horizontal=True,
                  format_func=explorer.FRAMEWORK_NAMES.get)
    nd = st.radio(_("Dimensions"), list(explorer.DIMS), key="ex_nd", horizontal=True, format_func=DIM_LABELS.get,
                  help=_("1-D: audio and sequences (Conv1DTranspose, ConvTranspose1d); 2-D: images; "
                         "3-D: volumes (depth, height, width)."))
    main_axis = "length" if nd == 1 else "height"
    axis = _(main_axis)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        st.number_input(_("Input {axis} (your x)", axis=axis), 1, explorer.MAX_INPUT, step=1, key="ex_in",
                        help=_("The transposed conv's input spatial size; at most {n}.", n=explorer.MAX_INPUT))
        rect = nd > 1 and st.toggle(_("Different width") if nd == 2 else _("Different depth / width"), key="ex_rect")
        if rect and nd == 3:
            st.number_input(_("Input depth"), 1, explorer.MAX_INPUT, step=1, key="ex_ind")
        if rect:
            st.number_input(_("Input width"), 1, explorer.MAX_INPUT, step=1, key="ex_inw")
    with c2:
        st.number_input(_("Kernel"), 1, explorer.MAX_KERNEL, step=1, key="ex_k")
        st.number_input(_("Stride"), 1, explorer.MAX_STRIDE, step=1, key="ex_s")
    with c3:
        pad = st.radio(_("Padding"), list(explorer.PADDINGS), key="ex_pad", horizontal=True,
                       format_func=_labels(PAD_LABELS).get)
        if pad == "EXPLICIT":
            st.number_input(_("Pad before (top / left)"), 0, explorer.MAX_PAD, step=1, key="ex_pb")
            if fw != "torch":
                st.number_input(_("Pad after (bottom / right)"), 0, explorer.MAX_PAD, step=1, key="ex_pa")
        elif pad == "SAME" and fw == "onnx":
            st.toggle("SAME_LOWER", key="ex_lower",
                      help=_("On: auto_pad='SAME_LOWER', the odd cell is cropped at the start. "
                             "Off: 'SAME_UPPER', at the end, as TF's SAME."))
        st.number_input(_("Dilation"), 1, explorer.MAX_DILATION, step=1, key="ex_d")
    with c4:
        if fw in ("torch", "onnx"):
            size_arg = "output_size" if fw == "torch" else "output_shape"
            req = st.radio(_("Ask {framework} through", framework=explorer.FRAMEWORK_NAMES[fw]), ["size", "padding"],
                           key="ex_req", horizontal=True,
                           format_func=lambda r: {"size": size_arg, "padding": "output_padding"}[r])
        else:
            req = st.session_state.get("ex_req", "size")
        wants_size = fw == "tf" or (fw in ("torch", "onnx") and req == "size")
        if fw == "jax":
            st.toggle(_("Consistent pads"), key="ex_jcp",
                      help=_("use_consistent_padding. Off (JAX's default): explicit (lo, hi) pads pad the "
                             "stride-dilated input. On: they are the forward conv's pads, as in PyTorch (jax#32267)."))
            st.caption(_("JAX has no output size argument: the padding decides it, and nothing is checked."))
        elif wants_size:
            arg = "output_size" if fw == "torch" else "output_shape"
            st.number_input(f"{arg} {axis}", 1, explorer.MAX_OUTPUT, step=1, key="ex_out")
            if rect and nd == 3:
                st.number_input(f"{arg} {_('depth')}", 1, explorer.MAX_OUTPUT, step=1, key="ex_outd")
            if rect:
                st.number_input(f"{arg} {_('width')}", 1, explorer.MAX_OUTPUT, step=1, key="ex_outw")
        else:
            st.selectbox("output_padding", OP_OPTIONS, key="ex_op",
                         format_func=_labels({None: "None (let Keras choose)"}, OP_OPTIONS).get)
        if fw == "tf" and nd == 2:
            st.toggle(_("Dynamic output_shape"), key="ex_dyn",
                      help=_("On: output_shape is a tensor such as tf.shape(x), known only when the graph "
                             "runs. Off: a Python list, known while the graph is built."))
    with st.expander(_("Batch and channels (output_shape vs filter vs input)")):
        b1, b2, b3 = st.columns(3)
        with b1:
            st.number_input(_("Input batch"), 1, explorer.MAX_BATCH, step=1, key="ex_b")
            st.number_input(_("output_shape batch"), 1, explorer.MAX_BATCH, step=1, key="ex_ob")
        with b2:
            st.number_input(_("Input channels"), 1, explorer.MAX_CHANNELS, step=1, key="ex_c")
            st.number_input(_("output_shape channels"), 1, explorer.MAX_CHANNELS, step=1, key="ex_oc")
        with b3:
            st.number_input(_("Filter in_channels (filter[{j}])", j=nd + 1), 1, explorer.MAX_CHANNELS, step=1,
                            key="ex_fi")
            st.number_input(_("Filter out_channels (filter[{j}])", j=nd), 1, explorer.MAX_CHANNELS, step=1,
                            key="ex_fo")
        st.caption(_("TF's filter is [{axes}, out_channels, in_channels]: its LAST axis must match your input's "
                     "channels, the one before it the output_shape's channels.", axes=", ".join(spatial_names(nd))))
    st.caption(said(explorer.CAPS_TEXT))

    ss = st.session_state
    values = {
        "in": ss["ex_in"], "inw": ss["ex_inw"] if rect else 0, "k": ss["ex_k"], "s": ss["ex_s"],
        "pad": ss["ex_pad"], "pb": ss["ex_pb"],
        "pa": ss["ex_pb"] if (fw == "torch" and ss["ex_pad"] == "EXPLICIT") else ss["ex_pa"],
        "d": ss["ex_d"], "fw": ss["ex_fw"], "out": ss["ex_out"], "outw": ss["ex_outw"] if rect else 0,
        "op": ss["ex_op"], "req": ss["ex_req"], "dyn": ss["ex_dyn"], "b": ss["ex_b"], "ob": ss["ex_ob"],
        "c": ss["ex_c"], "fi": ss["ex_fi"], "fo": ss["ex_fo"], "oc": ss["ex_oc"], "jcp": ss["ex_jcp"],
        "lower": ss["ex_lower"], "mode": ss["ex_mode"], "nd": nd,
        "ind": ss["ex_ind"] if rect and nd == 3 else 0, "outd": ss["ex_outd"] if rect and nd == 3 else 0,
        "T": ss["ex_T"] if ss["ex_mode"] == "design" else 0,
    }
    state = from_values(explorer.ExplorerPage, values)
    write_link(PAGE, state, keep=explorer.URL_ALWAYS)
    a, code, fixed = _analysis(state.config)

    if mode == "design":
        _show_design()
    else:
        _show_explore(a, code, fixed, fw, large)

    st.divider()
    page_link("decoder", _("Have an error message? Paste it into the error decoder"), "🔎")
