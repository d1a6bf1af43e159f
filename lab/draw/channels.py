"""A small static diagram: which filter slice of ``[h, w, out_channels, in_channels]`` links which channels."""
from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from lab.draw.export import figure_png

_IN = "#cfe2f7"
_OUT = "#d5ecd4"


def channel_diagram_png(in_ch: int, out_ch: int, kernel: int = 3) -> bytes:
    """Input channels (left) → output channels (right) of a transposed conv, one edge per filter slice."""
    rows = max(in_ch, out_ch)
    fig = Figure(figsize=(6.4, 0.75 * rows + 1.1), dpi=100, facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 10)
    ax.set_ylim(rows + 0.9, -0.6)
    ax.text(1.4, -0.25, f"x: {in_ch} input channel(s)", ha="center", fontsize=10, weight="bold")
    ax.text(8.6, -0.25, f"out: {out_ch} output channel(s)", ha="center", fontsize=10, weight="bold")

    def ypos(j, n):
        return (rows - n) / 2 + j + 0.5

    for c in range(in_ch):
        y = ypos(c, in_ch)
        ax.add_patch(FancyBboxPatch((0.4, y - 0.3), 2.0, 0.6, boxstyle="round,pad=0.02", fc=_IN, ec="#555"))
        ax.text(1.4, y, f"x[…, {c}]", ha="center", va="center", fontsize=10)
    for o in range(out_ch):
        y = ypos(o, out_ch)
        ax.add_patch(FancyBboxPatch((7.6, y - 0.3), 2.0, 0.6, boxstyle="round,pad=0.02", fc=_OUT, ec="#555"))
        ax.text(8.6, y, f"out[…, {o}]", ha="center", va="center", fontsize=10)
    many = in_ch * out_ch > 6
    for c in range(in_ch):
        for o in range(out_ch):
            y0, y1 = ypos(c, in_ch), ypos(o, out_ch)
            ax.plot([2.45, 7.55], [y0, y1], color="#d35400", lw=1.2, alpha=0.8)
            if not many or c == o:
                t = 0.5 if not many else 0.5
                ax.text(2.45 + (7.55 - 2.45) * t, y0 + (y1 - y0) * t, f"filter[:, :, {o}, {c}]", ha="center",
                        va="center", fontsize=8.5, bbox=dict(fc="white", ec="none", pad=0.5))
    ax.text(5, rows + 0.55, f"filter shape [h, w, out_channels, in_channels] = [{kernel}, {kernel}, {out_ch}, {in_ch}]"
            f": one {kernel}×{kernel} slice per (output, input) pair", ha="center", fontsize=9)
    return figure_png(fig)
