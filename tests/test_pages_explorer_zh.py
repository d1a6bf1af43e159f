"""AppTest: the shape explorer in Chinese (?lang=zh), its predict-first prompt, the fixed call in the
copyable code, and the Keras row's refusals. Answers come from convt (lab.explorer), never typed in."""
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import codegen, explorer
from lab.draw.number_line import number_line_svg
from lab.url_state import from_values

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/3_Shape_explorer.py"
CJK = re.compile(r"[\u4e00-\u9fff]")
SEED = {"in": 25, "k": 3, "s": 3, "pad": "SAME", "out": 97}


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def explorer_page(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = str(value)
    return at.run()


def config(**params) -> explorer.Config:
    return from_values(explorer.Config, {**SEED, **params})


def codes(at):
    """Every st.code block's text (AppTest drops a trailing newline: compare stripped)."""
    return [c.value.strip() for c in at.code]


def test_chinese_page_translates_the_explanations_and_keeps_framework_messages_verbatim():
    at = explorer_page(lang="zh", **SEED)
    assert not at.exception
    assert at.title[0].value == "📐 形状探索器"
    a = explorer.analyse(config())
    headline = at.error[0].value
    assert CJK.search(headline) and "TensorFlow" in headline and "ceil(97 / 3) = 33" in headline
    # every framework message is shown exactly as the framework prints it
    for message in [a.primary_message, *(row.message for row in a.rows if row.message)]:
        assert message.strip() in codes(at), message[:80]
    # reasons, fixes and controls are Chinese
    assert at.subheader[0].value == "原因"
    fixes = [b.label for b in at.button if b.key and b.key.startswith("ex_fix_")]
    assert fixes and all(CJK.search(label) for label in fixes)
    assert "步长" in [n.label for n in at.number_input]
    assert "75" in fixes[0] and "97" in fixes[0]


def test_english_page_is_unchanged_by_the_catalogue():
    at = explorer_page(**SEED)
    assert not at.exception
    assert at.title[0].value == "📐 Shape explorer"
    assert not any(CJK.search(m.value) for m in at.markdown)
    assert at.error[0].value.startswith("TensorFlow refuses output 97 × 97")


def _which(at):
    return at.multiselect(key="ask_ex_which_guess")


def test_which_frameworks_prompt_grades_against_convts_rows():
    a = explorer.analyse(config())
    q = explorer.framework_question(a)
    rows = {row.framework: row for row in a.rows}
    assert q.answer == frozenset(k for k in q.choices if rows[explorer.MAIN_ROWS[k]].works)
    assert "tf" not in q.answer and "torch" not in q.answer     # the seed: both refuse 97
    at = explorer_page(**SEED)
    wrong = sorted(set(q.choices) - q.answer)[:1]
    _which(at).set_value(wrong)
    at.button(key="ask_ex_which_check").click().run()
    assert any("the answer is" in e.value for e in at.error)
    assert not any("Right" in s.value for s in at.success)
    _which(at).set_value(sorted(q.answer))
    at.button(key="ask_ex_which_check").click().run()
    assert any(s.value.startswith("Right") for s in at.success)
    assert any("Accepted by:" in m.value for m in at.markdown)


def test_which_frameworks_prompt_in_chinese_and_off():
    at = explorer_page(lang="zh", **SEED)
    assert "同一个请求交给每个框架" in "\n".join(m.value for m in at.markdown)
    at.button(key="ask_ex_which_skip").click().run()
    assert any("答案" in i.value for i in at.info) and any("接受：" in m.value for m in at.markdown)
    off = explorer_page(ask="0", **SEED)
    assert not off.get("multiselect") and any("Accepted by:" in m.value for m in off.markdown)


def test_copyable_code_shows_the_fixed_call_after_the_failing_one():
    cfg = config()
    fixed = codegen.fixed_code(cfg)
    assert fixed is not None and explorer.analyse(fixed.config).ok
    at = explorer_page(**SEED)
    assert fixed.code.strip() in codes(at)
    assert "output_shape=[3, 75, 75, 10]" in fixed.code and "# predicted: (3, 75, 75, 10)" in fixed.code
    assert any("After the one-click fix" in m.value for m in at.markdown)
    # the fix itself: one click, and the copyable code is the working call
    key = [b.key for b in at.button if b.key and b.key.startswith("ex_fix_") and fixed.fix.text in b.label][0]
    at.button(key=key).click().run()
    assert not at.exception and at.success
    assert codegen.code_for(fixed.config)["tf"].strip() in codes(at)
    assert not any("After the one-click fix" in m.value for m in at.markdown)


def test_keras_row_never_shows_a_green_check_on_a_refusal():
    cfg = config(out=50)             # Keras can only be asked for 75 or more here
    row = next(r for r in explorer.analyse(cfg).rows if r.framework == explorer.MAIN_ROWS["keras"])
    assert row.message is None and not row.works and "cannot ask for 50" in row.outcome
    at = explorer_page(**{**SEED, "out": 50})
    lines = [m.value for m in at.markdown]
    assert any(line.startswith("⛔") and "cannot ask for 50" in line for line in lines)
    assert not any(line.startswith("✅") and "cannot ask" in line for line in lines)
    ok = explorer_page(**{**SEED, "out": 75})
    assert any(m.value.startswith("✅") for m in ok.markdown)


def test_number_line_labels_and_design_mode_in_chinese():
    svg = number_line_svg([24, 25, 26], [False, True, False], ["a", "b", "c"], 25, "标题", lang="zh")
    assert "有效" in svg and "你要的" in svg and "valid" not in svg
    assert "valid" in number_line_svg([24, 25, 26], [False, True, False], ["a", "b", "c"], 25)
    design = explorer_page(lang="zh", mode="design", **SEED)
    assert not design.exception
    assert any("目标输出尺寸" == n.label for n in design.number_input)
    assert any(b.label == "打开" for b in design.button)


PROSE = re.compile(r"\b[a-z]{3,} [a-z]{2,}\b")


@pytest.mark.parametrize("params", [
    {**SEED}, {"present": "1", "nd": "3", "fw": "onnx"}, {"nd": "1", "fw": "keras", "pad": "EXPLICIT"},
    {"nd": "3", "fw": "torch", "req": "padding", "op": "5"}, {"fw": "onnx", "req": "padding", "op": "4"},
    {"fw": "tf", "ob": "1", "oc": "4", "fi": "5", "d": "2", "dyn": "1"}, {"fw": "jax", "pad": "EXPLICIT"},
    {"mode": "design", "d": "2"}])
def test_no_english_prose_on_the_chinese_page(params):
    """Every text element of the page reads in Chinese; English stays only in code (`…`, st.code)."""
    at = explorer_page(lang="zh", **params)
    assert not at.exception
    elements = [*at.markdown, *at.error, *at.success, *at.info, *at.caption, *at.warning, *at.subheader]
    english = [e.value for e in elements if not e.value.startswith("<style>")   # the page's own CSS
               and PROSE.search(re.sub(r"`[^`]*`", "", e.value)) and not CJK.search(e.value)]
    assert not english, english[:3]
    assert all(CJK.search(b.label) for b in at.button if b.key and b.key.startswith("ex_fix_"))
