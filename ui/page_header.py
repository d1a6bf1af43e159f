"""The opening every page shares: read the link, warm the kernels, large type, title, link notes."""
from typing import Callable, Dict, Optional

import streamlit as st

from lab.url_state import Param
from ui.style import readability
from ui.url_sync import notes as url_notes, url_in, url_out
from ui.warmup import warm_kernels

LARGE_TYPE = Param(bool, False, label="large type switch")


def _with_large_type(schema: Dict[str, Param]) -> Dict[str, Param]:
    return {**schema, "big": LARGE_TYPE}


def page_header(page: str, schema: Dict[str, Param], load: Callable[[Dict[str, object], bool], None],
                title: str, caption: str, extra_notes_key: Optional[str] = None) -> bool:
    """Sets widget state from the URL (``big=1`` turns large type on), then draws the header;
    returns whether large type is on.

    ``extra_notes_key`` names a session-state list of notes the page's ``load`` left about the link.
    """
    big_key = f"{page}_big"

    def load_with_large_type(values, only_missing):
        load(values, only_missing)
        if not only_missing or big_key not in st.session_state:
            st.session_state[big_key] = bool((values or {}).get("big", False))

    url_in(page, _with_large_type(schema), load_with_large_type)
    warm_kernels()
    large = readability(big_key)
    st.title(title)
    st.caption(caption)
    notes = url_notes(page) + (st.session_state.get(extra_notes_key, []) if extra_notes_key else [])
    for note in notes:
        st.warning("Link parameter ignored: " + note, icon="⚠️")
    return large


def share_state(page: str, schema: Dict[str, Param], values: Dict[str, object], large: bool, keep=()) -> bool:
    """Writes the page's state, large type included, to the URL (see ``ui.url_sync.url_out``)."""
    return url_out(page, _with_large_type(schema), {**values, "big": large}, keep)
