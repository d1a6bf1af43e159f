"""The 1-D animation and the audio decoder mode in a real browser, at three widths (screenshots
looked at by hand: tests/e2e/screenshots/nd_*.png)."""
from __future__ import annotations

import re

import pytest

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run
from .test_browser import _player_frame

SIZES = {"1280": (1280, 800), "1920": (1920, 1080), "phone": (390, 844)}


@pytest.fixture(params=list(SIZES))
def sized(request, browser, app_url, server):
    w, h = SIZES[request.param]
    phone = request.param == "phone"
    with open_page(browser, app_url, server, viewport={"width": w, "height": h}, is_mobile=phone,
                   has_touch=phone) as pg:
        pg.size_name = request.param
        yield pg


def test_1d_transpose_plays_in_the_browser(sized):
    page = sized
    goto(page, f"{page.app_url}/Transposed_convolution?nd=1&in=4&k=3&s=2")
    expect_no_exception(page)
    main = page.get_by_test_id("stMain")
    assert main.get_by_text("Input x 4 → output 7").count() >= 1
    screenshot(page, f"nd_1d_stepped_{page.size_name}")
    main.get_by_text(re.compile(r"Play in the browser")).first.click()
    wait_for_app_run(page)
    player = None
    for _ in range(20):
        player = _player_frame(page)
        if player is not None:
            break
        page.wait_for_timeout(250)
    assert player is not None
    image = player.locator("img").first
    before = image.get_attribute("src")
    player.locator("button[title='play / pause']").click()
    for _ in range(40):
        page.wait_for_timeout(100)
        if image.get_attribute("src") != before:
            break
    assert image.get_attribute("src") != before, "the 1-D animation did not advance"
    player.locator("button[title='play / pause']").click()
    expect_no_exception(page)


def test_audio_mode_fix_and_causal_trim(sized):
    page = sized
    goto(page, f"{page.app_url}/Encoder_decoder?mode=audio")
    expect_no_exception(page)
    main = page.get_by_test_id("stMain")
    assert main.get_by_text("11,974").count() >= 1
    screenshot(page, f"nd_audio_{page.size_name}")
    main.get_by_role("button", name="Apply every fix").click()
    wait_for_app_run(page)
    page.wait_for_url(re.compile(r"op1"))
    assert main.get_by_text("12,000").count() >= 1
    main.get_by_role("radiogroup", name="Trim on the").get_by_text("left").click()
    page.wait_for_url(re.compile(r"trim=left"))
    expect_no_exception(page)
    screenshot(page, f"nd_audio_fixed_left_{page.size_name}")
