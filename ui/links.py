"""Links to pages that may not exist yet: other pages are written in parallel, and
``st.page_link`` to a missing file raises, so look the page up by a word in its file name."""
from pathlib import Path
from typing import Optional

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


def find_page(word: str) -> Optional[str]:
    """``pages/<n>_<Name>.py`` whose name contains ``word`` (case-insensitive), or None."""
    for path in sorted(PAGES_DIR.glob("*.py")):
        if word.lower() in path.stem.lower():
            return f"pages/{path.name}"
    return None


def page_link(word: str, label: str, icon: Optional[str] = None, query_params=None) -> None:
    page = find_page(word)
    if page is None:
        st.caption(f"{label} (page coming soon)")
        return
    st.page_link(page, label=label, icon=icon, query_params=query_params)
