"""Checkerboard artifacts: the overlap count of every output cell of a transposed conv, a real photograph
upsampled by a transposed conv vs resize-then-conv, the rule of thumb with the numbers, and ICNR
initialisation, which evens the phases out. All numbers come from lab.checkerboard; pictures from
lab.draw.checkerboard."""
import inspect

import streamlit as st

from lab import animation as anim
from lab import checkerboard as C
from lab.draw.checkerboard import images_png, overlap_png
from lab.subpixel import icnr_kernel
from lab.url_state import schema
from ui import prefs
from ui.binder import widget_values, write_link
from ui.links import page_link
from ui.page_header import page_header
from ui.predict import ask
from ui.prefs import _

PAGE = "cb"
KEYS = {key: f"{PAGE}_{key}" for key in schema(C.CheckerConfig)}
EXAMPLES = {"k3s2": ("Kernel 3, stride 2 (uneven)", 3, 2), "k4s2": ("Kernel 4, stride 2 (even)", 4, 2),
            "k5s3": ("Kernel 5, stride 3 (uneven)", 5, 3), "k2s3": ("Kernel 2, stride 3 (holes)", 2, 3)}


def _load(cfg: C.CheckerConfig):
    """The plain mapping, but the photo size's selectbox holds text."""
    widgets, notes = widget_values(PAGE, cfg)
    return {**widgets, KEYS["photo"]: str(cfg.photo)}, notes


def _example(k, s):
    st.session_state[KEYS["k"]] = k
    st.session_state[KEYS["s"]] = s


@st.cache_data(max_entries=64, show_spinner=False)
def _counts(i, k, s, pad, icnr):
    return C.overlap_counts(i, k, s, pad, icnr=icnr)


@st.cache_data(max_entries=64, show_spinner=False)
def _overlap_png(i, k, s, pad, icnr, large, lang):
    counts = _counts(i, k, s, pad, icnr)
    n = counts.shape[0]
    return overlap_png(counts, f"{i} × {i} → {n} × {n}, k{k} s{s} {pad}" + (" · ICNR" if icnr else ""), large, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def _photo(size, k, s, icnr):
    return C.photo_demo(size, k, s, icnr)


@st.cache_data(max_entries=32, show_spinner=False)
def _photo_png(size, k, s, icnr, titles, large, lang):
    p = _photo(size, k, s, icnr)
    up = p.original.repeat(s, axis=0).repeat(s, axis=1)
    return images_png([up, p.transposed, p.resized], titles, crop=min(32, size * s), large=large, lang=lang)


large = page_header(PAGE, C.CheckerConfig, "🏁 Checkerboard artifacts",
                    "A transposed conv stamps the kernel every *stride* cells and adds up the overlaps. When the "
                    "kernel size is not a multiple of the stride, some output cells get more stamps than others — "
                    "and every picture it makes carries that pattern (Odena, Dumoulin & Olah, Distill 2016).",
                    load=_load, tab="Checkerboard artifacts")
lang = prefs.current().lang

st.markdown(f"**{_('Try')}**")
cols = st.columns(len(EXAMPLES))
for col, (name, (label, k, s)) in zip(cols, EXAMPLES.items()):
    col.button(_(label), key=f"cb_ex_{name}", on_click=_example, args=(k, s), width="stretch")

c1, c2, c3, c4 = st.columns(4)
c1.slider(_("Kernel size"), 1, C.MAX_KERNEL, key=KEYS["k"], help=_("at most {n}", n=C.MAX_KERNEL))
c2.slider(_("Stride"), 1, C.MAX_STRIDE, key=KEYS["s"], help=_("at most {n}", n=C.MAX_STRIDE))
c3.slider(_("Input cells (heat map)"), 2, C.MAX_IN, key=KEYS["in"], help=_("at most {n} per side", n=C.MAX_IN))
c4.selectbox(_("Padding"), ("SAME", "VALID"), key=KEYS["pad"],
             help=_("SAME: output = input × stride; VALID: the full (input − 1) × stride + kernel"))
t1, t2 = st.columns([2, 3])
t1.toggle(_("ICNR initialisation"), key=KEYS["icnr"],
          help=_("Aitken et al. 2017: start every phase of the kernel with the same small kernel, so that every "
                 "output cell receives the same total weight at initialisation."))

ss = st.session_state
cfg = C.CheckerConfig(ss[KEYS["in"]], ss[KEYS["k"]], ss[KEYS["s"]], ss[KEYS["pad"]], int(ss[KEYS["photo"]]),
                      ss[KEYS["icnr"]])
write_link(PAGE, cfg)
i, k, s, pad = cfg.in_size, cfg.kernel, cfg.stride, cfg.padding
icnr = cfg.icnr and C.icnr_possible(k, s)
u = C.unevenness(k, s, icnr)

with t2:
    tk, ts = min(k, anim.MAX_KERNEL), min(s, anim.MAX_STRIDE)
    page_link("Transposed", _("Sub-pixel view: kernel {k}, stride {s}", k=tk, s=ts), "🧩", {"k": tk, "s": ts})
    st.caption(_("Its {n} phases and their taps, on the Transposed convolution page (the section “Sub-pixel "
                 "view”, near the end).", n=ts * ts) if (tk, ts) == (k, s) else
               _("Its {n} phases and their taps, on the Transposed convolution page (the section “Sub-pixel "
                 "view”, near the end; it draws kernels up to {mk} and strides up to {ms}).", n=ts * ts,
                 mk=anim.MAX_KERNEL, ms=anim.MAX_STRIDE))

ask(C.stamps_question(k, s, icnr))

rule = f"**{_('Rule of thumb:')}** " + C.rule_of_thumb(k, s, lang)
if C.unevenness(k, s).even:
    st.success(rule)
else:
    st.error(rule)
if cfg.icnr:
    (st.success if icnr else st.warning)(C.icnr_text(k, s, lang))

st.header(_("How many stamps reach each output cell"))
if icnr:
    st.caption(_("With ICNR the kernel's zero taps stamp nothing: the counts are of its nonzero taps."))
counts = _counts(i, k, s, pad, icnr)
left, right = st.columns([3, 2])
left.image(_overlap_png(i, k, s, pad, icnr, large, lang), width="stretch")
with right:
    st.metric(_("interior counts (2-D)"), ", ".join(str(v) for v in u.levels_2d))
    st.metric(_("interior counts along one axis"), ", ".join(str(v) for v in u.levels_1d))
    ratio = _("no stamp at all in some cells") if u.ratio is None else f"{u.ratio:g} : 1"
    st.metric(_("brightest : darkest interior cell"), ratio)
    st.markdown(_("Output {rows} × {cols}; counts across the whole output (borders included) range from {lo} to "
                  "{hi}. Each input cell stamps a {k} × {k} kernel every {s} cells; a cell's count is how many "
                  "stamps cover it.", rows=counts.shape[0], cols=counts.shape[1], lo=int(counts.min()),
                  hi=int(counts.max()), k=k, s=s))

st.header(_("On a real photograph"))
p1, p2 = st.columns([1, 3])
p1.selectbox(_("Photo input size (pixels)"), [str(v) for v in C.PHOTO_SIZES], key=KEYS["photo"],
             help=_("the photograph is shrunk to this size, then upsampled ×stride"))
size = cfg.photo
with st.spinner(_("Upsampling the photograph…")):
    demo = _photo(size, k, s, icnr)
    titles = (_("input {n} × {n} (pixels shown ×{s})", n=size, s=s),
              _("transposed conv, kernel {k}, stride {s}, ICNR", k=k, s=s) if icnr else
              _("transposed conv, kernel {k}, stride {s}", k=k, s=s),
              _("resize ×{s}, then conv {k} × {k}", s=s, k=k))
    st.image(_photo_png(size, k, s, icnr, titles, large, lang), width="stretch")
st.caption(_(C.PHOTO_CREDIT))
t_spread, r_spread = demo.spread(demo.transposed_phases), demo.spread(demo.resized_phases)
m1, m2 = st.columns(2)
m1.metric(_("transposed conv: brightest / darkest of the {s}×{s} pixel phases", s=s),
          _("∞ (some pixels get nothing)") if t_spread == float("inf") else f"{t_spread:.2f}")
m2.metric(_("resize-then-conv: brightest / darkest phase"), f"{r_spread:.2f}")
if icnr:
    st.markdown(_("With ICNR the transposed conv's kernel is one uniform {m} × {m} kernel copied into all {n} "
                  "phases ({used} × {used} of the {k} × {k} taps, weight 1/{m}² each; the rest zero): every output "
                  "pixel gets the same total weight, so its phase ratio is near 1.00 too, like resize-then-conv. "
                  "What it makes at initialisation is a nearest-neighbour ×{s} upsampling of a stride-1 conv: "
                  "blocks of {s} × {s} equal pixels in the zoom, which training then refines.",
                  m=k // s, n=s * s, used=(k // s) * s, k=k, s=s))
else:
    st.markdown(_("Both use a uniform {k} × {k} kernel whose weights average to a gain of 1 (transposed: {s}²/{k}² "
                  "each; resize-then-conv: 1/{k}² each). The transposed conv multiplies every pixel by its overlap "
                  "count — the grid above, tiled over the picture. Resize-then-conv (nearest-neighbour ×{s}, then a "
                  "stride-1 conv) touches every output pixel with the same {k} × {k} window, so a phase ratio near "
                  "1.00 means no checkerboard.", k=k, s=s))

with st.expander(_("Show me the code that computed this")):
    st.code("\n\n".join(inspect.getsource(f) for f in (C.overlap_counts, C.kernel_weights, icnr_kernel,
                                                        C.transpose_upsample, C.resize_then_conv)),
            language="python")
