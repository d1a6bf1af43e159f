"""Frames for slides as a numbered sequence of PNG files (lossless RGB: every pixel as drawn), in a
ZIP or a folder, written one frame at a time so memory stays at one frame however many.

A GIF has 256 colours and an MP4 would need ffmpeg, which is not a dependency; a slide tool or
ffmpeg on the presenter's machine turns this sequence into either.
"""
from __future__ import annotations

import io
import os
import zipfile
from typing import BinaryIO, Callable, List

import numpy as np
from PIL import Image


def frame_name(t: int, n: int) -> str:
    """``frame_001.png`` … zero-padded so the files sort in step order."""
    return f"frame_{t + 1:0{max(3, len(str(n)))}d}.png"


def png_rgb(frame: np.ndarray) -> bytes:
    """One RGB(A) frame as a lossless RGB PNG."""
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(frame[..., :3])).save(buf, format="PNG", compress_level=6)
    return buf.getvalue()


def write_png_zip(fp: BinaryIO, frame: Callable[[int], np.ndarray], n: int) -> None:
    """``frame(0) … frame(n-1)`` as PNG files in a ZIP (stored: PNG is compressed already)."""
    with zipfile.ZipFile(fp, "w", zipfile.ZIP_STORED) as z:
        for t in range(n):
            z.writestr(frame_name(t, n), png_rgb(frame(t)))


def png_zip_bytes(frame: Callable[[int], np.ndarray], n: int) -> bytes:
    buf = io.BytesIO()
    write_png_zip(buf, frame, n)
    return buf.getvalue()


def write_png_dir(folder: str, frame: Callable[[int], np.ndarray], n: int) -> List[str]:
    """``frame(0) … frame(n-1)`` as PNG files in ``folder`` (created if missing); their paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for t in range(n):
        path = os.path.join(folder, frame_name(t, n))
        with open(path, "wb") as f:
            f.write(png_rgb(frame(t)))
        paths.append(path)
    return paths
