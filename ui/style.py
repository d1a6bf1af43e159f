"""Readability: presentation mode's large type for projectors and small-screen tweaks for phones.

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
/* a slider's value sits just above its thumb: large type there would cover the thumb */
.stMainBlockContainer [data-testid="stSliderThumbValue"] p,
.stMainBlockContainer [data-testid="stSliderTickBar"] p { font-size: 1rem !important; line-height: 1.1 !important; }
.stMainBlockContainer [data-testid="stSlider"] [role="group"] { padding-top: 0.6rem; }
/* the figure gets the width: narrow side margins, less room above the title */
.stMainBlockContainer { padding-left: 1.5rem !important; padding-right: 1.5rem !important;
                        padding-top: 2.5rem !important; max-width: none !important; }
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


def apply_style(present: bool) -> None:
    """Phone tweaks always; presentation mode's large type when on."""
    st.markdown(PHONE_CSS + (LARGE_TYPE_CSS if present else ""), unsafe_allow_html=True)
