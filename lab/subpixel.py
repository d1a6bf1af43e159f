"""The sub-pixel (polyphase) view of a transposed convolution: a stride-``s`` transpose is ``s``
small stride-1 convolutions per axis (``s²`` in 2-D) whose outputs are interleaved — a pixel
shuffle (Shi et al. 2016, "Real-Time Single Image and Video Super-Resolution Using an Efficient
Sub-Pixel Convolutional Neural Network").

Along one axis the transposed conv sends input cell ``o`` through tap ``t`` to full-output
position ``P = o·s + t·d`` (the page's output is ``P − pad_before``). Write ``P = a·s + r``: the
outputs of *phase* ``r`` are reached only by the taps with ``t·d ≡ r (mod s)``, each shifted by
``(t·d − r) / s``, so phase ``r`` is the stride-1 convolution::

    y_r[a] = sum over its taps t of  w[t] · x[a − (t·d − r)/s]

How many taps each phase gets is the whole checkerboard story: equal when ``k`` is a multiple of
``s`` (dilation 1), otherwise ``ceil`` for some phases and ``floor`` for others. The direct view
(zeros inserted between the inputs, then a stride-1 conv) multiplies every output by all ``k``
taps; only its phase's taps meet a real input, so ``1 − 1/s`` per axis (``1 − 1/s²`` in 2-D) of
its multiplications meet an inserted zero.

``convt/fast/winograd.py`` has the same split for speed, but only for stride or dilation 1, and
importing it loads ``convt.fast`` (which the app never does); the test checks both agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Sequence, Tuple

import numpy as np

from convt import kernels_nd
from convt.arithmetic import windowed_output
from convt.trace import example_arrays
from lab.predict import Question

Ints = Tuple[int, ...]


@dataclass(frozen=True)
class AxisPhase:
    """One phase along one axis: output cells ``out_first, out_first + s, …`` (``out_count`` of
    them; the first is full-output position ``a_first·s + residue``), reached by ``taps`` shifted
    by ``offsets``."""

    residue: int
    out_first: int
    out_count: int
    a_first: int
    taps: Ints
    offsets: Ints


def axis_phases(in_size: int, kernel: int, stride: int, dilation: int, pad_before: int,
                out_size: int) -> Tuple[AxisPhase, ...]:
    """The ``stride`` phases of one axis, in the order of their first output cell."""
    phases = []
    for r in range(stride):
        taps = tuple(t for t in range(kernel) if (t * dilation) % stride == r)
        first = (r - pad_before) % stride
        phases.append(AxisPhase(
            residue=r, out_first=first, out_count=max(0, -(-(out_size - first) // stride)),
            a_first=(first + pad_before - r) // stride, taps=taps,
            offsets=tuple((t * dilation - r) // stride for t in taps)))
    return tuple(sorted(phases, key=lambda p: p.out_first))


@dataclass(frozen=True)
class Phase:
    """One phase of the whole output: one :class:`AxisPhase` per axis."""

    axes: Tuple[AxisPhase, ...]

    @property
    def index(self) -> Ints:
        """Its cells' position inside each ``s × s`` block of the output: ``(row mod s, col mod s)``."""
        return tuple(a.out_first for a in self.axes)

    @property
    def taps(self) -> int:
        return int(np.prod([len(a.taps) for a in self.axes]))

    @property
    def shape(self) -> Ints:
        return tuple(a.out_count for a in self.axes)

    def tap_mask(self, kernel: Ints) -> np.ndarray:
        """Which of the kernel's taps this phase uses (bool, the kernel's shape)."""
        mask = np.zeros(kernel, dtype=bool)
        mask[np.ix_(*[a.taps for a in self.axes])] = True
        return mask

    def sub_kernel(self, w: np.ndarray) -> np.ndarray:
        """Its small kernel: the taps it uses, in order (empty along an axis with none)."""
        return w[np.ix_(*[a.taps for a in self.axes])]

    def output(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        """Its small stride-1 convolution of the whole input ``x`` (no zeros inserted)."""
        out = np.zeros(self.shape)
        sub = self.sub_kernel(w)
        for idx in np.ndindex(*sub.shape):
            dst, src = [], []
            for axis, j, n in zip(self.axes, idx, x.shape):
                start = axis.a_first - axis.offsets[j]          # x index feeding output 0 of the phase
                lo, hi = max(0, -start), min(axis.out_count, n - start)
                if hi <= lo:
                    break
                dst.append(slice(lo, hi))
                src.append(slice(start + lo, start + hi))
            else:
                out[tuple(dst)] += sub[idx] * x[tuple(src)]
        return out


@dataclass(frozen=True)
class Decomposition:
    """A transposed conv (one channel) split into its phases, and the pieces to put it back."""

    x: np.ndarray
    w: np.ndarray
    stride: Ints
    dilation: Ints
    pad_before: Ints
    out_size: Ints
    phases: Tuple[Phase, ...]

    @property
    def nd(self) -> int:
        return self.x.ndim

    def phase_outputs(self) -> Tuple[np.ndarray, ...]:
        return tuple(p.output(self.x, self.w) for p in self.phases)

    def interleave(self, outputs: Sequence[np.ndarray]) -> np.ndarray:
        """The pixel shuffle: phase ``(r, c)``'s outputs go to rows ``r::s``, columns ``c::s``."""
        full = np.zeros(self.out_size)
        for phase, y in zip(self.phases, outputs):
            full[tuple(slice(a.out_first, None, s) for a, s in zip(phase.axes, self.stride))] = y
        return full

    def reassembled(self) -> np.ndarray:
        return self.interleave(self.phase_outputs())

    def reference(self) -> np.ndarray:
        """What convt's kernel computes for the same numbers."""
        out = kernels_nd.conv_transpose(self.x[None, ..., None], self.w[..., None, None], self.stride,
                                        self.dilation, self.pad_before, self.out_size)
        return out[(0,) + (slice(None),) * self.nd + (0,)]

    def taps_grid(self) -> np.ndarray:
        """Tap count of each phase, laid out like the phases in an ``s × s`` block."""
        grid = np.zeros(self.stride, dtype=np.int64)
        for p in self.phases:
            grid[p.index] = p.taps
        return grid

    def tap_phase(self) -> np.ndarray:
        """For each kernel tap, the number of the phase that uses it (the kernel's shape)."""
        owner = np.full(self.w.shape, -1, dtype=np.int64)
        for n, p in enumerate(self.phases):
            owner[p.tap_mask(self.w.shape)] = n
        return owner

    def work(self) -> "Work":
        kernel = int(np.prod(self.w.shape))
        direct = int(np.prod(self.out_size)) * kernel
        return Work(direct, sum(int(np.prod(p.shape)) * p.taps for p in self.phases), int(np.prod(self.stride)))


@dataclass(frozen=True)
class Work:
    """Multiplications: the direct view (zeros inserted, every output × every tap) vs the phases
    (every output × its phase's taps)."""

    direct: int
    phases: int
    stride_cells: int       # s^nd: cells per block

    @property
    def wasted(self) -> float:
        """Fraction of the direct view's multiplications that the phases skip (they meet a zero)."""
        return 1.0 - self.phases / self.direct if self.direct else 0.0

    @property
    def wasted_formula(self) -> float:
        """``1 − 1/s^nd``: exact when each output side is a multiple of its stride."""
        return 1.0 - 1.0 / self.stride_cells


def decompose(x: np.ndarray, w: np.ndarray, stride: Sequence[int], dilation: Sequence[int],
              pad_before: Sequence[int], out_size: Sequence[int]) -> Decomposition:
    """Split ``conv_transpose(x, w)`` (convt's arguments, one channel, no batch) into phases."""
    x, w = np.asarray(x, dtype=np.float64), np.asarray(w, dtype=np.float64)
    per_axis = [axis_phases(n, k, s, d, p, o) for n, k, s, d, p, o
                in zip(x.shape, w.shape, stride, dilation, pad_before, out_size)]
    phases = tuple(Phase(axes) for axes in product(*per_axis))
    return Decomposition(x, w, tuple(stride), tuple(dilation), tuple(pad_before), tuple(out_size), phases)


def padding_form(pad):
    """The animation pages' padding (``SAME``, ``VALID`` or cells per side) as convt's."""
    return pad if isinstance(pad, str) else (int(pad), int(pad))


def from_config(cfg) -> Decomposition:
    """The phases of the transposed-conv page's configuration (:class:`lab.animation.AnimConfig`),
    on the same seeded example numbers the page animates."""
    nd = cfg.nd
    x, w = example_arrays((1, cfg.in_size) if nd == 1 else cfg.in_size,
                          (1, cfg.kernel) if nd == 1 else cfg.kernel, cfg.seed)
    if nd == 1:
        x, w = x[0], w[0]
    pb = windowed_output(cfg.out, cfg.kernel, cfg.stride, cfg.dilation, padding_form(cfg.pad)).pad_before
    return decompose(x, w, (cfg.stride,) * nd, (cfg.dilation,) * nd, (pb,) * nd, (cfg.out,) * nd)


def icnr_kernel(base: np.ndarray, stride: int, kernel: int) -> np.ndarray:
    """ICNR (Aitken et al. 2017, "Checkerboard artifact free sub-pixel convolution"): every phase
    starts with the same small kernel ``base`` (``kernel // stride`` per side), i.e. ``base``
    upsampled ×``stride`` by nearest neighbour, in a ``kernel``-sided kernel whose last
    ``kernel mod stride`` taps per axis start at zero (a phase cannot have more taps than the
    poorest one)."""
    base = np.asarray(base, dtype=np.float64)
    m = kernel // stride
    if m < 1:
        raise ValueError(f"kernel {kernel} < stride {stride}: some phases have no taps, ICNR cannot even them")
    if any(n != m for n in base.shape):
        raise ValueError(f"the ICNR base kernel must be {m} per side (kernel // stride), not {base.shape}")
    up = base
    for axis in range(base.ndim):
        up = np.repeat(up, stride, axis=axis)
    out = np.zeros((kernel,) * base.ndim)
    out[tuple(slice(0, m * stride) for _ in range(base.ndim))] = up
    return out


def phase_name(phase: Phase) -> str:
    """``(r, c)`` in 2-D, ``r`` in 1-D: where its cells sit in each ``s × s`` block of the output."""
    idx = phase.index
    return str(idx[0]) if len(idx) == 1 else "(" + ", ".join(map(str, idx)) + ")"


def _listed(values: Sequence[int]) -> str:
    return ", ".join(map(str, values)) if len(values) else "none"


def phase_taps_text(phase: Phase) -> str:
    """Which kernel taps the phase uses, in words (English template, translated by the page)."""
    if len(phase.axes) == 1:
        return (f"Phase {phase_name(phase)} uses kernel taps {_listed(phase.axes[0].taps)}: "
                f"{phase.taps} of them.")
    rows, cols = phase.axes
    return (f"Phase {phase_name(phase)} uses kernel rows {_listed(rows.taps)} and columns {_listed(cols.taps)}: "
            f"{len(rows.taps)} × {len(cols.taps)} = {phase.taps} taps.")


def taps_question(dec: Decomposition) -> Question:
    """The sub-pixel view's predict-first question: one phase's tap count (the first row's last
    phase: in 2-D ``(0, s−1)``), answered from the decomposition."""
    last = dec.stride[-1] - 1
    phase = next(p for p in dec.phases if p.index == (0,) * (dec.nd - 1) + (last,))
    return Question("tc_sp_taps", f"How many kernel taps does phase {phase_name(phase)} use?",
                    answer=phase.taps, kind="number", why=phase_taps_text(phase))


__all__ = ["AxisPhase", "Phase", "Decomposition", "Work", "axis_phases", "decompose", "from_config",
           "icnr_kernel", "padding_form", "phase_name", "phase_taps_text", "taps_question"]
