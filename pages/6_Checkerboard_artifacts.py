"""Checkerboard artifacts: the overlap count of every output cell of a transposed conv, a real photograph
upsampled by a transposed conv vs resize-then-conv, and the rule of thumb with the numbers.
All numbers come from lab.checkerboard; pictures from lab.draw.checkerboard."""
import streamlit as st

from lab import checkerboard as C
from lab.draw.checkerboard import images_png, overlap_png
from lab.url_state import schema
from ui.binder import widget_values, write_link
from ui.page_header import page_header

PAGE = "cb"
KEYS = {key: f"{PAGE}_{key}" for key in schema(C.CheckerConfig)}
EXAMPLES = {"k3s2": ("Kernel 3, stride 2 (uneven)", 3, 2), "k4s2": ("Kernel 4, stride 2 (even)", 4, 2),
            "k5s3": ("Kernel 5, stride 3 (uneven)", 5, 3), "k2s3": ("Kernel 2, stride 3 (holes)", 2, 3)}

st.set_page_config(page_title="Checkerboard artifacts · convt", page_icon="🏁", layout="wide")


def _load(cfg: C.CheckerConfig):
    """The plain mapping, but the photo size's selectbox holds text."""
    widgets, notes = widget_values(PAGE, cfg)
    return {**widgets, KEYS["photo"]: str(cfg.photo)}, notes


def _example(k, s):
    st.session_state[KEYS["k"]] = k
    st.session_state[KEYS["s"]] = s


@st.cache_data(max_entries=64, show_spinner=False)
def _counts(i, k, s, pad):
    return C.overlap_counts(i, k, s, pad)


@st.cache_data(max_entries=64, show_spinner=False)
def _overlap_png(i, k, s, pad, large):
    counts = _counts(i, k, s, pad)
    n = counts.shape[0]
    return overlap_png(counts, f"{i} × {i} → {n} × {n}, k{k} s{s} {pad}", large)


@st.cache_data(max_entries=32, show_spinner="Upsampling the photograph…")
def _photo(size, k, s):
    return C.photo_demo(size, k, s)


@st.cache_data(max_entries=32, show_spinner=False)
def _photo_png(size, k, s, large):
    p = _photo(size, k, s)
    up = p.original.repeat(s, axis=0).repeat(s, axis=1)
    return images_png([up, p.transposed, p.resized],
                      [f"input {size} × {size} (pixels shown ×{s})",
                       f"transposed conv, kernel {k}, stride {s}",
                       f"resize ×{s}, then conv {k} × {k}"],
                      crop=min(32, size * s), large=large)


large = page_header(PAGE, C.CheckerConfig, "🏁 Checkerboard artifacts",
                    "A transposed conv stamps the kernel every *stride* cells and adds up the overlaps. When the "
                    "kernel size is not a multiple of the stride, some output cells get more stamps than others — "
                    "and every picture it makes carries that pattern (Odena, Dumoulin & Olah, Distill 2016).",
                    load=_load)

st.markdown("**Try**")
cols = st.columns(len(EXAMPLES))
for col, (name, (label, k, s)) in zip(cols, EXAMPLES.items()):
    col.button(label, key=f"cb_ex_{name}", on_click=_example, args=(k, s), width="stretch")

c1, c2, c3, c4 = st.columns(4)
c1.slider("Kernel size", 1, C.MAX_KERNEL, key=KEYS["k"], help=f"at most {C.MAX_KERNEL}")
c2.slider("Stride", 1, C.MAX_STRIDE, key=KEYS["s"], help=f"at most {C.MAX_STRIDE}")
c3.slider("Input cells (heat map)", 2, C.MAX_IN, key=KEYS["in"], help=f"at most {C.MAX_IN} per side")
c4.selectbox("Padding", ("SAME", "VALID"), key=KEYS["pad"],
             help="SAME: output = input × stride; VALID: the full (input − 1) × stride + kernel")

ss = st.session_state
cfg = C.CheckerConfig(ss[KEYS["in"]], ss[KEYS["k"]], ss[KEYS["s"]], ss[KEYS["pad"]], int(ss[KEYS["photo"]]))
write_link(PAGE, cfg)
i, k, s, pad = cfg.in_size, cfg.kernel, cfg.stride, cfg.padding
u = C.unevenness(k, s)

if u.even:
    st.success("**Rule of thumb:** " + C.rule_of_thumb(k, s))
else:
    st.error("**Rule of thumb:** " + C.rule_of_thumb(k, s))

st.header("How many stamps reach each output cell")
counts = _counts(i, k, s, pad)
left, right = st.columns([3, 2])
left.image(_overlap_png(i, k, s, pad, large), width="stretch")
with right:
    levels = ", ".join(str(v) for v in u.levels_2d)
    st.metric("interior counts (2-D)", levels)
    st.metric("interior counts along one axis", ", ".join(str(v) for v in u.levels_1d))
    ratio = "no stamp at all in some cells" if u.ratio is None else f"{u.ratio:g} : 1"
    st.metric("brightest : darkest interior cell", ratio)
    st.markdown(f"Output {counts.shape[0]} × {counts.shape[1]}; counts across the whole output (borders "
                f"included) range from {int(counts.min())} to {int(counts.max())}. Each input cell stamps a "
                f"{k} × {k} kernel every {s} cells; a cell's count is how many stamps cover it.")

st.header("On a real photograph")
p1, p2 = st.columns([1, 3])
p1.selectbox("Photo input size (pixels)", [str(v) for v in C.PHOTO_SIZES], key=KEYS["photo"],
             help="the photograph is shrunk to this size, then upsampled ×stride")
size = cfg.photo
demo = _photo(size, k, s)
st.image(_photo_png(size, k, s, large), width="stretch")
st.caption(C.PHOTO_CREDIT)
t_spread, r_spread = demo.spread(demo.transposed_phases), demo.spread(demo.resized_phases)
m1, m2 = st.columns(2)
m1.metric(f"transposed conv: brightest / darkest of the {s}×{s} pixel phases",
          "∞ (some pixels get nothing)" if t_spread == float("inf") else f"{t_spread:.2f}")
m2.metric("resize-then-conv: brightest / darkest phase", f"{r_spread:.2f}")
st.markdown(f"Both use a uniform {k} × {k} kernel whose weights average to a gain of 1 (transposed: "
            f"{s}²/{k}² each; resize-then-conv: 1/{k}² each). The transposed conv multiplies every pixel by "
            "its overlap count — the grid above, tiled over the picture. Resize-then-conv (nearest-neighbour "
            f"×{s}, then a stride-1 conv) touches every output pixel with the same {k} × {k} window, so a "
            "phase ratio near 1.00 means no checkerboard.")

with st.expander("Show me the code that computed this"):
    import inspect
    st.code(inspect.getsource(C.overlap_counts) + "\n\n" + inspect.getsource(C.transpose_upsample) + "\n\n"
            + inspect.getsource(C.resize_then_conv), language="python")
