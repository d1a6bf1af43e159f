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
from ui.page_header import page_header
from ui.style import md
from ui.subpixel_section import subpixel_section

PAGE = "tc"

st.set_page_config(page_title="Transposed convolution · convt", page_icon="🔁", layout="wide")


def _load(state: anim.TransposeState):
    values = to_values(state)
    cfg, notes, _ = anim.resolve_transpose(values)
    widgets = aw.geometry_widgets(PAGE, {**values, **cfg.as_url()})
    return {**widgets, "tc_out": cfg.out, "tc_view": state.view, "tc_by": state.by}, notes


large = page_header(PAGE, anim.TransposeState, "🔁 Transposed convolution",
                    "The forward convolution run backwards, three ways, on the same numbers. The address "
                    "bar holds this exact view: copy it to share.", load=_load)

# --- controls --------------------------------------------------------------------------------
raw, out_col = aw.geometry_controls(PAGE)
cfg0, geometry_notes, valid = anim.resolve_transpose({**raw, "out": None, "seed": 0})
for note in geometry_notes:  # a combination the widgets allow but that has no valid output size
    st.warning(note, icon="⚠️")
if st.session_state.get("tc_out") not in valid:
    st.session_state["tc_out"] = valid[0]
out = out_col.selectbox("Output size", list(valid), key="tc_out",
                        help="every size TensorFlow accepts for this input (output_shape)")
cfg = anim.AnimConfig(raw["in"], raw["k"], raw["s"], raw["d"], cfg0.pad, 0, int(out), raw["nd"])

view = st.radio("View", list(anim.VIEWS), format_func=anim.VIEWS.get, key="tc_view", horizontal=True)
c1, c2, c3 = st.columns([3, 2, 2])
by = "column"
if view == "matrix":
    by = c1.radio("Step the matrix by", ["column", "row"], key="tc_by", horizontal=True,
                  format_func={"column": "column (scatter order: one input cell)",
                               "row": "row (gather order: one output cell)"}.get)
seed = c2.number_input("Example numbers (seed)", 0, anim.MAX_SEED, step=1, key="tc_seed")
fps = aw.speed_control(PAGE, c3)
cfg = anim.AnimConfig(cfg.in_size, cfg.kernel, cfg.stride, cfg.dilation, cfg.pad, int(seed), cfg.out, cfg.nd)
st.caption(anim.CAPS_TEXT)

# --- the computation ---------------------------------------------------------------------------
tr = aw.transpose_trace_for(cfg)
i, k, s = cfg.in_size, cfg.kernel, cfg.stride
st.markdown(anim.sizes_line(cfg, tr.out_size))
with st.expander("Sizes, written out with these numbers", expanded=True):
    for line in anim.transpose_formula(tr):
        st.markdown("- " + line)
    bad = [n for n in (valid[0] - 1, valid[-1] + 1) if n >= 1]
    for n in bad:
        st.markdown(f"- Output size **{n}** is not valid: " + md(anim.invalid_size_reason(
            i, k, s, cfg.dilation, cfg.pad, n)) + f" [See it in the shape explorer]"
            f"({anim.EXPLORER_PAGE}?{anim.explorer_query(i, k, s, cfg.dilation, cfg.pad, n)})")

shown_view = view
if view == "matrix" and not anim.matrix_fits(tr):
    st.info(f"The matrix Cᵀ would have {cfg.out ** 2} rows and {i * i} columns; the matrix view is capped at "
            f"{anim.MAX_MATRIX_SIDE}. Showing the scatter view instead — make the sizes smaller.")
    shown_view = "scatter"
n_steps = tr.n_steps(shown_view, by)

t = aw.step_controls(PAGE, n_steps)
play = st.toggle("▶ Play in the browser (play / pause, step, speed; no server round trip)", key="tc_play")
if not (play and aw.player("transpose", cfg, shown_view, by, n_steps)):
    st.image(aw.frame_png("transpose", cfg, shown_view, by, t), width="content")
aw.gif_button("transpose", cfg, shown_view, by, n_steps, fps,
              f"transpose_{shown_view}_in{i}_k{k}_s{s}_{anim.pad_to_text(cfg.pad)}_out{cfg.out}")
desc, so_far = anim.transpose_state(tr, shown_view, by, t)
st.markdown(f"**{md(desc)}**")
st.markdown("Output so far (`·` = not computed yet):")
st.code(so_far, language=None)
st.markdown(aw.LEGEND)

agree, ref = aw.agreement("transpose", cfg)
if agree:
    st.success(f"All three views give the same output, equal to the kernel's (convt.kernels_nd.conv_transpose, "
               f"{cfg.nd}-D): scatter = direct conv with the {'flipped' if cfg.nd == 1 else 'rotated'} kernel = "
               f"Cᵀ·vec(x).")
else:  # pragma: no cover - would be a bug in the traces
    st.error("The views disagree with the kernel.")
st.code(anim.grid_text(ref), language=None)

if cfg.nd == 2:
    aw.channels_section(PAGE, cfg)
with st.expander("Show me the code that computed these steps"):
    st.code(inspect.getsource(trace_mod.transpose_trace), language="python")

subpixel_section(cfg, large)
write_link(PAGE, from_values(anim.TransposeState, {**cfg.as_url(), "t": t, "fps": fps, "view": view, "by": by}))
