"""The home page's five live demos, one per point of the seed (seed/SEED.md), on seeded numbers.

Every function is pure (numpy + :mod:`convt.tf_style`), returns plain data for the page to show, and
uses a fixed random seed so screenshots and tests see the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np

from convt import tf_style
from convt.errors import ShapeError
from convt.diagnosis import forward_arithmetic, size_list
from convt.frameworks import tensorflow
from lab.explorer import SEED_PARAMS, Config, analyse
from lab.url_state import from_values

SEED = 20261125


def _ints(rng, shape, low=-3, high=4) -> np.ndarray:
    """Small integers as float64: every sum is exact, so the numbers shown are the numbers computed."""
    return rng.integers(low, high, size=shape).astype(np.float64)


@dataclass(frozen=True)
class ReverseDemo:
    x: np.ndarray  # 5x5 input of the forward conv
    kernel: np.ndarray  # 3x3
    y: np.ndarray  # forward conv output (3x3)
    back: np.ndarray  # conv2d_transpose(y) with output_shape 5x5
    forward_filter_shape: Tuple[int, ...]
    transpose_filter_shape: Tuple[int, ...]


def reverse_demo(seed: int = SEED) -> ReverseDemo:
    """Point 1: forward conv 5×5 → 3×3 (k3 s2 SAME), and the transpose with the *same* filter
    back 3×3 → 5×5. The filter of a forward conv 10 → 20 channels is ``[3, 3, 10, 20]``; the
    transpose that undoes its shape reads that array as ``[h, w, out=10, in=20]``."""
    rng = np.random.default_rng(seed)
    x = _ints(rng, (1, 5, 5, 1))
    w = _ints(rng, (3, 3, 1, 1), -1, 2)
    y = tf_style.conv2d(x, w, strides=2, padding="SAME")
    back = tf_style.conv2d_transpose(y, w, output_shape=[1, 5, 5, 1], strides=2, padding="SAME")
    return ReverseDemo(x[0, :, :, 0], w[:, :, 0, 0], y[0, :, :, 0], back[0, :, :, 0],
                       (3, 3, 10, 20), (3, 3, 10, 20))


@dataclass(frozen=True)
class AmbiguityRow:
    n: int
    arithmetic: str
    accepted: bool
    result: str  # the output shape, or TF's message


def ambiguity_demo(sizes=(4, 5, 6, 7), seed: int = SEED) -> Tuple[List[AmbiguityRow], List[int]]:
    """Point 2: input ``[1,3,3,1]``, filter ``[2,2,3,1]``, strides 2, SAME: output_shape 5 and 6
    both work (ceil(5/2) = ceil(6/2) = 3); 4 and 7 do not."""
    rng = np.random.default_rng(seed)
    x = _ints(rng, (1, 3, 3, 1))
    w = _ints(rng, (2, 2, 3, 1), -1, 2)
    rows = []
    for n in sizes:
        try:
            out = tf_style.conv2d_transpose(x, w, output_shape=[1, n, n, 3], strides=2, padding="SAME")
            rows.append(AmbiguityRow(n, forward_arithmetic(n, 2, 2, 1, "SAME"), True,
                                     f"output shape {tuple(out.shape)}"))
        except ShapeError as err:
            rows.append(AmbiguityRow(n, forward_arithmetic(n, 2, 2, 1, "SAME"), False,
                                     err.framework_message))
    return rows, list(tensorflow.valid_output_sizes(3, 2, 2, 1, "SAME"))


@dataclass(frozen=True)
class SeedFailure:
    forward_shape: Tuple[int, ...]  # conv(97, k3 s4 SAME) -> 25
    forward_arithmetic: str
    message: str  # TF's text for conv2d_transpose(s3) back to 97
    back_arithmetic: str
    valid: str
    fixed_shape: Tuple[int, ...]  # with stride 4 it works


def seed_failure(seed: int = SEED) -> SeedFailure:
    """Point 3: ``[3,97,97,10]`` → conv k3 s4 SAME → ``[3,25,25,20]`` → conv2d_transpose with
    stride 3 and ``output_shape`` 97 fails: ceil(97 / 3) = 33, not 25. Stride 4 works."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((3, 97, 97, 10)).astype(np.float32)
    w1 = rng.standard_normal((3, 3, 10, 20)).astype(np.float32)
    y = tf_style.conv2d(x, w1, strides=4, padding="SAME")
    w2 = rng.standard_normal((3, 3, 10, 20)).astype(np.float32)
    try:
        tf_style.conv2d_transpose(y, w2, output_shape=[3, 97, 97, 10], strides=3, padding="SAME")
        message = ""
    except ShapeError as err:
        message = err.framework_message
    fixed = tf_style.conv2d_transpose(y, w2, output_shape=[3, 97, 97, 10], strides=4, padding="SAME")
    return SeedFailure(tuple(y.shape), forward_arithmetic(97, 3, 4, 1, "SAME"), message,
                       forward_arithmetic(97, 3, 3, 1, "SAME"),
                       size_list(tensorflow.valid_output_sizes(25, 3, 3, 1, "SAME")), tuple(fixed.shape))


@dataclass(frozen=True)
class AdjointDemo:
    lhs: float  # <conv(x), g>
    rhs: float  # <x, conv_transpose(g)>
    x_shape: Tuple[int, ...]
    g_shape: Tuple[int, ...]
    seed_gradient: str  # the seed's forward conv in the gradient: 97 -> 33


def adjoint_demo(seed: int = SEED) -> AdjointDemo:
    """Point 4: conv2d_transpose is the gradient of conv2d w.r.t. its input, so
    ⟨conv(x), g⟩ = ⟨x, conv_transpose(g)⟩ — and its own gradient is a forward conv, which for the
    seed maps 97 to 33, not 25."""
    rng = np.random.default_rng(seed)
    x = _ints(rng, (1, 7, 7, 2))
    w = _ints(rng, (3, 3, 2, 3), -2, 3)
    y = tf_style.conv2d(x, w, strides=2, padding="SAME")
    g = _ints(rng, y.shape)
    back = tf_style.conv2d_transpose(g, w, output_shape=list(x.shape), strides=2, padding="SAME")
    return AdjointDemo(float(np.sum(y * g)), float(np.sum(x * back)), tuple(x.shape), tuple(g.shape),
                       forward_arithmetic(97, 3, 3, 1, "SAME"))


def timing_demo(dynamic: bool) -> Dict[str, str]:
    """Point 5: static (a list) vs dynamic (``tf.shape(x)``) output_shape: when TF reports the seed."""
    cfg = from_values(Config, {**SEED_PARAMS, "dyn": dynamic})
    a = analyse(cfg)
    tf1 = [r for r in a.rows if r.framework == "TensorFlow 1.x" and r.applies]
    row = tf1[0] if tf1 else None
    return {"timing": a.timing, "stage": row.stage if row else "",
            "message": row.message if row and row.message else ""}


@dataclass(frozen=True)
class HomeState:
    """The home page keeps nothing in its link but the header's large-type switch."""
