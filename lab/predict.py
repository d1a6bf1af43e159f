"""Predict, then reveal: a question whose answer comes from convt's own numbers, and the grading of
a guess. No Streamlit here (``ui.predict`` draws it); the texts are English templates that the page
translates (``lab.i18n``).

    q = Question("tc_out", "What output size will conv_transpose give?", answer=7, kind="number",
                 why="(3 − 1)·2 + 3 = 7")
    grade(q, 7).correct            # True
    grade(q, 6).message            # 'Not quite: you said 6; the answer is 7.'

Kinds: ``number`` (an int), ``choice`` (one of ``choices``), ``yesno`` (a bool), ``cells`` (a set of
ints picked from ``choices``: e.g. the output cells one input cell touches).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Optional, Tuple

KINDS = ("number", "choice", "yesno", "cells")


@dataclass(frozen=True)
class Question:
    key: str                      # stable per page and question: widget keys derive from it
    prompt: str
    answer: Any
    kind: str = "number"
    choices: Tuple[Any, ...] = ()
    why: str = ""                 # shown with the answer, right or wrong

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.kind == "cells":
            object.__setattr__(self, "answer", frozenset(self.answer))
        if self.kind in ("choice", "cells") and not self.choices:
            raise ValueError(f"a {self.kind} question needs choices")

    @property
    def fingerprint(self) -> str:
        """Changes whenever the question or its answer does, so a new configuration asks again."""
        return hashlib.sha1(repr((self.key, self.prompt, sorted(self.answer) if self.kind == "cells"
                                  else self.answer)).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Verdict:
    correct: bool
    template: str                 # English template (``lab.i18n`` translates it) ...
    fields: Tuple[Tuple[str, str], ...] = ()   # ... and its fields

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.fields))


def show(value: Any, label: Optional[Callable[[Any], str]] = None) -> str:
    """A value as the person reads it (``yes``/``no``, ``{1, 4}``, a choice's label)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(show(v, label) for v in sorted(value)) + "}" if value else "none"
    return label(value) if label else str(value)


def grade(q: Question, guess: Any, label: Optional[Callable[[Any], str]] = None) -> Verdict:
    """Whether ``guess`` is ``q.answer``, in words (``label`` names a choice)."""
    answer = show(q.answer, label)
    if q.kind == "cells":
        picked = frozenset(guess or ())
        if picked == q.answer:
            return Verdict(True, "Right: {answer}.", (("answer", answer),))
        return Verdict(False, "You marked {guess}; the answer is {answer}.",
                       (("guess", show(picked, label)), ("answer", answer)))
    if q.kind == "number":
        try:
            correct = int(guess) == q.answer
        except (TypeError, ValueError, OverflowError):
            correct = False
    else:
        correct = guess == q.answer
    if correct:
        return Verdict(True, "Right: {answer}.", (("answer", answer),))
    return Verdict(False, "Not quite: you said {guess}; the answer is {answer}.",
                   (("guess", show(guess, label)), ("answer", answer)))
