"""Depth slices of a 3-D transposed conv's overlap counts: one small numbered heat map per depth
index, on one shared colour scale. matplotlib ``Figure`` only, returned as PNG bytes."""
from __future__ import annotations

import math

from matplotlib import rc_context
from matplotlib.figure import Figure

from lab.draw.export import figure_png
from lab.draw.fonts import FONTS
from lab.i18n import translate
from lab.volume import MAX_SLICES, Overlaps

MAX_NUMBERED = 12   # wider slices are drawn without their numbers


def depth_slices_png(ov: Overlaps, columns: int = 2, large: bool = False, lang: str = "en") -> bytes:
    """Slices ``z = 0, 1, …`` (at most ``MAX_SLICES``) in rows of ``columns``; two columns of
    small cells keep the picture about 400 px wide, readable at its own size on a phone too.
    ``lang``: the titles' language."""
    with rc_context({"font.family": FONTS}):
        return _slices_png(ov, columns, large, lang)


def _slices_png(ov: Overlaps, columns: int, large: bool, lang: str) -> bytes:
    counts = ov.counts[:MAX_SLICES]
    depth, side = counts.shape[0], counts.shape[1]
    cols = max(1, min(columns, depth))
    rows = math.ceil(depth / cols)
    scale = 1.3 if large else 1.0
    cell = min(0.26, 1.9 / side) * scale
    fig = Figure(figsize=(cols * (side * cell + 0.3) + 0.3, rows * (side * cell + 0.5) + 0.5), dpi=100,
                 layout="constrained")
    vmax = max(1, int(ov.counts.max()))
    fs = max(5.5, min(9.0, 30 * cell))
    for z in range(depth):
        ax = fig.add_subplot(rows, cols, z + 1)
        ax.imshow(counts[z], cmap="magma", vmin=0, vmax=vmax, interpolation="nearest")
        for r in range(side if side <= MAX_NUMBERED else 0):
            for c in range(counts.shape[2]):
                v = int(counts[z, r, c])
                ax.text(c, r, str(v), ha="center", va="center", fontsize=fs,
                        color="#111111" if v > 0.55 * vmax else "white")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(translate("depth {z}", lang, z=z), fontsize=10 * scale)
    fig.suptitle(translate(ov.title, lang), fontsize=10.5 * scale, x=0.02, ha="left")
    return figure_png(fig)
