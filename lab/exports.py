"""Bounds on the exports a visitor can start (the GIF and the browser player's frames).

One click renders every frame of an animation: about 60 ms of CPU per million frame-pixels here
(drawing, PNG, GIF), and the largest animation is 256 frames of 1274×844 px (275 million, 14 s).
So

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


def export_pixels(n_frames: int, size: Tuple[int, int]) -> int:
    """Frames × pixels of an animation of ``n_frames`` frames of ``size`` (width, height)."""
    return n_frames * size[0] * size[1]


def too_big(n_frames: int, size: Tuple[int, int]) -> Optional[str]:
    """Why this animation cannot be exported (a sentence), or None when it can."""
    if export_pixels(n_frames, size) <= MAX_EXPORT_PIXELS:
        return None
    w, h = size
    return (f"{n_frames} frames of {w}×{h} px are more than this server renders for one export "
            f"({MAX_EXPORT_PIXELS // 1_000_000} million frame-pixels); step through them with the slider, "
            f"or make the sizes smaller.")


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
