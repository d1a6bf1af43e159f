"""Audio decoder mode: a stack of ``ConvTranspose1d`` layers (a codec's or vocoder's decoder) and why
it comes out a few samples short or long.

Each layer maps ``n`` frames to ``(n-1)·s − 2p + (k−1) + op + 1 = s·n + (k − s − 2p + op)`` samples
(PyTorch's formula, dilation 1): affine in ``n``, so the whole stack is ``hop·n + offset`` with
``hop`` the product of the strides. The decoder gives exactly ``frames × hop`` samples iff every
layer's ``k − s − 2p + op`` is 0 (an offset early on is multiplied by the later strides), which
``padding = ⌈(k−s)/2⌉, output_padding = (k−s) mod 2`` achieves (descript-audio-codec's
``output_padding = stride % 2`` for ``k = 2s``).

Causal decoders (EnCodec's ``SConvTranspose1d``) use no padding and trim the ``k − s`` extra
samples afterwards, on the right (``trim_right_ratio = 1``) or the left; :func:`causal_step` says
which samples of the full output each choice keeps and which are final after each input frame.

Pure functions; the page draws with :mod:`lab.draw.audio`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from lab.predict import Question
from lab.url_state import quote

MAX_LAYERS = 8
MAX_STRIDE = 16
MAX_KERNEL = 64
MAX_PADDING = 64
MAX_FRAMES = 100_000
MAX_SAMPLES = 100_000_000
MAX_TEXT = 400
MAX_CAUSAL_FRAMES = 8   # the causal picture draws every sample: keep it readable
MAX_CAUSAL_KERNEL = 12
MAX_CAUSAL_STRIDE = 6
SIDES = ("right", "left")


@dataclass(frozen=True)
class Up:
    """One ``nn.ConvTranspose1d(kernel_size=k, stride=s, padding=p, output_padding=op)``."""

    kernel: int
    stride: int
    padding: int = 0
    output_padding: int = 0

    @property
    def offset(self) -> int:
        """Samples beyond ``stride × n``: ``k − s − 2p + op`` (0 for an exact layer)."""
        return self.kernel - self.stride - 2 * self.padding + self.output_padding

    def length(self, n: int) -> int:
        """PyTorch's output length for ``n`` input frames."""
        return (n - 1) * self.stride - 2 * self.padding + (self.kernel - 1) + self.output_padding + 1

    def problem(self) -> Optional[str]:
        """What PyTorch refuses in the layer itself (output_padding must be below the stride)."""
        if self.output_padding >= self.stride:
            return (f"output_padding {self.output_padding} must be smaller than the stride {self.stride} "
                    f"(PyTorch: “output padding must be smaller than either stride or dilation”)")
        return None

    def text(self) -> str:
        return f"k{self.kernel} s{self.stride} p{self.padding} op{self.output_padding}"

    def torch(self) -> str:
        return (f"nn.ConvTranspose1d(c_in, c_out, kernel_size={self.kernel}, stride={self.stride}, "
                f"padding={self.padding}, output_padding={self.output_padding})")


def exact_fix(layer: Up) -> Tuple[Optional[Up], str]:
    """The layer changed to give exactly ``stride × n`` (kernel and stride kept), or None and why not."""
    k, s = layer.kernel, layer.stride
    if k >= s:
        p, op = math.ceil((k - s) / 2), (k - s) % 2
        if op >= s:
            return None, (f"k − s = {k - s} is odd and the stride is 1: output_padding 1 is not allowed; "
                          f"use an odd kernel")
        why = f"padding = ⌈(k−s)/2⌉ = ⌈{k - s}/2⌉ = {p}, output_padding = (k−s) mod 2 = {op}"
    else:
        p, op = 0, s - k
        why = f"the kernel is shorter than the stride: padding 0, output_padding = s − k = {op}"
    return Up(k, s, p, op), why


# ---- the stack as text: "k16 s8 p4 op0; k8 s4 p2 op0" -----------------------------------------

_TOKEN = re.compile(r"(k|s|p|op)\s*[=:]?\s*(\d{1,4})$", re.IGNORECASE)
_BOUNDS = {"k": MAX_KERNEL, "s": MAX_STRIDE, "p": MAX_PADDING, "op": MAX_STRIDE}


def parse_stack(text: str) -> Tuple[Tuple[Up, ...], List[str]]:
    """Layers from ``k<kernel> s<stride> [p<padding>] [op<output_padding>]`` lines (``;`` or newline
    separated), and a note for every line that could not be read; never raises."""
    layers: List[Up] = []
    notes: List[str] = []
    lines = [ln.strip() for ln in re.split(r"[;\n]", str(text)[:MAX_TEXT]) if ln.strip()]
    for line in lines:
        if len(layers) == MAX_LAYERS:
            notes.append(f"At most {MAX_LAYERS} layers; the rest are ignored.")
            break
        got, bad = {}, ""
        for tok in re.split(r"[\s,]+", line):
            m = _TOKEN.fullmatch(tok)
            if not m:
                bad = f"{quote(tok)} is not k…, s…, p… or op…"
                break
            key, val = m.group(1).lower(), int(m.group(2))
            if not (0 if key in ("p", "op") else 1) <= val <= _BOUNDS[key]:
                bad = f"{key}={val} is outside {0 if key in ('p', 'op') else 1}…{_BOUNDS[key]}"
                break
            got[key] = val
        if not bad and not {"k", "s"} <= set(got):
            bad = "needs a kernel k… and a stride s…"
        if bad:
            notes.append(f"Layer {quote(line)} ignored: {bad}.")
            continue
        layers.append(Up(got["k"], got["s"], got.get("p", 0), got.get("op", 0)))
    return tuple(layers), notes


def stack_text(layers) -> str:
    return "; ".join(layer.text() for layer in layers)


def _dac(strides, output_padding: bool) -> Tuple[Up, ...]:
    """descript-audio-codec's decoder blocks: kernel 2s, padding ⌈s/2⌉, output_padding s % 2 since PR #78."""
    return tuple(Up(2 * s, s, math.ceil(s / 2), s % 2 if output_padding else 0) for s in strides)


PRESETS = {
    "odd": ("DAC-style, strides 5·4·3·2, before PR #78 (no output_padding)", _dac((5, 4, 3, 2), False)),
    "odd_fixed": ("The same after PR #78 (output_padding = stride % 2)", _dac((5, 4, 3, 2), True)),
    "dac": ("DAC 44 kHz decoder (strides 8·8·4·2)", _dac((8, 8, 4, 2), True)),
    "hifigan": ("HiFi-GAN V1 (k 16·16·4·4, s 8·8·2·2)", (Up(16, 8, 4), Up(16, 8, 4), Up(4, 2, 1), Up(4, 2, 1))),
}
DEFAULT_STACK = stack_text(PRESETS["odd"][1])


# ---- lengths --------------------------------------------------------------------------------

def hop(layers) -> int:
    return math.prod(layer.stride for layer in layers)


def lengths(frames: int, layers) -> List[int]:
    """``[frames, after layer 1, …]``; stops at the first layer whose output would be < 1."""
    out = [frames]
    for layer in layers:
        n = layer.length(out[-1])
        if n < 1:
            break
        out.append(n)
    return out


def total_offset(layers) -> int:
    """``C`` in ``final = hop·frames + C``: each layer's offset times the strides after it."""
    c = 0
    for layer in layers:
        c = c * layer.stride + layer.offset
    return c


@dataclass(frozen=True)
class Row:
    """One line of the per-layer table."""

    index: int
    layer: Up
    n_in: int
    n_out: Optional[int]  # None: the layer would give < 1 sample
    ideal: int            # n_in × stride
    fix: Optional[Up]
    why: str


def table(frames: int, layers) -> List[Row]:
    """Per layer: input and output length for ``frames`` frames, ``stride × input``, and the fix."""
    sizes = lengths(frames, layers)
    rows = []
    for j, layer in enumerate(layers):
        if j >= len(sizes):
            break
        n_in = sizes[j]
        n_out = sizes[j + 1] if j + 1 < len(sizes) else None
        fix, why = (None, "already exact") if layer.offset == 0 and not layer.problem() else exact_fix(layer)
        rows.append(Row(j + 1, layer, n_in, n_out, n_in * layer.stride, fix, why))
    return rows


def exact_frames(layers, upto: int) -> List[int]:
    """Every frame count in ``1..upto`` for which the stack gives exactly ``frames × hop`` samples."""
    h = hop(layers)
    return [n for n in range(1, upto + 1)
            if len(s := lengths(n, layers)) == len(layers) + 1 and s[-1] == n * h]


def fixed(layers) -> Tuple[Up, ...]:
    """The stack with every non-exact layer replaced by its fix (unfixable layers kept)."""
    return tuple((exact_fix(layer)[0] or layer) if layer.offset or layer.problem() else layer for layer in layers)


def round_trip(samples: int, h: int) -> Tuple[int, int, int]:
    """An encoder with total stride ``hop`` that pads its input to a multiple of ``hop`` (as DAC's
    ``preprocess`` does): ``(frames, padded samples, samples cut to restore the length)``."""
    frames = -(-samples // h)
    return frames, frames * h, frames * h - samples


# ---- causal trimming ------------------------------------------------------------------------

@dataclass(frozen=True)
class CausalStep:
    """After input frame ``step`` has arrived (0-based): every sample of the full output
    ``(n−1)·s + k`` with how many stamps it has so far and how many it will ever have (including
    the stamps of frames after the clip, as in a stream), and the two kept windows."""

    n: int
    kernel: int
    stride: int
    step: int
    have: Tuple[int, ...]
    total: Tuple[int, ...]
    keep_right: range   # trim k−s on the right: samples 0 … n·s−1
    keep_left: range    # trim k−s on the left: samples k−s … L−1

    def final(self, t: int) -> bool:
        """No later frame adds to sample ``t``."""
        return self.have[t] == self.total[t]

    def ready(self, side: str) -> List[int]:
        keep = self.keep_right if side == "right" else self.keep_left
        return [t for t in keep if self.final(t)]


def causal_step(n: int, kernel: int, stride: int, step: int) -> CausalStep:
    """The causal picture for ``n`` frames (``kernel ≥ stride``) after frame ``step``."""
    L = (n - 1) * stride + kernel
    trim = kernel - stride
    have = tuple(sum(1 for j in range(step + 1) if j * stride <= t < j * stride + kernel) for t in range(L))
    total = tuple(sum(1 for j in range(max(0, (t - kernel) // stride), t // stride + 1)
                      if j * stride <= t < j * stride + kernel) for t in range(L))
    return CausalStep(n, kernel, stride, step, have, total, range(0, L - trim), range(trim, L))


def causal_summary(cs: CausalStep) -> List[str]:
    """Plain sentences for the current step."""
    s, trim, m = cs.stride, cs.kernel - cs.stride, cs.step + 1
    right, left = len(cs.ready("right")), len(cs.ready("left"))
    return [
        f"After frame {m} of {cs.n}: trimming on the **right** can emit **{right}** samples "
        f"(= {m}·{s}: every sample is final as soon as its frame arrives — no latency).",
        f"Trimming on the **left** can emit **{left}**: it drops the first {trim} samples and waits "
        f"{trim} samples for the overlap-add of the next frame"
        + (f"; at the end of the clip its last {trim} samples never get that frame's stamps."
           if cs.step == cs.n - 1 else "."),
    ]


def causal_config(values) -> Tuple[int, int, int, List[str]]:
    """``(frames, kernel, stride)`` for the causal picture from the stack's first layer, clamped to
    what can be drawn, and a note for each clamp."""
    n, k, s = values
    notes = []
    if k < s:
        notes.append(f"A kernel ({k}) shorter than the stride ({s}) leaves gaps and nothing to trim; "
                     f"using kernel {s}.")
        k = s
    caps = ((n, MAX_CAUSAL_FRAMES, "frames"), (k, MAX_CAUSAL_KERNEL, "kernel"), (s, MAX_CAUSAL_STRIDE, "stride"))
    for v, cap, what in caps:
        if v > cap:
            notes.append(f"The causal picture draws at most {cap} for the {what}; using {cap}.")
    n, k, s = min(n, MAX_CAUSAL_FRAMES), min(k, MAX_CAUSAL_KERNEL), min(s, MAX_CAUSAL_STRIDE)
    return n, max(k, s), s, notes


def length_question(frames: int, layers) -> Optional[Question]:
    """Predict first: how many samples the decoder gives for ``frames`` frames (None when a layer
    would give fewer than one)."""
    sizes = lengths(frames, layers)
    if len(sizes) != len(layers) + 1:
        return None
    h, c = hop(layers), total_offset(layers)
    why = (f"{frames} frames × hop {h} = {frames * h}; the layers' offsets add {c:+}: "
           f"{' → '.join(map(str, sizes))}.")
    return Question("ch_audio_length", f"How many samples does this decoder output for {frames} frames?",
                    answer=sizes[-1], kind="number", why=why)
