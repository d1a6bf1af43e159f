"""convt, the transposed-convolution lab: the entry point.

Home is the guided walkthrough of the seed's five points (ui.home_page); the other pages live in
pages/ and are listed here, so the sidebar names every page (Home included), in the person's
language, and keeps their URLs.
"""
import streamlit as st

from ui import prefs
from ui.home_page import main as home
from ui.prefs import _

prefs.read_url()  # the language of the link, before the sidebar names the pages

PAGES = [
    st.Page(home, title=_("Home"), default=True),
    st.Page("pages/1_Forward_convolution.py", title=_("Forward convolution"), url_path="Forward_convolution"),
    st.Page("pages/2_Transposed_convolution.py", title=_("Transposed convolution"),
            url_path="Transposed_convolution"),
    st.Page("pages/3_Shape_explorer.py", title=_("Shape explorer"), url_path="Shape_explorer"),
    st.Page("pages/4_Error_decoder.py", title=_("Error decoder"), url_path="Error_decoder"),
    st.Page("pages/5_Gradient.py", title=_("Gradient"), url_path="Gradient"),
    st.Page("pages/6_Checkerboard_artifacts.py", title=_("Checkerboard artifacts"), url_path="Checkerboard_artifacts"),
    st.Page("pages/7_Encoder_decoder.py", title=_("Encoder decoder"), url_path="Encoder_decoder"),
    st.Page("pages/8_Translator.py", title=_("Translator"), url_path="Translator"),
    st.Page("pages/9_Misconceptions.py", title=_("Misconceptions"), url_path="Misconceptions"),
]

st.navigation(PAGES).run()
