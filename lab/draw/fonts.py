"""Fonts for the pictures' words in the person's language: Latin glyphs from DejaVu Sans
(matplotlib's own), Chinese ones from Noto Sans CJK SC (``fonts-noto-cjk``: ``.ci/run``,
``packages.txt``). matplotlib falls back glyph by glyph along a family list, so mixed text renders;
without the CJK font Chinese is drawn as boxes and nothing fails."""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from matplotlib.font_manager import FontProperties, findfont

LATIN = "DejaVu Sans"
CJK_FONT = "Noto Sans CJK SC"


def _cjk_path() -> Optional[str]:
    try:
        return findfont(FontProperties(family=CJK_FONT), fallback_to_default=False)
    except ValueError:
        return None


CJK_PATH = _cjk_path()   # the font file (the frame renderer sets glyphs through FreeType itself)
FONTS = [LATIN, CJK_FONT] if CJK_PATH else [LATIN]


def font_family(lang: str) -> Tuple[str, ...]:
    """The family list for a text in ``lang`` (English: DejaVu alone)."""
    return (LATIN,) if lang == "en" else tuple(FONTS)


def text_rc(lang: str) -> Dict[str, object]:
    """rcParams for ``matplotlib.rc_context`` while a figure's texts are created: each text keeps
    the family list it was made with (a generic "sans-serif" would be looked up only when the figure
    is saved, after the context has ended)."""
    return {"font.family": list(font_family(lang))}
