"""No user text becomes a link: a bare URL or e-mail address in any link parameter (known or
unknown key) or in a pasted message shows as text on every page.

Streamlit's Markdown (GFM) turns ``https://…``, ``www.…`` and ``name@host.tld`` into live links even
without Markdown syntax; ``lab.url_state.escape_markdown`` (``ui.style.md``) breaks each with a
zero-width space. The judge here is GFM's own autolink rule, run on every Markdown source the page
sends (code blocks are never linked, so they are left out).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab.url_state import escape_markdown
from tests.test_hostile_input import SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = "SESSION EXPIRED sign in at https://evil.example/login or www.evil.example or victim@evil.example"
# GFM's autolink literals (extended www, scheme and e-mail autolinks) and the mailto: / xmpp: forms
AUTOLINK = re.compile(r"(?i)\b(https?|ftp)://|\bwww\.|[\w.+-]+@[\w-]+\.\w|\b(mailto|xmpp):")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def markdown_sources(at: AppTest) -> list[str]:
    """Every text the browser renders as Markdown: markdown, captions, alerts, headers, widget labels."""
    out = [e.value for kind in ("markdown", "caption", "warning", "error", "info", "success",
                                "title", "header", "subheader") for e in getattr(at, kind)]
    return [str(text) for text in out]


def test_the_judge_catches_what_gfm_links_and_the_escape_defeats_it():
    for text in ("see https://evil.example", "www.evil.example", "victim@evil.example", "mailto:x"):
        assert AUTOLINK.search(text), text
        assert not AUTOLINK.search(escape_markdown(text)), escape_markdown(text)


@pytest.mark.parametrize("page", list(SCHEMAS), ids=lambda p: Path(p).stem)
def test_a_bare_url_in_every_parameter_and_an_unknown_key_shows_as_text(page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page)
    for key in SCHEMAS[page]:
        at.query_params[key] = PAYLOAD
    at.query_params["https://evil.example/x"] = PAYLOAD
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    texts = markdown_sources(at)
    linked = [t for t in texts if AUTOLINK.search(t)]
    assert not linked, f"{page}: user text that would render as a live link: {linked[:3]}"
    assert any("evil" in t for t in texts), f"{page}: the bad value is not quoted in any note"


@pytest.mark.parametrize("message", [
    "ValueError: Input 0 of layer 'SESSION EXPIRED - sign in again at https://evil.example/login' is "
    "incompatible with the layer: expected axis -1 of input shape to have value 8, but received input "
    "with shape (1, 4, 4, 3)",
    "InvalidArgumentError: Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: "
    "actual = 25, computed = 33 — mail victim@evil.example or see www.evil.example",
    PAYLOAD,
])
def test_a_pasted_message_with_a_url_is_explained_as_text(message):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/4_Error_decoder.py")
    at.run(timeout=60)
    at.text_area(key="dec_msg").set_value(message).run(timeout=60)
    assert not at.exception
    texts = markdown_sources(at)
    assert not [t for t in texts if AUTOLINK.search(t)], texts
    assert any("evil" in t for t in texts) or "Keras" not in message, texts
