"""Fonts for figures with Chinese labels: Latin glyphs from DejaVu Sans (matplotlib's own), Chinese
ones from Noto Sans CJK SC (fonts-noto-cjk). Without the CJK font matplotlib warns and draws boxes;
nothing fails."""
from matplotlib import font_manager

CJK_FONT = "Noto Sans CJK SC"
FONTS = ["DejaVu Sans", CJK_FONT] if any(f.name == CJK_FONT for f in font_manager.fontManager.ttflist) \
    else ["DejaVu Sans"]
