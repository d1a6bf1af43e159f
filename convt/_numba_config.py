"""Numba settings for every kernel in convt: the one place to change them.

- ``cache``: compiled code is written to ``NUMBA_CACHE_DIR`` (``convt/_cache_dir.py`` picks a
  directory it could write to before numba is imported), so a new process loads it instead of
  compiling; where no directory is writable the kernels compile uncached rather than fail.
- ``nogil=True``: a kernel releases the GIL while it runs, so Streamlit sessions (one thread each)
  can run kernels at the same time. Kernels only touch the arrays they are given: thread-safe.
- No ``parallel=True``: Numba's default ``workqueue`` threading layer aborts the whole process when
  two threads enter a parallel region at once (numba#8563). Parallelism, for big arrays only,
  comes from a small pool of Python threads running nogil kernels and NumPy matrix products on
  separate parts of the output (``convt.fast._threads``).
- fastmath: not the blanket ``True``. ``FASTMATH_FLAGS`` leaves out ``nnan`` and ``ninf`` so NaN and
  inf propagate as in NumPy; ``reassoc``/``contract`` let LLVM vectorise the channel sums, which may
  change results in the last bits (like any BLAS does), never for small integer-valued data.
"""

from convt import _cache_dir

FASTMATH_FLAGS = {"nsz", "arcp", "contract", "afn", "reassoc"}

JIT_OPTIONS = {"cache": _cache_dir.CACHE_ENABLED, "nogil": True, "fastmath": FASTMATH_FLAGS}
