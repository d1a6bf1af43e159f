"""AppTest: the misconceptions page — every trap's wrong and right guess (answers read from lab.traps,
i.e. from convt), its controls in the link, bad links, a refused configuration, and Chinese."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import traps as T
from lab.predict import show

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/9_Misconceptions.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def open_page(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def wrong(q):
    if q.kind == "number":
        return q.answer + 1
    if q.kind == "yesno":
        return not q.answer
    if q.kind == "cells":
        return [q.choices[0]] if q.choices[0] not in q.answer else []
    return next(c for c in q.choices if c != q.answer)


def guess(at, q, value):
    key = f"ask_{q.key}_guess"
    widget = {"number": at.number_input, "yesno": at.radio, "choice": at.radio, "cells": at.multiselect}[q.kind]
    widget(key=key).set_value(sorted(value) if q.kind == "cells" else value)
    at.button(key=f"ask_{q.key}_check").click()
    return at.run()



@pytest.mark.parametrize("trap", T.TRAPS, ids=[t.key for t in T.TRAPS])
def test_each_trap_reacts_to_a_wrong_and_a_right_guess(trap):
    out = trap.compute(T.TrapsState())
    q = out.question
    at = open_page()
    assert not at.exception and not at.error and not at.success
    truth = T.Line(trap.truth).text
    assert truth not in [m.value.strip("*") for m in at.markdown]        # hidden until the guess
    at = guess(at, q, wrong(q))
    assert not at.exception and len(at.error) == 1 and at.error[0].icon == "❌"
    assert at.error[0].value.replace("\\", "").endswith(f"the answer is {show(q.answer, out.label)}.")
    assert truth in [m.value.strip("*") for m in at.markdown]            # then the counter-example shows
    at = guess(at, q, set(q.answer) if q.kind == "cells" else q.answer)
    assert not at.exception and not at.error and len(at.success) == 1 and at.success[0].value.startswith("Right")


def test_the_round_trip_trap_follows_its_controls_into_the_link_and_the_answer():
    at = open_page()
    at.number_input(key="tp_rt_in").set_value(18).run()
    assert dict(at.query_params) == {"rt_in": "18"}
    q = T.round_trip(T.TrapsState(rt_in=18)).question
    assert any("18×18" in m.value for m in at.markdown)
    at = guess(at, q, q.answer)
    assert at.success and at.success[0].value == f"Right: {q.answer}."
    assert any("output_padding=2 gives 18." in m.value.replace("\\", "") for m in at.markdown)


def test_a_link_opens_on_its_numbers_and_bad_values_become_notes():
    at = open_page(pad_p="4", pad_in="1", pad_k="1", rt_s="99", flip_k="abc")
    assert not at.exception
    notes = [w.value for w in at.warning]
    assert any("rt_s=“99”" in n for n in notes) and any("flip_k=“abc”" in n for n in notes)
    assert at.number_input(key="tp_rt_s").value == T.TrapsState().rt_s
    # padding 4 on a 1×1 input with a 1×1 kernel: PyTorch refuses, in its own words
    assert any("refuses" in e.value for e in at.error)
    assert any("Output size is too small" in c.value for c in at.code)


def test_prompts_off_show_every_counter_example_at_once():
    at = open_page(ask="0")
    assert not at.exception and not [b for b in at.button if b.key and b.key.startswith("ask_")]
    shown = [m.value.strip("*") for m in at.markdown]
    for trap in T.TRAPS:
        assert trap.truth in shown
    grids = [c.value for c in at.code]
    assert len(grids) == sum(len(t.compute(T.TrapsState()).arrays) for t in T.TRAPS)
    x = T.inverse(T.TrapsState()).arrays[0][1]
    assert [list(map(int, line.split())) for line in grids[0].splitlines()] == x.astype(int).tolist()


def test_the_page_in_chinese():
    at = open_page(lang="zh")
    assert not at.exception
    assert at.title[0].value == "🪤 常见误区"
    assert at.subheader[0].value == "1. “转置卷积是卷积的逆运算。”"
    prompts = [m.value for m in at.markdown if "先预测" in m.value]
    assert len(prompts) == len(T.TRAPS) and all("Predict" not in p for p in prompts)
    assert "对 17×17 的输入" in prompts[-1]
    assert at.number_input(key="tp_rt_in").label == "输入尺寸"
    q = T.round_trip(T.TrapsState()).question
    at = guess(at, q, q.answer + 1)
    assert at.error[0].value == f"不对：你的答案是 {q.answer + 1}，正确答案是 {q.answer}。"
    assert any("卷积向下取整" in m.value for m in at.markdown)


def test_each_trap_links_to_the_page_that_goes_deeper_in_the_same_tab():
    at = open_page()
    at.number_input(key="tp_pad_p").set_value(2).run()
    links = [e.proto for e in at.get("page_link")]
    assert [link.page for link in links] == ["Transposed_convolution", "Shape_explorer", "Shape_explorer",
                                             "Translator", "Gradient", "Encoder_decoder"]
    assert links[1].query_string == "in=4&k=3&s=2&pad=EXPLICIT&pb=2&pa=2&fw=torch"
    assert "op=1" in links[2].query_string and links[3].query_string == "k=3&s=1"


@pytest.mark.parametrize("which", ["above", "below", "nan", "huge", "html", "repeated", "zero"])
def test_every_parameter_at_its_extremes_is_named_and_breaks_nothing(which):
    """The shared hostile-input checks (tests/test_hostile_input.py) on this page's own schema."""
    import re
    from lab.url_state import schema
    from tests.test_hostile_input import _extreme, _values, check_page, clearly_invalid, page_messages, run_page
    params = schema(T.TrapsState)
    query = {key: _extreme(param, which) for key, param in params.items()}
    at, elapsed = run_page(PAGE, query)
    check_page(at, elapsed, f"{PAGE} with every parameter {which}")
    shown = page_messages(at)
    for key, raw in query.items():
        if clearly_invalid(_values(raw)[-1], params[key]):
            assert re.search(rf"(^|\W){re.escape(key)}\W", shown), f"{key}={raw!r} not named:\n{shown}"


@pytest.mark.parametrize("value", [-10**9, 10**9, 0])
def test_controls_and_guesses_at_hostile_values(value):
    from tests.test_hostile_input import _widgets, check_page, rerun, run_page
    at, elapsed = run_page(PAGE)
    check_page(at, elapsed, "defaults")
    for kind, key in _widgets(at):
        if kind == "number_input":
            at.number_input(key=key).set_value(value)
    check_page(at, rerun(at), f"every number box = {value}")
    assert len(at.get("page_link")) == len(T.TRAPS)
