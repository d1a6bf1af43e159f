"""Compile (or load from the Numba cache) every kernel once per server process.

Every page calls :func:`warm_kernels` near its top, so whichever page a visitor opens first (a
shared link goes straight to a page, not to ``app.py``) shows one spinner while the kernels
compile, and every later rerun, session and page finds them ready.
"""
import streamlit as st

from convt import kernels


@st.cache_resource(show_spinner="Preparing the convolution kernels (first visit after a restart only)…")
def warm_kernels() -> bool:
    """Run :func:`convt.kernels.warm_up` once per process; cached, so later calls cost nothing."""
    kernels.warm_up()
    return True
