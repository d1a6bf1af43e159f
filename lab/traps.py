"""Six misconceptions about transposed convolution that keep coming back in real questions, each as
a predict-then-reveal item whose counter-example is computed live by convt on the learner's numbers.

A trap is data (:data:`TRAPS`): the claim, the URL keys of its controls, the page that goes deeper,
and a function from the page state to an :class:`Outcome` — the question (``lab.predict``), the
facts that answer it (English templates with their numbers, translated by ``lab.i18n``), the arrays
that show it, or the framework's own message when the configuration is refused. Nothing here is
hard-coded: every answer is read off convt's ``torch_style`` / ``jax_style`` adapters and
``lab.gradient``'s nudging. No Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Optional, Tuple

import numpy as np

from convt import jax_style, torch_style
from convt.errors import ShapeError
from lab.gradient import grad_by_nudging
from lab.predict import Question
from lab.url_state import url_field

VALUE_RANGE = 3          # seeded integers in [-3, 3]: small enough to read in a table
SEED = 17
CLOSE = 1e-9


@dataclass(frozen=True)
class TrapsState:
    """Every trap's controls; each field is a URL parameter of the page (prefix = the trap)."""

    inv_in: int = url_field("inv_in", 6, "input size (inverse trap)", min=3, max=10)
    inv_k: int = url_field("inv_k", 3, "kernel size (inverse trap)", min=2, max=3)
    inv_s: int = url_field("inv_s", 1, "stride (inverse trap)", min=1, max=3)
    pad_in: int = url_field("pad_in", 4, "input size (padding trap)", min=1, max=10)
    pad_k: int = url_field("pad_k", 3, "kernel size (padding trap)", min=1, max=5)
    pad_s: int = url_field("pad_s", 2, "stride (padding trap)", min=1, max=3)
    pad_p: int = url_field("pad_p", 1, "padding (padding trap)", min=0, max=4)
    op_in: int = url_field("op_in", 3, "input size (output_padding trap)", min=1, max=8)
    op_k: int = url_field("op_k", 3, "kernel size (output_padding trap)", min=1, max=5)
    op_s: int = url_field("op_s", 2, "stride (output_padding trap)", min=1, max=4)
    op_p: int = url_field("op_p", 1, "padding (output_padding trap)", min=0, max=3)
    op_op: int = url_field("op_op", 1, "output_padding (output_padding trap)", min=0, max=4)
    flip_k: int = url_field("flip_k", 3, "kernel size (flip trap)", min=2, max=5)
    flip_s: int = url_field("flip_s", 1, "stride (flip trap)", min=1, max=2)
    grad_in: int = url_field("grad_in", 5, "input size (gradient trap)", min=3, max=8)
    grad_k: int = url_field("grad_k", 3, "kernel size (gradient trap)", min=2, max=3)
    grad_s: int = url_field("grad_s", 1, "stride (gradient trap)", min=1, max=2)
    rt_in: int = url_field("rt_in", 17, "input size (round-trip trap)", min=1, max=40)
    rt_k: int = url_field("rt_k", 5, "kernel size (round-trip trap)", min=1, max=7)
    rt_p: int = url_field("rt_p", 2, "padding (round-trip trap)", min=0, max=3)
    rt_s: int = url_field("rt_s", 3, "stride (round-trip trap)", min=1, max=4)


@dataclass(frozen=True)
class Line:
    """One sentence of the counter-example: an English template and its fields (``lab.i18n`` translates
    the template, then fills it)."""

    template: str
    fields: Tuple[Tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**dict(self.fields))


def line(template: str, **fields: object) -> Line:
    return Line(template, tuple(fields.items()))


@dataclass(frozen=True)
class Outcome:
    question: Optional[Question]                 # None when the framework refuses the configuration
    facts: Tuple[Line, ...] = ()                 # the counter-example, shown with the answer
    arrays: Tuple[Tuple[Line, np.ndarray], ...] = ()   # (caption, 2-D numbers)
    labels: Tuple[Tuple[object, str], ...] = ()  # a choice's English label
    error: Optional[str] = None                  # the framework's own message, verbatim

    def label(self, value) -> str:
        return dict(self.labels).get(value, str(value))


@dataclass(frozen=True)
class Trap:
    key: str
    claim: str                     # the misconception, as people write it
    truth: str                     # one line: what actually happens
    controls: Tuple[str, ...]      # URL keys of its TrapsState fields
    page: str                      # a word of the page that goes deeper (ui.links.find_page)
    page_label: str
    compute: Callable[[TrapsState], Outcome]
    page_params: Callable[[TrapsState], Dict[str, object]] = lambda s: {}


# ---------------------------------------------------------------------------------------------
# The numbers
# ---------------------------------------------------------------------------------------------

def seeded(shape, seed: int = SEED, nonzero: bool = False) -> np.ndarray:
    """Small reproducible integers as float64 (``nonzero``: none of them 0)."""
    rng = np.random.default_rng(seed)
    if nonzero:
        values = rng.integers(1, VALUE_RANGE + 1, size=shape) * rng.choice([-1, 1], size=shape)
    else:
        values = rng.integers(-VALUE_RANGE, VALUE_RANGE + 1, size=shape)
    return values.astype(np.float64)


def image(n: int, seed: int = SEED) -> np.ndarray:
    """A 1-image, 1-channel n×n input (PyTorch layout NCHW)."""
    return seeded((1, 1, n, n), seed, nonzero=True)


def kernel(k: int, seed: int = SEED + 1) -> np.ndarray:
    """A 1-in, 1-out k×k kernel (PyTorch layout)."""
    return seeded((1, 1, k, k), seed, nonzero=True)


def max_diff(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a - b))) if a.shape == b.shape and a.size else float("inf")


def plane(a: np.ndarray) -> np.ndarray:
    """The one spatial plane of a 1×1 batch (what the page shows)."""
    return a.reshape(a.shape[-2:])


def _fmt(value: float) -> str:
    return f"{value:.3g}"


# ---------------------------------------------------------------------------------------------
# 1. "A transposed conv inverts the conv"
# ---------------------------------------------------------------------------------------------

def inverse(state: TrapsState) -> Outcome:
    n, k, s = state.inv_in, state.inv_k, state.inv_s
    x, w = image(n), kernel(k)
    y = torch_style.conv2d(x, w, stride=s)
    m = y.shape[-1]
    back = torch_style.conv_transpose2d(y, w, stride=s, output_size=[n, n])
    q = Question("trap_inverse",
                 line("Conv2d(kernel_size={k}, stride={s}) takes this {n}×{n} input to {m}×{m}; "
                      "conv_transpose2d with the same kernel and output_size={n} takes that back to "
                      "{back}×{back}. Are the numbers the input's again?",
                      k=k, s=s, n=n, m=m, back=back.shape[-1]).text,
                 answer=bool(np.allclose(back, x)), kind="yesno")
    facts = (line("Only the shape comes back: conv_transpose is the conv's transpose (its adjoint), not its "
                  "inverse. Largest difference from the input here: {d}.", d=_fmt(max_diff(back, x))),
             line("{n2} numbers went in and the conv kept {m2}: no layer can undo a map that loses "
                  "information; a decoder learns an approximation.", n2=n * n, m2=m * m))
    arrays = ((line("input x ({n}×{n})", n=n), plane(x)),
              (line("conv2d(x, W) ({m}×{m})", m=m), plane(y)),
              (line("conv_transpose2d(conv2d(x, W), W) ({n}×{n})", n=n), plane(back)))
    return Outcome(q, facts, arrays)


# ---------------------------------------------------------------------------------------------
# 2. "padding pads the input"
# ---------------------------------------------------------------------------------------------

def padding(state: TrapsState) -> Outcome:
    i, k, s, p = state.pad_in, state.pad_k, state.pad_s, state.pad_p
    x, w = image(i), kernel(k)
    try:
        y = torch_style.conv_transpose2d(x, w, stride=s, padding=p)
    except ShapeError as exc:
        return Outcome(None, error=str(exc))
    full = torch_style.conv_transpose2d(x, w, stride=s)
    big = full.shape[-1]
    n = y.shape[-1]
    cropped = full[..., p:big - p, p:big - p]
    padded_input = torch_style.conv_transpose2d(np.pad(x, ((0, 0), (0, 0), (p, p), (p, p))), w, stride=s)
    q = Question("trap_padding",
                 line("PyTorch: ConvTranspose2d(kernel_size={k}, stride={s}, padding={p}) on a {i}×{i} input. "
                      "What output size (height = width)?", k=k, s=s, p=p, i=i).text,
                 answer=n, kind="number")
    facts = (line("padding={p} does not pad the input: it crops {p} cell(s) from each side of the full "
                  "transposed output ({big} − 2·{p} = {n}).", p=p, big=big, n=n),
             line("The output equals the full {big}×{big} output with the border cut off: largest "
                  "difference {d}.", big=big, d=_fmt(max_diff(y, cropped))),
             line("Padding the input by {p} instead would give {wrong}×{wrong}.", p=p,
                  wrong=padded_input.shape[-1]))
    arrays = ((line("full output, padding=0 ({big}×{big})", big=big), plane(full)),
              (line("padding={p} ({n}×{n})", p=p, n=n), plane(y)))
    return Outcome(q, facts, arrays)


# ---------------------------------------------------------------------------------------------
# 3. "output_padding adds zeros"
# ---------------------------------------------------------------------------------------------

def sizes_back_to(i: int, k: int, s: int, p: int, candidates) -> Tuple[int, ...]:
    """The sizes among ``candidates`` that Conv2d(k, s, p) maps to ``i`` (asked of convt, not a formula)."""
    w = kernel(k)
    found = []
    for n in candidates:
        try:
            if torch_style.conv2d(np.zeros((1, 1, n, n)), w, stride=s, padding=p).shape[-1] == i:
                found.append(n)
        except ShapeError:
            continue
    return tuple(found)


def output_padding(state: TrapsState) -> Outcome:
    i, k, s, p, op = state.op_in, state.op_k, state.op_s, state.op_p, state.op_op
    x, w = image(i), kernel(k)
    try:
        y = torch_style.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op)
        y0 = torch_style.conv_transpose2d(x, w, stride=s, padding=p)
    except ShapeError as exc:
        return Outcome(None, error=str(exc))
    n0, n = y0.shape[-1], y.shape[-1]
    candidates = tuple(range(max(1, n0 - s), n0 + 2 * s))
    valid = sizes_back_to(i, k, s, p, candidates)
    q = Question("trap_output_padding",
                 line("Conv2d(kernel_size={k}, stride={s}, padding={p}) maps which of these sizes to {i}? "
                      "(ConvTranspose2d with the same arguments must pick one of them.)", k=k, s=s, p=p, i=i).text,
                 answer=frozenset(valid), kind="cells", choices=candidates)
    sizes = ", ".join(map(str, valid))
    facts = [line("output_padding does not add zeros: it picks which of the sizes {sizes} you want back. "
                  "output_padding={op} gives {n}.", sizes=sizes, op=op, n=n)]
    if op:
        last = plane(y)[-1]
        full = torch_style.conv_transpose2d(x, w, stride=s)
        big = full.shape[-1]
        if p + n - 1 < big:
            facts.append(line("Its last row holds {nz} nonzero values out of {n}: it is row {r} of the full "
                              "{big}×{big} output (largest difference {d}), which padding={p} would have "
                              "cropped.", nz=int(np.count_nonzero(last)), n=n, r=p + n - 1, big=big,
                              d=_fmt(max_diff(last, plane(full)[p + n - 1, p:p + n])), p=p))
        else:
            facts.append(line("Here its last row lies past the full {big}×{big} output, so it is zeros — "
                              "the one case where the claim holds.", big=big))
    arrays = ((line("output_padding=0 ({n}×{n})", n=n0), plane(y0)),
              (line("output_padding={op} ({n}×{n})", op=op, n=n), plane(y)))
    return Outcome(q, tuple(facts), arrays)


# ---------------------------------------------------------------------------------------------
# 4. "every framework flips the kernel"
# ---------------------------------------------------------------------------------------------

FLIP_CHOICES = ("default", "transpose_kernel", "both", "neither")
FLIP_LABELS = (("default", "the default call"), ("transpose_kernel", "only with transpose_kernel=True"),
               ("both", "both"), ("neither", "neither"))
FLIP_INPUT = 4


def flip(state: TrapsState) -> Outcome:
    k, s = state.flip_k, state.flip_s
    x, w = image(FLIP_INPUT), kernel(k)
    torch_y = torch_style.conv_transpose2d(x, w, stride=s)
    lhs, rhs = x.transpose(0, 2, 3, 1), w.transpose(2, 3, 0, 1)          # NHWC, HWIO

    def jax(transpose_kernel: bool) -> np.ndarray:
        y = jax_style.conv_transpose(lhs, rhs, (s, s), "VALID", transpose_kernel=transpose_kernel)
        return y.transpose(0, 3, 1, 2)

    d_default, d_flag = max_diff(jax(False), torch_y), max_diff(jax(True), torch_y)
    flipped = torch_style.conv_transpose2d(x, np.ascontiguousarray(w[..., ::-1, ::-1]), stride=s)
    same = (d_default < CLOSE, d_flag < CLOSE)
    answer = {(True, False): "default", (False, True): "transpose_kernel", (True, True): "both"}.get(same, "neither")
    q = Question("trap_flip",
                 line("The same {k}×{k} kernel W goes to torch conv_transpose2d(x, W, stride={s}) and to "
                      "jax.lax.conv_transpose(x, W, strides=({s}, {s}), padding='VALID'). Which JAX call gives "
                      "PyTorch's numbers?", k=k, s=s).text,
                 answer=answer, kind="choice", choices=FLIP_CHOICES)
    facts = (line("PyTorch and TensorFlow compute the conv's gradient, which flips the kernel; JAX runs a direct "
                  "conv over the stride-dilated input and flips only with transpose_kernel=True."),
             line("JAX's default vs PyTorch: largest difference {a}. With transpose_kernel=True: {b}. JAX's "
                  "default vs PyTorch given W[::-1, ::-1]: {c}.", a=_fmt(d_default), b=_fmt(d_flag),
                  c=_fmt(max_diff(jax(False), flipped))))
    arrays = ((line("kernel W ({k}×{k})", k=k), plane(w)),
               (line("PyTorch conv_transpose2d"), plane(torch_y)),
               (line("jax.lax.conv_transpose, default"), plane(jax(False))))
    return Outcome(q, facts, arrays, FLIP_LABELS)


# ---------------------------------------------------------------------------------------------
# 5. "it is the gradient with respect to the output"
# ---------------------------------------------------------------------------------------------

GRAD_CHOICES = ("input", "output", "kernel")
GRAD_LABELS = (("input", "the conv's input x"), ("output", "the conv's output"), ("kernel", "the kernel W"))


def gradient(state: TrapsState) -> Outcome:
    n, k, s = state.grad_in, state.grad_k, state.grad_s
    x, w = image(n), kernel(k)
    y = torch_style.conv2d(x, w, stride=s)
    m = y.shape[-1]
    g = seeded(y.shape, SEED + 2, nonzero=True)      # upstream: dLoss/dy for Loss = <conv2d(x, W), g>
    ct = torch_style.conv_transpose2d(g, w, stride=s, output_size=[n, n])
    grads = {
        "input": grad_by_nudging(lambda e: torch_style.conv2d(e, w, stride=s), x.shape, g),
        "output": g,
        "kernel": grad_by_nudging(lambda e: torch_style.conv2d(x, e, stride=s).transpose(1, 0, 2, 3), w.shape, g),
    }
    diffs = {name: max_diff(grad, ct) for name, grad in grads.items()}
    answer = min(diffs, key=diffs.get)
    q = Question("trap_gradient",
                 line("Conv2d(kernel_size={k}, stride={s}) maps a {n}×{n} input x to {m}×{m}; g is the loss's "
                      "gradient with respect to that output. conv_transpose2d(g, W, stride={s}, output_size={n}) "
                      "is the loss's gradient with respect to what?", k=k, s=s, n=n, m=m).text,
                 answer=answer, kind="choice", choices=GRAD_CHOICES)
    facts = (line("Nudging each of x's {n2} cells by 1 and measuring the loss gives conv_transpose2d(g, W) to "
                  "within {d}: it is the gradient with respect to the conv's input (TensorFlow names it "
                  "conv2d_backprop_input).", n2=n * n, d=_fmt(diffs["input"])),
             line("The gradient with respect to the output is g itself ({m}×{m}); with respect to the kernel it "
                  "is {k}×{k}, a correlation of x with g.", m=m, k=k))
    arrays = ((line("upstream g ({m}×{m})", m=m), plane(g)),
              (line("conv_transpose2d(g, W) ({n}×{n})", n=n), plane(ct)),
              (line("gradient with respect to x, by nudging"), plane(grads["input"])))
    return Outcome(q, facts, arrays, GRAD_LABELS)


# ---------------------------------------------------------------------------------------------
# 6. "conv then transposed conv gives the input shape back"
# ---------------------------------------------------------------------------------------------

def round_trip(state: TrapsState) -> Outcome:
    n, k, p, s = state.rt_in, state.rt_k, state.rt_p, state.rt_s
    x, w = image(n), kernel(k)
    try:
        y = torch_style.conv2d(x, w, stride=s, padding=p)
        back = torch_style.conv_transpose2d(y, w, stride=s, padding=p)
    except ShapeError as exc:
        return Outcome(None, error=str(exc))
    m, b = y.shape[-1], back.shape[-1]
    r = (n + 2 * p - k) % s
    q = Question("trap_round_trip",
                 line("Conv2d(kernel_size={k}, stride={s}, padding={p}) on a {n}×{n} input, then "
                      "ConvTranspose2d(kernel_size={k}, stride={s}, padding={p}). What size comes back?",
                      k=k, s=s, p=p, n=n).text,
                 answer=b, kind="number")
    facts = [line("{n} → {m} → {b}. The conv floors: (n + 2p − k) mod s = ({n} + {pp} − {k}) mod {s} = {r}.",
                  n=n, m=m, b=b, pp=2 * p, k=k, s=s, r=r)]
    if r:
        fixed = torch_style.conv_transpose2d(y, w, stride=s, padding=p, output_padding=r).shape[-1]
        facts.append(line("The conv dropped {r} cell(s) that no transposed conv can know about; "
                          "output_padding={r} gives {fixed}.", r=r, fixed=fixed))
    else:
        facts.append(line("The remainder is 0, so this size comes back; sizes with a remainder do not "
                          "(try {other}).", other=n + 1 if s > 1 else n))
    return Outcome(q, tuple(facts))


TRAPS: Tuple[Trap, ...] = (
    Trap("inverse", "A transposed convolution inverts the convolution.",
         "It brings the shape back, not the numbers.", ("inv_in", "inv_k", "inv_s"),
         "Transposed", "The transposed convolution, three ways", inverse),
    Trap("padding", "padding= pads the transposed conv's input.",
         "In PyTorch it crops the output.", ("pad_in", "pad_k", "pad_s", "pad_p"),
         "Shape_explorer", "Every PyTorch size on the number line", padding,
         lambda st: {"in": st.pad_in, "k": st.pad_k, "s": st.pad_s, "pad": "EXPLICIT", "pb": st.pad_p,
                     "pa": st.pad_p, "fw": "torch"}),
    Trap("output_padding", "output_padding adds zeros at the end.",
         "It picks one of the sizes the forward conv would map back.", ("op_in", "op_k", "op_s", "op_p", "op_op"),
         "Shape_explorer", "The valid sizes in the shape explorer", output_padding,
         lambda st: {"in": st.op_in, "k": st.op_k, "s": st.op_s, "pad": "EXPLICIT", "pb": st.op_p,
                     "pa": st.op_p, "fw": "torch", "op": st.op_op}),
    Trap("flip", "Every framework flips the kernel.",
         "JAX does not, unless transpose_kernel=True.", ("flip_k", "flip_s"),
         "Translator", "The same layer in five frameworks", flip,
         lambda st: {"k": st.flip_k, "s": st.flip_s}),
    Trap("gradient", "A transposed conv is the gradient with respect to the output.",
         "It is the gradient with respect to the conv's input.", ("grad_in", "grad_k", "grad_s"),
         "Gradient", "Both directions of the gradient, on the same numbers", gradient),
    Trap("round_trip", "Conv then transposed conv always gives the input shape back.",
         "Only when (in + 2p − k) is a multiple of the stride.", ("rt_in", "rt_k", "rt_p", "rt_s"),
         "Encoder", "Chains of layers in the encoder–decoder page", round_trip),
)
