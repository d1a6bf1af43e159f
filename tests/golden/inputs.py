"""Deterministic inputs for the golden fixtures.

Shared by ``tools/make_fixtures.py`` (which runs the real frameworks) and
``tests/test_golden.py`` (which replays the fixtures through ``convt``).
Only numpy is used, so the tests never need TensorFlow or PyTorch.
"""
from __future__ import annotations

import numpy as np


def make_inputs(seed, x_shape, w_shape, dtype="float32", b_shape=None):
    """Return ``(x, w, b)`` drawn from ``numpy.random.default_rng(seed)``.

    Values are standard normal, drawn in float64 in the order x, w, b and then
    cast to ``dtype``.  ``b`` is ``None`` when ``b_shape`` is ``None``.
    Shapes may contain zeros.
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(tuple(x_shape)).astype(dtype)
    w = rng.standard_normal(tuple(w_shape)).astype(dtype)
    b = None
    if b_shape is not None:
        b = rng.standard_normal(tuple(b_shape)).astype(dtype)
    return x, w, b


def probe(seed, n):
    """A fixed float64 vector of length ``n`` used for the checksum of large outputs."""
    return np.random.default_rng(10_000_019 + int(seed)).uniform(-1.0, 1.0, int(n))


def encode_values(out, seed, small_limit=None):
    """Compact record of an output array (used by the tool; the tests use ``check_values``)."""
    import base64

    out = np.asarray(out)
    dtype = str(out.dtype)
    if small_limit is None:
        small_limit = 192 if dtype == "float32" else 96
    flat = out.ravel()
    if flat.size <= small_limit:
        le = flat.astype(flat.dtype.newbyteorder("<"))
        return {"b64": base64.b64encode(le.tobytes()).decode("ascii"), "dtype": dtype}
    f64 = flat.astype(np.float64)
    rng = np.random.default_rng(int(seed) + 7)
    idx = np.sort(rng.choice(flat.size, size=min(16, flat.size), replace=False))
    fmt = (lambda v: float(f"{v:.9g}")) if dtype == "float32" else float
    return {
        "n": int(flat.size),
        "dtype": dtype,
        "sum": float(f64.sum()),
        "abs_sum": float(np.abs(f64).sum()),
        "sq_sum": float((f64 * f64).sum()),
        "probe": float(f64 @ probe(seed, flat.size)),
        "idx": [int(i) for i in idx],
        "val": [fmt(float(f64[i])) for i in idx],
    }


def decode_small(rec):
    """The full array (flattened) of a small-output record, or ``None``."""
    import base64

    if "b64" not in rec:
        return None
    dt = np.dtype(rec["dtype"]).newbyteorder("<")
    return np.frombuffer(base64.b64decode(rec["b64"]), dtype=dt).astype(rec["dtype"])


def check_values(out, rec, seed, atol, rtol=1e-5):
    """Assert that ``out`` (any shape) matches a record made by ``encode_values``.

    Raises ``AssertionError`` with a readable explanation.
    """
    flat = np.asarray(out, dtype=np.float64).ravel()
    full = decode_small(rec)
    if full is not None:
        np.testing.assert_allclose(flat, full.astype(np.float64), atol=atol, rtol=rtol)
        return
    assert flat.size == rec["n"], f"size {flat.size} != {rec['n']}"
    idx = np.asarray(rec["idx"], dtype=np.int64)
    np.testing.assert_allclose(flat[idx], np.asarray(rec["val"]), atol=atol, rtol=rtol,
                               err_msg="sampled values differ")
    n = flat.size
    # reductions accumulate error: scale the tolerance with the number of terms
    red_tol = atol * max(1.0, np.sqrt(n)) * 4
    for name, got in (
        ("sum", flat.sum()),
        ("abs_sum", np.abs(flat).sum()),
        ("probe", flat @ probe(seed, n)),
    ):
        want = rec[name]
        assert abs(got - want) <= red_tol + rtol * 10 * abs(want), (
            f"{name}: got {got!r}, want {want!r} (tol {red_tol:g})")
    want = rec["sq_sum"]
    got = float(flat @ flat)
    assert abs(got - want) <= red_tol * 4 * max(1.0, np.sqrt(abs(want))) + 1e-4 * abs(want), (
        f"sq_sum: got {got!r}, want {want!r}")
