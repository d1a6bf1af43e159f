"""AppTest: pasting whole tracebacks, messages without every number, skip-connection errors and
unrecognised text into the decoder; the encoder–decoder page's U-Net solver opened from it."""
import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from convt.frameworks import tensorflow, torch

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
CONCAT = json.loads((ROOT / "tests" / "golden" / "concat_cases.json").read_text())


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def _page(path, **params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _paste(text):
    at = _page("pages/4_Error_decoder.py")
    at.text_area(key="dec_msg").input(text).run()
    assert not at.exception
    return at


def _body(at):
    return "\n".join(m.value for m in at.markdown)


def _links(at):
    return {p.proto.label: p.proto.query_string for p in at.get("page_link")}


def test_a_60_kb_traceback_is_decoded_and_its_line_shown():
    last = "tensorflow.python.framework.errors_impl.InvalidArgumentError: " + tensorflow.size_mismatch(
        25, 33, 1, 97, 3, 3, 1)
    frame = '  File "/usr/lib/python3/site-packages/keras/src/utils/traceback_utils.py", line 122, in error_handler\n'
    text = "Traceback (most recent call last):\n" + frame * 600 + last + "\n"
    assert len(text) > 60_000
    at = _paste(text)
    assert at.success and "Keras" in at.success[0].value
    body = _body(at)
    assert "**Answer.**" in body and "97" in body
    assert "line 602" in body and ":orange-background[" in body
    assert at.query_params["m"] == last
    assert any("only the line that was read" in c.value for c in at.caption)


def test_unrecognised_text_gets_one_sentence_the_form_and_the_families():
    at = _paste("Segmentation fault (core dumped)")
    assert len(at.warning) == 1 and at.warning[0].value.count("does not recognise") == 1
    at.number_input(key="dec_f_in").set_value(40).run()
    at.number_input(key="dec_f_s").set_value(4).run()
    at.selectbox(key="dec_f_fw").set_value("torch").run()
    at.selectbox(key="dec_f_pad").set_value("VALID").run()
    at.number_input(key="dec_f_k").set_value(5).run()
    at.number_input(key="dec_f_out").set_value(99).run()
    query = _links(at)["Open these numbers in the shape explorer"]
    assert query == "in=40&k=5&s=4&pad=VALID&out=99&fw=torch"
    assert "skip connection (concat)" in "\n".join(m.value for m in at.expander[0].markdown)


def test_tf1_message_opens_the_explorer_on_its_own_numbers_and_says_what_was_chosen():
    at = _paste("InvalidArgumentError: Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: "
                "actual = 10, computed = 7")
    query = _links(at)["Open this configuration in the shape explorer"]
    assert "in=10" in query and "out=14" in query and "s=2" in query
    assert any("Chosen by convt" in c.value and "set your own" in c.value for c in at.caption)


def test_torch_range_with_an_impossible_dimension_reports_each_dimension():
    at = _paste("ValueError: requested an output size of [3, 0], but valid sizes range from [3, -1] to [3, -1] "
                "(for an input of torch.Size([3, 1]))")
    body = _body(at)
    assert "impossible" in body and "accepts 3" in body


@pytest.mark.parametrize("case", [c for c in CONCAT if c.get("skip") == 61], ids=lambda c: c["framework"])
def test_real_concat_messages_lead_to_the_solver_with_the_fix(case):
    at = _paste(case["message"])
    assert "concat" in at.success[0].value
    assert "61" in _body(at) and "60" in _body(at)
    query = _links(at)["Open this skip connection on the encoder–decoder page (U-Net size solver)"]
    params = dict(part.split("=", 1) for part in query.split("&"))
    params["layers"] = params["layers"].replace("+", " ").replace("%3B", ";")
    chain_page = _page("pages/7_Encoder_decoder.py", **params)
    assert not chain_page.exception
    assert any(h.value == "U-Net size solver" for h in chain_page.header)
    body = _body(chain_page).replace("\\", "")
    assert "layer 3: output_padding=1 makes the upsampling give 61" in body
    assert "multiples of 2" in body and "pad the input from 61 to 62" in body
    assert any("output_padding=1" in c.value for c in chain_page.code)
