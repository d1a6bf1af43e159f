"""AppTest: the encoder–decoder page's audio mode — every control, presets, the fix button, the
causal stepping, URL state in and out, malformed links. The numbers printed are lab.audio's."""
import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import audio as A

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "app.py")
CHAIN = "pages/7_Encoder_decoder.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def app(**query):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(CHAIN)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at):
    return {m.label: m.value for m in at.metric}


def qp(at):
    return {k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k]
            for k in at.query_params}


def test_default_chain_link_unchanged_and_mode_switch():
    at = app()
    assert at.radio(key="ch_mode").value == "chain" and "mode" not in qp(at)
    at.radio(key="ch_mode").set_value("audio").run()
    assert not at.exception and qp(at)["mode"] == "audio"
    assert metrics(at)["Decoder output"] == "11,974" and metrics(at)["Off by"] == "-26"


def test_fix_presets_frames_and_clip_length():
    at = app(mode="audio")
    at.button(key="ch_afix").click().run()
    assert metrics(at)["Off by"] == "+0" and qp(at)["up"] == A.stack_text(A.PRESETS["odd_fixed"][1])
    at.button(key="ch_apreset_dac").click().run()
    assert metrics(at)["Hop length (product of strides)"] == "512"
    at.number_input(key="ch_frames").set_value(7).run()
    assert metrics(at)["Decoder output"] == "3,584" and qp(at)["frames"] == "7"
    at.number_input(key="ch_T").set_value(480_001).run()
    assert any("not a multiple of 512" in w.value for w in at.warning) and qp(at)["T"] == "480001"
    at.button(key="ch_apreset_odd").click().run()
    assert metrics(at)["Decoder output"] == "814" and metrics(at)["Off by"] == "-26"  # 7·120 − 26


def test_causal_side_and_step():
    at = app(mode="audio", trim="left", frame="3")
    assert at.radio(key="ch_trim").value == "left" and at.slider(key="ch_frame").value == 3
    text = "\n".join(m.value for m in at.markdown)
    assert "can emit **15**" in text and "can emit **10**" in text
    assert "y = y[..., trim:]" in at.code[-1].value
    at.radio(key="ch_trim").set_value("right").run()
    at.slider(key="ch_frame").set_value(5).run()
    assert qp(at)["frame"] == "5" and "trim" not in qp(at) and "y[..., :-trim]" in at.code[-1].value


def test_layers_text_and_malformed_links():
    at = app(mode="audio", up="k4 s2 p1; nonsense", frames="-3", trim="up")
    notes = " ".join(w.value for w in at.warning)
    assert "nonsense" in notes and "frames" in notes and "trim" in notes
    assert metrics(at)["Hop length (product of strides)"] == "2"
    at.text_area(key="ch_up").set_value("").run()
    assert any("No layers yet" in i.value for i in at.info)
    at = app(mode="audio", up="k2 s1 p5", frames="1")  # the only layer would be empty
    assert metrics(at)["Decoder output"] == "—"
