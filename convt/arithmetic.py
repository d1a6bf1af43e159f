"""Shape arithmetic of forward and transposed 2-D convolution, per spatial dimension, in plain Python.

One model fits every framework (reference/framework_rules.md): a transposed conv computes the
*full* output of length ``L = (i-1)*s + (k-1)*d + 1`` and keeps ``N`` values from offset
``pad_before`` (zeros past the end). The frameworks differ only in how ``pad_before`` and ``N`` are
chosen; the functions below are the shared core, with C++ integer semantics (truncation).

``Padding`` (the one padding type) is ``"SAME"``, ``"VALID"`` or an explicit ``(before, after)``
pair. Rules that belong to one framework live in :mod:`convt.frameworks`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple, Union

Padding = Union[str, Tuple[int, int]]


def effective_kernel(kernel: int, dilation: int) -> int:
    """The span of a dilated kernel: ``(k - 1) * d + 1``."""
    return (kernel - 1) * dilation + 1


def trunc_div(a: int, b: int) -> int:
    """C++ ``int64 / int64``: truncates toward zero (Python's ``//`` floors)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


@dataclass(frozen=True)
class Window:
    """A forward conv's output size and the padding TF puts before and after the data."""

    size: int
    pad_before: int
    pad_after: int


def windowed_output(n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> Window:
    """TF's ``GetWindowedOutputSizeVerbose``: forward conv of an ``n``-long input.

    SAME ignores the kernel for the size and splits the padding unevenly, the extra cell *after*.
    The size may come out negative; callers turn that into TF's error.
    """
    k_eff = effective_kernel(kernel, dilation)
    if padding == "VALID":
        return Window(trunc_div(n - k_eff + stride, stride), 0, 0)
    if padding == "SAME":
        size = trunc_div(n + stride - 1, stride)
        needed = max(0, (size - 1) * stride + k_eff - n)
        return Window(size, needed // 2, needed - needed // 2)
    before, after = padding
    return Window(trunc_div(n + before + after - k_eff + stride, stride), before, after)


def full_transpose_length(i: int, kernel: int, stride: int, dilation: int) -> int:
    """Length of the uncropped transposed output: every input cell stamps a whole dilated kernel."""
    return (i - 1) * stride + effective_kernel(kernel, dilation)


def forward_preimage(i: int, kernel: int, stride: int, dilation: int, padding: Padding) -> range:
    """Every positive size ``N`` whose forward conv gives back exactly ``i``.

    For ``i >= 1`` that is a run of ``stride`` consecutive sizes (SAME: ``[(i-1)s+1, i*s]``,
    whatever the kernel). TensorFlow accepts exactly these as a transposed conv's output size.
    """
    if i < 1:
        upper = effective_kernel(kernel, dilation) + 2 * stride + _total_pad(padding)
        found = [n for n in range(1, upper + 1)
                 if windowed_output(n, kernel, stride, dilation, padding).size == i]
        return range(found[0], found[-1] + 1) if found else range(0)
    if padding == "SAME":
        first = (i - 1) * stride + 1
    else:
        first = (i - 1) * stride + effective_kernel(kernel, dilation) - _total_pad(padding)
    return range(max(first, 1), max(first + stride, 1))


def _total_pad(padding: Padding) -> int:
    return 0 if isinstance(padding, str) else padding[0] + padding[1]


def floor_output_size(n: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """A forward conv's ``floor((n + 2p - d(k-1) - 1) / s) + 1`` with symmetric padding ``p``."""
    return (n + 2 * padding - effective_kernel(kernel, dilation)) // stride + 1
