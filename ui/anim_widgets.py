"""Streamlit pieces shared by the two animation pages: geometry controls, the player, the exports.

Everything numeric comes from ``convt`` (traces, ``lab.animation``) and every picture from
``lab.draw``; this module only lays out widgets and caches results.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

import streamlit as st

from lab import animation as anim
from lab import exports
from lab.draw import animator, export, gif, grid, sequence
from lab.i18n import translate
from lab.draw.channels import channel_diagram_png
from convt.trace import make_conv_trace, make_transpose_trace
from lab.animation import MAX_DILATION, MAX_INPUT, MAX_KERNEL, MAX_STRIDE
from ui import prefs
from ui.prefs import _
from ui.style import md

PAD_MODES = ("SAME", "VALID", "explicit")

LEGEND_PARTS = {
    "data": "blue: input data (dark blue: the cells used in this step)",
    "padding": "grey: padding",
    "zeros": "yellow: zeros inserted between inputs",
    "kernel": "orange: kernel taps and the sliding window",
    "output": "green: output cells (dark green: the one being written)",
    "crop": "dashed green frame: the output window kept from the full transposed output",
    "real": "dashed dark frame: the real input inside the padding",
}
FORWARD_LEGEND = ("data", "padding", "kernel", "output", "real")
TRANSPOSE_LEGEND = ("data", "padding", "zeros", "kernel", "output", "crop")


def legend(parts) -> str:
    """The colour legend (Markdown) for the figure's ``parts`` (keys of ``LEGEND_PARTS``)."""
    return f"**{_('Colours')}** — " + " · ".join(_(LEGEND_PARTS[p]) for p in parts)


# ---- cached computations (keyed by small hashable configs) ----------------------------------

@st.cache_resource(max_entries=16, show_spinner=False)
def conv_trace_for(cfg: anim.AnimConfig):
    """Traces are read-only once built, so one copy serves every session."""
    return make_conv_trace(cfg.in_size, cfg.kernel, cfg.stride, cfg.pad, cfg.dilation, cfg.seed, cfg.nd)


@st.cache_resource(max_entries=16, show_spinner=False)
def transpose_trace_for(cfg: anim.AnimConfig):
    return make_transpose_trace(cfg.in_size, cfg.kernel, cfg.stride, cfg.pad, cfg.dilation, cfg.out, cfg.seed,
                                cfg.nd)


def _trace(op: str, cfg: anim.AnimConfig):
    return conv_trace_for(cfg) if op == "conv" else transpose_trace_for(cfg)


def _captions(op: str, tr, view: str, by: str, n: int, lang: str = "en") -> List[str]:
    if op == "conv":
        return [translate(tr.describe(t), lang) for t in range(n)]
    describe = {"scatter": tr.describe_scatter, "direct": tr.describe_direct}.get(view)
    return [translate(describe(t) if describe else tr.describe_matrix(t, by), lang) for t in range(n)]


@st.cache_data(max_entries=32, show_spinner=False)
def agreement(op: str, cfg: anim.AnimConfig):
    """Replaying the steps against the kernel, once per configuration instead of on every rerun
    (tens of ms of Python for the big ones). ``(ok, reference output)``."""
    tr = _trace(op, cfg)
    return anim.conv_agrees(tr) if op == "conv" else anim.views_agree(tr)


@st.cache_resource(max_entries=16, show_spinner=False)
def _renderer(op: str, cfg: anim.AnimConfig, view: str, by: str, scale: float = 1.0, lang: str = "en"):
    """One frame renderer per configuration, shared by every session: its layout and static layer
    cost about 0.1 s once, a frame then about 30 ms. It reuses its canvas, so frames are drawn
    one at a time under its own lock (held for one frame only). ``scale``: presentation mode draws
    the frames for the width they are shown at, instead of the browser enlarging a small picture.
    The page's frames carry no caption: the player and the step panel write each step's
    description in full under them (a GIF's frames keep theirs)."""
    return animator(_trace(op, cfg), view, by, scale=scale, lang=lang, captions=False), threading.Lock()


@st.cache_data(max_entries=256, show_spinner=False)
def frame_png(op: str, cfg: anim.AnimConfig, view: str, by: str, t: int, scale: float = 1.0,
              lang: str = "en") -> bytes:
    """One exact frame (server side), for stepping."""
    an, lock = _renderer(op, cfg, view, by, scale, lang)
    with lock:
        rgba = an.frame(t)
    return export.png_bytes(rgba)


@st.cache_data(max_entries=24, show_spinner="Rendering the frames…")
def all_frames(op: str, cfg: anim.AnimConfig, view: str, by: str, scale: float = 1.0, lang: str = "en"):
    """Every frame as PNG, plus captions (rendered once, then played in the browser or made a GIF).
    A large set takes the server's one export slot (``lab.exports``; :class:`exports.Busy` if taken)."""
    tr = _trace(op, cfg)
    an = animator(tr, view, by, scale=scale, lang=lang, captions=False)
    with exports.export_slot(exports.export_pixels(an.n_frames, an.cv.size)):
        pngs = [export.png_bytes(an.frame(t)) for t in range(an.n_frames)]
    return pngs, _captions(op, tr, view, by, an.n_frames, lang)


@st.cache_resource(max_entries=8, show_spinner=False)
def player_page(op: str, cfg: anim.AnimConfig, view: str, by: str, scale: float = 1.0, lang: str = "en",
                large: bool = False) -> str:
    """The player's HTML, one string per configuration shared by every session (no step, no speed
    in it: an unchanged element is not re-sent on a rerun)."""
    pngs, caps = all_frames(op, cfg, view, by, scale, lang)
    words = {key: translate(text, lang) for key, text in export.PLAYER_WORDS.items()}
    return export.player_html(pngs, caps, uid=op[0], words=words, large=large)


@st.cache_data(max_entries=8, show_spinner=False)
def slides_export(op: str, cfg: anim.AnimConfig, view: str, by: str, kind: str, fps: float, scale: float,
                  numbers: bool, lang: str) -> bytes:
    """The GIF (``kind="gif"``) or the ZIP of PNG frames (``"png"``) at ``scale``, drawn by a renderer of
    its own straight into the file one frame at a time, under the server's export slot."""
    an = animator(_trace(op, cfg), view, by, scale=scale, numbers=numbers, lang=lang)
    with exports.export_slot(exports.export_pixels(an.n_frames, an.cv.size)):
        if kind == "gif":
            return gif.gif_bytes(an.frame, an.n_frames, fps=fps)
        return sequence.png_zip_bytes(an.frame, an.n_frames)


@st.cache_data(max_entries=64, show_spinner=False)
def export_frame_size(op: str, cfg: anim.AnimConfig, view: str, by: str, lang: str) -> Tuple[int, int]:
    """Width and height of a 1× frame with its words in ``lang`` (titles set the width): layout only."""
    return animator(_trace(op, cfg), view, by, lang=lang).cv.size


def frame_size(op: str, cfg: anim.AnimConfig, view: str, by: str, scale: float = 1.0) -> Tuple[int, int]:
    """Width and height of every frame of this animation (from the shared renderer's layout)."""
    return _renderer(op, cfg, view, by, scale)[0].cv.size


def frame_scale(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int, present: bool) -> float:
    """How much larger than normal to draw the ``n`` frames: 1, or in presentation mode what fills
    the width they are shown at (``anim.PRESENT_WIDTH_PX``) — unless only the usual size can go to
    the browser player (``export_refusal``): a player beats a bigger still frame."""
    scale = anim.present_scale(frame_size(op, cfg, view, by)[0]) if present else 1.0
    if scale != 1 and export_refusal(op, cfg, view, by, n, scale) and not export_refusal(op, cfg, view, by, n):
        return 1.0
    return scale


def export_refusal(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int, scale: float = 1.0) -> Optional[str]:
    """Why this animation cannot go to the player or a GIF (frames or frame-pixels), or None."""
    if n > anim.MAX_PLAYER_FRAMES:
        return _("{n} steps are too many for the browser player and the GIF (at most {most}); step through "
                 "them with the slider, or make the sizes smaller.", n=n, most=anim.MAX_PLAYER_FRAMES)
    return exports.too_big(n, frame_size(op, cfg, view, by, scale))


@st.cache_data(max_entries=32, show_spinner=False)
def channel_png(in_ch: int, out_ch: int, k: int) -> bytes:
    return channel_diagram_png(in_ch, out_ch, k)


# ---- widgets --------------------------------------------------------------------------------

def translated(labels: Dict) -> Dict:
    """Option labels in the page's language, fixed when the widget is drawn (a ``format_func`` that
    looked the language up later would name the options in another run's language)."""
    return {value: _(label) for value, label in labels.items()}


def geometry_controls(prefix: str, where=None, narrow: bool = False):
    """Dimensions, input, kernel, stride, dilation and padding widgets (keys ``{prefix}_in`` …) in
    ``where`` (the page, or the sidebar in presentation mode: ``narrow``, two sliders a row).
    Returns the raw values and a free column for one more control."""
    where = where or st.container()
    nd = where.radio(_("Dimensions"), anim.DIMS, format_func=translated(anim.DIM_NAMES).get, key=f"{prefix}_nd",
                     horizontal=True, help=_("1-D: one row of cells, every overlap visible — the warm-up. 3-D: see "
                                             "the shape explorer."))
    c1, c2, c3, c4 = [*where.columns(2), *where.columns(2)] if narrow else where.columns(4)
    n = c1.slider(_("Input size"), 1, MAX_INPUT, key=f"{prefix}_in", help=_("height = width, at most {n}", n=MAX_INPUT))
    k = c2.slider(_("Kernel size"), 1, MAX_KERNEL, key=f"{prefix}_k", help=_("at most {n}", n=MAX_KERNEL))
    s = c3.slider(_("Stride"), 1, MAX_STRIDE, key=f"{prefix}_s", help=_("at most {n}", n=MAX_STRIDE))
    d = c4.slider(_("Dilation"), 1, MAX_DILATION, key=f"{prefix}_d", help=_("at most {n}", n=MAX_DILATION))
    c5, c6, c7 = where.columns(2) + [where] if narrow else where.columns([2, 2, 3])
    mode = c5.selectbox(_("Padding"), PAD_MODES, key=f"{prefix}_padmode",
                        format_func=translated({m: m for m in PAD_MODES}).get,
                        help=_("SAME and VALID as in TensorFlow; explicit: the same number of cells on every side"))
    pad = mode
    if mode == "explicit":
        top = (k - 1) * d
        key = f"{prefix}_p"
        if st.session_state.get(key, 0) > top:
            st.session_state[key] = top
        pad = c6.number_input(_("Explicit padding"), min_value=0, max_value=max(top, 0), step=1, key=key,
                              help=_("0 … (k−1)·d = {top} for the animation", top=top))
    return {"in": n, "k": k, "s": s, "d": d, "pad": anim.pad_to_text(pad), "nd": nd}, c7


def geometry_widgets(prefix: str, values) -> Dict[str, object]:
    """The geometry widgets' keys for URL-keyed values (``pad`` → mode and cells, ``t`` → a 1-based step)."""
    pad = anim.parse_pad(values.get("pad", "SAME"))
    pad = "SAME" if pad is None else pad
    return {f"{prefix}_in": values["in"], f"{prefix}_k": values["k"], f"{prefix}_s": values["s"],
            f"{prefix}_d": values["d"], f"{prefix}_padmode": pad if isinstance(pad, str) else "explicit",
            f"{prefix}_p": 0 if isinstance(pad, str) else min(int(pad), (values["k"] - 1) * values["d"]),
            f"{prefix}_seed": values.get("seed", 0), f"{prefix}_fps": values.get("fps", 2.0),
            f"{prefix}_t": values.get("t", 0) + 1, f"{prefix}_nd": values.get("nd", 2)}


def _step(prefix: str, delta: int, n: int):
    adopt_player_step(prefix)  # one step on from where the browser player is, not from the last run
    key = f"{prefix}_t"
    st.session_state[key] = min(max(st.session_state.get(key, 1) + delta, 1), n)


def clamp_step(prefix: str, n: int) -> int:
    """The page's step (0-based) within this configuration's ``n`` steps; says so when a link or
    an earlier configuration asked for a step past the end."""
    key = f"{prefix}_t"
    cur = st.session_state.get(key, 1)
    if not isinstance(cur, int) or cur < 1 or cur > n:
        st.session_state[key] = min(max(int(cur) if isinstance(cur, int) else 1, 1), n)
        if isinstance(cur, int) and cur > n:
            st.caption(_("Step {cur} is past the last step of this configuration; showing step {n} of {n}.",
                         cur=cur, n=n))
    return int(st.session_state[key]) - 1


def step_controls(prefix: str, n: int) -> int:
    """Exact stepping on the server: a frame slider and back / forward buttons. Returns the step (0-based)."""
    key = f"{prefix}_t"
    clamp_step(prefix, n)
    b1, b2, b3 = st.columns([1, 1, 6])
    b1.button(_("◀ Back"), key=f"{prefix}_back", on_click=_step, args=(prefix, -1, n), disabled=n <= 1,
              help=_("one step back"))
    b2.button(_("Next ▶"), key=f"{prefix}_next", on_click=_step, args=(prefix, 1, n), disabled=n <= 1,
              help=_("one step forward"))
    if n > 1:
        b3.slider(_("Step"), 1, n, key=key, help=_("an exact step (rendered on the server)"))
    else:
        st.session_state[key] = 1
    return int(st.session_state[key]) - 1


def adopt_player_step(prefix: str) -> None:
    """Take the step the browser player wrote into the address bar (``t``) as the page's step.

    Call before ``page_header``. The player changes only ``t`` (``history.replaceState``). Streamlit
    sends the address bar's query with a rerun only while the page has written none of its own
    (its default view), else the query it last wrote; when it does, a link that differs from the
    page's last one in ``t`` alone moves the step slider and counts as written (``ui.binder``'s and
    ``ui.prefs``' record), instead of being read afresh, which would undo the widget just changed.
    Otherwise the player keeps its own step (``lab.draw.export.player_html``)."""
    ss = st.session_state
    last, now = ss.get(f"_{prefix}_last_qp"), st.query_params.to_dict()
    if last is None or now == last:
        return
    if {k: v for k, v in now.items() if k != "t"} != {k: v for k, v in last.items() if k != "t"}:
        return
    t = str(now.get("t", "0"))
    if t.isdigit() and int(t) <= 100_000:
        ss[f"{prefix}_t"] = int(t) + 1
    ss[f"_{prefix}_last_qp"] = now
    if ss.get("_pref_written") == last:
        prefs.written(now)


def speed_control(prefix: str, where) -> float:
    key = f"{prefix}_fps"
    if st.session_state.get(key) not in anim.SPEEDS:
        st.session_state[key] = 2.0
    return where.select_slider(_("Speed (frames / s)"), anim.SPEEDS, key=key,
                               help=_("for the browser player and the GIF"))


SCALES = (1.0, 2.0, 3.0)
EXPORT_KINDS = ("gif", "png")


def gif_button(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int, fps: float, name: str):
    """Exports for slides: a GIF or a ZIP of PNG frames, at 1× / 2× / 3× (the frame size shown), with
    or without the numbers, in the page's language. An export over the budget is refused before
    anything is drawn; "Make …" builds it in a run of its own (under the export slot, with a
    spinner), so a busy server can say so instead of failing the download."""
    if export_refusal(op, cfg, view, by, n):
        return
    lang = prefs.current().lang
    size = export_frame_size(op, cfg, view, by, lang)
    sizes = {k: _("{k}× ({w}×{h} px)", k=f"{k:g}", w=exports.scaled_size(size, k)[0],
                  h=exports.scaled_size(size, k)[1]) for k in SCALES}
    with st.expander(_("⬇ Export for slides: GIF or PNG frames")):
        scale = st.radio(_("Size"), SCALES, key=f"{op}_gif_scale", horizontal=True, format_func=sizes.get)
        c2, c3 = st.columns(2)
        numbers = c2.toggle(_("Numbers in the cells"), value=True, key=f"{op}_gif_numbers",
                            help=_("off: colours only, for a slide you talk over"))
        kind = c3.radio(_("Format"), EXPORT_KINDS, key=f"{op}_gif_kind", horizontal=True,
                        format_func={"gif": _("GIF"), "png": _("PNG frames (ZIP)")}.get,
                        help=_("PNG frames keep every pixel exact; an MP4 needs ffmpeg, which this app does not "
                               "include: make one from the PNG frames on your own machine"))
        why = exports.too_big(n, size, scale)
        if why:
            st.info(_(why))
            return
        fps = fps if kind == "gif" else 0.0   # PNG frames have no speed: changing it keeps them
        asked, want = f"{op}_gif_for", (cfg, view, by, kind, fps, scale, numbers, lang)
        make = (_("Make a GIF ({n} frames, {fps} frames/s)", n=n, fps=f"{fps:g}") if kind == "gif" else
                _("Make the PNG frames ({n} frames)", n=n))
        if st.button(make, key=f"{op}_gif_make", help=_("drawn at the size chosen: crisp on a projector")):
            st.session_state[asked] = want
        if st.session_state.get(asked) != want:
            return
        try:
            with st.spinner(_("Drawing {n} frames at {k}×…", n=n, k=f"{scale:g}")):
                data = slides_export(op, cfg, view, by, kind, fps, scale, numbers, lang)
        except exports.Busy:
            st.session_state.pop(asked)
            st.warning(_(exports.BUSY_TEXT), icon="⏳")
            return
        stem = f"{name}_{scale:g}x{'' if numbers else '_colours'}{'' if lang == 'en' else '_' + lang}"
        if kind == "gif":
            st.download_button(_("⬇ Download GIF ({kb} KB)", kb=len(data) // 1024), data, file_name=f"{stem}.gif",
                               mime="image/gif", key=f"{op}_gif", on_click="ignore")
        else:
            st.download_button(_("⬇ Download PNG frames ({kb} KB, ZIP)", kb=len(data) // 1024), data,
                               file_name=f"{stem}_frames.zip", mime="application/zip", key=f"{op}_zip",
                               on_click="ignore")


PLAYER_HELP = ("▶ Play in the browser — space plays / pauses, ← / → step (PageUp / PageDown from a "
               "presentation clicker), F full screen. The step goes into the address bar, so a copied link "
               "opens on it.")


def player(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int, scale: float, present: bool) -> bool:
    """Browser-side playback: every frame rendered once per configuration (cached) and played by
    JavaScript, so stepping needs no server round trip and no key press is lost. False (with the
    reason on the page) when the animation is too big to send."""
    why = export_refusal(op, cfg, view, by, n, scale)
    if why:
        st.info(why)
        return False
    try:
        html = player_page(op, cfg, view, by, scale, prefs.current().lang, present)
    except exports.Busy as busy:
        st.warning(str(busy), icon="⏳")
        return False
    st.iframe(html, height="content")
    st.caption(_(PLAYER_HELP))
    return True


# Frame-pixels drawn for the player without asking: about 0.4 s of drawing and encoding (the default
# views' 9 frames are 2.5 M); four times that in presentation mode, where frames are drawn larger
# and one teacher drives the page.
AUTO_PLAYER_PIXELS = 10_000_000
PRESENT_AUTO_FACTOR = 4


@dataclass
class Animation:
    """An animation page's figure: the exact server-side frame at once, the browser player put in
    its place by :meth:`finish` at the end of the run, so the rest of the page never waits for the
    player's frames. ``played``: the player will be there."""
    played: bool
    finish: Callable[[], None]


def _ask_for_player(key: Tuple) -> None:
    st.session_state["_player_asked"] = key


def figure(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int, t: int, present: bool) -> Animation:
    """The animation slot. A player of up to :data:`AUTO_PLAYER_PIXELS` frame-pixels is drawn by
    itself; a bigger one (seconds of drawing, on a server other people share) waits for one click.
    Says so when the cells are too small for their numbers."""
    scale, lang = frame_scale(op, cfg, view, by, n, present), prefs.current().lang
    why = export_refusal(op, cfg, view, by, n, scale)
    w, h = frame_size(op, cfg, view, by, scale)
    key = (op, cfg, view, by, scale, lang)
    budget = AUTO_PLAYER_PIXELS * (PRESENT_AUTO_FACTOR if present else 1)
    auto = why is None and (n * w * h <= budget or st.session_state.get("_player_asked") == key)
    slot = st.empty()

    def still():
        st.image(frame_png(op, cfg, view, by, t, scale, lang), width="stretch" if present else "content")

    def show_player():
        with slot.container():
            if player(op, cfg, view, by, n, scale, present):
                st.session_state["_player_shown"] = key
            else:
                still()

    if auto and st.session_state.get("_player_shown") == key:
        show_player()   # already drawn: in place at once, so a rerun leaves the browser's player as it is
        finish = _nothing
    else:
        with slot.container():
            if why:
                st.info(why)
            elif not auto:
                st.button(_("▶ Play in the browser ({n} frames: drawn once, then every step is instant)", n=n),
                          key=f"{op}_load_player", type="primary", on_click=_ask_for_player, args=(key,))
            still()
        finish = show_player if auto else _nothing
    canvas = _renderer(op, cfg, view, by, scale, lang)[0].cv
    note = anim.numbers_note(canvas.numbers, canvas.panels[0].font_pt * grid.DPI / 72)  # points → px
    if note:
        st.info(_(note), icon="🔢")
    return Animation(auto, finish)


def _nothing() -> None:
    pass


def step_panel(prefix: str, n: int, played: bool, describe) -> int:
    """The exact server-side step (Back / Next / slider) with its description and the output so
    far as text; folded under the player, open where the player could not be sent. ``describe(t)``
    gives (description, output-so-far text). Returns the step (0-based)."""
    with st.expander(_("Step on the server: each step's numbers as text"), expanded=not played):
        t = step_controls(prefix, n)
        desc, so_far = describe(t)
        st.markdown(f"**{md(_(desc))}**")
        rows = so_far.count("\n") + 1
        with st.expander(_("Output so far (· = not computed yet)"), expanded=rows <= anim.MAX_OPEN_ROWS):
            st.code(so_far, language=None)
    return t


def result_block(text: str) -> None:
    """A result matrix as text, folded when it is long."""
    rows = text.count("\n") + 1
    if rows <= anim.MAX_OPEN_ROWS:
        st.code(text, language=None)
        return
    with st.expander(_("The output as numbers ({rows} rows)", rows=rows)):
        st.code(text, language=None)


def channels_section(prefix: str, cfg: anim.AnimConfig):
    with st.expander(_("Channels: how the filter [h, w, out_channels, in_channels] maps channels")):
        c1, c2 = st.columns(2)
        cin = c1.number_input(_("Input channels (of x)"), 1, 4, key=f"{prefix}_cin")
        cout = c2.number_input(_("Output channels"), 1, 4, key=f"{prefix}_cout")
        st.image(channel_png(int(cin), int(cout), cfg.kernel), width="content")
        lines, ok = anim.channel_demo(int(cin), int(cout), cfg)
        st.markdown(_("Each output channel is the **sum over input channels** of a one-channel transposed "
                      "conv with its own k×k filter slice. The filter is the forward conv's filter seen from "
                      "the other side: the forward conv maps out_channels → in_channels with it."))
        st.code("\n".join(lines), language=None)
        if ok:
            st.success(_("Checked on seeded numbers: summing the {cin}×{cout} one-channel transposes equals "
                         "convt.kernels.conv2d_transpose with all channels at once.", cin=int(cin), cout=int(cout)))
        else:  # pragma: no cover - would be a kernel bug
            st.error(_("The per-channel sums do not match the multi-channel kernel."))
