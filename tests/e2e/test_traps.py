"""In Chromium, at 1280×800, 1920×1080 and a phone, in English and Chinese: the misconceptions page
(a guess typed and checked, both reactions), the encoder–decoder page's table header and diagram
(issue 16.6) and its prompt, the translator's prompt. Screenshots: tests/e2e/screenshots/traps_*.png."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from lab import chain as C
from lab import translator as TR
from lab import traps as T

from .conftest import expect_no_exception, goto, screenshot, wait_for_app_run
from .test_nd_audio import sized  # noqa: F401 - the three-viewport fixture

LANGS = {"en": "", "zh": "lang=zh"}
CHECK = {"en": "Check my guess", "zh": "核对我的猜测"}


def _url(page, path, lang, *params):
    query = "&".join(p for p in (LANGS[lang], *params) if p)
    return f"{page.app_url}/{path}" + (f"?{query}" if query else "")


def _shot(page, locator, name):
    locator.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(page, f"traps_{name}_{page.size_name}")


def _guess(page, trap, value, lang):
    box = page.locator(f".st-key-ask_{trap}")
    box.scroll_into_view_if_needed()
    field = box.get_by_test_id("stNumberInput").locator("input")
    field.fill(str(value))
    field.press("Enter")
    wait_for_app_run(page)
    box.get_by_role("button", name=CHECK[lang]).click()
    wait_for_app_run(page)
    return box


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_trap_in_the_browser_wrong_then_right(sized, lang):  # noqa: F811
    from playwright.sync_api import expect     # (imported here: without playwright the fixtures skip)
    page = sized
    goto(page, _url(page, "Misconceptions", lang))
    expect_no_exception(page)
    expect(page.get_by_test_id("stMain").locator("[class*='st-key-trap_']")).to_have_count(len(T.TRAPS))
    screenshot(page, f"traps_top_{lang}_{page.size_name}")
    answer = T.round_trip(T.TrapsState()).question.answer
    box = _guess(page, "trap_round_trip", answer + 1, lang)
    error = box.get_by_test_id("stAlertContentError")
    expect(error).to_have_count(1)
    assert str(answer) in error.inner_text()
    _shot(page, error, f"wrong_{lang}")
    box = _guess(page, "trap_round_trip", answer, lang)
    expect(box.get_by_test_id("stAlertContentSuccess")).to_have_count(1)
    expect(box.get_by_test_id("stAlertContentError")).to_have_count(0)
    _shot(page, page.locator(".st-key-trap_round_trip"), f"right_{lang}")
    _shot(page, page.locator(".st-key-trap_flip"), f"flip_{lang}")
    expect_no_exception(page)


@pytest.mark.parametrize("lang", list(LANGS))
def test_encoder_decoder_table_header_and_diagram(sized, lang):  # noqa: F811
    page = sized
    goto(page, _url(page, "Encoder_decoder", lang))
    expect_no_exception(page)
    table = page.get_by_test_id("stTable")
    header = table.locator("thead tr").first.bounding_box()
    row = table.locator("tbody tr").first.bounding_box()
    if page.size_name != "phone":       # (on a phone seven columns wrap their names, as they should)
        assert header["height"] < 1.6 * row["height"], (header, row)   # issue 16.6: no tall header (was 3×)
    picture = page.get_by_test_id("stImage").locator("img").first
    picture.scroll_into_view_if_needed()
    shape = page.evaluate("img => [img.naturalWidth, img.naturalHeight]", picture.element_handle())
    assert shape[1] < 0.55 * shape[0], shape                            # issue 16.6: no empty band
    _shot(page, page.locator(".st-key-ask_ch_break_tf"), f"chain_prompt_{lang}")
    _shot(page, table, f"chain_table_{lang}")
    _shot(page, picture, f"chain_diagram_{lang}")


def test_encoder_decoder_with_skips_keeps_room_for_the_arcs(sized):  # noqa: F811
    page = sized
    goto(page, _url(page, "Encoder_decoder", "en", f"in=101&layers={quote(C.PRESETS['unet'].text('; '))}"))
    expect_no_exception(page)
    picture = page.get_by_test_id("stImage").locator("img").first
    _shot(page, picture, "chain_unet")


@pytest.mark.parametrize("lang", list(LANGS))
def test_translator_prompt(sized, lang):  # noqa: F811
    page = sized
    goto(page, _url(page, "Translator", lang))
    expect_no_exception(page)
    box = _guess(page, "tr_out", TR.size_question(TR.translate(TR.Layer())).answer, lang)
    from playwright.sync_api import expect
    expect(box.get_by_test_id("stAlertContentSuccess")).to_have_count(1)
    _shot(page, box, f"translator_{lang}")
