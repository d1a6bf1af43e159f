"""Benchmark-only hook (put on PYTHONPATH of the server process by load_test.py): time every
Streamlit script run on the server and append "<seconds> <page> <start, epoch s>" lines to $CONVT_RUN_LOG.

This separates the server's own rerun time from what the browsers add when they share the
machine with the server. Nothing in the app imports this.
"""
import os
import threading
import time

_LOG = os.environ.get("CONVT_RUN_LOG")

if _LOG:
    try:
        from streamlit.runtime.scriptrunner import script_runner as _sr

        _orig = _sr.ScriptRunner._run_script
        _lock = threading.Lock()

        def _timed_run_script(self, rerun_data):
            t0 = time.perf_counter()
            wall0 = time.time()
            try:
                return _orig(self, rerun_data)
            finally:
                dt = time.perf_counter() - t0
                page = ""
                try:
                    pm = self._pages_manager
                    info = pm.get_pages().get(pm.current_page_script_hash) or {}
                    page = os.path.basename(str(info.get("script_path", "")))
                except Exception:  # noqa: BLE001
                    pass
                page = page or getattr(rerun_data, "page_name", "") or "?"
                page = page.replace(" ", "_")
                with _lock, open(_LOG, "a") as f:
                    f.write(f"{dt:.6f} {page} {wall0:.6f}\n")

        _sr.ScriptRunner._run_script = _timed_run_script
    except Exception:  # pragma: no cover - a benchmark hook must never stop the server
        pass
