"""Every run goes through app.py's ``st.navigation``, even a fresh server's very first one.

Streamlit 1.67 decides at its first session whether the app is a v1 "``pages/`` folder" app
(``PagesManager.uses_pages_directory``: true because ``pages/`` exists) and only a call to
``st.navigation`` clears that. So when a freshly (re)started server's first request is a deep link
such as ``/Gradient``, Streamlit runs ``pages/5_Gradient.py`` on its own and builds the sidebar from
the folder: the first entry is named after the file, "app", and no label is translated — until
someone opens ``/``. A page that finds itself run that way on a session's first run switches the
flag off and reruns: the rerun keeps the page and the query string and goes through app.py, which
names every page. Only on the first run, when no click can be waiting (a rerun would drop it):
Streamlit's AppTest resets the flag before every run.
"""
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def run_through_app() -> None:
    """Rerun through app.py when Streamlit ran this page in ``pages/``-folder mode."""
    if PagesManager.uses_pages_directory and not st.session_state.get("_nav_through_app"):
        st.session_state["_nav_through_app"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()
