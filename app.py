"""convt, the transposed-convolution lab: the entry point.

Home is the guided walkthrough of the seed's five points (ui.home_page); the other pages live in
pages/ and are listed here, so the sidebar names every page (Home included) and keeps their URLs.
"""
import streamlit as st

from ui.home_page import main as home

PAGES = [
    st.Page(home, title="Home", default=True),
    st.Page("pages/1_Forward_convolution.py", title="Forward convolution", url_path="Forward_convolution"),
    st.Page("pages/2_Transposed_convolution.py", title="Transposed convolution",
            url_path="Transposed_convolution"),
    st.Page("pages/3_Shape_explorer.py", title="Shape explorer", url_path="Shape_explorer"),
    st.Page("pages/4_Error_decoder.py", title="Error decoder", url_path="Error_decoder"),
    st.Page("pages/5_Gradient.py", title="Gradient", url_path="Gradient"),
    st.Page("pages/6_Checkerboard_artifacts.py", title="Checkerboard artifacts", url_path="Checkerboard_artifacts"),
    st.Page("pages/7_Encoder_decoder.py", title="Encoder decoder", url_path="Encoder_decoder"),
    st.Page("pages/8_Translator.py", title="Translator", url_path="Translator"),
]

st.navigation(PAGES).run()
