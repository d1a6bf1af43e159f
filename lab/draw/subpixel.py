"""Pictures of the sub-pixel view (``lab.subpixel``): the kernel's taps coloured by the phase that
uses them with each phase's tap count, and the phase outputs interleaved into the full output. One
colour per phase throughout. matplotlib ``Figure`` only (never pyplot), returned as PNG bytes;
labels in the person's language (``lang``), drawn larger in presentation mode."""
from __future__ import annotations


import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from lab.draw.export import figure_png
from lab.draw.fonts import font_family
from lab.i18n import translate
from lab.subpixel import Decomposition, phase_name

MAX_NUMBERED = 24          # cells per side up to which values are written in the cells
MAX_NUMBERED_PHASE = 9     # the same for one phase's small output (up to s² of them side by side)


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
    edges_r, edges_c = np.arange(-0.5, rows, 1), np.arange(-0.5, cols, 1)
    ax.hlines(edges_r, -0.5, cols - 0.5, colors="white", linewidth=1.0)   # one collection each: ticks
    ax.vlines(edges_c, -0.5, rows - 0.5, colors="white", linewidth=1.0)   # per cell would be slow
    ax.set_axis_off()


def _as_2d(a: np.ndarray) -> np.ndarray:
    return a[None, :] if a.ndim == 1 else a


def _title(ax, text: str, fs: float, family) -> None:
    """A title above the axes' top-left corner (plain text: ``set_title`` measures the ticks on
    every draw, seconds for sixteen panels)."""
    ax.text(0, 1.0, text, transform=ax.transAxes, ha="left", va="bottom", fontsize=fs, family=family)


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
    room = 5                                   # cells per panel at least: room for its title
    cols = [max(w.shape[1], room), max(grid.shape[1], room)]
    rows = max(w.shape[0], grid.shape[0])
    title_h = 0.4 * scale
    fig_h = rows * cell + title_h + 0.1
    fig = Figure(figsize=(sum(cols) * cell * 1.1 + 0.2, fig_h), dpi=100)
    gs = fig.add_gridspec(1, 2, width_ratios=cols, left=0.01, right=0.99, top=1 - title_h / fig_h,
                          bottom=0.05 / fig_h, wspace=0.1)
    fs = 10 * scale
    for spot, values, rgba, title, width in ((gs[0, 0], w, np.array([[colours[o] for o in row] for row in owner]),
                                              "Kernel taps, coloured by phase", cols[0]),
                                             (gs[0, 1], grid, block, "Taps per phase", cols[1])):
        ax = fig.add_subplot(spot)
        _cells(ax, values, rgba, fs, family)
        ax.set_xlim(-0.5, width - 0.5)         # the same cell size in both panels
        ax.set_ylim(rows - 0.5, -0.5)
        _title(ax, translate(title, lang), fs, family)
    return figure_png(fig)


def phases_png(dec: Decomposition, lang: str = "en", present: bool = False) -> bytes:
    """Each phase's small output in its colour, laid out like the phases in an ``s × s`` block."""
    scale = 1.4 if present else 1.0
    family = font_family(lang)
    colours = phase_colours(len(dec.phases))
    outputs = [_as_2d(y) for y in dec.phase_outputs()]
    block_rows, block_cols = dec.stride if dec.nd == 2 else (1, dec.stride[0])
    rows = max(1, max(y.shape[0] for y in outputs))
    cols = max(1, max(y.shape[1] for y in outputs))
    cell = (0.34 if max(rows, cols) <= MAX_NUMBERED_PHASE else 0.14) * scale
    panel_w, axes_h, title_h = max(cols * cell, 1.8 * scale), rows * cell, 0.38 * scale
    fig_h = block_rows * (axes_h + title_h) + 0.1
    fig = Figure(figsize=(block_cols * (panel_w + 0.15 * scale) + 0.1, fig_h), dpi=100)
    gs = fig.add_gridspec(block_rows, block_cols, left=0.01, right=0.99, top=1 - title_h / fig_h,
                          bottom=0.05 / fig_h, hspace=title_h / axes_h, wspace=0.12)
    fs = 9.0 * scale
    for n, (phase, y) in enumerate(zip(dec.phases, outputs)):
        r, c = phase.index if dec.nd == 2 else (0, phase.index[0])
        ax = fig.add_subplot(gs[r, c])
        if y.size:
            _cells(ax, y, np.tile(np.array(colours[n]), y.shape + (1,)), fs, family,
                   numbered=max(rows, cols) <= MAX_NUMBERED_PHASE)
            ax.set_xlim(-0.5, max(cols, panel_w / cell) - 0.5)     # every phase's cells the same size
            ax.set_ylim(rows - 0.5, -0.5)
        else:
            ax.set_axis_off()
        title = "Phase {name}: 1 tap" if phase.taps == 1 else "Phase {name}: {n} taps"
        _title(ax, translate(title, lang, name=phase_name(phase), n=phase.taps), 8.5 * scale, family)
    return figure_png(fig)


def interleaved_png(dec: Decomposition, lang: str = "en", present: bool = False) -> bytes:
    """The full output, every cell in the colour of the phase that computed it (the pixel shuffle)."""
    scale = 1.4 if present else 1.0
    family = font_family(lang)
    colours = phase_colours(len(dec.phases))
    full = _as_2d(dec.reassembled())
    owner = np.zeros(dec.out_size, dtype=np.int64)
    for n, phase in enumerate(dec.phases):
        owner[tuple(slice(a.out_first, None, s) for a, s in zip(phase.axes, dec.stride))] = n
    owner = _as_2d(owner)
    rows, cols = full.shape
    cell = (0.34 if max(rows, cols) <= MAX_NUMBERED else 0.1) * scale
    width, title_h = max(cols * cell, 3.8 * scale), 0.4 * scale
    fig_h = rows * cell + title_h + 0.1
    fig = Figure(figsize=(width + 0.1, fig_h), dpi=100)
    ax = fig.add_axes((0.01, 0.05 / fig_h, 1 - 0.1 / (width + 0.1), rows * cell / fig_h))
    _cells(ax, full, np.array(colours)[owner], min(9.0, 220 / max(cols, 1) + 3) * scale, family)
    ax.set_xlim(-0.5, max(cols, width / cell) - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    size = " × ".join(map(str, dec.out_size))
    _title(ax, translate("Interleaved (pixel shuffle): output {size}", lang, size=size), 10 * scale, family)
    return figure_png(fig)
