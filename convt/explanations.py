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
