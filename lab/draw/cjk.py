"""Text in the figures in the person's language: a CJK-capable font for Chinese (``fonts-noto-cjk``;
packages.txt), and the default font when it is missing — English-only glyphs, never an error."""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List

from matplotlib import font_manager

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC")


@lru_cache(maxsize=None)
def _installed_cjk() -> List[str]:
    names = {f.name for f in font_manager.fontManager.ttflist}
    return [family for family in CJK_FAMILIES if family in names]


def text_rc(lang: str) -> Dict[str, object]:
    """rcParams for ``matplotlib.rc_context`` while a figure's texts are created (each text keeps
    the family list it was made with; a generic name like "sans-serif" would be looked up only when
    the figure is saved, after the context has ended)."""
    if lang == "en" or not _installed_cjk():
        return {}
    return {"font.family": [*_installed_cjk(), "DejaVu Sans"]}
