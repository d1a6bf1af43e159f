"""The parts of one call, run at once by the calling thread and a small pool of Python threads.

The parts are nogil Numba kernels and NumPy matrix products, which release the GIL, so the
threads really run together. Not Numba's ``parallel=True``: its default ``workqueue`` layer
aborts the whole process when two threads enter a parallel region at once (numba#8563), and
every Streamlit session is a thread.
"""
import os
import threading
from concurrent.futures import ThreadPoolExecutor

# Threads per call, the caller included.
KERNEL_THREADS = max(1, min(4, os.cpu_count() or 1))
# Under this many elements of work (im2col matrix elements) a hand-over costs more than it saves.
SPLIT_MIN_ELEMENTS = 1 << 17

_EXECUTOR = None
_EXECUTOR_LOCK = threading.Lock()


def executor() -> ThreadPoolExecutor:
    """The shared pool (KERNEL_THREADS - 1 threads), made on first use."""
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = ThreadPoolExecutor(max_workers=max(1, KERNEL_THREADS - 1),
                                           thread_name_prefix="convt-kernels")
        return _EXECUTOR


def in_parallel(fn, arg_lists) -> None:
    """fn(*args) for each args, taken in turn by this thread and up to KERNEL_THREADS - 1 others.

    A pool thread that the OS wakes late finds fewer parts left, or none: then this thread has
    done them all and does not wait for it. Each call must write its own part of the output;
    then this is safe from any number of caller threads (a pool task never waits on the pool).
    """
    parts, lock = iter(arg_lists), threading.Lock()

    def work():
        while True:
            with lock:
                args = next(parts, None)
            if args is None:
                return
            fn(*args)

    helpers = [executor().submit(work) for _ in range(min(KERNEL_THREADS, len(arg_lists)) - 1)]
    try:
        work()
    finally:
        for f in helpers:
            if not f.cancel():
                f.result()


def split(lo: int, hi: int, work: int, parts: int = KERNEL_THREADS) -> list:
    """Up to ``parts`` near-equal parts (lo, hi) of range(lo, hi); one part if the work is small."""
    parts = max(1, min(hi - lo, parts if work >= SPLIT_MIN_ELEMENTS else 1))
    return [(lo + (hi - lo) * i // parts, lo + (hi - lo) * (i + 1) // parts) for i in range(parts)]
