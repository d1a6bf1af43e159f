"""Pictures of the sub-pixel view (``lab.subpixel``): the kernel's taps coloured by the phase that
uses them with each phase's tap count, and the phase outputs interleaved into the full output. One
colour per phase throughout. matplotlib ``Figure`` only (never pyplot), returned as PNG bytes;
labels in the person's language (``lang``), drawn larger in presentation mode."""
from __future__ import annotations

from functools import lru_cache
from typing import Tuple

import numpy as np
from matplotlib import colormaps, font_manager
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from lab.draw.export import figure_png
from lab.i18n import translate
from lab.subpixel import Decomposition, phase_name

MAX_NUMBERED = 24          # cells per side up to which values are written in the cells
MAX_NUMBERED_PHASE = 9     # the same for one phase's small output (up to s² of them side by side)
CJK_FONT = "Noto Sans CJK SC"


@lru_cache(maxsize=4)
def font_family(lang: str) -> Tuple[str, ...]:
    """Latin text in matplotlib's own font, Chinese glyphs from Noto CJK when it is installed."""
    if lang == "zh":
        try:
            font_manager.findfont(CJK_FONT, fallback_to_default=False)
            return ("DejaVu Sans", CJK_FONT)
        except ValueError:   # pragma: no cover - fonts-noto-cjk missing: boxes for Chinese, not a crash
            pass
    return ("DejaVu Sans",)


def phase_colours(n: int):
    """One light colour per phase (numbers stay readable in black on it)."""
    cmap = colormaps["tab10" if n <= 10 else "tab20"]
    return [tuple(0.55 * np.array(to_rgba(cmap(i % cmap.N))[:3]) + 0.45) + (1.0,) for i in range(n)]


def _value(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"


def _cells(ax, values: np.ndarray, colours: np.ndarray, fs: float, family, numbered: bool = True):
    """A grid of coloured cells (rows × cols, RGBA per cell) with the values written in them."""
    values = np.atleast_2d(values)
    ax.imshow(colours, interpolation="nearest", aspect="equal")
    rows, cols = values.shape
    if numbered and max(rows, cols) <= MAX_NUMBERED:
        for r in range(rows):
            for c in range(cols):
                ax.text(c, r, _value(values[r, c]), ha="center", va="center", fontsize=fs, family=family)
    ax.set_xticks(np.arange(-0.5, cols, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, rows, 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.0)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    for side in ax.spines.values():
        side.set_visible(False)


def _as_2d(a: np.ndarray) -> np.ndarray:
    return a[None, :] if a.ndim == 1 else a


def kernel_png(dec: Decomposition, lang: str = "en", present: bool = False) -> bytes:
    """The kernel with every tap in its phase's colour, and the tap count of each phase laid out as
    an ``s × s`` block: uneven counts are the checkerboard."""
    scale = 1.4 if present else 1.0
    family = font_family(lang)
    colours = phase_colours(len(dec.phases))
    owner = _as_2d(dec.tap_phase())
    grid = _as_2d(dec.taps_grid())
    by_index = {p.index: n for n, p in enumerate(dec.phases)}
    block = np.array([[colours[by_index[(r, c) if dec.nd == 2 else (c,)]] for c in range(grid.shape[1])]
                      for r in range(grid.shape[0])])
    w = _as_2d(dec.w)
    cell = 0.45 * scale
    kw, bw = w.shape[1], grid.shape[1]
    width = (kw + bw) * cell + 1.6 * scale
    height = max(w.shape[0], grid.shape[0]) * cell + 1.1 * scale
    fig = Figure(figsize=(max(width, 5.2 * scale), height), dpi=100)
    gs = fig.add_gridspec(1, 2, width_ratios=[kw, bw], left=0.03, right=0.97, top=0.78, bottom=0.04, wspace=0.35)
    fs = 10 * scale
    ax = fig.add_subplot(gs[0, 0])
    _cells(ax, w, np.array([[colours[o] for o in row] for row in owner]), fs, family)
    ax.set_title(translate("Kernel taps, coloured by phase", lang), fontsize=fs, family=family, loc="left")
    ax2 = fig.add_subplot(gs[0, 1])
    _cells(ax2, grid, block, fs * 1.1, family)
    ax2.set_title(translate("Taps per phase", lang), fontsize=fs, family=family, loc="left")
    return figure_png(fig)


def shuffle_png(dec: Decomposition, lang: str = "en", present: bool = False) -> bytes:
    """Each phase's small output in its colour, then all of them interleaved (the pixel shuffle)."""
    scale = 1.4 if present else 1.0
    family = font_family(lang)
    colours = phase_colours(len(dec.phases))
    outputs = dec.phase_outputs()
    full = _as_2d(dec.interleave(outputs))
    owner = np.zeros(dec.out_size, dtype=np.int64)
    for n, phase in enumerate(dec.phases):
        owner[tuple(slice(a.out_first, None, s) for a, s in zip(phase.axes, dec.stride))] = n
    owner = _as_2d(owner)
    block_rows, block_cols = (dec.stride if dec.nd == 2 else (1, dec.stride[0]))
    rows, cols = full.shape
    small_r = max(1, max(_as_2d(y).shape[0] for y in outputs))
    small_c = max(1, max(_as_2d(y).shape[1] for y in outputs))
    cell = (0.34 if max(rows, cols) <= MAX_NUMBERED else 0.12) * scale
    left_w = block_cols * (small_c * cell + 0.3 * scale)
    fig_w = max(6.0 * scale, left_w + cols * cell + 1.2)
    fig_h = max(block_rows * (small_r * cell + 0.5 * scale), rows * cell) + 0.7 * scale
    fig = Figure(figsize=(fig_w, fig_h), dpi=100)
    outer = fig.add_gridspec(1, 2, width_ratios=[left_w, cols * cell], left=0.02, right=0.98, top=0.9,
                             bottom=0.03, wspace=0.12)
    inner = outer[0, 0].subgridspec(block_rows, block_cols, hspace=0.55, wspace=0.25)
    fs = min(9.0, 150 / max(small_c * block_cols, 1) + 4) * scale
    for n, (phase, y) in enumerate(zip(dec.phases, outputs)):
        r, c = phase.index if dec.nd == 2 else (0, phase.index[0])
        ax = fig.add_subplot(inner[r, c])
        y2 = _as_2d(y)
        if y2.size:
            _cells(ax, y2, np.tile(np.array(colours[n]), y2.shape + (1,)), fs, family,
                   numbered=max(small_r, small_c) <= MAX_NUMBERED_PHASE)
            ax.set_xlim(-0.5, small_c - 0.5)          # every phase's cells the same size
            ax.set_ylim(small_r - 0.5, -0.5)
        else:
            ax.set_axis_off()
        title = "Phase {name}: 1 tap" if phase.taps == 1 else "Phase {name}: {n} taps"
        ax.set_title(translate(title, lang, name=phase_name(phase), n=phase.taps),
                     fontsize=8.5 * scale, family=family, loc="left")
    ax = fig.add_subplot(outer[0, 1])
    _cells(ax, full, np.array(colours)[owner], min(9.0, 220 / max(cols, 1) + 3) * scale, family)
    size = " × ".join(map(str, dec.out_size))
    ax.set_title(translate("Interleaved (pixel shuffle): output {size}", lang, size=size),
                 fontsize=10 * scale, family=family, loc="left")
    return figure_png(fig)
