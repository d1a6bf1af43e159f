"""Forward convolution: the window sliding over the padded input, step by step, with the dot product
written out. All numbers come from convt.trace / lab.animation; all pictures from lab.draw."""
import inspect

import streamlit as st

from lab import animation as anim
from convt import trace as trace_mod
from ui import anim_widgets as aw
from lab.url_state import from_values, to_values
from ui.binder import write_link
from ui.page_header import page_header
from ui.style import md

PAGE = "fc"

st.set_page_config(page_title="Forward convolution · convt", page_icon="🔲", layout="wide")


def _load(state: anim.ConvState):
    values = to_values(state)
    cfg, notes = anim.resolve_conv(values)
    return aw.geometry_widgets(PAGE, {**values, **cfg.as_url()}), notes


large = page_header(PAGE, anim.ConvState, "🔲 Forward convolution",
                    "The window slides over the padded input; each step is one dot product. The address "
                    "bar holds this exact view: copy it to share.", load=_load)

raw, side = aw.geometry_controls(PAGE)
c1, c2 = side.columns(2)
seed = c1.number_input("Example numbers (seed)", 0, anim.MAX_SEED, step=1, key="fc_seed")
fps = aw.speed_control(PAGE, c2)
cfg, notes = anim.resolve_conv({**raw, "seed": int(seed)})
for note in notes:  # a combination the sliders allow but that has no output
    st.warning(note, icon="⚠️")
st.caption(anim.CAPS_TEXT)

tr = aw.conv_trace_for(cfg)
oh = tr.out_size[1]
st.markdown(anim.sizes_line(cfg, tr.out_size, "output y"))
with st.expander("Output size, written out with these numbers", expanded=True):
    for line in anim.conv_formula(cfg):
        st.markdown("- " + line)
    back = (f"Transposed_convolution?in={oh}&k={cfg.kernel}&s={cfg.stride}&d={cfg.dilation}"
            f"&pad={anim.pad_to_text(cfg.pad)}&out={cfg.in_size}" + ("&nd=1" if cfg.nd == 1 else ""))
    sizes = [trace_mod.size_text((n, n), cfg.nd) for n in (oh, cfg.in_size)]
    st.markdown(f"- [Run it backwards: the transposed conv from {sizes[0]} back to {sizes[1]} →]({back})")

n_steps = tr.n_steps
t = aw.step_controls(PAGE, n_steps)
play = st.toggle("▶ Play in the browser (play / pause, step, speed; no server round trip)", key="fc_play")
if not (play and aw.player("conv", cfg, "scatter", "column", n_steps)):
    st.image(aw.frame_png("conv", cfg, "scatter", "column", t), width="content")
aw.gif_button("conv", cfg, "scatter", "column", n_steps, fps,
              f"conv_in{cfg.in_size}_k{cfg.kernel}_s{cfg.stride}_{anim.pad_to_text(cfg.pad)}")
desc, so_far = anim.conv_state(tr, t)
st.markdown(f"**{md(desc)}**")
st.markdown("Output so far (`·` = not computed yet):")
st.code(so_far, language=None)
st.markdown(aw.LEGEND.replace(" · yellow: zeros inserted between inputs", "")
            .replace(" · dashed green frame: the output window kept from the full transposed output", "")
            + " Dashed dark frame: the real input inside the padding.")

ok, ref = aw.agreement("conv", cfg)
if ok:
    st.success(f"Replaying the steps gives exactly the kernel's output (convt.kernels_nd.conv_forward, {cfg.nd}-D):")
else:  # pragma: no cover
    st.error("The steps disagree with the kernel.")
st.code(anim.grid_text(ref), language=None)

with st.expander("Show me the code that computed these steps"):
    st.code(inspect.getsource(trace_mod.conv_trace), language="python")

write_link(PAGE, from_values(anim.ConvState, {**cfg.as_url(), "t": t, "fps": fps}))
