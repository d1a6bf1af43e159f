"""Home's five pictures, one per idea, on lab.walkthrough's numbers: 1-D where it reads best.

Each function draws one matplotlib ``Figure`` (object API, never pyplot) on a single Axes in cell
units and returns PNG bytes; ``present`` draws it larger for a projector, ``lang`` picks the
language of its labels (``lab.i18n``) and a font that has the glyphs (``lab.draw.fonts``).
"""
from __future__ import annotations

from typing import Iterable, Sequence, Tuple

import numpy as np
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from lab import walkthrough as wt
from lab.draw.fonts import text_rc
from lab.draw.export import figure_png
from lab.i18n import translate

LIT = "#f7b267"       # the cells one output reads / one input writes
PLAIN = "#ffffff"
EDGE = "#555555"
OK = "#1b7f3b"
BAD = "#c0392b"
MUTED = "#9a9a9a"
INCH_PER_CELL = 0.42


def _figure(width: float, height: float, present: bool):
    """A figure ``width × height`` cells big with one frameless Axes in cell coordinates (y up)."""
    scale = 1.3 if present else 1.0
    fig = Figure(figsize=(width * INCH_PER_CELL * scale, height * INCH_PER_CELL * scale), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    return fig, ax, 10.5 * scale


def _num(v: float) -> str:
    return f"{v + 0.0:g}"  # + 0.0: no "-0"


def _cells(ax, x0: float, y0: float, values: Sequence[float], lit: Iterable[int], fs: float,
           step: float = 1.0, fill: str = LIT):
    """One row of unit cells from ``(x0, y0)``, ``step`` apart, each with its value."""
    lit = set(lit)
    for i, v in enumerate(values):
        x = x0 + i * step
        ax.add_patch(Rectangle((x, y0), 1, 1, fc=fill if i in lit else PLAIN, ec=EDGE, lw=1))
        ax.text(x + 0.5, y0 + 0.5, _num(v), ha="center", va="center", fontsize=fs)


def _matrix(ax, x0: float, top: float, m: np.ndarray, lit_row=None, lit_col=None, fs: float = 10):
    rows, cols = m.shape
    for r in range(rows):
        for c in range(cols):
            hot = r == lit_row or c == lit_col
            v = m[r, c]
            ax.add_patch(Rectangle((x0 + c, top - r - 1), 1, 1, fc=LIT if hot and v else
                                   ("#fde9d2" if hot else PLAIN), ec=EDGE, lw=0.8))
            ax.text(x0 + c + 0.5, top - r - 0.5, _num(v), ha="center", va="center", fontsize=fs * 0.9,
                    color="#111111" if v else "#b0b0b0")


def _link(ax, a: Tuple[float, float], b: Tuple[float, float], colour: str = LIT, lw: float = 2.0,
          style: str = "-|>", ls: str = "-"):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle=style, mutation_scale=10, color=colour, lw=lw,
                                 linestyle=ls, shrinkA=2, shrinkB=2))


def _label(ax, x, y, text, lang, fs, **kw):
    ax.text(x, y, translate(text, lang), fontsize=fs, **kw)


def reverse_png(line: wt.Line, j: int, lang: str = "en", present: bool = False) -> bytes:
    """Idea 1: the forward conv and its transpose side by side, the same cells lit in both."""
    n = len(line.x)
    s = wt.LINE_S
    taps = line.taps(j)
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(15.4, 8.6, present)
        # forward: x on top, y below, y[j] under the middle of what it reads
        fx, tx = 1.2, 8.4
        _label(ax, fx, 7.7, "forward conv: y = C x", lang, fs * 1.1, weight="bold")
        _label(ax, fx - 0.2, 5.5, "x", lang, fs, ha="right", va="center")
        _cells(ax, fx, 5, line.x, taps, fs)
        _label(ax, fx - 0.2, 1.5, "y", lang, fs, ha="right", va="center")
        _cells(ax, fx, 1, line.y, [j], fs, step=s)
        for t in taps:
            _link(ax, (fx + t + 0.5, 5), (fx + j * s + 0.5, 2))
            ax.text(fx + t + 0.5, 4.55, f"×{_num(line.C[j, t])}", ha="center", va="top", fontsize=fs * 0.85,
                    color="#a0522d")
        # transpose: the 3 cells on top, 5 below: y[j] goes back into the very same cells
        _label(ax, tx, 7.7, "transpose: Cᵀ y", lang, fs * 1.1, weight="bold")
        _cells(ax, tx, 5, line.y, [j], fs, step=s)
        _cells(ax, tx, 1, line.back, taps, fs)
        for t in taps:
            _link(ax, (tx + j * s + 0.5, 5), (tx + t + 0.5, 2))
            ax.text(tx + t + 0.5, 2.45, f"×{_num(line.C[j, t])}", ha="center", va="bottom", fontsize=fs * 0.85,
                    color="#a0522d")
        _label(ax, tx + n + 0.2, 1.5, "Cᵀ y", lang, fs, va="center")
    return figure_png(fig)


def matrices_png(line: wt.Line, j: int, lang: str = "en", present: bool = False) -> bytes:
    """Idea 1 as matrices: C beside Cᵀ with row ``j`` / column ``j`` lit — the same numbers, read
    across or down, and the same cells as :func:`reverse_png` lights."""
    n, m = len(line.x), len(line.y)
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(13.4, 8.6, present)
        cx, ctx = 0.4, 8.4
        ax.text(cx, 7.7, translate("C: row {j} = what y[{j}] reads", lang, j=j), fontsize=fs * 1.1, weight="bold")
        _matrix(ax, cx, 6.2, line.C, lit_row=j, fs=fs)
        ax.text(cx + n / 2, 2.7, f"{m} × {n}", ha="center", fontsize=fs * 0.9, color=MUTED)
        ax.text(ctx, 7.7, translate("Cᵀ: column {j}", lang, j=j), fontsize=fs * 1.1, weight="bold")
        _matrix(ax, ctx, 6.2, line.C.T, lit_col=j, fs=fs)
        ax.text(ctx + m / 2, 0.6, f"{n} × {m}", ha="center", fontsize=fs * 0.9, color=MUTED)
    return figure_png(fig)


def many_to_one_png(pairs: Sequence[Tuple[int, int]], target: int, lang: str = "en",
                    present: bool = False) -> bytes:
    """Idea 2: candidate output sizes and what a forward SAME conv (k2 s2) makes of each; the sizes
    that give the input's ``target`` are the valid ones — more than one."""
    widest = max(n for n, _ in pairs)
    rows = len(pairs)
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(widest + 12.5, rows * 1.35 + 1.6, present)
        _label(ax, 0.3, rows * 1.35 + 0.6, "output size n → forward conv (k 2, stride 2, SAME) → ?", lang,
               fs * 1.1, weight="bold")
        for r, (n, back) in enumerate(pairs):
            y = (rows - 1 - r) * 1.35 + 0.3
            hit = back == target
            colour = OK if hit else MUTED
            ax.text(2.2, y + 0.5, f"n = {n}", ha="right", va="center", fontsize=fs, color=colour,
                    weight="bold" if hit else None)
            for i in range(n):
                ax.add_patch(Rectangle((2.6 + i * 0.8, y + 0.1), 0.8, 0.8, fc="#d8eedd" if hit else "#eeeeee",
                                       ec=EDGE, lw=0.6))
            x_arrow = 2.6 + widest * 0.8 + 0.4
            _link(ax, (x_arrow, y + 0.5), (x_arrow + 1.6, y + 0.5), colour=colour, lw=1.5)
            for i in range(back):
                ax.add_patch(Rectangle((x_arrow + 2.0 + i * 0.8, y + 0.1), 0.8, 0.8,
                                       fc=OK if hit else "#eeeeee", ec=EDGE, lw=0.6, alpha=0.8 if hit else 1))
            ax.text(x_arrow + 2.2 + 4 * 0.8, y + 0.5, str(back) + ("  ✓" if hit else ""), va="center",
                    fontsize=fs, color=colour, weight="bold" if hit else None)
    return figure_png(fig)


def seed_bars_png(seed: wt.SeedFailure, lang: str = "en", present: bool = False) -> bytes:
    """Idea 3 to scale: 97 → 25 on the way down; the way back with stride 3 must map 97 onto 25 but a
    forward conv over 97 gives ``computed`` (33) — the bar that sticks out is TF's error."""
    size_in, down, computed = 97, seed.forward_shape[1], seed.computed
    unit = 0.15
    rows = [
        ("x: 97 × 97", size_in, OK, ""),
        ("conv k3, stride 4, SAME", down, OK, "25"),
        ("back with stride 3: a forward conv over 97 gives", computed, BAD, f"{computed} ≠ {down}"),
        ("back with stride 4: a forward conv over 97 gives", down, OK, f"{down} = {down} ✓"),
    ]
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(size_in * unit + 9, len(rows) * 1.9 + 0.6, present)
        for r, (text, length, colour, note) in enumerate(rows):
            y = (len(rows) - 1 - r) * 1.9 + 0.3
            _label(ax, 0.3, y + 1.05, text, lang, fs, va="bottom")
            ax.add_patch(Rectangle((0.3, y), length * unit, 0.9, fc=colour, alpha=0.35, ec=colour, lw=1.2))
            ax.text(0.3 + length * unit + 0.3, y + 0.45, note or str(length), va="center", fontsize=fs,
                    color=colour, weight="bold")
            if colour == BAD:
                ax.add_patch(Rectangle((0.3, y), down * unit, 0.9, fill=False, ec="#111111", lw=1.5, ls="--"))
                _label(ax, 0.3 + down * unit / 2, y + 0.45, "actual = 25", lang, fs * 0.85, ha="center",
                       va="center")
    return figure_png(fig)


def inner_png(line: wt.Line, lang: str = "en", present: bool = False) -> bytes:
    """Idea 4: ⟨a, b⟩ is "multiply cell by cell, then add up" — on both sides of ⟨C x, g⟩ = ⟨x, Cᵀ g⟩."""
    sides = [("C x", line.y, "g", line.g), ("x", line.x, "Cᵀ g", line.ct_g)]
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(25, 6.2, present)
        _label(ax, 0.3, 5.5, "⟨a, b⟩ = a[0]·b[0] + a[1]·b[1] + …: multiply cell by cell, then add up", lang,
               fs * 1.1, weight="bold")
        x0 = 2.2
        for name_a, a, name_b, b in sides:
            prods = a * b
            for k, (name, vals) in enumerate(((name_a, a), (name_b, b), ("a·b", prods))):
                y = 3.6 - k * 1.35
                ax.text(x0 - 0.2, y + 0.5, name, ha="right", va="center", fontsize=fs)
                _cells(ax, x0, y, vals, range(len(vals)) if k == 2 else [], fs, fill="#fde9d2")
            total = float(np.sum(prods))
            ax.text(x0 + len(a) + 0.3, 0.9 + 0.5, f"Σ = {_num(total)}", va="center", fontsize=fs * 1.1,
                    weight="bold", color=OK)
            x0 += len(a) + 7.2
    return figure_png(fig)


def skip_png(recipe: wt.SkipRecipe, sizes: Sequence[int], lang: str = "en", present: bool = False) -> bytes:
    """Idea 5: every skip size in ``sizes`` goes down to the same 25, so 25 cannot say which way back;
    the skip tensor can (``output_shape=tf.shape(skip)``). The frameworks' defaults are marked."""
    rows = len(sizes)
    h = rows * 1.3 + 2.0
    mid = (rows * 1.3) / 2 + 0.2
    with rc_context(text_rc(lang)):
        fig, ax, fs = _figure(27, h, present)
        _label(ax, 0.3, h - 0.7, "skip", lang, fs, weight="bold")
        _label(ax, 11.0, h - 0.7, "conv k3, stride 4", lang, fs, weight="bold", ha="center")
        _label(ax, 15.3, h - 0.7, "back up: the size comes from the skip tensor", lang, fs, weight="bold")
        ax.add_patch(Rectangle((10.2, mid - 0.5), 1.6, 1.0, fc="#eeeeee", ec=EDGE))
        ax.text(11.0, mid, str(recipe.down), ha="center", va="center", fontsize=fs * 1.1, weight="bold")
        for r, n in enumerate(sizes):
            y = (rows - 1 - r) * 1.3 + 0.3
            chosen = n == recipe.skip
            colour = OK if chosen else MUTED
            for x in (0.3, 16.0):
                ax.add_patch(Rectangle((x, y), 1.8, 0.9, fc="#d8eedd" if chosen else PLAIN, ec=colour, lw=1.2))
                ax.text(x + 0.9, y + 0.45, str(n), ha="center", va="center", fontsize=fs, color=colour,
                        weight="bold" if chosen else None)
            _link(ax, (2.1, y + 0.45), (10.2, mid), colour=colour, lw=1.6 if chosen else 0.8)
            _link(ax, (11.8, mid), (16.0, y + 0.45), colour=colour, lw=1.6 if chosen else 0.8,
                  ls="-" if chosen else ":")
            notes = []
            if n == recipe.torch_default:
                notes.append(translate("PyTorch's default", lang))
            if n == recipe.keras_default:
                notes.append(translate("Keras' default (no output_padding)", lang))
            if chosen:
                notes.append("output_shape=tf.shape(skip)")
            ax.text(18.2, y + 0.45, " · ".join(notes), va="center", fontsize=fs * 0.9, color=colour)
    return figure_png(fig)
