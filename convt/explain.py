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

from convt.diagnosis import Diagnosis, diagnosis
from convt.frameworks import FRAMEWORKS
from convt.frameworks._reading import MAX_LIST, prepare

__all__ = ["Diagnosis", "explain", "MAX_LIST"]


def explain(message: str) -> Diagnosis:
    """Read a framework error message; always returns a :class:`Diagnosis`, never raises."""
    try:
        text = prepare(message)
    except Exception:  # noqa: BLE001 - never raise on user input
        text = ""
    for framework in FRAMEWORKS:
        for rule in framework.RULES:
            try:
                m = rule.pattern.search(text)
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
