"""The misconceptions page body: each trap of ``lab.traps`` as claim → its controls → a prediction →
the counter-example on the learner's numbers → the page that goes deeper (same tab)."""
from typing import Tuple

import numpy as np
import streamlit as st

from lab import traps as T
from lab.url_state import schema
from ui.links import page_link
from ui.predict import ask
from ui.prefs import _
from ui.style import md

PAGE = "tp"
SCHEMA = schema(T.TrapsState)
CONTROL_LABELS = {"in": "Input size", "k": "Kernel size", "s": "Stride", "p": "padding", "op": "output_padding"}


def control_label(key: str) -> str:
    """``pad_k`` → 'Kernel size': every trap names its controls the same way."""
    return CONTROL_LABELS[key.split("_", 1)[1]]


@st.cache_data(max_entries=256, show_spinner=False)
def _outcome(key: str, values: Tuple[Tuple[str, int], ...]) -> T.Outcome:
    """One trap's outcome depends only on its own controls (the others do not bust the cache)."""
    trap = next(t for t in T.TRAPS if t.key == key)
    return trap.compute(T.TrapsState(**dict(values)))


def _line(line: T.Line) -> str:
    return md(_(line.template, **dict(line.fields)))


def grid_text(a: np.ndarray) -> str:
    """A matrix as right-aligned columns (integers without '.0'): readable at any size, where a
    dataframe hides the columns past its width."""
    whole = np.all(np.isfinite(a)) and np.all(a == np.round(a))
    cells = [[str(int(v)) if whole else f"{v:.3g}" for v in row] for row in a]
    width = max(len(c) for row in cells for c in row)
    return "\n".join(" ".join(c.rjust(width) for c in row) for row in cells)


def _controls(trap: T.Trap) -> None:
    n = len(trap.controls)
    cols = st.columns([1] * n + ([4 - n] if n < 4 else []))   # one spacer: an empty column stacks as a gap on a phone
    for col, key in zip(cols, trap.controls):
        p = SCHEMA[key]
        col.number_input(_(control_label(key)), int(p.min), int(p.max), step=1, key=f"{PAGE}_{key}")


def _refused(message: str) -> None:
    text, _sep, why = message.partition("\n\n")
    st.error(_("The framework refuses this configuration. Its own message:"), icon="⛔")
    st.code(text, language=None, wrap_lines=True)
    if why:
        st.markdown(md(_(why)))


def show_trap(number: int, trap: T.Trap, state: T.TrapsState) -> None:
    with st.container(border=True, key=f"trap_{trap.key}"):
        st.subheader(f"{number}. “{_(trap.claim)}”")
        _controls(trap)
        out = _outcome(trap.key, tuple((key, getattr(state, key)) for key in trap.controls))
        if out.error is not None:
            _refused(out.error)
        elif ask(out.question, out.label if out.labels else None):
            st.markdown(f"**{_(trap.truth)}**")
            for line in out.facts:
                st.markdown(_line(line))
            if out.arrays:
                for col, (caption, a) in zip(st.columns(len(out.arrays)), out.arrays):
                    col.caption(_line(caption))
                    col.code(grid_text(a), language=None)
        page_link(trap.page, _(trap.page_label), icon="🔍", query_params=trap.page_params(state) or None)


def show(state: T.TrapsState) -> None:
    for number, trap in enumerate(T.TRAPS, 1):
        show_trap(number, trap, state)
