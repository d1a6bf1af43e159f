"""What follows a person across pages and into every link they share: the language (``lang=zh``),
presentation mode (``present=1``; the old ``big=1`` still opens it) and the predict-first prompts
(``ask=0`` turns them off). A value in the URL wins; without one the session keeps what it had, so a
page change through the sidebar (which clears the query string) loses nothing.

``_`` is the one translation call for page code: ``st.slider(_("Stride"), …)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict

import streamlit as st

from lab.i18n import LANGS, translate
from lab.url_state import Param, parse

PREF_PARAMS: Dict[str, Param] = {
    "lang": Param(str, "en", choices=tuple(LANGS), label="language"),
    "present": Param(bool, False, label="presentation mode"),
    "big": Param(bool, False, label="large type (now presentation mode)"),
    "ask": Param(bool, True, label="predict-first prompts"),
}
_DEFAULTS = {"lang": "en", "present": False, "ask": True}


@dataclass(frozen=True)
class Prefs:
    lang: str = "en"
    present: bool = False
    ask: bool = True


def current() -> Prefs:
    ss = st.session_state
    return Prefs(**{key: ss.get(f"_pref_{key}", default) for key, default in _DEFAULTS.items()})


def _(text: str, **fields: object) -> str:
    """``text`` in the session's language (``fields`` fill a template's ``{name}`` s)."""
    return translate(text, current().lang, **fields)


def read_url() -> None:
    """Take the prefs a newly opened URL names into the session (bad values are the binder's notes).
    A URL the app wrote itself (:func:`written`) is not read back: the switches are the truth then."""
    if st.query_params.to_dict() == st.session_state.get("_pref_written"):
        return
    given = {key: st.query_params.get_all(key) for key in PREF_PARAMS if key in st.query_params}
    values = parse(given, PREF_PARAMS).values
    for key in given:
        if key == "big":
            if values["big"]:
                st.session_state["_pref_present"] = True
        elif not parse({key: given[key]}, {key: PREF_PARAMS[key]}).notes:
            st.session_state[f"_pref_{key}"] = values[key]


def written(query: Dict[str, str]) -> None:
    """Remember the URL the page just wrote (see :func:`read_url`)."""
    st.session_state["_pref_written"] = query


def link_params(prefs: Prefs) -> Dict[str, str]:
    """The prefs as URL parameters, defaults left out."""
    out = {}
    if prefs.lang != "en":
        out["lang"] = prefs.lang
    if prefs.present:
        out["present"] = "1"
    if not prefs.ask:
        out["ask"] = "0"
    return out


def _copy(key: str) -> None:
    st.session_state[f"_pref_{key}"] = st.session_state[f"pref_{key}"]


def sidebar_controls() -> Prefs:
    """The three switches, at the top of the sidebar on every page (one key for all pages, so the
    choice survives a page change)."""
    prefs = current()
    ss = st.session_state
    ss["pref_lang"], ss["pref_present"], ss["pref_ask"] = prefs.lang, prefs.present, prefs.ask
    bar = st.sidebar
    bar.radio("Language · 语言", list(LANGS), format_func=LANGS.get, key="pref_lang", horizontal=True,
              on_change=_copy, args=("lang",))
    bar.toggle(_("Presentation mode"), key="pref_present", on_change=_copy, args=("present",),
               help=_("Figure first, large type and figures drawn for a projector; kept across pages and in "
                      "the link."))
    bar.toggle(_("Ask me first (predict, then reveal)"), key="pref_ask", on_change=_copy, args=("ask",),
               help=_("Before an answer is shown, commit to a guess. Turn off to present the answers directly."))
    return current()
