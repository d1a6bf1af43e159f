"""AppTest: the home walkthrough — renders, teaches the five points with live numbers, and its
button opens the seed's failure in the shape explorer."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def test_home_renders_the_five_points():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    headers = [h.value for h in at.header]
    assert [h.split(" · ")[0] for h in headers] == ["1", "2", "3", "4", "5"]
    code = "\n".join(c.value for c in at.code)
    assert "actual = 25, computed = 33" in code
    assert "Shapes (3, 33, 33, 20) and (3, 25, 25, 20) are not compatible" in code
    body = "\n".join(m.value for m in at.markdown)
    assert "5, 6" in body  # point 2: both sizes valid


def test_adjoint_identity_holds_on_the_page():
    at = AppTest.from_file(APP, default_timeout=60).run()
    block = [c.value for c in at.code if "⟨conv2d(x), g⟩" in c.value][0]
    lhs, rhs = [line.split("=")[1].strip() for line in block.splitlines()[:2]]
    assert lhs == rhs


def test_static_dynamic_toggle():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.toggle(key="home_dyn").set_value(True).run()
    assert not at.exception
    assert any("Conv2DSlowBackpropInput" in c.value for c in at.code)
    at.sidebar.toggle(key="pref_present").set_value(True).run()
    assert not at.exception


def test_seed_button_opens_the_explorer_on_the_seed():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="home_seed").click().run()
    assert not at.exception
    assert dict(at.query_params) == {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"}
    assert "ceil(97 / 3) = 33" in at.error[0].value
