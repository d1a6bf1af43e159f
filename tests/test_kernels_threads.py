"""Kernels called from 8 threads at once (as Streamlit sessions do) give the single-threaded results.

A kernel compiled with Numba's ``parallel=True`` under the default ``workqueue`` layer would abort
this whole process here ("Concurrent access has been detected"); convt.fast splits its work over
a Python thread pool that any number of callers share (convt.fast._threads).
"""
import threading

import numpy as np
import pytest

from convt import kernels
from convt.fast import _threads

N_THREADS = 8

# (x shape, w shape, stride, dilation, pad_before, out_size, groups): small ones take the direct
# loops, the larger ones convt.fast's im2col/col2im + BLAS, the last transposed conv Winograd in
# float32 (chosen by size, as in production).
CASES = [
    ((1, 7, 7, 1), (3, 3, 1, 1), (2, 2), (1, 1), (1, 1), (4, 4), 1),
    ((2, 9, 8, 4), (3, 2, 2, 6), (1, 2), (2, 1), (2, 0), (7, 4), 2),
    ((8, 32, 32, 16), (4, 4, 16, 8), (2, 2), (1, 1), (1, 1), (16, 16), 1),
    ((2, 24, 20, 12), (3, 3, 4, 9), (1, 1), (1, 2), (1, 2), (24, 20), 3),
    ((6, 20, 18, 16), (3, 3, 16, 16), (1, 1), (2, 2), (2, 2), (20, 18), 1),   # Winograd (float32)
]


def run_all(case, dtype, seed):
    x_shape, w_shape, stride, dilation, pad, out, groups = case
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape).astype(dtype)
    w = rng.standard_normal(w_shape).astype(dtype)
    dy = rng.standard_normal((x_shape[0], *out, w_shape[3])).astype(dtype)
    return (kernels.conv2d_forward(x, w, stride, dilation, pad, out, groups),
            kernels.conv2d_transpose(dy, w, stride, dilation, pad, x_shape[1:3], groups),
            kernels.conv2d_filter_grad(x, dy, w_shape[:2], stride, dilation, pad, groups))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_concurrent_calls_match_single_threaded(dtype):
    kernels.warm_up()
    jobs = [(case, seed) for seed in range(2) for case in CASES]
    expected = {(i, seed): run_all(case, dtype, seed) for seed in range(2)
                for i, case in enumerate(CASES)}
    gemm = [kernels._fast(c[0][0] * np.prod(c[5]) * np.prod(c[1]), c[1][2], c[1][3] // c[6]) is not None
            for c in CASES]
    assert any(gemm) and not all(gemm)          # both code paths are exercised
    barrier = threading.Barrier(N_THREADS)
    results, errors = {}, []

    def worker(t):
        try:
            barrier.wait()
            for repeat in range(3):
                for case, seed in jobs:
                    i = CASES.index(case)
                    results[(t, repeat, i, seed)] = run_all(case, dtype, seed)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    assert len(results) == N_THREADS * 3 * len(jobs)
    for (t, repeat, i, seed), got in results.items():
        for a, b in zip(got, expected[(i, seed)]):
            np.testing.assert_array_equal(a, b)


def test_busy_pool_does_not_delay_a_call():
    """With every pool thread busy (or not yet woken by the OS), the caller does all the parts."""
    kernels.warm_up(large=True)
    rng = np.random.default_rng(0)
    x_shape, w_shape, stride, dilation, pad, out, groups = CASES[2]
    dy = rng.standard_normal((x_shape[0], *out, w_shape[3]))
    w = rng.standard_normal(w_shape)
    expected = kernels.conv2d_transpose(dy, w, stride, dilation, pad, x_shape[1:3], groups)
    release = threading.Event()
    blockers = [_threads.executor().submit(release.wait) for _ in range(_threads.KERNEL_THREADS - 1)]
    try:
        got = kernels.conv2d_transpose(dy, w, stride, dilation, pad, x_shape[1:3], groups)
    finally:
        release.set()
        for f in blockers:
            f.result()
    np.testing.assert_array_equal(got, expected)
