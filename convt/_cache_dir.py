"""Choose a writable Numba cache directory before numba is first imported.

Numba raises ``cannot cache function ...: no locator available`` for every ``cache=True`` kernel
when its cache location is not writable, which would take down every page. So each candidate is
tested by writing a file into it, and when none works the kernels compile without a cache
(``CACHE_ENABLED`` is False) and the log says why.
"""
from __future__ import annotations

import logging
import os
import tempfile
import uuid

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_log = logging.getLogger(__name__)

CACHE_ENABLED = True


def _writable(directory: str) -> bool:
    """Whether a file can really be created there (``os.access`` is wrong for root and for some mounts)."""
    try:
        os.makedirs(directory, exist_ok=True)
        probe = os.path.join(directory, f".convt-write-test-{uuid.uuid4().hex}")
        with open(probe, "wb"):
            pass
        os.remove(probe)
        return True
    except OSError:
        return False


def _candidates():
    """The configured directory, the app folder, the user's cache, then a private temp dir."""
    configured = os.environ.get("NUMBA_CACHE_DIR")
    if configured:
        yield configured
    yield os.path.join(_PACKAGE_DIR, "__pycache__")
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    yield os.path.join(cache_home, "convt-numba")
    try:
        yield tempfile.mkdtemp(prefix="convt-numba-cache-")
    except OSError:
        return


def ensure_numba_cache_dir() -> str | None:
    """Point ``NUMBA_CACHE_DIR`` at the first writable candidate; None (and no caching) if none is.

    Runs before numba is imported because numba reads the variable only once, at import.
    """
    global CACHE_ENABLED
    configured = os.environ.get("NUMBA_CACHE_DIR")
    for directory in _candidates():
        if _writable(directory):
            if directory != configured:
                os.environ["NUMBA_CACHE_DIR"] = directory
                if configured:
                    _log.warning("NUMBA_CACHE_DIR=%s is not writable; caching compiled kernels in %s",
                                 configured, directory)
            CACHE_ENABLED = True
            return directory
    CACHE_ENABLED = False
    _log.warning("no writable directory for Numba's cache (tried NUMBA_CACHE_DIR, the app folder, "
                 "the user's cache and a temp dir): kernels compile on every start")
    return None
