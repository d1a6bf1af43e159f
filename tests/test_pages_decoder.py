"""AppTest: the error decoder — examples, a dozen real messages from the golden fixtures, garbage."""
import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab.examples import seed_examples

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/4_Error_decoder.py"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def decoder(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _real_messages():
    """Twelve different real failure texts, as the frameworks printed them (full, with prefixes)."""
    picked, seen = [], set()
    tf = json.loads((GOLDEN / "tf_cases.json").read_text())["cases"]
    for family in ("near_miss_h", "near_miss_w", "far_miss", "batch_mismatch", "in_channel_mismatch",
                   "out_channel_mismatch", "out_channel_multiple", "negative_size", "computed_zero",
                   "dilation_ok"):
        case = next(c for c in tf if c["fn"] == "conv2d_transpose" and c["family"] == family and not c["ok"])
        picked.append(case["error"]["type"] + ": " + case["error"]["message"])
    onednn = next(c for c in tf if c.get("onednn") and not c["onednn"]["ok"]
                  and "primitive descriptor" in c["onednn"]["error"]["message"])
    picked.append(onednn["onednn"]["error"]["type"] + ": " + onednn["onednn"]["error"]["message"])
    keras = json.loads((GOLDEN / "keras_cases.json").read_text())["cases"]
    picked.append(next(c["error"]["message"] for c in keras if not c["constructed"]))
    picked.append(next(c["run_error"]["message"] for c in keras if c.get("run_error")))
    torch = json.loads((GOLDEN / "torch_cases.json").read_text())["cases"]
    for needle in ("requested an output size", "output padding must be smaller", "channels instead"):
        case = next(c for c in torch if not c["ok"] and needle in c["error"]["message"])
        picked.append(case["error"]["type"] + ": " + case["error"]["message"])
    return [m for m in picked if not (m in seen or seen.add(m))]


def test_default_render():
    at = decoder()
    assert not at.exception
    assert at.info and "Paste a message" in at.info[0].value


def test_examples_are_one_click_away():
    at = decoder()
    for j, (label, message) in enumerate(seed_examples()):
        at.button(key=f"dec_ex_{j}").click().run()
        assert not at.exception, label
        assert at.text_area(key="dec_msg").value == message
        assert at.success, label
        assert at.query_params["m"] == message


def test_seed_message_shows_numbers_sizes_and_fixes():
    at = decoder()
    at.button(key="dec_ex_0").click().run()
    body = "\n".join(m.value for m in at.markdown)
    assert "actual = 25, computed = 33" in body
    assert "73, 74, 75" in body
    assert "ask for output size 75 instead of 97" in body


@pytest.mark.skipif(not (GOLDEN / "tf_cases.json").exists(), reason="no fixtures")
def test_a_dozen_real_messages_are_decoded():
    messages = _real_messages()
    assert len(messages) >= 12
    at = decoder()
    for message in messages:
        at.text_area(key="dec_msg").input(message[:4000]).run()
        assert not at.exception, message
        assert at.success, message  # recognised: framework · kind
        assert not any("does not recognise" in w.value for w in at.warning), message


def test_message_from_the_link():
    message = seed_examples()[5][1]
    at = decoder(m=message)
    assert not at.exception and at.text_area(key="dec_msg").value == message
    assert "PyTorch" in at.success[0].value


@pytest.mark.parametrize("text", ["hello", "", "💥" * 300, "actual = 25, computed =", "<b>x</b> **y** [z](w)"])
def test_garbage_is_handled_on_the_page(text):
    at = decoder()
    at.text_area(key="dec_msg").input(text).run()
    assert not at.exception


def test_malformed_link():
    at = decoder(m="x" * 5000, big="perhaps", other="1")
    assert not at.exception
    assert len(at.warning) >= 2 and all(w.value.startswith("Link parameter ignored") for w in at.warning)
