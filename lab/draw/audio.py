"""The causal-trimming picture: one row per input frame's stamp, the overlap-add so far, and the
samples each trimming side keeps (green: final, orange: still waiting for a later frame's stamp).
matplotlib ``Figure`` only, returned as PNG bytes."""
from __future__ import annotations

import textwrap

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from lab.audio import CausalStep
from lab.draw.fonts import text_rc
from lab.draw.export import figure_png
from lab.i18n import translate

ARRIVED = "#84c470"
LATER = "#f2f2f2"
FINAL = "#84c470"
PENDING = "#f5a65f"
TRIMMED = "#bbbbbb"
EDGE = "#555555"
LABEL_INCHES = 1.35   # the label column


def causal_png(cs: CausalStep, side: str, large: bool = False, lang: str = "en") -> bytes:
    """Frame ``cs.step`` of the stepped causal picture; ``side`` ("right" / "left") is drawn bold;
    its words in ``lang``."""
    with rc_context(text_rc(lang)):
        return _draw(cs, side, large, lambda text: translate(text, lang), 1.0 if lang == "zh" else 0.62)


def _draw(cs: CausalStep, side: str, large: bool, tr, em: float) -> bytes:
    """``em``: a character's width in font sizes (CJK characters are square)."""
    L = len(cs.have)
    rows = cs.n + 3
    scale = 1.25 if large else 1.0
    cell = 0.24 * scale                                # a row's height, inches
    width = min(cell, max(0.1 * scale, 4.2 * scale / L))   # a sample's width: long outputs get narrow cells
    labels = LABEL_INCHES * scale / width              # the label column, in samples
    fs = 8 * scale
    title = textwrap.wrap(tr(
        f"Causal transposed conv, kernel {cs.kernel}, stride {cs.stride}: full output {L} = "
        f"({cs.n}−1)·{cs.stride}+{cs.kernel}; trim k−s = {cs.kernel - cs.stride} to get "
        f"{cs.n}·{cs.stride} = {cs.n * cs.stride}. After frame {cs.step + 1}."),
        max(int(17.4 / em), int((labels + L) * width * 72 / (fs * em))))   # characters that fit the width
    top = 0.5 + 0.9 * len(title)
    # only as wide as the cells and their labels, so a phone shows it near 1:1 (readable labels)
    fig = Figure(figsize=(width * (labels + L + 0.8), cell * (1.25 * rows + top)), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(-labels - 0.4, L + 0.4)
    ax.set_ylim(rows * 1.25 + 0.2, -top)
    ax.set_axis_off()

    def row(y: float, label: str, colors, texts=None, bold=False):
        ax.text(-0.15 * cell / width, y + 0.5, label, ha="right", va="center", fontsize=fs, fontweight="bold" if bold else None)
        for t, c in enumerate(colors):
            if c is None:
                continue
            ax.add_patch(Rectangle((t, y), 1, 1, fc=c, ec=EDGE, lw=0.5))
            if texts and texts[t] and width >= 0.2 * scale:   # "1/2" needs a wide cell
                ax.text(t + 0.5, y + 0.5, texts[t], ha="center", va="center", fontsize=fs * 0.85)

    for j in range(cs.n):
        span = range(j * cs.stride, j * cs.stride + cs.kernel)
        color = ARRIVED if j <= cs.step else LATER
        row(j * 1.25, tr(f"frame {j + 1} stamps"), [color if t in span else None for t in range(L)])
    y = cs.n * 1.25
    row(y, tr("overlap-add so far"), [FINAL if cs.final(t) else PENDING if cs.have[t] else LATER for t in range(L)],
        [f"{cs.have[t]}/{cs.total[t]}" if cs.kernel > cs.stride else "" for t in range(L)])
    for r, (name, keep) in enumerate((("right", cs.keep_right), ("left", cs.keep_left))):
        colors = [(FINAL if cs.final(t) else PENDING) if t in keep else TRIMMED for t in range(L)]
        row(y + 1.25 * (r + 1), tr(f"trim {name}: keeps"), colors,
            ["" if t in keep else "×" for t in range(L)], bold=name == side)
    ax.text(-labels, -top + 0.2, "\n".join(title), fontsize=fs * 1.05, va="top", linespacing=1.3)
    return figure_png(fig)
