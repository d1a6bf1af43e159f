"""``explain(message)``: read a TensorFlow / Keras / PyTorch error message and say what it means.

The result is a :class:`Diagnosis`: which framework printed it, the numbers it contains (by
name), the padding when the numbers betray it, the output sizes the framework would have
accepted, the reason in plain words and concrete fixes, plus the query parameters that open the
shape explorer on the failing configuration.

TF words its transposed-conv messages from the *gradient's* side (``conv2d_transpose`` is the op
``Conv2DBackpropInput``): ``out_backprop`` / ``actual`` / ``output:`` are the transposed conv's
INPUT, ``input:`` is the requested ``output_shape``, ``computed`` is what a forward conv of that
request produces. Every explanation here translates that into the user's words.

Robustness: any string (or bytes, or None) gets a Diagnosis, never an exception. Only the first
and last 64 KB of a long text are examined; every pattern starts with a literal and uses bounded,
non-nested quantifiers, so time stays linear; numbers longer than 1000 digits are ignored and
lists of sizes longer than 4096 entries are replaced by ``None`` with a note in the text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from convt.arithmetic import effective_kernel, tf_valid_output_sizes, windowed_output
from convt.explanations import (forward_arithmetic, size_list, tf_size_fixes,
                                tf_size_mismatch_explanation, torch_output_size_explanation,
                                torch_output_size_fixes)

MAX_SCAN = 64 * 1024        # characters examined at each end of a long message
MAX_DIGITS = 1000           # longer digit runs are not read as numbers
MAX_LIST = 4096             # longest list of valid sizes returned
MAX_BRUTE = 100_000         # largest search for the rare input size 0
FIX_ONEDNN = ("set the environment variable TF_ENABLE_ONEDNN_OPTS=0 before importing TensorFlow "
              "(or run in float64) and run again: TF then prints the real reason with its numbers")

SizeList = Optional[List[int]]


@dataclass(frozen=True)
class Diagnosis:
    """What an error message means.

    ``framework``: ``"tensorflow"``, ``"keras"``, ``"pytorch"`` or ``None`` (not recognised).
    ``padding``: ``"SAME"``, ``"VALID"`` or ``None`` when the message cannot tell.
    ``facts``: the numbers read from the message (and a few exactly derived ones), by name.
    ``valid_output_sizes``: ``(height, width)``; each the list of positive output sizes the
    framework would accept, or ``None`` where the message says nothing about that dimension.
    ``text``: the explanation in plain words; ``fixes``: concrete changes.
    ``kind``: short name of the recognised message (``"unknown"`` when not recognised).
    ``explorer_params``: query parameters (``in k s d pad out fw``) that open the shape
    explorer on that configuration; only the known ones, empty when nothing is known.
    """

    framework: Optional[str] = None
    padding: Optional[str] = None
    facts: Dict[str, int] = field(default_factory=dict)
    valid_output_sizes: Tuple[SizeList, SizeList] = (None, None)
    text: str = ""
    fixes: List[str] = field(default_factory=list)
    kind: str = "unknown"
    explorer_params: Dict[str, object] = field(default_factory=dict)


FW_SHORT = {"tensorflow": "tf", "keras": "keras", "pytorch": "torch"}
AXES = ("height", "width")

# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

NUM = r"(-?[0-9]+)"
_ANSI = re.compile(r"\x1b\[[0-9;]{0,20}[A-Za-z]")


def _prepare(message) -> str:
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


def _int(token: Optional[str]) -> Optional[int]:
    """A number as printed, or None when absent or absurdly long."""
    if token is None:
        return None
    digits = token.lstrip("-")
    if not digits or len(digits) > MAX_DIGITS:
        return None
    return int(token)


def _ints(text: str) -> List[Optional[int]]:
    """Every integer in a short printed shape such as ``3, 25, None, 20`` (unknown dims -> None)."""
    out: List[Optional[int]] = []
    for part in text.split(",")[:16]:
        part = part.strip().strip("[]()")
        if not part:
            continue
        out.append(_int(part) if re.fullmatch(r"-?[0-9]{1,1000}", part) else None)
    return out


def _shape_str(dims: Sequence[Optional[int]]) -> str:
    return "(" + ", ".join("?" if v is None else str(v) for v in dims) + ")"


def _sizes(lo: int, hi: int) -> SizeList:
    """``list(range(lo, hi + 1))`` restricted to positive sizes; None when too long to list."""
    lo = max(lo, 1)
    if hi < lo:
        return []
    if hi - lo + 1 > MAX_LIST:
        return None
    return list(range(lo, hi + 1))


def _tf_valid(i: int, k: int, s: int, d: int, padding) -> Optional[range]:
    """``tf_valid_output_sizes`` when it is safe and short enough to list, else None."""
    if s < 1 or d < 1 or k < 1 or s > MAX_LIST:
        return None
    if i < 1 and effective_kernel(k, d) + 2 * s > MAX_BRUTE:
        return None
    return tf_valid_output_sizes(i, k, s, d, padding)


def _diag(framework, kind, text, facts=None, padding=None, valid=(None, None), fixes=(),
          explorer=None) -> Diagnosis:
    params: Dict[str, object] = {}
    for key, value in (explorer or {}).items():
        if value is None or (isinstance(value, int) and value < 1):
            continue                # unknown, or not a configuration the explorer can open
        params[key] = value
    if framework and params:
        params.setdefault("fw", FW_SHORT[framework])
    return Diagnosis(framework=framework, padding=padding,
                     facts={k: v for k, v in (facts or {}).items() if v is not None},
                     valid_output_sizes=(valid[0], valid[1]), text=text,
                     fixes=[str(f) for f in fixes], kind=kind, explorer_params=params)


def _label_before(text: str, start: int) -> Optional[str]:
    """The ``Conv2DCustomBackpropInput``-style label right before a match, if any."""
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]{0,60})\s{0,4}:\s{0,4}$", text[max(0, start - 80):start])
    return m.group(1) if m else None


# ---------------------------------------------------------------------------------------------
# TensorFlow: the size check (every historical form)
# ---------------------------------------------------------------------------------------------

_TF_SIZE = re.compile(
    r"(Size|Number of (rows|cols)) of out_backprop doesn\S{0,8} match computed:?\s{0,8}"
    r"actual\s{0,4}=\s{0,4}" + NUM + r"\s{0,4},?\s{0,4}computed\s{0,4}=\s{0,4}" + NUM)
_TF_SIZE_TAIL = re.compile(
    r"\s{0,8}spatial_dim:\s{0,4}" + NUM + r"\s{1,8}input:\s{0,4}" + NUM + r"\s{1,8}filter:\s{0,4}"
    + NUM + r"\s{1,8}output:\s{0,4}" + NUM + r"\s{1,8}stride:\s{0,4}" + NUM
    + r"(?:\s{1,8}dilation:\s{0,4}" + NUM + ")?")

def _glossary(i, c, n=None) -> str:
    """TF's words translated, with the message's own numbers."""
    asked = (f"`input: {n}` is the output size you asked for (output_shape), " if n is not None
             else "")
    return ("TF words this from the gradient's side, because conv2d_transpose is the op "
            "Conv2DBackpropInput (the gradient of a forward conv with respect to its input): "
            f"`actual = {i}` (`out_backprop`) is YOUR INPUT x, {asked}and `computed = {c}` is what a "
            f"forward conv over your output_shape produces.")


_KERAS_WRAP = re.compile(r"Conv[123]DTranspose\.call\(\)|keras\.src|keras/src|site-packages/keras")


def _axis_of(spatial_dim: Optional[int], label: Optional[str], text: str) -> Tuple[Optional[int], str]:
    """(0 for height / 1 for width / None, a note) from TF's tensor-axis index."""
    nchw = 'data_format="NCHW"' in text or "NCHW" in text
    if spatial_dim == 1:
        return 0, ""
    if spatial_dim == 3:
        return 1, " (axis 3 is the width in NCHW)"
    if spatial_dim == 2:
        if nchw:
            return 0, " (axis 2 is the height in NCHW)"
        note = "" if label == "Conv2DCustomBackpropInput" else " (or the height, if you use NCHW)"
        return 1, note
    return None, ""


def _tf_size(m: re.Match, text: str) -> Diagnosis:
    actual, computed = _int(m.group(3)), _int(m.group(4))
    label = _label_before(text, m.start())
    tail = _TF_SIZE_TAIL.match(text, m.end())
    facts = {"actual": actual, "computed": computed}
    if tail:
        names = ("spatial_dim", "input", "filter", "output", "stride", "dilation")
        facts.update({name: _int(tail.group(j + 1)) for j, name in enumerate(names)})
        if facts.get("dilation") is None and tail.group(6) is None:
            facts["dilation"] = 1
        return _tf_size_full(facts, label, text)
    rows_cols = m.group(2)
    return _tf_size_short(facts, label, rows_cols)


def _tf_size_full(facts: Dict[str, Optional[int]], label: Optional[str], text: str) -> Diagnosis:
    i, c, n = facts["actual"], facts["computed"], facts["input"]
    k, s, d = facts["filter"], facts["stride"], facts["dilation"]
    axis_index, axis_note = _axis_of(facts["spatial_dim"], label, text)
    axis = AXES[axis_index] if axis_index is not None else "size"
    explorer = {"in": i, "k": k, "s": s, "d": d, "out": n}
    where = f" ({label})" if label else ""
    keras = bool(_KERAS_WRAP.search(text))
    framework = "keras" if keras else "tensorflow"
    if keras:
        explorer["fw"] = "tf"       # the explorer reproduces the TF call Keras made
    head = (f"TensorFlow{where} refused the output {axis}{axis_note} of conv2d_transpose"
            f"{' (called by a Keras Conv2DTranspose layer)' if keras else ''}: your input x has "
            f"{axis} {i} and you asked for output {axis} {n}. " + _glossary(i, c, n))
    if None in (i, c, n, k, s, d) or s < 1 or d < 1 or k < 1 or n < 0 or i < 0:
        return _diag(framework, "tf_size_mismatch", head + " Some of these numbers are missing "
                     "or impossible (TF prints sizes >= 0 and stride, dilation, filter >= 1), so "
                     "convt cannot work out the padding or the valid sizes.", facts, explorer=explorer)
    if facts.get("output") is not None and facts["output"] != i:
        head += (f" (The message is inconsistent: `output:` {facts['output']} should equal "
                 f"`actual` {i}; convt uses actual.)")
    got = {p: windowed_output(n, k, s, d, p).size for p in ("SAME", "VALID")}
    fits = [p for p in ("SAME", "VALID") if got[p] == c]
    if keras and "SAME" in fits and n == (i - 1) * s and effective_kernel(k, d) % 2 == 0:
        return _keras_same_pitfall(facts, head, i, c, n, k, s, d, axis_index, axis, explorer)
    valid: List[SizeList] = [None, None]
    fixes: List[str] = []
    parts = [head]
    padding = fits[0] if len(fits) == 1 else None
    if padding:
        other = "VALID" if padding == "SAME" else "SAME"
        parts.append(f"The padding is not printed, but the numbers betray it: only {padding} gives "
                     f"computed = {c} ({forward_arithmetic(n, k, s, d, padding)}; {other} would give "
                     f"{got[other]}), unless you passed explicit padding, which TF does not print.")
        sizes = _tf_valid(i, k, s, d, padding)
        if sizes is not None:
            parts.append(tf_size_mismatch_explanation(i, n, k, s, d, padding, axis))
            fixes = [f.text for f in tf_size_fixes(i, n, k, s, d, padding)]
            if axis_index is not None:
                valid[axis_index] = list(sizes)
        else:
            parts.append(_too_long_note(i, k, s, d, padding))
            if c >= 1:
                fixes.append(f"feed an input of {axis} {c}: that is what the forward conv of {n} gives")
        explorer["pad"] = padding
    elif len(fits) == 2:
        parts.append(f"A forward conv over {n} (kernel {k}, stride {s}, dilation {d}) gives {c}, "
                     f"not {i}.")
        parts.append(f"Both SAME ({forward_arithmetic(n, k, s, d, 'SAME')}) and VALID "
                     f"({forward_arithmetic(n, k, s, d, 'VALID')}) give computed = {c}, so the message "
                     f"cannot tell which padding you used.")
        per = {p: _tf_valid(i, k, s, d, p) for p in ("SAME", "VALID")}
        both: Dict[str, List[str]] = {}
        for p in ("SAME", "VALID"):
            if per[p] is not None:
                parts.append(f"With {p}, TF accepts output {axis}s {size_list(per[p])} for an input of {i}.")
                for f in tf_size_fixes(i, n, k, s, d, p):
                    both.setdefault(f.text, []).append(p)
            else:
                parts.append(_too_long_note(i, k, s, d, p))
        fixes = [t if len(ps) == 2 else f"if you use {ps[0]}: {t}" for t, ps in both.items()]
        if per["SAME"] is not None and per["SAME"] == per["VALID"] and axis_index is not None:
            valid[axis_index] = list(per["SAME"])
    else:
        parts.append(f"A forward conv over {n} (kernel {k}, stride {s}, dilation {d}) gives {c}, "
                     f"not {i}.")
        parts.append(_explicit_note(i, c, n, k, s, d, got))
        if c >= 1:
            fixes.append(f"feed an input of {axis} {c}: that is what the forward conv of {n} gives")
        fixes.append(f"ask for an output {axis} whose forward conv gives {i} (open the shape explorer "
                     f"with your explicit padding)")
    if keras:
        fixes.append("in Keras, output_padding=None lets the layer pick a size TF accepts")
    return _diag(framework, "tf_size_mismatch", " ".join(parts), facts, padding,
                 tuple(valid), fixes, explorer)


def _keras_same_pitfall(facts, head, i, c, n, k, s, d, axis_index, axis, explorer) -> Diagnosis:
    """Keras 3 + TF, padding='same', even kernel, output_padding=0: Keras asks for (i-1)*s."""
    sizes = _tf_valid(i, k, s, d, "SAME")
    valid: List[SizeList] = [None, None]
    if sizes is not None and axis_index is not None:
        valid[axis_index] = list(sizes)
    text = (head + f" This is a known Keras pitfall: with padding='same', an even kernel ({k}) and "
            f"output_padding=0, Keras asks TF for (i-1)*stride + kernel%2 + output_padding = "
            f"{i - 1}*{s} + 0 + 0 = {n}, but a forward SAME conv maps {n} to "
            f"{forward_arithmetic(n, k, s, d, 'SAME')}, not {i}: TF SAME accepts only "
            f"{size_list(sizes) if sizes is not None else f'{(i - 1) * s + 1} to {i * s}'} for an "
            f"input of {i}. (With VALID Keras never asks for a size TF refuses, so the padding was "
            f"'same'. The torch backend crops instead and returns {n}.)")
    fixes = [f"output_padding=1 (Keras then asks for {(i - 1) * s + 1})",
             f"or output_padding=None (Keras asks for i*stride = {i * s})",
             "or an odd kernel size"]
    explorer = dict(explorer, pad="SAME")
    return _diag("keras", "tf_size_mismatch", text, facts, "SAME", tuple(valid), fixes, explorer)


def _too_long_note(i, k, s, d, padding) -> str:
    if s < 1:
        return ""
    if padding == "SAME":
        lo, hi = (i - 1) * s + 1, i * s
    else:
        lo = (i - 1) * s + effective_kernel(k, d)
        hi = lo + s - 1
    return (f"With {padding}, TF accepts output sizes from {max(lo, 1)} to {hi}: {s} sizes, too many "
            f"to list (convt lists at most {MAX_LIST}).")


def _explicit_note(i, c, n, k, s, d, got) -> str:
    k_eff = effective_kernel(k, d)
    note = (f"Neither SAME (gives {got['SAME']}) nor VALID (gives {got['VALID']}) produces computed = "
            f"{c} from {n}, so you probably passed explicit padding")
    if c >= 1:
        lo = c * s - n + k_eff - s
        hi = lo + s - 1
        if hi >= 0:
            totals = (size_list(range(max(lo, 0), hi + 1)) if hi - max(lo, 0) < MAX_LIST
                      else f"{max(lo, 0)} to {hi}")
            note += f": a total padding (top + bottom) of {totals} gives {c}"
    return note + ". TF does not print the padding, so convt cannot list the valid sizes."


def _tf_size_short(facts, label, rows_cols) -> Diagnosis:
    i, c = facts["actual"], facts["computed"]
    axis_index = {"rows": 0, "cols": 1}.get(rows_cols or "")
    axis = AXES[axis_index] if axis_index is not None else "spatial size"
    era = ("the TF 0.x form (\"Number of rows/cols\")" if rows_cols else
           "the short TF 1.x form (TF 2.x adds spatial_dim, input, filter, stride and dilation)")
    where = f" ({label})" if label else ""
    text = (f"TensorFlow{where} refused the output_shape of conv2d_transpose: your input x has "
            f"{axis} {i}, but a forward conv over the output {axis} you asked for gives {c}. "
            f"{_glossary(i, c)} This is {era}: it does not print the requested size, the kernel, the stride "
            f"or the padding, so convt cannot tell the padding or list the valid sizes.")
    fixes = []
    if i is not None and c is not None and i >= 1:
        examples = "; ".join(f"stride {s}: {(i - 1) * s + 1} to {i * s}" for s in (2, 3, 4))
        text += (f" With SAME padding and stride s, TF accepts output sizes (i-1)*s+1 to i*s for an "
                 f"input of {i} ({examples}); with VALID, (i-1)*s + k_eff to (i-1)*s + k_eff + s - 1.")
        direction = ("too large for this stride (or the stride is too small)" if c > i else
                     "too small for this stride (or the stride is too large)")
        if c != i:
            text += f" Since computed {c} {'>' if c > i else '<'} actual {i}, the output_shape is {direction}."
        fixes.append(f"ask for an output size whose forward conv gives {i}: with SAME padding and "
                     f"stride s, any size from {i - 1}*s+1 to {i}*s")
    if c is not None and c >= 1:
        fixes.append(f"or feed an input of {axis} {c}: that is what the forward conv of your output_shape gives")
    fixes.append("compute output_shape from the input: tf.shape(x)[1] * stride for SAME")
    fixes.append("TF 2.x prints the full message (input, filter, stride, dilation); paste that one "
                 "for exact valid sizes, or open the shape explorer")
    return _diag("tensorflow", "tf_size_mismatch", text, facts, None, (None, None), fixes,
                 {"in": i})


def _tf_size_bare(m: re.Match, text: str) -> Diagnosis:
    """The size check quoted without its numbers (READMEs, forum titles)."""
    text_ = ("TensorFlow's size check of conv2d_transpose failed: the output_shape you asked for does "
             "not map back onto your input. TF checks that a forward conv (same kernel, strides, "
             "padding) over output_shape gives exactly the input's size; TF words it from the "
             "gradient's side, `out_backprop` being your input x. The numbers are missing here, so "
             "convt cannot say more: paste the whole line (`actual = …, computed = …`).")
    fixes = ["with SAME padding, ask for an output size from (i-1)*stride+1 to i*stride for an input of i",
             "with VALID, from (i-1)*stride + k_eff to (i-1)*stride + k_eff + stride - 1",
             "compute output_shape from the input, e.g. [tf.shape(x)[0], h * stride, w * stride, C] for SAME"]
    return _diag("tensorflow", "tf_size_mismatch", text_, {}, fixes=fixes)


# ---------------------------------------------------------------------------------------------
# TensorFlow: gradient-time shape errors ("Shapes ... are not compatible")
# ---------------------------------------------------------------------------------------------

_TF_GRAD = re.compile(
    r"Incompatible shapes between op input and calculated input gradient\.?\s{0,8}"
    r"(?:Forward operation:\s{0,4}([^\s.]{1,200})\.?\s{0,8})?(?:Input index:\s{0,4}" + NUM
    + r"\.?\s{0,8})?Original input shape:\s{0,4}\(([^()]{0,5000})\)\.?\s{0,8}"
    r"Calculated input gradient shape:\s{0,4}\(([^()]{0,5000})\)")
_TF_SHAPES = re.compile(r"Shapes \(([^()]{0,5000})\) and \(([^()]{0,5000})\) are not compatible")


def _tf_grad(m: re.Match, text: str) -> Diagnosis:
    op, index = m.group(1), _int(m.group(2))
    original, calculated = _ints(m.group(3)), _ints(m.group(4))
    intro = ("TensorFlow could not build the gradient (graph mode, static shapes): the gradient "
             f"computed for input {index if index is not None else '?'} of `{op or 'the op'}` has "
             f"shape {_shape_str(calculated)}, but that input has shape {_shape_str(original)}.")
    if index is not None and index != 2 and op and "transpose" in op:
        intro += " (Input index 2 of conv2d_transpose is its input x, `out_backprop`.)"
    return _shapes_diag("tf_gradient_incompatible", intro, calculated, original, text, op)


def _tf_shapes(m: re.Match, text: str) -> Diagnosis:
    calculated, original = _ints(m.group(1)), _ints(m.group(2))
    intro = (f"TensorFlow refused to merge shape {_shape_str(calculated)} into "
             f"{_shape_str(original)} (TensorShape.merge_with).")
    return _shapes_diag("tf1_shapes_not_compatible", intro, calculated, original, text, None)


def _shapes_diag(kind, intro, calculated, original, text, op) -> Diagnosis:
    facts: Dict[str, Optional[int]] = {}
    rank = len(original)
    conv3d = rank == 5 and "conv3d" in (op or text)
    if rank != len(calculated) or not (rank == 4 or conv3d):
        if kind == "tf1_shapes_not_compatible":
            kind = "tf_shapes_not_compatible"
        return _diag("tensorflow", kind, intro + " Two shapes that must be equal differ. In Keras this "
                     "is often a loss whose labels and predictions have different shapes; for "
                     "conv2d_transpose the shapes are 4-D.", facts,
                     fixes=["print both shapes and make them equal where they differ"])
    differ = [ax for ax in range(rank) if None not in (calculated[ax], original[ax])
              and calculated[ax] != original[ax]]
    nchw = "NCHW" in text or "NCDHW" in text
    spatial = tuple(range(2, rank)) if nchw else tuple(range(1, rank - 1))
    names = ("depth",) + AXES if rank == 5 else AXES
    facts["batch"] = original[0]
    facts["channels"] = original[1 if nchw else rank - 1]
    spatial_diff = [ax for ax in differ if ax in spatial]
    for j, ax in enumerate(spatial):
        facts[f"actual_{names[j]}"] = original[ax]
        facts[f"computed_{names[j]}"] = calculated[ax]
    gradient = ("This is the seed's error: building the gradient of conv2d_transpose with respect "
                "to its input x runs a forward conv (same filter, strides, padding) over the gradient "
                "of the output, whose shape is your output_shape. That forward conv gives {c}, which "
                "cannot be the gradient of an input of {i}, so the output_shape does not map back "
                "onto the input.")
    fixes: List[str] = []
    explorer: Dict[str, object] = {}
    if spatial_diff:
        ax = spatial_diff[0]
        i, c = original[ax], calculated[ax]
        facts.update({"actual": i, "computed": c, "spatial_dim": ax})
        text_ = (intro + " " + gradient.format(c=c, i=i) + f" ({names[spatial.index(ax)]}: input {i}, "
                 f"forward conv of your output_shape {c}.) The message prints neither the "
                 f"output_shape, the kernel, the stride nor the padding, so convt cannot list the "
                 f"valid sizes.")
        if i is not None and i >= 1:
            text_ += (f" With SAME padding and stride s, TF accepts output sizes from {i - 1}*s+1 to "
                      f"{i}*s for an input of {i}.")
            fixes.append(f"ask for an output size whose forward conv gives {i} (SAME, stride s: "
                         f"{i - 1}*s+1 to {i}*s), or change the stride so the forward conv of your "
                         f"output_shape gives {i}")
        if c is not None and c >= 1:
            fixes.append(f"or feed an input of size {c}: that is what the forward conv of your "
                         f"output_shape gives")
        explorer = {"in": i} if rank == 4 else {}
        return _diag("tensorflow", kind, text_, facts, fixes=fixes, explorer=explorer)
    if differ:
        ax = differ[0]
        what = "batch size" if ax == 0 else "channel count"
        text_ = (intro + f" The {what} differs ({calculated[ax]} vs {original[ax]}). For "
                 f"conv2d_transpose the gradient has the batch of output_shape and the channels of "
                 f"the filter's last axis; the input must match both.")
        fixes.append("use tf.shape(x)[0] as output_shape's batch" if ax == 0 else
                     "make the filter's last axis (in_channels) equal to the input's channels")
        return _diag("tensorflow", kind, text_, facts, fixes=fixes)
    return _diag("tensorflow", kind, intro + " The known dimensions agree; an unknown (None) "
                 "dimension was resolved differently.", facts)


# ---------------------------------------------------------------------------------------------
# TensorFlow: oneDNN, batch, channels and other kernel / Python checks
# ---------------------------------------------------------------------------------------------

def _tf_onednn(m: re.Match, text: str) -> Diagnosis:
    keras = "keras" in text.lower()
    body = ("TensorFlow's default oneDNN CPU kernel (_MklNativeConv2DBackpropInput) could not build "
            "its primitive and hid the real reason. With conv2d_transpose this almost always means "
            "TF's own check would have failed: the output_shape does not map back onto the input "
            "(a forward conv of output_shape does not give the input's size), or the batch or "
            "input channels do not match the filter. Setting TF_ENABLE_ONEDNN_OPTS=0 (or using "
            "float64) brings the real message back, with its numbers.")
    if keras:
        body += (" Through Keras 3.0-3.13 this is also what an output_padding >= strides gives "
                 "(keras-team/keras#22127).")
    fixes = [FIX_ONEDNN,
             "check the sizes: with SAME, output_shape must be in (i-1)*s+1 .. i*s for an input of i; "
             "with VALID, (i-1)*s + k_eff .. (i-1)*s + k_eff + s - 1",
             "check that the input's channels equal the filter's last axis and the batch of "
             "output_shape equals the input's batch (use tf.shape(x)[0])"]
    return _diag("tensorflow", "tf_onednn", body, {}, fixes=fixes, explorer={"fw": "tf"})


_TF_BATCH = re.compile(
    r"input and out_backprop must have the same batch size\.?(?:\s{0,8}Input batch:\s{0,4}" + NUM
    + r",?\s{0,4}outbackprop batch:\s{0,4}" + NUM + r"(?:,?\s{0,4}batch_dim:\s{0,4}" + NUM + ")?)?")


def _tf_batch(m: re.Match, text: str) -> Diagnosis:
    ib, ob, dim = _int(m.group(1)), _int(m.group(2)), _int(m.group(3))
    facts = {"input_batch": ib, "out_backprop_batch": ob, "batch_dim": dim}
    nums = (f" output_shape says batch {ib}, your input x has batch {ob}." if ib is not None else "")
    text_ = ("TensorFlow: the batch size in output_shape must equal the batch size of the input x "
             "(`input` is your output_shape, `out_backprop` is your input x)." + nums +
             " A hard-coded batch in output_shape breaks as soon as the batch changes (e.g. the "
             "last, smaller batch of an epoch).")
    fixes = ["build output_shape from the input: [tf.shape(x)[0], H, W, C]",
             "or pass only the spatial sizes: output_shape=[H, W] (TF 2.x infers batch and channels)"]
    return _diag("tensorflow", "tf_batch", text_, facts, fixes=fixes)


def _tf_out_depth(m: re.Match, text: str) -> Diagnosis:
    text_ = ("TensorFlow: the input x's channels must equal the filter's LAST axis. conv2d_transpose's "
             "filter is laid out [height, width, output_channels, in_channels] (the forward conv's "
             "filter seen from the other side), and TF calls your input `out_backprop`, so its "
             "channels are the forward conv's out_depth.")
    fixes = ["make filters.shape[3] equal to x.shape[-1] (NHWC), e.g. build the filter as "
             "[k, k, out_channels, x.shape[-1]]",
             "if you swapped the two channel axes of the filter, transpose it: tf.transpose(w, [0, 1, 3, 2])"]
    return _diag("tensorflow", "tf_channels", text_, {}, fixes=fixes)


_TF_DEPTH = re.compile(r"input depth must be evenly divisible by filter depth(?::\s{0,4}" + NUM
                       + r"\s{0,4}vs\.?\s{0,4}" + NUM + ")?")


def _tf_depth(m: re.Match, text: str) -> Diagnosis:
    got, want = _int(m.group(1)), _int(m.group(2))
    facts = {"output_channels": got, "filter_output_channels": want}
    nums = f" (here {got} vs {want})" if got is not None else ""
    text_ = ("TensorFlow: the channel count in output_shape must equal the filter's axis 2 "
             f"(output_channels in [height, width, output_channels, in_channels]){nums}. TF calls "
             "your output_shape `input`, so this is the forward conv's input depth.")
    fixes = ["set output_shape[-1] to filters.shape[2]",
             "or build the filter with output_channels = output_shape[-1]"]
    return _diag("tensorflow", "tf_output_channels", text_, facts, fixes=fixes)


_TF_GROUPED = re.compile(r"Gradients for grouped convolutions are not supported on CPU\.?"
                         r"(?:[^\n]{0,200}?Computed input depth\s{0,4}" + NUM
                         + r"\s{0,4}doesn\S{0,8} match filter input depth\s{0,4}" + NUM + ")?")


def _tf_grouped(m: re.Match, text: str) -> Diagnosis:
    got, want = _int(m.group(1)), _int(m.group(2))
    facts = {"output_channels": got, "filter_output_channels": want}
    nums = f" Here output_shape has {got} channels and the filter's axis 2 has {want}." if got else ""
    text_ = ("TensorFlow: output_shape's channel count is a multiple of the filter's output_channels "
             "(axis 2), so TF reads it as a grouped transposed conv, which its CPU kernel cannot "
             "compute (with oneDNN on, the default, it runs as a grouped conv)." + nums)
    fixes = ["set output_shape[-1] to filters.shape[2]" + (f" ({want})" if want else ""),
             "or, if you want more output channels, make the filter's axis 2 that large"]
    return _diag("tensorflow", "tf_grouped", text_, facts, fixes=fixes)


_TF_DIMS = re.compile(r"Dimensions must be equal, but are " + NUM + r" and " + NUM
                      + r"(?: for '([^'\n]{0,3000})')?(?: with input shapes: ([^\n]{0,600}))?")


def _tf_dims(m: re.Match, text: str) -> Diagnosis:
    a, b = _int(m.group(1)), _int(m.group(2))
    node, shapes = m.group(3) or "", m.group(4) or ""
    facts = {"input_channels": a, "filter_in_channels": b}
    op = re.search(r"= ?([A-Za-z0-9_]{1,80})\[", node)
    op_name = op.group(1) if op else None
    if op_name != "Conv2DBackpropInput" and "conv2d_transpose" not in node:
        facts = {"first": a, "second": b}
        return _diag("tensorflow", "tf_dimensions", f"TensorFlow's static shape check: two dimensions "
                     f"that must be equal are {a} and {b}" + (f" (op {op_name})" if op_name else "")
                     + ". Fix the shapes so they agree.", facts)
    pad = re.search(r'padding="(SAME|VALID|EXPLICIT)"', node)
    padding = pad.group(1) if pad and pad.group(1) != "EXPLICIT" else None
    st = re.search(r"strides=\[([0-9, ]{1,5000})\]", node)
    strides = _ints(st.group(1)) if st else []
    shape_lists = [_ints(s) for s in re.findall(r"\[([0-9?, -]{0,80})\]", shapes)[:3]]
    explorer: Dict[str, object] = {}
    nhwc = 'data_format="NCHW"' not in node
    if len(strides) == 4:
        facts["stride"] = strides[1] if nhwc else strides[2]
        explorer["s"] = facts["stride"]
    if len(shape_lists) == 3 and len(shape_lists[1]) == 4 and len(shape_lists[2]) == 4:
        flt, inp = shape_lists[1], shape_lists[2]
        facts["filter"] = flt[0]
        facts["filter_out_channels"] = flt[2]
        facts["in_height"] = inp[1] if nhwc else inp[2]
        facts["in_width"] = inp[2] if nhwc else inp[3]
        explorer.update({"k": flt[0], "in": facts["in_height"]})
    if padding:
        explorer["pad"] = padding
    text_ = (f"TensorFlow (while tracing, inside tf.function): your input x has {a} channels but the "
             f"filter's last axis (in_channels of [height, width, output_channels, in_channels]) is "
             f"{b}. This channel check is the one conv2d_transpose check TF does before running; "
             f"sizes are checked only when the op runs.")
    fixes = [f"make the filter's last axis {a} (or give x {b} channels)",
             "if the filter's two channel axes are swapped, transpose it: tf.transpose(w, [0, 1, 3, 2])"]
    return _diag("tensorflow", "tf_channels", text_, facts, padding, fixes=fixes, explorer=explorer)


_TF_NEG = re.compile(r"Computed output size would be negative:\s{0,4}" + NUM
                     + r"\s{0,4}\[input_size:\s{0,4}" + NUM + r",\s{0,4}effective_filter_size:\s{0,4}"
                     + NUM + r",\s{0,4}stride:\s{0,4}" + NUM + r"\]")


def _tf_negative(m: re.Match, text: str) -> Diagnosis:
    size, n, k_eff, s = (_int(m.group(j)) for j in range(1, 5))
    facts = {"computed": size, "input": n, "effective_filter_size": k_eff, "stride": s}
    padding = None
    if None not in (size, n, k_eff, s) and s >= 1 and k_eff >= 1:
        if windowed_output(n, k_eff, s, 1, "VALID").size == size:
            padding = "VALID"
    text_ = (f"TensorFlow: a forward conv over a size of {n} with a kernel spanning {k_eff} cells "
             f"(effective filter size = (kernel-1)*dilation+1) and stride {s} would produce {size} "
             f"cells. For conv2d_transpose, `input_size` is the output_shape you asked for: it is "
             f"smaller than the kernel span, which VALID (or small explicit) padding cannot handle.")
    fixes = []
    if k_eff is not None and s is not None and s >= 1:
        fixes.append(f"ask for an output size of at least {k_eff}: with VALID, an input of i needs "
                     f"(i-1)*{s} + {k_eff} to (i-1)*{s} + {k_eff} + {s - 1}")
    fixes += ["use SAME padding (never negative)", "use a smaller kernel or dilation"]
    return _diag("tensorflow", "tf_negative_output", text_, facts, padding, fixes=fixes,
                 explorer={"out": n, "s": s, "pad": padding})


def _simple(framework: str, kind: str, text: str, fixes: Sequence[str] = (),
            facts_from: Callable[[re.Match], Dict[str, Optional[int]]] = lambda m: {}):
    def build(m: re.Match, _text: str) -> Diagnosis:
        return _diag(framework, kind, text, facts_from(m), fixes=list(fixes))
    return build


def _tf_input_sizes(m: re.Match, text: str) -> Diagnosis:
    got = _int(m.group(1))
    return _diag("tensorflow", "tf_output_shape_length",
                 f"TensorFlow: output_shape (TF calls it input_sizes) must have 4 values "
                 f"[batch, height, width, channels] or 2 values [height, width], but it has {got}.",
                 {"output_shape_length": got},
                 fixes=["pass output_shape=[batch, H, W, C] (e.g. [tf.shape(x)[0], H, W, C])",
                        "or only the spatial sizes: output_shape=[H, W]"])


def _tf_dilation(m: re.Match, text: str) -> Diagnosis:
    return _diag("tensorflow", "tf_dilation_cpu",
                 "TensorFlow's classic CPU kernel (oneDNN off, or float64) refuses dilations > 1 in "
                 "conv2d_transpose, although the arithmetic is well defined: the kernel spans "
                 "(k-1)*d+1 cells. TF's oneDNN kernel (the float32 default) and PyTorch compute it; "
                 "convt does too.",
                 fixes=["leave oneDNN on (the default) and use float32", "or run on a GPU",
                        "or use a larger kernel with zeros between the taps instead of dilation",
                        "or use dilations=1"], explorer={"fw": "tf"})


def _tf_strides_len(m: re.Match, text: str) -> Diagnosis:
    got = _int(m.group(1))
    return _diag("tensorflow", "tf_strides_length",
                 f"TensorFlow: strides (and dilations) must be an int or a list of 1, 2 or 4 values "
                 f"([1, sh, sw, 1] in NHWC); this one has {got}.", {"strides_length": got},
                 fixes=["strides=2, strides=[2, 2] or strides=[1, 2, 2, 1]"])


def _tf_stride_value(m: re.Match, text: str) -> Diagnosis:
    got = _int(m.group(1)) if m.groups() else None
    return _diag("tensorflow", "tf_stride_value",
                 "TensorFlow: strides must be >= 1 and dilations >= 1." +
                 (f" Got {got}." if got is not None else ""), {"value": got},
                 fixes=["use strides >= 1 and dilations >= 1"])


# ---------------------------------------------------------------------------------------------
# Keras
# ---------------------------------------------------------------------------------------------

_KERAS_OP_OLD = re.compile(r"Stride \(([0-9, ]{1,5000})\) must be greater than output padding \(([0-9, ]{1,5000})\)")
_KERAS_OP_27 = re.compile(r"Strides must be greater than output padding\.?\s{0,4}Received:? "
                          r"strides=\(([0-9, ]{1,5000})\),\s{0,4}output_padding=\(([0-9, ]{1,5000})\)")
_KERAS_OP_3 = re.compile(r"`output_padding` must be strictly less than `strides` for all dimensions\.?"
                         r"(?:\s{0,4}At dimension " + NUM + r", `output_padding` is " + NUM
                         + r" but `strides` is " + NUM + r"\.?)?(?:\s{0,4}Received: output_padding=\(("
                         r"[0-9, ]{1,5000})\),\s{0,4}strides=\(([0-9, ]{1,5000})\))?")
_KERAS_OP_DUP = re.compile(r"Invalid `output_padding` argument\.")
_KERAS_CLAMP = re.compile(r"Torch backend requires output_padding < stride")


def _keras_op(strides: List[Optional[int]], ops: List[Optional[int]], dim: Optional[int] = None,
              version: str = "") -> Diagnosis:
    facts: Dict[str, Optional[int]] = {}
    for j, name in enumerate(AXES):
        if j < len(strides):
            facts[f"stride_{name}"] = strides[j]
        if j < len(ops):
            facts[f"output_padding_{name}"] = ops[j]
    if dim is not None:
        facts["dimension"] = dim
    text_ = ("Keras: output_padding must be strictly less than strides in every dimension. For an "
             "input of i, a transposed conv with stride s can produce s different output sizes; "
             "output_padding (0 .. s-1) picks one of them, so it cannot reach s." + version)
    fixes = []
    if strides and ops and None not in strides and None not in ops and len(strides) == len(ops):
        ok = tuple(min(o, max(s - 1, 0)) for o, s in zip(ops, strides))
        fixes.append(f"use output_padding={ok} (each value below its stride)")
    fixes += ["or output_padding=None: Keras then picks the size itself (SAME: i*s)",
              "or a larger stride"]
    s0 = strides[0] if strides else None
    return _diag("keras", "keras_output_padding", text_, facts, fixes=fixes, explorer={"s": s0})


def _keras_op_old(m, text):
    return _keras_op(_ints(m.group(1)), _ints(m.group(2)), version=" (Keras <= 2.6 wording.)")


def _keras_op_27(m, text):
    return _keras_op(_ints(m.group(1)), _ints(m.group(2)), version=" (Keras 2.7+ / tf-keras wording.)")


def _keras_op_3(m, text):
    if m.group(4) is not None:
        return _keras_op(_ints(m.group(5)), _ints(m.group(4)), _int(m.group(1)))
    if m.group(1) is not None:
        dim, op, s = _int(m.group(1)), _int(m.group(2)), _int(m.group(3))
        d = _keras_op([], [], dim)
        return _diag("keras", "keras_output_padding", d.text,
                     dict(d.facts, output_padding=op, stride=s), fixes=d.fixes, explorer={"s": s})
    return _keras_op([], [])


_KERAS_AXIS = re.compile(r"expected axis " + NUM + r" of input shape to have value " + NUM
                         + r",? but received input with shape \(([^()]{0,5000})\)")


def _keras_axis(m: re.Match, text: str) -> Diagnosis:
    axis, want, shape = _int(m.group(1)), _int(m.group(2)), _ints(m.group(3))
    got = None
    if axis is not None and shape and -len(shape) <= axis < len(shape):
        got = shape[axis]
    layer = re.search(r"of layer '([^'\n]{0,120})'", text)
    facts = {"axis": axis, "expected_channels": want, "input_channels": got}
    text_ = (f"Keras: the layer{' ' + repr(layer.group(1)) if layer else ''} was built for inputs "
             f"with {want} channels (axis {axis}) and now received {_shape_str(shape)}"
             f"{f', with {got}' if got is not None else ''}. A layer's kernel is created on the first "
             f"call, so every later input must have the same channel count.")
    fixes = [f"give the layer inputs with {want} channels",
             "or use a new layer for the new channel count (Conv2DTranspose kernel is "
             "(kh, kw, filters, input_channels))"]
    return _diag("keras", "keras_channels", text_, facts, fixes=fixes)


_KERAS_OPS_CH = re.compile(r"The number of input channels must match the kernel's input channels\.?"
                           r"(?:\s{0,4}Received: input channels=" + NUM
                           + r",\s{0,4}kernel input channels=" + NUM + ")?")


def _keras_ops_channels(m, text):
    a, b = _int(m.group(1)), _int(m.group(2))
    return _diag("keras", "keras_channels",
                 f"Keras (keras.ops.conv_transpose): the input has {a} channels but the kernel "
                 f"expects {b} (its last axis).", {"input_channels": a, "kernel_in_channels": b},
                 fixes=["make the kernel's last axis equal to the input's channels"])


# ---------------------------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------------------------

_TORCH_RANGE = re.compile(
    r"requested an output size of (torch\.Size\(\[[^\]]{0,5000}\]\)|\[[^\]]{0,5000}\]|\([^()]{0,5000}\))"
    r",? but valid sizes range from \[([^\]]{0,5000})\] to \[([^\]]{0,5000})\]"
    r"(?: \(for an input of (?:torch\.Size\()?\[([^\]]{0,5000})\]\)?\))?")


def _torch_range(m: re.Match, text: str) -> Diagnosis:
    requested = _ints(m.group(1).replace("torch.Size", ""))
    mins, maxs = _ints(m.group(2)), _ints(m.group(3))
    inputs = _ints(m.group(4)) if m.group(4) is not None else []
    dims = len(mins)
    facts: Dict[str, Optional[int]] = {}
    req = requested[-dims:] if dims and len(requested) >= dims else requested
    names = AXES if dims == 2 else tuple(f"dim{j}" for j in range(dims))
    unbatched_bug = dims > 1 and len(inputs) == 1
    valid: List[SizeList] = [None, None]
    parts = ["PyTorch (ConvTranspose2d.forward with output_size) refused the requested output size."]
    fixes: List[str] = []
    explorer: Dict[str, object] = {}
    for j in range(dims):
        name = names[j]
        lo = mins[j]
        hi = maxs[j] if j < len(maxs) else None
        r = req[j] if j < len(req) else None
        i = inputs[j] if j < len(inputs) and not unbatched_bug else None
        facts.update({f"requested_{name}": r, f"min_{name}": lo, f"max_{name}": hi,
                      f"input_{name}": i})
        if lo is None or hi is None:
            continue
        if hi >= lo:
            facts[f"stride_{name}"] = hi - lo + 1
        sizes = _sizes(lo, hi)
        if j < 2 and dims <= 2:
            valid[j] = sizes
        if r is None or lo <= r <= hi:
            continue
        if i is not None and hi >= lo and hi - lo < MAX_LIST:
            parts.append(torch_output_size_explanation(i, r, lo, hi, name))
            fixes += [f"{name}: {f.text}" for f in torch_output_size_fixes(i, r, lo, hi)]
        else:
            parts.append(f"{name}: you asked for {r}; PyTorch accepts {lo} to {hi} "
                         f"(stride {hi - lo + 1}: min + stride - 1).")
            fixes.append(f"{name}: ask for a size from {lo} to {hi}")
        if "in" not in explorer:
            explorer = {"in": i, "s": facts.get(f"stride_{name}"), "out": r}
    if dims == 2 and [] in valid:
        empty = AXES[valid.index([])]
        parts.append(f"No positive {empty} is possible with these settings, so PyTorch accepts no "
                     f"output size at all: the {empty} range ends below 1 (too much padding).")
        valid = [[], []]
        fixes.append(f"{empty}: reduce padding or enlarge stride/kernel until the {empty} range reaches 1")
    if unbatched_bug:
        parts.append(f"(For an unbatched 3-D input PyTorch prints only the last input size, "
                     f"torch.Size([{inputs[0]}]); the check itself is right.)")
    parts.append("The accepted range is min .. min + stride - 1 (it ignores dilation); "
                 "F.conv_transpose2d's output_padding may go up to max(stride, dilation) - 1.")
    if len(requested) > dims:
        parts.append(f"Only the last {dims} entries of output_size count; the leading ones are dropped.")
    return _diag("pytorch", "torch_output_size", " ".join(parts), facts, None, tuple(valid),
                 fixes, explorer)


_TORCH_OP = re.compile(r"output padding must be smaller than either stride or dilation,? but got"
                       r"((?:\s{1,4}[a-z_]{1,40}:\s{0,4}-?[0-9]{1,1000}){0,12})")


def _torch_op(m: re.Match, text: str) -> Diagnosis:
    facts = {name: _int(v) for name, v in re.findall(r"([a-z_]{1,40}):\s{0,4}(-?[0-9]{1,1000})", m.group(1))}
    parts = ["PyTorch: output_padding must be smaller than the stride or the dilation in every "
             "dimension (op < max(stride, dilation)). It only selects which of the possible output "
             "sizes you get (it does not add zeros)."]
    fixes: List[str] = []
    ok = []
    for name in ("depth", "height", "width"):
        op, s, d = (facts.get(f"{p}_{name}") for p in ("output_padding", "stride", "dilation"))
        if op is None or s is None:
            continue
        limit = max(s, d or 1) - 1
        ok.append(min(op, max(limit, 0)))
        if op > limit:
            parts.append(f"{name}: output_padding {op}, stride {s}, dilation {d}: the most allowed is {limit}.")
    if ok:
        fixes.append(f"use output_padding={tuple(ok)}")
    fixes += ["or pass output_size= to the module's forward to pick the size directly",
              "or change padding/stride so the size you want needs a smaller output_padding"]
    return _diag("pytorch", "torch_output_padding", " ".join(parts), facts, fixes=fixes,
                 explorer={"s": facts.get("stride_height"), "d": facts.get("dilation_height")})


_TORCH_CH = re.compile(r"Given (transposed=[01]|groups=[0-9]{1,20}), weight of size \[([^\]]{0,5000})\],? expected input\["
                       r"([^\]]{0,5000})\] to have " + NUM + r" channels, but got " + NUM + r" channels")


def _torch_channels(m: re.Match, text: str) -> Diagnosis:
    transposed = m.group(1) == "transposed=1"
    weight, inp = _ints(m.group(2)), _ints(m.group(3))
    want, got = _int(m.group(4)), _int(m.group(5))
    facts = {"expected_channels": want, "input_channels": got}
    if transposed:
        text_ = (f"PyTorch: the transposed conv's weight {_shape_str(weight)} is laid out "
                 f"(in_channels, out_channels/groups, kH, kW), so the input must have {want} "
                 f"channels (weight axis 0), but input {_shape_str(inp)} has {got}.")
        fixes = [f"use ConvTranspose2d(in_channels={got}, ...) for this input",
                 f"or feed an input with {want} channels",
                 "if the weight came from a forward conv (out, in, kH, kW), the axes are swapped: "
                 "conv_transpose2d uses the same tensor without transposing it"]
    else:
        text_ = (f"PyTorch: the conv's weight {_shape_str(weight)} (out, in/groups, kH, kW) expects "
                 f"{want} input channels, but input {_shape_str(inp)} has {got}.")
        fixes = [f"use Conv2d(in_channels={got}, ...)", f"or feed an input with {want} channels"]
    return _diag("pytorch", "torch_channels", text_, facts, fixes=fixes)


_TORCH_SMALL = re.compile(r"Given input size per channel: \(" + NUM + r" x " + NUM
                          + r"\)\.? Calculated output size per channel: \(" + NUM + r" x " + NUM
                          + r"\)\.? Output size is too small")


def _torch_small(m: re.Match, text: str) -> Diagnosis:
    ih, iw, oh, ow = (_int(m.group(j)) for j in range(1, 5))
    facts = {"input_height": ih, "input_width": iw, "output_height": oh, "output_width": ow}
    text_ = (f"PyTorch: for an input of {ih} x {iw}, the transposed conv would produce {oh} x {ow}, "
             f"and sizes below 1 are refused. The output is (i-1)*stride - 2*padding + "
             f"dilation*(kernel-1) + output_padding + 1: the padding is too large for this input.")
    return _diag("pytorch", "torch_output_too_small", text_, facts,
                 fixes=["reduce padding (each unit removes two cells)", "or use a larger stride or kernel",
                        "or a larger input"], explorer={"in": ih})


def _torch_kernel_big(m, text):
    ih, iw, kh, kw = (_int(m.group(j)) for j in range(1, 5))
    return _diag("pytorch", "torch_kernel_too_large",
                 f"PyTorch (forward conv): the kernel ({kh} x {kw}, dilated) is larger than the padded "
                 f"input ({ih} x {iw}).", {"input_height": ih, "input_width": iw,
                                           "kernel_height": kh, "kernel_width": kw},
                 fixes=["add padding", "or use a smaller kernel or dilation", "or a larger input"])


_TORCH_BIAS = re.compile(r"expected bias to be 1-dimensional with " + NUM
                         + r" elements,? but got bias of size \[([^\]]{0,5000})\]")


def _torch_bias(m, text):
    want, got = _int(m.group(1)), _ints(m.group(2))
    return _diag("pytorch", "torch_bias",
                 f"PyTorch: the bias must have one value per output channel ({want}), but it has "
                 f"shape {_shape_str(got)}. For a transposed conv the output channels are "
                 f"weight.shape[1] * groups.", {"expected_bias": want},
                 fixes=[f"use a bias of shape ({want},)"])


def _torch_output_size_len(m, text):
    got = _int(m.group(1))
    return _diag("pytorch", "torch_output_size_length",
                 f"PyTorch: output_size must list the spatial sizes (2 for a 2-D conv) or the whole "
                 f"shape (4 for batched input); it has {got} entries.", {"output_size_length": got},
                 fixes=["output_size=(H, W) or output_size=x_target.shape"])


# ---------------------------------------------------------------------------------------------
# The table: first pattern that matches (in this order of priority) decides
# ---------------------------------------------------------------------------------------------

def _r(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern)


_TABLE: List[Tuple[str, str, "re.Pattern[str]", Callable[[re.Match, str], Optional[Diagnosis]]]] = [
    ("tensorflow", "tf_size_mismatch", _TF_SIZE, _tf_size),
    ("tensorflow", "tf_gradient_incompatible", _TF_GRAD, _tf_grad),
    ("tensorflow", "tf_size_mismatch", _r(r"(?:Size|Number of (?:rows|cols)) of out_backprop doesn\S{0,8} "
                                          r"match computed"), _tf_size_bare),
    ("pytorch", "torch_output_size", _TORCH_RANGE, _torch_range),
    ("pytorch", "torch_output_padding", _TORCH_OP, _torch_op),
    ("keras", "keras_output_padding", _KERAS_OP_3, _keras_op_3),
    ("keras", "keras_output_padding", _KERAS_OP_27, _keras_op_27),
    ("keras", "keras_output_padding", _KERAS_OP_OLD, _keras_op_old),
    ("keras", "keras_output_padding", _KERAS_OP_DUP, lambda m, t: _keras_op([], [])),
    ("keras", "keras_output_padding", _KERAS_CLAMP, lambda m, t: _keras_op(
        [], [], version=" (Keras 3's torch backend clamped it with a warning instead of failing.)")),
    ("tensorflow", "tf_batch", _TF_BATCH, _tf_batch),
    ("tensorflow", "tf_channels", _r(r"filter and out_backprop must have the same out_depth"), _tf_out_depth),
    ("tensorflow", "tf_output_channels", _TF_DEPTH, _tf_depth),
    ("tensorflow", "tf_grouped", _TF_GROUPED, _tf_grouped),
    ("tensorflow", "tf_channels", _TF_DIMS, _tf_dims),
    ("tensorflow", "tf_negative_output", _TF_NEG, _tf_negative),
    ("tensorflow", "tf_dilation_cpu", _r(r"do(?:es)? not yet support dilation rates larger than 1"), _tf_dilation),
    ("tensorflow", "tf_output_shape_length",
     _r(r"requires input_sizes to contain 4 values or 2 values,? but got:?\s{0,4}" + NUM), _tf_input_sizes),
    ("tensorflow", "tf1_shapes_not_compatible", _TF_SHAPES, _tf_shapes),
    ("keras", "keras_channels", _KERAS_AXIS, _keras_axis),
    ("keras", "keras_channels", _KERAS_OPS_CH, _keras_ops_channels),
    ("pytorch", "torch_channels", _TORCH_CH, _torch_channels),
    ("pytorch", "torch_bias", _TORCH_BIAS, _torch_bias),
    ("pytorch", "torch_output_too_small", _TORCH_SMALL, _torch_small),
    ("pytorch", "torch_kernel_too_large",
     _r(r"Calculated padded input size per channel: \(" + NUM + r" x " + NUM + r"\)\.? Kernel size: \("
        + NUM + r" x " + NUM + r"\)"), _torch_kernel_big),
    ("pytorch", "torch_negative_padding", _r(r"negative padding is not supported"),
     _simple("pytorch", "torch_negative_padding", "PyTorch: padding must be >= 0. To get a LARGER "
             "output from a transposed conv, lower padding (towards 0) or use output_padding / "
             "output_size; to crop asymmetrically, compute with padding=0 and slice.",
             ["use padding >= 0", "slice the output instead: y[..., a:a+H, b:b+W]"])),
    ("pytorch", "torch_stride", _r(r"non-positive stride is not supported"),
     _simple("pytorch", "torch_stride", "PyTorch: stride must be >= 1 in every dimension.",
             ["use stride >= 1"])),
    ("pytorch", "torch_dilation", _r(r"dilation should be greater than zero"),
     _simple("pytorch", "torch_dilation", "PyTorch: dilation must be >= 1.", ["use dilation >= 1"])),
    ("pytorch", "torch_output_size_length",
     _r(r"output_size must have [0-9]{1,3} or [0-9]{1,3} elements \(got " + NUM + r"\)"), _torch_output_size_len),
    ("pytorch", "torch_rank", _r(r"Expected 3D \(unbatched\) or 4D \(batched\) input to conv"),
     _simple("pytorch", "torch_rank", "PyTorch: conv2d and conv_transpose2d take a 3-D (C, H, W) or "
             "4-D (N, C, H, W) input.", ["reshape the input to (N, C, H, W)"])),
    ("pytorch", "torch_groups", _r(r"Given groups=" + NUM + r", expected weight to be at least"),
     _simple("pytorch", "torch_groups", "PyTorch: the weight's axis 0 must have at least `groups` "
             "entries (and be divisible by groups).", ["choose groups dividing in_channels and out_channels"],
             lambda m: {"groups": _int(m.group(1))})),
    ("pytorch", "torch_groups", _r(r"non-positive groups is not supported"),
     _simple("pytorch", "torch_groups", "PyTorch: groups must be >= 1.", ["use groups >= 1"])),
    ("pytorch", "torch_argument_length",
     _r(r"expected (stride|padding|dilation|output_padding) to be a single integer value or a list of "
        r"[0-9]{1,3} values"),
     _simple("pytorch", "torch_argument_length", "PyTorch: stride, padding, dilation and output_padding "
             "are an int or one value per spatial dimension (2 for a 2-D conv).",
             ["pass an int or a pair, e.g. stride=2 or stride=(2, 2)"])),
    ("pytorch", "torch_padding_string", _r(r"padding='same' is not supported for strided convolutions"),
     _simple("pytorch", "torch_padding_string", "PyTorch: padding='same' only works with stride 1 "
             "(forward conv2d).", ["compute the padding yourself: (k-1)*d // 2 for odd kernels",
                                   "or pad with F.pad first, asymmetrically like TF SAME"])),
    ("pytorch", "torch_padding_string", _r(r"Invalid padding string: '[^'\n]{0,40}'"),
     _simple("pytorch", "torch_padding_string", "PyTorch: a string padding must be 'same' or 'valid' "
             "(lower case, forward convs only).", ["padding='same' or padding='valid', or integers"])),
    ("pytorch", "torch_groups", _r(r"Given groups=" + NUM + r", expected weight to be divisible by"),
     _simple("pytorch", "torch_groups", "PyTorch: the weight's axis 0 (in_channels) must be divisible "
             "by groups.", ["choose groups dividing in_channels and out_channels"],
             lambda m: {"groups": _int(m.group(1))})),
    ("pytorch", "torch_groups", _r(r"(?:in|out)_channels must be divisible by groups"),
     _simple("pytorch", "torch_groups", "PyTorch: in_channels and out_channels must both be divisible "
             "by groups.", ["choose groups dividing in_channels and out_channels"])),
    ("pytorch", "torch_padding_mode", _r(r"Only \"zeros\" padding mode is supported for ConvTranspose"),
     _simple("pytorch", "torch_padding_mode", "PyTorch: ConvTranspose2d only supports "
             "padding_mode='zeros'.", ["drop padding_mode, or pad the input yourself with F.pad"])),
    ("pytorch", "torch_padding_string",
     _r(r"conv_transpose2d\(\): argument 'padding'"),
     _simple("pytorch", "torch_padding_string", "PyTorch: transposed convs take integer padding only "
             "('same'/'valid' are for forward convs). padding=p removes p cells from each end of the "
             "full output (i-1)*s + (k-1)*d + 1.",
             ["use padding=(k-1)//2 for odd kernels (like TF SAME, with output_padding=stride-1 for i*s)",
              "or padding=0 and slice the output as TF SAME would"])),
    ("pytorch", "torch_mkldnn", _r(r"could not construct a memory descriptor using a format tag"),
     _simple("pytorch", "torch_mkldnn", "PyTorch's mkldnn CPU path hid the reason; with transposed convs "
             "this usually means the computed output size is below 1 (too much padding). With "
             "torch.backends.mkldnn.flags(enabled=False) PyTorch says 'Output size is too small'.",
             ["reduce padding", "run inside torch.backends.mkldnn.flags(enabled=False) to see the real message"])),
    ("tensorflow", "tf_onednn", _r(r"could not create a primitive descriptor"), _tf_onednn),
    ("tensorflow", "tf_rank", _r(r"(?:input_sizes|input|filter|out_backprop) must be 4-dimensional"),
     _simple("tensorflow", "tf_rank", "TensorFlow: conv2d_transpose takes a 4-D input [batch, height, "
             "width, channels], a 4-D filter [height, width, output_channels, in_channels] and a 4-D "
             "(or 2-value) output_shape.", ["add the batch axis: x[tf.newaxis] or tf.expand_dims(x, 0)"])),
    ("tensorflow", "tf_nchw_cpu", _r(r"Conv2DCustomBackpropInputOp only supports NHWC"),
     _simple("tensorflow", "tf_nchw_cpu", "TensorFlow's classic CPU kernel only supports NHWC "
             "(channels last). NCHW works on GPU or with oneDNN on.",
             ["use data_format='NHWC' and transpose: tf.transpose(x, [0, 2, 3, 1])"])),
    ("tensorflow", "tf_dilations_batch_depth", _r(r"does not yet support dilations in the batch and depth"),
     _simple("tensorflow", "tf_dilations_batch_depth", "TensorFlow: dilations=[1, dh, dw, 1] (NHWC): "
             "the batch and channel dilations must be 1.", ["dilations=[1, d, d, 1], or just dilations=d"])),
    ("tensorflow", "tf_groups", _r(r"output depth must be evenly divisible by number of groups:?\s{0,4}"
                                   + NUM + r"\s{0,4}vs\.?\s{0,4}" + NUM),
     _simple("tensorflow", "tf_groups", "TensorFlow: the input channels are a multiple of the filter's "
             "in_channels, so TF runs a grouped conv, and the output channels must then be divisible by "
             "the number of groups.", ["make the input's channels equal to the filter's in_channels "
                                       "(no groups)", "or choose channel counts divisible by the groups"],
             lambda m: {"output_channels": _int(m.group(1)), "groups": _int(m.group(2))})),
    ("tensorflow", "tf_negative_dimension", _r(r"elements of input_sizes must be >= 0"),
     _simple("tensorflow", "tf_negative_dimension", "TensorFlow: an entry of output_shape (TF calls it "
             "input_sizes) is negative.", ["make every output_shape entry >= 0"])),
    ("tensorflow", "tf_stride_value", _r(r"Dilated rates should be larger than 0"), _tf_stride_value),
    ("tensorflow", "tf_padding", _r(r"All elements of explicit_paddings must be nonnegative"),
     _simple("tensorflow", "tf_padding", "TensorFlow: explicit padding values must be >= 0. To get a "
             "larger transposed-conv output, ask for a larger output_shape instead.",
             ["use padding values >= 0"])),
    ("tensorflow", "tf_nchw_cpu", _r(r"only supports the NHWC tensor format on the CPU"),
     _simple("tensorflow", "tf_nchw_cpu", "TensorFlow's classic CPU kernels only support NHWC "
             "(channels last). NCHW works on GPU or with oneDNN on.",
             ["use data_format='NHWC' and transpose: tf.transpose(x, [0, 2, 3, 1])"])),
    ("tensorflow", "tf_strides_batch_depth", _r(r"does not yet support strides in the batch and depth"),
     _simple("tensorflow", "tf_strides_batch_depth", "TensorFlow: strides=[1, sh, sw, 1] (NHWC): the "
             "batch and channel strides must be 1.", ["strides=[1, s, s, 1], or just strides=s"])),
    ("tensorflow", "tf_strides_length",
     _r(r"(?:strides|dilations) should be of length 1, 2 or 4\.?(?: Received: [^\n]{0,200}? of length "
        + NUM + ")?"), _tf_strides_len),
    ("tensorflow", "tf_stride_value", _r(r"Row and column strides should be larger than 0"), _tf_stride_value),
    ("tensorflow", "tf_stride_value", _r(r"Stride must be > 0, but got " + NUM), _tf_stride_value),
    ("tensorflow", "tf_stride_value", _r(r"Dilation rate must be >= 1, but got " + NUM), _tf_stride_value),
    ("tensorflow", "tf_padding", _r(r"Value for attr 'padding' of \"[^\"\n]{0,40}\" is not in the list"),
     _simple("tensorflow", "tf_padding", "TensorFlow: tf.nn.conv2d_transpose wants padding 'SAME' or "
             "'VALID' in capitals (or an explicit list); Keras layers take lower case.",
             ["padding='SAME' or padding='VALID'"])),
    ("tensorflow", "tf_padding", _r(r"(?:'EXPLICIT' is not a valid value for `padding`|When `?padding`? is a "
                                   r"list|Nonzero explicit padding in the batch or depth|padding must be "
                                   r"either VALID or SAME)"),
     _simple("tensorflow", "tf_padding", "TensorFlow: padding is 'SAME', 'VALID' or an explicit list "
             "[[0, 0], [top, bottom], [left, right], [0, 0]] (NHWC), with zeros for batch and channels.",
             ["padding=[[0, 0], [1, 1], [1, 1], [0, 0]]"])),
    ("tensorflow", "tf_negative_dimension", _r(r"Dimension -?[0-9]{1,1000} must be >= 0"),
     _simple("tensorflow", "tf_negative_dimension", "TensorFlow: an entry of output_shape is negative.",
             ["make every output_shape entry >= 0"])),
    ("tensorflow", "tf_filter_depth", _r(r"filter depth must be strictly great"),
     _simple("tensorflow", "tf_filter_depth", "TensorFlow: the filter has 0 channels on axis 2 "
             "(output_channels).", ["give the filter at least one output channel"])),
    ("tensorflow", "tf_output_channels", _r(r"Computed output depth " + NUM + r" doesn\S{0,8} match filter "
                                           r"output depth " + NUM),
     _simple("tensorflow", "tf_output_channels", "TensorFlow: the input x's channels must equal the "
             "filter's last axis (in_channels).", ["make filters.shape[3] equal to x.shape[-1]"],
             lambda m: {"input_channels": _int(m.group(1)), "filter_in_channels": _int(m.group(2))})),
    ("tensorflow", "tf_channels", _r(r"input channels does not match filter's input channels,? " + NUM
                                     + r" != " + NUM),
     _simple("tensorflow", "tf_channels", "TensorFlow 1.x: the input x's channels must equal the "
             "filter's last axis (in_channels of [height, width, output_channels, in_channels]).",
             ["make filters.shape[3] equal to x.shape[-1]"],
             lambda m: {"input_channels": _int(m.group(1)), "filter_in_channels": _int(m.group(2))})),
    ("tensorflow", "tf_output_channels", _r(r"output_shape does not match filter's output channels,? " + NUM
                                            + r" != " + NUM),
     _simple("tensorflow", "tf_output_channels", "TensorFlow 1.x: output_shape's channels must equal "
             "the filter's axis 2 (output_channels).", ["set output_shape[-1] to filters.shape[2]"],
             lambda m: {"output_channels": _int(m.group(1)), "filter_output_channels": _int(m.group(2))})),
    ("tensorflow", "tf_output_shape_length", _r(r"output_shape must have shape \(4,\)"),
     _simple("tensorflow", "tf_output_shape_length", "TensorFlow 1.x: output_shape must have 4 values "
             "[batch, height, width, channels].", ["output_shape=[tf.shape(x)[0], H, W, C]"])),
    ("tensorflow", "tf_negative_dimension_size",
     _r(r"Negative dimension size caused by subtracting " + NUM + r" from " + NUM),
     _simple("tensorflow", "tf_negative_dimension_size", "TensorFlow (forward conv / pooling, VALID "
             "padding): the kernel is larger than the input.",
             ["use padding='same'", "or a smaller kernel", "or fewer downsampling layers before this one"],
             lambda m: {"kernel": _int(m.group(1)), "input": _int(m.group(2))})),
    ("keras", "keras_stride_dilation", _r(r"`strides > 1` not supported in conjunction with `dilation_rate > 1`"),
     _simple("keras", "keras_stride_dilation", "Keras: Conv2DTranspose cannot combine strides > 1 with "
             "dilation_rate > 1.", ["use strides=1 with dilation, or dilation_rate=1 with strides"])),
    ("keras", "keras_zero_argument", _r(r"The argument `(?:kernel_size|strides)` cannot contains? 0"),
     _simple("keras", "keras_zero_argument", "Keras: kernel_size and strides must be >= 1.",
             ["use values >= 1"])),
    ("keras", "keras_padding", _r(r"The `padding` argument must be a list/tuple or one of"),
     _simple("keras", "keras_padding", "Keras: Conv2DTranspose takes padding 'same' or 'valid'.",
             ["padding='same' or padding='valid'"])),
]

# Markers that name the framework of a message convt does not know in detail.
_MARKERS = [
    ("pytorch", re.compile(r"torch\.Size|RuntimeError: Given |torch/nn/|ConvTranspose[123]d|conv_transpose[123]d\(")),
    ("keras", re.compile(r"keras\.|keras/|Keras")),
    ("tensorflow", re.compile(r"tensorflow|InvalidArgumentError|\[Op:|\{\{node |Conv2DBackpropInput|"
                              r"conv2d_transpose|TensorShape")),
]


def explain(message: str) -> Diagnosis:
    """Read a framework error message; always returns a :class:`Diagnosis`, never raises."""
    try:
        text = _prepare(message)
    except Exception:  # noqa: BLE001 - never raise on user input
        text = ""
    for framework, kind, pattern, build in _TABLE:
        try:
            m = pattern.search(text)
        except Exception:  # noqa: BLE001
            continue
        if not m:
            continue
        try:
            result = build(m, text)
        except Exception as exc:  # noqa: BLE001 - a bug here must not reach the page
            return _diag(framework, kind, f"Recognised a {framework} message ({kind}), but convt could "
                         f"not read its numbers ({type(exc).__name__}).")
        if result is not None:
            return result
    return _unknown(text)


def _unknown(text: str) -> Diagnosis:
    if not text.strip():
        return Diagnosis(text="The message is empty: paste the error text TensorFlow, Keras or "
                              "PyTorch printed (the last lines of the traceback).")
    for framework, pattern in _MARKERS:
        if pattern.search(text):
            # framework stays None: the contract reserves it for recognised messages
            return Diagnosis(text=f"This looks like a {framework} message, but not one convt knows: "
                                  "it recognises the transposed-convolution shape, channel, batch, "
                                  "padding and stride errors of TensorFlow, Keras and PyTorch. Paste "
                                  "the error line itself (the last line of the traceback).")
    return Diagnosis(text="convt does not recognise this message. It reads the transposed-convolution "
                          "errors of TensorFlow (e.g. 'Size of out_backprop doesn't match computed'), "
                          "Keras (output_padding) and PyTorch ('requested an output size of ...').")
