"""AppTest: the error decoder in Chinese (?lang=zh) and its predict-first prompt ("which of these
output sizes would work?", graded against the sizes convt read from the message)."""
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from convt.explain import explain
from lab import decoder
from lab.examples import seed_examples

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/4_Error_decoder.py"
CJK = re.compile(r"[\u4e00-\u9fff]")
SEED_TF = seed_examples()[0][1]
SEED_TORCH = seed_examples()[6][1]


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def decoder_page(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def markdown(at):
    return "\n".join(m.value for m in at.markdown)


def test_chinese_decoder_explains_the_seed():
    at = decoder_page(lang="zh", m=SEED_TF)
    assert not at.exception
    assert at.title[0].value == "🔎 报错解读"
    assert at.success[0].value.startswith("TensorFlow · 尺寸不匹配")        # the message family, translated
    body = markdown(at)
    assert "**答案。**" in body and "最快的修复" in body and "73, 74, 75" in body
    assert [s.value for s in at.subheader] == ["完整推理", "该改什么"]
    fixes = [line for line in body.split("\n") if line.startswith("- ")]
    assert fixes and all(CJK.search(line) for line in fixes)
    assert "TF 是从梯度的角度来措辞的" in body
    assert at.text_area(key="dec_msg").value == SEED_TF          # the pasted message itself, untouched


def test_chinese_examples_and_fill_in_form():
    at = decoder_page(lang="zh")
    assert not at.exception
    labels = [b.label for b in at.button if b.key and b.key.startswith("dec_ex_")]
    assert labels and all(CJK.search(label) for label in labels)
    assert any("在上面粘贴一条报错" in i.value for i in at.info)
    unknown = decoder_page(lang="zh", m="something else entirely went wrong")
    assert not unknown.exception
    assert "convt 不认识这条报错" in unknown.warning[0].value
    assert {"框架", "输入尺寸", "卷积核", "步长"} <= {w.label for w in [*unknown.selectbox, *unknown.number_input]}


@pytest.mark.parametrize("message", [SEED_TF, SEED_TORCH])
def test_size_prompt_grades_against_the_sizes_read_from_the_message(message):
    d = explain(message)
    q = decoder.size_question(d)
    accepted = next(v for v in d.valid_output_sizes if v)
    assert q.answer == frozenset(n for n in q.choices if n in accepted)
    assert q.answer and set(q.choices) - q.answer                  # something right, something wrong
    at = decoder_page(m=message)
    guess = at.multiselect(key="ask_dec_sizes_guess")
    guess.set_value(sorted(set(q.choices) - q.answer)[:2])
    at.button(key="ask_dec_sizes_check").click().run()
    assert any("the answer is" in e.value for e in at.error)
    at.multiselect(key="ask_dec_sizes_guess").set_value(sorted(q.answer))
    at.button(key="ask_dec_sizes_check").click().run()
    assert any(s.value.startswith("Right") for s in at.success)
    assert "It would accept output sizes: height" in markdown(at)


def test_no_prompt_without_sizes_or_when_prompts_are_off():
    onednn = seed_examples()[4][1]          # the opaque oneDNN message names no size
    assert decoder.size_question(explain(onednn)) is None
    at = decoder_page(m=onednn)
    assert not at.exception and not at.get("multiselect")
    off = decoder_page(m=SEED_TF, ask="0")
    assert not off.get("multiselect") and "It would accept output sizes" in markdown(off)


PROSE = re.compile(r"\b[a-z]{3,} [a-z]{2,}\b")


def _english_prose(at):
    elements = [*at.markdown, *at.error, *at.success, *at.info, *at.caption, *at.warning, *at.subheader]
    return [e.value for e in elements if PROSE.search(re.sub(r"`[^`]*`|:orange-background\[.*\]", "", e.value))
            and not CJK.search(e.value)]


@pytest.mark.parametrize("j", range(len(seed_examples())))
def test_no_english_prose_for_any_example(j):
    at = decoder_page(lang="zh", m=seed_examples()[j][1])
    assert not at.exception
    assert not _english_prose(at), _english_prose(at)[:3]
