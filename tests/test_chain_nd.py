"""Encoder–decoder chains in 1-D and 3-D: the walk's sizes and refusals are what convt.torch_style
does layer by layer on arrays, the texts are the 1-D / 3-D ones, and the page's dimension control."""
from dataclasses import replace
from pathlib import Path

import numpy as np
import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

from convt import torch_style
from convt.errors import ShapeError
from lab import chain as C

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _torch_sizes(chain):
    """Run the chain with torch_style on arrays of ones (what the walk predicts, layer by layer)."""
    conv = {1: (torch_style.conv1d, torch_style.conv_transpose1d), 3: (torch_style.conv3d, torch_style.conv_transpose3d)}
    fwd, back = conv[chain.nd]
    x, sizes = np.ones((1, 1) + (chain.input,) * chain.nd, np.float32), [chain.input]
    for layer in chain.layers:
        w = np.ones((1, 1) + (layer.kernel,) * chain.nd, np.float32)
        p = C.torch_padding(layer)
        try:
            if layer.kind == "conv":
                x = fwd(x, w, stride=layer.stride, padding=p)
            else:
                out = None if layer.out is None else [layer.out] * chain.nd
                x = back(x, w, stride=layer.stride, padding=p, output_size=out)
        except ShapeError:
            return sizes, True
        sizes.append(x.shape[-1])
    return sizes, False


layers = hs.builds(C.Layer, kind=hs.sampled_from(C.KINDS), kernel=hs.integers(1, 4), stride=hs.integers(1, 3),
                   padding=hs.sampled_from(["SAME", "VALID"]), out=hs.one_of(hs.none(), hs.integers(1, 12)))


@settings(max_examples=40, deadline=None)
@given(hs.sampled_from([1, 3]), hs.integers(1, 6), hs.lists(layers, min_size=1, max_size=3))
def test_torch_walk_is_what_torch_style_does(nd, n, stack):
    chain = C.Chain(n, tuple(stack), nd)
    walk = C.walk(chain, "torch", with_fixes=False)
    sizes, broke = _torch_sizes(chain)
    assert broke == (not walk.ok)
    assert [v for v in walk.sizes(chain) if v is not None] == sizes


def test_seed_chain_in_1d_and_3d_speaks_each_dimension():
    for nd, texts in ((1, ("spatial_dim: 2", "[97]", "ConvTranspose1d")),
                      (3, ("Conv3DBackpropInputOp", "[97, 97, 97]", "ConvTranspose3d"))):
        chain = replace(C.PRESETS["seed"], nd=nd)
        walks = C.walk_all(chain, C.FRAMEWORKS)
        assert list(walks) == ["tf", "keras", "torch"]
        said = " ".join(f"{s.call} {s.message}" for w in walks.values() for s in w.steps if s.breaks)
        assert all(t in said for t in texts), said
        assert all(f.chain.nd == nd for w in walks.values() for s in w.steps for f in s.fixes)


def test_page_dimension_control():
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/7_Encoder_decoder.py")
    at.query_params["nd"] = "3"
    at.run()
    assert not at.exception and at.radio(key="ch_nd").value == 3
    assert any("Conv3DBackpropInputOp" in c.value for c in at.code)
    at.radio(key="ch_nd").set_value(1).run()
    assert not at.exception and at.query_params["nd"] == "1"
    assert any("ConvTranspose1d" in c.value for c in at.code)
    at.radio(key="ch_nd").set_value(2).run()
    assert "nd" not in dict(at.query_params)
