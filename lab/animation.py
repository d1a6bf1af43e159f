"""What the two animation pages need, as pure functions: their link state, validated configurations
(with a plain note for every value that had to change), the size formulas written out with the
current numbers, and the check that the three transposed views agree with the kernel.

Pages call these and draw; no convolution logic lives in a page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple, Union

import numpy as np

from convt import kernels, kernels_nd
from convt.arithmetic import effective_kernel, full_transpose_length, windowed_output
from convt.trace import (ConvTrace, TransposeTrace, at, fmt, replay_conv, replay_direct, replay_matrix,
                         replay_scatter, size_text, valid_output_sizes, width_padding)
from lab.predict import Question
from lab.url_state import quote, url_field

# Caps for the animations (pages and the CLI say so in words when a value is clipped).
MAX_INPUT = 16
MAX_KERNEL = 7
MAX_STRIDE = 4
MAX_DILATION = 3
MAX_MATRIX_SIDE = 256  # rows / columns of C beyond which the matrix view is not drawn
MAX_PLAYER_FRAMES = 300  # frames embedded in the browser player / GIF
MAX_SEED = 9999
VIEWS = {"scatter": "Scatter (stamp and sum)", "direct": "Direct conv (zeros inserted, kernel rotated 180°)",
         "matrix": "Matrix Cᵀ"}
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0)

PadSpec = Union[str, int]

PAD_LABEL = "padding (SAME, VALID or a number)"
DIMS = (1, 2)  # 1-D: one row of cells, the warm-up; 3-D is arithmetic and slices (the shape explorer)
DIM_NAMES = {1: "1-D (one row)", 2: "2-D"}


@dataclass(frozen=True)
class ConvState:
    """The forward page's link. ``pad`` is text (SAME, VALID or a number of cells), checked by
    :func:`resolve_conv`; ``t`` counts steps from 0."""

    in_size: int = url_field("in", 6, "input size", min=1, max=MAX_INPUT)
    kernel: int = url_field("k", 3, "kernel size", min=1, max=MAX_KERNEL)
    stride: int = url_field("s", 2, "stride", min=1, max=MAX_STRIDE)
    dilation: int = url_field("d", 1, "dilation", min=1, max=MAX_DILATION)
    pad: str = url_field("pad", "SAME", PAD_LABEL)
    seed: int = url_field("seed", 0, "example numbers' seed", min=0, max=MAX_SEED)
    t: int = url_field("t", 0, "step", min=0, max=100_000)
    fps: float = url_field("fps", 2.0, "speed in frames / s", choices=SPEEDS)
    nd: int = url_field("nd", 2, "number of dimensions", choices=DIMS)


@dataclass(frozen=True)
class TransposeState(ConvState):
    """The transposed page's link: the forward page's, plus the output size and the view."""

    in_size: int = url_field("in", 3, "input size", min=1, max=MAX_INPUT)
    kernel: int = url_field("k", 2, "kernel size", min=1, max=MAX_KERNEL)
    out: Optional[int] = url_field("out", None, "output size", kind=int, min=1, max=200, nullable=True)
    view: str = url_field("view", "scatter", "view", choices=tuple(VIEWS))
    by: str = url_field("by", "column", "matrix stepping", choices=("column", "row"))
CAPS_TEXT = (f"Animations are capped at input ≤ {MAX_INPUT}, kernel ≤ {MAX_KERNEL}, stride ≤ {MAX_STRIDE}, "
             f"dilation ≤ {MAX_DILATION} and explicit padding ≤ (k−1)·d, so that one figure holds every cell. "
             f"Where a cell gets too small for its number, the page says so and the numbers are in the text.")

# Readability at the size a figure is shown at.
PRESENT_WIDTH_PX = 1500  # frames' width in presentation mode: the main column at 1920×1080, sidebar open
MAX_SCALE = 3.0
MIN_NUMBER_PX = 10  # a cell's number smaller than this (px high on screen) is not called readable
MAX_OPEN_ROWS = 12  # longer text matrices are folded


def present_scale(width: int) -> float:
    """How much larger to draw a frame ``width`` px wide so it fills presentation mode's figure
    width: rounded up to a quarter (the browser then shrinks it a little, which stays crisp, rather
    than enlarging it), never smaller, at most ``MAX_SCALE``."""
    return max(1.0, min(MAX_SCALE, math.ceil(PRESENT_WIDTH_PX / max(width, 1) * 4) / 4))


def numbers_note(numbers: bool, number_px: float) -> Optional[str]:
    """What the page must say about the figure's cell numbers (None: they read fine): whether they
    are left out, or how small they are, and where to read them instead."""
    if not numbers:
        return ("At these sizes the cells are too small for their numbers: the figure shows colours only "
                "(legend below); every number is in the step text and the output below.")
    if number_px < MIN_NUMBER_PX:
        return (f"At these sizes the cell numbers are only about {round(number_px)} px high; every number is "
                f"also in the step text and the output below.")
    return None


def parse_pad(text) -> Optional[PadSpec]:
    """``SAME`` / ``VALID`` (any case) or a non-negative int; None if it is neither."""
    t = str(text).strip()
    if t.upper() in ("SAME", "VALID"):
        return t.upper()
    if t.isdigit() and len(t) < 4:
        return int(t)
    return None


def pad_to_text(pad: PadSpec) -> str:
    return pad if isinstance(pad, str) else str(int(pad))


@dataclass(frozen=True)
class AnimConfig:
    """A validated configuration (square sizes)."""

    in_size: int
    kernel: int
    stride: int
    dilation: int
    pad: PadSpec
    seed: int = 0
    out: Optional[int] = None  # transposed only
    nd: int = 2

    def as_url(self) -> Dict[str, object]:
        d = {"in": self.in_size, "k": self.kernel, "s": self.stride, "d": self.dilation,
             "pad": pad_to_text(self.pad), "seed": self.seed, "nd": self.nd}
        if self.out is not None:
            d["out"] = self.out
        return d


def _resolve_common(values: Dict[str, object], notes: List[str]):
    pad = parse_pad(values.get("pad", "SAME"))
    if pad is None:
        notes.append(f"pad={quote(values.get('pad'))} is not SAME, VALID or a whole number; using SAME.")
        pad = "SAME"
    k, d = int(values["k"]), int(values["d"])
    if not isinstance(pad, str) and pad > (k - 1) * d:
        notes.append(f"Explicit padding {pad} is more than (k−1)·d = {(k - 1) * d}; the animation uses "
                     f"{(k - 1) * d}.")
        pad = (k - 1) * d
    return pad


def resolve_conv(values: Dict[str, object]) -> Tuple[AnimConfig, List[str]]:
    """A forward configuration that can be drawn, and a note for everything changed to get it."""
    notes: List[str] = []
    pad = _resolve_common(values, notes)
    n, k, s, d = (int(values[x]) for x in ("in", "k", "s", "d"))
    if windowed_output(n, k, s, d, pad if isinstance(pad, str) else (pad, pad)).size < 1:
        k_eff = effective_kernel(k, d)
        notes.append(f"A {k}×{k} kernel with dilation {d} spans {k_eff} cells, more than the "
                     f"{'padded ' if pad != 'VALID' else ''}{n}-cell input: the output would be empty. "
                     f"Using a kernel of 1 instead; make the input larger or the kernel smaller.")
        k, d = 1, 1
    return AnimConfig(n, k, s, d, pad, int(values.get("seed", 0)), nd=int(values.get("nd", 2))), notes


def resolve_transpose(values: Dict[str, object]) -> Tuple[AnimConfig, List[str], range]:
    """A transposed configuration, the notes, and every valid output size for it."""
    notes: List[str] = []
    pad = _resolve_common(values, notes)
    i, k, s, d = (int(values[x]) for x in ("in", "k", "s", "d"))
    valid = valid_output_sizes(i, k, s, d, pad)
    if not len(valid):  # explicit padding so large that no output size maps back to i
        p = pad
        while not len(valid) and p > 0:
            p -= 1
            valid = valid_output_sizes(i, k, s, d, p)
        notes.append(f"With explicit padding {pad}, no output size maps back to an input of {i} (the padding "
                     f"eats the whole output); using padding {p}.")
        pad = p
    out = values.get("out")
    if out is not None and int(out) not in valid:
        notes.append(f"Output size {out} is not valid here: {invalid_size_reason(i, k, s, d, pad, int(out))} "
                     f"Using {valid[0]}.")
        out = None
    if out is None:
        out = valid[0]
    return AnimConfig(i, k, s, d, pad, int(values.get("seed", 0)), int(out), int(values.get("nd", 2))), notes, valid


def invalid_size_reason(i: int, k: int, s: int, d: int, pad: PadSpec, out: int) -> str:
    """Why TF refuses output size ``out``: the forward conv over it does not give back ``i``."""
    padding = pad if isinstance(pad, str) else (pad, pad)
    back = windowed_output(out, k, s, d, padding).size
    valid = valid_output_sizes(i, k, s, d, pad)
    return (f"a forward conv over {out} cells (kernel {k}, stride {s}, dilation {d}, {pad_label(pad)}) gives "
            f"{back}, not {i}, so the gradient could not have this shape. Valid sizes: "
            f"{', '.join(map(str, valid))}.")


def explorer_params(i: int, k: int, s: int, d: int, pad: PadSpec, out: int) -> Dict[str, str]:
    """Query parameters opening the shape explorer on this configuration."""
    q = {"in": i, "k": k, "s": s, "d": d, "out": out}
    q.update({"pad": pad} if isinstance(pad, str) else {"pad": "EXPLICIT", "pb": pad, "pa": pad})
    return {key: str(value) for key, value in q.items()}


def sizes_line(cfg: AnimConfig, out: Tuple[int, int], name: str = "output") -> str:
    """The page's one-line summary: ``Input x 6×6 → output 3×3 · kernel 3×3 · …`` (1-D: no ×)."""
    sq = lambda n: size_text((n, n), cfg.nd)  # noqa: E731
    return (f"**Input x {sq(cfg.in_size)} → {name} {size_text(out, cfg.nd)}** · kernel {sq(cfg.kernel)} · "
            f"stride {cfg.stride} · dilation {cfg.dilation} · {pad_label(cfg.pad)}")


def pad_label(pad: PadSpec) -> str:
    return pad if isinstance(pad, str) else f"explicit padding {pad}"


def pad_split_text(before: int, after: int) -> str:
    if before == after:
        return f"{before} before and {after} after"
    side = "after (bottom / right)" if after > before else "before (top / left)"
    return f"{before} before and {after} after: the extra cell goes {side}"


# ---------------------------------------------------------------------------------------------
# Formulas with the current numbers
# ---------------------------------------------------------------------------------------------

def conv_formula(cfg: AnimConfig) -> List[str]:
    """Markdown lines: the forward output size and padding, computed step by step."""
    n, k, s, d, pad = cfg.in_size, cfg.kernel, cfg.stride, cfg.dilation, cfg.pad
    k_eff = effective_kernel(k, d)
    padding = pad if isinstance(pad, str) else (pad, pad)
    win = windowed_output(n, k, s, d, padding)
    lines = []
    if d > 1:
        lines.append(f"Dilated kernel span: (k−1)·d + 1 = ({k}−1)·{d} + 1 = **{k_eff}**")
    if pad == "SAME":
        need = (win.size - 1) * s + k_eff - n
        lines.append(f"SAME: output = ⌈n / s⌉ = ⌈{n} / {s}⌉ = **{win.size}** (the kernel does not matter)")
        lines.append(f"Padding needed = max(0, (out−1)·s + k_eff − n) = max(0, ({win.size}−1)·{s} + {k_eff} − {n}) "
                     f"= {max(need, 0)}, split {pad_split_text(win.pad_before, win.pad_after)}")
    elif pad == "VALID":
        lines.append(f"VALID: output = ⌊(n − k_eff) / s⌋ + 1 = ⌊({n} − {k_eff}) / {s}⌋ + 1 = **{win.size}**")
    else:
        lines.append(f"Explicit padding p = {pad}: output = ⌊(n + 2p − k_eff) / s⌋ + 1 = "
                     f"⌊({n} + {2 * pad} − {k_eff}) / {s}⌋ + 1 = **{win.size}**")
    used = (win.size - 1) * s + k_eff
    total = n + win.pad_before + win.pad_after
    if used < total:
        lines.append(f"The window never reaches the last {total - used} "
                     f"{'cell(s)' if cfg.nd == 1 else 'row(s) / column(s)'} of the padded "
                     f"input: a transposed conv back from {win.size} cannot know they existed "
                     f"(that is why several output sizes are valid for it).")
    return lines


def transpose_formula(tr: TransposeTrace) -> List[str]:
    """Markdown lines: full length, crop, valid sizes, the direct-conv equivalent's border."""
    i, k, s, d = tr.in_size[1], tr.w.shape[1], tr.stride[1], tr.dilation[1]  # the width: 1-D's only axis
    n, pb = tr.out_size[1], tr.pad_before[1]
    L = full_transpose_length(i, k, s, d)
    pad = width_padding(tr.padding)
    valid = valid_output_sizes(i, k, s, d, pad)
    zt, zb = tr.z_pad_before[1], tr.z_pad_after[1]
    a = tr.odd_extra()[1]
    k_eff = effective_kernel(k, d)
    lines = [
        f"Full output: (i−1)·s + (k−1)·d + 1 = ({i}−1)·{s} + ({k}−1)·{d} + 1 = **{L}**; the {n} kept cells "
        f"start at {pb} (the forward conv's padding before for {n}, {pad_label(pad)}).",
        f"Valid output sizes for input {i}: **{', '.join(map(str, valid))}** — every size whose forward conv "
        f"gives back {i}.",
        f"Direct-conv equivalent: {s}−1 = {s - 1} zero(s) between inputs → {(i - 1) * s + 1} cells; border "
        f"k_eff−1−pad_before = {k_eff}−1−{pb} = **{zt}** before, **{zb}** after"
        + (f" (k_eff−1−pad_after plus a = {a} row/column the forward conv never reads, at the bottom / right)"
           if a else "") + "; kernel rotated 180°; stride 1.",
    ]
    return lines


# ---------------------------------------------------------------------------------------------
# Predict, then reveal: questions whose answers are the traces' own numbers
# ---------------------------------------------------------------------------------------------

MAX_CELL_CHOICES = 100  # output cells offered to mark; a bigger output asks for a count instead


def conv_question(cfg: AnimConfig, tr: ConvTrace) -> Question:
    """The forward page asks for the output size before showing it."""
    prompt = ("How many cells will the output have?" if cfg.nd == 1 else
              "The output is square: how many cells will it have on a side?")
    size_line = conv_formula(cfg)[1 if cfg.dilation > 1 else 0]  # after the dilated span, if any
    return Question("fc_out", prompt, answer=tr.out_size[1], why=size_line)


def output_cell_label(tr: TransposeTrace):
    """An output cell's index (``2,3``; 1-D ``3``) from its position in row-major order."""
    return lambda v: at(divmod(int(v), tr.out_size[1]), tr.nd)


def transpose_question(tr: TransposeTrace) -> Question:
    """The transposed page asks where the last input cell's stamp lands (cells kept by the output
    window) before the figure shows it; a large output asks how many of its products land inside."""
    step = tr.scatter[-1]
    src = at(step.src, tr.nd)
    (pt, pl), (oh, ow) = tr.pad_before, tr.out_size
    kept = {(tp.ry - pt) * ow + (tp.rx - pl) for tp in step.taps if tp.inside}
    why = tr.describe_scatter(len(tr.scatter) - 1)
    if oh * ow <= MAX_CELL_CHOICES:
        return Question("tc_cells", f"Which output cells will input cell x[{src}] write to? Mark every cell "
                        f"its stamp lands on inside the output.", answer=kept, kind="cells",
                        choices=tuple(range(oh * ow)), why=why)
    return Question("tc_kept", f"Input cell x[{src}] stamps {len(step.taps)} products. How many of them land "
                    f"inside the output?", answer=len(kept), why=why)


# ---------------------------------------------------------------------------------------------
# Numbers the page shows as text (AppTest reads them; images cannot be inspected)
# ---------------------------------------------------------------------------------------------

def grid_text(a: np.ndarray, mask: Optional[np.ndarray] = None) -> str:
    """A small matrix as aligned text; ``·`` where ``mask`` is False (not computed yet)."""
    cells = [[fmt(v) if mask is None or mask[r, c] else "·" for c, v in enumerate(row)] for r, row in enumerate(a)]
    w = max((len(c) for row in cells for c in row), default=1)
    return "\n".join(" ".join(c.rjust(w) for c in row) for row in cells)


def conv_state(tr: ConvTrace, t: int) -> Tuple[str, str]:
    """(description of step t, output so far as text)."""
    y, filled = tr.output_after(t)
    return tr.describe(t), grid_text(y, filled)


def transpose_state(tr: TransposeTrace, view: str, by: str, t: int) -> Tuple[str, str]:
    """(description of step t in ``view``, the output so far as text)."""
    if view == "scatter":
        return tr.describe_scatter(t), grid_text(tr.output_from_canvas(tr.scatter_canvas_after(t)))
    if view == "direct":
        y, filled = tr.direct_output_after(t)
        return tr.describe_direct(t), grid_text(y, filled)
    ct = tr.matrix().T
    v = tr.dy.reshape(-1)
    if by == "column":
        out = ct[:, : t + 1] @ v[: t + 1]
        return tr.describe_matrix(t, by), grid_text(out.reshape(tr.out_size))
    out = np.zeros(ct.shape[0])
    out[: t + 1] = ct[: t + 1] @ v
    mask = (np.arange(ct.shape[0]) <= t).reshape(tr.out_size)
    return tr.describe_matrix(t, by), grid_text(out.reshape(tr.out_size), mask)


def matrix_fits(tr: TransposeTrace) -> bool:
    return max(tr.in_size[0] * tr.in_size[1], tr.out_size[0] * tr.out_size[1]) <= MAX_MATRIX_SIDE


def _axes(tr, pair) -> tuple:
    """The trace's own axes of a pair (a 1-D trace drops its unit height)."""
    return tuple(pair)[2 - tr.nd:]


def views_agree(tr: TransposeTrace) -> Tuple[bool, np.ndarray]:
    """Scatter, direct conv, Cᵀ·vec(x) (both orders) and the N-D kernel ``convt.kernels_nd``: equal?"""
    dy, w = tr.dy.reshape(_axes(tr, tr.dy.shape)), tr.w.reshape(_axes(tr, tr.w.shape))
    ref = kernels_nd.conv_transpose(dy[None, ..., None], w[..., None, None], _axes(tr, tr.stride),
                                    _axes(tr, tr.dilation), _axes(tr, tr.pad_before),
                                    _axes(tr, tr.out_size))[0, ..., 0].reshape(tr.out_size)
    got = [replay_scatter(tr), replay_direct(tr), replay_matrix(tr, "column"), replay_matrix(tr, "row")]
    return all(np.array_equal(g, ref) for g in got), ref


def conv_agrees(tr: ConvTrace) -> Tuple[bool, np.ndarray]:
    x, w = tr.x.reshape(_axes(tr, tr.x.shape)), tr.w.reshape(_axes(tr, tr.w.shape))
    ref = kernels_nd.conv_forward(x[None, ..., None], w[..., None, None], _axes(tr, tr.stride),
                                  _axes(tr, tr.dilation), _axes(tr, tr.pad_before),
                                  _axes(tr, tr.out_size))[0, ..., 0].reshape(tr.out_size)
    return bool(np.array_equal(replay_conv(tr), ref)), ref


def channel_demo(in_ch: int, out_ch: int, cfg: AnimConfig) -> Tuple[List[str], bool]:
    """How a transposed conv's filter ``[h, w, out_channels, in_channels]`` maps channels, checked.

    Returns text lines (one per output channel: which filter slices feed it) and whether summing
    the per-input-channel single-channel transposes equals the multi-channel kernel result.
    """
    rng = np.random.default_rng(cfg.seed)
    i, k = cfg.in_size, cfg.kernel
    x = rng.integers(1, 5, size=(1, i, i, in_ch)).astype(np.float64)
    w = rng.integers(-1, 3, size=(k, k, out_ch, in_ch)).astype(np.float64)  # TF transpose layout
    padding = cfg.pad if isinstance(cfg.pad, str) else (cfg.pad, cfg.pad)
    pb = windowed_output(cfg.out, k, cfg.stride, cfg.dilation, padding).pad_before
    args = ((cfg.stride, cfg.stride), (cfg.dilation, cfg.dilation), (pb, pb), (cfg.out, cfg.out))
    full = kernels.conv2d_transpose(x, w, *args)
    ok = True
    lines = []
    for o in range(out_ch):
        acc = np.zeros((cfg.out, cfg.out))
        for c in range(in_ch):
            acc += kernels.conv2d_transpose(x[..., c:c + 1], w[:, :, o:o + 1, c:c + 1], *args)[0, :, :, 0]
        ok &= bool(np.array_equal(acc, full[0, :, :, o]))
        terms = " + ".join(f"convT(x[…, {c}], filter[:, :, {o}, {c}])" for c in range(in_ch))
        lines.append(f"out[…, {o}] = {terms}")
    return lines, ok
