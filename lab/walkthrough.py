"""The home page's five live demos, one per point of the seed (seed/SEED.md), on seeded numbers.

Every function is pure (numpy + :mod:`convt.tf_style`), returns plain data for the page to show, and
uses a fixed random seed so screenshots and tests see the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np

from convt import kernels, tf_style
from convt.arithmetic import windowed_output
from convt.errors import ShapeError
from convt.diagnosis import forward_arithmetic, size_list
from convt.frameworks import keras, tensorflow, torch
from convt.trace import conv_matrix
from lab.explorer import SEED_PARAMS, Config, analyse
from lab.predict import Question
from lab.url_state import from_values, url_field

SEED = 20261125
# The 1-D line of ideas 1 and 4: x of LINE_IN cells -> conv k3 s2 SAME -> LINE_OUT cells.
LINE_IN, LINE_K, LINE_S = 5, 3, 2
LINE_OUT = windowed_output(LINE_IN, LINE_K, LINE_S, 1, "SAME").size
# Idea 5: skip tensors this big all go down to 25 through conv k3 s4 SAME (and PyTorch padding 1).
SKIP_SIZES = tuple(n for n in range(90, 110) if windowed_output(n, 3, 4, 1, "SAME").size == 25)


@dataclass(frozen=True)
class HomeState:
    """Every Home control, so a shared link shows the same lit cell, timing and skip size."""

    cell: int = url_field("cell", 1, "lit output cell of idea 1", min=0, max=LINE_OUT - 1)
    dynamic: bool = url_field("dyn", False, "output_shape given as a tensor")
    skip: int = url_field("skip", SKIP_SIZES[0], "skip tensor size", min=SKIP_SIZES[0], max=SKIP_SIZES[-1])


def _ints(rng, shape, low=-3, high=4) -> np.ndarray:
    """Small integers as float64: every sum is exact, so the numbers shown are the numbers computed."""
    return rng.integers(low, high, size=shape).astype(np.float64)


@dataclass(frozen=True)
class Line:
    """Idea 1 in 1-D, where it reads best: ``y = C x`` (conv k3 s2 SAME, 5 → 3) and the transpose
    ``Cᵀ y`` back to 5, with the matrix C itself; idea 4's ``g`` and ``Cᵀ g`` on the same C."""

    x: np.ndarray         # (5,)
    kernel: np.ndarray    # (3,)
    y: np.ndarray         # C x, (3,)
    back: np.ndarray      # Cᵀ y, (5,)
    C: np.ndarray         # (3, 5): rows = outputs of the forward conv, columns = its inputs
    g: np.ndarray         # an upstream gradient for y, (3,)
    ct_g: np.ndarray      # Cᵀ g, (5,)
    pad_before: int

    def taps(self, j: int) -> Tuple[int, ...]:
        """The x cells output ``j`` reads — and the cells the transpose writes input ``j`` into."""
        return tuple(int(i) for i in np.flatnonzero(self.C[j]))

    @property
    def inner_y(self) -> float:
        """⟨C x, g⟩: multiply cell by cell, add up."""
        return float(np.dot(self.y, self.g))

    @property
    def inner_x(self) -> float:
        """⟨x, Cᵀ g⟩."""
        return float(np.dot(self.x, self.ct_g))


def line_demo(seed: int = SEED) -> Line:
    """Ideas 1 and 4 on one line of cells: the kernels compute, C (``convt.trace.conv_matrix``) explains."""
    rng = np.random.default_rng(seed)
    x = _ints(rng, LINE_IN, 0, 4)
    w = _ints(rng, LINE_K, 1, 3)
    g = _ints(rng, LINE_OUT, -2, 3)
    pb = windowed_output(LINE_IN, LINE_K, LINE_S, 1, "SAME").pad_before
    geometry = ((1, LINE_S), (1, 1), (0, pb))
    row = lambda v: v.reshape(1, 1, -1, 1)  # a line as a one-row, one-channel image
    w4 = w.reshape(1, LINE_K, 1, 1)
    y = kernels.conv2d_forward(row(x), w4, *geometry, (1, LINE_OUT)).ravel()
    back = kernels.conv2d_transpose(row(y), w4, *geometry, (1, LINE_IN)).ravel()
    ct_g = kernels.conv2d_transpose(row(g), w4, *geometry, (1, LINE_IN)).ravel()
    C = conv_matrix((1, LINE_IN), w.reshape(1, LINE_K), (1, LINE_S), (1, 1), (0, pb), (1, LINE_OUT))
    return Line(x, w, y, back, C, g, ct_g, pb)


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
    computed: int  # conv(97, k3 s3 SAME): TF's "computed"
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
                       forward_arithmetic(97, 3, 3, 1, "SAME"), windowed_output(97, 3, 3, 1, "SAME").size,
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


def many_to_one(sizes=range(3, 9), kernel: int = 2, stride: int = 2) -> List[Tuple[int, int]]:
    """Idea 2 in 1-D: each candidate output size and what a forward SAME conv makes of it."""
    return [(n, windowed_output(n, kernel, stride, 1, "SAME").size) for n in sizes]


def timing_demo(dynamic: bool) -> Dict[str, str]:
    """Point 5: static (a list) vs dynamic (``tf.shape(x)``) output_shape: when TF reports the seed."""
    cfg = from_values(Config, {**SEED_PARAMS, "dyn": dynamic})
    a = analyse(cfg)
    tf1 = [r for r in a.rows if r.framework == "TensorFlow 1.x" and r.applies]
    row = tf1[0] if tf1 else None
    return {"timing": a.timing, "stage": row.stage if row else "",
            "message": row.message if row and row.message else ""}




@dataclass(frozen=True)
class SkipRecipe:
    """Idea 5: what each framework makes of the 25-cell tensor, for a skip tensor of ``skip`` cells."""

    skip: int
    down: int                 # every skip size in SKIP_SIZES goes down to this
    keras_default: int        # Conv2DTranspose(3, strides=4, padding="same") without output_padding
    keras_output_padding: int  # the output_padding that gives back ``skip``
    torch_default: int        # ConvTranspose2d(k3, stride 4, padding 1) without output_size
    torch_range: Tuple[int, int]  # the sizes output_size may ask for


def skip_recipe(skip: int) -> SkipRecipe:
    """The numbers idea 5's recipes print, from convt's model of each framework."""
    down = windowed_output(skip, 3, 4, 1, "SAME").size
    keras_base = keras.output_size(down, 3, 4, 1, "same", 0)
    return SkipRecipe(skip, down, keras.output_size(down, 3, 4, 1, "same", None), skip - keras_base,
                      torch.output_size(down, 3, 4, 1, 0, 1), torch.output_size_range(down, 3, 4, 1, 1))


def recipes(r: SkipRecipe) -> Dict[str, str]:
    """Idea 5's runnable recipes (checked with the real frameworks by tools/check_home_recipes.py)."""
    n, d = r.skip, r.down
    tf_batch = f"""import tensorflow as tf

w_down = tf.random.normal([3, 3, 10, 20])  # conv 10 -> 20 channels: [h, w, in, out]
w_up = tf.random.normal([3, 3, 10, 20])    # transpose 20 -> 10: [h, w, out, in]

@tf.function(input_signature=[tf.TensorSpec([None, {n}, {n}, 10])])  # any batch size
def down_up(x):
    y = tf.nn.conv2d(x, w_down, strides=4, padding="SAME")            # [batch, {d}, {d}, 20]
    batch = tf.shape(x)[0]                                             # a tensor: known when it runs
    return tf.nn.conv2d_transpose(y, w_up, output_shape=tf.stack([batch, {n}, {n}, 10]),
                                  strides=4, padding="SAME")

print(down_up(tf.zeros([3, {n}, {n}, 10])).shape)  # (3, {n}, {n}, 10)
print(down_up(tf.zeros([5, {n}, {n}, 10])).shape)  # (5, {n}, {n}, 10)
"""
    tf_skip = f"""import tensorflow as tf

skip = tf.random.normal([3, {n}, {n}, 10])              # kept by the encoder for the skip connection
w_down = tf.random.normal([3, 3, 10, 20])
w_up = tf.random.normal([3, 3, 10, 20])
y = tf.nn.conv2d(skip, w_down, strides=4, padding="SAME")  # (3, {d}, {d}, 20)
up = tf.nn.conv2d_transpose(y, w_up, output_shape=tf.shape(skip), strides=4, padding="SAME")
print(up.shape)                                         # (3, {n}, {n}, 10)
print(tf.concat([skip, up], axis=-1).shape)             # (3, {n}, {n}, 20)
"""
    keras_op = f"""import keras

skip = keras.random.normal((3, {n}, {n}, 10))
y = keras.layers.Conv2D(20, 3, strides=4, padding="same")(skip)                 # (3, {d}, {d}, 20)
print(keras.layers.Conv2DTranspose(10, 3, strides=4, padding="same")(y).shape)  # (3, {r.keras_default}, {r.keras_default}, 10)
up = keras.layers.Conv2DTranspose(10, 3, strides=4, padding="same", output_padding={r.keras_output_padding})(y)
print(up.shape)                                                                 # (3, {n}, {n}, 10)
print(keras.layers.Concatenate()([skip, up]).shape)                             # (3, {n}, {n}, 20)
"""
    torch_size = f"""import torch

skip = torch.randn(3, 10, {n}, {n})
down = torch.nn.Conv2d(10, 20, 3, stride=4, padding=1)
up = torch.nn.ConvTranspose2d(20, 10, 3, stride=4, padding=1)
y = down(skip)                                      # (3, 20, {d}, {d})
print(up(y).shape)                                  # (3, 10, {r.torch_default}, {r.torch_default})
out = up(y, output_size=skip.shape[-2:])            # any size from {r.torch_range[0]} to {r.torch_range[1]}
print(out.shape)                                    # (3, 10, {n}, {n})
print(torch.cat([skip, out], dim=1).shape)          # (3, 20, {n}, {n})
"""
    return {"TensorFlow: a dynamic batch, tf.shape(x)[0]": tf_batch,
            "TensorFlow: output_shape=tf.shape(skip)": tf_skip,
            "Keras: output_padding": keras_op,
            "PyTorch: output_size=skip.shape[-2:]": torch_size}


def questions(state: HomeState, line: Line, seed: SeedFailure) -> Dict[str, Question]:
    """Home's predict-first questions; every answer is one of convt's numbers."""
    j = state.cell
    return {
        "taps": Question("home_taps", f"The forward conv's output y[{j}] reads which cells of x? "
                                      f"(The transpose will write its input cell {j} into the same ones.)",
                         answer=line.taps(j), kind="cells", choices=tuple(range(LINE_IN)),
                         why="Row j of C and column j of Cᵀ are the same numbers: C's nonzero entries in "
                             "that row are exactly the cells lit in both pictures."),
        "computed": Question("home_computed", "The seed asks conv2d_transpose (stride 3, SAME) for output "
                                              "size 97. What does a forward conv over 97 give?",
                             answer=seed.computed,
                             why="SAME with stride 3 gives ceil(97 / 3) = 33 — and the input is 25, so TF "
                                 "refuses: actual = 25, computed = 33."),
    }
