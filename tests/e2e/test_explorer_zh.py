"""The shape explorer and the error decoder as a person sees them, in English and in Chinese
(?lang=zh), at 1280×800, 1920×1080 and a phone's 390×844: translated explanations, framework
messages verbatim, the predict-first prompt, and in-app links that stay in the same tab."""
from __future__ import annotations

import pytest

from lab.examples import seed_examples

from .conftest import SCREENSHOTS, expect_no_exception, goto, needs_page, open_page, screenshot, wait_for_app_run

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "wide": {"width": 1920, "height": 1080},
             "phone": {"width": 390, "height": 844}}
SEED = "in=25&k=3&s=3&pad=SAME&out=97"
VERBATIM = "Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 33"
WORDS = {"en": {"explorer": ("Shape explorer", "TensorFlow refuses output 97 × 97", "One-click fixes"),
                "decoder": ("Error decoder", "Answer.", "What to change")},
         "zh": {"explorer": ("形状探索器", "TensorFlow 拒绝输入 25 × 25 得到输出 97 × 97", "一键修复"),
                "decoder": ("报错解读", "答案。", "该改什么")}}


@pytest.fixture(params=list(VIEWPORTS))
def sized(request, browser, app_url, server):
    with open_page(browser, app_url, server, viewport=VIEWPORTS[request.param]) as pg:
        pg.viewport_name = request.param
        yield pg


@needs_page("pages/3_Shape_explorer.py")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explorer_reads_in_its_language(sized, lang):
    page = sized
    goto(page, f"{page.app_url}/Shape_explorer?{SEED}" + ("&lang=zh" if lang == "zh" else ""))
    expect_no_exception(page)
    body = page.locator("body").inner_text()
    for words in WORDS[lang]["explorer"]:
        assert words in body, words
    assert VERBATIM in body                           # the framework's words, never translated
    if lang == "zh":
        assert "前向卷积" in body and "Why" not in body
    screenshot(page, f"explorer_{lang}_{page.viewport_name}")
    page.get_by_text(WORDS[lang]["explorer"][2]).first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"explorer_{lang}_{page.viewport_name}_fixes.png"))


@needs_page("pages/4_Error_decoder.py")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_decoder_reads_in_its_language(sized, lang):
    page = sized
    goto(page, f"{page.app_url}/Error_decoder" + ("?lang=zh" if lang == "zh" else ""))
    page.get_by_test_id("stTextArea").locator("textarea").fill(seed_examples()[0][1])
    page.keyboard.press("Control+Enter")
    wait_for_app_run(page)
    expect_no_exception(page)
    body = page.locator("body").inner_text()
    for words in WORDS[lang]["decoder"]:
        assert words in body, words
    screenshot(page, f"decoder_{lang}_{page.viewport_name}")


@needs_page("pages/4_Error_decoder.py")
def test_prompt_then_link_to_the_decoder_stays_in_the_tab_and_the_language(page):
    goto(page, f"{page.app_url}/Shape_explorer?{SEED}&lang=zh")
    page.get_by_role("button", name="直接告诉我").first.click()
    wait_for_app_run(page)
    assert "答案：" in page.locator("body").inner_text()
    pages_before = len(page.context.pages)
    page.get_by_text("有报错信息？粘贴到报错解读页").click()
    wait_for_app_run(page)
    page.wait_for_url("**/Error_decoder**")
    expect_no_exception(page)
    assert len(page.context.pages) == pages_before                 # same tab
    assert "报错解读" in page.locator("body").inner_text()          # same session: still Chinese
    assert "lang=zh" in page.url
