"""Pictures for the checkerboard page: the overlap-count heat map and the photograph upsampled two
ways. matplotlib ``Figure`` only (never pyplot), returned as PNG bytes; titles come translated,
the figures' own words are translated by ``lang`` (``lab.i18n``)."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from matplotlib.figure import Figure

from lab.draw.export import figure_png
from lab.draw.fonts import font_family
from lab.i18n import translate

MAX_NUMBERED = 40


def overlap_png(counts: np.ndarray, title: str, large: bool = False, lang: str = "en") -> bytes:
    """Heat map of the overlap count of every output cell, the counts written in the cells."""
    scale = 1.35 if large else 1.0
    n = counts.shape[0]
    side = min(9.0, max(4.0, 0.28 * n)) * scale
    fig = Figure(figsize=(side + 0.9 * scale, side + 0.5 * scale), dpi=100)
    ax = fig.add_axes((0.02, 0.02, 0.84 * side / (side + 0.9 * scale) + 0.02, 0.9))
    vmax = max(1, int(counts.max()))
    im = ax.imshow(counts, cmap="magma", vmin=0, vmax=vmax, interpolation="nearest")
    if n <= MAX_NUMBERED:
        fs = max(5.0, min(11.0, 260 / max(n, 1))) * scale
        for r in range(counts.shape[0]):
            for c in range(counts.shape[1]):
                v = int(counts[r, c])
                ax.text(c, r, str(v), ha="center", va="center", fontsize=fs,
                        color="#111111" if v > 0.55 * vmax else "white")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=11 * scale, loc="left", family=font_family(lang))
    cax = fig.add_axes((0.9, 0.1, 0.03, 0.75))
    bar = fig.colorbar(im, cax=cax, ticks=sorted(set(int(v) for v in np.unique(counts)))[:12])
    bar.ax.tick_params(labelsize=9 * scale)
    return figure_png(fig)


def images_png(images: Sequence[np.ndarray], titles: Sequence[str], crop: int = 0, large: bool = False,
               lang: str = "en") -> bytes:
    """Grayscale images side by side on one [0, 1] scale (values above 1 clip white: that is the
    artifact). ``crop > 0`` adds a second row: the top-left ``crop × crop`` of the centre, enlarged."""
    scale = 1.35 if large else 1.0
    k = len(images)
    rows = 2 if crop else 1
    fig = Figure(figsize=(3.4 * k * scale, 3.7 * rows * scale), dpi=100)
    family = font_family(lang)
    for j, (img, title) in enumerate(zip(images, titles)):
        ax = fig.add_axes((j / k + 0.005, (rows - 1) / rows + 0.02, 1 / k - 0.01, 1 / rows - 0.1))
        ax.imshow(img, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_axis_off()
        ax.set_title(title, fontsize=10 * scale, family=family)
        if crop:
            n = img.shape[0]
            c0 = max(0, n // 2 - crop // 2)
            part = img[c0:c0 + crop, c0:c0 + crop]
            ax2 = fig.add_axes((j / k + 0.005, 0.02, 1 / k - 0.01, 1 / rows - 0.1))
            ax2.imshow(part, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
            ax2.set_axis_off()
            ax2.set_title(translate("zoom: {rows}×{cols} pixels", lang, rows=part.shape[0], cols=part.shape[1]),
                          fontsize=9 * scale, family=family)
    return figure_png(fig)
