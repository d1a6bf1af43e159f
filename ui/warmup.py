"""Compile (or load from the Numba cache) the kernels the app runs once per server process.

That is ``convt.kernels``' direct loops (``kernels.warm_up()``): every array the pages compute is
below the size at which a call goes to ``convt.fast``, so the app never compiles or loads that.

Every page calls :func:`warm_kernels` near its top, so whichever page a visitor opens first (a
shared link goes straight to a page, not to ``app.py``) starts the compilation, and every later
rerun, session and page finds the kernels ready.

- Pages that run kernels call ``warm_kernels()``: it waits, behind a spinner, until the kernels
  are ready (seconds on a cold start, instant afterwards).
- Pages that never run a kernel (the shape explorer, the error decoder) call
  ``warm_kernels(wait=False)``: the compilation starts in a background thread and the page draws
  at once. A class opening the seed link on a freshly woken app sees the explorer in about two
  seconds instead of waiting for the compiler, and the animation pages are ready by the time
  anyone goes there.
"""
from concurrent.futures import Future, ThreadPoolExecutor

import streamlit as st

from convt import kernels

SPINNER = "Preparing the convolution kernels (first visit after a restart only)…"


@st.cache_resource(show_spinner=False)
def _warm_up_started() -> Future:
    """One background compilation per process (st.cache_resource: shared by every session)."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="convt-warm-up")
    future = pool.submit(kernels.warm_up)
    pool.shutdown(wait=False)
    return future


def warm_kernels(wait: bool = True) -> bool:
    """Start the once-per-process kernel warm-up; with ``wait``, block (with a spinner) until done.

    Returns whether the kernels are ready. A failed warm-up is raised only to pages that wait
    (they are the ones that would fail anyway); the others carry on.
    """
    future = _warm_up_started()
    if not wait:
        return future.done() and future.exception() is None
    if not future.done():
        with st.spinner(SPINNER):
            future.result()
    else:
        future.result()
    return True
