"""The home page (app.py calls :func:`main`): a guided walkthrough of the seed's five points, each
with a live demo on seeded numbers and a link to the page that goes deeper. All numbers come from
convt (lab.walkthrough). Lives here so Streamlit compiles it once per process."""
import streamlit as st

from lab import walkthrough as wt
from lab.explorer import SEED_PARAMS
from ui.binder import write_link
from ui.links import page_link
from ui.page_header import page_header
from ui.style import md

EXPLORER = "pages/3_Shape_explorer.py"


@st.cache_data(show_spinner=False)
def _demos():
    return (wt.reverse_demo(), wt.ambiguity_demo(), wt.seed_failure(), wt.adjoint_demo())


def _grid(a) -> str:
    """A small integer matrix as aligned text, as narrow as its widest number."""
    width = max(len(f"{v:.0f}") for v in a.ravel())
    return "\n".join(" ".join(f"{v:{width}.0f}" for v in row) for row in a)


def main():
    st.set_page_config(page_title="convt · transposed convolution lab", page_icon="🔁", layout="wide")
    page_header("home", wt.HomeState, "🔁 Transposed convolution, and why its shapes fail", "")
    write_link("home", wt.HomeState())
    st.markdown("Your `conv2d_transpose` just failed with `actual = 25, computed = 33`? "
                "Five ideas explain every such error. Each comes with a live example on real numbers.")
    if st.button("Open the seed's failure in the shape explorer: 97 → conv k3 s4 SAME → 25 → "
                 "conv_transpose s3 SAME → 97?", key="home_seed", type="primary"):
        st.switch_page(EXPLORER, query_params={k: str(v) for k, v in SEED_PARAMS.items()})

    reverse, (amb_rows, amb_valid), seed, adj = _demos()

    st.header("1 · A transposed conv is the reverse of a forward conv")
    st.markdown("Picture the forward convolution it undoes. Here a 3×3 kernel with stride 2 and SAME "
                "padding maps 5×5 to 3×3; `conv2d_transpose` with the **same filter** maps the 3×3 "
                "back to 5×5 — the shape comes back, the numbers do not (it is the transpose, not the "
                "inverse). The filter is `[height, width, out_channels, in_channels]`: a forward conv "
                "10 → 20 channels has filter `[3, 3, 10, 20]`, and the transpose that goes 20 → 10 "
                "uses that very array.")
    c1, c2, c3, c4 = st.columns(4)
    c1.markdown("**x** (5×5)")
    c1.code(_grid(reverse.x), language=None)
    c2.markdown("**kernel** (3×3)")
    c2.code(_grid(reverse.kernel), language=None)
    c3.markdown("**conv2d(x)**, stride 2 → 3×3")
    c3.code(_grid(reverse.y), language=None)
    c4.markdown("**conv2d_transpose** → 5×5")
    c4.code(_grid(reverse.back), language=None)
    page_link("Transposed", "See it step by step: scatter, direct conv, matrix view", icon="🎞️")

    st.header("2 · Several output shapes are valid for one input")
    st.markdown("Input `[1,3,3,1]`, filter `[2,2,3,1]`, strides 2, SAME. A forward SAME conv with "
                "stride 2 maps both 5 and 6 to 3, so both `output_shape=[1,5,5,3]` and `[1,6,6,3]` "
                "work: **the framework cannot infer the output shape; you choose it.**")
    for row in amb_rows:
        mark = "✅" if row.accepted else "❌"
        st.markdown(f"{mark} `output_shape` {row.n}: {md(row.arithmetic)} — "
                    + (md(row.result) if row.accepted else "refused"))
    st.markdown(md(f"Valid output sizes for input 3: {', '.join(str(v) for v in amb_valid)}"))
    page_link("Shape_explorer", "Explore every size on a number line", icon="📐",
              query_params={"in": "3", "k": "2", "s": "2", "pad": "SAME", "out": "5", "ob": "1",
                            "b": "1", "c": "1", "fi": "1", "fo": "3", "oc": "3"})

    st.header("3 · TF checks that output_shape maps back onto the input")
    st.markdown(md(f"[3,97,97,10] → conv k3 s4 SAME → {list(seed.forward_shape)} because "
                   f"{seed.forward_arithmetic}. Going back with conv2d_transpose, stride 3 and "
                   f"output_shape 97 fails: {seed.back_arithmetic}, not 25."))
    st.markdown("**TensorFlow 2.21 prints:**")
    st.code(seed.message, language=None, wrap_lines=True)
    st.markdown(md(f"Read it from the gradient's side: actual = your input (25), input: = your "
                   f"output_shape (97), computed = a forward conv over 97 (33). Valid sizes for 25 "
                   f"with stride 3: {seed.valid}. With stride 4 it works: {seed.fixed_shape}."))
    page_link("Error_decoder", "Decode your own message", icon="🔎")

    st.header("4 · Why it is checked: the gradient")
    st.markdown("The gradient of `conv2d_transpose` with respect to its input is a forward conv with "
                "the same filter, strides and padding — and the transpose is the gradient of the "
                "forward conv. Checked on seeded numbers:")
    st.code(f"⟨conv2d(x), g⟩            = {adj.lhs:.0f}\n⟨x, conv2d_transpose(g)⟩  = {adj.rhs:.0f}"
            f"\nx {adj.x_shape}, g {adj.g_shape}", language=None)
    st.markdown(md(f"In the seed, that forward conv turns the 97×97 gradient into "
                   f"{adj.seed_gradient} × 33, which cannot be the gradient of a 25×25 tensor: so the "
                   f"shapes must agree, and the error names the two numbers."))
    page_link("Gradient", "The gradient page: both directions on the same numbers", icon="🧮")

    st.header("5 · Controlling output_shape flexibly")
    dynamic = st.toggle("output_shape is a tensor (tf.shape(x) / a placeholder), not a Python list",
                        key="home_dyn")
    timing = wt.timing_demo(dynamic)
    st.markdown(md(timing["timing"]))
    if timing["message"]:
        st.markdown(md(f"TF 1.x, {timing['stage']}:"))
        st.code(timing["message"], language=None, wrap_lines=True)
    page_link("Shape_explorer", "Try static vs dynamic in the shape explorer", icon="📐",
              query_params={**{k: str(v) for k, v in SEED_PARAMS.items()}, "dyn": "1" if dynamic else "0"})
    page_link("Encoder", "Chain conv / conv_transpose layers (97 → 25 → ?)", icon="🔗")
    page_link("Checkerboard", "Why kernel sizes that are not a multiple of the stride leave a grid",
              icon="🏁")
