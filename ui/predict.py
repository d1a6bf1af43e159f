"""Predict, then reveal (``lab.predict``): the learner commits to a guess before the page shows the
answer. A page asks, then shows what the question hid only when :func:`ask` says so::

    if ask(Question("tc_out", "What size will the output be?", answer=7, why="(3 − 1)·2 + 3")):
        st.markdown("... the part of the page that gives it away ...")

With the prompts off (the sidebar switch, ``ask=0`` in the link) nothing is drawn and the answer
shows at once: a teacher presenting wants it so. A new configuration (a new answer) asks again.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import streamlit as st

from lab.predict import Question, grade, show
from ui import prefs
from ui.prefs import _
from ui.style import md

MAX_GUESS = 10 ** 6


def _guess_widget(q: Question, label: Optional[Callable[[Any], str]], key: str, where):
    name = _("Your guess")
    if q.kind == "number":
        return where.number_input(name, min_value=0, max_value=MAX_GUESS, value=None, step=1, key=key)
    options = [True, False] if q.kind == "yesno" else list(q.choices)
    # labels translated now, in the script run (a format_func may be called outside it)
    names = {option: _(label(option) if label else show(option)) for option in options}
    if q.kind == "cells":
        return where.multiselect(name, options, format_func=names.get, key=key,
                                 placeholder=_("Pick the ones you expect"))
    return where.radio(name, options, index=None, format_func=names.get, key=key, horizontal=True)


def ask(q: Question, label: Optional[Callable[[Any], str]] = None) -> bool:
    """Draw the prompt (unless prompts are off); True once the answer may be shown."""
    if not prefs.current().ask:
        return True
    ss, record = st.session_state, f"_ask_{q.key}"
    with st.container(border=True, key=f"ask_{q.key}"):
        st.markdown(f"**🤔 {_('Predict first')}** — {_(q.prompt)}")
        guess = _guess_widget(q, label, f"ask_{q.key}_guess", st)
        c1, c2, _rest = st.columns([2, 2, 5])
        if c1.button(_("Check my guess"), key=f"ask_{q.key}_check", type="primary"):
            empty = guess is None or (q.kind == "cells" and not guess)
            if empty and q.kind != "cells":
                st.warning(_("Pick an answer first."))
            else:
                ss[record] = (q.fingerprint, grade(q, guess, label))
        if c2.button(_("Just show me"), key=f"ask_{q.key}_skip"):
            ss[record] = (q.fingerprint, None)
        done = ss.get(record)
        if not done or done[0] != q.fingerprint:
            return False
        verdict = done[1]
        fields = {name: md(_(value)) for name, value in (verdict.fields if verdict else ())}
        if verdict is None:
            st.info(_("The answer: {answer}.", answer=md(_(show(q.answer, label)))))
        elif verdict.correct:
            st.success(_(verdict.template, **fields), icon="✅")
        else:
            st.error(_(verdict.template, **fields), icon="❌")
        if q.why:
            st.markdown(_(q.why))
    return True
