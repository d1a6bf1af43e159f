"""Per-step traces of a forward 2-D convolution and of its transpose, for the animations.

A trace records, for every step ``t`` of one way of computing the result, which input cells,
kernel taps and output cells take part and the running sums after the step. Replaying a trace
(:func:`replay_conv`, :func:`replay_scatter`, :func:`replay_direct`, :func:`replay_matrix`) rebuilds
the kernel's output exactly; the tests check that against ``convt.kernels``.

One channel, one image: the channel mapping is a separate, static picture. Sizes are ``(h, w)``
pairs; the index conventions are those of ``convt.kernels`` (cross-correlation, no kernel flip)::

    forward    y[oy, ox]  = sum_{ky,kx} x[oy*sh + ky*dh - pt, ox*sw + kx*dw - pl] * w[ky, kx]
    transpose  dx[r, c]   = sum over (iy, ix, ky, kx) with iy*sh + ky*dh - pt == r
                                                     and ix*sw + kx*dw - pl == c  of  dy[iy, ix] * w[ky, kx]

Three ways of computing the transpose, one computation:

- **scatter** (one step per input cell): ``dy[iy, ix] * w`` is stamped into the *full* output
  (length ``(i-1)*s + (k-1)*d + 1``) at ``(iy*sh, ix*sw)``; overlaps add up; the requested output
  is the window of the full output starting at ``pad_before``;
- **direct** (one step per output cell): insert ``s-1`` zeros between the inputs, pad the border
  with ``(k-1)*d - pad_before`` cells before and whatever is left after (the extra row / column of an
  odd case lands at the bottom / right), and slide the kernel **rotated 180°** over it with stride 1;
- **matrix**: the forward conv is a matrix ``C`` (forward outputs x forward inputs); the transpose
  is ``C^T``, and ``C^T @ vec(dy) == vec(dx)``; stepping by column is the scatter order, by row the
  gather order.

``padding`` is ``"SAME"``, ``"VALID"`` or an int (explicit, the same before and after), or a pair
of those, one per axis.

1-D is the same code on a unit height (``nd=1``: x ``(1, n)``, kernel ``(1, k)``, no padding on the
height): one row of cells, and the texts drop the height (``x[3]``, not ``x[0,3]``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Tuple, Union

import numpy as np

from convt.arithmetic import forward_preimage, full_transpose_length, windowed_output
from convt.errors import ShapeError

Pair = Tuple[int, int]
PadSpec = Union[str, int]


def _pair(v) -> Pair:
    if isinstance(v, (tuple, list)):
        a, b = v
        return int(a), int(b)
    return int(v), int(v)


def _axis_pads(padding) -> Tuple[PadSpec, PadSpec]:
    """Per-axis padding specs: a pair as given, otherwise the same on both axes."""
    return tuple(padding) if isinstance(padding, (tuple, list)) else (padding, padding)


def _axis_padding(padding: PadSpec):
    """The ``arithmetic`` form of one axis' padding: ``"SAME"``, ``"VALID"`` or ``(p, p)``."""
    if isinstance(padding, str):
        up = padding.upper()
        if up not in ("SAME", "VALID"):
            raise ShapeError(f"padding must be SAME, VALID or an int, got {padding!r}")
        return up
    p = int(padding)
    if p < 0:
        raise ShapeError(f"explicit padding must be >= 0, got {p}")
    return (p, p)


def width_padding(padding) -> PadSpec:
    """The width's padding spec (a 1-D trace's only real axis; in 2-D both axes have the same)."""
    return _axis_pads(padding)[1]


def padding_label(padding: PadSpec) -> str:
    padding = width_padding(padding)
    return padding.upper() if isinstance(padding, str) else f"explicit {int(padding)}"


def example_arrays(in_shape, k_shape, seed: int = 0):
    """Seeded small integer-valued float64 arrays: inputs in 1..4, kernel taps in 0..3 (1..3 for a
    1-D row: on one row of cells a zero tap hides exactly the overlaps the picture is about).

    The kernel is never its own 180° rotation (when it has more than one tap), so the rotation the
    direct-conv view shows is always visible.
    """
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 5, size=_pair(in_shape)).astype(np.float64)
    k_rows, k_cols = _pair(k_shape)
    w = rng.integers(1 if k_rows == 1 < k_cols else 0, 4, size=(k_rows, k_cols)).astype(np.float64)
    if w.size > 1 and np.array_equal(w, w[::-1, ::-1]):
        w[0, 0] += 1.0
    if not w.any():
        w[0, 0] = 1.0
    return x, w


def at(p: Pair, nd: int) -> str:
    """An index as the text writes it: ``3`` in 1-D, ``2,3`` in 2-D."""
    return f"{p[1]}" if nd == 1 else f"{p[0]},{p[1]}"


def size_text(p: Pair, nd: int) -> str:
    """A size as the text writes it: ``6`` in 1-D, ``6×6`` in 2-D."""
    return f"{p[1]}" if nd == 1 else f"{p[0]}×{p[1]}"


def _factor(v: float) -> str:
    """A factor in a written-out product: negative numbers in parentheses."""
    return f"({fmt(v)})" if v < 0 else fmt(v)


def fmt(v: float) -> str:
    """A number as the cells show it: integers without a decimal point."""
    v = float(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.3g}"


# ---------------------------------------------------------------------------------------------
# Forward convolution
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tap:
    """One multiply of a step: kernel tap ``(ky, kx)`` meets data cell ``(ry, rx)``.

    ``(ry, rx)`` are coordinates in the grid the view shows (forward: the padded input;
    direct view: the zero-inserted, padded input; scatter: the full output), ``value`` the data
    value there (0 for padding), ``weight`` the tap, ``product`` their product.
    """

    ky: int
    kx: int
    ry: int
    rx: int
    value: float
    weight: float
    product: float
    inside: bool  # forward: a real input cell (not padding); scatter: kept by the output window


@dataclass(frozen=True)
class GatherStep:
    """Output cell ``out`` gets ``total`` = the sum of the taps' products."""

    out: Pair
    taps: Tuple[Tap, ...]
    total: float


@dataclass
class ConvTrace:
    """A forward conv ``y = conv(x, w)``, one step per output cell, raster order."""

    x: np.ndarray
    w: np.ndarray
    stride: Pair
    dilation: Pair
    padding: PadSpec
    pad_before: Pair
    pad_after: Pair
    out_size: Pair
    steps: List[GatherStep] = field(default_factory=list)
    nd: int = 2

    @property
    def padded_shape(self) -> Pair:
        return tuple(self.x.shape[a] + self.pad_before[a] + self.pad_after[a] for a in (0, 1))

    @property
    def n_steps(self) -> int:
        return len(self.steps)

    def padded_input(self) -> np.ndarray:
        (pt, pl), (pb, pr) = self.pad_before, self.pad_after
        return np.pad(self.x, ((pt, pb), (pl, pr)))

    def output_after(self, t: int) -> Tuple[np.ndarray, np.ndarray]:
        """Output values after steps ``0..t`` and a mask of the cells filled so far."""
        y = np.zeros(self.out_size)
        filled = np.zeros(self.out_size, dtype=bool)
        for s in self.steps[: t + 1]:
            y[s.out] = s.total
            filled[s.out] = True
        return y, filled

    def describe(self, t: int) -> str:
        s = self.steps[t]
        terms = " + ".join(f"{_factor(tp.value)}·{_factor(tp.weight)}" for tp in s.taps)
        return f"Step {t + 1}/{self.n_steps}: y[{at(s.out, self.nd)}] = {terms} = {fmt(s.total)}"


def conv_geometry(in_size, kernel, stride, dilation, padding: PadSpec):
    """Per axis ``arithmetic.Window`` of a forward conv; ShapeError if the output would be empty."""
    n, k, s, d = _pair(in_size), _pair(kernel), _pair(stride), _pair(dilation)
    pads = _axis_pads(padding)
    wins = tuple(windowed_output(n[a], k[a], s[a], d[a], _axis_padding(pads[a])) for a in (0, 1))
    if min(w.size for w in wins) < 1:
        raise ShapeError(
            f"Computed output size would be {min(w.size for w in wins)}: the (dilated) kernel "
            f"{(k[0] - 1) * d[0] + 1} is larger than the padded input")
    return wins


def conv_trace(x: np.ndarray, w: np.ndarray, stride=1, dilation=1, padding: PadSpec = "VALID") -> ConvTrace:
    """Trace ``y = conv(x, w)`` (TF padding semantics), one step per output cell."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    s, d = _pair(stride), _pair(dilation)
    wins = conv_geometry(x.shape, w.shape, s, d, padding)
    pb = (wins[0].pad_before, wins[1].pad_before)
    pa = (wins[0].pad_after, wins[1].pad_after)
    out = (wins[0].size, wins[1].size)
    tr = ConvTrace(x, w, s, d, padding, pb, pa, out)
    H, W = x.shape
    kh, kw = w.shape
    for oy in range(out[0]):
        for ox in range(out[1]):
            taps = []
            total = 0.0
            for ky in range(kh):
                for kx in range(kw):
                    py = oy * s[0] + ky * d[0]  # padded-grid coordinates
                    px = ox * s[1] + kx * d[1]
                    iy, ix = py - pb[0], px - pb[1]
                    inside = 0 <= iy < H and 0 <= ix < W
                    v = x[iy, ix] if inside else 0.0
                    p = v * w[ky, kx]
                    total += p
                    taps.append(Tap(ky, kx, py, px, v, w[ky, kx], p, inside))
            tr.steps.append(GatherStep((oy, ox), tuple(taps), total))
    return tr


def replay_conv(tr: ConvTrace) -> np.ndarray:
    """The forward output rebuilt from the trace's steps (each step's taps summed again)."""
    y = np.zeros(tr.out_size)
    for s in tr.steps:
        y[s.out] = sum(tp.value * tp.weight for tp in s.taps)
    return y


# ---------------------------------------------------------------------------------------------
# Transposed convolution
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScatterStep:
    """Input cell ``src`` (value ``value``) stamps ``value * w`` into the full output."""

    src: Pair
    value: float
    taps: Tuple[Tap, ...]  # (ry, rx) in full-output coordinates; inside = kept by the window


@dataclass
class TransposeTrace:
    """``dx = conv_transpose(dy, w)`` with output size ``out_size``, in three equivalent orders."""

    dy: np.ndarray
    w: np.ndarray
    stride: Pair
    dilation: Pair
    padding: PadSpec
    out_size: Pair
    pad_before: Pair  # where the output window starts inside the full output
    full_size: Pair  # (i-1)*s + (k-1)*d + 1
    scatter: List[ScatterStep] = field(default_factory=list)
    # direct-conv equivalent
    z: np.ndarray = None  # zero-inserted, padded input
    z_kind: np.ndarray = None  # 0 border padding, 1 data, 2 inserted zero
    z_pad_before: Pair = (0, 0)
    z_pad_after: Pair = (0, 0)
    w_rot: np.ndarray = None
    direct: List[GatherStep] = field(default_factory=list)
    nd: int = 2

    # ---- sizes -------------------------------------------------------------------------------
    @property
    def in_size(self) -> Pair:
        return self.dy.shape

    @property
    def canvas_size(self) -> Pair:
        """The scatter canvas: the full output, extended when the window runs past its end."""
        return tuple(max(self.full_size[a], self.pad_before[a] + self.out_size[a]) for a in (0, 1))

    def odd_extra(self) -> Pair:
        """``a``: rows / columns of the output that the forward conv never reads (bottom / right)."""
        res = []
        pads = _axis_pads(self.padding)
        for a in (0, 1):
            k_eff = (self.w.shape[a] - 1) * self.dilation[a] + 1
            win = windowed_output(self.out_size[a], self.w.shape[a], self.stride[a], self.dilation[a],
                                  _axis_padding(pads[a]))
            res.append(self.out_size[a] + win.pad_before + win.pad_after - k_eff
                       - (self.dy.shape[a] - 1) * self.stride[a])
        return tuple(res)

    # ---- scatter order -----------------------------------------------------------------------
    def scatter_canvas_after(self, t: int) -> np.ndarray:
        """Running sums on the scatter canvas after steps ``0..t`` (``t = -1``: all zero)."""
        c = np.zeros(self.canvas_size)
        for s in self.scatter[: t + 1]:
            for tp in s.taps:
                c[tp.ry, tp.rx] += tp.product
        return c

    def output_from_canvas(self, canvas: np.ndarray) -> np.ndarray:
        (pt, pl), (oh, ow) = self.pad_before, self.out_size
        return canvas[pt:pt + oh, pl:pl + ow].copy()

    def describe_scatter(self, t: int) -> str:
        s = self.scatter[t]
        kept = sum(tp.inside for tp in s.taps)
        where = (f"cell {s.src[1] * self.stride[1]}" if self.nd == 1 else
                 f"row {s.src[0] * self.stride[0]}, column {s.src[1] * self.stride[1]}")
        return (f"Step {t + 1}/{len(self.scatter)}: x[{at(s.src, self.nd)}] = {fmt(s.value)} stamps "
                f"{fmt(s.value)} × kernel at full-output {where}; {kept} of {len(s.taps)} products land "
                f"inside the {size_text(self.out_size, self.nd)} output")

    # ---- direct order ------------------------------------------------------------------------
    def direct_output_after(self, t: int) -> Tuple[np.ndarray, np.ndarray]:
        y = np.zeros(self.out_size)
        filled = np.zeros(self.out_size, dtype=bool)
        for s in self.direct[: t + 1]:
            y[s.out] = s.total
            filled[s.out] = True
        return y, filled

    def describe_direct(self, t: int) -> str:
        s = self.direct[t]
        nz = [tp for tp in s.taps if tp.value != 0]
        terms = " + ".join(f"{_factor(tp.value)}·{_factor(tp.weight)}" for tp in nz) or "0"
        return (f"Step {t + 1}/{len(self.direct)}: out[{at(s.out, self.nd)}] = {terms} = {fmt(s.total)}"
                f"  ({len(s.taps) - len(nz)} of {len(s.taps)} taps fall on zeros)")

    # ---- matrix ------------------------------------------------------------------------------
    def matrix(self) -> np.ndarray:
        """``C``: the forward conv (output_size -> input size) as a (i_h*i_w) x (N_h*N_w) matrix.

        Built once per trace (a read-only copy is returned; traces are shared between sessions).
        """
        c = self.__dict__.get("_matrix")
        if c is None:
            c = conv_matrix(self.out_size, self.w, self.stride, self.dilation, self.pad_before, self.in_size)
            c.flags.writeable = False
            self.__dict__["_matrix"] = c
        return c

    def describe_matrix(self, t: int, by: str = "column") -> str:
        ct = self.matrix().T
        v = self.dy.reshape(-1)
        if by == "column":
            j = t
            return (f"Step {t + 1}/{ct.shape[1]}: column {j} of Cᵀ × vec(x)[{j}] = {fmt(v[j])} "
                    f"(input cell [{at(divmod(j, self.in_size[1]), self.nd)}]) is added to vec(out)")
        i = t
        nz = [(j, ct[i, j]) for j in range(ct.shape[1]) if ct[i, j] != 0]
        terms = " + ".join(f"{_factor(c)}·{_factor(v[j])}" for j, c in nz) or "0"
        return (f"Step {t + 1}/{ct.shape[0]}: row {i} of Cᵀ · vec(x) = {terms} = {fmt(ct[i] @ v)} "
                f"= out[{at(divmod(i, self.out_size[1]), self.nd)}]")

    def n_steps(self, view: str, by: str = "column") -> int:
        if view == "scatter" or (view == "matrix" and by == "column"):
            return len(self.scatter)
        return len(self.direct)



def conv_matrix(in_size, w, stride, dilation, pad_before, out_size) -> np.ndarray:
    """The forward conv ``in_size -> out_size`` as a matrix: rows = outputs, columns = inputs (raster)."""
    (H, W), (oh, ow) = _pair(in_size), _pair(out_size)
    (sh, sw), (dh, dw), (pt, pl) = _pair(stride), _pair(dilation), _pair(pad_before)
    kh, kw = w.shape
    C = np.zeros((oh * ow, H * W))
    for oy in range(oh):
        for ox in range(ow):
            for ky in range(kh):
                for kx in range(kw):
                    iy, ix = oy * sh + ky * dh - pt, ox * sw + kx * dw - pl
                    if 0 <= iy < H and 0 <= ix < W:
                        C[oy * ow + ox, iy * W + ix] += w[ky, kx]
    return C


def transpose_geometry(in_size, kernel, stride, dilation, padding: PadSpec, out_size):
    """Check ``out_size`` like TF does and return ``(pad_before, full_size)`` per axis."""
    i, k, s, d, n = _pair(in_size), _pair(kernel), _pair(stride), _pair(dilation), _pair(out_size)
    pads = _axis_pads(padding)
    pb, full = [], []
    for a in (0, 1):
        pad = _axis_padding(pads[a])
        valid = forward_preimage(i[a], k[a], s[a], d[a], pad)
        if n[a] not in valid:
            span = f"{valid.start}..{valid.stop - 1}" if len(valid) else "none"
            raise ShapeError(
                f"output size {n[a]} is not valid for input {i[a]}, kernel {k[a]}, stride {s[a]}, "
                f"dilation {d[a]}, padding {padding_label(padding)}: a forward conv over {n[a]} gives "
                f"{windowed_output(n[a], k[a], s[a], d[a], pad).size}, not {i[a]} (valid sizes: {span})")
        pb.append(windowed_output(n[a], k[a], s[a], d[a], pad).pad_before)
        full.append(full_transpose_length(i[a], k[a], s[a], d[a]))
    return tuple(pb), tuple(full)


def valid_output_sizes(in_size: int, kernel: int, stride: int, dilation: int, padding: PadSpec) -> range:
    return forward_preimage(in_size, kernel, stride, dilation, _axis_padding(padding))


def transpose_trace(dy: np.ndarray, w: np.ndarray, stride=1, dilation=1, padding: PadSpec = "VALID",
                    out_size=None) -> TransposeTrace:
    """Trace ``conv_transpose(dy, w)`` (TF semantics; ``out_size`` defaults to the largest valid)."""
    dy = np.asarray(dy, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    s, d = _pair(stride), _pair(dilation)
    if out_size is None:
        valid = [valid_output_sizes(dy.shape[a], w.shape[a], s[a], d[a], _axis_pads(padding)[a]) for a in (0, 1)]
        if not all(len(v) for v in valid):
            raise ShapeError(f"no output size maps back to an input of {dy.shape[0]}×{dy.shape[1]} with "
                             f"padding {padding_label(padding)}: the padding eats the whole output")
        out_size = (valid[0][-1], valid[1][-1])
    n = _pair(out_size)
    pb, full = transpose_geometry(dy.shape, w.shape, s, d, padding, n)
    tr = TransposeTrace(dy, w, s, d, padding, n, pb, full)
    h, wd = dy.shape
    kh, kw = w.shape

    # scatter order: one step per input cell
    for iy in range(h):
        for ix in range(wd):
            v = dy[iy, ix]
            taps = []
            for ky in range(kh):
                for kx in range(kw):
                    fy, fx = iy * s[0] + ky * d[0], ix * s[1] + kx * d[1]
                    oy, ox = fy - pb[0], fx - pb[1]
                    inside = 0 <= oy < n[0] and 0 <= ox < n[1]
                    taps.append(Tap(ky, kx, fy, fx, v, w[ky, kx], v * w[ky, kx], inside))
            tr.scatter.append(ScatterStep((iy, ix), v, tuple(taps)))

    # direct-conv equivalent: zero insertion, border padding, kernel rotated 180 degrees
    k_eff = tuple((w.shape[a] - 1) * d[a] + 1 for a in (0, 1))
    zb = tuple(k_eff[a] - 1 - pb[a] for a in (0, 1))  # may be < 0 only with huge explicit padding
    zshape = tuple(n[a] + k_eff[a] - 1 for a in (0, 1))
    stretched = tuple((dy.shape[a] - 1) * s[a] + 1 for a in (0, 1))
    tr.z_pad_before = zb
    tr.z_pad_after = tuple(zshape[a] - stretched[a] - zb[a] for a in (0, 1))
    z = np.zeros(zshape)
    kind = np.zeros(zshape, dtype=np.int8)
    for r in range(zshape[0]):
        for c in range(zshape[1]):
            sy, sx = r - zb[0], c - zb[1]
            if 0 <= sy < stretched[0] and 0 <= sx < stretched[1]:
                if sy % s[0] == 0 and sx % s[1] == 0:
                    z[r, c] = dy[sy // s[0], sx // s[1]]
                    kind[r, c] = 1
                else:
                    kind[r, c] = 2
    tr.z, tr.z_kind = z, kind
    tr.w_rot = w[::-1, ::-1].copy()
    for oy in range(n[0]):
        for ox in range(n[1]):
            taps = []
            total = 0.0
            for ry in range(kh):
                for rx in range(kw):
                    zy, zx = oy + ry * d[0], ox + rx * d[1]
                    v = z[zy, zx]
                    p = v * tr.w_rot[ry, rx]
                    total += p
                    taps.append(Tap(ry, rx, zy, zx, v, tr.w_rot[ry, rx], p, kind[zy, zx] == 1))
            tr.direct.append(GatherStep((oy, ox), tuple(taps), total))
    return tr


def replay_scatter(tr: TransposeTrace) -> np.ndarray:
    """The transposed output rebuilt from the scatter steps: stamp, sum, crop."""
    return tr.output_from_canvas(tr.scatter_canvas_after(len(tr.scatter) - 1))


def replay_direct(tr: TransposeTrace) -> np.ndarray:
    """The transposed output rebuilt from the direct-conv steps (rotated kernel over the zero-inserted input)."""
    y = np.zeros(tr.out_size)
    for s in tr.direct:
        y[s.out] = sum(tp.value * tp.weight for tp in s.taps)
    return y


def replay_matrix(tr: TransposeTrace, by: str = "column") -> np.ndarray:
    """``C^T @ vec(dy)``, accumulated column by column (scatter order) or row by row (gather order)."""
    ct = tr.matrix().T
    v = tr.dy.reshape(-1)
    out = np.zeros(ct.shape[0])
    if by == "column":
        for j in range(ct.shape[1]):
            out += ct[:, j] * v[j]
    else:
        for i in range(ct.shape[0]):
            out[i] = ct[i] @ v
    return out.reshape(tr.out_size)


# ---------------------------------------------------------------------------------------------
# Configurations (what the pages and the CLI ask for)
# ---------------------------------------------------------------------------------------------

def _shapes(nd: int, in_size: int, kernel: int, stride: int, padding: PadSpec, dilation: int):
    """Square 2-D, or 1-D as a unit height with no padding on it."""
    if nd == 1:
        return (1, in_size), (1, kernel), (1, stride), ("VALID", padding), (1, dilation)
    return in_size, kernel, stride, padding, dilation


def make_conv_trace(in_size: int, kernel: int, stride: int = 1, padding: PadSpec = "VALID",
                    dilation: int = 1, seed: int = 0, nd: int = 2) -> ConvTrace:
    """Trace a forward conv on seeded integer example data (``nd`` 1 or 2)."""
    n, k, s, pad, d = _shapes(nd, in_size, kernel, stride, padding, dilation)
    x, w = example_arrays(n, k, seed)
    tr = conv_trace(x, w, s, d, pad)
    tr.nd = nd
    return tr


def make_transpose_trace(in_size: int, kernel: int, stride: int = 1, padding: PadSpec = "VALID",
                         dilation: int = 1, out_size: int | None = None, seed: int = 0,
                         nd: int = 2) -> TransposeTrace:
    """Trace a transposed conv on seeded integer example data (``out_size`` None: the largest valid)."""
    n, k, s, pad, d = _shapes(nd, in_size, kernel, stride, padding, dilation)
    dy, w = example_arrays(n, k, seed)
    out = None if out_size is None or nd == 2 else (1, out_size)
    tr = transpose_trace(dy, w, s, d, pad, out_size if nd == 2 else out)
    tr.nd = nd
    return tr
