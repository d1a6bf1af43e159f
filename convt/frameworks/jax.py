"""JAX 0.10 ``lax.conv_transpose`` (Flax ``nn.ConvTranspose`` calls it): its checks on shapes
alone, in JAX's order, with JAX's exact texts; the plain words that explain them; a reader that
takes the numbers back out of a pasted JAX message.

What JAX does (``jax/_src/lax/convolution.py``): ``conv_transpose`` is a *direct* convolution of the
stride-dilated input (``lhs_dilation=strides``) by the kernel, which it does NOT flip unless
``transpose_kernel=True``; ``padding`` becomes the padding of that direct conv:

* ``'SAME'`` / ``'VALID'`` (and, with ``use_consistent_padding=True``, ``(lo, hi)`` tuples) are read
  as the forward conv's padding and converted (``_conv_transpose_padding``): SAME gives ``i*s``,
  VALID ``(i-1)*s + max(k_eff, s)`` (Keras's rule), ``(lo, hi)`` gives ``(i-1)*s + k_eff - lo - hi``;
* by default, ``(lo, hi)`` pairs pad the dilated input itself: ``(i-1)*s + 2 - k_eff + lo + hi``;
* any other string only works with stride 1 (it reaches ``conv_general_dilated``'s own padding).

In the canonical model of ``convt`` (full transposed output ``L = (i-1)*s + k_eff``, a window of
``out`` cells from ``start``), the direct conv with pads ``(lo, hi)`` is the window that starts at
``start = k_eff - 1 - lo``, of the transposed conv with the spatially flipped kernel.
"""
from __future__ import annotations

import math
import re
from typing import NamedTuple, Optional, Sequence, Tuple

from convt.diagnosis import Diagnosis, Fix, Framework, diagnosis
from convt.errors import ShapeError, refusal
from convt.frameworks._reading import (Rule, concat_diagnosis, number, numbers, read_table, shape_difference,
                                      spatial_axis, table_rules)

FW = Framework.JAX
TITLE = "JAX"
MARKER = re.compile(r"jax|XlaRuntimeError|conv_general_dilated|flax|Cannot lower jaxpr")
DEFAULT_DIMENSION_NUMBERS = ("NHWC", "HWIO", "NHWC")
# conv_transpose's defaults by rank (1-D and 3-D too; JAX's 3-D default spells its axes H, W, D)
DEFAULTS_BY_RANK = {3: ("NHC", "HIO", "NHC"), 4: DEFAULT_DIMENSION_NUMBERS, 5: ("NHWDC", "HWDIO", "NHWDC")}


class Axis(NamedTuple):
    """One spatial axis: sizes, the direct conv's pads, and the canonical window."""
    size: int
    kernel: int
    k_eff: int
    stride: int
    dilation: int
    pad_lo: int
    pad_hi: int
    out: int
    start: int


class Plan(NamedTuple):
    lhs_perm: Tuple[int, ...]     # lhs axes -> (N, C, H, W)
    rhs_perm: Tuple[int, ...]     # rhs axes -> (O, I, H, W) as JAX reads them (after any swap)
    out_perm: Tuple[int, ...]     # output axes -> (N, C, H, W)
    axes: Tuple[Axis, ...]        # one per spatial axis (2 for a 2-D conv)
    out_shape: Tuple[int, ...]    # in the output spec's order


# ----------------------------------------------------------------------------- messages (JAX's texts)
def invalid_padding_mode(padding) -> str:
    return f"Invalid padding mode: {padding}"


def string_padding_with_dilation() -> str:
    return ("String padding is not implemented for transposed convolution using this op. Please either "
            "exactly specify the required padding or use conv_transpose.")


def unrecognized_padding_type(padding) -> str:
    return f"Unrecognized padding type: expected 'VALID', 'SAME', or 'SAME_LOWER', got {padding}."


def padding_not_pairs(padding) -> str:
    return ("padding argument to conv_general_dilated should be a string or a sequence of (low, high) "
            f"pairs, got {padding}")


def feature_mismatch(lhs_features: int, rhs_in: int) -> str:
    return ("conv_general_dilated lhs feature dimension size divided by feature_group_count must equal "
            f"the rhs input feature dimension size, but {lhs_features} // 1 != {rhs_in}.")


def dilations_not_positive(dilation) -> str:
    return f"All dilations must be positive, got {tuple(dilation)}."


def wrong_number_of_pads(n: int, expected: int = 2) -> str:
    return f"Wrong number of explicit pads for convolution: expected {expected}, got {n}."


def negative_padding(pads, lhs_spatial) -> str:
    spatial = ", ".join(lhs_spatial) + ("," if len(lhs_spatial) == 1 else "")     # a Python tuple's repr
    return ("Negative padding is larger than the size of the corresponding dimension: "
            f"got padding={tuple(tuple(p) for p in pads)} for lhs_shape[2:]=({spatial})")


def empty_window(axis: int) -> str:
    return ("Cannot lower jaxpr with verifier errors:\n\texpects window to have positive value for "
            f"{axis}-th window dimension, but got 0.")


def dilation_rank(which: str, n: int, spatial: int = 2) -> str:
    """XLA's verifier: ``which`` is "base" (strides, the input dilation) or "window" (rhs_dilation)."""
    return (f"Cannot lower jaxpr with verifier errors:\n\texpects {which}-dilation factors to have same "
            f"dimension-size as size of window dimensions ({spatial}), but got: {n}.")


# ----------------------------------------------------------------------------- plain words
EXPLANATIONS = {
    "padding_mode": (
        "With use_consistent_padding=True, JAX reads padding as the forward conv's: 'SAME', 'VALID' or "
        "one (lo, hi) TUPLE per spatial axis. Lists like [1, 0] and other strings are refused.",
        ["pass padding=((lo, hi), (lo, hi)) as tuples", "or padding='SAME' / 'VALID'"]),
    "string_padding": (
        "Only 'SAME' and 'VALID' are converted for a transposed conv; any other string reaches "
        "conv_general_dilated, which cannot pad a stride-dilated input by name.",
        ["use padding='SAME' or 'VALID' (upper case)", "or give explicit (lo, hi) pairs"]),
    "unknown_padding": (
        "This padding string is not one JAX knows.",
        ["use 'SAME' or 'VALID'", "or explicit (lo, hi) pairs"]),
    "padding_pairs": (
        "Explicit padding must be one (low, high) pair of integers per spatial axis.",
        ["padding=((lo, hi), (lo, hi)) for a 2-D conv"]),
    "channels": (
        "conv_transpose's kernel is HWIO by default: its I axis must equal the input's channels. With "
        "transpose_kernel=True the kernel is flipped and its I and O axes swapped first, so then its O "
        "axis must equal them (the TF/Keras layout [h, w, out, in]).",
        ["swap the kernel's last two axes (rhs.transpose(0, 1, 3, 2))", "or toggle transpose_kernel"]),
    "dilations": (
        "strides (the input dilation of the equivalent direct conv) and rhs_dilation must be positive.",
        ["use strides and rhs_dilation of 1 or more"]),
    "pads_count": (
        "One (lo, hi) pair per spatial axis is needed: 2 for a 2-D conv. (With use_consistent_padding=True "
        "extra pairs are silently dropped, too few give this error.)",
        ["give exactly two (lo, hi) pairs"]),
    "negative_padding": (
        "Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); "
        "here they crop more than it has. By default integer pads are pads of that direct conv, not of "
        "the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.",
        ["use smaller (less negative) pads", "or use_consistent_padding=True with forward-conv pads"]),
    "empty_kernel": (
        "The kernel has no taps along this axis; XLA refuses an empty window when it lowers the call.",
        ["give the kernel at least one tap per spatial axis"]),
    "dimension_numbers": (
        "dimension_numbers is three strings, e.g. ('NHWC', 'HWIO', 'NHWC'): the input's, the kernel's and "
        "the output's axes, each with its batch/feature letters (N and C; O and I for the kernel) once "
        "and the same spatial letters.",
        ["leave dimension_numbers out for NHWC / HWIO / NHWC", "or spell all three with 4 letters each"]),
    "strides_rank": (
        "strides and rhs_dilation need one value per spatial axis (2 for a 2-D conv); JAX only notices "
        "when XLA lowers the call.",
        ["give strides=(sh, sw) and rhs_dilation=(dh, dw)"]),
}


def explanation(kind: str) -> Tuple[str, list]:
    """(plain words, fixes) for a message family."""
    return EXPLANATIONS.get(kind, ("", []))


def _fail(kind: str, message: str):
    raise refusal(message, explanation(kind))


# ----------------------------------------------------------------------------- arithmetic
def dilate_dim(d: int, dilation: int) -> int:
    """``core.dilate_dim``: the size of ``d`` cells with ``dilation - 1`` holes between them."""
    return d if dilation == 1 else max(1 + dilation * (d - 1), 0)


def transpose_padding(k_eff: int, s: int, padding) -> Tuple[int, int]:
    """``_conv_transpose_padding``: forward-conv padding -> pads of the direct conv on the dilated input."""
    if padding == "SAME":
        pad_len = k_eff + s - 2
        pad_a = k_eff - 1 if s > k_eff - 1 else math.ceil(pad_len / 2)
    elif padding == "VALID":
        pad_len = k_eff + s - 2 + max(k_eff - s, 0)
        pad_a = k_eff - 1
    elif isinstance(padding, tuple):
        pads = [k_eff - p - 1 for p in padding]
        pad_a, pad_len = pads[0], sum(pads)
    else:
        _fail("padding_mode", invalid_padding_mode(padding))
    return pad_a, pad_len - pad_a


def output_size(i: int, k: int, s: int, padding, d: int = 1, use_consistent_padding: bool = False) -> int:
    """The one output size JAX gives along an axis (no checks): for the explorer's number line."""
    k_eff = dilate_dim(k, d)
    if use_consistent_padding or padding in ("SAME", "VALID"):
        padding = transpose_padding(k_eff, s, padding)
    return max(0, dilate_dim(i, s) + padding[0] + padding[1] - k_eff + 1)


# ----------------------------------------------------------------------------- dimension numbers
def dimension_permutations(dimension_numbers, lhs_shape=(), rhs_shape=()) -> Tuple[Tuple[int, ...], ...]:
    """``conv_dimension_numbers`` / ``conv_general_permutations`` (operands of ``len(lhs_shape)``
    dimensions, 4 when no shape is given), JAX's TypeErrors."""
    ndim = len(lhs_shape) or 4
    dn = dimension_numbers
    if not isinstance(dn, (list, tuple)):
        raise ShapeError(f"convolution dimension_numbers must be tuple/list or None, got {type(dn)}.")
    if len(dn) != 3:
        raise ShapeError(f"convolution dimension_numbers list/tuple must be length 3, got {len(dn)}.")
    if not all(isinstance(e, str) for e in dn):
        raise ShapeError(f"convolution dimension_numbers elements must be strings, got {tuple(map(type, dn))}.")
    for i, e in enumerate(dn):
        if len(e) != ndim:
            raise ShapeError(f"convolution dimension_numbers[{i}] must have len equal to the ndim of lhs and "
                             f"rhs, got {len(e)} for lhs and rhs shapes {tuple(lhs_shape)} and {tuple(rhs_shape)}.")
    pairs = (("N", "C"), ("O", "I"), ("N", "C"))
    for i, (a, b) in enumerate(pairs):
        if not dn[i].count(a) == dn[i].count(b) == 1:
            raise ShapeError(f"convolution dimension_numbers[{i}] must contain the characters '{a}' and '{b}' "
                             f"exactly once, got {dn[i]}.")
        if len(set(dn[i])) != len(dn[i]):
            raise ShapeError(f"convolution dimension_numbers[{i}] cannot have duplicate characters, got {dn[i]}.")
    lhs, rhs, out = dn
    if not set(lhs) - {"N", "C"} == set(rhs) - {"O", "I"} == set(out) - {"N", "C"}:
        raise ShapeError("convolution dimension_numbers elements must each have the same set of spatial "
                         f"characters, got {tuple(dn)}.")

    def perm(spec, pair):
        spatial = [i for i, c in enumerate(spec) if c not in pair]
        if spec is not rhs:
            spatial.sort(key=lambda i: rhs.index(spec[i]))
        return (spec.index(pair[0]), spec.index(pair[1])) + tuple(spatial)

    return tuple(perm(spec, pair) for spec, pair in zip(dn, pairs))


# ----------------------------------------------------------------------------- the check, in JAX's order
def _dilated_repr(i: int, s: int) -> str:
    """How JAX prints a dilated size: a numpy int, or the plain 0 of ``max(negative, 0)``."""
    return "0" if s != 1 and 1 + s * (i - 1) < 0 else f"np.int64({dilate_dim(i, s)})"


def plan(lhs_shape: Sequence[int], rhs_shape: Sequence[int], strides, padding, rhs_dilation=None,
         dimension_numbers=None, transpose_kernel: bool = False, use_consistent_padding: bool = False) -> Plan:
    """Everything ``lax.conv_transpose`` decides from shapes alone, or the ShapeError it raises.

    ``strides`` and ``rhs_dilation`` are lists of ints; ``padding`` a string or a list of pairs
    (tuples or lists, as the caller passed them: JAX tells them apart).
    """
    lhs_shape, rhs_shape = tuple(lhs_shape), tuple(rhs_shape)
    if len(lhs_shape) != len(rhs_shape) or len(lhs_shape) not in DEFAULTS_BY_RANK:
        raise ShapeError(f"convt.jax_style covers 1-D to 3-D convolutions: lhs and rhs must both have 3 to 5 "
                         f"dimensions, got {len(lhs_shape)} and {len(rhs_shape)} (JAX asserts "
                         "len(lhs.shape) == len(rhs.shape)).")
    nd = len(lhs_shape) - 2
    lhs_perm, rhs_perm, out_perm = dimension_permutations(dimension_numbers or DEFAULTS_BY_RANK[len(lhs_shape)],
                                                         lhs_shape, rhs_shape)
    kernel = [rhs_shape[a] for a in rhs_perm[2:]]
    rhs_dilation = list(rhs_dilation) if rhs_dilation is not None else [1] * nd
    strides = list(strides)
    string_mode = isinstance(padding, str) and padding in ("SAME", "VALID")
    if use_consistent_padding or string_mode:
        replicated = [padding] * len(strides) if isinstance(padding, str) else list(padding)
        pads = [transpose_padding(dilate_dim(k, r), s, p)
                for k, r, s, p in zip(kernel, rhs_dilation, strides, replicated)]
    else:
        pads = padding
    if transpose_kernel:   # flip, and swap the I and O axes: JAX then reads O where I was
        rhs_perm = (rhs_perm[1], rhs_perm[0]) + rhs_perm[2:]
    spatial_in = [lhs_shape[a] for a in lhs_perm[2:]]
    if isinstance(pads, str):
        if strides.count(1) != len(strides):
            _fail("string_padding", string_padding_with_dilation())
        pads = _named_pads(pads, spatial_in, [dilate_dim(k, r) for k, r in zip(kernel, rhs_dilation)])
    else:
        pads = _pairs(pads)
    lhs_c, rhs_i = lhs_shape[lhs_perm[1]], rhs_shape[rhs_perm[1]]
    if lhs_c != rhs_i:
        _fail("channels", feature_mismatch(lhs_c, rhs_i))
    lhs_dil, rhs_dil = _aligned(strides, nd), _aligned(rhs_dilation, nd)
    for dil in (strides, rhs_dilation):
        if any(v <= 0 for v in dil):
            _fail("dilations", dilations_not_positive(dil))
    if len(pads) != nd:
        raise ShapeError(wrong_number_of_pads(len(pads), nd), explanation("pads_count")[0])
    dilated = [dilate_dim(i, s) for i, s in zip(spatial_in, lhs_dil)]
    k_effs = [dilate_dim(k, d) for k, d in zip(kernel, rhs_dil)]
    if any(dilated[a] + pads[a][0] + pads[a][1] < 0 for a in range(nd)):
        _fail("negative_padding", negative_padding(
            pads, [_dilated_repr(spatial_in[a], lhs_dil[a]) for a in range(nd)]))
    if len(strides) != nd:
        _fail("strides_rank", dilation_rank("base", len(strides), nd))
    if len(rhs_dilation) != nd:
        _fail("strides_rank", dilation_rank("window", len(rhs_dilation), nd))
    for a in range(nd):
        if kernel[a] <= 0:
            _fail("empty_kernel", empty_window(a))
    axes = tuple(Axis(spatial_in[a], kernel[a], k_effs[a], lhs_dil[a], rhs_dil[a], pads[a][0], pads[a][1],
                      max(0, dilated[a] + pads[a][0] + pads[a][1] - k_effs[a] + 1), k_effs[a] - 1 - pads[a][0])
                 for a in range(nd))
    out_trans = (lhs_shape[lhs_perm[0]], rhs_shape[rhs_perm[0]]) + tuple(axis.out for axis in axes)
    out_shape = tuple(out_trans[out_perm.index(a)] for a in range(nd + 2))
    return Plan(lhs_perm, rhs_perm, out_perm, axes, out_shape)


def _aligned(dilation, nd: int = 2) -> list:
    """``lax._dilate_shape`` aligns a short dilation list to the END of (N, C, *spatial)."""
    full = [1] * (nd + 2 - len(dilation)) + list(dilation)
    return full[2:nd + 2]


def _named_pads(padding: str, spatial_in, k_effs):
    """``lax.padtype_to_pads`` with window strides 1 (strings other than SAME/VALID, stride 1)."""
    name = padding.upper()
    if name not in ("SAME", "SAME_LOWER", "VALID"):
        _fail("unknown_padding", unrecognized_padding_type(padding))
    if name == "VALID":
        return [(0, 0)] * len(k_effs)
    totals = [max(0, k - 1) for k in k_effs]
    if name == "SAME":
        return [(t // 2, t - t // 2) for t in totals]
    return [(t - t // 2, t // 2) for t in totals]


def _pairs(padding):
    try:
        return [(_index(lo), _index(hi)) for lo, hi in padding]
    except (ValueError, TypeError):
        _fail("padding_pairs", padding_not_pairs(padding))


def _index(v) -> int:
    if isinstance(v, bool) or not hasattr(v, "__index__"):
        raise TypeError(v)
    return int(v.__index__())


# ----------------------------------------------------------------------------- reading JAX's messages
_READERS = [
    ("channels", re.compile(r"lhs feature dimension size divided by feature_group_count must equal the rhs input "
                            r"feature dimension size, but (\d+) // (\d+) != (\d+)"),
     ("lhs_features", "feature_group_count", "rhs_in_features")),
    ("negative_padding", re.compile(r"Negative padding is larger than the size of the corresponding dimension: got "
                                    r"padding=\(((?:\(-?\d{1,9}, -?\d{1,9}\),? ?){1,3})\) for lhs_shape\[2:\]="
                                    r"\(((?:(?:np\.int(?:64|32)\()?\d{1,9}\)?,? ?){1,3})\)"),
     ("padding", "lhs_spatial")),
    ("pads_count", re.compile(r"Wrong number of explicit pads for convolution: expected (\d+), got (\d+)"),
     ("expected_pairs", "got_pairs")),
    ("padding_mode", re.compile(r"Invalid padding mode: (.{0,200})"), ("padding",)),
    ("string_padding", re.compile(r"String padding is not implemented for transposed convolution"), ()),
    ("unknown_padding", re.compile(r"Unrecognized padding type: expected 'VALID', 'SAME', or 'SAME_LOWER', got "
                                   r"(.{0,200})\."), ("padding",)),
    ("padding_pairs", re.compile(r"padding argument to conv_general_dilated should be a string or a sequence of "
                                 r"\(low, high\) pairs, got (.{0,200})"), ("padding",)),
    ("dilations", re.compile(r"All dilations must be positive, got \((.{0,200})\)"), ("dilations",)),
    ("empty_kernel", re.compile(r"expects window to have positive value for (\d+)-th window dimension"), ("axis",)),
    ("strides_rank", re.compile(r"expects (base|window)-dilation factors to have same dimension-size as size of "
                                r"window dimensions \((\d+)\), but got: (\d+)"), ("which", "spatial_dims", "length")),
    ("dimension_numbers", re.compile(r"convolution dimension_numbers"), ()),
]


_AXIS_LETTERS = {1: (("l", "length"),), 2: (("h", "height"), ("w", "width")),
                 3: (("d", "depth"), ("h", "height"), ("w", "width"))}


def _per_axis(kind: str, facts: dict) -> dict:
    """negative_padding's printed pads and stride-dilated sizes as numbers, one set per spatial axis
    (``pad_lo_h``, ``pad_hi_h``, ``dilated_h``…; ``_l`` for a 1-D conv's length, ``_d`` for depth)."""
    if kind != "negative_padding" or not isinstance(facts.get("padding"), str):
        return facts
    pads = [(int(a), int(b)) for a, b in re.findall(r"\((-?\d{1,9}), (-?\d{1,9})\)", facts["padding"])]
    plain = re.sub(r"np\.int(?:64|32)\(|\)", "", str(facts.get("lhs_spatial", "")))
    sizes = [int(v) for v in re.findall(r"\d{1,9}", plain)]
    out = {}
    for (letter, _name), pad, size in zip(_AXIS_LETTERS.get(len(pads), ()), pads, sizes or [None] * len(pads)):
        out.update({f"pad_lo_{letter}": pad[0], f"pad_hi_{letter}": pad[1], f"dilated_{letter}": size})
    return out


def read(message: str) -> Optional[dict]:
    """``{"kind", "facts"}`` for a JAX conv_transpose message (numbers as ints), else None."""
    found = read_table(_READERS, message)
    return found and dict(found, facts=_per_axis(found["kind"], found["facts"]))


def _diagnose(kind: str, facts: dict) -> Diagnosis:
    """A JAX message in plain words; the numbers it gives make the sentence concrete."""
    text, fixes = explanation(kind)
    facts = _per_axis(kind, facts)
    if kind == "channels":
        text = (f"The input has {facts.get('lhs_features')} channels but the kernel's input-feature axis, "
                f"as JAX reads it, has {facts.get('rhs_in_features')}. " + text)
    elif kind == "negative_padding":
        sides = [(facts.get(f"pad_lo_{a}"), facts.get(f"pad_hi_{a}"), facts.get(f"dilated_{a}"), name)
                 for nd in (1, 2, 3) if f"pad_lo_{_AXIS_LETTERS[nd][-1][0]}" in facts and len(facts) == 3 * nd
                 for a, name in _AXIS_LETTERS[nd]]
        short = [f"along the {name} the stride-dilated input has {n} cells and pads ({lo}, {hi}) leave "
                 f"{n + lo + hi}" for lo, hi, n, name in sides if None not in (lo, hi, n) and n + lo + hi < 0]
        text = (f"{'; '.join(short).capitalize()}. " if short else "") + text
    return diagnosis(FW, kind, text, {k: v for k, v in facts.items() if isinstance(v, int)},
                     fixes=[Fix(f) for f in fixes])


_CONCAT = re.compile(r"Cannot concatenate arrays with shapes that differ in dimensions other than the one being "
                     r"concatenated(?::\s{0,4}concatenating along dimension (\d{1,4}) for shapes \(([^()]{0,200})\),"
                     r"\s{0,4}\(([^()]{0,200})\))?")


def _concat(m, text):
    """jnp.concatenate: the concat axis 1 means channels first (NCHW), the last one channels last."""
    if m.group(1) is None:
        return concat_diagnosis(FW, "JAX (jnp.concatenate)", None, None)
    axis, first, second = number(m.group(1)), numbers(m.group(2)), numbers(m.group(3))
    dim, a, b = shape_difference(first, second, axis)
    return concat_diagnosis(FW, "JAX (jnp.concatenate)", a, b, spatial_axis(dim, len(first), axis == 1),
                            {"dimension": dim, "concat_axis": axis})


RULES = table_rules(_READERS, _diagnose) + [Rule("concat", _CONCAT, _concat)]
