"""The app in Chinese, as a person sees it: every page opened with ``?lang=zh`` shows Chinese in its
title, its sidebar, its controls and its explanations, keeps the language across a page change and
in the link, and leaves framework messages verbatim. Screenshots of every page in both languages and
both modes go to tests/e2e/screenshots/ (reviewed by hand, not committed)."""
import re

import pytest

from .conftest import PAGES, expect_no_exception, goto, needs_page, open_page, screenshot

CJK = re.compile(r"[\u4e00-\u9fff]")
# English prose: three words in a row (names such as "TensorFlow", "SAME" or code are not prose)
PROSE = re.compile(r"\b[A-Za-z][a-z]+\s+[a-z]{2,}\s+[a-z]{2,}\b")


def chinese_share(texts):
    """Of the texts that hold Chinese or English prose, the share that has Chinese in it."""
    worded = [t for t in texts if CJK.search(t) or PROSE.search(t)]
    return sum(bool(CJK.search(t)) for t in worded) / max(len(worded), 1), worded


EVERY_PAGE = [pytest.param("app.py", "", "Home", id="Home"),
              *[pytest.param(*p, marks=needs_page(p[0]), id=p[1]) for p in PAGES]]


def visible_texts(pg, selector):
    return [t.strip() for t in pg.locator(f"[data-testid='stMain'] {selector}").all_inner_texts() if t.strip()]


@pytest.mark.parametrize("file,url,label", EVERY_PAGE)
def test_every_page_in_chinese(browser, app_url, server, file, url, label):
    with open_page(browser, app_url, server, viewport={"width": 1280, "height": 800}) as pg:
        goto(pg, f"{app_url}/{url}?lang=zh")
        expect_no_exception(pg)
        assert CJK.search(pg.locator("h1").first.inner_text()), f"{file}: the title is not Chinese"
        assert CJK.search(pg.title()) and pg.title().endswith(" · convt"), f"{file}: the tab says {pg.title()!r}"
        nav = pg.get_by_test_id("stSidebarNav").inner_text()
        assert "首页" in nav and "Home" not in nav, f"{file}: sidebar {nav[:80]!r}"
        share, labels = chinese_share(visible_texts(pg, "[data-testid='stWidgetLabel']"))
        assert labels and share >= 0.9, f"{file}: controls in English: {[t for t in labels if not CJK.search(t)]}"
        share, prose = chinese_share(visible_texts(pg, "[data-testid='stMarkdownContainer'] p"))
        assert prose and share >= 0.8, f"{file}: explanations in English: " \
                                       f"{[t[:60] for t in prose if not CJK.search(t)][:8]}"
        assert "lang=zh" in pg.url
        screenshot(pg, f"zh_{url or 'Home'}")


def test_the_language_survives_a_page_change(page):
    goto(page, f"{page.app_url}/?lang=zh")
    page.get_by_test_id("stSidebarNav").get_by_text("梯度").click()
    page.wait_for_url(re.compile(r"/Gradient.*lang=zh"), timeout=30_000)
    goto(page, page.url)
    assert CJK.search(page.locator("h1").first.inner_text())


@pytest.mark.parametrize("file,url,label", EVERY_PAGE)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presentation_screenshots(browser, app_url, server, file, url, label, lang):
    """Presentation mode at a projector's 1920×1080, both languages: renders, no exception, the mode
    stays in the link; the screenshots are for a person to review."""
    with open_page(browser, app_url, server, viewport={"width": 1920, "height": 1080}) as pg:
        goto(pg, f"{app_url}/{url}?present=1&lang={lang}")
        expect_no_exception(pg)
        assert "present=1" in pg.url
        screenshot(pg, f"present_{lang}_{url or 'Home'}")
