"""Plain-words explanations and concrete fixes, shared by the adapters' errors, ``explain`` and pages.

Everything is phrased from the user's side of the call: *input* is what you pass to
``conv2d_transpose``, *output size* is what you ask for. (TF's messages name things from the
gradient's side; ``explain`` translates.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List

from convt.arithmetic import Padding, effective_kernel, tf_valid_output_sizes, windowed_output

MAX_FIX_STRIDE = 8


def padding_name(padding: Padding) -> str:
    return padding if isinstance(padding, str) else f"explicit {list(padding)}"


def forward_arithmetic(n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> str:
    """The forward conv's size computation written out with the numbers, e.g. ``ceil(97 / 3) = 33``."""
    size = windowed_output(n, kernel, stride, dilation, padding).size
    if padding == "SAME":
        return f"ceil({n} / {stride}) = {size}"
    k_eff = effective_kernel(kernel, dilation)
    k_text = str(k_eff) if dilation == 1 else f"{k_eff} (kernel {kernel} dilated by {dilation})"
    if padding == "VALID":
        return f"({n} - {k_text} + {stride}) div {stride} = {size}"
    before, after = padding
    return f"({n} + {before} + {after} - {k_text} + {stride}) div {stride} = {size}"


def size_list(sizes) -> str:
    """``73, 74, 75`` or ``none`` — how every page and message lists sizes."""
    sizes = list(sizes)
    if not sizes:
        return "none"
    if len(sizes) > 6:
        return f"{sizes[0]} to {sizes[-1]}"
    return ", ".join(str(v) for v in sizes)


@dataclass(frozen=True)
class Fix:
    """One concrete change that makes the call valid; ``changes`` names the parameters it sets."""

    text: str
    changes: Dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text


def tf_size_fixes(i: int, n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> List[Fix]:
    """Ways to make TF accept output size ``n`` from input size ``i``, nearest change first."""
    fixes: List[Fix] = []
    valid = tf_valid_output_sizes(i, kernel, stride, dilation, padding)
    if len(valid):
        nearest = min(valid, key=lambda v: (abs(v - n), v))
        fixes.append(Fix(f"ask for output size {nearest} instead of {n} "
                         f"(valid: {size_list(valid)})", {"out": nearest}))
    for s in range(1, MAX_FIX_STRIDE + 1):
        if s != stride and n in tf_valid_output_sizes(i, kernel, s, dilation, padding):
            fixes.append(Fix(f"use stride {s}: {forward_arithmetic(n, kernel, s, dilation, padding)}",
                             {"s": s}))
            break
    for other in ("SAME", "VALID"):
        if other != padding and n in tf_valid_output_sizes(i, kernel, stride, dilation, other):
            fixes.append(Fix(f"use {other} padding: {forward_arithmetic(n, kernel, stride, dilation, other)}",
                             {"pad": other}))
    if padding == "SAME":
        # the input that *would* fit: the forward conv's own output size
        wanted = windowed_output(n, kernel, stride, dilation, padding).size
        if wanted >= 1:
            fixes.append(Fix(f"feed an input of size {wanted}: the forward conv of {n} gives "
                             f"{forward_arithmetic(n, kernel, stride, dilation, padding)}", {"in": wanted}))
    return fixes


def tf_size_mismatch_explanation(i: int, n: int, kernel: int, stride: int, dilation: int,
                                 padding: Padding, axis: str = "height") -> str:
    """Why TF refuses output size ``n`` for input size ``i``, with the numbers."""
    computed = windowed_output(n, kernel, stride, dilation, padding).size
    valid = tf_valid_output_sizes(i, kernel, stride, dilation, padding)
    return (f"conv2d_transpose is the gradient of a forward conv, so TF checks that a forward "
            f"{padding_name(padding)} conv (kernel {kernel}, stride {stride}, dilation {dilation}) "
            f"over your requested {axis} {n} would give back your input's {axis} {i}. It gives "
            f"{forward_arithmetic(n, kernel, stride, dilation, padding)}"
            f"{'' if computed == i else f', not {i}'}. "
            f"For an input of {i}, TF accepts the output sizes {size_list(valid)}.")


def torch_forward_input_for(n: int, stride: int, offset: int) -> int:
    """The input size ``i`` whose ``ConvTranspose2d`` range ``[(i-1)s + offset, +s-1]`` holds ``n``.

    ``offset`` is ``dilation*(kernel-1) + 1 - 2*padding``, the size an input of 1 gives.
    """
    return (n - offset) // stride + 1


def torch_output_size_explanation(i: int, requested: int, low: int, high: int,
                                  axis: str = "height") -> str:
    """Why ``ConvTranspose2d.forward(x, output_size)`` refuses ``requested`` for an input of ``i``."""
    stride = high - low + 1
    side = "smaller than the smallest" if requested < low else "larger than the largest"
    return (f"For an input {axis} of {i}, a transposed conv with stride {stride} produces "
            f"{low} cells (that is (i-1)*stride - 2*padding + dilation*(kernel-1) + 1), and "
            f"output_size may add up to stride - 1 = {stride - 1} more: it accepts {axis}s "
            f"{size_list(range(low, high + 1))}. You asked for {requested}, {side} of those.")


def torch_output_size_fixes(i: int, requested: int, low: int, high: int) -> List[Fix]:
    """Ways to make PyTorch accept output size ``requested`` from input size ``i``, nearest first."""
    stride = high - low + 1
    offset = low - (i - 1) * stride          # dilation*(kernel-1) + 1 - 2*padding
    fixes: List[Fix] = []
    nearest = min(max(requested, low), high)
    fixes.append(Fix(f"ask for output size {nearest} instead of {requested} "
                     f"(valid: {size_list(range(low, high + 1))})", {"out": nearest}))
    if requested < low:
        delta = -(-(low - requested) // 2)
        if low - 2 * delta <= requested <= high - 2 * delta:
            fixes.append(Fix(f"increase padding by {delta}: each unit of padding trims one cell "
                             f"from both ends, giving {low - 2 * delta} to {high - 2 * delta}", {}))
    for s in range(1, MAX_FIX_STRIDE + 1):
        if s != stride and (i - 1) * s + offset <= requested <= (i - 1) * s + offset + s - 1:
            fixes.append(Fix(f"use stride {s}: the valid sizes become "
                             f"{size_list(range((i - 1) * s + offset, (i - 1) * s + offset + s))}",
                             {"s": s}))
            break
    wanted = torch_forward_input_for(requested, stride, offset)
    if wanted >= 1 and wanted != i:
        fixes.append(Fix(f"feed an input of size {wanted}: its valid sizes "
                         f"{size_list(range((wanted - 1) * stride + offset, wanted * stride + offset))} "
                         f"include {requested}", {"in": wanted}))
    return fixes
