"""AppTest: the forward and transposed convolution pages, every control changed at least once,
URL state in and out, malformed links. Images cannot be inspected, so the tests read the numbers
the pages print as text."""
import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from convt import kernels, tf_style
from lab import animation as anim
from lab.animation import grid_text
from convt.trace import example_arrays

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORWARD = os.path.join(ROOT, "pages", "1_Forward_convolution.py")
TRANSPOSE = os.path.join(ROOT, "pages", "2_Transposed_convolution.py")
APP = os.path.join(ROOT, "app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def app(path, **query):
    """The page opened through app.py (its page links need the navigation), with ``query`` as its link."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(os.path.relpath(path, ROOT))
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def md_text(at):
    return "\n".join(m.value for m in at.markdown)


def codes(at):
    return [c.value for c in at.code]


def ok(at):
    assert not at.exception, [e.value for e in at.exception]


def transpose_ref(i, k, s, out, pb, seed=0):
    dy, w = example_arrays(i, k, seed)
    return kernels.conv2d_transpose(dy[None, :, :, None], w[:, :, None, None], (s, s), (1, 1), (pb, pb),
                                    (out, out))[0, :, :, 0]


# ---- transposed page --------------------------------------------------------------------------

def test_transpose_default_is_the_seed_example():
    at = app(TRANSPOSE)
    ok(at)
    assert at.slider(key="tc_in").value == 3 and at.slider(key="tc_k").value == 2
    assert at.slider(key="tc_s").value == 2 and at.selectbox(key="tc_padmode").value == "SAME"
    assert at.selectbox(key="tc_out").options == ["5", "6"]
    assert at.selectbox(key="tc_out").value == 5
    text = md_text(at)
    assert "Input x 3×3 → output 5×5" in text
    assert "Valid output sizes for input 3: **5, 6**" in text
    assert "Step 1/9" in text
    assert grid_text(transpose_ref(3, 2, 2, 5, 0)) in codes(at)
    assert at.success and "same output" in at.success[0].value
    assert at.image  # the exact frame


@pytest.mark.parametrize("out", [5, 6])
@pytest.mark.parametrize("view", ["scatter", "direct", "matrix"])
def test_seed_example_every_view_same_numbers(view, out):
    at = app(TRANSPOSE, view=view, out=str(out))
    ok(at)
    final = grid_text(transpose_ref(3, 2, 2, out, 0))
    assert final in codes(at)
    n = int(at.slider(key="tc_t").max)
    assert n == (9 if view != "direct" else out * out)
    at.slider(key="tc_t").set_value(n).run()
    ok(at)
    # after the last step the running output is the final output, in every view
    assert codes(at)[0] == final
    assert f"Step {n}/{n}" in md_text(at)


def test_transpose_every_control():
    at = app(TRANSPOSE)
    at.slider(key="tc_in").set_value(4).run()
    ok(at)
    at.slider(key="tc_k").set_value(3).run()
    ok(at)
    at.slider(key="tc_s").set_value(3).run()
    ok(at)
    assert at.selectbox(key="tc_out").options == ["10", "11", "12"]
    at.selectbox(key="tc_out").set_value(11).run()
    ok(at)
    assert "Input x 4×4 → output 11×11" in md_text(at)
    at.slider(key="tc_d").set_value(2).run()
    ok(at)
    at.selectbox(key="tc_padmode").set_value("VALID").run()
    ok(at)
    at.selectbox(key="tc_padmode").set_value("explicit").run()
    ok(at)
    at.number_input(key="tc_p").set_value(2).run()
    ok(at)
    assert "explicit padding 2" in md_text(at)
    at.radio(key="tc_view").set_value("direct").run()
    ok(at)
    assert "taps fall on zeros" in md_text(at)
    at.radio(key="tc_view").set_value("matrix").run()
    ok(at)
    at.radio(key="tc_by").set_value("row").run()
    ok(at)
    assert "row 0 of Cᵀ" in md_text(at)
    at.number_input(key="tc_seed").set_value(7).run()
    ok(at)
    at.select_slider(key="tc_fps").set_value(4.0).run()
    ok(at)
    at.button(key="tc_next").click().run()
    ok(at)
    assert at.slider(key="tc_t").value == 2
    at.button(key="tc_back").click().run()
    assert at.slider(key="tc_t").value == 1
    at.slider(key="tc_t").set_value(3).run()
    ok(at)
    assert "Step 3/" in md_text(at)
    # this animation is too big to draw for the player unasked: the still frame and one button
    assert not at.get("iframe") and at.get("image")
    at.button(key="transpose_load_player").click().run()
    ok(at)
    assert at.get("iframe")
    at.button(key="transpose_gif_make").click().run()
    ok(at)
    assert at.get("download_button")
    at.number_input(key="tc_cin").set_value(3).run()
    at.number_input(key="tc_cout").set_value(2).run()
    ok(at)
    assert any("filter[:, :, 1, 2]" in c for c in codes(at))
    at.sidebar.toggle(key="pref_present").set_value(True).run()
    ok(at)
    # the URL follows the widgets
    qp = at.query_params
    assert qp["in"] == "4" and qp["k"] == "3" and qp["s"] == "3" and qp["pad"] == "2" and qp["seed"] == "7"
    assert qp["view"] == "matrix" and qp["by"] == "row"


def test_transpose_link_reproduces_the_view():
    at = app(TRANSPOSE, **{"in": "4", "k": "3", "s": "2", "pad": "VALID", "out": "10", "view": "direct",
                           "t": "5", "seed": "3"})
    ok(at)
    assert not at.warning
    assert at.slider(key="tc_in").value == 4 and at.selectbox(key="tc_out").value == 10
    assert at.radio(key="tc_view").value == "direct"
    assert at.slider(key="tc_t").value == 6
    assert "Step 6/100" in md_text(at)


@pytest.mark.parametrize("query, fragment", [
    ({"in": "abc"}, "in="),
    ({"in": "99"}, "above the maximum 16"),
    ({"k": "-3"}, "below the minimum 1"),
    ({"pad": "HALF"}, "not SAME, VALID or a whole number"),
    ({"pad": "9", "k": "2"}, "Explicit padding 9"),
    ({"out": "7"}, "Output size 7 is not valid"),
    ({"view": "sideways"}, "view="),
    ({"fps": "nan"}, "fps="),
    ({"zzz": "1"}, "unknown parameter"),
])
def test_transpose_malformed_links_give_a_note(query, fragment):
    at = app(TRANSPOSE, **query)
    ok(at)
    notes = " ".join(w.value for w in at.warning)
    assert fragment in notes, notes
    assert at.success  # the page still computed something


def test_transpose_large_config_has_no_player_but_steps():
    at = app(TRANSPOSE, **{"in": "16", "k": "7", "s": "4", "d": "3", "pad": "VALID", "view": "direct"})
    ok(at)
    assert any("too many for the browser player" in i.value for i in at.info)
    assert not at.get("iframe") and at.image  # the exact server frame instead
    assert [e for e in at.expander if "Step on the server" in e.label][0].proto.expanded
    at.radio(key="tc_view").set_value("matrix").run()
    ok(at)
    assert any("matrix view is capped" in i.value for i in at.info)


# ---- forward page ---------------------------------------------------------------------------

def test_forward_default_and_formula():
    at = app(FORWARD)
    ok(at)
    text = md_text(at)
    assert "Input x 6×6 → output y 3×3" in text
    assert "⌈6 / 2⌉ = **3**" in text
    assert "0 before and 1 after" in text  # SAME's uneven split, the extra after
    assert "Step 1/9: y\\[0,0\\] = " in text
    x, w = example_arrays(6, 3, 0)
    ref = kernels.conv2d_forward(x[None, :, :, None], w[:, :, None, None], (2, 2), (1, 1), (0, 0), (3, 3))
    assert grid_text(ref[0, :, :, 0]) in codes(at)


def test_forward_every_control():
    at = app(FORWARD)
    at.slider(key="fc_in").set_value(7).run()
    ok(at)
    at.slider(key="fc_k").set_value(3).run()
    at.slider(key="fc_s").set_value(1).run()
    ok(at)
    assert "output y 7×7" in md_text(at)
    at.slider(key="fc_d").set_value(2).run()
    ok(at)
    at.selectbox(key="fc_padmode").set_value("VALID").run()
    ok(at)
    assert "output y 3×3" in md_text(at)
    at.selectbox(key="fc_padmode").set_value("explicit").run()
    at.number_input(key="fc_p").set_value(1).run()
    ok(at)
    assert "Explicit padding p = 1" in md_text(at)
    at.number_input(key="fc_seed").set_value(5).run()
    at.select_slider(key="fc_fps").set_value(1.0).run()
    at.button(key="fc_next").click().run()
    at.slider(key="fc_t").set_value(4).run()
    ok(at)
    assert "Step 4/25" in md_text(at)
    at.button(key="fc_back").click().run()
    assert "Step 3/25" in md_text(at)
    assert at.get("iframe")
    at.button(key="conv_gif_make").click().run()
    ok(at)
    assert at.get("download_button")
    at.sidebar.toggle(key="pref_present").set_value(True).run()
    ok(at)
    assert at.query_params["pad"] == "1" and at.query_params["d"] == "2"


def test_forward_kernel_larger_than_input():
    at = app(FORWARD, **{"in": "2", "k": "5", "pad": "VALID"})
    ok(at)
    assert any("output would be empty" in w.value for w in at.warning)


@pytest.mark.parametrize("query", [{"in": "0"}, {"s": "x"}, {"d": "1e999"}, {"pad": "-1"}, {"t": "-5"},
                                   {"seed": "🙂"}])
def test_forward_malformed_links(query):
    at = app(FORWARD, **query)
    ok(at)
    assert at.warning


def test_transpose_padding_that_leaves_no_output_size():
    at = app(TRANSPOSE, **{"in": "1", "k": "2", "s": "1", "pad": "1"})
    ok(at)
    assert any("no output size maps back" in w.value for w in at.warning)
    assert at.success


def test_step_past_the_end_is_clamped_with_a_caption():
    at = app(TRANSPOSE, t="500")
    ok(at)
    assert at.slider(key="tc_t").value == 9
    assert any("past the last step" in c.value for c in at.caption)


# ---- 1-D: one row of cells -------------------------------------------------------------------

def test_transpose_radio_to_1d_every_view_agrees_with_tf():
    at = app(TRANSPOSE)
    ok(at)
    assert at.radio(key="tc_nd").value == 2 and "nd" not in at.query_params
    at.radio(key="tc_nd").set_value(1).run()
    assert not at.exception and at.query_params["nd"] in ("1", ["1"])
    assert "**Input x 3 → output 5** · kernel 2 · stride 2" in md_text(at)
    dy, w = example_arrays((1, 3), (1, 2), 0)
    ref = tf_style.conv1d_transpose(dy[0][None, :, None], w[0][:, None, None], [1, 5, 1], 2, "SAME")
    assert grid_text(ref[0, :, 0][None]) in [c.value for c in at.code]
    for view in ("direct", "matrix"):
        at.radio(key="tc_view").set_value(view).run()
        assert not at.exception and "flipped" in at.success[0].value and "1-D" in at.success[0].value
    assert not [e for e in at.expander if "Channels" in e.label]


def test_forward_1d_link_steps_and_back_link():
    at = app(FORWARD, nd="1", **{"in": "7"}, k="3", s="2", pad="VALID", t="2")
    ok(at)
    assert at.radio(key="fc_nd").value == 1 and "Input x 7 → output y 3" in md_text(at)
    assert "Step 3/3: y\\[2\\] = " in md_text(at)
    x, w = example_arrays((1, 7), (1, 3), 0)
    ref = tf_style.conv1d(x[0][None, :, None], w[0][:, None, None], 2, "VALID")
    assert grid_text(ref[0, :, 0][None]) in [c.value for c in at.code]
    links = {p.proto.label: p.proto.query_string for p in at.get("page_link")}
    back = [q for label, q in links.items() if "Run it backwards" in label]
    assert back and "nd=1" in back[0] and "in=3" in back[0] and "out=7" in back[0], links


def test_bad_nd_in_link_is_a_note():
    at = app(TRANSPOSE, nd="3")
    ok(at)
    assert at.radio(key="tc_nd").value == 2
    assert any("nd=" in w.value for w in at.warning)


# ---- predict, then reveal -------------------------------------------------------------------

def _prompt_verdict(at, key, guess):
    widget = at.number_input(key=f"ask_{key}_guess") if key == "fc_out" else at.multiselect(key=f"ask_{key}_guess")
    widget.set_value(guess).run()
    at.button(key=f"ask_{key}_check").click().run()
    ok(at)
    return at


def test_forward_prompt_grades_the_output_size_from_the_trace():
    from convt.trace import make_conv_trace
    answer = make_conv_trace(6, 3, 2, "SAME").out_size[1]
    at = app(FORWARD)
    assert any("how many cells" in m.value for m in at.markdown)
    _prompt_verdict(at, "fc_out", answer + 1)
    assert at.error and "the answer is" in at.error[0].value
    _prompt_verdict(at, "fc_out", answer)
    assert any(s.value.startswith("Right") for s in at.success)
    assert any(f"**{answer}**" in m.value for m in at.markdown)  # the why: the formula with the numbers


def test_transposed_prompt_grades_the_cells_the_last_input_cell_writes():
    from convt.trace import make_transpose_trace
    tr = make_transpose_trace(3, 2, 2, "SAME", 1, 5)
    step = tr.scatter[-1]
    (pt, pl), ow = tr.pad_before, tr.out_size[1]
    answer = sorted((tp.ry - pt) * ow + (tp.rx - pl) for tp in step.taps if tp.inside)
    at = app(TRANSPOSE)
    _prompt_verdict(at, "tc_cells", [0, *answer])
    assert at.error and "You marked" in at.error[0].value
    _prompt_verdict(at, "tc_cells", answer)
    assert any(s.value.startswith("Right") for s in at.success)


def test_prompts_off_show_no_prompt():
    at = app(FORWARD, ask="0")
    ok(at)
    assert not [b for b in at.button if b.key and b.key.startswith("ask_")]


def test_a_large_transposed_output_asks_for_a_count():
    at = app(TRANSPOSE, **{"in": "6", "k": "3", "s": "2", "pad": "VALID"})
    ok(at)
    from convt.trace import make_transpose_trace
    tr = make_transpose_trace(6, 3, 2, "VALID", 1, 13)
    kept = sum(tp.inside for tp in tr.scatter[-1].taps)
    at.number_input(key="ask_tc_kept_guess").set_value(kept).run()
    at.button(key="ask_tc_kept_check").click().run()
    assert any(s.value.startswith("Right") for s in at.success)


# ---- presentation mode, readability, the player's step ------------------------------------------

def test_presentation_mode_moves_the_controls_to_the_sidebar():
    for path, key in ((FORWARD, "fc_in"), (TRANSPOSE, "tc_in")):
        at = app(path, present="1")
        ok(at)
        assert at.sidebar.slider(key=key).value >= 1
        assert at.get("iframe")
        at.sidebar.slider(key=key).set_value(4).run()
        ok(at)
        assert at.query_params["in"] == "4" and at.query_params["present"] == "1"


def test_small_cells_are_said_and_long_outputs_folded():
    at = app(TRANSPOSE, **{"in": "16", "k": "7", "s": "4", "d": "3", "pad": "VALID"})
    ok(at)
    assert any("colours only" in i.value for i in at.info), [i.value for i in at.info]
    folded = [e for e in at.expander if e.label.startswith("Output so far") or e.label.startswith("The output as")]
    assert folded and not any(e.proto.expanded for e in folded)
    small = app(TRANSPOSE)
    assert not any("colours only" in i.value or "px high" in i.value for i in small.info)


def test_the_players_step_in_the_url_moves_the_server_step_and_keeps_a_widget_change():
    at = app(FORWARD, **{"in": "4", "k": "3", "s": "1"})
    ok(at)
    assert at.slider(key="fc_t").value == 1 and at.query_params["in"] == "4"
    at.query_params["t"] = "6"   # what the browser player writes with replaceState
    at.number_input(key="fc_seed").set_value(2).run()   # and a widget change in the same run
    ok(at)
    assert at.slider(key="fc_t").value == 7
    assert at.number_input(key="fc_seed").value == 2 and at.query_params["seed"] == "2"
    assert at.query_params["t"] == "6" and at.query_params["in"] == "4"


def test_chinese_page_has_chinese_controls_and_formulas():
    at = app(TRANSPOSE, lang="zh")
    ok(at)
    assert at.slider(key="tc_in").label == "输入尺寸"
    assert any("有效输出尺寸" in m.value for m in at.markdown)
    assert any("三种视图" in s.value for s in at.success)
    at.radio(key="tc_view").set_value("direct").run()   # options named in Chinese, values unchanged
    at.selectbox(key="tc_padmode").set_value("explicit").run()
    at.radio(key="tc_nd").set_value(1).run()
    ok(at)
    assert at.query_params["view"] == "direct" and at.query_params["nd"] == "1"


def test_presentation_mode_plays_at_the_usual_size_rather_than_not_at_all():
    from lab import exports
    from lab.draw import animator
    from convt.trace import make_conv_trace
    an = animator(make_conv_trace(12, 3, 1, "SAME"), "scatter", captions=False)   # as the page draws it
    (w, h), n = an.cv.size, an.n_frames
    scale = anim.present_scale(w)
    assert scale > 1 and exports.too_big(n, (round(w * scale), round(h * scale)))   # too big when enlarged
    assert not exports.too_big(n, (w, h))
    at = app(FORWARD, present="1", **{"in": "12", "k": "3", "s": "1", "pad": "SAME"})
    ok(at)
    assert not at.get("iframe")
    at.button(key="conv_load_player").click().run()   # offered (not refused); 144 frames wait for one click
    ok(at)
    assert at.get("iframe")
