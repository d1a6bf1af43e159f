"""Animated GIFs written one frame at a time, so memory stays at about two frames however long.

Pillow's ``save_all`` holds every frame (and converted copies) until the end: 2.9 GB for the
largest animation. Here one 64-colour palette is taken from a few sample frames, then each frame is
mapped onto it, cropped to the rectangle that changed since the previous one, and written out.
"""
from __future__ import annotations

import io
import math
from typing import BinaryIO, Callable, Union

import numpy as np
from PIL import GifImagePlugin, Image

Frame = Union[np.ndarray, Image.Image]   # RGB(A) array or any Pillow image
PALETTE_SAMPLES = 4
PALETTE_SAMPLE_PIXELS = 1_200_000   # per sample frame: about a full-size 1× frame


def _rgb(frame: Frame, step: int = 1) -> Image.Image:
    """RGB image of a frame; ``step`` > 1 keeps every ``step``-th pixel each way (exact colours, no blending)."""
    if isinstance(frame, Image.Image):
        frame = np.asarray(frame.convert("RGB"))
    return Image.fromarray(np.ascontiguousarray(frame[::step, ::step, :3]))


def shared_palette(frame: Callable[[int], Frame], n: int) -> Image.Image:
    """A 64-colour palette from evenly spaced frames (first and last included), stacked in a strip.
    Frames larger than :data:`PALETTE_SAMPLE_PIXELS` are sampled on a pixel grid (the frames are flat
    colours and text, so the colours survive), so a 3× export's palette costs what a 1× one does."""
    picks = sorted({round(j * (n - 1) / max(PALETTE_SAMPLES - 1, 1)) for j in range(min(n, PALETTE_SAMPLES))})
    strip = None
    for j, t in enumerate(picks):
        f = frame(t)
        w, h = f.size if isinstance(f, Image.Image) else (f.shape[1], f.shape[0])
        im = _rgb(f, max(1, math.ceil(math.sqrt(w * h / PALETTE_SAMPLE_PIXELS))))
        if strip is None:
            strip = Image.new("RGB", (im.width, im.height * len(picks)))
        strip.paste(im, (0, j * im.height))
    return strip.quantize(colors=64, method=Image.Quantize.FASTOCTREE)


def _changed(prev: np.ndarray, cur: np.ndarray):
    """(left, top, right, bottom) of the pixels that differ; a 1×1 box when none do."""
    diff = prev != cur
    rows, cols = np.flatnonzero(diff.any(axis=1)), np.flatnonzero(diff.any(axis=0))
    if not len(rows):
        return 0, 0, 1, 1
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def write_gif(fp: BinaryIO, frame: Callable[[int], Frame], n: int, fps: float = 2.0,
              last_hold: float = 1.5) -> None:
    """Write frames ``frame(0) … frame(n-1)`` as a looping GIF; the last frame shows ``last_hold`` s.

    ``frame`` is called once per step (plus a few times for the palette), and only the previous
    frame's indices are kept.
    """
    if n < 1:
        raise ValueError("no frames")
    pal = shared_palette(frame, n)
    ms = int(round(1000 / max(fps, 0.1)))
    prev = pending = None
    for t in range(n):
        im = _rgb(frame(t)).quantize(palette=pal, dither=Image.Dither.NONE)
        cur = np.asarray(im)
        if prev is None:
            header, _ = GifImagePlugin.getheader(im, info={"loop": 0, "duration": ms})
            fp.write(b"".join(header))
            box = (0, 0, *im.size)
        else:
            box = _changed(prev, cur)
        if pending is not None:
            fp.write(b"".join(GifImagePlugin.getdata(pending[0], pending[1], duration=ms, disposal=1)))
        pending, prev = (im.crop(box), box[:2]), cur
    hold = max(ms, int(last_hold * 1000))
    fp.write(b"".join(GifImagePlugin.getdata(pending[0], pending[1], duration=hold, disposal=1)))
    fp.write(b";")


def gif_bytes(frame: Callable[[int], Frame], n: int, fps: float = 2.0, last_hold: float = 1.5) -> bytes:
    """:func:`write_gif` into memory (the GIF's own bytes are all that grows)."""
    buf = io.BytesIO()
    write_gif(buf, frame, n, fps, last_hold)
    return buf.getvalue()
