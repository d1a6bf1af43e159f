"""Shared Streamlit helpers for the app's pages.

Streamlit may be imported here (never in ``convt/``, which stays usable from a notebook). This is a
package and not a module in ``pages/`` because Streamlit lists every ``pages/*.py`` file as a page.
"""
