"""Shape arithmetic of forward and transposed 2-D convolution, per spatial dimension, in plain Python.

One model fits every framework (reference/framework_rules.md): a transposed conv computes the
*full* output of length ``L = (i-1)*s + (k-1)*d + 1`` and keeps ``N`` values from offset
``pad_before`` (zeros past the end). The frameworks differ only in how ``pad_before`` and ``N`` are
chosen; the functions below say how, with TensorFlow's C++ integer semantics.

``padding`` is ``"SAME"``, ``"VALID"`` or an explicit ``(before, after)`` pair.
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


def tf_valid_output_sizes(i: int, kernel: int, stride: int, dilation: int, padding: Padding) -> range:
    """Every positive ``output_shape`` size TF's ``conv2d_transpose`` accepts for an input of size ``i``.

    TF accepts ``N`` iff a forward conv over ``N`` gives back exactly ``i``; for ``i >= 1`` that is
    a run of ``stride`` consecutive sizes (SAME: ``[(i-1)s+1, i*s]``, whatever the kernel).
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


def tf_transpose_pad_before(n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> int:
    """Where TF's transposed output window starts inside the full output: the forward pad before."""
    return windowed_output(n, kernel, stride, dilation, padding).pad_before


def keras_output_size(i: int, kernel: int, stride: int, dilation: int, padding: str,
                      output_padding: int | None) -> int:
    """The one size Keras 3's ``Conv2DTranspose`` asks for (``_get_output_shape_given_tf_padding``)."""
    k_eff = effective_kernel(kernel, dilation)
    if padding.lower() == "valid":
        extra = max(k_eff, stride) - k_eff if output_padding is None else output_padding
        return (i - 1) * stride + k_eff + extra
    if output_padding is None:
        return i * stride
    return (i - 1) * stride + k_eff % 2 + output_padding


def torch_output_size(i: int, kernel: int, stride: int, padding: int, output_padding: int,
                      dilation: int) -> int:
    """PyTorch's ``H_out = (H_in-1)*stride - 2*padding + dilation*(kernel-1) + output_padding + 1``."""
    return full_transpose_length(i, kernel, stride, dilation) - 2 * padding + output_padding


def torch_output_size_range(i: int, kernel: int, stride: int, padding: int, dilation: int) -> Tuple[int, int]:
    """The sizes ``ConvTranspose2d.forward(x, output_size)`` accepts: ``min .. min + stride - 1``.

    The upper end ignores dilation, although ``output_padding`` may reach ``max(stride, dilation) - 1``.
    """
    low = torch_output_size(i, kernel, stride, padding, 0, dilation)
    return low, low + stride - 1


def torch_max_output_padding(stride: int, dilation: int) -> int:
    """``output_padding`` must be smaller than either stride or dilation."""
    return max(stride, dilation) - 1


def torch_conv_output_size(n: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """PyTorch's forward ``floor((n + 2p - d(k-1) - 1) / s) + 1``."""
    return (n + 2 * padding - effective_kernel(kernel, dilation)) // stride + 1

