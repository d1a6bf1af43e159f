"""Bounds on the exports a visitor can start (the GIF, the PNG frames and the browser player's frames).

One click renders every frame of an animation: about 60 ms of CPU per million frame-pixels here
(drawing, PNG, GIF), and the largest animation is 256 frames of 1274×844 px (275 million, 14 s).
A frame drawn at 2× has 4× the pixels, and costs about 4× as much, so the budget counts pixels at
the export's scale. So

* an export is refused above :data:`MAX_EXPORT_PIXELS` frames × pixels (the largest allowed one
  stays under 8 CPU s and, with frames encoded one at a time, far under 500 MB:
  ``benchmarks/bench_export.py``);
* above :data:`HEAVY_PIXELS` only one export runs at a time per server; another visitor asking
  meanwhile gets :class:`Busy` at once ("try again") instead of a queue that takes the CPU from
  every page. Small exports (a classroom's usual sizes) never wait for a slot.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator, Optional, Tuple

MAX_EXPORT_PIXELS = 100_000_000   # frames × pixels per frame
HEAVY_PIXELS = 15_000_000          # above this, one at a time (a second or more of CPU)
_SLOT = threading.Lock()


class Busy(RuntimeError):
    """Another heavy export is running on this server."""


BUSY_TEXT = "Another large animation is being rendered on this server right now; try again in a few seconds."


def scaled_size(size: Tuple[int, int], scale: float = 1.0) -> Tuple[int, int]:
    """Width and height of a frame of 1× ``size`` drawn ``scale``× larger (lengths scale; pixels by scale²)."""
    return int(round(size[0] * scale)), int(round(size[1] * scale))


def export_pixels(n_frames: int, size: Tuple[int, int], scale: float = 1.0) -> int:
    """Frames × pixels of an animation of ``n_frames`` frames of 1× ``size`` (width, height) at ``scale``."""
    w, h = scaled_size(size, scale)
    return n_frames * w * h


def too_big(n_frames: int, size: Tuple[int, int], scale: float = 1.0) -> Optional[str]:
    """Why this animation cannot be exported at ``scale`` (a sentence), or None when it can."""
    if export_pixels(n_frames, size, scale) <= MAX_EXPORT_PIXELS:
        return None
    w, h = scaled_size(size, scale)
    advice = ("step through them with the slider, or make the sizes smaller." if scale <= 1 else
              "choose a smaller size, or make the sizes smaller.")
    return (f"{n_frames} frames of {w}×{h} px are more than this server renders for one export "
            f"({MAX_EXPORT_PIXELS // 1_000_000} million frame-pixels); {advice}")


@contextmanager
def export_slot(pixels: int) -> Iterator[None]:
    """Hold the server's one heavy-export slot for a large export; raise :class:`Busy` if taken."""
    if pixels <= HEAVY_PIXELS:
        yield
        return
    if not _SLOT.acquire(blocking=False):
        raise Busy(BUSY_TEXT)
    try:
        yield
    finally:
        _SLOT.release()
