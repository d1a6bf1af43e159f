"""AppTest: the translator page — default, every control, links (good and bad), agreement shown."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/8_Translator.py"
FRAMEWORKS = ["TensorFlow", "Keras", "PyTorch", "JAX (lax.conv_transpose)", "Flax (nn.ConvTranspose)",
              "ONNX (ConvTranspose)"]


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def translator(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _agree(at):
    return at.success and at.success[0].value.startswith("All six versions agree")


def test_default_shows_six_versions_that_agree():
    at = translator()
    assert not at.exception and _agree(at)
    assert [h.value for h in at.subheader] == FRAMEWORKS
    assert len(at.code) == 6 and "tf.nn.conv2d_transpose" in at.code[0].value
    assert "W.transpose(2, 3, 0, 1)[::-1, ::-1]" in at.code[3].value
    assert any("no padding='same'" in w.value for w in at.warning)   # PyTorch's flag


@pytest.mark.parametrize("key, value", [("tr_in", 7), ("tr_ci", 4), ("tr_co", 6), ("tr_k", 4), ("tr_s", 3),
                                        ("tr_d", 2), ("tr_g", 2)])
def test_every_number_control_keeps_the_versions_in_agreement(key, value):
    at = translator()
    at.number_input(key=key).set_value(value).run()
    assert not at.exception and _agree(at)
    url = {"tr_in": "in", "tr_ci": "ci", "tr_co": "co", "tr_k": "k", "tr_s": "s", "tr_d": "d", "tr_g": "g"}[key]
    assert at.query_params[url] == str(value)


def test_explicit_crops_and_output_padding():
    at = translator()
    at.radio(key="tr_pad").set_value("EXPLICIT").run()
    at.number_input(key="tr_pb").set_value(2).run()
    at.number_input(key="tr_pa").set_value(0).run()
    at.number_input(key="tr_op").set_value(1).run()
    assert not at.exception and _agree(at)
    assert dict(at.query_params) == {"pad": "EXPLICIT", "pb": "2", "pa": "0", "op": "1"}
    assert any("Keras has no explicit padding" in w.value for w in at.warning)
    assert "pads=[2, 2, 0, 0]" in at.code[5].value


def test_groups_are_flagged_where_a_framework_has_none():
    at = translator(ci="4", co="4", g="2")
    assert not at.exception and _agree(at)
    flags = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Conv2DTranspose has no groups" in flags and "lax.conv_transpose has no groups" in flags
    assert "groups=2" in at.code[2].value and "group=2" in at.code[5].value


def test_bad_links_give_notes_not_tracebacks():
    at = translator(k="99", pad="sideways", g="3", s="abc")
    assert not at.exception and _agree(at)
    text = " ".join(w.value for w in at.warning) + " ".join(i.value for i in at.info)
    assert "k=“99”" in text and "pad=“sideways”" in text and "groups=3 must divide" in text
