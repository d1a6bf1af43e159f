"""The opening every page shares: read the link into the widgets, warm the kernels, large type,
title, caption, and the link's notes. Every page is header → model → view::

    large = page_header("gr", GradientConfig, "∇ Title", "caption")   # header
    ... widgets; state = read_widgets(...); write_link("gr", state, large) ...
    ... results = lab.<model>(state) ...                              # model
    ... st.* calls that show them ...                                  # view
"""
from typing import Any, Optional, Type

import streamlit as st

from ui.binder import Load, read_link
from ui.style import readability
from ui.warmup import warm_kernels


def page_header(page: str, cls: Type[Any], title: str, caption: str, load: Optional[Load] = None,
                wait: bool = True) -> bool:
    """Sets the widgets from the link (``big=1`` turns large type on), then draws the header; returns
    whether large type is on. ``wait=False`` for pages that run no kernel (the compile goes on in the
    background)."""
    notes = read_link(page, cls, load)
    warm_kernels(wait=wait)
    large = readability(f"{page}_big")
    st.title(title)
    if caption:
        st.caption(caption)
    for note in notes:
        st.warning("Link parameter ignored: " + note, icon="⚠️")
    return large
