"""A tab that outlives a server restart keeps what the person does next.

The restarted server knows nothing of the tab: the tab reconnects into a new session, and that
session's first run must take the widget values the browser sends, not the (older) URL."""
from __future__ import annotations

from .conftest import expect_no_exception, goto, screenshot, wait_for_app_run
from .harness import Server

QUERY = "in=25&k=3&s=3&pad=SAME&out=97"


def test_a_change_right_after_a_server_restart_is_kept(browser, tmp_path):
    env = {"NUMBA_CACHE_DIR": str(tmp_path / "numba")}
    first = Server(tmp_path / "first.log", env_extra=env)
    port = first.port
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    second = None
    try:
        first.wait_healthy()
        goto(page, f"{first.url}/Shape_explorer?{QUERY}")
        kernel = page.locator(".st-key-ex_k input")
        assert kernel.input_value() == "3"
        first.stop()
        page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
            state="detached", timeout=30_000)
        second = Server(tmp_path / "second.log", env_extra=env, port=port)
        second.wait_healthy()
        wait_for_app_run(page, timeout=60_000)              # the tab reconnected by itself
        kernel.fill("5")
        kernel.press("Enter")
        page.wait_for_timeout(500)
        wait_for_app_run(page, timeout=60_000)
        expect_no_exception(page)
        screenshot(page, "reconnect_change_kept")
        assert kernel.input_value() == "5", "the change made right after the restart was lost"
        page.wait_for_timeout(500)
        assert "k=5" in page.url, f"the URL did not follow the change: {page.url}"
    finally:
        ctx.close()
        first.stop()
        if second is not None:
            second.stop()
