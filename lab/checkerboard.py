"""Checkerboard artifacts of transposed convolution (Odena, Dumoulin & Olah, Distill 2016), with numbers.

A transposed conv stamps a ``k × k`` copy of the kernel, scaled by each input value, every ``s``
cells of the output and sums where stamps overlap. How many stamps reach an output cell — its
*overlap count* — is the same everywhere in the interior only when ``k`` is a multiple of ``s``;
otherwise the interior alternates between ``floor(k/s)`` and ``ceil(k/s)`` per axis (in 2-D their
products), and any image it produces carries that pattern: a checkerboard. Resize-then-conv
(nearest-neighbour upsampling, then a stride-1 conv) has no such pattern.

ICNR initialisation (Aitken et al. 2017) gives every one of the ``s²`` phases the same small
kernel (:func:`lab.subpixel.icnr_kernel`), so at initialisation every interior cell receives the
same total weight and the pattern is gone before training starts.

Counts come from :func:`convt.kernels.conv2d_transpose` itself (all-ones input and kernel), with
TF's placement of the output window, so what the page shows is what the kernel computes. Texts are
English templates, translated by ``lang`` (``lab.i18n``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

import numpy as np

from convt import kernels
from convt.arithmetic import full_transpose_length, windowed_output
from convt.frameworks import keras
from lab.i18n import translate
from lab.predict import Question
from lab.subpixel import icnr_kernel
from lab.url_state import url_field

MAX_IN = 16          # overlap heat map: input cells per side
MAX_KERNEL = 9
MAX_STRIDE = 5
PHOTO_SIZES = (32, 48, 64, 96)   # photo input side (pixels) before upsampling


@dataclass(frozen=True)
class CheckerConfig:
    in_size: int = url_field("in", 6, "input size", min=2, max=MAX_IN)
    kernel: int = url_field("k", 3, "kernel size", min=1, max=MAX_KERNEL)
    stride: int = url_field("s", 2, "stride", min=1, max=MAX_STRIDE)
    padding: str = url_field("pad", "SAME", "padding", choices=("SAME", "VALID"))
    photo: int = url_field("photo", 64, "photo size", choices=PHOTO_SIZES)
    icnr: bool = url_field("icnr", False, "ICNR initialisation")


DEFAULT = CheckerConfig()

# ---------------------------------------------------------------------------------------------
# Overlap counts
# ---------------------------------------------------------------------------------------------

def default_output_size(in_size: int, kernel: int, stride: int, padding: str) -> int:
    """The size Keras (and JAX) choose: SAME ``i·s``, VALID ``(i−1)·s + max(k, s)``."""
    return keras.output_size(in_size, kernel, stride, 1, padding, None)


def icnr_possible(kernel: int, stride: int) -> bool:
    """ICNR needs a tap for every phase: ``kernel ≥ stride``."""
    return kernel >= stride


def kernel_weights(kernel: int, stride: int, icnr: bool = False, gain: float = 0.0) -> np.ndarray:
    """A uniform ``kernel × kernel`` kernel, or its ICNR form (a uniform ``k//s`` base upsampled ×s,
    the rest zero). ``gain = 0``: ones (the weights count stamps); else scaled so that the average
    output cell gets ``gain`` (ICNR: every interior cell)."""
    if not icnr:
        w = np.ones((kernel, kernel))
        return w * (gain * stride * stride / (kernel * kernel)) if gain else w
    m = kernel // stride
    return icnr_kernel(np.full((m, m), gain / (m * m) if gain else 1.0), stride, kernel)


def overlap_counts(in_size: int, kernel: int, stride: int, padding: str = "SAME",
                   out_size: Optional[int] = None, icnr: bool = False) -> np.ndarray:
    """How many (input cell, kernel tap) pairs land on each cell of the 2-D output (int array):
    the output of an all-ones input through an all-ones kernel (``icnr``: its ICNR form, whose
    zero taps stamp nothing).

    The output window is TF's: ``out_size`` (default :func:`default_output_size`) cells starting at
    the forward conv's pad before. ``padding="FULL"`` keeps the whole uncropped output.
    """
    if padding == "FULL":
        n, pad_before = full_transpose_length(in_size, kernel, stride, 1), 0
    else:
        n = default_output_size(in_size, kernel, stride, padding) if out_size is None else out_size
        pad_before = windowed_output(n, kernel, stride, 1, padding).pad_before
    ones = np.ones((1, in_size, in_size, 1))
    taps = kernel_weights(kernel, stride, icnr)[:, :, None, None]
    out = kernels.conv2d_transpose(ones, taps, (stride, stride), (1, 1), (pad_before, pad_before), (n, n))
    return np.rint(out[0, :, :, 0]).astype(np.int64)


def interior_counts_1d(kernel: int, stride: int, icnr: bool = False) -> Tuple[int, ...]:
    """The overlap counts an interior output cell can have along one axis, by phase ``0 .. s−1``.

    Cell ``p`` (far enough from the border) is reached by the taps ``t`` with ``t ≡ p (mod s)``:
    ``ceil((k − r) / s)`` of them for phase ``r``; with ICNR ``k // s`` nonzero ones for every phase.
    """
    if icnr:
        return (kernel // stride,) * stride
    return tuple(max(0, -(-(kernel - r) // stride)) for r in range(stride))


@dataclass(frozen=True)
class Unevenness:
    kernel: int
    stride: int
    levels_1d: Tuple[int, ...]     # distinct interior counts along one axis
    levels_2d: Tuple[int, ...]     # distinct interior counts in 2-D (products)

    @property
    def even(self) -> bool:
        return len(self.levels_2d) == 1

    @property
    def has_gaps(self) -> bool:
        return 0 in self.levels_2d

    @property
    def ratio(self) -> Optional[float]:
        """Brightest / darkest interior cell under a uniform kernel (None when some get nothing)."""
        lo, hi = min(self.levels_2d), max(self.levels_2d)
        return None if lo == 0 else hi / lo


def unevenness(kernel: int, stride: int, icnr: bool = False) -> Unevenness:
    phases = interior_counts_1d(kernel, stride, icnr)
    one = tuple(sorted(set(phases)))
    two = tuple(sorted({a * b for a in phases for b in phases}))
    return Unevenness(kernel, stride, one, two)


def even_kernels(kernel: int, stride: int) -> List[int]:
    """The multiples of ``stride`` nearest to ``kernel`` (below and above), all ≥ ``stride``."""
    below = max(stride, (kernel // stride) * stride)
    above = max(stride, -(-kernel // stride) * stride)
    return sorted({below, above})


def _levels(values, lang: str = "en") -> str:
    values = [str(v) for v in values]
    if len(values) == 1:
        return values[0]
    return translate("{first} or {last}", lang, first=", ".join(values[:-1]), last=values[-1])


STRIDE_ONE = ("Stride 1: every interior output cell receives {k}×{k} = {n} contributions — even overlap, "
              "no checkerboard from the stride.")
EVEN = ("Kernel {k} is a multiple of stride {s} ({k} = {q} × {s}): every interior output cell receives {n} "
        "contributions — even overlap. (A trained kernel can still learn artifacts; resize-then-conv avoids "
        "them by construction.)")
HOLES = ("Kernel {k} is smaller than stride {s}: the stamps do not even touch, so some output cells receive no "
         "contribution at all (counts {levels}) — a grid of holes. Use kernel {fixes} (a multiple of {s}), or "
         "resize ×{s} then a stride-1 conv.")
UNEVEN = ("Kernel {k} is not a multiple of stride {s} ({k} / {s} = {ratio}): along one axis interior cells "
          "receive {levels1} contributions, in 2-D {levels2} — the brightest get {times}× as much as the darkest "
          "({hi}×{hi} vs {lo}×{lo}). Use kernel {fixes} (a multiple of {s}), or resize ×{s} (nearest neighbour) "
          "then a stride-1 conv.")


def rule_of_thumb(kernel: int, stride: int, lang: str = "en") -> str:
    """The rule of thumb, with this configuration's numbers."""
    u = unevenness(kernel, stride)
    k, s = kernel, stride
    if stride == 1:
        return translate(STRIDE_ONE, lang, k=k, n=k * k)
    if u.even:
        return translate(EVEN, lang, k=k, s=s, q=k // s, n=u.levels_2d[0])
    fixes = _levels(even_kernels(kernel, stride), lang)
    if u.has_gaps:
        return translate(HOLES, lang, k=k, s=s, levels=_levels(u.levels_2d, lang), fixes=fixes)
    lo, hi = u.levels_1d[0], u.levels_1d[-1]
    return translate(UNEVEN, lang, k=k, s=s, ratio=f"{k / s:.3g}", levels1=_levels(u.levels_1d, lang),
                     levels2=_levels(u.levels_2d, lang), times=f"{u.ratio:g}", hi=hi, lo=lo, fixes=fixes)


ICNR_EVEN = ("ICNR on: each of the {phases} phases starts with the same {m}×{m} kernel (one small kernel "
             "upsampled ×{s} by nearest neighbour), so every interior output cell receives {n} contributions "
             "of the same weights — no checkerboard at initialisation.")
ICNR_TRIMMED = ("ICNR on: each of the {phases} phases starts with the same {m}×{m} kernel (one small kernel "
                "upsampled ×{s} by nearest neighbour fills {used}×{used} of the {k}×{k} kernel; its other taps "
                "start at zero, so that no phase gets more than the poorest), so every interior output cell "
                "receives {n} contributions of the same weights — no checkerboard at initialisation.")
ICNR_IMPOSSIBLE = ("ICNR cannot help here: with kernel {k} smaller than stride {s} some phases have no taps at "
                   "all, so there is nothing to copy into them. Use a kernel of at least {s}.")


def icnr_text(kernel: int, stride: int, lang: str = "en") -> str:
    """What the ICNR switch does to this kernel, with its numbers."""
    k, s = kernel, stride
    if not icnr_possible(k, s):
        return translate(ICNR_IMPOSSIBLE, lang, k=k, s=s)
    m = k // s
    if k % s == 0:
        return translate(ICNR_EVEN, lang, phases=s * s, m=m, s=s, n=m * m)
    return translate(ICNR_TRIMMED, lang, phases=s * s, m=m, s=s, used=m * s, k=k, n=m * m)


STAMPS_PROMPT = "In 2-D, how many stamps reach the most-covered interior output cell?"
STAMPS_WHY = ("Along one axis the {s} phases get {levels} taps; a cell in 2-D gets the product of its row's "
              "and its column's: at most {hi} × {hi} = {n}.")


def stamps_question(kernel: int, stride: int, icnr: bool = False) -> Question:
    """The page's predict-first question, answered from :func:`unevenness`."""
    u = unevenness(kernel, stride, icnr)
    hi = max(u.levels_1d)
    why = STAMPS_WHY.format(s=stride, levels=", ".join(map(str, interior_counts_1d(kernel, stride, icnr))),
                            hi=hi, n=max(u.levels_2d))
    return Question("cb_most", STAMPS_PROMPT, answer=max(u.levels_2d), kind="number", why=why)


# ---------------------------------------------------------------------------------------------
# The photograph
# ---------------------------------------------------------------------------------------------

PHOTO_CREDIT = ("Grace Hopper, 1984 (U.S. Navy photograph, public domain), from matplotlib's sample "
                "data (matplotlib.cbook.get_sample_data('grace_hopper.jpg')).")


def _box_resize(a: np.ndarray, size: int) -> np.ndarray:
    """Area-average a square array down to ``size × size`` (every source pixel counted once)."""
    edges = (np.arange(size) * a.shape[0]) // size
    widths = np.diff(np.append(edges, a.shape[0]))
    rows = np.add.reduceat(a, edges, axis=0) / widths[:, None]
    return np.add.reduceat(rows, edges, axis=1) / widths[None, :]


@lru_cache(maxsize=8)
def _photo(size: int) -> bytes:
    try:
        from matplotlib.cbook import get_sample_data
        from matplotlib.image import imread
        rgb = imread(get_sample_data("grace_hopper.jpg", asfileobj=False)).astype(np.float64)
        gray = rgb[..., :3] @ np.array([0.299, 0.587, 0.114])
        h, w = gray.shape
        side = min(w, h)                       # a square crop around the face
        top, left = max(0, (h - side) // 4), (w - side) // 2
        arr = _box_resize(gray[top:top + side, left:left + side], size)
        arr = arr / 255.0 if arr.max() > 1.5 else arr
    except Exception:  # pragma: no cover - sample data missing: a synthetic picture instead
        yy, xx = np.mgrid[0:size, 0:size] / max(1, size - 1)
        arr = 0.5 + 0.4 * np.sin(6 * xx) * np.cos(4 * yy)
    return np.clip(arr, 0.0, 1.0).astype(np.float64).tobytes()


def photo(size: int = 64) -> np.ndarray:
    """A ``size × size`` grayscale photograph in [0, 1] (a fresh copy)."""
    return np.frombuffer(_photo(size), dtype=np.float64).reshape(size, size).copy()


def transpose_upsample(img: np.ndarray, kernel: int, stride: int, icnr: bool = False) -> np.ndarray:
    """×stride by a SAME transposed conv with uniform weights ``s²/k²`` (average gain 1), or the
    ICNR kernel of gain 1 (:func:`kernel_weights`)."""
    n = img.shape[0]
    out_size = n * stride
    pb = windowed_output(out_size, kernel, stride, 1, "SAME").pad_before
    w = kernel_weights(kernel, stride, icnr, gain=1.0)[:, :, None, None]
    out = kernels.conv2d_transpose(img[None, :, :, None], w, (stride, stride), (1, 1), (pb, pb),
                                   (out_size, out_size))
    return out[0, :, :, 0]


def resize_then_conv(img: np.ndarray, kernel: int, stride: int) -> np.ndarray:
    """×stride by nearest-neighbour resize, then a SAME stride-1 conv with uniform weights ``1/k²``."""
    up = np.repeat(np.repeat(img, stride, axis=0), stride, axis=1)
    n = up.shape[0]
    pb = windowed_output(n, kernel, 1, 1, "SAME").pad_before
    w = np.full((kernel, kernel, 1, 1), 1.0 / (kernel * kernel))
    out = kernels.conv2d_forward(up[None, :, :, None], w, (1, 1), (1, 1), (pb, pb), (n, n))
    return out[0, :, :, 0]


def interior_slice(n_in: int, kernel: int, stride: int) -> slice:
    """Output rows/cols (of a SAME ×stride upsampling) far enough from the border to be interior."""
    margin = kernel + stride
    stop = n_in * stride - margin
    return slice(margin, stop) if stop > margin else slice(0, n_in * stride)


def _phase_means(img: np.ndarray, stride: int, sl: slice) -> np.ndarray:
    """Mean of ``img / local mean`` for each of the ``s × s`` phases (how bright each phase is)."""
    a = img[sl, sl]
    start = sl.start or 0
    means = np.zeros((stride, stride))
    for r in range(stride):
        for c in range(stride):
            means[(start + r) % stride, (start + c) % stride] = a[r::stride, c::stride].mean()
    return means


@dataclass
class PhotoDemo:
    original: np.ndarray
    transposed: np.ndarray
    resized: np.ndarray
    transposed_phases: np.ndarray    # s × s mean brightness by phase (interior)
    resized_phases: np.ndarray

    @staticmethod
    def spread(phases: np.ndarray) -> float:
        """Brightest phase / darkest phase (1 = no checkerboard)."""
        lo = float(phases.min())
        return float("inf") if lo <= 0 else float(phases.max()) / lo


def photo_demo(size: int, kernel: int, stride: int, icnr: bool = False) -> PhotoDemo:
    img = photo(size)
    t = transpose_upsample(img, kernel, stride, icnr)
    r = resize_then_conv(img, kernel, stride)
    sl = interior_slice(size, kernel, stride)
    return PhotoDemo(img, t, r, _phase_means(t, stride, sl), _phase_means(r, stride, sl))


__all__ = ["CheckerConfig", "DEFAULT", "PHOTO_CREDIT", "icnr_possible", "kernel_weights", "overlap_counts",
           "interior_counts_1d", "unevenness", "even_kernels", "rule_of_thumb", "icnr_text", "stamps_question", "photo", "transpose_upsample",
           "resize_then_conv", "PhotoDemo", "photo_demo"]
