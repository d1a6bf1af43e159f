"""AppTest: the gradient page's predict-first prompt (a wrong and a right guess, the answer read from
convt), its text in Chinese, and its figures' titles and notes."""
import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from convt.arithmetic import windowed_output
from lab import gradient as G

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "app.py")
GRADIENT = "pages/5_Gradient.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def app(**query):
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page(GRADIENT)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


@pytest.mark.parametrize("query", [{}, {"in": "25", "out": "97", "s": "3"}])
def test_predict_the_gradients_size_wrong_then_right(query):
    at = app(**query)
    cfg = G.GradientConfig(**{name: int(query[key]) if key in query else getattr(G.DEFAULT, name)
                              for name, key in (("in_size", "in"), ("out_size", "out"), ("stride", "s"))})
    computed = windowed_output(cfg.out_size, cfg.kernel, cfg.stride, 1, cfg.padding).size
    at.number_input(key="ask_gr_computed_guess").set_value(cfg.in_size if computed != cfg.in_size else computed + 1)
    at.button(key="ask_gr_computed_check").click().run()
    assert not at.exception
    assert any(e.value.startswith("Not quite") for e in at.error)
    at.number_input(key="ask_gr_computed_guess").set_value(computed)
    at.button(key="ask_gr_computed_check").click().run()
    assert [s.value for s in at.success if s.value.startswith("Right")] == [f"Right: {computed}."]
    assert not any(e.value.startswith("Not quite") for e in at.error)
    assert f"so {computed} × {computed}." in "\n".join(m.value for m in at.markdown)


def test_sampled_nudging_says_the_others_are_grey_in_both():
    at = app(**{"in": "25", "out": "75", "s": "3"})
    assert not at.exception
    body = "\n".join(m.value for m in at.markdown)
    d = G.gradient_demo(G.SEED_FIXED)
    assert d.conv_nudged_cells < d.conv_x.size
    assert (f"max difference 0 (an evenly spread sample of {d.conv_nudged_cells} of the {d.conv_x.size} cells "
            "was nudged; the others are grey in both pictures)") in body


def test_gradient_page_in_chinese():
    at = app(lang="zh", **{"in": "25", "out": "97", "s": "3"})
    assert not at.exception
    assert at.header[0].value == "(a) 转置卷积对其输入的梯度"
    assert at.error and at.error[0].value.startswith("TF 拒绝这次调用")
    assert "x 是 25 × 25，output_shape 要求 97 × 97" in "\n".join(m.value for m in at.markdown)
    codes = [c.value for c in at.code]
    assert any("actual = 25, computed = 33" in c for c in codes)  # TF's own text, never translated
