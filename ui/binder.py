"""The one binder: a page's state dataclass (``lab.url_state.url_field`` s) <-> its widgets <-> the URL.

A page declares its state once (e.g. ``lab.gradient.GradientConfig``) and calls :func:`read_link`
before its widgets and :func:`write_link` after them (``ui.page_header`` does the first)::

    notes = read_link("gr", GradientConfig)       # sets st.session_state["gr_in"], ["gr_k"], …
    ... widgets keyed "gr_in", "gr_k", … (no value=) ...
    write_link("gr", read_widgets("gr", GradientConfig))

* The URL is read when it changed from what the page last wrote (a link was opened, a page link
  with ``query_params`` was followed, the address was edited): widgets are set from it, and every
  malformed, out-of-range, repeated or unknown parameter becomes a note; its value falls back to the
  default. Notes quote the user's text Markdown-escaped, so no bad value becomes a live link.
* Otherwise the widgets are the truth and the URL follows them (defaults left out).
* Coming back through the sidebar (Streamlit clears the query string on page change) restores the
  page's last state instead of the defaults.
* A tab that reconnects after a server restart starts a new session whose first run carries the
  widget values the browser shows (and the one the person just changed): those win over the URL,
  which only seeds the widgets the browser did not send.

Why not Streamlit's own ``bind="query-params"`` (1.67)? Read in its source and tried in a browser:
it drops a malformed or out-of-range value from the URL *before the script runs*, so the page
cannot say what it ignored; it accepts only ``true``/``false`` for a switch (our links say ``present=1``,
``dyn=1``); a radio or selectbox puts its ``format_func`` label in the URL (``fw=TensorFlow``, not
the ``fw=tf`` of every shared link); the widget key must be the URL key, one name space for all
pages (``k`` is a kernel on four pages with four ranges); it always omits defaults (the explorer
keeps ``in, k, s, pad, out`` so a link reads like the seed's); it cannot map one URL value onto
two widgets (``pad=1`` → padding mode and cells; ``t`` counts from 0, the slider from 1); and
AppTest neither seeds bound widgets from ``at.query_params`` nor sees the URL they write (the
browser writes it), so none of it could be tested here. So the sync stays hand-written, in one place.
"""
from typing import AbstractSet, Any, Callable, Dict, List, Optional, Sequence, Tuple, Type

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state.common import is_keyed_element_id, user_key_from_element_id

from lab.url_state import from_values, parse, schema, to_query, to_values
from ui.prefs import PREF_PARAMS, current, link_params, written

Load = Callable[[Any], Tuple[Dict[str, object], List[str]]]


def widget_values(page: str, state) -> Tuple[Dict[str, object], List[str]]:
    """The plain mapping: URL key ``k`` <-> widget key ``{page}_k``, no notes."""
    return {f"{page}_{key}": value for key, value in to_values(state).items()}, []


def read_widgets(page: str, cls: Type[Any]):
    """The state the plain-mapped widgets show (see :func:`widget_values`)."""
    return from_values(cls, {key: st.session_state[f"{page}_{key}"] for key in schema(cls)})


def set_widgets(values: Dict[str, object], only_missing: bool, keep: AbstractSet[str] = frozenset()) -> None:
    """Set widget keys; ``only_missing`` keeps what the session already has (a rerun must not
    overwrite what the person just changed), and the keys in ``keep`` are never set."""
    for key, value in values.items():
        if key not in keep and (not only_missing or key not in st.session_state):
            st.session_state[key] = value


def _fill(page: str, load: Load, state, only_missing: bool, keep: AbstractSet[str] = frozenset()) -> List[str]:
    widgets, notes = load(state)
    set_widgets(widgets, only_missing, keep)
    return notes


def sent_by_browser(page: str) -> frozenset:
    """The page's widget keys whose values came from the browser with this run.

    On a session's first run that happens only when a tab reconnected to a restarted server.
    Streamlit has no public call for it: its session state keeps those values under widget ids
    (``$$ID-<hash>-<key>``) until the widgets are drawn, so they are read there."""
    ctx = get_script_run_ctx()
    try:
        ids = ctx.session_state._state._new_widget_state.states   # Streamlit 1.67 internals
    except AttributeError:
        return frozenset()
    keys = (user_key_from_element_id(i) for i in ids if is_keyed_element_id(i))
    return frozenset(k for k in keys if k and k.startswith(f"{page}_"))


def read_link(page: str, cls: Type[Any], load: Optional[Load] = None) -> List[str]:
    """Fill the page's widgets from the link (or from the session); returns the notes to show.

    ``load(state) -> (widget values, notes)`` maps a state onto widget keys; the default is
    :func:`widget_values`. Its notes join the link's (e.g. a combination that had to change).
    """
    load = load or (lambda state: widget_values(page, state))
    ss = st.session_state
    last, saved = ss.get(f"_{page}_last_qp"), ss.get(f"_{page}_saved")
    current = st.query_params.to_dict()
    if last is not None and current == last:
        _fill(page, load, saved if saved is not None else cls(), only_missing=True)
    else:
        if not current and last is not None and saved is not None:  # back through the sidebar
            _fill(page, load, saved, only_missing=False)
            notes: List[str] = []
        else:
            query = {k: st.query_params.get_all(k) for k in st.query_params}
            parsed = parse(query, {**schema(cls), **PREF_PARAMS})
            keep = sent_by_browser(page) if last is None else frozenset()
            notes = parsed.notes + _fill(page, load, from_values(cls, parsed.values), only_missing=False, keep=keep)
        ss[f"_{page}_notes"], ss[f"_{page}_notes_for"] = notes, None
    return list(ss.get(f"_{page}_notes") or [])


def saved_state(page: str, cls: Type[Any]):
    """The state the page last wrote to its link (the defaults before the first write)."""
    saved = st.session_state.get(f"_{page}_saved")
    return saved if saved is not None else cls()


def write_link(page: str, state, keep: Sequence[str] = ()) -> None:
    """Write ``state`` and the person's prefs (``ui.prefs``) to the URL, defaults left out except the
    keys in ``keep``. The link's notes are dropped once the state moves away from the one they describe."""
    query = {**to_query(state, keep), **link_params(current())}
    if query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    written(query)
    ss = st.session_state
    ss[f"_{page}_last_qp"], ss[f"_{page}_saved"] = query, state
    if ss.get(f"_{page}_notes_for") is None:
        ss[f"_{page}_notes_for"] = query
    elif ss[f"_{page}_notes_for"] != query:
        ss[f"_{page}_notes"] = []
