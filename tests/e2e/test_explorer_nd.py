"""The shape explorer in 1-D and 3-D in a real browser, at 1280×800, 1920×1080 and phone width (screenshots
looked at by hand: tests/e2e/screenshots/explorer_nd*.png)."""
from __future__ import annotations

import re

from .conftest import expect_no_exception, goto, screenshot, wait_for_app_run
from .test_nd_audio import sized  # noqa: F401  (the fixture: 1280×800, 1920×1080 and phone width)

def _open(page, query: str):
    """The explorer at ``query``, rendered without an exception; its main block."""
    goto(page, f"{page.app_url}/Shape_explorer?{query}")
    expect_no_exception(page)
    return page.get_by_test_id("stMain")


def test_explorer_1d_link_and_switch_to_3d(sized):
    page = sized
    main = _open(page, "in=25&k=3&s=3&pad=SAME&out=97&nd=1")
    assert main.get_by_text(re.compile(r"tf\.nn\.conv1d_transpose")).count() >= 1
    assert main.get_by_text(re.compile(r"valid sizes range from \[73\] to \[75\]")).count() >= 1
    screenshot(page, f"explorer_nd1_{page.size_name}")
    main.get_by_role("radiogroup", name="Dimensions").get_by_text("3-D").click()
    wait_for_app_run(page)
    page.wait_for_url(re.compile(r"nd=3"))
    expect_no_exception(page)
    assert main.get_by_text(re.compile(r"Conv3DBackpropInputOp")).count() >= 1


def test_explorer_3d_axes_and_slices(sized):
    page = sized
    main = _open(page, "in=4&k=3&s=2&pad=SAME&out=8&nd=3&ind=5&outd=9")
    assert main.get_by_text(re.compile(r"depth: input 5 → output 9")).count() >= 1
    assert main.get_by_text(re.compile(r"Depth slices")).count() >= 1
    main.get_by_text(re.compile(r"3-D: each axis on its own")).first.scroll_into_view_if_needed()
    screenshot(page, f"explorer_nd3_{page.size_name}")
