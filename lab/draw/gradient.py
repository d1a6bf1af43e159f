"""Pictures for the gradient page: two arrays side by side at the same cell scale, so that a 33×33
forward conv is visibly bigger than the 25×25 gradient it should be. When only a sample of cells was
nudged, both panels show just those cells (the rest grey in both), so equal numbers look equal.
matplotlib ``Figure`` only (never pyplot), returned as PNG bytes.
"""
from __future__ import annotations

import textwrap
from typing import Optional

import numpy as np
from matplotlib import colormaps, rc_context
from matplotlib.colors import Colormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from lab.draw.fonts import text_rc
from lab.draw.export import figure_png

MAX_NUMBERED = 10     # cells per side up to which values are written in the cells
MISMATCH = "#c0392b"
MATCH = "#1b7f3b"
NOT_NUDGED = "#d4d4d4"
TITLE_CHAR = 0.56     # a title character's width, in font sizes (for wrapping to the panel)


def _cmap() -> Colormap:
    return colormaps["RdBu_r"].with_extremes(bad=NOT_NUDGED)


def same_cells(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``right`` with the cells ``left`` leaves out (NaN: not nudged) left out too, over the block
    the two share (top-left), so both panels show the same cells."""
    shown = right.astype(float, copy=True)
    rows, cols = min(left.shape[0], right.shape[0]), min(left.shape[1], right.shape[1])
    block = shown[:rows, :cols]
    block[np.isnan(left[:rows, :cols])] = np.nan
    return shown


def _wrap(title: str, width_in: float, fs: float) -> str:
    return textwrap.fill(title, max(8, int(width_in * 72 / (fs * TITLE_CHAR))))


def _panel(ax, a: np.ndarray, title: str, vmax: float, numbers: bool, fs: float):
    rows, cols = a.shape
    ax.imshow(np.ma.masked_invalid(a), cmap=_cmap(), vmin=-vmax, vmax=vmax, interpolation="nearest",
              extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
    if numbers:
        for r in range(rows):
            for c in range(cols):
                v = a[r, c]
                if np.isnan(v):
                    continue
                ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=fs,
                        color="white" if abs(v) > 0.6 * vmax else "#111111")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=fs * 1.15, loc="left")


def compare_png(left: np.ndarray, right: np.ndarray, left_title: str, right_title: str,
                corner: Optional[int] = None, large: bool = False, lang: str = "en") -> bytes:
    """Two 2-D arrays side by side, cells the same size in both, titles wrapped to their panel;
    ``right`` is shown on the cells ``left`` has (:func:`same_cells`); ``corner`` outlines the top-left
    ``corner × corner`` block of ``right`` (green) and marks the rest of it as belonging to nothing."""
    with rc_context(text_rc(lang)):
        return figure_png(_compare(left, same_cells(left, right), left_title, right_title, corner, large))


def _compare(left, right, left_title, right_title, corner, large) -> Figure:
    scale = 1.35 if large else 1.0
    rows = max(left.shape[0], right.shape[0], 1)
    cols_l, cols_r = max(left.shape[1], 1), max(right.shape[1], 1)
    finite = np.concatenate([left[~np.isnan(left)].ravel(), right[~np.isnan(right)].ravel(), [1.0]])
    vmax = float(np.max(np.abs(finite)))
    numbers = rows <= MAX_NUMBERED
    fs = (10 if rows <= 6 else 8) * scale
    gap = 2.0
    total = cols_l + cols_r + gap
    width = min(12.0, max(6.0, 0.55 * total if numbers else 9.0)) * scale
    cell = width * 0.98 / total                      # inches per cell
    left_title = _wrap(left_title, cell * cols_l, fs * 1.15)
    right_title = _wrap(right_title, cell * cols_r, fs * 1.15)
    lines = max(left_title.count("\n"), right_title.count("\n")) + 1
    title_in = (0.2 + 0.22 * lines) * scale
    height = cell * rows + title_in + 0.1
    fig = Figure(figsize=(width, height), dpi=100)
    top = 1 - title_in / height
    h = cell * rows / height
    unit_w = 0.98 / total
    ax_l = fig.add_axes((0.01, top - h * left.shape[0] / rows, unit_w * cols_l, h * left.shape[0] / rows))
    ax_r = fig.add_axes((0.01 + unit_w * (cols_l + gap), top - h * right.shape[0] / rows,
                         unit_w * cols_r, h * right.shape[0] / rows))
    _panel(ax_l, left, left_title, vmax, numbers, fs)
    _panel(ax_r, right, right_title, vmax, numbers, fs)
    if corner is not None and 0 < corner < right.shape[0]:
        n = right.shape[0]
        ax_r.add_patch(Rectangle((-0.5, -0.5), corner, corner, fill=False, ec=MATCH, lw=2.5))
        ax_r.add_patch(Rectangle((corner - 0.5, -0.5), n - corner, n, fill=True, fc=MISMATCH, alpha=0.25,
                                 ec=MISMATCH, lw=1.5, hatch="//"))
        ax_r.add_patch(Rectangle((-0.5, corner - 0.5), corner, n - corner, fill=True, fc=MISMATCH,
                                 alpha=0.25, ec=MISMATCH, lw=1.5, hatch="//"))
    return fig
