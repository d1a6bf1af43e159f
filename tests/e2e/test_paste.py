"""A 60 KB traceback pasted with the clipboard (Ctrl+V) into the error decoder in Chromium is
decoded, at 1280×800 and at a phone's width; the skip-connection solver it links to."""
from __future__ import annotations

import pytest

from convt.frameworks import tensorflow

from .conftest import expect_no_exception, goto, open_page, screenshot, wait_for_app_run

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LAST = "tensorflow.python.framework.errors_impl.InvalidArgumentError: " + tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1)
FRAME = '  File "/usr/lib/python3/site-packages/keras/src/utils/traceback_utils.py", line 122, in error_handler\n'
TRACEBACK = "Traceback (most recent call last):\n" + FRAME * 600 + LAST + "\n"


@pytest.fixture(params=list(VIEWPORTS))
def clip_page(request, browser, app_url, server):
    with open_page(browser, app_url, server, viewport=VIEWPORTS[request.param],
                   permissions=["clipboard-read", "clipboard-write"]) as pg:
        pg.viewport_name = request.param
        yield pg


def test_a_60_kb_traceback_pasted_with_the_clipboard_is_decoded(clip_page):
    page = clip_page
    assert len(TRACEBACK) > 60_000
    goto(page, page.app_url + "/Error_decoder")
    page.evaluate("text => navigator.clipboard.writeText(text)", TRACEBACK)
    box = page.get_by_test_id("stTextArea").locator("textarea")
    box.click()
    page.keyboard.press("Control+V")
    page.keyboard.press("Control+Enter")
    wait_for_app_run(page)
    expect_no_exception(page)
    body = page.locator("body").inner_text()
    assert "Keras · tf size mismatch" in body
    assert "Read line 602 of your paste" in body and "Answer." in body
    assert "only the line that was read" in body
    assert "computed+%3D+33" in page.url or "computed%20%3D%2033" in page.url
    page.get_by_text("Answer.").scroll_into_view_if_needed()
    screenshot(page, f"paste_traceback_{page.viewport_name}")


def test_concat_link_opens_the_solver(clip_page):
    page = clip_page
    goto(page, page.app_url + "/Encoder_decoder?in=61&layers=conv+k3+s1+SAME%3B+conv+k2+s2+VALID%3B+convT+k2+s2+"
                              "SAME+skip+1&fw=torch")
    expect_no_exception(page)
    body = page.locator("body").inner_text()
    assert "U-Net size solver" in body and "output_padding=1 makes the upsampling give 61" in body
    page.get_by_text("U-Net size solver").scroll_into_view_if_needed()
    screenshot(page, f"paste_solver_{page.viewport_name}")
