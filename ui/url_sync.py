"""Keep a page's widgets and ``st.query_params`` in step, through :mod:`lab.url_state`.

A page calls :func:`url_in` before creating its widgets and :func:`url_out` after reading them::

    notes = url_in("ex", SCHEMA, load)     # load(values, only_missing) sets widget keys
    ... widgets (keyed, no value=) ...
    url_out("ex", SCHEMA, values)          # writes the URL; returns whether notes still apply

* The URL is read when it changed from what the page last wrote (a link was opened, a page link
  with ``query_params`` was followed, the address was edited): widgets are set from it and every
  malformed or out-of-range parameter becomes a note (the value falls back to its default).
* Otherwise the widgets are the truth and the URL follows them (defaults left out).
* Coming back through the sidebar (Streamlit clears the query string on page change) restores the
  page's last state instead of the defaults.
"""
from typing import Callable, Dict, List

import streamlit as st

from lab.url_state import Param, parse, serialize


def url_in(page: str, schema: Dict[str, Param], load: Callable[[Dict[str, object], bool], None]) -> None:
    last = st.session_state.get(f"_{page}_last_qp")
    saved = st.session_state.get(f"_{page}_saved")
    try:
        current = st.query_params.to_dict()
    except Exception:  # pragma: no cover - defensive: never let the URL take the page down
        current = {}
    if last is None or current != last:
        if not current and last is not None and saved is not None:
            load(saved, False)
            notes: List[str] = []
        else:
            try:
                query = {k: st.query_params.get_all(k) for k in st.query_params}
            except Exception:  # pragma: no cover
                query = current
            parsed = parse(query, schema)
            load(parsed.values, False)
            notes = parsed.notes
        st.session_state[f"_{page}_notes"] = notes
        st.session_state[f"_{page}_notes_for"] = None
    else:
        load(saved if saved is not None else {k: p.default for k, p in schema.items()}, True)


def notes(page: str) -> List[str]:
    """Notes of the last URL load, while the state is still the one loaded."""
    return list(st.session_state.get(f"_{page}_notes") or [])


def url_out(page: str, schema: Dict[str, Param], values: Dict[str, object], keep=()) -> bool:
    """Write ``values`` to the URL (defaults left out, except the names in ``keep``); True while the
    state is still the one the notes describe."""
    query = serialize(values, schema, keep)
    if query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    st.session_state[f"_{page}_last_qp"] = query
    st.session_state[f"_{page}_saved"] = dict(values)
    key = f"_{page}_notes_for"
    if st.session_state.get(key) is None:
        st.session_state[key] = query
    if st.session_state[key] != query:
        st.session_state[f"_{page}_notes"] = []
        return False
    return True


def set_widgets(values: Dict[str, object], only_missing: bool) -> None:
    """Set widget keys (``key -> value``) from a link or saved state; ``only_missing`` keeps what the
    session already has (a rerun must not overwrite what the person just changed)."""
    for key, value in values.items():
        if not only_missing or key not in st.session_state:
            st.session_state[key] = value
