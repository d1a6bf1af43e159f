"""Argument coercion shared by the framework adapters: garbage in becomes a ShapeError, not a crash;
and the memo that makes a repeated call's checks cost a dictionary lookup."""
from __future__ import annotations

import functools
import numbers
from typing import Callable, List, Sequence, TypeVar

import numpy as np

from convt.errors import ShapeError

def as_array(value, name: str) -> np.ndarray:
    """A numeric numpy array, or a ShapeError naming the argument."""
    if type(value) is np.ndarray and value.dtype.kind in "fiu":
        return value                                  # the common case, without a copy or a probe
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
    return dtype if dtype.char in "fd" else _FLOAT64


def as_compute(x: np.ndarray, dtype: np.dtype) -> np.ndarray:
    return x if x.dtype == dtype else x.astype(dtype)


_FLOAT64 = np.dtype(np.float64)


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


Plan = TypeVar("Plan")
MEMO_SIZE = 4096
_INT = {int}
_PLAIN = frozenset({int, str, type(None)})


def freeze(value):
    """A hashable stand-in for an argument (lists become tuples); TypeError when it has no exact
    one: a bool or a numpy scalar would compare equal to an int and share its memo entry."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        if set(map(type, value)) <= _INT:              # the common case: a flat list of ints
            return tuple(value)
        return tuple([freeze(v) for v in value])
    raise TypeError(f"no exact hashable form for {kind.__name__}")


def memoised(check: Callable[..., Plan], exact: int) -> Callable[..., Plan]:
    """``check``, a pure function of shapes and arguments, memoised.

    The first ``exact`` arguments (shapes, dtypes) are hashable as they are; the rest are the
    user's, frozen for the key. A miss runs ``check`` on the arguments as passed, so a refusal
    prints them as given (a list stays a list) and is never stored; arguments with no exact
    hashable form are checked every time.
    """
    memo: dict = {}

    @functools.wraps(check)
    def call(*args):
        try:
            key = args[:exact] + tuple([a if type(a) in _PLAIN else freeze(a) for a in args[exact:]])
        except TypeError:               # no exact hashable form
            return check(*args)
        plan = memo.get(key)
        if plan is None:
            plan = check(*args)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = plan
        return plan
    return call
