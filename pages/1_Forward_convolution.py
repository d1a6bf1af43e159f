"""Forward convolution: the window sliding over the padded input, step by step, with the dot product
written out. All numbers come from convt.trace / lab.animation; all pictures from lab.draw."""
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

PAGE = "fc"


def _load(state: anim.ConvState):
    values = to_values(state)
    cfg, notes = anim.resolve_conv(values)
    return aw.geometry_widgets(PAGE, {**values, **cfg.as_url()}), notes


aw.adopt_player_step(PAGE)
present = page_header(PAGE, anim.ConvState, "🔲 Forward convolution",
                      "The window slides over the padded input; each step is one dot product. The address "
                      "bar holds this exact view: copy it to share.", load=_load, tab="Forward convolution")

# --- controls: above the figure, or in the sidebar in presentation mode -----------------------
raw, side = aw.geometry_controls(PAGE, st.sidebar if present else None, narrow=present)
c1, c2 = side.columns(2)
seed = c1.number_input(_("Example numbers (seed)"), 0, anim.MAX_SEED, step=1, key="fc_seed")
fps = aw.speed_control(PAGE, c2)
cfg, notes = anim.resolve_conv({**raw, "seed": int(seed)})
for note in notes:  # a combination the sliders allow but that has no output
    st.warning(_(note), icon="⚠️")

tr = aw.conv_trace_for(cfg)
oh = tr.out_size[1]
question = anim.conv_question(cfg, tr)
if not present:  # asked before the figure shows the answer
    asked = ask(question)

# --- the figure: the browser player -----------------------------------------------------------
n_steps = tr.n_steps
animation = aw.figure("conv", cfg, "scatter", "column", n_steps, aw.clamp_step(PAGE, n_steps), present)
if present:
    asked = ask(question)
st.markdown(_(anim.sizes_line(cfg, tr.out_size, "output y")))
with st.expander(_("Output size, written out with these numbers"), expanded=asked and not present):
    for line in anim.conv_formula(cfg):
        st.markdown("- " + _(line))
    sizes = [trace_mod.size_text((n, n), cfg.nd) for n in (oh, cfg.in_size)]
    back = {"in": oh, "k": cfg.kernel, "s": cfg.stride, "d": cfg.dilation, "pad": anim.pad_to_text(cfg.pad),
            "out": cfg.in_size, **({"nd": 1} if cfg.nd == 1 else {})}
    page_link("Transposed", _("Run it backwards: the transposed conv from {a} back to {b} →", a=sizes[0], b=sizes[1]),
              query_params={k: str(v) for k, v in back.items()})
st.markdown(aw.legend(aw.FORWARD_LEGEND))

t = aw.step_panel(PAGE, n_steps, animation.played, lambda step: anim.conv_state(tr, step))
aw.gif_button("conv", cfg, "scatter", "column", n_steps, fps,
              f"conv_in{cfg.in_size}_k{cfg.kernel}_s{cfg.stride}_{anim.pad_to_text(cfg.pad)}")
st.caption(_(anim.CAPS_TEXT))

ok, ref = aw.agreement("conv", cfg)
if ok:
    st.success(_("Replaying the steps gives exactly the kernel's output (convt.kernels_nd.conv_forward, {nd}-D):",
                 nd=cfg.nd))
else:  # pragma: no cover
    st.error(_("The steps disagree with the kernel."))
aw.result_block(anim.grid_text(ref))

with st.expander(_("Show me the code that computed these steps")):
    st.code(inspect.getsource(trace_mod.conv_trace), language="python")

animation.finish()  # the browser player replaces the still frame, once the page is on screen
write_link(PAGE, from_values(anim.ConvState, {**cfg.as_url(), "t": t, "fps": fps}))
