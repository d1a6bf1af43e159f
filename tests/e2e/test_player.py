"""The browser player (lab.draw.export.player_html): shown without a toggle, stepped in the browser
with no key press lost, its step kept in the page's URL, and in presentation mode a figure that
fills the screen's width above the fold."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run

SIXTEEN = "Forward_convolution?in=4&k=3&s=1&pad=SAME"   # 4×4 SAME, stride 1: 16 steps


def _counter(player) -> str:
    return player.locator("span[id$='n']").first.inner_text()


def _player_frame(page):
    """The browser player's frame (found by its play button, in any language), or None."""
    return next((f for f in page.frames if f.locator("button[data-act='play']").count()), None)


def _player(page):
    """The player's frame once it has drawn its first step."""
    for _ in range(80):
        player = _player_frame(page)
        if player is not None and _counter(player):
            return player
        page.wait_for_timeout(250)
    raise AssertionError("no browser player on the page")


def _wait_counter(player, page, want: str) -> str:
    for _ in range(30):
        if _counter(player) == want:
            break
        page.wait_for_timeout(100)
    return _counter(player)


def _url_t(page):
    return parse_qs(urlparse(page.url).query).get("t", ["0"])[0]


def test_eight_fast_key_presses_are_eight_steps_and_the_step_goes_into_the_url(page):
    goto(page, f"{page.app_url}/{SIXTEEN}")
    player = _player(page)
    assert _counter(player) == "1/16"
    page.get_by_test_id("stMain").locator("h1").first.click()   # the page has the focus, not a widget
    for _ in range(8):
        page.keyboard.press("ArrowRight")   # no waits in between
    assert _wait_counter(player, page, "9/16") == "9/16", "a key press was lost or doubled"
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageUp")
    assert _wait_counter(player, page, "10/16") == "10/16", "PageDown / PageUp (a clicker) do not step"
    for _ in range(20):
        if _url_t(page) == "9":
            break
        page.wait_for_timeout(100)
    assert _url_t(page) == "9", f"the step is not in the page's URL: {page.url}"
    expect_no_exception(page)


def test_keys_inside_the_player_step_once_each(page):
    goto(page, f"{page.app_url}/{SIXTEEN}")
    player = _player(page)
    player.locator("button[data-act='next']").click()        # the focus is now inside the player
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    assert _wait_counter(player, page, "10/16") == "10/16"
    page.keyboard.press("ArrowLeft")
    assert _wait_counter(player, page, "9/16") == "9/16"
    page.keyboard.press(" ")                                       # space plays ...
    page.wait_for_timeout(1300)
    page.keyboard.press(" ")                                       # ... and pauses
    assert _counter(player) != "9/16", "space did not play"


def _step_right(page, player, times, expect):
    """Focus the page, press → ``times`` times, and wait for the player's counter to read ``expect``."""
    page.get_by_test_id("stMain").locator("h1").first.click()
    for _ in range(times):
        page.keyboard.press("ArrowRight")
    assert _wait_counter(player, page, expect) == expect
    page.wait_for_timeout(300)


def _new_seed(page, seed):
    """Type a new seed (one rerun) and wait for it to finish."""
    box = page.locator(".st-key-fc_seed input").first
    box.fill(str(seed))
    box.press("Enter")
    wait_for_app_run(page)
    expect_no_exception(page)


def test_a_link_with_t_opens_the_player_on_that_step_and_a_widget_change_keeps_it(page):
    goto(page, f"{page.app_url}/{SIXTEEN}&t=5")
    player = _player(page)
    assert _counter(player) == "6/16", "t counts steps from 0: t=5 is the sixth step"
    _step_right(page, player, 2, "8/16")
    # a widget change after the player stepped: the change stays, and so does the player's step
    _new_seed(page, 3)
    for _ in range(30):
        query = parse_qs(urlparse(page.url).query)
        if query.get("seed") == ["3"] and query.get("t") == ["7"]:
            break
        page.wait_for_timeout(200)
    assert query.get("seed") == ["3"] and query.get("t") == ["7"], page.url
    player = _player(page)
    assert _wait_counter(player, page, "8/16") == "8/16"


def test_the_player_follows_the_server_step_without_reloading(page):
    goto(page, f"{page.app_url}/{SIXTEEN}&t=2")
    player = _player(page)
    assert _counter(player) == "3/16"
    player.locator("body").evaluate("b => { window.__same = 1; }")   # gone if the iframe were rebuilt
    page.get_by_text(re.compile("Step on the server")).first.click()
    page.locator(".st-key-fc_next button").first.click()   # a server-side step: one rerun
    wait_for_app_run(page)
    expect_no_exception(page)
    assert _wait_counter(player, page, "4/16") == "4/16", "the player did not follow the page's step"
    assert player.locator("body").evaluate("b => window.__same") == 1, "the rerun rebuilt the player"
    screenshot(page, "player_follows_step")


PRESENT_SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}


@pytest.mark.parametrize("size", list(PRESENT_SIZES))
@pytest.mark.parametrize("url", ["Forward_convolution", "Transposed_convolution"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presentation_mode_puts_a_wide_figure_above_the_fold(browser, app_url, server, url, size, lang):
    width, height = PRESENT_SIZES[size]
    with open_page(browser, app_url, server, viewport={"width": width, "height": height}) as page:
        goto(page, f"{app_url}/{url}?present=1" + ("&lang=zh" if lang == "zh" else ""))
        expect_no_exception(page)
        player = _player(page)
        box = player.locator("img").first.bounding_box()
        screenshot(page, f"present_{url}_{size}_{lang}")
        assert box["y"] < height, f"the figure starts at {box['y']:.0f} px, below the fold"
        if size == "1920x1080":
            assert box["width"] >= 0.7 * width, f"the figure is {box['width']:.0f} px wide of {width}"
        assert box["y"] + box["height"] <= height + 1, "the figure runs past the bottom of the screen"
        bar = player.locator("button[data-act='play']").bounding_box()
        assert bar["y"] < height, "the player's buttons are off the screen"


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["1280x800", "phone"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_animation_pages_in_both_languages(browser, app_url, server, viewport, lang):
    with open_page(browser, app_url, server, viewport={"width": viewport[0], "height": viewport[1]},
                   has_touch=viewport[0] < 500) as page:
        for url in ("Forward_convolution", "Transposed_convolution"):
            goto(page, f"{app_url}/{url}" + ("?lang=zh" if lang == "zh" else ""))
            expect_no_exception(page)
            player = _player(page)
            screenshot(page, f"anim_{url}_{viewport[0]}_{lang}")
            page.locator("iframe").first.scroll_into_view_if_needed()
            box = player.locator("img").first.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport[0] + 1, "the figure overflows the screen"
            screenshot(page, f"anim_{url}_{viewport[0]}_{lang}_player")


def test_full_screen_shows_the_player_alone_and_keys_still_step(browser, app_url, server):
    with open_page(browser, app_url, server, viewport={"width": 1280, "height": 720}) as page:
        goto(page, f"{app_url}/Transposed_convolution?present=1")
        player = _player(page)
        player.locator("button[data-act='full']").click()
        page.wait_for_timeout(500)
        assert page.evaluate("() => document.fullscreenElement && document.fullscreenElement.tagName") == "IFRAME"
        box = player.locator("img").first.bounding_box()
        assert box["width"] >= 0.9 * 1280 and box["y"] + box["height"] <= 720
        page.keyboard.press("ArrowRight")
        assert _wait_counter(player, page, "2/9") == "2/9"
        screenshot(page, "player_full_screen")
        page.keyboard.press("f")
        page.wait_for_timeout(500)
        assert page.evaluate("() => document.fullscreenElement") is None


def test_on_the_default_view_the_server_takes_the_players_step(page):
    goto(page, f"{page.app_url}/Forward_convolution")   # no query of its own: Streamlit sends the address bar's
    player = _player(page)
    _step_right(page, player, 3, "4/9")
    _new_seed(page, 1)
    page.get_by_text(re.compile("Step on the server")).first.click()
    main = page.get_by_test_id("stMain")
    assert main.get_by_text(re.compile(r"Step 4/9: y\[1,0\]")).count() >= 1, "the server did not take the step"
    query = parse_qs(urlparse(page.url).query)
    assert query.get("seed") == ["1"] and query.get("t") == ["3"], page.url


def test_in_presentation_mode_a_sliders_value_sits_clear_of_its_thumb(browser, app_url, server):
    with open_page(browser, app_url, server, viewport={"width": 1920, "height": 1080}) as page:
        goto(page, f"{app_url}/Forward_convolution?present=1&t=4")
        page.get_by_text(re.compile("Step on the server")).first.click()
        slider = page.locator(".st-key-fc_t").first
        slider.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        value, thumb = slider.evaluate("""s => {
            const v = s.querySelector('[data-testid=stSliderThumbValue]'), t = v.parentElement;
            const a = v.getBoundingClientRect(), b = t.getBoundingClientRect();
            return [[a.top, a.bottom], [b.top, b.bottom]]; }""")
        assert value[1] <= thumb[0] + 1, f"the value ({value}) covers the thumb ({thumb})"
        assert slider.locator("[data-testid=stSliderThumbValue]").inner_text() == "5"
