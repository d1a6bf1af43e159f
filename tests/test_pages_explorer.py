"""AppTest: the shape explorer page — default render, the seed URL, every control, fixes, design
mode, malformed links."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/3_Shape_explorer.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def explorer(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at):
    out = []
    for kind in ("markdown", "code", "error", "success", "warning", "info", "caption"):
        out += [e.value for e in getattr(at, kind)]
    return "\n".join(out)


def test_default_render():
    at = explorer()
    assert not at.exception
    assert "actual = 25, computed = 33" in texts(at)


def test_seed_url():
    at = explorer(**{"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"})
    assert not at.exception
    body = texts(at)
    assert "actual = 25, computed = 33" in body
    assert "73, 74, 75" in body
    assert "Shapes (3, 33, 33, 20) and (3, 25, 25, 20) are not compatible" in body
    assert "Conv2DSlowBackpropInput" in body and "could not create a primitive descriptor" in body
    assert "valid sizes range from [73, 73] to [75, 75]" in body
    assert dict(at.query_params) == {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"}
    assert not at.warning


def test_fix_buttons_set_the_state():
    at = explorer()
    labels = [b.label for b in at.button]
    assert any("75 instead of 97" in label for label in labels)
    key = [b.key for b in at.button if "75 instead of 97" in b.label][0]
    at.button(key=key).click().run()
    assert not at.exception
    assert at.success and "accepts it" in at.success[0].value
    assert at.query_params["out"] == "75"
    key = [b.key for b in at.button if b.label.startswith("use stride")]
    assert not key  # nothing left to fix


def test_stride_fix():
    at = explorer()
    key = [b.key for b in at.button if b.label.startswith("use stride 4")][0]
    at.button(key=key).click().run()
    assert at.query_params["s"] == "4" and at.success


CHANGES = [  # (kind, key, value, url key or None, expected url text)
    ("number_input", "ex_in", 30, "in", "30"),
    ("number_input", "ex_k", 5, "k", "5"),
    ("number_input", "ex_s", 2, "s", "2"),
    ("number_input", "ex_d", 2, "d", "2"),
    ("number_input", "ex_out", 60, "out", "60"),
    ("toggle", "ex_dyn", True, "dyn", "1"),
    ("number_input", "ex_b", 4, "b", "4"),
    ("number_input", "ex_ob", 5, "ob", "5"),
    ("number_input", "ex_c", 6, "c", "6"),
    ("number_input", "ex_oc", 7, "oc", "7"),
    ("number_input", "ex_fi", 8, "fi", "8"),
    ("number_input", "ex_fo", 9, "fo", "9"),
    ("radio", "ex_pad", "EXPLICIT", "pad", "EXPLICIT"),
    ("number_input", "ex_pb", 1, "pb", "1"),
    ("number_input", "ex_pa", 2, "pa", "2"),
    ("toggle", "ex_rect", True, None, None),
    ("number_input", "ex_inw", 11, "inw", "11"),
    ("number_input", "ex_outw", 33, "outw", "33"),
    ("radio", "ex_fw", "keras", "fw", "keras"),
    ("selectbox", "ex_op", 1, "op", "1"),
    ("radio", "ex_fw", "torch", "fw", "torch"),
    ("radio", "ex_req", "padding", "req", "padding"),
    ("selectbox", "ex_op", 2, "op", "2"),
    ("radio", "ex_mode", "design", "mode", "design"),
    ("number_input", "ex_T", 40, "T", "40"),
]


def test_every_control_changes_the_view_and_the_url():
    at = explorer()
    for kind, key, value, url_key, url_value in CHANGES:
        getattr(at, kind)(key=key).set_value(value).run()
        assert not at.exception, key
        if url_key:
            assert at.query_params[url_key] == url_value, key
    at.button(key="ex_double").click().run()
    assert not at.exception and at.number_input(key="ex_T").value == 60  # twice the input height 30
    at.number_input(key="ex_d").set_value(1).run()
    open_keys = [b.key for b in at.button if b.key and b.key.startswith("ex_design_")]
    assert open_keys
    at.button(key=open_keys[0]).click().run()
    assert not at.exception and at.radio(key="ex_mode").value == "explore"
    assert at.success  # a design opens as an accepted configuration
    at.sidebar.toggle(key="pref_present").set_value(True).run()
    assert not at.exception and at.query_params["present"] == "1"


def test_every_framework_and_padding_renders():
    at = explorer()
    for fw in ("tf", "keras", "torch"):
        at.radio(key="ex_fw").set_value(fw).run()
        for pad in ("SAME", "VALID", "EXPLICIT"):
            at.radio(key="ex_pad").set_value(pad).run()
            assert not at.exception, (fw, pad)
            assert at.error or at.success


@pytest.mark.parametrize("params", [
    {"in": "abc", "k": "99", "pad": "FULL", "zzz": "1"},
    {"in": "1e999", "s": "nan", "d": "-1", "out": "９７"},
    {"in": "x" * 5000},
    {"fw": "<script>alert(1)</script>", "op": "[a](javascript:x)"},
    {"inw": "513", "c": "65", "b": "0", "dyn": "maybe"},
])
def test_malformed_links_give_notes_not_exceptions(params):
    at = explorer(**params)
    assert not at.exception
    notes = [w.value for w in at.warning]
    assert notes and all(n.startswith("Link parameter ignored") for n in notes)
    assert "<script>" not in "\n".join(notes)
    assert at.error or at.success


def test_caps_are_stated_and_enforced():
    at = explorer(**{"in": "600"})
    assert "above the maximum 512" in at.warning[0].value
    assert any("input ≤ 512" in c.value for c in at.caption)
    assert at.number_input(key="ex_in").max == 512 and at.number_input(key="ex_k").max == 15
    assert at.number_input(key="ex_s").max == 8 and at.number_input(key="ex_c").max == 64


def test_code_tabs_follow_the_configuration():
    at = explorer(**{"in": "3", "k": "2", "s": "2", "out": "6", "b": "1", "ob": "1"})
    code = "\n".join(c.value for c in at.code)
    assert "output_shape=[1, 6, 6, 10]" in code and "# predicted: (1, 6, 6, 10)" in code
    assert "ConvTranspose2d(20, 10, kernel_size=2" in code


def test_state_survives_a_visit_to_another_page():
    at = explorer()
    at.number_input(key="ex_s").set_value(4).run()
    at.switch_page("pages/4_Error_decoder.py").run()
    assert not at.exception
    at.query_params.clear()  # Streamlit clears the query string on page change
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.number_input(key="ex_s").value == 4 and at.query_params["s"] == "4"
