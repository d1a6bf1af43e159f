"""Argument coercion shared by the framework adapters: garbage in becomes a ShapeError, not a crash."""
from __future__ import annotations

import numbers
from typing import List, Sequence

import numpy as np

from convt.errors import ShapeError

COMPUTE_DTYPES = (np.float32, np.float64)


def as_array(value, name: str) -> np.ndarray:
    """A numeric numpy array, or a ShapeError naming the argument."""
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged nested lists and the like
        raise ShapeError(f"{name} must be a numeric array: {exc}") from None
    if arr.dtype == np.bool_ or not (np.issubdtype(arr.dtype, np.floating)
                                     or np.issubdtype(arr.dtype, np.integer)):
        raise ShapeError(f"{name} must be a numeric array, got dtype {arr.dtype}")
    return arr


def compute_dtype(*arrays: np.ndarray) -> np.dtype:
    """float32/float64 are computed as they are; other numeric types in float64 (cast back after)."""
    dtype = arrays[0].dtype
    return dtype if dtype in COMPUTE_DTYPES else np.dtype(np.float64)


def as_int(value, name: str) -> int:
    """An exact integer (numpy ints and integral floats are fine; 2.5, NaN, "3" and True are not)."""
    if isinstance(value, (bool, np.bool_)):
        raise ShapeError(f"{name} must be an integer, got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    raise ShapeError(f"{name} must be an integer, got {value!r}")


def as_int_list(value, name: str) -> List[int]:
    """A flat list of exact integers from an int, a sequence or a 1-D array."""
    if isinstance(value, np.ndarray):
        if value.ndim > 1:
            raise ShapeError(f"{name} must be a flat list of integers, got an array of shape {value.shape}")
        value = value.tolist()
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, numbers.Number)):
        raise ShapeError(f"{name} must be an integer or a list of integers, got {value!r}"[:300])
    if isinstance(value, numbers.Number):
        return [as_int(value, name)]
    return [as_int(v, name) for v in value]


def bracket(values: Sequence[int]) -> str:
    """C++/PyTorch spelling of a size list: ``[3, 7, 25, 25]``."""
    return "[" + ", ".join(str(v) for v in values) + "]"
