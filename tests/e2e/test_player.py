"""The browser player holds its step in the browser: it starts at the page's step, follows the
server-side step buttons, and a rerun does not rebuild it (the frames are sent once)."""
from __future__ import annotations

from .conftest import expect_no_exception, goto, screenshot, wait_for_app_run
from .test_browser import _player_frame


def _counter(player) -> str:
    return player.locator("span[id$='n']").first.inner_text()


def test_the_player_starts_at_and_follows_the_page_step_without_reloading(page):
    goto(page, f"{page.app_url}/Forward_convolution?in=4&k=3&s=1&pad=SAME&t=2")
    page.locator(".st-key-fc_play label").first.click()
    wait_for_app_run(page)
    player = None
    for _ in range(40):
        player = _player_frame(page)
        if player is not None and _counter(player):
            break
        page.wait_for_timeout(250)
    assert player is not None and _counter(player) == "3/16", "the player does not start at the page's step"
    player.locator("body").evaluate("b => { window.__same = 1; }")   # gone if the iframe were rebuilt
    page.locator(".st-key-fc_next button").first.click()   # a server-side step: one rerun
    wait_for_app_run(page)
    expect_no_exception(page)
    for _ in range(20):
        if _counter(player) == "4/16":
            break
        page.wait_for_timeout(100)
    assert _counter(player) == "4/16", "the player did not follow the page's step"
    assert player.locator("body").evaluate("b => window.__same") == 1, "the rerun rebuilt the player"
    screenshot(page, "player_follows_step")
