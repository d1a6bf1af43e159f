"""Gradient: the gradient of conv_transpose is a forward conv (and vice versa), on the same numbers;
the adjoint identity checked live; why TF must check output_shape (the seed's point 4).
All numbers come from lab.gradient; pictures from lab.draw.gradient."""
import streamlit as st

from lab import gradient as G
from lab.draw.gradient import compare_png
from lab.url_state import schema
from ui.binder import read_widgets, set_widgets, widget_values, write_link
from ui.links import page_link
from ui.page_header import page_header
from ui.style import md

PAGE = "gr"
KEYS = {key: f"{PAGE}_{key}" for key in schema(G.GradientConfig)}

st.set_page_config(page_title="Gradient · convt", page_icon="∇", layout="wide")


def _preset(name):
    set_widgets(widget_values(PAGE, G.PRESETS[name])[0], only_missing=False)


@st.cache_data(max_entries=64, show_spinner="Nudging every input cell…")
def _demo(cfg: G.GradientConfig) -> G.GradientDemo:
    return G.gradient_demo(cfg)


@st.cache_data(max_entries=128, show_spinner=False)
def _compare(cfg: G.GradientConfig, which: str, large: bool) -> bytes:
    d = _demo(cfg)
    i, n, c = cfg.in_size, cfg.out_size, d.computed
    if which == "transpose":
        return compare_png(d.grad_nudged[0, :, :, 0], d.grad_forward[0, :, :, 0],
                           f"by nudging x: {i} × {i}" + _sampled(d.nudged_cells, d.x_cells),
                           f"forward conv of g: {c} × {c}",
                           corner=i if c > i else None, large=large)
    return compare_png(d.conv_grad_nudged[0, :, :, 0], d.conv_grad_transpose[0, :, :, 0],
                       f"by nudging u: {n} × {n}" + _sampled(d.conv_nudged_cells, d.conv_x.size),
                       f"conv_transpose of h: {n} × {n}", large=large)


def _sampled(nudged, total) -> str:
    return "" if nudged == total else f" ({nudged} of {total} cells nudged; grey dots: not nudged)"


def _diff_text(diff, nudged, total) -> str:
    if diff is None:
        return "not comparable"
    sample = "" if nudged == total else f" (an evenly spread sample of {nudged} of the {total} cells was nudged)"
    return f"max difference {diff:g}{sample}"


large = page_header(PAGE, G.GradientConfig, "∇ The gradient connection",
                    "Why conv2d_transpose must be told its output shape, and why TF checks it: the gradient of a "
                    "transposed conv *is* a forward conv (and the other way round). Everything below is computed "
                    "live on the same seeded numbers. The link holds every control.")

st.markdown("**Load a configuration**")
cols = st.columns(len(G.PRESETS))
for col, (name, label) in zip(cols, G.PRESET_LABELS.items()):
    col.button(label, key=f"gr_preset_{name}", on_click=_preset, args=(name,), width="stretch")

with st.expander("Controls", expanded=True):
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input("Input x: height = width", 1, G.MAX_IN, key=KEYS["in"],
                    help=f"the size of x, the tensor you pass to conv2d_transpose (at most {G.MAX_IN})")
    c2.number_input("Requested output size (output_shape)", 1, G.MAX_OUT, key=KEYS["out"],
                    help=f"at most {G.MAX_OUT}")
    c3.slider("Kernel", 1, G.MAX_KERNEL, key=KEYS["k"], help=f"at most {G.MAX_KERNEL}")
    c4.slider("Stride", 1, G.MAX_STRIDE, key=KEYS["s"], help=f"at most {G.MAX_STRIDE}")
    c5, c6, c7, c8 = st.columns(4)
    c5.selectbox("Padding", ("SAME", "VALID"), key=KEYS["pad"])
    c6.number_input("Channels of x", 1, G.MAX_CHANNELS, key=KEYS["cin"], help=f"at most {G.MAX_CHANNELS}")
    c7.number_input("Output channels", 1, G.MAX_CHANNELS, key=KEYS["cout"], help=f"at most {G.MAX_CHANNELS}")
    c8.number_input("Random seed", 0, G.MAX_SEED, key=KEYS["seed"])
    st.caption(f"Caps: input ≤ {G.MAX_IN}, output ≤ {G.MAX_OUT}, kernel ≤ {G.MAX_KERNEL}, stride ≤ "
               f"{G.MAX_STRIDE}, channels ≤ {G.MAX_CHANNELS} — the gradient is computed by nudging cells one "
               "by one, which grows with the square of the sizes.")

cfg = read_widgets(PAGE, G.GradientConfig)
write_link(PAGE, cfg)
d = _demo(cfg)
check = d.check
i, n, k, s, c = cfg.in_size, cfg.out_size, cfg.kernel, cfg.stride, d.computed

st.markdown(f"**The call:** `conv2d_transpose(x, w, output_shape=[1, {n}, {n}, {cfg.channels_out}], "
            f"strides={s}, padding='{cfg.padding}')` with x of shape `[1, {i}, {i}, {cfg.channels_in}]` and "
            f"filter w of shape `[{k}, {k}, {cfg.channels_out}, {cfg.channels_in}]`.")
if check.ok:
    st.success(f"TF accepts this call: a forward {cfg.padding} conv over the requested {n} gives "
               f"{check.arithmetic} = the input's {i}. So the gradient with respect to x — a forward conv of "
               f"the {n} × {n} upstream gradient — is {c} × {c}, exactly x's shape.")
else:
    st.error(f"TF refuses this call. The gradient with respect to x would be a forward conv of the "
             f"{n} × {n} upstream gradient: {check.arithmetic}, so {c} × {c} — but x is {i} × {i}. "
             "A gradient must have the shape of what it is the gradient of, and TF says exactly that:")
    st.code(check.tf_message, language=None, wrap_lines=True)
    if check.tf1_message:
        st.markdown("TF 1.x said it while building the training step (the gradient's shape cannot be set "
                    "on x):")
        st.code("ValueError: " + check.tf1_message, language=None, wrap_lines=True)
    st.markdown("**Why, in plain words:** " + md(d.explanation))
    if d.fixes:
        st.markdown("**Fixes:**\n" + "\n".join(f"- {md(f.text)}" for f in d.fixes))
    page_link("Shape_explorer", "Open this call in the shape explorer", icon="📐",
              query_params={"in": str(i), "k": str(k), "s": str(s), "pad": cfg.padding, "out": str(n)})

if cfg != G.SEED:
    seed = G.shape_check(G.SEED)
    st.info(f"**The seed's failure, by the same rule:** x is 25 × 25 and output_shape asks for 97 × 97 with "
            f"stride 3. The gradient with respect to x would be a forward conv of a 97 × 97 upstream gradient: "
            f"{seed.arithmetic}, a {seed.computed} × {seed.computed} map where x is 25 × 25 — which is exactly "
            f"TF's `actual = 25, computed = {seed.computed}`. Load it with the button “The seed” above.")

st.header("(a) The gradient of conv_transpose with respect to its input")
st.markdown(f"Take the loss **L = ⟨conv_transpose(x), g⟩**, with g a seeded {n} × {n} upstream gradient. "
            "Left: the gradient *by definition* — nudge each cell of x by 1 and write down how much L changes "
            "(L is linear in x, so that change is the exact slope). Right: **one forward conv of g with the "
            f"same filter, stride {s} and {cfg.padding} padding**.")
st.image(_compare(cfg, "transpose", large), width="stretch")
m1, m2, m3 = st.columns(3)
m1.metric("gradient by nudging x", f"{i} × {i}")
m2.metric("forward conv of g", f"{c} × {c}")
if check.ok:
    m3.metric("equal?", "yes" if d.grad_diff == 0 else f"to {d.grad_diff:.1e}")
    st.markdown(f"Both sides: **{_diff_text(d.grad_diff, d.nudged_cells, d.x_cells)}**.")
else:
    m3.metric("equal?", "shapes differ")
    if d.corner_diff is not None:
        st.markdown(f"The true gradient (left) is the top-left {i} × {i} corner of the {c} × {c} forward conv "
                    f"(**{_diff_text(d.corner_diff, d.nudged_cells, d.x_cells)}** on that corner). Its other "
                    f"{c - i} rows and columns (hatched) belong to no cell of x: TF refuses rather than "
                    "silently cropping them.")
    else:
        st.markdown(f"The forward conv gives {c} × {c}; the gradient needs {i} × {i}.")

st.header("(b) The converse: a conv's input gradient is a conv_transpose")
st.markdown(f"A forward conv C with the same filter maps {n} × {n} to {c} × {c}. The gradient of "
            f"⟨C(u), h⟩ with respect to its input u, by nudging, equals **conv_transpose(h)** back to {n} × {n} "
            "— the very operation this app is about.")
if c >= 1:
    st.image(_compare(cfg, "conv", large), width="stretch")
    st.markdown(f"Both sides: **{_diff_text(d.conv_grad_diff, d.conv_nudged_cells, d.conv_x.size)}**.")
else:
    st.info(f"A forward conv over {n} gives {check.arithmetic}: no output, so nothing to differentiate.")

st.header("The adjoint identity ⟨C u, h⟩ = ⟨u, Cᵀ h⟩")
st.markdown("C is the forward conv, Cᵀ the transposed conv with the same filter, strides and padding; u and h "
            "are the seeded arrays of (b). Two different computations, one number:")
a1, a2 = st.columns(2)
a1.metric("⟨C u, h⟩ (forward conv, then dot)", f"{d.adjoint_lhs:g}")
a2.metric("⟨u, Cᵀ h⟩ (transposed conv, then dot)", f"{d.adjoint_rhs:g}")
st.markdown(f"Difference: **{abs(d.adjoint_lhs - d.adjoint_rhs):g}** (the values are small integers, so the "
            "sums are exact). This identity is what \"transposed\" means, and it only makes sense when Cᵀ's "
            "output has the shape of C's input — the shape TF checks.")

with st.expander("Show me the code that computed this"):
    import inspect
    st.code(inspect.getsource(G.grad_by_nudging) + "\n\n" + inspect.getsource(G.gradient_demo), language="python")

with st.expander("Show the seeded numbers (channel 1)"):
    if i <= 10 and n <= 16:
        st.markdown("x (the transpose's input):")
        st.code(str(d.x[0, :, :, 0].astype(int)), language=None)
        st.markdown("filter w[:, :, 0, 0]:")
        st.code(str(d.w[:, :, 0, 0].astype(int)), language=None)
        st.markdown("upstream gradient g:")
        st.code(str(d.g[0, :, :, 0].astype(int)), language=None)
    else:
        st.markdown(f"Too many to print (x is {i} × {i}, g is {n} × {n}); values are integers from "
                    f"−{G.VALUE_RANGE} to {G.VALUE_RANGE} drawn with seed {cfg.seed}.")
