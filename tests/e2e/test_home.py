"""What a person sees of Home and the Gradient page: a picture per idea at three screen sizes in
English and Chinese, Home's controls in the address bar, the gradient's figures; and the sidebar
naming the first page "Home" (首页) when a freshly started server's very first request is a deep link.
Screenshots land in tests/e2e/screenshots/."""
from __future__ import annotations

import re

import pytest

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run
from .harness import Server

SIZES = {"laptop": (1280, 800), "wide": (1920, 1080), "phone": (390, 844)}


def _expect():
    from playwright.sync_api import expect
    return expect


def _nav_labels(page):
    return [t.strip() for t in page.get_by_test_id("stSidebarNav").locator("a").all_inner_texts()]


@pytest.mark.parametrize("lang,home", [("en", "Home"), ("zh", "首页")])
def test_fresh_server_deep_link_first_names_home(browser, tmp_path, lang, home):
    srv = Server(tmp_path / "server.log", env_extra={"NUMBA_CACHE_DIR": str(tmp_path / "numba")})
    try:
        srv.wait_healthy()
        with open_page(browser, srv.url, srv, viewport={"width": 1280, "height": 800}) as page:
            goto(page, f"{srv.url}/Gradient" + ("?lang=zh" if lang == "zh" else ""))
            # Streamlit's folder list may show for the moment the page takes to rerun through app.py
            _expect()(page.get_by_test_id("stSidebarNav").locator("a").first).to_have_text(home, timeout=30_000)
            wait_for_app_run(page)
            labels = _nav_labels(page)
            assert labels[0] == home and "app" not in labels, labels
            assert re.search(r"/Gradient(\?|$)", page.url)
            _expect()(page.locator("h1").first).to_contain_text("梯度" if lang == "zh" else "gradient")
            expect_no_exception(page)
            screenshot(page, f"home_fresh_deep_link_{lang}")
    finally:
        srv.stop()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", list(SIZES))
def test_home_shows_a_picture_per_idea(browser, app_url, server, size, lang):
    w, h = SIZES[size]
    with open_page(browser, app_url, server, viewport={"width": w, "height": h}) as page:
        goto(page, app_url + "/" + ("?lang=zh" if lang == "zh" else ""))
        expect_no_exception(page)
        images = page.get_by_test_id("stMain").get_by_test_id("stImage")
        _expect()(images).to_have_count(6)  # one per idea, two for idea 1
        for i in range(6):
            images.nth(i).scroll_into_view_if_needed()
            box = images.nth(i).locator("img").bounding_box()
            assert box and box["width"] > min(300, w * 0.3), box
            screenshot(page, f"home_{size}_{lang}_picture{i + 1}")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", list(SIZES))
def test_gradient_figures(browser, app_url, server, size, lang):
    w, h = SIZES[size]
    query = "in=25&out=75&s=3" + ("&lang=zh" if lang == "zh" else "")
    with open_page(browser, app_url, server, viewport={"width": w, "height": h}) as page:
        goto(page, f"{app_url}/Gradient?{query}")
        expect_no_exception(page)
        images = page.get_by_test_id("stMain").get_by_test_id("stImage")
        _expect()(images).to_have_count(2)
        for i in range(2):
            images.nth(i).scroll_into_view_if_needed()
            screenshot(page, f"gradient_{size}_{lang}_{'ab'[i]}")


def test_home_controls_live_in_the_address_bar(page):
    goto(page, page.app_url + "/?cell=2&skip=99&dyn=1")
    expect_no_exception(page)
    assert re.search(r"cell=2", page.url) and "skip=99" in page.url and "dyn=1" in page.url
    page.get_by_test_id("stMain").get_by_test_id("stRadio").get_by_text("100", exact=True).click()
    wait_for_app_run(page)
    page.wait_for_url(re.compile(r"skip=100"))
    code = page.get_by_test_id("stMain").get_by_test_id("stCode").all_inner_texts()
    assert any("output_padding=3" in c for c in code)
    # a reload of the link shows the same view
    url = page.url
    goto(page, url)
    assert "skip=100" in page.url and "cell=2" in page.url
    code = page.get_by_test_id("stMain").get_by_test_id("stCode").all_inner_texts()
    assert any("output_padding=3" in c for c in code)
