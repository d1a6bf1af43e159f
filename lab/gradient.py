"""The gradient connection: why ``conv2d_transpose`` must check its ``output_shape`` (the seed's point 4).

``conv2d_transpose`` with filter ``w`` is the transpose (adjoint) ``Cᵀ`` of a forward conv ``C`` with
the same filter, strides and padding. Hence, on the same numbers:

* the gradient of ``conv2d_transpose`` w.r.t. its input is ``C`` applied to the upstream gradient —
  a *forward conv* with the same filter, strides and padding;
* the gradient of a forward conv w.r.t. its input is ``Cᵀ`` applied to the upstream gradient — a
  *conv_transpose*;
* ``⟨C x, y⟩ = ⟨x, Cᵀ y⟩`` for every ``x`` and ``y`` (the adjoint identity).

Each gradient is computed twice, independently: *by definition* — the loss ``L = ⟨f(x), g⟩`` is
linear in ``x``, so its slope along input cell ``j`` is exactly ``⟨f(e_j), g⟩``, the change of the
loss when cell ``j`` is nudged by 1 — and *by the rule* (the other operation applied once).

When the requested output size does not map back onto the input (``97`` → ``ceil(97/3) = 33`` while
the input is ``25``), the forward conv of the upstream gradient has the wrong shape for a gradient
of the input: that is exactly TF's error. Every number here comes from :mod:`convt.kernels` and
:mod:`convt.arithmetic`; the messages from :mod:`convt.frameworks.tensorflow`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, Optional, Tuple

import numpy as np

from convt import kernels
from convt.arithmetic import windowed_output
from convt.diagnosis import forward_arithmetic
from convt.frameworks import tensorflow
from lab.predict import Question
from lab.url_state import url_field

# Caps (the page says them when a link asks for more).
MAX_IN = 32          # conv_transpose input height = width
MAX_OUT = 128        # requested output height = width
MAX_KERNEL = 7
MAX_STRIDE = 4
MAX_CHANNELS = 3
MAX_SEED = 9999
# Nudging every input cell costs about (input cells) x (output cells); above this budget an evenly
# spread sample of input cells is nudged (the page says how many).
NUDGE_BUDGET = 8_000_000
# Unit arrays pushed through a kernel at once (values), to bound memory.
CHUNK_VALUES = 2_000_000
# Values drawn as integers in [-VALUE_RANGE, VALUE_RANGE]: sums stay exact in float64, so the two
# sides of every identity are *equal*, not just close.
VALUE_RANGE = 3


@dataclass(frozen=True)
class GradientConfig:
    """A ``conv2d_transpose`` call: input ``in_size``² × ``channels_in`` → ``out_size``² × ``channels_out``.

    Its filter is ``[kernel, kernel, channels_out, channels_in]`` (TF's ``[h, w, out, in]``), which is
    also the forward conv's ``[h, w, in, out]`` filter seen from the other side.
    """

    in_size: int = url_field("in", 3, "input size", min=1, max=MAX_IN)
    out_size: int = url_field("out", 6, "output size", min=1, max=MAX_OUT)
    kernel: int = url_field("k", 3, "kernel size", min=1, max=MAX_KERNEL)
    stride: int = url_field("s", 2, "stride", min=1, max=MAX_STRIDE)
    padding: str = url_field("pad", "SAME", "padding", choices=("SAME", "VALID"))
    channels_in: int = url_field("cin", 1, "input channels", min=1, max=MAX_CHANNELS)
    channels_out: int = url_field("cout", 1, "output channels", min=1, max=MAX_CHANNELS)
    seed: int = url_field("seed", 0, "random seed", min=0, max=MAX_SEED)


DEFAULT = GradientConfig()
# The seed: x is 25x25x20 (conv1's output), output_shape 97x97, filter 3x3, stride 3, SAME.
SEED = GradientConfig(in_size=25, out_size=97, kernel=3, stride=3, padding="SAME")
SEED_FIXED = replace(SEED, out_size=75)
PRESETS: Dict[str, GradientConfig] = {
    "small": DEFAULT,
    "seed": SEED,
    "seed_fixed": SEED_FIXED,
}
PRESET_LABELS = {
    "small": "Small: 3 → 6, stride 2",
    "seed": "The seed: 25 → 97, stride 3 (refused)",
    "seed_fixed": "The seed, fixed: 25 → 75",
}


@dataclass(frozen=True)
class ShapeCheck:
    """TF's check for a configuration, from the arithmetic alone (no arrays)."""

    computed: int            # the forward conv's size over out_size (the gradient's size)
    arithmetic: str          # e.g. "ceil(97 / 3) = 33"
    tf_message: Optional[str]
    tf1_message: Optional[str]

    @property
    def ok(self) -> bool:
        return self.tf_message is None


def shape_check(cfg: GradientConfig) -> ShapeCheck:
    computed = windowed_output(cfg.out_size, cfg.kernel, cfg.stride, 1, cfg.padding).size
    arith = forward_arithmetic(cfg.out_size, cfg.kernel, cfg.stride, 1, cfg.padding)
    if computed == cfg.in_size:
        return ShapeCheck(computed, arith, None, None)
    tf2 = tensorflow.size_mismatch(cfg.in_size, computed, 1, cfg.out_size, cfg.kernel, cfg.stride, 1)
    tf1 = None
    if computed >= 1:
        tf1 = tensorflow.tf1_shapes_not_compatible((1, computed, computed, cfg.channels_in),
                                                 (1, cfg.in_size, cfg.in_size, cfg.channels_in))
    return ShapeCheck(computed, arith, tf2, tf1)


def gradient_question(cfg: GradientConfig) -> Question:
    """Predict first: how big is the gradient with respect to x — TF's "computed" (0: no output)?"""
    return Question("gr_computed", f"x is {cfg.in_size} × {cfg.in_size} and output_shape asks for "
                                   f"{cfg.out_size} × {cfg.out_size} (kernel {cfg.kernel}, stride {cfg.stride}, "
                                   f"{cfg.padding}). How many rows will the gradient with respect to x have?",
                    answer=max(shape_check(cfg).computed, 0),
                    why="It is a forward conv of the upstream gradient, whose size is output_shape — not x's "
                        "size. TF compares the two and refuses when they differ.")


# ---------------------------------------------------------------------------------------------
# The numbers
# ---------------------------------------------------------------------------------------------

def seeded_arrays(cfg: GradientConfig):
    """Small integers, reproducible from the seed: ``x`` (the transpose's input), ``w``, ``g`` (upstream)."""
    rng = np.random.default_rng(cfg.seed)
    r = VALUE_RANGE
    x = rng.integers(-r, r + 1, size=(1, cfg.in_size, cfg.in_size, cfg.channels_in)).astype(np.float64)
    w = rng.integers(-r, r + 1, size=(cfg.kernel, cfg.kernel, cfg.channels_out, cfg.channels_in)
                     ).astype(np.float64)
    g = rng.integers(-r, r + 1, size=(1, cfg.out_size, cfg.out_size, cfg.channels_out)).astype(np.float64)
    return x, w, g


def _geometry(cfg: GradientConfig):
    """(stride, dilation, pad_before) tuples for the kernels, and the forward conv's size over out_size."""
    window = windowed_output(cfg.out_size, cfg.kernel, cfg.stride, 1, cfg.padding)
    s = (cfg.stride, cfg.stride)
    return s, (1, 1), (window.pad_before, window.pad_before), window.size


def transpose(dy, w, cfg: GradientConfig, out_size: Optional[int] = None):
    """``Cᵀ``: TF's conv2d_transpose placement for ``cfg`` (window from the forward pad before)."""
    s, d, pb, _ = _geometry(cfg)
    n = cfg.out_size if out_size is None else out_size
    return kernels.conv2d_transpose(dy, w, s, d, pb, (n, n))


def forward(x, w, cfg: GradientConfig, out_size: Optional[int] = None):
    """``C``: the forward conv over an ``out_size``-sized input; by default TF's own output size."""
    s, d, pb, computed = _geometry(cfg)
    m = computed if out_size is None else out_size
    return kernels.conv2d_forward(x, w, s, d, pb, (m, m))


def cells_to_nudge(n_cells: int, unit_cost: int, budget: int = NUDGE_BUDGET) -> np.ndarray:
    """Which input cells (flat indices) to nudge: all of them, or an evenly spread sample within budget.

    ``unit_cost`` is the work of one nudge (the op's multiply-adds plus the values it writes).
    """
    if n_cells * max(1, unit_cost) <= budget:
        return np.arange(n_cells)
    m = max(1, min(n_cells, budget // max(1, unit_cost)))
    return np.unique(np.linspace(0, n_cells - 1, m).round().astype(np.int64))


def grad_by_nudging(op, x_shape, upstream, cells: Optional[np.ndarray] = None) -> np.ndarray:
    """d⟨op(x), upstream⟩ / dx by definition: the loss change when each input cell is nudged by 1.

    ``op`` is linear, so the change is exactly ``⟨op(e_j), upstream⟩`` for the unit array ``e_j``.
    The unit arrays go through ``op`` as batches. ``cells`` (flat indices) limits the nudging to a
    sample; the other cells come back as NaN.
    """
    n_cells = int(np.prod(x_shape[1:]))
    cells = np.arange(n_cells) if cells is None else np.asarray(cells, dtype=np.int64)
    flat_up = upstream.reshape(-1)
    chunk = max(1, CHUNK_VALUES // (n_cells + flat_up.size))
    grad = np.full(n_cells, np.nan, dtype=np.float64)
    for start in range(0, len(cells), chunk):
        part = cells[start:start + chunk]
        units = np.zeros((len(part), n_cells), dtype=np.float64)
        units[np.arange(len(part)), part] = 1.0
        outs = op(units.reshape((len(part),) + tuple(x_shape[1:])))
        grad[part] = outs.reshape(len(part), -1) @ flat_up
    return grad.reshape(x_shape)


def unit_costs(cfg: GradientConfig) -> Tuple[int, int]:
    """Work of one nudge through the transpose, and through the forward conv (MACs + values written)."""
    _, _, _, computed = _geometry(cfg)
    taps = cfg.kernel ** 2 * cfg.channels_in * cfg.channels_out
    small_t = cfg.in_size ** 2 * taps + cfg.out_size ** 2 * cfg.channels_out
    small_c = max(computed, 0) ** 2 * taps + cfg.out_size ** 2 * cfg.channels_out
    return small_t, small_c


@dataclass
class GradientDemo:
    """Everything the gradient page shows for one configuration, on one set of seeded numbers."""

    config: GradientConfig
    x: np.ndarray                   # the transpose's input (1, i, i, Cin)
    w: np.ndarray                   # the filter (k, k, Cout, Cin)
    g: np.ndarray                   # the upstream gradient, shaped like the transpose's output
    y: np.ndarray                   # conv2d_transpose(x)
    computed: int                   # forward conv's output size over out_size: TF's "computed"
    pad_before: int
    valid_sizes: range              # output sizes TF accepts for this input
    # (a) gradient of conv_transpose w.r.t. its input
    grad_nudged: np.ndarray         # by definition, shaped like x (NaN where a cell was not nudged)
    grad_forward: np.ndarray        # the rule: forward conv of g, (1, computed, computed, Cin)
    nudged_cells: int               # how many of x's cells were nudged
    # (b) the converse: the gradient of the forward conv w.r.t. its input is a conv_transpose
    conv_x: np.ndarray              # forward conv input (1, N, N, Cout)
    conv_upstream: np.ndarray       # upstream gradient of the conv's output (1, c, c, Cin)
    conv_grad_nudged: np.ndarray    # by definition (NaN where not nudged)
    conv_grad_transpose: np.ndarray  # the rule: conv_transpose of conv_upstream back to N
    conv_nudged_cells: int
    # the adjoint identity on (conv_x, conv_upstream)
    adjoint_lhs: float              # ⟨C conv_x, conv_upstream⟩
    adjoint_rhs: float              # ⟨conv_x, Cᵀ conv_upstream⟩

    @property
    def shapes_agree(self) -> bool:
        return self.computed == self.config.in_size

    @property
    def x_cells(self) -> int:
        return int(self.x.size)

    @property
    def grad_diff(self) -> Optional[float]:
        """Largest |by definition − forward conv| over the nudged cells (None when the shapes differ)."""
        if not self.shapes_agree:
            return None
        return _nan_max_diff(self.grad_nudged, self.grad_forward)

    @property
    def conv_grad_diff(self) -> Optional[float]:
        return _nan_max_diff(self.conv_grad_nudged, self.conv_grad_transpose)

    @property
    def check(self) -> ShapeCheck:
        return shape_check(self.config)

    @property
    def tf_message(self) -> Optional[str]:
        """TF 2.21's text for this call when it refuses (None when it accepts)."""
        return self.check.tf_message

    @property
    def tf1_message(self) -> Optional[str]:
        """TF 1.x at graph build: the gradient's shape cannot be the input's shape."""
        return self.check.tf1_message

    @property
    def explanation(self) -> str:
        c = self.config
        return tensorflow.size_mismatch_explanation(c.in_size, c.out_size, c.kernel, c.stride, 1, c.padding)

    @property
    def fixes(self):
        c = self.config
        return [] if self.shapes_agree else tensorflow.size_fixes(c.in_size, c.out_size, c.kernel, c.stride, 1,
                                                          c.padding)

    @property
    def arithmetic(self) -> str:
        return self.check.arithmetic

    @property
    def corner_diff(self) -> Optional[float]:
        """When TF refuses with computed > input: |true gradient − the forward conv's top-left corner|.

        0 means the gradient by definition *is* that corner; the other rows and columns of the
        forward conv belong to no input cell, which is why TF refuses instead of cropping silently.
        """
        i = self.config.in_size
        if self.shapes_agree or self.computed < i:
            return None
        return _nan_max_diff(self.grad_nudged, self.grad_forward[:, :i, :i, :])


def _nan_max_diff(a: np.ndarray, b: np.ndarray) -> Optional[float]:
    if a.shape != b.shape:
        return None
    seen = ~np.isnan(a)
    if not seen.any():
        return None
    return float(np.max(np.abs(a[seen] - b[seen])))


def _inner(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a.reshape(-1), b.reshape(-1)))


def gradient_demo(cfg: GradientConfig, budget: int = NUDGE_BUDGET) -> GradientDemo:
    """Compute both directions and the adjoint identity for ``cfg`` (see the module docstring)."""
    x, w, g = seeded_arrays(cfg)
    _, _, pb, computed = _geometry(cfg)
    m = max(computed, 0)
    y = transpose(x, w, cfg)
    grad_forward = forward(g, w, cfg) if m else np.zeros((1, 0, 0, cfg.channels_in))
    cost_t, cost_c = unit_costs(cfg)
    cells = cells_to_nudge(x.size, cost_t, budget)
    grad_nudged = grad_by_nudging(lambda e: transpose(e, w, cfg), x.shape, g, cells)

    # The converse, on a forward conv of an out_size-sized input (its output is `computed` big).
    rng = np.random.default_rng(cfg.seed + 1)
    r = VALUE_RANGE
    conv_x = rng.integers(-r, r + 1, size=(1, cfg.out_size, cfg.out_size, cfg.channels_out)).astype(np.float64)
    conv_up = rng.integers(-r, r + 1, size=(1, m, m, cfg.channels_in)).astype(np.float64)
    if m:
        conv_grad_t = transpose(conv_up, w, cfg)
        conv_cells = cells_to_nudge(conv_x.size, cost_c, budget)
        conv_nudged = grad_by_nudging(lambda e: forward(e, w, cfg), conv_x.shape, conv_up, conv_cells)
        lhs = _inner(forward(conv_x, w, cfg), conv_up)
    else:
        conv_grad_t = np.zeros_like(conv_x)
        conv_cells = np.arange(0)
        conv_nudged = np.full(conv_x.shape, np.nan)
        lhs = 0.0
    rhs = _inner(conv_x, conv_grad_t)
    return GradientDemo(cfg, x, w, g, y, computed, pb[0],
                        tensorflow.valid_output_sizes(cfg.in_size, cfg.kernel, cfg.stride, 1, cfg.padding),
                        grad_nudged, grad_forward, len(cells), conv_x, conv_up, conv_nudged, conv_grad_t,
                        len(conv_cells), lhs, rhs)

