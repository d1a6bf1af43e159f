"""The opening every page shares: the person's prefs (language, presentation mode, prompts), the
link into the widgets, the kernels warmed, the title, caption and the link's notes. Every page is
header → model → view::

    present = page_header("gr", GradientConfig, "∇ Title", "caption")   # header
    ... widgets; state = read_widgets(...); write_link("gr", state) ...
    ... results = lab.<model>(state) ...                                 # model
    ... st.* calls that show them ...                                     # view

Titles and captions are English and translated here (``ui.prefs._``).
"""
from typing import Any, Optional, Type

import streamlit as st

from ui import prefs
from ui.binder import Load, read_link
from ui.navigation import run_through_app
from ui.prefs import _
from ui.style import apply_style
from ui.warmup import warm_kernels


def page_header(page: str, cls: Type[Any], title: str, caption: str, *, tab: str,
                load: Optional[Load] = None, wait: bool = True) -> bool:
    """Sets the prefs and widgets from the link, then draws the sidebar switches and the header;
    returns whether presentation mode is on (figures then drawn large). ``tab`` names the page in
    the browser's tab (in the person's language; the icon is the title's first character).
    ``wait=False`` for pages that run no kernel (the compile goes on in the background)."""
    run_through_app()
    prefs.read_url()
    st.set_page_config(page_title=f"{_(tab)} · convt", page_icon=title.split()[0], layout="wide")
    notes = read_link(page, cls, load)
    warm_kernels(wait=wait)
    present = prefs.sidebar_controls().present
    apply_style(present)
    st.title(_(title))
    if caption:
        st.caption(_(caption))
    for note in notes:
        st.warning(_("Link parameter ignored: {note}", note=note), icon="⚠️")
    return present
