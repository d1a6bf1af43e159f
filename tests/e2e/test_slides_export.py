"""Exports for slides in a real browser: on the Transposed convolution page, a GIF at 2× is made and
downloaded, and the file is an animation of every step at twice the frame's size — on a laptop, a
large screen and a phone, in English and in Chinese."""
from __future__ import annotations

import re

import pytest
from PIL import Image

from convt.trace import make_transpose_trace
from lab.draw import animator

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run, wait_for_layout

SIZES = {"1280": (1280, 800), "1920": (1920, 1080), "phone": (390, 844)}
EXPANDER = {"en": "Export for slides", "zh": "导出用于幻灯片"}
MAKE = {"en": re.compile("^Make a GIF"), "zh": re.compile("^生成 GIF")}
DOWNLOAD = {"en": re.compile("Download GIF"), "zh": re.compile("下载 GIF")}


@pytest.fixture(params=[(s, lang) for lang in ("en", "zh") for s in SIZES], ids=lambda p: f"{p[0]}-{p[1]}")
def sized(request, browser, app_url, server):
    name, lang = request.param
    w, h = SIZES[name]
    phone = name == "phone"
    with open_page(browser, app_url, server, viewport={"width": w, "height": h}, is_mobile=phone,
                   has_touch=phone, accept_downloads=True) as pg:
        pg.size_name, pg.lang = name, lang
        yield pg


def test_a_2x_gif_exports_on_the_transposed_convolution_page(sized):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect
    page, lang = sized, sized.lang
    goto(page, f"{page.app_url}/Transposed_convolution?in=3&k=3&s=2&pad=VALID&out=8&lang={lang}")
    expect_no_exception(page)
    page.get_by_text(EXPANDER[lang]).first.click()
    wait_for_layout(page)
    page.locator(".st-key-transpose_gif_scale").get_by_text(re.compile(r"^2×")).click()
    wait_for_app_run(page)
    expect(page.locator(".st-key-transpose_gif_scale input[type='radio']").nth(1)).to_be_checked()
    page.locator(".st-key-transpose_gif_make").get_by_role("button", name=MAKE[lang]).click()
    wait_for_app_run(page, timeout=60_000)
    expect_no_exception(page)
    download_button = page.locator(".st-key-transpose_gif").get_by_role("button", name=DOWNLOAD[lang])
    try:
        download_button.wait_for(timeout=90_000)
    except PlaywrightTimeout:
        export = page.locator(".st-key-transpose_gif_make").locator("..").inner_text()
        raise AssertionError(f"no download button after “Make a GIF”; the export section says:\n{export}")
    download_button.scroll_into_view_if_needed()
    screenshot(page, f"slides_export_{sized.size_name}_{lang}")
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename.endswith("_2x.gif" if lang == "en" else "_2x_zh.gif")
    im = Image.open(download.path())
    w, h = animator(make_transpose_trace(3, 3, 2, "VALID", 1, 8, 0), "scatter", lang=lang).cv.size
    assert im.format == "GIF" and im.size == (2 * w, 2 * h)
    assert im.n_frames == 9
