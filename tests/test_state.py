"""Page state declared once: every page's dataclass, its URL keys (shared links depend on them), and
the one binder (ui.binder) on real pages — links in, widgets, the URL back out, notes."""
from dataclasses import fields
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lab import animation, chain, checkerboard, examples, explorer, gradient, translator, walkthrough
from lab.url_state import from_query, from_values, schema, to_query, to_values, url_field

APP = str(Path(__file__).resolve().parent.parent / "app.py")

# The keys of every link anyone has shared; renaming one breaks those links.
LINK_KEYS = {
    animation.ConvState: ["in", "k", "s", "d", "pad", "seed", "t", "fps", "nd"],
    animation.TransposeState: ["in", "k", "s", "d", "pad", "seed", "t", "fps", "nd", "out", "view", "by"],
    explorer.ExplorerPage: ["in", "inw", "k", "s", "pad", "pb", "pa", "d", "fw", "out", "outw", "op", "req",
                            "jcp", "lower", "dyn", "b", "ob", "c", "fi", "fo", "oc", "nd", "ind", "outd", "mode", "T"],
    examples.DecoderState: ["m"],
    gradient.GradientConfig: ["in", "out", "k", "s", "pad", "cin", "cout", "seed"],
    checkerboard.CheckerConfig: ["in", "k", "s", "pad", "photo", "icnr"],
    chain.ChainState: ["in", "layers", "fw", "preset", "mode", "frames", "up", "T", "trim", "frame", "nd"],
    walkthrough.HomeState: ["cell", "dyn", "skip"],
    translator.Layer: ["in", "ci", "co", "k", "s", "pad", "pb", "pa", "d", "op", "g"],
}


@pytest.mark.parametrize("cls", list(LINK_KEYS), ids=lambda c: c.__name__)
def test_each_page_declares_its_link_once(cls):
    assert list(schema(cls)) == LINK_KEYS[cls]
    for key, param in schema(cls).items():
        assert param.label, key
    state = cls()
    assert to_query(state) == {}                         # a default view has a bare link
    assert from_query(cls, {}) == (state, [])
    assert from_values(cls, to_values(state)) == state


def test_declared_bounds_and_defaults_are_the_pages():
    p = schema(explorer.ExplorerPage)
    assert (p["in"].default, p["in"].max, p["k"].max, p["s"].max, p["out"].default) == (25, 512, 15, 8, 97)
    assert p["op"].nullable and p["op"].type is int
    assert schema(animation.TransposeState)["in"].default == 3 and schema(animation.ConvState)["in"].default == 6


def test_the_seed_link_is_the_seed():
    state, notes = from_query(explorer.ExplorerPage, {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"})
    assert notes == [] and state.config == explorer.Config()
    assert to_query(state, keep=explorer.URL_ALWAYS) == {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"}


def test_a_changed_state_round_trips_through_its_link():
    state = explorer.ExplorerPage(in_h=30, output_padding=2, dynamic=True, mode="design", target=40)
    query = to_query(state)
    assert query == {"in": "30", "op": "2", "dyn": "1", "mode": "design", "T": "40"}
    assert from_query(explorer.ExplorerPage, query) == (state, [])


def test_numbers_with_choices():
    cfg, notes = from_query(checkerboard.CheckerConfig, {"photo": "50"})
    assert cfg.photo == 64 and notes == ["photo=“50” is not one of 32, 48, 64, 96 for the photo size; "
                                         "using the default 64."]
    assert from_query(checkerboard.CheckerConfig, {"photo": "32"})[0].photo == 32


def test_url_field_is_an_ordinary_dataclass_field():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class S:
        n: int = url_field("n", 3, "a number", min=1, max=9)
        name: str = "not in the link"

    assert S().n == 3 and S(n=5).n == 5 and [f.name for f in fields(S)] == ["n", "name"]
    assert list(schema(S)) == ["n"] and to_query(S(n=5, name="x")) == {"n": "5"}


def test_chain_state_resolves_presets_and_unreadable_layers():
    assert chain.ChainState(preset="unet").resolve() == (chain.PRESETS["unet"], None)
    fallback, note = chain.ChainState(layers="zzz").resolve()
    assert fallback == chain.PRESETS[chain.DEFAULT_PRESET] and "could not be read" in note
    assert chain.ChainState(input=80, layers="conv k3 s2 SAME").resolve()[0].input == 80


# ---- the binder on real pages ----------------------------------------------------------------

@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def page(path=None, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    if path:
        at.switch_page(path)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_home_keeps_presentation_mode_in_its_link():
    at = page(present="1")
    assert not at.exception and at.sidebar.toggle(key="pref_present").value is True
    assert dict(at.query_params) == {"present": "1"}
    at.sidebar.toggle(key="pref_present").set_value(False).run()
    assert dict(at.query_params) == {}


def test_an_old_large_type_link_opens_presentation_mode():
    at = page(big="1")
    assert not at.exception and at.sidebar.toggle(key="pref_present").value is True
    assert dict(at.query_params) == {"present": "1"}


def test_home_notes_a_malformed_link_without_making_it_a_link():
    at = page(big="[x](http://evil.example)")
    assert not at.exception
    note = at.warning[0].value
    assert note.startswith("Link parameter ignored: big=“\\[x\\](http\u200b://evil.example)”")


def test_a_link_fills_the_widgets_and_the_widgets_write_the_link():
    at = page("pages/5_Gradient.py", **{"in": "25", "out": "97", "s": "3"})
    assert not at.exception and not at.warning
    assert at.number_input(key="gr_in").value == 25 and at.slider(key="gr_s").value == 3
    at.slider(key="gr_k").set_value(5).run()
    assert dict(at.query_params) == {"in": "25", "out": "97", "k": "5", "s": "3"}


def test_notes_go_once_the_state_moves_on():
    at = page("pages/6_Checkerboard_artifacts.py", k="99")
    assert any("k=“99”" in w.value for w in at.warning)
    at.slider(key="cb_s").set_value(3).run()   # the rerun that writes the new state drops the note
    at.run()
    assert not at.warning and dict(at.query_params) == {"s": "3"}


def test_back_through_the_sidebar_restores_the_page():
    at = page("pages/7_Encoder_decoder.py")
    at.selectbox(key="ch_fw").set_value("torch").run()
    at.switch_page("pages/6_Checkerboard_artifacts.py").run()
    at.query_params.clear()   # Streamlit clears the query string on page change
    at.switch_page("pages/7_Encoder_decoder.py").run()
    assert not at.exception and at.selectbox(key="ch_fw").value == "torch" and at.query_params["fw"] == "torch"


def test_a_forward_link_that_needs_changing_says_so():
    at = page("pages/1_Forward_convolution.py", **{"in": "2", "k": "5", "pad": "VALID"})
    assert not at.exception
    assert any("output would be empty" in w.value for w in at.warning)
    assert at.slider(key="fc_k").value == 1
