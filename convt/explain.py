"""``explain(message)``: read a TensorFlow / Keras / PyTorch / JAX / ONNX error message and say what it
means.

The result is a :class:`Diagnosis`: which framework printed it, the numbers it contains (by
name), the padding when the numbers betray it, the output sizes the framework would have
accepted, the reason in plain words, concrete fixes, and the failing configuration as typed
:class:`~convt.diagnosis.Geometry`. Each framework's reader lives in its module of
:mod:`convt.frameworks`; this asks them in turn. Any string (or bytes, or None) gets a Diagnosis,
never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from convt.diagnosis import Diagnosis, diagnosis
from convt.frameworks import FRAMEWORKS
from convt.frameworks._reading import MAX_LIST, prepare

__all__ = ["Diagnosis", "Reading", "explain", "explain_paste", "MAX_LIST"]


def _prepared(message) -> str:
    try:
        return prepare(message)
    except Exception:  # noqa: BLE001 - never raise on user input
        return ""


def explain(message: str) -> Diagnosis:
    """Read a framework error message; always returns a :class:`Diagnosis`, never raises."""
    return _explain_from(_prepared(message), 0)


@dataclass(frozen=True)
class Reading:
    """A whole paste read: the Diagnosis of its LAST recognised error, and which line that was
    (``line_number`` counts the paste's own lines; None when nothing was recognised)."""

    diagnosis: Diagnosis
    line_number: Optional[int] = None
    line: str = ""


def explain_paste(message) -> Reading:
    """A traceback or log of any length: its last recognised error (a training log repeats errors;
    the last one is the one that stopped it). Bounded like :func:`explain`: only the first and last
    64 KB are examined, with linear-time patterns."""
    text = _prepared(message)
    last = -1
    for framework in FRAMEWORKS:
        for rule in framework.RULES:
            try:
                for m in rule.pattern.finditer(text, max(last, 0)):
                    last = max(last, m.start())
            except Exception:  # noqa: BLE001
                continue
    if last < 0:
        return Reading(_unknown(text))
    start = text.rfind("\n", 0, last) + 1
    end = text.find("\n", last)
    line = text[start:end if end >= 0 else len(text)]
    total = message.count("\n") if isinstance(message, str) else text.count("\n")
    return Reading(_explain_from(text, start), total - text.count("\n", start) + 1, line)


def _explain_from(text: str, pos: int) -> Diagnosis:
    """The first rule (in the registry's order) that reads a message starting at or after ``pos``."""
    for framework in FRAMEWORKS:
        for rule in framework.RULES:
            try:
                m = rule.pattern.search(text, pos)
            except Exception:  # noqa: BLE001
                continue
            if not m:
                continue
            try:
                result = rule.read(m, text)
            except Exception as exc:  # noqa: BLE001 - a bug here must not reach the page
                return diagnosis(framework.FW, rule.kind, f"Recognised a {framework.FW} message "
                                 f"({rule.kind}), but convt could not read its numbers ({type(exc).__name__}).")
            if result is not None:
                return result
    return _unknown(text)


def _unknown(text: str) -> Diagnosis:
    names = ", ".join(framework.TITLE for framework in FRAMEWORKS)
    if not text.strip():
        return Diagnosis(text=f"The message is empty: paste the error text {names} printed (the last "
                              "lines of the traceback).")
    for framework in FRAMEWORKS:
        if framework.MARKER.search(text):
            # framework stays None: the contract reserves it for recognised messages
            return Diagnosis(text=f"This looks like a {framework.TITLE} message, but not one convt knows: "
                                  "it recognises the transposed-convolution shape, channel, batch, "
                                  f"padding and stride errors of {names}. Paste "
                                  "the error line itself (the last line of the traceback).")
    return Diagnosis(text="convt does not recognise this message. It reads the transposed-convolution "
                          f"shape, channel, batch, padding and stride errors of {names}: paste the "
                          "error line itself (the last line of the traceback).")
