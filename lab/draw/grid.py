"""Grids of numbered cells, side by side, composited fast enough for ~10 ms a frame, at any scale.

How a frame is made (rendering every cell's ``Text`` through matplotlib costs ~0.4 ms a cell, far
too slow for 200-cell frames, so the work is split):

- the *static layer* (white page, title line, panel titles) is drawn once per animation with a
  matplotlib ``Figure`` (OO API, Agg canvas, never pyplot);
- per frame, cell colours are filled with NumPy, grid lines and outline boxes are drawn with NumPy,
  and cell numbers and captions are pasted as glyph bitmaps rasterised by matplotlib's own
  FreeType wrapper (``matplotlib.ft2font``), cached per string.

:class:`Canvas` lays panels out in pixels; :class:`GridPanel` is one grid (``paint`` its colours,
``label`` its cells, ``box`` an outline). ``scale`` draws the same layout N× larger (cells, lines,
fonts; crisp, not an upscaled bitmap) for slides and projectors; text containing CJK characters is
set in a CJK font (Noto Sans CJK SC when installed; DejaVu, with boxes for CJK, when not).
"""
from __future__ import annotations

import math
import re
import unicodedata
import warnings
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import LoadFlags

from lab.draw.fonts import CJK_PATH, FONTS

DPI = 100
MAX_WIDTH_PX = 1300  # narrow enough that Streamlit never resizes (and de-animates) a GIF
MAX_HEIGHT_PX = 900
MIN_WIDTH_PX = 720
MAX_CELL_PX = 36
MIN_CELL_PX = 3
MIN_NUMBERED_CELL_PX = 14  # below this, cells show colours only
MARGIN = 12
HEADER_PX = 26
TITLE_PX = 34  # two lines of panel title
GAP_PX = 26
CAPTION_LINE_PX = 19
CAPTION_LINES = 2   # a step's description under the panels; longer ones end in an ellipsis

# Colours (RGB 0..255). The pages show a legend naming them.
WHITE = (255, 255, 255)
PADDING = (222, 222, 222)
PADDING_LIT = (170, 170, 170)
DATA = (207, 226, 247)
DATA_DONE = (180, 205, 230)
DATA_LIT = (120, 170, 225)
INSERTED = (255, 242, 204)
INSERTED_LIT = (215, 195, 130)
KERNEL = (252, 224, 197)
KERNEL_LIT = (245, 166, 95)
OUT_FILLED = (213, 236, 212)
OUT_LIT = (132, 196, 112)
OUT_DROPPED = (190, 190, 190)
TOUCHED = (232, 245, 231)
MATRIX_NZ = (252, 224, 197)
MATRIX_LIT = (245, 166, 95)
GRID_LINE = (150, 150, 150)
TEXT = (17, 17, 17)
WINDOW = (211, 84, 0)
CROP = (30, 123, 52)
DARK = (60, 60, 60)

MIN_SCALE, MAX_SCALE = 0.5, 4.0

SANS = findfont(FontProperties(family="DejaVu Sans"))
MONO = findfont(FontProperties(family="DejaVu Sans Mono"))
CJK = CJK_PATH
# Without the CJK font, Chinese text is drawn as boxes: say so once in the docs, not once per string.
warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning, r"lab\.draw\.grid")
FIGURE_FAMILIES = FONTS  # matplotlib falls back per glyph


def is_wide(ch: str) -> bool:
    """A character set a full em wide (CJK ideographs, kana, full-width punctuation)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def has_cjk(s: str) -> bool:
    return any(is_wide(ch) for ch in s)


def em_width(s: str, latin_em: float) -> float:
    """Width of ``s`` in ems: ``latin_em`` a narrow character, 1 a wide one."""
    return sum(1.0 if is_wide(ch) else latin_em for ch in s)


def wrap(line: str, width_em: float, latin_em: float) -> List[str]:
    """``line`` broken into lines at most ``width_em`` wide, at spaces or between wide characters
    (Chinese has no spaces); a Latin word is never split."""
    out, cur = [], ""
    for tok in _TOKENS.findall(line):
        if not cur or em_width(cur + tok, latin_em) <= width_em:
            cur += tok
        else:
            out.append(cur.rstrip())
            cur = "" if tok.isspace() else tok
    return out + [cur.rstrip()]


_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKENS = re.compile(rf"\s+|[^\s{_WIDE}]+|[{_WIDE}]")


def _rasterise(s: str, size_pt: float, mono: bool = False) -> np.ndarray:
    """Coverage bitmap (uint8, h x w) of ``s`` at ``size_pt`` points, 100 dpi; CJK characters from
    the CJK font, the rest from DejaVu."""
    latin = MONO if mono else SANS
    font = get_font([latin, CJK] if CJK and has_cjk(s) else latin)
    font.clear()
    font.set_size(size_pt, DPI)
    font.set_text(s, 0.0, flags=LoadFlags.FORCE_AUTOHINT)
    font.draw_glyphs_to_bitmap(antialiased=True)
    cov = np.asarray(font.get_image(), dtype=np.uint8).copy()
    cov.flags.writeable = False
    return cov


# Cell numbers and titles are short and come back every frame; caption lines are long (a 3× line is
# ~0.2 MB) and each belongs to one step, so they get a cache of their own, a small one.
glyphs = lru_cache(maxsize=8192)(_rasterise)
caption_glyphs = lru_cache(maxsize=256)(_rasterise)


def blend(img: np.ndarray, y: int, x: int, cov: np.ndarray, color=TEXT):
    """Paint ``color`` through coverage ``cov`` (uint8) at ``(y, x)`` (clipped to the image)."""
    h, w = cov.shape
    H, W = img.shape[:2]
    y0, x0, y1, x1 = max(y, 0), max(x, 0), min(y + h, H), min(x + w, W)
    if y1 <= y0 or x1 <= x0:
        return
    a = cov[y0 - y:y1 - y, x0 - x:x1 - x, None] * np.float32(1 / 255)
    reg = img[y0:y1, x0:x1, :3]
    reg[...] = (reg * (1 - a) + np.asarray(color, np.float32) * a).astype(np.uint8)


def rect_outline(img: np.ndarray, y0: int, x0: int, y1: int, x1: int, color, lw: int = 3, dash: int = 0):
    """Outline of the pixel box ``[y0, y1) x [x0, x1)``, ``lw`` px thick, drawn inside and out."""
    H, W = img.shape[:2]
    h = lw // 2
    ys, ye = max(y0 - h, 0), min(y1 + lw - h, H)
    xs, xe = max(x0 - h, 0), min(x1 + lw - h, W)
    col = np.asarray(color, np.uint8)

    def hline(y):
        a, b = max(y - h, 0), min(y - h + lw, H)
        seg = img[a:b, xs:xe, :3]
        if dash:
            m = ((np.arange(xs, xe) // dash) % 2) == 0
            seg[:, m] = col
        else:
            seg[...] = col

    def vline(x):
        a, b = max(x - h, 0), min(x - h + lw, W)
        seg = img[ys:ye, a:b, :3]
        if dash:
            m = ((np.arange(ys, ye) // dash) % 2) == 0
            seg[m, :] = col
        else:
            seg[...] = col

    hline(y0)
    hline(y1)
    vline(x0)
    vline(x1)


class GridPanel:
    """A ``rows x cols`` grid of ``cell``-pixel cells with its top-left corner at ``(y0, x0)``;
    ``scale`` thickens lines and outlines with the cells."""

    def __init__(self, y0: int, x0: int, rows: int, cols: int, cell: int, title: str, numbers: bool,
                 scale: float = 1.0):
        self.y0, self.x0, self.rows, self.cols, self.cell, self.title = y0, x0, rows, cols, cell, title
        self.numbers, self.scale = numbers, scale
        self.colors = np.full((rows, cols, 3), 255, dtype=np.uint8)
        self.labels: List[List[str]] | None = None
        self.boxes: Dict[str, Tuple] = {}
        self.font_pt = cell * 0.40 * 72 / DPI

    def px(self, v: float) -> int:
        """``v`` pixels of the 1× drawing at this scale (at least 1)."""
        return max(1, int(round(v * self.scale)))

    def paint(self, colors: np.ndarray):
        self.colors = np.asarray(colors, dtype=np.uint8)

    def label(self, labels: Sequence[Sequence[str]]):
        self.labels = [list(r) for r in labels]

    def box(self, name: str, r0: int, c0: int, h: int, w: int, color=WINDOW, lw: int = 3, dash: int = 0,
            visible: bool = True):
        """Outline ``name`` around cells ``[r0, r0+h) x [c0, c0+w)`` (kept until moved or hidden);
        ``lw`` and ``dash`` in 1× pixels."""
        self.boxes[name] = (r0, c0, h, w, color, lw, dash, visible)

    def hide(self, name: str):
        if name in self.boxes:
            self.boxes[name] = self.boxes[name][:7] + (False,)

    def _cell_glyphs(self, s: str) -> np.ndarray:
        pt = self.font_pt
        cov = glyphs(s, round(pt, 1), False)
        while cov.shape[1] > self.cell - self.px(3) and pt > 4:
            pt *= 0.85
            cov = glyphs(s, round(pt, 1), False)
        return cov

    def draw(self, img: np.ndarray):
        c, y0, x0 = self.cell, self.y0, self.x0
        c1 = c / self.scale  # the 1× cell decides which lines are drawn, so every scale looks alike
        h, w = self.rows * c, self.cols * c
        img[y0:y0 + h, x0:x0 + w, :3] = np.repeat(np.repeat(self.colors, c, axis=0), c, axis=1)
        t = self.px(1)
        line = np.asarray(GRID_LINE if c1 >= 10 else (205, 205, 205), np.uint8)
        if c1 >= 7:  # inner grid lines only where they do not swamp the cells
            for k in range(t):
                img[y0 + np.arange(self.rows + 1) * c - (k + 1 if self.rows else 0), x0:x0 + w + t, :3] = line
                img[y0:y0 + h, x0 + np.arange(self.cols + 1) * c - k - 1, :3] = line
        line = np.asarray(GRID_LINE, np.uint8)
        img[y0 + h - t:y0 + h, x0:x0 + w, :3] = line
        img[y0:y0 + t, x0:x0 + w, :3] = line
        img[y0:y0 + h, x0:x0 + t, :3] = line
        if self.numbers and self.labels is not None:
            for r, row in enumerate(self.labels):
                cy = y0 + r * c + c // 2
                for col, s in enumerate(row):
                    if not s:
                        continue
                    cov = self._cell_glyphs(s)
                    blend(img, cy - cov.shape[0] // 2, x0 + col * c + (c - cov.shape[1]) // 2, cov)
        for r0, c0, bh, bw, color, lw, dash, vis in self.boxes.values():
            if vis:
                rect_outline(img, y0 + r0 * c, x0 + c0 * c, y0 + (r0 + bh) * c - 1, x0 + (c0 + bw) * c - 1,
                             color, self.px(lw), self.px(dash) if dash else 0)


def _title_width_px(title: str, title_pt: float) -> int:
    """Width of a (multi-line) panel title at 1×, CJK lines counted a full em a character."""
    em = title_pt * DPI / 72
    return math.ceil(max(em_width(line, 0.56) for line in title.split("\n")) * em)


class Canvas:
    """Panels side by side under a header line, with caption lines below (``captions=False``: none,
    for a player that writes the step's whole description as text under the frame).

    The layout (cell size, which cells are numbered) is decided at 1×; ``scale`` then multiplies every
    length, so an N× frame is the 1× frame drawn N× larger."""

    def __init__(self, panels: Sequence[Tuple[int, int, str]], numbers: bool = True, captions: bool = True,
                 scale: float = 1.0):
        if not MIN_SCALE <= scale <= MAX_SCALE:
            raise ValueError(f"scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}, not {scale:g}")
        self.scale = scale
        n = len(panels)
        max_rows = max(r for r, _, _ in panels)
        sum_cols = sum(c for _, c, _ in panels)
        top = MARGIN + HEADER_PX + TITLE_PX
        bottom = CAPTION_LINES * CAPTION_LINE_PX + MARGIN + 8   # the layout always leaves room for captions,
        caption_lines = CAPTION_LINES if captions else 0         # so the page's frames and a GIF's are alike
        cell = min(MAX_CELL_PX,
                   (MAX_WIDTH_PX - 2 * MARGIN - GAP_PX * (n - 1)) // max(sum_cols, 1),
                   (MAX_HEIGHT_PX - top - bottom) // max(max_rows, 1))
        cell = max(MIN_CELL_PX, int(cell))
        self.title_pt = 10.0
        title_w = [_title_width_px(title, self.title_pt) for _, _, title in panels]

        def lay_out(c, k=1):  # x of every panel and the right edge, at cell size c, lengths times k
            xs, x = [], _px(MARGIN, k)
            for (_, cols, _), tw in zip(panels, title_w):
                xs.append(x)
                x += max(cols * c, _px(tw, k)) + _px(GAP_PX, k)
            return xs, x - _px(GAP_PX, k) + _px(MARGIN, k)

        xs, right = lay_out(cell)
        while right > MAX_WIDTH_PX and cell > MIN_CELL_PX:  # titles wider than their grids
            cell -= 1
            xs, right = lay_out(cell)
        self.numbers = numbers and cell >= MIN_NUMBERED_CELL_PX
        self.cell_px = _px(cell, scale)
        xs, right = lay_out(self.cell_px, scale)
        top = _px(top, scale)
        self.panels: List[GridPanel] = [GridPanel(top, x0, rows, cols, self.cell_px, title, self.numbers, scale)
                                        for x0, (rows, cols, title) in zip(xs, panels)]
        width = max(_px(MIN_WIDTH_PX, scale), right)
        height = top + max_rows * self.cell_px + _px(bottom - (CAPTION_LINES - caption_lines) * CAPTION_LINE_PX, scale)
        self.size = (width + width % 2, height + height % 2)
        self.caption_pt = 10.5 * scale
        self.caption_lines = caption_lines
        self.caption_em = (self.size[0] - 2 * _px(MARGIN, scale)) / (self.caption_pt * DPI / 72)
        self.header = ""
        self.captions: List[str] = []
        self._static = None

    def set_header(self, s: str):
        self.header = s
        self._static = None

    def set_caption(self, lines: Sequence[str]):
        """Caption lines, wrapped to the width; whatever does not fit ends in an ellipsis."""
        out: List[str] = []
        for line in lines:
            out += wrap(line, self.caption_em, MONO_EM)
        if not self.caption_lines:
            out = []
        elif len(out) > self.caption_lines:
            out = out[: self.caption_lines]
            last = out[-1]
            while last and em_width(last + "…", MONO_EM) > self.caption_em:
                last = last[:-1]
            out[-1] = last + "…"
        self.captions = out

    def static_layer(self) -> np.ndarray:
        """White page, header and panel titles (drawn once per layout with a matplotlib Figure)."""
        if self._static is None:
            titles = tuple((p.x0, p.y0, p.title) for p in self.panels)
            draw = _static_layer if self.scale == 1 else _static_layer.__wrapped__  # big layers: not kept
            self._static = draw(self.size, self.header, titles, self.title_pt, self.scale)
        return self._static

    def rgba(self) -> np.ndarray:
        img = self.static_layer().copy()
        for p in self.panels:
            p.draw(img)
        line_px = _px(CAPTION_LINE_PX, self.scale)
        y = self.panels[0].y0 + max(p.rows for p in self.panels) * self.cell_px + _px(10, self.scale)
        for line in self.captions:
            cov = caption_glyphs(line, self.caption_pt, True)
            blend(img, y + (line_px - cov.shape[0]) // 2, _px(MARGIN, self.scale), cov)
            y += line_px
        out = np.empty(img.shape[:2] + (4,), dtype=np.uint8)
        out[..., :3] = img
        out[..., 3] = 255
        return out


MONO_EM = 0.602  # DejaVu Sans Mono's advance, in ems


def _px(v: float, scale: float) -> int:
    return int(round(v * scale))


@lru_cache(maxsize=64)
def _static_layer(size: Tuple[int, int], header: str, titles: Tuple[Tuple[int, int, str], ...],
                  title_pt: float, scale: float = 1.0) -> np.ndarray:
    """The static layer as a read-only RGB array, shared by every animator with this layout."""
    W, H = size
    fig = Figure(figsize=(W / DPI, H / DPI), dpi=DPI, facecolor="white")
    agg = FigureCanvasAgg(fig)
    margin = _px(MARGIN, scale)
    text = fig.text(margin / W, 1 - (margin + _px(HEADER_PX, scale) / 2) / H, header, fontsize=11.5 * scale,
                    weight="bold", va="center", ha="left", family=FIGURE_FAMILIES)
    renderer = agg.get_renderer()
    while text.get_window_extent(renderer).width > W - 2 * margin and text.get_fontsize() > 7 * scale:
        text.set_fontsize(text.get_fontsize() - 0.5 * scale)  # small layouts: shrink the header until it fits
    for x0, y0, title in titles:
        fig.text(x0 / W, 1 - (y0 - _px(4, scale)) / H, title, fontsize=title_pt * scale, va="bottom", ha="left",
                 linespacing=1.15, family=FIGURE_FAMILIES)
    agg.draw()
    img = np.asarray(agg.buffer_rgba())[..., :3].copy()
    img.flags.writeable = False
    return img


def fill(shape, color) -> np.ndarray:
    a = np.empty(tuple(shape) + (3,), dtype=np.uint8)
    a[...] = color
    return a


def labels_of(values: np.ndarray, mask: np.ndarray | None = None) -> List[List[str]]:
    """Cell texts: integers without a decimal point; blank where ``mask`` is False."""
    from convt.trace import fmt

    out = []
    for r in range(values.shape[0]):
        row = []
        for c in range(values.shape[1]):
            row.append(fmt(values[r, c]) if mask is None or mask[r, c] else "")
        out.append(row)
    return out
