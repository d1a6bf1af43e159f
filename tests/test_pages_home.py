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


# --- pictures, state in the link, predict first, Chinese ------------------------------------------

from convt.arithmetic import windowed_output  # noqa: E402
from lab import walkthrough as wt  # noqa: E402


def app(**query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def images(at):
    return at.get("image")


def text(at):
    """The Markdown shown, Markdown escapes removed."""
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


PICTURES = 6  # one per idea, two for idea 1 (the pictures and the matrices)


def test_every_idea_has_a_picture():
    at = app()
    assert not at.exception
    assert len(images(at)) == PICTURES


def test_home_state_round_trips_through_the_link():
    at = app(cell="2", dyn="1", skip="99")
    assert not at.exception and not at.warning
    assert at.slider(key="home_cell").value == 2 and at.toggle(key="home_dyn").value is True
    assert at.radio(key="home_skip").value == 99
    assert dict(at.query_params) == {"cell": "2", "dyn": "1", "skip": "99"}
    at.slider(key="home_cell").set_value(0).run()
    at.radio(key="home_skip").set_value(100).run()
    at.toggle(key="home_dyn").set_value(False).run()
    assert dict(at.query_params) == {"cell": "0", "skip": "100"}
    code = "\n".join(c.value for c in at.code)
    assert "output_padding=3" in code and "# (3, 10, 100, 100)" in code  # the recipes follow the skip


def test_a_bad_home_link_is_a_note_and_the_defaults():
    at = app(cell="7", skip="abc")
    assert not at.exception
    assert len(at.warning) == 2 and at.slider(key="home_cell").value == wt.HomeState().cell


def test_recipes_show_the_real_dynamic_and_skip_forms():
    at = app()
    code = "\n".join(c.value for c in at.code)
    for form in ("tf.shape(x)[0]", "output_shape=tf.shape(skip)", "output_padding=", "output_size=skip.shape[-2:]"):
        assert form in code
    assert "tf.stack([3, 97, 97, 10])" not in code


def test_predict_which_cells_wrong_then_right():
    at = app(cell="1")
    answer = sorted(wt.line_demo().taps(1))
    wrong = [i for i in range(wt.LINE_IN) if i not in answer][:1]
    at.multiselect(key="ask_home_taps_guess").set_value(wrong)
    at.button(key="ask_home_taps_check").click().run()
    assert not at.exception and at.error and "Right" not in at.error[0].value
    at.multiselect(key="ask_home_taps_guess").set_value(answer)
    at.button(key="ask_home_taps_check").click().run()
    assert at.success and not at.error
    assert "it reads " + ", ".join(f"x[{i}]" for i in answer) in text(at)


def test_predict_computed_wrong_then_right():
    at = app()
    computed = windowed_output(97, 3, 3, 1, "SAME").size
    at.number_input(key="ask_home_computed_guess").set_value(25)
    at.button(key="ask_home_computed_check").click().run()
    assert at.error and "25" in at.error[0].value
    at.number_input(key="ask_home_computed_guess").set_value(computed)
    at.button(key="ask_home_computed_check").click().run()
    assert at.success and str(computed) in at.success[0].value and not at.error


def test_prompts_off_show_the_answers_at_once():
    at = app(ask="0")
    assert not at.exception
    assert not [b for b in at.button if b.key and b.key.startswith("ask_")]
    assert "it reads" in text(at)


def test_home_in_chinese():
    at = app(lang="zh", dyn="1")
    assert not at.exception
    headers = [h.value for h in at.header]
    assert headers[0] == "1 · 转置卷积是前向卷积的反向" and headers[4] == "5 · 灵活地控制 output_shape"
    assert "内积" in text(at)
    assert any("Conv2DSlowBackpropInput" in c.value for c in at.code)  # framework text stays verbatim
    assert len(images(at)) == PICTURES
