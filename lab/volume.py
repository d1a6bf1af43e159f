"""3-D shown as slices, not animated: how many (input voxel, kernel tap) pairs land on each voxel of
a transposed conv's full output, computed by the library itself (``conv_transpose3d`` of ones).

A small cube input keeps every count readable; the pattern along each axis is the 1-D one, and the
3-D count is their product, so uneven overlaps (the 3-D checkerboard) show up slice by slice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convt.torch_style import conv_transpose3d

SHOWN_INPUT = 3   # input voxels per side in the picture
MAX_SLICES = 12   # depth slices drawn at most


@dataclass(frozen=True)
class Overlaps:
    counts: np.ndarray   # (depth, height, width) of the full output
    input: int           # input voxels per side
    kernel: int
    stride: int
    dilation: int

    @property
    def title(self) -> str:
        return (f"Overlap counts of a {self.input}×{self.input}×{self.input} input, kernel {self.kernel}, "
                f"stride {self.stride}" + (f", dilation {self.dilation}" if self.dilation > 1 else ""))


def overlaps(kernel: int, stride: int, dilation: int = 1, size: int = SHOWN_INPUT) -> Overlaps:
    """The full output's overlap counts (no padding: every stamped tap is kept)."""
    ones = np.ones((1, 1, size, size, size), np.float64)
    weight = np.ones((1, 1, kernel, kernel, kernel), np.float64)
    counts = conv_transpose3d(ones, weight, stride=stride, dilation=dilation)[0, 0]
    return Overlaps(np.rint(counts).astype(int), size, kernel, stride, dilation)
