"""Readability: a "large type" switch for projectors and small-screen tweaks for phones.

The CSS below is this module's own constant text; no user text ever goes through
``unsafe_allow_html``.
"""
import streamlit as st

from lab.url_state import escape_markdown as md  # noqa: F401 - the one escaping for user text (links too)

LARGE_TYPE_CSS = """
<style>
.stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer label,
.stMainBlockContainer [data-testid="stMarkdownContainer"] p { font-size: 1.35rem !important; line-height: 1.5; }
.stMainBlockContainer h1 { font-size: 3rem !important; }
.stMainBlockContainer h2 { font-size: 2.3rem !important; }
.stMainBlockContainer h3 { font-size: 1.9rem !important; }
.stMainBlockContainer code, .stMainBlockContainer pre { font-size: 1.15rem !important; }
.stMainBlockContainer input, .stMainBlockContainer button p { font-size: 1.25rem !important; }
</style>
"""

PHONE_CSS = """
<style>
@media (max-width: 640px) {
  .stMainBlockContainer { padding-left: 0.6rem !important; padding-right: 0.6rem !important; }
  .stMainBlockContainer pre { white-space: pre-wrap !important; word-break: break-word; }
}
</style>
"""


def readability(key: str, default: bool = False) -> bool:
    """A sidebar "Large type" toggle (keyed per page); injects the CSS. Returns whether it is on."""
    if key not in st.session_state:
        st.session_state[key] = default
    large = st.sidebar.toggle("Large type (projector)", key=key,
                              help="Bigger text and figures for a projector or a small screen.")
    st.markdown(PHONE_CSS + (LARGE_TYPE_CSS if large else ""), unsafe_allow_html=True)
    return large

