"""The big-array path: convolutions as matrix products (im2col + BLAS), and Winograd for the
float32 transposed convs where it saves half the multiplications.

``convt.kernels`` imports this package on the first call big enough for it to pay (its
``_fast``); ``import convt`` and the app's pages never do. The kernels are nogil Numba loops and
NumPy matrix products, run on a small pool of Python threads (``_threads``): nothing here opens
a native library by hand or uses Numba's ``parallel=True``. Arguments are validated by the
caller, C-contiguous and of one float dtype; results are new arrays of that dtype.
"""
import numpy as np

from . import im2col, winograd_plan
from .im2col import conv2d_filter_grad, conv2d_forward

__all__ = ["conv2d_forward", "conv2d_transpose", "conv2d_filter_grad", "warm_up"]

# Winograd for a transposed conv (winograd_plan.plan): one group, enough channels on both sides
# that the transforms (linear in channels) cost little next to the products (quadratic), and at
# most this fraction of im2col's multiplications.
WINOGRAD_MIN_CHANNELS = 16
WINOGRAD_MAX_PRODUCTS = 0.5


def conv2d_transpose(dy: np.ndarray, w: np.ndarray, stride: tuple, dilation: tuple,
                     pad_before: tuple, out_size: tuple, groups: int) -> np.ndarray:
    """dy (N, h, w, O), w (kh, kw, C//groups, O) -> dx (N, out_h, out_w, C): Winograd where
    ``winograd_plan.plan`` takes it, else im2col."""
    plan = winograd_plan.plan(dy.shape, w.shape, tuple(stride), tuple(dilation), tuple(pad_before),
                              tuple(out_size), groups, dy.dtype.char, WINOGRAD_MIN_CHANNELS,
                              WINOGRAD_MAX_PRODUCTS, im2col.GEMM_CHUNK_BYTES)
    if plan is None:
        return im2col.conv2d_transpose(dy, w, stride, dilation, pad_before, out_size, groups)
    # Winograd writes every output its phases reach: where they reach all, no zeros are needed.
    dx = (np.empty if plan.covers_all else np.zeros)((*dy.shape[:1], *out_size, w.shape[2]), dtype=dy.dtype)
    winograd_plan.transpose(dy, w, plan, dx)
    return dx


def warm_up() -> None:
    """Compile (or load from the cache) every kernel here, on tiny inputs."""
    im2col.warm_up()
    dy, w = np.ones((2, 2, 2, 1), dtype=np.float32), np.ones((3, 3, 1, 1), dtype=np.float32)
    plan = winograd_plan.plan(dy.shape, w.shape, (1, 1), (1, 1), (1, 1), (2, 2), 1, "f", 0, 1.0, 1)
    winograd_plan.transpose(dy, w, plan, np.zeros_like(dy))
