"""AppTest: the gradient, checkerboard and encoder–decoder pages — default views, every control changed,
presets loaded, fixes applied, URL state in and out, malformed links. Images cannot be inspected, so
the tests read the numbers the pages print as text and compare them with convt's own."""
import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import audio as A
from lab import chain as CH
from lab import checkerboard as CB
from lab import gradient as G

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "app.py")
GRADIENT = "pages/5_Gradient.py"
CHECKER = "pages/6_Checkerboard_artifacts.py"
CHAIN = "pages/7_Encoder_decoder.py"
SEED_TF = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, "
           "computed = 33 spatial_dim: 1 input: 97 filter: 3 output: 25 stride: 3 dilation: 1")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def app(page, **query):
    """The page inside the multipage app (so its links to other pages resolve)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(at):
    parts = [m.value for m in at.markdown] + [c.value for c in at.code]
    parts += [x.value for x in at.success] + [x.value for x in at.error] + [x.value for x in at.warning]
    parts += [x.value for x in at.info]
    return "\n".join(parts)


def metrics(at):
    return {m.label: m.value for m in at.metric}


def qp(at):
    return {k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k]
            for k in at.query_params}


# ---- gradient ---------------------------------------------------------------------------------

def test_gradient_default_shows_equal_sides_and_identity():
    at = ok(app(GRADIENT))
    d = G.gradient_demo(G.DEFAULT)
    m = metrics(at)
    assert m["gradient by nudging x"] == "3 × 3" and m["forward conv of g"] == "3 × 3"
    assert m["equal?"] == "yes"
    assert m["⟨C u, h⟩ (forward conv, then dot)"] == f"{d.adjoint_lhs:g}"
    assert m["⟨u, Cᵀ h⟩ (transposed conv, then dot)"] == f"{d.adjoint_rhs:g}"
    assert "max difference 0**" in text(at)
    assert "TF accepts this call" in text(at) and "ceil(6 / 2) = 3" in text(at)
    assert "ceil(97 / 3) = 33, a 33 × 33 map where x is 25 × 25" in text(at)  # the seed, from the default view
    assert qp(at) == {}


def test_gradient_seed_preset_is_33_vs_25_and_the_message():
    at = ok(app(GRADIENT))
    at.button(key="gr_preset_seed").click()
    at = ok(at.run())
    m = metrics(at)
    assert m["gradient by nudging x"] == "25 × 25" and m["forward conv of g"] == "33 × 33"
    assert m["equal?"] == "shapes differ"
    codes = [c.value for c in at.code]
    assert SEED_TF in codes
    assert "ValueError: Shapes (1, 33, 33, 1) and (1, 25, 25, 1) are not compatible" in codes
    assert "top-left 25 × 25 corner of the 33 × 33 forward conv" in text(at)
    assert qp(at) == {"in": "25", "out": "97", "s": "3"}


def test_gradient_seed_link_and_the_fixed_preset():
    at = ok(app(GRADIENT, **{"in": "25", "out": "97", "s": "3"}))
    assert SEED_TF in [c.value for c in at.code]
    at.button(key="gr_preset_seed_fixed").click()
    at = ok(at.run())
    assert metrics(at)["forward conv of g"] == "25 × 25" and metrics(at)["equal?"] == "yes"
    assert qp(at)["out"] == "75"


def test_gradient_every_control():
    at = ok(app(GRADIENT))
    at.number_input(key="gr_in").set_value(4)
    at.number_input(key="gr_out").set_value(9)
    at.slider(key="gr_k").set_value(2)
    at.slider(key="gr_s").set_value(2)
    at.selectbox(key="gr_pad").set_value("VALID")
    at.number_input(key="gr_cin").set_value(2)
    at.number_input(key="gr_cout").set_value(3)
    at.number_input(key="gr_seed").set_value(7)
    at = ok(at.run())
    cfg = G.GradientConfig(4, 9, 2, 2, "VALID", 2, 3, 7)
    d = G.gradient_demo(cfg)
    assert d.shapes_agree
    m = metrics(at)
    assert m["forward conv of g"] == "4 × 4" and m["equal?"] == "yes"
    assert m["⟨C u, h⟩ (forward conv, then dot)"] == f"{d.adjoint_lhs:g}"
    assert qp(at) == {"in": "4", "out": "9", "k": "2", "pad": "VALID", "cin": "2", "cout": "3", "seed": "7"}
    # an output size TF refuses: VALID, stride 2 from 4 accepts 8 and 9 only
    at.number_input(key="gr_out").set_value(11)
    at = ok(at.run())
    assert "actual = 4, computed = 5" in text(at)


def test_gradient_malformed_link_gives_notes_not_a_traceback():
    at = ok(app(GRADIENT, k="abc", out="100000", pad="FULL", zz="1"))
    warnings = [w.value for w in at.warning]
    assert any("k=“abc”" in w for w in warnings)
    assert any("maximum 128" in w for w in warnings)
    assert any("FULL" in w for w in warnings)
    assert metrics(at)["forward conv of g"] == "3 × 3"


# ---- checkerboard ----------------------------------------------------------------------------

def test_checkerboard_default_teaches_uneven_overlap():
    at = ok(app(CHECKER))
    m = metrics(at)
    assert m["interior counts (2-D)"] == "1, 2, 4"
    assert m["brightest : darkest interior cell"] == "4 : 1"
    demo = CB.photo_demo(64, 3, 2)
    assert m["transposed conv: brightest / darkest of the 2×2 pixel phases"] == \
        f"{demo.spread(demo.transposed_phases):.2f}"
    assert float(m["resize-then-conv: brightest / darkest phase"]) < 1.05
    assert "1, 2 or 4" in text(at) and at.error


def test_checkerboard_examples_and_controls():
    at = ok(app(CHECKER))
    at.button(key="cb_ex_k4s2").click()
    at = ok(at.run())
    assert metrics(at)["interior counts (2-D)"] == "4" and at.success
    assert qp(at) == {"k": "4"}
    at.button(key="cb_ex_k2s3").click()
    at = ok(at.run())
    assert metrics(at)["brightest : darkest interior cell"] == "no stamp at all in some cells"
    at.slider(key="cb_k").set_value(5)
    at.slider(key="cb_s").set_value(2)
    at.slider(key="cb_in").set_value(9)
    at.selectbox(key="cb_pad").set_value("VALID")
    at.selectbox(key="cb_photo").set_value("32")
    at = ok(at.run())
    counts = CB.overlap_counts(9, 5, 2, "VALID")
    assert metrics(at)["interior counts (2-D)"] == "4, 6, 9"
    assert f"Output {counts.shape[0]} × {counts.shape[1]}" in text(at)
    assert qp(at) == {"in": "9", "k": "5", "pad": "VALID", "photo": "32"}


def test_checkerboard_link_and_malformed_link():
    at = ok(app(CHECKER, k="4", s="2"))
    assert metrics(at)["interior counts (2-D)"] == "4"
    at = ok(app(CHECKER, k="-3", s="nine", photo="50"))
    assert len(at.warning) == 3
    assert metrics(at)["interior counts (2-D)"] == "1, 2, 4"


# ---- encoder–decoder -------------------------------------------------------------------------

def test_chain_default_is_the_seed_failing_in_every_framework():
    at = ok(app(CHAIN))
    errors = [e.value for e in at.error]
    # every framework that checks the size (JAX checks none: it gives 97 from its pads, silently)
    assert len(errors) == 4 and all("breaks at layer 2" in e for e in errors)
    assert [e.split("**")[1] for e in errors] == ["TensorFlow", "Keras", "PyTorch", "ONNX"]
    assert any(s.value.startswith("**JAX**: every layer works") for s in at.success)
    codes = [c.value for c in at.code]
    assert SEED_TF in codes
    assert any("valid sizes range from [73, 73] to [75, 75]" in c for c in codes)
    table = at.table[0].value
    assert list(table["TensorFlow"]) == ["97", "25", "✗ breaks"]


def test_chain_presets_and_applying_a_fix():
    at = ok(app(CHAIN))
    at.button(key="ch_preset_unet").click()
    at = ok(at.run())
    assert "52 × 52" in text(at) and "51 × 51" in text(at)
    assert list(at.table[0].value["PyTorch"])[:6] == ["101", "101", "51", "26", "13", "26"]
    assert qp(at)["in"] == "101"
    fix = CH.walk(CH.PRESETS["unet"], "tf").steps[5].fixes[0]
    assert fix.kind == "input"
    at.button(key="ch_fix_tf_0").click()
    at = ok(at.run())
    assert len(at.success) == len(CH.FRAMEWORKS) and "104 → 104 → 52 → 26 → 13 → 26 → 52 → 104" in at.success[0].value
    at.button(key="ch_preset_seed_fixed").click()
    at = ok(at.run())
    assert len(at.success) == len(CH.FRAMEWORKS) and not at.error


def test_chain_editing_layers_framework_and_input():
    at = ok(app(CHAIN))
    at.text_area(key="ch_layers").set_value("conv k3 s2 SAME\nconvT k3 s2 SAME out 80\nnonsense")
    at.number_input(key="ch_in").set_value(80)
    at.selectbox(key="ch_fw").set_value("torch")
    at = ok(at.run())
    assert any("nonsense" in w.value for w in at.warning)
    assert all(s.value.endswith("80 → 40 → 80.") for s in at.success) and len(at.success) == len(CH.FRAMEWORKS)
    assert qp(at) == {"in": "80", "layers": "conv k3 s2 SAME; convT k3 s2 SAME out 80; nonsense", "fw": "torch"}


def test_chain_links_preset_and_malformed():
    at = ok(app(CHAIN, preset="unet_fixed"))
    assert len(at.success) == len(CH.FRAMEWORKS)
    at = ok(app(CHAIN, **{"in": "9999", "layers": "zzz", "fw": "mxnet"}))   # (jax is a framework now)
    warnings = [w.value for w in at.warning]
    assert any("maximum 512" in w for w in warnings) and any("mxnet" in w for w in warnings)
    assert any("could not be read" in w for w in warnings)
    assert len(at.error) == 4  # fell back to the seed's chain: it breaks in all but JAX


# ---- encoder–decoder: audio mode -------------------------------------------------------------

def test_default_chain_link_unchanged_and_mode_switch():
    at = ok(app(CHAIN))
    assert at.radio(key="ch_mode").value == "chain" and "mode" not in qp(at)
    at.radio(key="ch_mode").set_value("audio").run()
    assert not at.exception and qp(at)["mode"] == "audio"
    assert metrics(at)["Decoder output"] == "11,974" and metrics(at)["Off by"] == "-26"


def test_fix_presets_frames_and_clip_length():
    at = ok(app(CHAIN, mode="audio"))
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
    at = ok(app(CHAIN, mode="audio", trim="left", frame="3"))
    assert at.radio(key="ch_trim").value == "left" and at.slider(key="ch_frame").value == 3
    text = "\n".join(m.value for m in at.markdown)
    assert "can emit **15**" in text and "can emit **10**" in text
    assert "y = y[..., trim:]" in at.code[-1].value
    at.radio(key="ch_trim").set_value("right").run()
    at.slider(key="ch_frame").set_value(5).run()
    assert qp(at)["frame"] == "5" and "trim" not in qp(at) and "y[..., :-trim]" in at.code[-1].value


def test_layers_text_and_malformed_links():
    at = ok(app(CHAIN, mode="audio", up="k4 s2 p1; nonsense", frames="-3", trim="up"))
    notes = " ".join(w.value for w in at.warning)
    assert "nonsense" in notes and "frames" in notes and "trim" in notes
    assert metrics(at)["Hop length (product of strides)"] == "2"
    at.text_area(key="ch_up").set_value("").run()
    assert any("No layers yet" in i.value for i in at.info)
    at = ok(app(CHAIN, mode="audio", up="k2 s1 p5", frames="1"))  # the only layer would be empty
    assert metrics(at)["Decoder output"] == "—"
