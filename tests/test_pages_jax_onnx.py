"""AppTest: JAX and ONNX on the explorer (fw=jax / fw=onnx and their own controls), design mode,
the decoder and the encoder–decoder chain."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def page(path, **params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def explorer(**params):
    return page("pages/3_Shape_explorer.py", **params)


def _all_text(at):
    return " ".join(e.value for kind in (at.markdown, at.code, at.success, at.error, at.info, at.caption)
                    for e in kind).replace("\\", "")


def test_seed_link_is_unchanged_and_lists_jax_and_onnx_rows():
    at = explorer(**{"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"})
    assert not at.exception and at.radio(key="ex_fw").value == "tf"
    text = _all_text(at)
    assert "JAX (lax.conv_transpose)" in text and "ONNX Runtime (CPU)" in text
    assert "Expected input size 32 but got 25" in text            # onnxruntime's own sentence
    assert "infers 97 × 97; onnxruntime refuses it" in text        # the spec's inference beside it
    assert [t.label for t in at.tabs][-2:] == ["JAX", "ONNX"]
    assert dict(at.query_params) == {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"}


def test_fw_jax_explicit_pads_without_the_flag_are_silently_inconsistent_and_fixable():
    at = explorer(fw="jax", pad="EXPLICIT", pb="0", pa="0")
    assert not at.exception and at.toggle(key="ex_jcp").value is False
    assert at.error and "JAX gives output 71 × 71" in at.error[0].value
    fix = next(b for b in at.button if b.key and b.key.startswith("ex_fix_") and "use_consistent" in b.label)
    fix.click().run()
    assert not at.exception and at.toggle(key="ex_jcp").value is True
    assert at.success and "75 × 75" in at.success[0].value and at.query_params["jcp"] == "1"


def test_fw_jax_flag_toggle_writes_the_link():
    at = explorer(fw="jax")
    at.toggle(key="ex_jcp").set_value(True).run()
    assert not at.exception and at.query_params["jcp"] == "1" and at.success


def test_fw_onnx_output_shape_refusal_and_its_one_click_fix():
    at = explorer(fw="onnx")
    assert not at.exception and at.radio(key="ex_req").value == "size"
    assert at.error and "valid heights are 1 to 77" in at.error[0].value
    at.button(key="ex_fix_0").click().run()
    assert not at.exception and at.success and at.number_input(key="ex_out").value == 77


def test_fw_onnx_output_padding_and_same_lower():
    at = explorer(fw="onnx", req="padding", op="2")
    assert not at.exception and at.success and "75 × 75" in at.success[0].value
    assert "infers 77 × 77; onnxruntime gives 75 × 75" in _all_text(at)
    at.toggle(key="ex_lower").set_value(True).run()
    assert not at.exception and at.query_params["lower"] == "1"
    assert "auto_pad='SAME_LOWER'" in _all_text(at)
    at.selectbox(key="ex_op").set_value(5).run()
    assert not at.exception and at.error and "must be less than max(stride, dilation)" in _all_text(at)


@pytest.mark.parametrize("params", [{"fw": "JAX"}, {"fw": "onnx", "req": "sideways", "lower": "maybe"},
                                    {"fw": "jax", "jcp": "2", "pad": "EXPLICIT", "pb": "99"}])
def test_bad_values_for_the_new_keys_are_notes(params):
    at = explorer(**params)
    assert not at.exception and (at.error or at.success)
    if params["fw"] == "JAX":
        assert at.radio(key="ex_fw").value == "jax"     # choices match ignoring case
    else:
        assert any("Link parameter ignored" in w.value for w in at.warning)


def test_design_mode_lists_jax_and_onnx_and_opens_them():
    at = explorer(mode="design", T="50")
    assert not at.exception
    text = _all_text(at)
    assert "lax.conv_transpose(x, rhs, (2, 2), 'SAME')" in text and "auto_pad='SAME_UPPER'" in text
    for fw in ("jax", "onnx"):
        at = explorer(mode="design", T="50")
        at.button(key=f"ex_design_{fw}_0").click().run()
        assert not at.exception and at.radio(key="ex_fw").value == fw and at.success, fw


def test_decoder_reads_the_jax_and_onnx_examples():
    from lab.examples import seed_examples
    for label, message in seed_examples()[-2:]:
        at = page("pages/4_Error_decoder.py", m=message)
        assert not at.exception and at.success, label
        assert at.success[0].value.startswith(("JAX", "ONNX"))


def test_chain_table_and_diagram_cover_jax_and_onnx():
    at = page("pages/7_Encoder_decoder.py")
    assert not at.exception
    columns = list(at.dataframe[0].value.columns) if at.dataframe else list(at.table[0].value.columns)
    assert "JAX" in columns and "ONNX" in columns
    for fw in ("jax", "onnx"):
        at.selectbox(key="ch_fw").set_value(fw).run()
        assert not at.exception and at.query_params["fw"] == fw
