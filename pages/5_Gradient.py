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
from ui.predict import ask
from ui.prefs import _, current
from ui.style import md

PAGE = "gr"
KEYS = {key: f"{PAGE}_{key}" for key in schema(G.GradientConfig)}


def _preset(name):
    set_widgets(widget_values(PAGE, G.PRESETS[name])[0], only_missing=False)


@st.cache_data(max_entries=64, show_spinner=False)
def _demo(cfg: G.GradientConfig) -> G.GradientDemo:
    return G.gradient_demo(cfg)


@st.cache_data(max_entries=128, show_spinner=False)
def _compare(cfg: G.GradientConfig, which: str, large: bool, lang: str) -> bytes:
    d = _demo(cfg)
    i, n, c = cfg.in_size, cfg.out_size, d.computed
    if which == "transpose":
        return compare_png(d.grad_nudged[0, :, :, 0], d.grad_forward[0, :, :, 0],
                           _("by nudging x: {i} × {i}", i=i), _("forward conv of g: {c} × {c}", c=c),
                           corner=i if c > i else None, large=large, lang=lang)
    return compare_png(d.conv_grad_nudged[0, :, :, 0], d.conv_grad_transpose[0, :, :, 0],
                       _("by nudging u: {n} × {n}", n=n), _("conv_transpose of h: {n} × {n}", n=n),
                       large=large, lang=lang)


def _diff_text(diff, nudged, total) -> str:
    if diff is None:
        return _("not comparable")
    if nudged == total:
        return _("max difference {diff}", diff=f"{diff:g}")
    return _("max difference {diff} (an evenly spread sample of {nudged} of the {total} cells was nudged; "
             "the others are grey in both pictures)", diff=f"{diff:g}", nudged=nudged, total=total)


large = page_header(PAGE, G.GradientConfig, "∇ The gradient connection",
                    "Why conv2d_transpose must be told its output shape, and why TF checks it: the gradient of a "
                    "transposed conv *is* a forward conv (and the other way round). Everything below is computed "
                    "live on the same seeded numbers. The link holds every control.", tab="Gradient")

st.markdown(_("**Load a configuration**"))
cols = st.columns(len(G.PRESETS))
for col, (name, label) in zip(cols, G.PRESET_LABELS.items()):
    col.button(_(label), key=f"gr_preset_{name}", on_click=_preset, args=(name,), width="stretch")

with st.expander(_("Controls"), expanded=True):
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(_("Input x: height = width"), 1, G.MAX_IN, key=KEYS["in"],
                    help=_("the size of x, the tensor you pass to conv2d_transpose (at most {n})", n=G.MAX_IN))
    c2.number_input(_("Requested output size (output_shape)"), 1, G.MAX_OUT, key=KEYS["out"],
                    help=_("at most {n}", n=G.MAX_OUT))
    c3.slider(_("Kernel"), 1, G.MAX_KERNEL, key=KEYS["k"], help=_("at most {n}", n=G.MAX_KERNEL))
    c4.slider(_("Stride"), 1, G.MAX_STRIDE, key=KEYS["s"], help=_("at most {n}", n=G.MAX_STRIDE))
    c5, c6, c7, c8 = st.columns(4)
    c5.selectbox(_("Padding"), ("SAME", "VALID"), key=KEYS["pad"])
    c6.number_input(_("Channels of x"), 1, G.MAX_CHANNELS, key=KEYS["cin"], help=_("at most {n}", n=G.MAX_CHANNELS))
    c7.number_input(_("Output channels"), 1, G.MAX_CHANNELS, key=KEYS["cout"],
                    help=_("at most {n}", n=G.MAX_CHANNELS))
    c8.number_input(_("Random seed"), 0, G.MAX_SEED, key=KEYS["seed"])
    st.caption(_("Caps: input ≤ {i}, output ≤ {o}, kernel ≤ {k}, stride ≤ {s}, channels ≤ {c} — the gradient is "
                 "computed by nudging cells one by one, which grows with the square of the sizes.",
                 i=G.MAX_IN, o=G.MAX_OUT, k=G.MAX_KERNEL, s=G.MAX_STRIDE, c=G.MAX_CHANNELS))

cfg = read_widgets(PAGE, G.GradientConfig)
write_link(PAGE, cfg)
with st.spinner(_("Nudging every input cell…")):  # shown only when it takes more than half a second
    d = _demo(cfg)
check = d.check
i, n, k, s, c = cfg.in_size, cfg.out_size, cfg.kernel, cfg.stride, d.computed
lang = current().lang

st.markdown(_("**The call:** `conv2d_transpose(x, w, output_shape=[1, {n}, {n}, {cout}], strides={s}, "
              "padding='{pad}')` with x of shape `[1, {i}, {i}, {cin}]` and filter w of shape "
              "`[{k}, {k}, {cout}, {cin}]`.", n=n, cout=cfg.channels_out, s=s, pad=cfg.padding, i=i,
              cin=cfg.channels_in, k=k))
if ask(G.gradient_question(cfg)):
    st.markdown(_("The gradient with respect to x is a forward conv of the {n} × {n} upstream gradient: "
                  "{arithmetic}, so {c} × {c}.", n=n, arithmetic=check.arithmetic, c=c))
if check.ok:
    st.success(_("TF accepts this call: a forward {pad} conv over the requested {n} gives {arithmetic} = the "
                 "input's {i}. So the gradient with respect to x — a forward conv of the {n} × {n} upstream "
                 "gradient — is {c} × {c}, exactly x's shape.", pad=cfg.padding, n=n, arithmetic=check.arithmetic,
                 i=i, c=c))
else:
    st.error(_("TF refuses this call. The gradient with respect to x would be a forward conv of the {n} × {n} "
               "upstream gradient: {arithmetic}, so {c} × {c} — but x is {i} × {i}. A gradient must have the "
               "shape of what it is the gradient of, and TF says exactly that:", n=n,
               arithmetic=check.arithmetic, c=c, i=i))
    st.code(check.tf_message, language=None, wrap_lines=True)
    if check.tf1_message:
        st.markdown(_("TF 1.x said it while building the training step (the gradient's shape cannot be set "
                      "on x):"))
        st.code("ValueError: " + check.tf1_message, language=None, wrap_lines=True)
    st.markdown(_("**Why, in plain words:**") + " " + md(_(d.explanation)))
    if d.fixes:
        st.markdown(_("**Fixes:**") + "\n" + "\n".join(f"- {md(_(f.text))}" for f in d.fixes))
    page_link("Shape_explorer", _("Open this call in the shape explorer"), icon="📐",
              query_params={"in": str(i), "k": str(k), "s": str(s), "pad": cfg.padding, "out": str(n)})

if cfg != G.SEED:
    seed = G.shape_check(G.SEED)
    st.info(_("**The seed's failure, by the same rule:** x is 25 × 25 and output_shape asks for 97 × 97 with "
              "stride 3. The gradient with respect to x would be a forward conv of a 97 × 97 upstream gradient: "
              "{arithmetic}, a {c} × {c} map where x is 25 × 25 — which is exactly TF's `actual = 25, computed = "
              "{c}`. Load it with the button “The seed” above.", arithmetic=seed.arithmetic, c=seed.computed))

st.header(_("(a) The gradient of conv_transpose with respect to its input"))
st.markdown(_("Take the loss **L = ⟨conv_transpose(x), g⟩**, with g a seeded {n} × {n} upstream gradient. Left: "
              "the gradient *by definition* — nudge each cell of x by 1 and write down how much L changes (L is "
              "linear in x, so that change is the exact slope). Right: **one forward conv of g with the same "
              "filter, stride {s} and {pad} padding**.", n=n, s=s, pad=cfg.padding))
st.image(_compare(cfg, "transpose", large, lang), width="stretch")
m1, m2, m3 = st.columns(3)
m1.metric(_("gradient by nudging x"), f"{i} × {i}")
m2.metric(_("forward conv of g"), f"{c} × {c}")
if check.ok:
    m3.metric(_("equal?"), _("yes") if d.grad_diff == 0 else f"{d.grad_diff:.1e}")
    st.markdown(_("Both sides: **{verdict}**.", verdict=_diff_text(d.grad_diff, d.nudged_cells, d.x_cells)))
else:
    m3.metric(_("equal?"), _("shapes differ"))
    if d.corner_diff is not None:
        st.markdown(_("The true gradient (left) is the top-left {i} × {i} corner of the {c} × {c} forward conv "
                      "(**{verdict}** on that corner). Its other {extra} rows and columns (hatched) belong to no "
                      "cell of x: TF refuses rather than silently cropping them.", i=i, c=c,
                      verdict=_diff_text(d.corner_diff, d.nudged_cells, d.x_cells), extra=c - i))
    else:
        st.markdown(_("The forward conv gives {c} × {c}; the gradient needs {i} × {i}.", c=c, i=i))

st.header(_("(b) The converse: a conv's input gradient is a conv_transpose"))
st.markdown(_("A forward conv C with the same filter maps {n} × {n} to {c} × {c}. The gradient of ⟨C(u), h⟩ with "
              "respect to its input u, by nudging, equals **conv_transpose(h)** back to {n} × {n} — the very "
              "operation this app is about.", n=n, c=c))
if c >= 1:
    st.image(_compare(cfg, "conv", large, lang), width="stretch")
    st.markdown(_("Both sides: **{verdict}**.",
                  verdict=_diff_text(d.conv_grad_diff, d.conv_nudged_cells, d.conv_x.size)))
else:
    st.info(_("A forward conv over {n} gives {arithmetic}: no output, so nothing to differentiate.", n=n,
              arithmetic=check.arithmetic))

st.header(_("The adjoint identity ⟨C u, h⟩ = ⟨u, Cᵀ h⟩"))
st.markdown(_("C is the forward conv, Cᵀ the transposed conv with the same filter, strides and padding; u and h "
              "are the seeded arrays of (b). ⟨a, b⟩ multiplies two arrays of the same shape cell by cell and "
              "adds up the products. Two different computations, one number:"))
a1, a2 = st.columns(2)
a1.metric(_("⟨C u, h⟩ (forward conv, then dot)"), f"{d.adjoint_lhs:g}")
a2.metric(_("⟨u, Cᵀ h⟩ (transposed conv, then dot)"), f"{d.adjoint_rhs:g}")
st.markdown(_("Difference: **{diff}** (the values are small integers, so the sums are exact). This identity is "
              "what \"transposed\" means, and it only makes sense when Cᵀ's output has the shape of C's input — "
              "the shape TF checks.", diff=f"{abs(d.adjoint_lhs - d.adjoint_rhs):g}"))

with st.expander(_("Show me the code that computed this")):
    import inspect
    st.code(inspect.getsource(G.grad_by_nudging) + "\n\n" + inspect.getsource(G.gradient_demo), language="python")

with st.expander(_("Show the seeded numbers (channel 1)")):
    if i <= 10 and n <= 16:
        st.markdown(_("x (the transpose's input):"))
        st.code(str(d.x[0, :, :, 0].astype(int)), language=None)
        st.markdown(_("filter w[:, :, 0, 0]:"))
        st.code(str(d.w[:, :, 0, 0].astype(int)), language=None)
        st.markdown(_("upstream gradient g:"))
        st.code(str(d.g[0, :, :, 0].astype(int)), language=None)
    else:
        st.markdown(_("Too many to print (x is {i} × {i}, g is {n} × {n}); values are integers from −{r} to {r} "
                      "drawn with seed {seed}.", i=i, n=n, r=G.VALUE_RANGE, seed=cfg.seed))
