"""Transposed convolution: one computation in three synchronised views (scatter, direct conv with the
kernel rotated 180°, matrix Cᵀ), stepped exactly or played in the browser, exported as a GIF.
All numbers come from convt.trace / lab.animation; all pictures from lab.draw."""
import inspect

import streamlit as st

from lab import animation as anim
from convt import trace as trace_mod
from ui import anim_widgets as aw
from lab.url_state import from_values, to_values
from ui.binder import write_link
from ui.links import page_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _
from ui.style import md
from ui.subpixel_section import subpixel_section

PAGE = "tc"


def _load(state: anim.TransposeState):
    values = to_values(state)
    cfg, notes, _ = anim.resolve_transpose(values)
    widgets = aw.geometry_widgets(PAGE, {**values, **cfg.as_url()})
    return {**widgets, "tc_out": cfg.out, "tc_view": state.view, "tc_by": state.by}, notes


aw.adopt_player_step(PAGE)
present = page_header(PAGE, anim.TransposeState, "🔁 Transposed convolution",
                      "The forward convolution run backwards, three ways, on the same numbers. The address "
                      "bar holds this exact view: copy it to share.", load=_load,
                      tab="Transposed convolution")

# --- controls: above the figure, or in the sidebar in presentation mode -----------------------
panel = st.sidebar if present else st.container()
raw, out_col = aw.geometry_controls(PAGE, panel, narrow=present)
cfg0, geometry_notes, valid = anim.resolve_transpose({**raw, "out": None, "seed": 0})
for note in geometry_notes:  # a combination the widgets allow but that has no valid output size
    st.warning(_(note), icon="⚠️")
if st.session_state.get("tc_out") not in valid:
    st.session_state["tc_out"] = valid[0]
out = out_col.selectbox(_("Output size"), list(valid), key="tc_out",
                        help=_("every size TensorFlow accepts for this input (output_shape)"))
cfg = anim.AnimConfig(raw["in"], raw["k"], raw["s"], raw["d"], cfg0.pad, 0, int(out), raw["nd"])

view = panel.radio(_("View"), list(anim.VIEWS), format_func=aw.translated(anim.VIEWS).get, key="tc_view",
                   horizontal=True)
c1, c2, c3 = [panel, *panel.columns(2)] if present else panel.columns([3, 2, 2])
by = "column"
if view == "matrix":
    by = c1.radio(_("Step the matrix by"), ["column", "row"], key="tc_by", horizontal=True,
                  format_func={"column": _("column (scatter order: one input cell)"),
                               "row": _("row (gather order: one output cell)")}.get)
seed = c2.number_input(_("Example numbers (seed)"), 0, anim.MAX_SEED, step=1, key="tc_seed")
fps = aw.speed_control(PAGE, c3)
cfg = anim.AnimConfig(cfg.in_size, cfg.kernel, cfg.stride, cfg.dilation, cfg.pad, int(seed), cfg.out, cfg.nd)

# --- the computation ---------------------------------------------------------------------------
tr = aw.transpose_trace_for(cfg)
i, k, s = cfg.in_size, cfg.kernel, cfg.stride
shown_view = view
if view == "matrix" and not anim.matrix_fits(tr):
    st.info(_("The matrix Cᵀ would have {rows} rows and {cols} columns; the matrix view is capped at {cap}. "
              "Showing the scatter view instead — make the sizes smaller.", rows=cfg.out ** 2, cols=i * i,
              cap=anim.MAX_MATRIX_SIDE))
    shown_view = "scatter"
n_steps = tr.n_steps(shown_view, by)

# --- the figure: the browser player, then a question its last steps answer -----------------------
animation = aw.figure("transpose", cfg, shown_view, by, n_steps, aw.clamp_step(PAGE, n_steps), present)
ask(anim.transpose_question(tr), anim.output_cell_label(tr))
st.markdown(_(anim.sizes_line(cfg, tr.out_size)))
with st.expander(_("Sizes, written out with these numbers"), expanded=not present):
    for line in anim.transpose_formula(tr):
        st.markdown("- " + _(line))
    for n in (v for v in (valid[0] - 1, valid[-1] + 1) if v >= 1):
        st.markdown("- " + _("Output size **{n}** is not valid:", n=n) + " "
                    + md(_(anim.invalid_size_reason(i, k, s, cfg.dilation, cfg.pad, n))))
        page_link("Shape_explorer", _("See output size {n} in the shape explorer", n=n),
                  query_params=anim.explorer_params(i, k, s, cfg.dilation, cfg.pad, n))
st.markdown(aw.legend(aw.TRANSPOSE_LEGEND))

t = aw.step_panel(PAGE, n_steps, animation.played, lambda step: anim.transpose_state(tr, shown_view, by, step))
aw.gif_button("transpose", cfg, shown_view, by, n_steps, fps,
              f"transpose_{shown_view}_in{i}_k{k}_s{s}_{anim.pad_to_text(cfg.pad)}_out{cfg.out}")
st.caption(_(anim.CAPS_TEXT))

agree, ref = aw.agreement("transpose", cfg)
if agree:
    st.success(_("All three views give the same output, equal to the kernel's (convt.kernels_nd.conv_transpose, "
                 "{nd}-D): scatter = direct conv with the {turned} kernel = Cᵀ·vec(x).", nd=cfg.nd,
                 turned=_("flipped") if cfg.nd == 1 else _("rotated")))
else:  # pragma: no cover - would be a bug in the traces
    st.error(_("The views disagree with the kernel."))
aw.result_block(anim.grid_text(ref))

if cfg.nd == 2:
    aw.channels_section(PAGE, cfg)
with st.expander(_("Show me the code that computed these steps")):
    st.code(inspect.getsource(trace_mod.transpose_trace), language="python")

subpixel_section(cfg, present)
animation.finish()  # the browser player replaces the still frame, once the page is on screen
write_link(PAGE, from_values(anim.TransposeState, {**cfg.as_url(), "t": t, "fps": fps, "view": view, "by": by}))
