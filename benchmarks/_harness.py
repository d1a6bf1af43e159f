"""Shared by the browser benchmarks: the server and Chromium of tests/e2e/harness.py, plus waiting
for a Streamlit page to finish a run (Streamlit's own e2e recipe)."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.harness import CHROMIUM_ARGS, Server  # noqa: E402,F401  (re-exported)
from tests.e2e.harness import find_chromium as _find_chromium  # noqa: E402

SEED_PATH = "/Shape_explorer?in=25&k=3&s=3&pad=SAME&out=97"


def find_chromium() -> str:
    path = _find_chromium()
    if path is None:
        sys.exit("no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)")
    return path


RUN_DONE_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!app && app.getAttribute("data-test-connection-state") === "CONNECTED"
      && app.getAttribute("data-test-script-state") === "notRunning"
      && document.querySelectorAll("[data-testid='stSkeleton']").length === 0;
}"""


def wait_for_run(page, timeout_ms: float = 60_000, settle_ms: int = 120):
    """Wait until the script run the last action started has finished.

    A rerun flips data-test-script-state to "running" a moment after the action; waiting
    `settle_ms` first keeps us from reading the state before the flip.
    """
    page.wait_for_timeout(settle_ms)
    page.wait_for_function(RUN_DONE_JS, timeout=timeout_ms, polling=25)


def exception_count(page) -> int:
    return page.locator("[data-testid='stException']").count()
