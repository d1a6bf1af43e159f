"""JAX and ONNX in a real browser: the translator (six versions that agree) and the shape explorer
opened with fw=jax / fw=onnx, at 1280×800 and at a phone's width."""
from __future__ import annotations

import pytest

from .conftest import expect_no_exception, goto, screenshot, wait_for_app_run

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def sized(request, page):
    page.set_viewport_size(VIEWPORTS[request.param])
    page.viewport_name = request.param
    return page


def _body(page):
    return page.locator("body").inner_text()


def test_translator_shows_six_versions_that_agree(sized):
    goto(sized, sized.app_url + "/Translator?in=4&ci=4&co=4&g=2&pad=EXPLICIT&pb=2&pa=0&op=1")
    expect_no_exception(sized)
    body = _body(sized)
    assert "All six versions agree" in body
    for name in ("TensorFlow", "Keras", "PyTorch", "JAX (lax.conv_transpose)", "Flax (nn.ConvTranspose)",
                 "ONNX (ConvTranspose)"):
        assert name in body
    assert "Keras has no explicit padding" in body
    screenshot(sized, f"five_translator_{sized.viewport_name}")


def test_translator_control_changes_the_link(page):
    goto(page, page.app_url + "/Translator")
    page.get_by_test_id("stNumberInput").filter(has_text="Stride").get_by_test_id("stNumberInputStepUp").click()
    wait_for_app_run(page)
    expect_no_exception(page)
    assert "s=3" in page.url and "All six versions agree" in _body(page)


@pytest.mark.parametrize("query, expected", [
    ("fw=jax&in=25&k=3&s=3&pad=EXPLICIT&pb=0&pa=0&out=97", "JAX gives output 71 × 71"),
    ("fw=onnx&in=25&k=3&s=3&pad=SAME&out=97", "valid heights are 1 to 77"),
])
def test_explorer_opens_with_jax_and_onnx(sized, query, expected):
    goto(sized, sized.app_url + "/Shape_explorer?" + query)
    expect_no_exception(sized)
    body = _body(sized)
    assert expected in body and "ONNX Runtime (CPU)" in body
    screenshot(sized, f"five_explorer_{query[3:7].strip('&')}_{sized.viewport_name}")
