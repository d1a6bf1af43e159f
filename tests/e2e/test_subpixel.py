"""The sub-pixel view and the checkerboard page's ICNR switch in a real browser, at 1280×800,
1920×1080 in presentation mode and on a phone, in English and Chinese (screenshots looked at by
hand: tests/e2e/screenshots/subpixel_*.png, checker_icnr_*.png)."""
from __future__ import annotations

import pytest

from lab import animation as anim
from lab import checkerboard as C
from lab import subpixel as S
from lab.i18n import translate

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run

SIZES = {"1280": ((1280, 800), ""), "1920-present": ((1920, 1080), "&present=1"), "phone": ((390, 844), "")}
CASES = [("1280", "en"), ("1920-present", "en"), ("phone", "en"), ("1280", "zh"), ("phone", "zh")]


@pytest.fixture(params=CASES, ids=[f"{size}-{lang}" for size, lang in CASES])
def sized(request, browser, app_url, server):
    size, lang = request.param
    (w, h), extra = SIZES[size]
    phone = size == "phone"
    with open_page(browser, app_url, server, viewport={"width": w, "height": h}, is_mobile=phone,
                   has_touch=phone) as pg:
        pg.name, pg.lang = f"{size}_{lang}", lang
        pg.extra = extra + ("&lang=zh" if lang == "zh" else "")
        yield pg


def test_sub_pixel_view_opens_answers_and_links_to_the_checkerboard(sized):
    page, t = sized, (lambda text, **f: translate(text, sized.lang, **f))
    goto(page, f"{page.app_url}/Transposed_convolution?k=5&in=4&out=8{page.extra}")
    expect_no_exception(page)
    main = page.get_by_test_id("stMain")
    summary = main.get_by_text(t("Sub-pixel view: s² small convolutions, interleaved"))
    summary.scroll_into_view_if_needed()
    summary.click()
    wait_for_app_run(page)
    section = main.get_by_test_id("stExpander").filter(has_text=t("Skipped by the phases"))
    from playwright.sync_api import expect
    expect(section.get_by_text("75.0%", exact=True)).to_be_visible(timeout=30_000)
    section.get_by_role("button", name=t("Just show me")).click()
    wait_for_app_run(page)
    q = S.taps_question(S.from_config(anim.AnimConfig(4, 5, 2, 1, "SAME", 0, 8, 2)))
    expect(section.get_by_text(t(q.why)).first).to_be_visible(timeout=30_000)
    expect_no_exception(page)
    _screens(page, section, f"subpixel_{page.name}")
    link = section.get_by_text(t("Checkerboard page: kernel {k}, stride {s}", k=5, s=2))
    link.click()
    wait_for_app_run(page)
    assert "Checkerboard_artifacts" in page.url and "k=5" in page.url
    assert len(page.context.pages) == 1                    # the same tab, the same session


def test_checkerboard_icnr_switch_and_link_to_the_sub_pixel_view(sized):
    page, t = sized, (lambda text, **f: translate(text, sized.lang, **f))
    goto(page, f"{page.app_url}/Checkerboard_artifacts?k=5&s=2{page.extra}")
    expect_no_exception(page)
    main = page.get_by_test_id("stMain")
    from playwright.sync_api import expect
    main.get_by_text(t("ICNR initialisation"), exact=True).click()
    wait_for_app_run(page)
    expect(main.get_by_text(C.icnr_text(5, 2, page.lang))).to_be_visible(timeout=30_000)
    assert "icnr=1" in page.url
    expect_no_exception(page)
    _screens(page, main, f"checker_icnr_{page.name}")
    main.get_by_text(t("Sub-pixel view: kernel {k}, stride {s}", k=5, s=2)).click()
    wait_for_app_run(page)
    assert "Transposed_convolution" in page.url and "k=5" in page.url
    assert len(page.context.pages) == 1


def _screens(page, where, name):
    """Streamlit scrolls inside its own container (a full-page shot is the viewport): one shot per
    picture in ``where``, each scrolled into view, and one of its opening."""
    where.scroll_into_view_if_needed()
    screenshot(page, f"{name}_0")
    for i in range(where.get_by_test_id("stImage").count()):
        where.get_by_test_id("stImage").nth(i).scroll_into_view_if_needed()
        page.wait_for_timeout(150)
        screenshot(page, f"{name}_{i + 1}")
