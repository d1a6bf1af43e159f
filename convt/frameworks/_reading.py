"""What every framework's message reader shares: preparing pasted text and reading numbers from it.

Robustness: only the first and last 64 KB of a long text are examined; every pattern starts with a
literal and uses bounded, non-nested quantifiers, so time stays linear; numbers longer than 1000
digits are ignored and lists of sizes longer than 4096 entries are replaced by ``None``.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from convt.diagnosis import Diagnosis, Framework, SizeList, diagnosis, spatial_names

MAX_SCAN = 64 * 1024        # characters examined at each end of a long message
MAX_DIGITS = 1000           # longer digit runs are not read as numbers
MAX_LIST = 4096             # longest list of valid sizes returned
MAX_BRUTE = 100_000         # largest search for the rare input size 0
NUM = r"(-?[0-9]+)"
_ANSI = re.compile(r"\x1b\[[0-9;]{0,20}[A-Za-z]")


@dataclass(frozen=True)
class Rule:
    """One message a framework prints: the pattern that finds it and what it means.

    ``read(match, text)`` returns the Diagnosis, or None to let later rules try.
    """

    kind: str
    pattern: "re.Pattern[str]"
    read: Callable[["re.Match[str]", str], Optional[Diagnosis]]


def prepare(message) -> str:
    """The text to examine: a str, at most 2 * MAX_SCAN long, ANSI colours and HTML entities undone."""
    if message is None:
        return ""
    if isinstance(message, (bytes, bytearray, memoryview)):
        text = bytes(message[: 4 * MAX_SCAN] if len(message) <= 4 * MAX_SCAN
                     else bytes(message[: 2 * MAX_SCAN]) + b"\n" + bytes(message[-2 * MAX_SCAN:]))
        text = text.decode("utf-8", errors="replace")
    elif isinstance(message, str):
        text = message
    else:
        try:
            text = str(message)
        except Exception:  # noqa: BLE001 - a broken __str__ is just junk
            return ""
    if len(text) > 2 * MAX_SCAN:
        text = text[:MAX_SCAN] + "\n...\n" + text[-MAX_SCAN:]
    text = _ANSI.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\u2019", "'").replace("\\'", "'")


def number(token: Optional[str]) -> Optional[int]:
    """A number as printed, or None when absent or absurdly long."""
    if token is None:
        return None
    digits = token.lstrip("-")
    if not digits or len(digits) > MAX_DIGITS:
        return None
    return int(token)


def numbers(text: str) -> List[Optional[int]]:
    """Every integer in a short printed shape such as ``3, 25, None, 20`` (unknown dims -> None)."""
    out: List[Optional[int]] = []
    for part in text.split(",")[:16]:
        part = part.strip().strip("[]()")
        if not part:
            continue
        out.append(number(part) if re.fullmatch(r"-?[0-9]{1,1000}", part) else None)
    return out


def shape_text(dims: Sequence[Optional[int]]) -> str:
    return "(" + ", ".join("?" if v is None else str(v) for v in dims) + ")"


def size_run(lo: int, hi: int) -> SizeList:
    """``list(range(lo, hi + 1))`` restricted to positive sizes; None when too long to list."""
    lo = max(lo, 1)
    if hi < lo:
        return []
    if hi - lo + 1 > MAX_LIST:
        return None
    return list(range(lo, hi + 1))


def label_before(text: str, start: int) -> Optional[str]:
    """The ``Conv2DCustomBackpropInput``-style label right before a match, if any."""
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]{0,60})\s{0,4}:\s{0,4}$", text[max(0, start - 80):start])
    return m.group(1) if m else None


def facts_of(m: "re.Match[str]", names: Sequence[str]) -> Dict[str, object]:
    """The groups of ``m`` by name: integers as ints, anything else as stripped text."""
    return {name: number(value.strip()) if re.fullmatch(r"\s*-?[0-9]{1,1000}\s*", value) else value.strip()
            for name, value in zip(names, m.groups()) if value is not None}


Table = Sequence[Tuple[str, "re.Pattern[str]", Sequence[str]]]


def read_table(table: Table, message) -> Optional[dict]:
    """``{"kind", "facts"}`` from the first ``(kind, pattern, fact names)`` row that matches, else None."""
    text = prepare(message)
    for kind, pattern, names in table:
        m = pattern.search(text)
        if m:
            return {"kind": kind, "facts": facts_of(m, names)}
    return None


def table_rules(table: Table, diagnose: Callable[[str, Dict[str, object]], Diagnosis]) -> List[Rule]:
    """``explain``'s rules for a reader table; ``diagnose(kind, facts)`` explains a match."""
    return [Rule(kind, pattern, lambda m, _text, kind=kind, names=names: diagnose(kind, facts_of(m, names)))
            for kind, pattern, names in table]


def simple(framework: Framework, kind: str, pattern: str, text: str, fixes: Sequence[str] = (),
           facts_from: Callable[["re.Match[str]"], Dict[str, Optional[int]]] = lambda m: {}) -> Rule:
    """A rule whose explanation is fixed text (plus the numbers ``facts_from`` reads)."""
    def read(m: "re.Match[str]", _text: str) -> Diagnosis:
        return diagnosis(framework, kind, text, facts_from(m), fixes=list(fixes))
    return Rule(kind, re.compile(pattern), read)


def shape_difference(first: Sequence[Optional[int]], second: Sequence[Optional[int]],
                     concat_axis: Optional[int]) -> Tuple[Optional[int], Optional[int], Optional[int]]:
    """(the first axis other than the concat axis where two printed shapes differ, its two sizes)."""
    rank = len(first)
    skip = concat_axis % rank if concat_axis is not None and rank and -rank <= concat_axis < rank else None
    for j, (a, b) in enumerate(zip(first, second)):
        if j != skip and a != b:
            return j, a, b
    return None, None, None


def spatial_axis(dim: Optional[int], rank: int, channels_first: bool) -> Optional[str]:
    """``height`` / ``width`` (``length``; ``depth``…) for a tensor axis of a batched feature map."""
    spatial = rank - 2
    if dim is None or not 1 <= spatial <= 3:
        return None
    j = dim - 2 if channels_first else dim - 1
    return spatial_names(spatial)[j] if 0 <= j < spatial else None


def concat_diagnosis(framework: Framework, title: str, first: Optional[int], second: Optional[int],
                     axis: Optional[str] = None, facts: Optional[Dict[str, object]] = None) -> Diagnosis:
    """A skip connection's concat refused: the two tensors' sizes differ in one spatial axis.

    Every framework words it differently; what it means and how to fix it is the same, so the
    readers share this. ``first`` / ``second``: the two sizes in the order the message prints them.
    """
    where = f"{axis}s" if axis else "heights or widths"
    facts = dict(facts or {}, first_size=first, second_size=second)
    text = (f"{title} refused to concatenate two tensors whose {where} differ: {first} and {second}. "
            "This is a skip connection (U-Net, autoencoder): the decoder's upsampled tensor must have "
            "exactly the size of the encoder tensor it is joined with. Each downsampling rounds an odd "
            "size (down with pooling or VALID, up with SAME), so when the input is not a multiple of "
            "2^depth the upsampling comes back one cell short or long.")
    fixes: List[str] = []
    if first is not None and second is not None and first != second:
        big, small = max(first, second), min(first, second)
        gap = big - small
        fixes = [f"ask the upsampling for the skip tensor's size: PyTorch output_size=skip.shape[-2:], "
                 f"TF output_shape=tf.shape(skip), or output_padding={gap} when {gap} is below the stride",
                 f"or crop the larger tensor to {small} (or pad the smaller one to {big}) before the concat",
                 "or pad the network's input to a multiple of 2^depth (the encoder–decoder page's U-Net "
                 "solver lists the sizes that round-trip)"]
    return diagnosis(framework, "concat", text, facts, fixes=fixes)
