"""AppTest: the predict-first prompts on the encoder–decoder page (chain and audio modes) and the
translator, each answered from the page's own model (lab.chain / lab.audio / lab.translator, i.e.
convt), a wrong and a right guess; and those pages in Chinese."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import audio as A
from lab import chain as C
from lab import translator as T

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
CHAIN, TRANSLATOR = "pages/7_Encoder_decoder.py", "pages/8_Translator.py"


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def open_page(page, **params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def check(at, key, widget, value):
    getattr(at, widget)(key=f"ask_{key}_guess").set_value(value)
    at.button(key=f"ask_{key}_check").click()
    return at.run()


def verdicts(at):
    """The prompt's own reaction (the page's verdict boxes carry framework names in bold)."""
    return [e.value for e in at.error if e.icon == "❌"], [s.value for s in at.success if s.icon == "✅"]


@pytest.mark.parametrize("fw", ["torch", "jax"])
def test_chain_prompt_which_layer_breaks_first(fw):
    chain, _ = C.ChainState().resolve()
    q = C.break_question(chain, C.walk(chain, fw))
    assert q.answer == (0 if fw == "jax" else 2)          # the seed: JAX's padding reaches 97, PyTorch's cannot
    at = open_page(CHAIN, fw=fw)
    assert not at.exception and at.header[0].value == "Verdicts"   # the page's own content is not hidden
    wrong = next(c for c in q.choices if c != q.answer)
    at = check(at, q.key, "radio", wrong)
    errors, successes = verdicts(at)
    assert len(errors) == 1 and not successes
    assert errors[0].endswith(f"the answer is {C.break_label(q.answer)}.")
    assert any(m.value == q.why for m in at.markdown)
    at = check(at, q.key, "radio", q.answer)
    errors, successes = verdicts(at)
    assert not errors and successes == [f"Right: {C.break_label(q.answer)}."]


def test_chain_prompt_asks_again_for_a_new_chain():
    chain, _ = C.ChainState().resolve()
    q = C.break_question(chain, C.walk(chain, "tf"))
    at = check(open_page(CHAIN), q.key, "radio", q.answer)
    assert verdicts(at)[1]
    at.button(key="ch_preset_seed_fixed").click().run()
    assert not any(s.icon == "✅" for s in at.success)          # the answer changed: no verdict yet
    assert at.button(key=f"ask_{q.key}_check")


def test_audio_prompt_the_decoder_length():
    layers, _ = A.parse_stack(A.DEFAULT_STACK)
    frames = C.ChainState().frames
    q = A.length_question(frames, layers)
    assert q.answer == A.lengths(frames, layers)[-1]
    at = open_page(CHAIN, mode="audio")
    assert not at.exception and at.header[0].value == "Length at every layer"
    at = check(at, q.key, "number_input", q.answer + 1)
    errors, successes = verdicts(at)
    assert errors == [f"Not quite: you said {q.answer + 1}; the answer is {q.answer}."] and not successes
    at = check(at, q.key, "number_input", q.answer)
    assert verdicts(at) == ([], [f"Right: {q.answer}."])


def test_translator_prompt_the_output_size():
    at = open_page(TRANSLATOR, k="4", s="3")
    layer = T.Layer(kernel=4, stride=3)
    q = T.size_question(T.translate(layer))
    assert q.answer == T.translate(layer).reference_shape[-1] == 15
    assert at.success and at.success[0].value.startswith("All six versions agree")   # the page is all there
    at = check(at, q.key, "number_input", q.answer - 1)
    errors, successes = verdicts(at)
    assert errors == [f"Not quite: you said {q.answer - 1}; the answer is {q.answer}."]
    at = check(at, q.key, "number_input", q.answer)
    assert verdicts(at)[1] == [f"Right: {q.answer}."] and not verdicts(at)[0]


def test_prompts_off_leave_the_pages_as_they_were():
    for page in (CHAIN, TRANSLATOR):
        at = open_page(page, ask="0")
        assert not at.exception and not [b for b in at.button if b.key and b.key.startswith("ask_")]


def test_the_encoder_decoder_page_in_chinese():
    at = open_page(CHAIN, lang="zh")
    assert not at.exception
    assert at.title[0].value == "🔁 编码器–解码器链"
    assert [h.value for h in at.header][:3] == ["结论", "每一个中间形状", "哪里出错，怎么修"]
    assert any(m.value.startswith("**🤔 先预测** — 在 TensorFlow 中") for m in at.markdown)
    assert at.error[0].value.startswith("**TensorFlow**：在 97 → 25 之后，第 2 层")
    assert any("Conv2DCustomBackpropInput" in c.value for c in at.code)    # framework messages stay verbatim
    assert at.table[0].value.columns[0] == "序号"
    at = open_page(CHAIN, lang="zh", mode="audio")     # (AppTest maps a radio's value through its labels)
    assert not at.exception and at.header[0].value == "每一层的长度"
    assert any(m.value.startswith("**🤔 先预测** — 输入 100 帧时") for m in at.markdown)


def test_the_translator_in_chinese():
    at = open_page(TRANSLATOR, lang="zh")
    assert not at.exception and at.title[0].value == "🔀 框架翻译"
    assert at.success[0].value.startswith("六个版本全部一致")
    assert at.number_input(key="tr_k").label == "卷积核"
    assert "tf.nn.conv2d_transpose" in at.code[0].value                    # code stays code
