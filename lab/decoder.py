"""The error decoder's answer, beyond convt.explain: the two-sentence answer that comes first, the
explorer configuration that reproduces a message which lacks numbers (never the seed's), the
per-dimension verdict of a PyTorch range, and the message families the decoder reads.

A message that omits numbers (TF 1's ``actual = A, computed = C``; PyTorch's range, which gives the
stride and ``k - 2p`` but neither alone) fits many configurations: :func:`reproduction` picks one
whose explorer view prints exactly the pasted numbers, and says which it chose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from convt.diagnosis import Diagnosis, size_list, spatial_names
from convt.frameworks import FRAMEWORKS, TITLES
from lab import explorer
from lab.predict import Question

MAX_ANSWER = 320   # characters of the first sentence of the explanation


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<=[a-z0-9)\]`'])\.\s", text[20:])
    sentence = text[: m.start() + 21] if m else text
    return sentence if len(sentence) <= MAX_ANSWER else sentence[: MAX_ANSWER - 1] + "…"


def first_sentence(d: Diagnosis) -> str:
    """The explanation's first sentence: what happened."""
    return _first_sentence(d.text)


def accepted(d: Diagnosis) -> List[Tuple[str, str]]:
    """``(axis, sizes)`` for each axis the message tells the accepted output sizes of."""
    return [(axis, size_list(v)) for axis, v in zip(spatial_names(len(d.valid_output_sizes)),
                                                    d.valid_output_sizes) if v]


def answer(d: Diagnosis) -> str:
    """Two or three sentences with the message's own numbers: what, what is accepted, what to do."""
    parts = [first_sentence(d)]
    if accepted(d):
        parts.append("It would accept output sizes: " + "; ".join(f"{a} {v}" for a, v in accepted(d)) + ".")
    if d.fixes:
        parts.append(f"Quickest fix: {d.fixes[0].rstrip('.')}.")
    return " ".join(parts)


def size_question(d: Diagnosis) -> Optional[Question]:
    """Predict first: which of a few output sizes around the accepted ones would the framework take
    (the first axis the message gives sizes for; None when it gives none)."""
    for axis, sizes in zip(spatial_names(len(d.valid_output_sizes)), d.valid_output_sizes):
        if not sizes:
            continue
        lo, hi = min(sizes), max(sizes)
        near = range(lo - 2, hi + 3) if hi - lo < 6 else [*range(lo - 2, lo + 2), *range(hi - 1, hi + 3)]
        choices = tuple(n for n in near if n >= 1)
        return Question("dec_sizes", f"Which of these output {axis}s would {TITLES[d.framework]} accept?",
                        [n for n in choices if n in sizes], kind="cells", choices=choices)
    return None


def family(kind: str) -> str:
    """A message kind in plain words, without its framework: ``tf_size_mismatch`` → ``size mismatch``."""
    word = re.sub(r"^(tf1?|keras|torch|onnx|jax)_", "", kind).replace("_", " ")
    return "skip connection (concat)" if word == "concat" else word


def families() -> Dict[str, List[str]]:
    """Each framework's message families the decoder reads, in plain words."""
    out: Dict[str, List[str]] = {}
    for framework in FRAMEWORKS:
        words: List[str] = []
        for rule in framework.RULES:
            word = family(rule.kind)
            if word not in words:
                words.append(word)
        out[TITLES[framework.FW]] = words
    return out


@dataclass(frozen=True)
class Reproduction:
    """An explorer configuration that prints the message's own numbers."""

    changes: Dict[str, object]   # lab.explorer.Config fields
    read: str                    # the numbers taken from the message
    chosen: str                  # the numbers convt chose (set yours)


def _tf1(facts) -> Optional[Reproduction]:
    """``actual = A, computed = C``: input A; with SAME any output in ((C-1)s, C*s] gives C."""
    a, c = facts.get("actual"), facts.get("computed")
    if a is None or c is None or a == c or not (1 <= a <= explorer.MAX_INPUT) or c < 1:
        return None
    for s in (2, 3, 4, 5, 6, 7, 8, 1):
        if c * s <= explorer.MAX_OUTPUT:
            return Reproduction({"in_h": a, "kernel": 3, "stride": s, "padding": "SAME", "framework": "tf",
                                 "out_h": c * s, "dynamic": True, "dilation": 1},
                                f"input {a}, computed {c}",
                                f"stride {s}, padding SAME, kernel 3 and output_shape {c * s} (with SAME "
                                f"and stride {s} every output from {(c - 1) * s + 1} to {c * s} gives "
                                f"computed = {c}; the message does not say which): set your own stride, "
                                "padding, kernel and output_shape")
    return None


def _torch_range(facts) -> Optional[Reproduction]:
    """``requested R, range [lo] to [hi], input I``: stride = hi - lo + 1 and
    k - 2p = lo - (I-1)*stride; convt picks the smallest padding that gives a kernel of at least 1."""
    dims = [a for a in ("height", "width") if f"min_{a}" in facts]
    if not dims or any(f"input_{a}" not in facts or f"requested_{a}" not in facts for a in dims):
        return None
    strides = {facts[f"max_{a}"] - facts[f"min_{a}"] + 1 for a in dims if f"max_{a}" in facts}
    if len(strides) != 1:
        return None
    s = strides.pop()
    reach = {facts[f"min_{a}"] - (facts[f"input_{a}"] - 1) * s for a in dims}
    if len(reach) != 1 or not 1 <= s <= explorer.MAX_STRIDE:
        return None
    k_minus_2p = reach.pop()
    p = max(0, -((k_minus_2p - 1) // 2))
    k = k_minus_2p + 2 * p
    sizes = [facts[f"input_{a}"] for a in dims] + [facts[f"requested_{a}"] for a in dims]
    if not (1 <= k <= explorer.MAX_KERNEL and p <= explorer.MAX_PAD and
            all(1 <= v for v in sizes) and max(sizes[: len(dims)]) <= explorer.MAX_INPUT
            and max(sizes[len(dims):]) <= explorer.MAX_OUTPUT):
        return None
    h, w = dims[0], dims[-1]
    changes = {"in_h": facts[f"input_{h}"], "in_w": facts[f"input_{w}"], "kernel": k, "stride": s,
               "padding": "EXPLICIT", "pad_before": p, "pad_after": p, "dilation": 1, "framework": "torch",
               "out_h": facts[f"requested_{h}"], "out_w": facts[f"requested_{w}"], "torch_request": "size"}
    return Reproduction(changes, f"input {size_list(sizes[:len(dims)])}, requested "
                                 f"{size_list(sizes[len(dims):])}, stride {s} (the range's width)",
                        f"kernel {k} and padding {p}: the range fixes only kernel - 2·padding = {k_minus_2p} "
                        f"(kernel {k + 2}, padding {p + 1} gives the same range): set your own kernel and padding")


def reproduction(d: Diagnosis) -> Optional[Reproduction]:
    """An explorer configuration for a message that lacks some numbers, or None."""
    if d.kind == "tf_size_mismatch" and "input" not in d.facts and "actual" in d.facts:
        return _tf1(d.facts)
    if d.kind == "torch_output_size" and d.geometry.kernel is None:
        return _torch_range(d.facts)
    return None


def per_dimension(d: Diagnosis) -> List[Tuple[str, str]]:
    """PyTorch's range per axis: ``(axis, verdict)``, an axis whose range ends below 1 impossible."""
    out = []
    for axis in spatial_names(len(d.valid_output_sizes)):
        lo, hi = d.facts.get(f"min_{axis}"), d.facts.get(f"max_{axis}")
        if lo is None or hi is None:
            continue
        if hi < 1:
            out.append((axis, f"impossible: the range {lo} to {hi} has no positive size (too much padding)"))
        else:
            out.append((axis, f"accepts {size_list(range(max(lo, 1), hi + 1))}"))
    return out
