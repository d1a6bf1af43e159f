"""The encoder–decoder diagram: one bar per tensor (height ∝ its size), the layers between them,
skip connections as arcs (green: sizes match, red: they do not), the first break crossed out.
matplotlib ``Figure`` only (never pyplot), returned as PNG bytes."""
from __future__ import annotations

from typing import Optional, Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from lab.draw.fonts import text_rc
from lab.draw.export import figure_png
from lab.i18n import translate

OK = "#4a78b5"
BAD = "#c0392b"
GOOD = "#1b7f3b"
GREY = "#bbbbbb"


def chain_png(sizes: Sequence[Optional[int]], labels: Sequence[str], skips: Sequence[Optional[int]],
              first_break: Optional[int], title: str, large: bool = False, lang: str = "en") -> bytes:
    """``sizes[0]`` is the input, ``sizes[t]`` layer t's output (None: not reached); ``labels[t-1]``
    and ``skips[t-1]`` describe layer t; ``first_break`` is the 0-based index of the broken layer.
    The band above the bars is drawn only when there are skip arcs to fill it."""
    with rc_context(text_rc(lang)):
        return _draw(sizes, labels, skips, first_break, title, 1.3 if large else 1.0, lang)


def _draw(sizes, labels, skips, first_break, title, scale, lang) -> bytes:
    n = len(sizes)
    top = 1.95 if any(j is not None for j in skips) else 1.12
    fig = Figure(figsize=(max(6.5, 1.25 * n + 1) * scale, 4.8 * scale * (top + 0.65) / 2.6), dpi=100)
    ax = fig.add_axes((0.01, 0.02, 0.98, 0.86))
    ax.set_xlim(-0.7, n - 0.3)
    ax.set_ylim(-0.65, top)
    ax.set_axis_off()
    known = [s for s in sizes if s]
    biggest = max(known) if known else 1
    fs = 9 * scale
    for t, size in enumerate(sizes):
        broken = first_break is not None and t == first_break + 1
        if size:
            h = 0.12 + 0.78 * size / biggest
            ax.add_patch(Rectangle((t - 0.18, 0.5 - h / 2), 0.36, h, fc=OK, ec="#223355", lw=1))
            ax.text(t, 0.5 + h / 2 + 0.04, str(size), ha="center", va="bottom", fontsize=fs * 1.2,
                    fontweight="bold")
        else:
            colour = BAD if broken else GREY
            ax.add_patch(Rectangle((t - 0.18, 0.3), 0.36, 0.4, fc="none", ec=colour, lw=1.5, ls="--"))
            ax.text(t, 0.5, "✗" if broken else "?", ha="center", va="center", fontsize=fs * 2, color=colour)
        ax.text(t, -0.05, translate("input", lang) if t == 0 else f"#{t}", ha="center", va="top", fontsize=fs)
        if t > 0:
            colour = BAD if broken else "#333333"
            ax.annotate("", xy=(t - 0.22, 0.5), xytext=(t - 1 + 0.22, 0.5),
                        arrowprops=dict(arrowstyle="->", color=colour, lw=1.4))
            ax.text(t - 0.5, -0.22 if t % 2 else -0.42, labels[t - 1].replace(" SAME", "").replace(" VALID", " V"),
                    ha="center", va="top", fontsize=fs * 0.85, color=colour)
    for t, j in enumerate(skips, start=1):
        if j is None:
            continue
        a, b = sizes[j], sizes[t]
        broken = first_break is not None and t == first_break + 1
        colour = GOOD if (a and b and a == b) else (BAD if broken else GREY)
        arc = FancyArrowPatch((j, 1.15), (t, 1.15), connectionstyle="arc3,rad=-0.18",
                              arrowstyle="-|>", mutation_scale=12, color=colour, lw=1.6)
        ax.add_patch(arc)
    ax.set_title(title, fontsize=fs * 1.25, loc="left")
    return figure_png(fig)
