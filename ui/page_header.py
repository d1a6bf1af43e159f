"""The opening every page shares: read the link, warm the kernels, large type, title, link notes."""
from typing import Callable, Dict, Optional

import streamlit as st

from convt.url_state import Param
from ui.style import readability
from ui.url_sync import notes as url_notes, url_in
from ui.warmup import warm_kernels


def page_header(page: str, schema: Dict[str, Param], load: Callable[[Dict[str, object], bool], None],
                title: str, caption: str, extra_notes_key: Optional[str] = None) -> bool:
    """Sets widget state from the URL, then draws the header; returns whether large type is on.

    ``extra_notes_key`` names a session-state list of notes the page's ``load`` left about the link.
    """
    url_in(page, schema, load)
    warm_kernels()
    large = readability(f"{page}_big")
    st.title(title)
    st.caption(caption)
    notes = url_notes(page) + (st.session_state.get(extra_notes_key, []) if extra_notes_key else [])
    for note in notes:
        st.warning("Link parameter ignored: " + note, icon="⚠️")
    return large
