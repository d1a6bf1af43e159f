"""convt._openmp: a call's parts on OpenMP's threads, each part taken exactly once.

The kernels' own tests (test_kernels.py, test_winograd.py, test_kernels_threads.py) check the
results through it; these check the mechanism with a cfunc that only records who ran what.
"""
import os
import signal
import threading
import time

import numpy as np
import pytest
from numba import cfunc

from convt import _openmp, kernels

needs_gomp = pytest.mark.skipif(_openmp._GOMP_PARALLEL is None, reason="no libgomp here")


def _record(address):
    """runs[p] += 1 and values[p] = p * scale for each part p this thread takes."""
    d = _openmp.descriptor_at(address)
    runs, at = _openmp.read1(d, _openmp.FIRST, np.int64)
    values, at = _openmp.read2(d, at, np.float32)
    scale = d[at]
    p = _openmp.next_part(d)
    while p < d[_openmp.PARTS]:
        runs[p] += 1
        values[p, :] = p * scale
        p = _openmp.next_part(d)


RECORD = cfunc(_openmp.ENTRY_SIGNATURE, nopython=True)(_record)


def test_describe_lays_out_arrays_then_integers():
    a = np.zeros((2, 3), dtype=np.float32)
    d = _openmp.describe(5, a, 7)
    assert d.dtype == np.int64 and d[_openmp.LENGTH] == len(d) == _openmp.FIRST + 4
    assert d[_openmp.COUNTER] == 0 and d[_openmp.PARTS] == 5
    assert list(d[_openmp.FIRST:]) == [a.ctypes.data, 2, 3, 7]


def test_describe_refuses_strided_arrays():
    with pytest.raises(ValueError, match="C-contiguous"):
        _openmp.describe(1, np.zeros((4, 4), dtype=np.float32)[:, 1])


@needs_gomp
@pytest.mark.parametrize("parts, threads", [(1, 2), (2, 2), (13, 4)])
def test_every_part_runs_exactly_once(parts, threads):
    runs = np.zeros(parts, dtype=np.int64)
    values = np.zeros((parts, 3), dtype=np.float32)
    assert _openmp.run(RECORD, _openmp.describe(parts, runs, values, 2), threads)
    assert runs.tolist() == [1] * parts
    np.testing.assert_array_equal(values, 2 * np.arange(parts)[:, None] * np.ones((1, 3)))


@needs_gomp
def test_calls_from_many_python_threads_at_once():
    """Streamlit runs each session on its own thread: each call gets its own OpenMP team."""
    results, errors = [], []

    def call(k):
        try:
            runs = np.zeros(50, dtype=np.int64)
            values = np.zeros((50, 8), dtype=np.float32)
            for _ in range(20):
                runs[:] = 0
                _openmp.run(RECORD, _openmp.describe(50, runs, values, k), 2)
                assert runs.tolist() == [1] * 50
            results.append(np.array_equal(values[:, 0], k * np.arange(50)))
        except Exception as error:          # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=call, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [True] * 8


def test_without_libgomp_run_does_nothing(monkeypatch):
    monkeypatch.setattr(_openmp, "_GOMP_PARALLEL", None)
    runs = np.zeros(3, dtype=np.int64)
    assert _openmp.run(RECORD, _openmp.describe(3, runs, np.zeros((3, 1), np.float32), 1), 2) is False
    assert not runs.any()


@needs_gomp
def test_a_forked_child_still_computes():
    """After fork the child's OpenMP team is gone (waiting for it would hang the child): the
    child's big transposed convs run on its Python threads and give the parent's result."""
    rng = np.random.default_rng(0)
    dy = rng.standard_normal((4, 16, 16, 32)).astype(np.float32)
    w = rng.standard_normal((3, 3, 32, 32)).astype(np.float32)
    args = (1, 1), (2, 2), (2, 2), (16, 16)                 # dilated: Winograd, two parts
    expected = kernels.conv2d_transpose(dy, w, *args)
    pid = os.fork()
    if pid == 0:                                            # the child: never returns into pytest
        code = 1
        try:
            code = 0 if np.array_equal(kernels.conv2d_transpose(dy, w, *args), expected) else 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 60
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child hung")
    assert os.waitstatus_to_exitcode(done[1]) == 0
