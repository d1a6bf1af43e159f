"""Streamlit pieces shared by the two animation pages: geometry controls, the player, the exports.

Everything numeric comes from ``convt`` (traces, ``lab.animation``) and every picture from
``lab.draw``; this module only lays out widgets and caches results.
"""
from __future__ import annotations

import threading
from typing import Dict, List, Optional, Tuple

import streamlit as st

from lab import animation as anim
from lab import exports
from lab.draw import animator, export, gif, sequence
from lab.draw.channels import channel_diagram_png
from convt.trace import make_conv_trace, make_transpose_trace
from lab.animation import MAX_DILATION, MAX_INPUT, MAX_KERNEL, MAX_STRIDE
from ui import prefs
from ui.prefs import _

PAD_MODES = ("SAME", "VALID", "explicit")

LEGEND = ("**Colours** — blue: input data (dark blue: the cells used in this step) · grey: padding · "
          "yellow: zeros inserted between inputs · orange: kernel taps and the sliding window · "
          "green: output cells (dark green: the one being written) · dashed green frame: the output "
          "window kept from the full transposed output.")


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


def _captions(op: str, tr, view: str, by: str, n: int) -> List[str]:
    if op == "conv":
        return [tr.describe(t) for t in range(n)]
    describe = {"scatter": tr.describe_scatter, "direct": tr.describe_direct}.get(view)
    return [describe(t) if describe else tr.describe_matrix(t, by) for t in range(n)]


@st.cache_data(max_entries=32, show_spinner=False)
def agreement(op: str, cfg: anim.AnimConfig):
    """Replaying the steps against the kernel, once per configuration instead of on every rerun
    (tens of ms of Python for the big ones). ``(ok, reference output)``."""
    tr = _trace(op, cfg)
    return anim.conv_agrees(tr) if op == "conv" else anim.views_agree(tr)


@st.cache_resource(max_entries=16, show_spinner=False)
def _renderer(op: str, cfg: anim.AnimConfig, view: str, by: str):
    """One frame renderer per configuration, shared by every session: its layout and static layer
    cost about 0.1 s once, a frame then about 30 ms. It reuses its canvas, so frames are drawn
    one at a time under its own lock (held for one frame only)."""
    return animator(_trace(op, cfg), view, by), threading.Lock()


@st.cache_data(max_entries=256, show_spinner=False)
def frame_png(op: str, cfg: anim.AnimConfig, view: str, by: str, t: int) -> bytes:
    """One exact frame (server side), for stepping."""
    an, lock = _renderer(op, cfg, view, by)
    with lock:
        rgba = an.frame(t)
    return export.png_bytes(rgba)


@st.cache_data(max_entries=24, show_spinner="Rendering the frames…")
def all_frames(op: str, cfg: anim.AnimConfig, view: str, by: str):
    """Every frame as PNG, plus captions (rendered once, then played in the browser or made a GIF).
    A large set takes the server's one export slot (``lab.exports``; :class:`exports.Busy` if taken)."""
    tr = _trace(op, cfg)
    an = animator(tr, view, by)
    with exports.export_slot(exports.export_pixels(an.n_frames, an.cv.size)):
        pngs = [export.png_bytes(an.frame(t)) for t in range(an.n_frames)]
    return pngs, _captions(op, tr, view, by, an.n_frames)


@st.cache_resource(max_entries=8, show_spinner=False)
def player_page(op: str, cfg: anim.AnimConfig, view: str, by: str) -> str:
    """The player's HTML, one string per configuration shared by every session (no step, no speed
    in it: an unchanged element is not re-sent on a rerun)."""
    pngs, caps = all_frames(op, cfg, view, by)
    return export.player_html(pngs, caps, uid=op[0])


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


def frame_size(op: str, cfg: anim.AnimConfig, view: str, by: str) -> Tuple[int, int]:
    """Width and height of every frame of this animation (from the shared renderer's layout)."""
    return _renderer(op, cfg, view, by)[0].cv.size


def export_refusal(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int) -> Optional[str]:
    """Why this animation cannot go to the player or a GIF (frames or frame-pixels), or None."""
    if n > anim.MAX_PLAYER_FRAMES:
        return (f"{n} steps are too many for the browser player and the GIF (at most "
                f"{anim.MAX_PLAYER_FRAMES}); step through them with the slider, or make the sizes smaller.")
    return exports.too_big(n, frame_size(op, cfg, view, by))


@st.cache_data(max_entries=32, show_spinner=False)
def channel_png(in_ch: int, out_ch: int, k: int) -> bytes:
    return channel_diagram_png(in_ch, out_ch, k)


# ---- widgets --------------------------------------------------------------------------------

def geometry_controls(prefix: str):
    """Dimensions, input, kernel, stride, dilation and padding widgets (keys ``{prefix}_in`` …). Returns raw values."""
    nd = st.radio("Dimensions", anim.DIMS, format_func=anim.DIM_NAMES.get, key=f"{prefix}_nd", horizontal=True,
                  help="1-D: one row of cells, every overlap visible — the warm-up. 3-D: see the shape explorer.")
    c1, c2, c3, c4 = st.columns(4)
    n = c1.slider("Input size", 1, MAX_INPUT, key=f"{prefix}_in", help=f"height = width, at most {MAX_INPUT}")
    k = c2.slider("Kernel size", 1, MAX_KERNEL, key=f"{prefix}_k", help=f"at most {MAX_KERNEL}")
    s = c3.slider("Stride", 1, MAX_STRIDE, key=f"{prefix}_s", help=f"at most {MAX_STRIDE}")
    d = c4.slider("Dilation", 1, MAX_DILATION, key=f"{prefix}_d", help=f"at most {MAX_DILATION}")
    c5, c6, c7 = st.columns([2, 2, 3])
    mode = c5.selectbox("Padding", PAD_MODES, key=f"{prefix}_padmode",
                        help="SAME and VALID as in TensorFlow; explicit: the same number of cells on every side")
    pad = mode
    if mode == "explicit":
        top = (k - 1) * d
        key = f"{prefix}_p"
        if st.session_state.get(key, 0) > top:
            st.session_state[key] = top
        pad = c6.number_input("Explicit padding", min_value=0, max_value=max(top, 0), step=1, key=key,
                              help=f"0 … (k−1)·d = {top} for the animation")
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


def _step(key: str, delta: int, n: int):
    st.session_state[key] = min(max(st.session_state.get(key, 1) + delta, 1), n)


def step_controls(prefix: str, n: int) -> int:
    """Exact stepping on the server: a frame slider and back / forward buttons. Returns the step (0-based)."""
    key = f"{prefix}_t"
    cur = st.session_state.get(key, 1)
    if not isinstance(cur, int) or cur < 1 or cur > n:
        st.session_state[key] = min(max(int(cur) if isinstance(cur, int) else 1, 1), n)
        if isinstance(cur, int) and cur > n:
            st.caption(f"Step {cur} is past the last step of this configuration; showing step {n} of {n}.")
    b1, b2, b3 = st.columns([1, 1, 8])
    b1.button("◀ Back", key=f"{prefix}_back", on_click=_step, args=(key, -1, n), disabled=n <= 1,
              help="one step back")
    b2.button("Next ▶", key=f"{prefix}_next", on_click=_step, args=(key, 1, n), disabled=n <= 1,
              help="one step forward")
    if n > 1:
        b3.slider("Step", 1, n, key=key, help="an exact step (rendered on the server)")
    else:
        st.session_state[key] = 1
    return int(st.session_state[key]) - 1


def speed_control(prefix: str, where) -> float:
    key = f"{prefix}_fps"
    if st.session_state.get(key) not in anim.SPEEDS:
        st.session_state[key] = 2.0
    return where.select_slider("Speed (frames / s)", anim.SPEEDS, key=key,
                               help="for the browser player and the GIF")


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


def player(op: str, cfg: anim.AnimConfig, view: str, by: str, n: int):
    """Browser-side playback: every frame rendered once per configuration (cached), played by
    JavaScript; the step and speed stay in the browser."""
    why = export_refusal(op, cfg, view, by, n)
    if why:
        st.info(why)
        return False
    try:
        html = player_page(op, cfg, view, by)
    except exports.Busy as busy:
        st.warning(str(busy), icon="⏳")
        return False
    st.iframe(html, height="content")
    return True


def channels_section(prefix: str, cfg: anim.AnimConfig):
    with st.expander("Channels: how the filter [h, w, out_channels, in_channels] maps channels"):
        c1, c2 = st.columns(2)
        cin = c1.number_input("Input channels (of x)", 1, 4, key=f"{prefix}_cin")
        cout = c2.number_input("Output channels", 1, 4, key=f"{prefix}_cout")
        st.image(channel_png(int(cin), int(cout), cfg.kernel), width="content")
        lines, ok = anim.channel_demo(int(cin), int(cout), cfg)
        st.markdown("Each output channel is the **sum over input channels** of a one-channel transposed "
                    "conv with its own k×k filter slice. The filter is the forward conv's filter seen from "
                    "the other side: the forward conv maps out_channels → in_channels with it.")
        st.code("\n".join(lines), language=None)
        if ok:
            st.success(f"Checked on seeded numbers: summing the {int(cin)}×{int(cout)} one-channel transposes "
                       f"equals convt.kernels.conv2d_transpose with all channels at once.")
        else:  # pragma: no cover - would be a kernel bug
            st.error("The per-channel sums do not match the multi-channel kernel.")
