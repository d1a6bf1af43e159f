"""The home page (app.py calls :func:`main`): a guided walkthrough of the seed's five ideas, each with
a picture (lab.draw.home) and a live example on seeded numbers, and a link to the page that goes
deeper. All numbers come from convt (lab.walkthrough); every control is in the link (HomeState).
Lives here so Streamlit compiles it once per process."""
import streamlit as st

from lab import walkthrough as wt
from lab.draw import home as draw
from lab.explorer import SEED_PARAMS
from ui import prefs
from ui.binder import read_widgets, write_link
from ui.links import page_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _
from ui.style import md

PAGE = "home"
EXPLORER = "pages/3_Shape_explorer.py"


@st.cache_data(show_spinner=False)
def _demos():
    return wt.line_demo(), wt.ambiguity_demo(), wt.seed_failure(), wt.adjoint_demo()


@st.cache_data(max_entries=64, show_spinner=False)
def _picture(which: str, arg: int, lang: str, present: bool) -> bytes:
    """One idea's figure (``arg``: the lit cell of idea 1, the skip size of idea 5)."""
    line, _amb, seed, _adj = _demos()
    if which == "reverse":
        return draw.reverse_png(line, arg, lang, present)
    if which == "matrices":
        return draw.matrices_png(line, arg, lang, present)
    if which == "many":
        return draw.many_to_one_png(wt.many_to_one(), 3, lang, present)
    if which == "seed":
        return draw.seed_bars_png(seed, lang, present)
    if which == "inner":
        return draw.inner_png(line, lang, present)
    return draw.skip_png(wt.skip_recipe(arg), wt.SKIP_SIZES, lang, present)


def _cells(cells) -> str:
    return ", ".join(f"x[{i}]" for i in cells)


def main():
    present = page_header(PAGE, wt.HomeState, "🔁 Transposed convolution, and why its shapes fail", "",
                          tab="The transposed-convolution lab")
    lang = prefs.current().lang
    st.markdown(_("Your `conv2d_transpose` just failed with `actual = 25, computed = 33`? Five ideas explain "
                  "every such error. Each comes with a picture and a live example on real numbers."))
    if st.button(_("Open the seed's failure in the shape explorer: 97 → conv k3 s4 SAME → 25 → "
                   "conv_transpose s3 SAME → 97?"), key="home_seed", type="primary"):
        st.switch_page(EXPLORER, query_params={k: str(v) for k, v in SEED_PARAMS.items()})

    line, (amb_rows, amb_valid), seed, adj = _demos()

    st.header(_("1 · A transposed conv is the reverse of a forward conv"))
    st.markdown(_("Picture the forward convolution it reverses, on one line of cells: a kernel of 3 with "
                  "stride 2 and SAME padding maps 5 cells to 3 — the matrix C, 3 × 5. `conv2d_transpose` with "
                  "the **same kernel** maps 3 cells back to 5 — the matrix Cᵀ, 5 × 3. Output y[j] reads the lit "
                  "cells of x; the transpose writes its cell j into exactly those cells, with the same weights: "
                  "row j of C is column j of Cᵀ. The shape comes back, the numbers do not (it is the transpose, "
                  "not the inverse)."))
    cell = st.slider(_("Light the cell j"), 0, wt.LINE_OUT - 1, key=f"{PAGE}_cell")
    questions = wt.questions(wt.HomeState(cell=cell), line, seed)
    if ask(questions["taps"], label=lambda i: f"x[{i}]"):
        st.markdown(md(_("y[{j}] = {terms}: it reads {cells}.", j=cell, cells=_cells(line.taps(cell)),
                         terms=" + ".join(f"{line.C[cell, i]:g}·x[{i}]" for i in line.taps(cell)))))
    left, right = st.columns([8, 7], vertical_alignment="center")
    left.image(_picture("reverse", cell, lang, present), width="content")
    right.image(_picture("matrices", cell, lang, present), width="content")
    st.markdown(_("In 2-D the filter is `[height, width, out_channels, in_channels]`: a forward conv 10 → 20 "
                  "channels has filter `[3, 3, 10, 20]`, and the transpose that goes 20 → 10 uses that very "
                  "array."))
    page_link("Transposed", _("See it step by step: scatter, direct conv, matrix view"), icon="🎞️")

    st.header(_("2 · Several output shapes are valid for one input"))
    st.markdown(_("Input `[1,3,3,1]`, filter `[2,2,3,1]`, strides 2, SAME. A forward SAME conv with stride 2 "
                  "maps both 5 and 6 to 3, so both `output_shape=[1,5,5,3]` and `[1,6,6,3]` work: **the "
                  "framework cannot infer the output shape; you choose it.**"))
    st.image(_picture("many", 0, lang, present), width="content")
    for row in amb_rows:
        mark = "✅" if row.accepted else "❌"
        outcome = md(_(row.result)) if row.accepted else _("refused")
        st.markdown(f"{mark} `output_shape` {row.n}: {md(row.arithmetic)} — {outcome}")
    st.markdown(md(_("Valid output sizes for input 3: {sizes}", sizes=", ".join(str(v) for v in amb_valid))))
    page_link("Shape_explorer", _("Explore every size on a number line"), icon="📐",
              query_params={"in": "3", "k": "2", "s": "2", "pad": "SAME", "out": "5", "ob": "1",
                            "b": "1", "c": "1", "fi": "1", "fo": "3", "oc": "3"})

    st.header(_("3 · TF checks that output_shape maps back onto the input"))
    ask(questions["computed"])
    st.markdown(md(_("[3,97,97,10] → conv k3 s4 SAME → {shape} because {arithmetic}. Going back with "
                     "conv2d_transpose, stride 3 and output_shape 97 fails: {back}, not 25.",
                     shape=list(seed.forward_shape), arithmetic=seed.forward_arithmetic,
                     back=seed.back_arithmetic)))
    st.image(_picture("seed", 0, lang, present), width="content")
    st.markdown(_("**TensorFlow 2.21 prints:**"))
    st.code(seed.message, language=None, wrap_lines=True)
    st.markdown(md(_("Read it from the gradient's side: actual = your input (25), input: = your output_shape "
                     "(97), computed = a forward conv over 97 (33). Valid sizes for 25 with stride 3: {valid}. "
                     "With stride 4 it works: {fixed}.", valid=seed.valid, fixed=seed.fixed_shape)))
    page_link("Error_decoder", _("Decode your own message"), icon="🔎")

    st.header(_("4 · Why it is checked: the gradient"))
    st.markdown(_("The gradient of `conv2d_transpose` with respect to its input is a forward conv with the "
                  "same filter, strides and padding — and the transpose is the gradient of the forward conv. "
                  "The proof is one identity, ⟨C x, g⟩ = ⟨x, Cᵀ g⟩, where **⟨a, b⟩ is the inner (dot) product**: "
                  "multiply two arrays of the same shape cell by cell and add up all the products — one "
                  "number. On the line of idea 1:"))
    st.image(_picture("inner", 0, lang, present), width="content")
    st.markdown(_("The same identity in 2-D, on seeded numbers:"))
    st.code(f"⟨conv2d(x), g⟩            = {adj.lhs:.0f}\n⟨x, conv2d_transpose(g)⟩  = {adj.rhs:.0f}"
            f"\nx {adj.x_shape}, g {adj.g_shape}", language=None)
    st.markdown(md(_("In the seed, that forward conv turns the 97×97 gradient into {arithmetic} × 33, which "
                     "cannot be the gradient of a 25×25 tensor: so the shapes must agree, and the error names "
                     "the two numbers.", arithmetic=adj.seed_gradient)))
    page_link("Gradient", _("The gradient page: both directions on the same numbers"), icon="🧮")

    st.header(_("5 · Controlling output_shape flexibly"))
    dynamic = st.toggle(_("output_shape is a tensor (tf.shape(x) / a placeholder), not a Python list"),
                        key=f"{PAGE}_dyn")
    timing = wt.timing_demo(dynamic)
    st.markdown(md(_(timing["timing"])))
    if timing["message"]:
        st.markdown(md(_("TF 1.x, {stage}:", stage=_(timing["stage"]))))
        st.code(timing["message"], language=None, wrap_lines=True)
    st.markdown(_("In a real network the size to go back to is the skip connection's: every skip size below "
                  "goes down to the same 25, so 25 alone cannot say which size to go back to — take it from "
                  "the skip tensor."))
    skip = st.radio(_("Size of the skip tensor"), wt.SKIP_SIZES, key=f"{PAGE}_skip", horizontal=True)
    st.image(_picture("skip", skip, lang, present), width="content")
    st.markdown(_("Each recipe runs as it stands in its framework and prints the shapes in its comments:"))
    recipes = wt.recipes(wt.skip_recipe(skip))
    for tab, code in zip(st.tabs([_(name) for name in recipes]), recipes.values()):
        tab.code(code, language="python")
    page_link("Shape_explorer", _("Try static vs dynamic in the shape explorer"), icon="📐",
              query_params={**{k: str(v) for k, v in SEED_PARAMS.items()}, "dyn": "1" if dynamic else "0"})
    page_link("Encoder", _("Chain conv / conv_transpose layers (97 → 25 → ?)"), icon="🔗")
    page_link("Checkerboard", _("Why kernel sizes that are not a multiple of the stride leave a grid"),
              icon="🏁")
    write_link(PAGE, read_widgets(PAGE, wt.HomeState))
