"""AppTest: the sub-pixel section on the transposed-conv page and the checkerboard page's ICNR
switch, link and predict prompt — every number read from convt / lab, never written here."""
import dataclasses
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import animation as anim
from lab import checkerboard as C
from lab import subpixel as S

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TRANSPOSE = "pages/2_Transposed_convolution.py"
CHECKER = "pages/6_Checkerboard_artifacts.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def app(page, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    at.session_state["tc_sp_open"] = True  # the sub-pixel section is drawn only while it is open
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at, kind="markdown"):
    return [e.value for e in getattr(at, kind)]


def links(at):
    return {p.proto.label: p.proto.query_string for p in at.get("page_link")}


def metrics(at):
    return {m.label: m.value for m in at.metric}


def page_config(**values):
    """The transposed page's configuration for these link values (its own resolver)."""
    defaults = dataclasses.asdict(anim.TransposeState())
    url = {"in": defaults["in_size"], "k": defaults["kernel"], "s": defaults["stride"], "d": defaults["dilation"],
           "pad": defaults["pad"], "seed": defaults["seed"], "nd": defaults["nd"], "out": None, **values}
    return anim.resolve_transpose(url)[0]


def guess(at, key, value):
    at.number_input(key=f"ask_{key}_guess").set_value(value)
    at.button(key=f"ask_{key}_check").click()
    return rerun(at)


# ---- the sub-pixel section ---------------------------------------------------------------------

def test_section_shows_the_pages_configuration_as_phases_and_their_work():
    at = app(TRANSPOSE, k="3")
    dec = S.from_config(page_config(k=3))
    assert "Sub-pixel view: s² small convolutions, interleaved" in [e.label for e in at.expander]
    work = dec.work()
    m = metrics(at)
    assert m["Multiplications, zeros inserted (direct view)"] == f"{work.direct:,}"
    assert m[f"Multiplications, {len(dec.phases)} phases"] == f"{work.phases:,}"
    assert m["Skipped by the phases"] == f"{work.wasted:.1%}"
    assert any("give exactly the page's output" in s for s in texts(at, "success"))


def test_section_phase_selector_shows_that_phases_taps_and_output():
    at = app(TRANSPOSE, k="3")
    dec = S.from_config(page_config(k=3))
    names = [S.phase_name(p) for p in dec.phases]
    assert at.selectbox(key="tc_sp_phase").options == names
    at.selectbox(key="tc_sp_phase").set_value(names[-1])
    at = rerun(at)
    phase = dec.phases[-1]
    assert S.phase_taps_text(phase) in texts(at)
    codes = texts(at, "code")
    assert any(c.split() == [anim.fmt(v) for v in phase.output(dec.x, dec.w).ravel()] for c in codes)


def test_section_prompt_wrong_then_right_then_the_verdict_and_the_checkerboard_link():
    at = app(TRANSPOSE, k="3")
    q = S.taps_question(S.from_config(page_config(k=3)))
    assert not any("The phases use" in e for e in texts(at, "error"))          # hidden until answered
    at = guess(at, "tc_sp_taps", q.answer + 1)
    assert any(f"you said {q.answer + 1}; the answer is {q.answer}" in e for e in texts(at, "error"))
    at = guess(at, "tc_sp_taps", q.answer)
    assert any(f"Right: {q.answer}." in s for s in texts(at, "success"))
    assert q.why in texts(at)
    assert any("The phases use 1, 2, 4 taps" in e for e in texts(at, "error"))
    assert links(at)["Checkerboard page: kernel 3, stride 2"] == "k=3&s=2"


def test_section_in_1d_with_prompts_off_and_in_chinese():
    at = app(TRANSPOSE, nd="1", k="3", s="3", ask="0")
    dec = S.from_config(page_config(nd=1, k=3, s=3))
    assert at.selectbox(key="tc_sp_phase").options == ["0", "1", "2"]
    assert "ask_tc_sp_taps_guess" not in [w.key for w in at.number_input]      # prompts off: the answer at once
    assert any("Every phase uses the same number of taps (1)" in s for s in texts(at, "success"))
    assert metrics(at)["Skipped by the phases"] == f"{dec.work().wasted:.1%}"
    at = app(TRANSPOSE, k="3", lang="zh")
    assert "亚像素视图：s² 个小卷积，交错拼合" in [e.label for e in at.expander]
    assert "相位分解省掉的比例" in metrics(at)


# ---- the checkerboard page ---------------------------------------------------------------------

def test_checkerboard_icnr_toggle_evens_the_counts_and_the_photo_and_goes_in_the_link():
    at = app(CHECKER)
    at.toggle(key="cb_icnr").set_value(True)
    at = rerun(at)
    levels = C.unevenness(3, 2, icnr=True)
    m = metrics(at)
    assert m["interior counts (2-D)"] == ", ".join(map(str, levels.levels_2d)) == "1"
    demo = C.photo_demo(64, 3, 2, icnr=True)
    assert m["transposed conv: brightest / darkest of the 2×2 pixel phases"] == f"{demo.spread(demo.transposed_phases):.2f}"
    assert float(m["transposed conv: brightest / darkest of the 2×2 pixel phases"]) < 1.05
    assert C.icnr_text(3, 2) in texts(at, "success")
    assert at.query_params["icnr"] in ("1", ["1"])


def test_checkerboard_icnr_from_the_link_and_where_it_cannot_help():
    at = app(CHECKER, icnr="1", k="4", s="2")
    assert at.toggle(key="cb_icnr").value is True
    assert metrics(at)["interior counts (2-D)"] == str((4 // 2) ** 2)
    at = app(CHECKER, icnr="1", k="2", s="3")
    assert C.icnr_text(2, 3) in texts(at, "warning")
    assert metrics(at)["brightest : darkest interior cell"] == "no stamp at all in some cells"


def test_checkerboard_prompt_wrong_and_right_guess():
    at = app(CHECKER, k="5", s="3")
    q = C.stamps_question(5, 3)
    at = guess(at, "cb_most", q.answer + 3)
    assert any(f"you said {q.answer + 3}; the answer is {q.answer}" in e for e in texts(at, "error"))
    at = guess(at, "cb_most", q.answer)
    assert any(f"Right: {q.answer}." in s for s in texts(at, "success"))
    assert q.why in texts(at)


def test_checkerboard_links_to_the_sub_pixel_view_in_the_same_tab_with_its_k_and_s():
    at = app(CHECKER, k="5", s="3")
    assert links(at)["Sub-pixel view: kernel 5, stride 3"] == "k=5&s=3"
    assert any("Its 9 phases and their taps" in c for c in texts(at, "caption"))
    at = app(CHECKER, k="9", s="5")            # beyond what the animation pages draw: capped, and said so
    tk, ts = anim.MAX_KERNEL, anim.MAX_STRIDE
    assert links(at)[f"Sub-pixel view: kernel {tk}, stride {ts}"] == f"k={tk}&s={ts}"
    assert any(f"kernels up to {tk}" in c for c in texts(at, "caption"))


def test_checkerboard_in_chinese():
    at = app(CHECKER, lang="zh")
    assert at.title[0].value == "🏁 棋盘格伪影"
    m = metrics(at)
    assert m["内部次数（二维）"] == "1, 2, 4" and m["最亮 : 最暗的内部格子"] == "4 : 1"
    assert any(C.rule_of_thumb(3, 2, "zh") in e for e in texts(at, "error"))
    assert at.toggle(key="cb_icnr").label == "ICNR 初始化"


def test_a_closed_section_draws_nothing():
    """Closed (the default), the section is its label only: its pictures cost a few hundred ms."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(TRANSPOSE)
    at.run()
    assert not at.exception
    assert "Sub-pixel view: s² small convolutions, interleaved" in [e.label for e in at.expander]
    assert "Skipped by the phases" not in metrics(at)
