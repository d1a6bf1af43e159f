"""The shape explorer's number line: candidate output sizes, the valid ones marked, each with the
forward arithmetic that decides it. matplotlib ``Figure`` only (no pyplot), returned as PNG bytes.
"""
from __future__ import annotations

import io
from typing import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from lab.draw.fonts import FONTS
from lab.i18n import translate

VALID_COLOUR = "#1b7f3b"
INVALID_COLOUR = "#8a8a8a"
REQUEST_COLOUR = "#c0392b"


def number_line_svg(sizes: Sequence[int], accepted: Sequence[bool], arithmetic: Sequence[str],
                    requested: int | None, title: str = "", large: bool = False, lang: str = "en") -> str:
    """SVG text of :func:`number_line_figure`, text kept as text (3× faster than PNG, sharp at
    any width: projectors and phones; the browser's own fonts draw Chinese). ``st.image`` shows it."""
    buf = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "convt", "font.family": FONTS}):
        number_line_figure(sizes, accepted, arithmetic, requested, title, large, lang).savefig(buf, format="svg")
    return buf.getvalue()


def number_line_figure(sizes: Sequence[int], accepted: Sequence[bool], arithmetic: Sequence[str],
                       requested: int | None, title: str = "", large: bool = False, lang: str = "en") -> Figure:
    """A number line over ``sizes`` (sorted ints; gaps between non-neighbours drawn as ``…``).

    Valid sizes are filled green circles, refused ones grey crosses, the requested size is ringed
    in red. Above each size its arithmetic, e.g. ``ceil(97 / 3) = 33 ≠ 25``. ``lang``: the labels'
    language (the title is given already translated).
    """
    scale = 1.35 if large else 1.0
    n = max(1, len(sizes))
    fig = Figure(figsize=(max(6.0, 0.62 * n + 1.5) * scale, 3.6 * scale), dpi=90)
    # No Axes: artists placed in figure coordinates (an Axes costs more than everything else here).
    fs = 9 * scale
    xs = []
    x = 0.0
    gaps = []
    for j, size in enumerate(sizes):
        if j and size != sizes[j - 1] + 1:
            gaps.append(x + 0.1)
            x += 1.2
        xs.append(x)
        x += 1.0
    span = max(xs[-1] if xs else 1.0, 1.0)
    left, right = 0.06, 0.94
    fx = (lambda v: left + (right - left) * v / span) if len(xs) > 1 else (lambda v: 0.5)
    y_line = 0.30
    tr = fig.transFigure
    if xs:
        fig.add_artist(Line2D([max(0.01, fx(xs[0]) - 0.04), min(0.99, fx(xs[-1]) + 0.04)], [y_line, y_line],
                              color="#444444", linewidth=1.2, transform=tr, zorder=1))
    for g in gaps:
        fig.text(fx(g), y_line + 0.02, "…", ha="center", va="bottom", fontsize=fs * 1.6,
                 color="#444444", fontweight="bold")
    ok_x = [fx(xi) for xi, ok in zip(xs, accepted) if ok]
    bad_x = [fx(xi) for xi, ok in zip(xs, accepted) if not ok]
    # one Line2D per marker kind: far cheaper than a scatter collection per point
    fig.add_artist(Line2D(ok_x, [y_line] * len(ok_x), linestyle="none", marker="o",
                          markersize=11 * scale, color=VALID_COLOUR, transform=tr, zorder=3))
    fig.add_artist(Line2D(bad_x, [y_line] * len(bad_x), linestyle="none", marker="x",
                          markersize=8 * scale, markeredgewidth=2, color=INVALID_COLOUR, transform=tr,
                          zorder=3))
    for xi, size, ok, text in zip(xs, sizes, accepted, arithmetic):
        px = fx(xi)
        if requested is not None and size == requested:
            fig.add_artist(Line2D([px], [y_line], linestyle="none", marker="o", markersize=21 * scale,
                                  markerfacecolor="none", markeredgecolor=REQUEST_COLOUR,
                                  markeredgewidth=2.2, transform=tr, zorder=4))
            fig.text(px, y_line - 0.17, translate("asked", lang), ha="center", va="top", fontsize=fs,
                     color=REQUEST_COLOUR, fontweight="bold")
        fig.text(px, y_line - 0.07, str(size), ha="center", va="top", fontsize=fs * 1.1,
                 fontweight="bold" if ok else "normal", color=VALID_COLOUR if ok else "#333333")
        fig.text(px, y_line + 0.07, text, ha="center", va="bottom", fontsize=fs * 0.85, rotation=90,
                 color=VALID_COLOUR if ok else "#555555")
    if title:
        fig.suptitle(title, fontsize=fs * 1.15, y=0.98)
    fig.text(0.02, 0.02, translate("● valid    × refused    ○ asked", lang), fontsize=fs * 0.9, color="#333333")
    return fig
