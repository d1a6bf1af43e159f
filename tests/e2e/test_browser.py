"""What a person sees in a real browser: every page, its main controls, the seed link, the decoder,
an animation playing, and never a traceback. Screenshots land in tests/e2e/screenshots/."""
from __future__ import annotations

import re

import pytest

from .conftest import (PAGES, expect_no_exception, goto, needs_page, page_exists, screenshot,
                       wait_for_app_run)

SEED_QUERY = "in=25&k=3&s=3&pad=SAME&out=97"
TF_SEED_MESSAGE = ("InvalidArgumentError: Conv2DCustomBackpropInput: Size of out_backprop doesn't "
                   "match computed: actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3 "
                   "output: 25 stride: 3 dilation: 1")
ANIMATION_PAGES = [p for p in PAGES if p[0].startswith(("pages/1_", "pages/2_"))]
ALL_PAGES = [("app.py", "", "Home")] + PAGES


def _expect():
    from playwright.sync_api import expect
    return expect


def _nav_links(page):
    return page.get_by_test_id("stSidebarNav").locator("a")


def test_home_page_renders(page):
    goto(page, page.app_url + "/")
    expect_no_exception(page)
    _expect()(page.locator("h1").first).to_be_visible()
    screenshot(page, "00_home")


def test_sidebar_lists_every_page(page):
    goto(page, page.app_url + "/")
    hrefs = [a.get_attribute("href") or "" for a in _nav_links(page).all()]
    missing = [url for file, url, _ in PAGES if page_exists(file)
               and not any(h.split("?")[0].rstrip("/").endswith("/" + url) for h in hrefs)]
    assert not missing, f"pages not in the sidebar: {missing} (links: {hrefs})"


@pytest.mark.parametrize("file,url,label", [pytest.param(*p, marks=needs_page(p[0]), id=p[1]) for p in PAGES])
def test_sidebar_navigation_reaches_the_page(page, file, url, label):
    goto(page, page.app_url + "/")
    link = _nav_links(page).filter(has=page.locator(f"[href$='/{url}']"))
    if link.count() == 0:
        link = page.locator(f"[data-testid='stSidebarNav'] a[href$='/{url}']")
    link.first.click()
    page.wait_for_url(re.compile(rf"/{url}(\?|$)"))
    wait_for_app_run(page, timeout=60_000)
    expect_no_exception(page)
    _expect()(page.locator("h1").first).to_be_visible()
    screenshot(page, f"nav_{url}")


def _operate_controls(page, limit: int = 6):
    """Press what a visitor would: number-input steps, toggles, radios, a selectbox option."""
    main = page.get_by_test_id("stMain")
    done = 0
    steps = main.get_by_test_id("stNumberInputStepUp")
    for i in range(min(steps.count(), 3)):
        if steps.nth(i).is_visible() and steps.nth(i).is_enabled():
            steps.nth(i).click()
            wait_for_app_run(page)
            expect_no_exception(page)
            done += 1
    radios = main.get_by_test_id("stRadio")
    for i in range(min(radios.count(), 2)):
        options = radios.nth(i).locator("label")
        if options.count() > 1 and options.nth(1).is_visible():
            options.nth(1).click()
            wait_for_app_run(page)
            expect_no_exception(page)
            done += 1
    sliders = main.get_by_test_id("stSlider")
    for i in range(min(sliders.count(), 2)):
        thumb = sliders.nth(i).get_by_role("slider").first
        if thumb.is_visible():
            thumb.focus()
            page.keyboard.press("ArrowRight")
            wait_for_app_run(page)
            expect_no_exception(page)
            done += 1
    toggles = main.get_by_test_id("stCheckbox")
    for i in range(min(toggles.count(), 2)):
        label = toggles.nth(i).locator("label").first
        if label.is_visible() and "Play" not in label.inner_text():
            label.click()
            wait_for_app_run(page)
            expect_no_exception(page)
            done += 1
    if done == 0:   # pages driven by buttons (the decoder's examples, the home page's seed button)
        buttons = main.get_by_test_id("stButton").locator("button")
        if buttons.count() and buttons.first.is_visible():
            buttons.first.click()
            wait_for_app_run(page, timeout=60_000)
            expect_no_exception(page)
            done += 1
    selects = main.get_by_test_id("stSelectbox")
    if selects.count() and selects.first.is_visible():
        selects.first.click()
        options = page.locator("[data-baseweb='popover'] li")
        if options.count() > 1:
            options.nth(1).click()
            wait_for_app_run(page)
            expect_no_exception(page)
            done += 1
        else:
            page.keyboard.press("Escape")
    return done


@pytest.mark.parametrize("file,url,label", [pytest.param(*p, marks=needs_page(p[0]), id=p[1]) for p in ALL_PAGES])
def test_main_controls_work(page, file, url, label):
    goto(page, f"{page.app_url}/{url}")
    expect_no_exception(page)
    done = _operate_controls(page)
    assert done > 0, f"{file}: found no control to operate"
    expect_no_exception(page)
    screenshot(page, f"controls_{url or 'home'}")


@pytest.mark.parametrize("file,url,label", [pytest.param(*p, marks=needs_page(p[0]), id=p[1]) for p in ALL_PAGES])
def test_presentation_mode_on_a_phone(browser, server, file, url, label):
    """Readable on a phone (390 px wide) with presentation mode on (`present=1` in the link):
    nothing scrolls sideways, no exception."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        goto(page, f"{server.url}/{url}?present=1")
        expect_no_exception(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 4, f"{file}: the page scrolls sideways on a phone ({width} px)"
        screenshot(page, f"phone_{url or 'home'}")
        assert "present=1" in page.url, f"{file}: presentation mode left the link"
    finally:
        ctx.close()
    assert not errors, errors


@needs_page("pages/3_Shape_explorer.py")
def test_seed_link_shows_tf_message_and_valid_sizes(page):
    goto(page, f"{page.app_url}/Shape_explorer?{SEED_QUERY}")
    expect_no_exception(page)
    expect = _expect()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("actual = 25, computed = 33").first).to_be_visible()
    expect(main.get_by_text(re.compile(r"73, 74,? (and )?75")).first).to_be_visible()
    assert "Traceback" not in main.inner_text()
    screenshot(page, "seed_shape_explorer")


@needs_page("pages/3_Shape_explorer.py")
def test_seed_link_one_click_fix_makes_it_valid(page):
    goto(page, f"{page.app_url}/Shape_explorer?{SEED_QUERY}")
    main = page.get_by_test_id("stMain")
    fix = main.locator("[class*='st-key-ex_fix_0'] button")
    _expect()(fix).to_be_visible()
    before = page.url
    fix.click()
    wait_for_app_run(page)
    expect_no_exception(page)
    _expect()(main.get_by_test_id("stAlertContentSuccess").first).to_be_visible()
    page.wait_for_timeout(300)
    assert page.url != before, f"the fix did not reach the URL: {page.url}"
    screenshot(page, "seed_after_fix")


@needs_page("pages/4_Error_decoder.py")
def test_decoder_explains_a_pasted_message_and_links_to_the_explorer(page):
    goto(page, f"{page.app_url}/Error_decoder")
    expect = _expect()
    box = page.get_by_test_id("stTextArea").locator("textarea").first
    box.fill(TF_SEED_MESSAGE)
    box.press("Control+Enter")
    wait_for_app_run(page)
    expect_no_exception(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(re.compile(r"TensorFlow")).first).to_be_visible()
    expect(main.get_by_text(re.compile(r"73, 74,? (and )?75")).first).to_be_visible()
    screenshot(page, "decoder_explained")
    link = main.get_by_test_id("stPageLink").locator("a").filter(has_text="shape explorer")
    expect(link.first).to_be_visible()
    link.first.click()
    page.wait_for_url(re.compile(r"/Shape_explorer"))
    wait_for_app_run(page, timeout=60_000)
    expect_no_exception(page)
    expect(page.get_by_test_id("stMain").get_by_text("actual = 25, computed = 33").first).to_be_visible()


@needs_page("pages/4_Error_decoder.py")
def test_decoder_shows_script_text_as_text(page):
    goto(page, f"{page.app_url}/Error_decoder")
    box = page.get_by_test_id("stTextArea").locator("textarea").first
    payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> computed = 33'
    box.fill(payload)
    box.press("Control+Enter")
    wait_for_app_run(page)
    expect_no_exception(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0


def _player_frame(page):
    """The browser-side animation player (lab.draw.export.player_html) inside its iframe."""
    iframes = page.locator("iframe")
    for i in range(iframes.count()):
        frame = iframes.nth(i).content_frame
        if frame.locator("button[title='play / pause']").count():
            return frame
    return None


@pytest.mark.parametrize("file,url,label",
                         [pytest.param(*p, marks=needs_page(p[0]), id=p[1]) for p in ANIMATION_PAGES])
def test_animation_plays_in_the_browser(page, file, url, label):
    goto(page, f"{page.app_url}/{url}")
    expect_no_exception(page)
    page.get_by_test_id("stMain").get_by_text(re.compile(r"Play in the browser")).first.click()
    wait_for_app_run(page)
    expect_no_exception(page)
    player = None
    for _ in range(20):
        player = _player_frame(page)
        if player is not None:
            break
        page.wait_for_timeout(250)
    assert player is not None, f"{file}: no browser-side player (iframe with a play button)"
    player.locator("button[title='play / pause']").scroll_into_view_if_needed()
    counter = player.locator("span[id$='n']").first
    image = player.locator("img").first
    before = (counter.inner_text(), image.get_attribute("src"))
    player.locator("button[title='play / pause']").click()
    changed = False
    for _ in range(40):
        page.wait_for_timeout(100)
        if (counter.inner_text(), image.get_attribute("src")) != before:
            changed = True
            break
    assert changed, f"{file}: the frame did not change after pressing play ({before[0]})"
    screenshot(page, f"animation_{url}")
    player.locator("button[title='play / pause']").click()   # pause again
