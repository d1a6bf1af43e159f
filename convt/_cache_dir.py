"""Choose a writable Numba cache directory before numba is first imported."""
import os
import tempfile

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def ensure_numba_cache_dir() -> str:
    """Keep a user's NUMBA_CACHE_DIR; else use the package's __pycache__ if writable, else a temp dir.

    Numba raises ``cannot cache function ...: no locator available`` when no cache location is
    writable, and it reads the variable only once, at import, hence this runs first.
    """
    chosen = os.environ.get("NUMBA_CACHE_DIR")
    if chosen:
        return chosen
    if os.access(_PACKAGE_DIR, os.W_OK):
        return _PACKAGE_DIR  # numba's default locator (in-tree __pycache__) works
    chosen = os.path.join(tempfile.gettempdir(), "convt-numba-cache")
    try:
        os.makedirs(chosen, exist_ok=True)
    except OSError:
        pass
    if not os.access(chosen, os.W_OK):  # another user's directory on a shared host
        chosen = tempfile.mkdtemp(prefix="convt-numba-cache-")
    os.environ["NUMBA_CACHE_DIR"] = chosen
    return chosen
