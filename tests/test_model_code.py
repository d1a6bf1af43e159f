"""Paste your model: PyTorch and Keras code read with ast (never run) into the chain, the first
breaking layer for an input size with its fix, hostile pastes answered within a second, and random
nn.Sequential code read back to exactly the layers it was generated from. The last tests drive the
encoder–decoder page's box with AppTest."""
import os
import time

import pytest
import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as S
from streamlit.testing.v1 import AppTest

from lab import model_code as M
from lab.chain import Layer

TORCH_UNET = """
class UNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.inc = nn.Conv2d(3, 16, 3, padding=1)
        self.down1 = nn.Sequential(nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU())
        self.down2 = nn.Conv2d(32, 64, 3, stride=2, padding=1)
        self.up1 = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.up2 = nn.ConvTranspose2d(64, 16, 2, stride=2)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x = self.up1(x3)
        x = torch.cat([x, x2], dim=1)
        x = self.up2(x)
        x = torch.cat([x, x1], dim=1)
        return x
"""
KERAS_FUNCTIONAL = """
inputs = keras.Input(shape=(61, 61, 3))
c1 = layers.Conv2D(16, 3, padding="same")(inputs)
c2 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(c1)
p = layers.MaxPooling2D(2)(c2)
u = layers.UpSampling2D(2)(p)
u = layers.Concatenate()([u, c2])
u = layers.Conv2DTranspose(16, 2, strides=2, padding="same")(u)
x = layers.concatenate([u, c1])
"""
KERAS_SEQUENTIAL = """model = keras.Sequential([
    layers.Input((61, 61, 3)),
    layers.Conv2D(16, 3, strides=2, padding="same"),
    layers.BatchNormalization(),
    layers.Conv2D(32, 3, strides=2, padding="same"),
    layers.Conv2DTranspose(16, 3, strides=2, padding="same"),
    layers.Conv2DTranspose(3, 3, strides=2, padding="same"),
])"""


def test_torch_unet_breaks_at_the_first_skip_for_61_with_the_fix():
    r = M.read(TORCH_UNET)
    assert r.framework == "torch" and not r.notes and not r.refusal
    assert [l.text() for l in r.layers] == ["conv k3 s1 SAME", "conv k3 s2 SAME", "conv k3 s2 SAME",
                                             "convT k2 s2 VALID skip 2", "convT k2 s2 VALID skip 1"]
    v = M.check(r, 61)
    assert (v.breaks_at, v.line) == (4, 8)
    assert "32 × 32" in v.walk.steps[3].problem and "31 × 31" in v.walk.steps[3].problem
    assert any("output_size=skip.shape" in fix.code.get("torch", "") for fix in v.solution.fixes)
    assert v.solution.fixes[-1].text.startswith("pad the input from 61 to 64")
    assert M.check(r, 64).breaks_at is None


def test_torch_sequential_reads_in_order_and_notes_what_it_leaves_out():
    r = M.read("nn.Sequential(nn.Conv2d(3, 8, k), nn.MaxPool2d(2), nn.Conv2d(8, 8, 3, padding=2),\n"
               "  nn.Upsample(scale_factor=2), nn.Flatten())")
    assert [l.text() for l in r.layers] == ["conv k2 s2 VALID", "convT k2 s2 VALID"]
    assert len(r.notes) == 3 and all(n.startswith("Line ") for n in r.notes)
    assert "not written as a number" in r.notes[0] and "padding=2" in r.notes[1] and "Flatten" in r.notes[2]


def test_keras_functional_breaks_at_the_upsampling_skip_with_output_padding():
    r = M.read(KERAS_FUNCTIONAL)
    assert r.framework == "keras" and not r.notes
    assert [l.text() for l in r.layers] == ["conv k3 s1 SAME", "conv k3 s2 SAME", "conv k2 s2 VALID",
                                             "convT k2 s2 VALID skip 2", "convT k2 s2 SAME skip 1"]
    v = M.check(r, 61)
    assert (v.breaks_at, v.line) == (4, 6)
    assert any("output_padding=1" in fix.text for fix in v.solution.fixes)


def test_keras_sequential_walks_in_keras():
    r = M.read(KERAS_SEQUENTIAL)
    assert r.framework == "keras" and len(r.layers) == 4
    assert M.check(r, 61).walk.sizes(M.check(r, 61).chain) == [61, 31, 16, 32, 64]


HOSTILE = {
    "html": "<html><body><script>alert('x')</script></body></html>",
    "script": "<script>document.cookie</script>",
    "binary": "".join(map(chr, range(256))) * 10,
    "nested parentheses": "(" * 5000 + ")" * 5000,
    "nested calls": "nn.Sequential(" * 3000 + ")" * 3000,
    "deep unary": "-" * 19_000 + "1",
    "1 MB": "nn.Conv2d(1, 1, 3)\n" * 55_000,
    "10,000 layers": "nn.Sequential(" + "nn.Conv2d(1, 1, 3, padding=1)," * 10_000 + ")",
    "many lines": "x = 1\n" * 1000,
    "prose": "My model has three conv layers and it breaks, please help!",
    "no layers": "import torch\nx = torch.zeros(1, 3, 64, 64)",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pastes_get_a_message_within_a_second(name):
    start = time.perf_counter()
    r = M.read(HOSTILE[name])
    assert time.perf_counter() - start < 1.0
    assert r.refusal and not r.layers


def test_layer_cap_keeps_200_layers_with_a_note_and_checks_fast():
    start = time.perf_counter()
    r = M.read("nn.Sequential(" + "nn.Conv2d(1,1,3,padding=1)," * 600 + ")")
    v = M.check(r, 61)
    assert time.perf_counter() - start < 1.0
    assert len(r.layers) == M.MAX_LAYERS and "more than 200" in r.notes[-1] and v.breaks_at is None


def test_the_reader_never_runs_the_code(tmp_path):
    marker = tmp_path / "ran"
    r = M.read(f"open({str(marker)!r}, 'w')\nnn.Sequential(nn.Conv2d(1, 1, 3))")
    assert not marker.exists() and len(r.layers) == 1


LAYERS = S.builds(lambda kind, k, s, same: (kind, k, s, same), S.sampled_from(["conv", "convT"]),
                  S.integers(1, 15), S.integers(1, 8), S.booleans())


@settings(max_examples=60, deadline=None)
@given(S.lists(LAYERS, min_size=1, max_size=30), S.booleans())
def test_random_sequential_reads_back_exactly(specs, keywords):
    lines, want = [], []
    for kind, k, s, same in specs:
        p = (k - 1) // 2 if same else 0
        cls = "Conv2d" if kind == "conv" else "ConvTranspose2d"
        args = f"kernel_size={k}, stride={s}, padding={p}" if keywords else f"{k}, {s}, {p}"
        lines.append(f"    nn.{cls}(4, 4, {args}),")
        want.append(Layer(kind, k, s, "SAME" if p else "VALID"))
    r = M.read("model = nn.Sequential(\n" + "\n".join(lines) + "\n)")
    assert r.layers == tuple(want) and not r.notes and r.lines == tuple(range(2, len(specs) + 2))


# ---- the page ---------------------------------------------------------------------------------

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "app.py")


@pytest.fixture
def page():
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/7_Encoder_decoder.py")
    return at.run()


def _box(at):
    return next(t for t in at.text_area if t.key == "mc_code")


def test_page_paste_shows_the_breaking_layer(page):
    at = _box(page).input(TORCH_UNET).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("Input 61 breaks at layer 4 (line 8)" in e for e in errors), errors
    assert any("output_size=skip.shape" in c.value for c in at.code)
    at = _box(at).input(KERAS_FUNCTIONAL).run()
    assert not at.exception
    assert any("breaks at layer 4 (line 6)" in e.value for e in at.error)
    assert any("UpSampling2D, read as the transposed conv" in c.value for c in at.caption)


def test_page_hostile_paste_gives_a_message(page):
    at = _box(page).input(HOSTILE["html"]).run()
    assert not at.exception
    assert any("is not Python" in i.value for i in at.info)
    assert "<script>" not in "".join(m.value for m in at.markdown)


def test_forward_functional_pooling_and_interpolate_are_read_with_their_class():
    r = M.read("def forward(self, x):\n    s = self.conv(x)\n    x = F.max_pool2d(s, 2)\n"
               "    x = F.interpolate(x, scale_factor=2)\n    return torch.cat((x, s), 1)\n"
               "def __init__(self):\n    self.conv = nn.Conv2d(3, 8, 3, padding=1)\n")
    assert [l.text() for l in r.layers] == ["conv k3 s1 SAME", "conv k2 s2 VALID", "convT k2 s2 VALID skip 1"]
    assert r.names == ("Conv2d", "MaxPool2d", "Upsample") and r.lines == (7, 3, 4)
    assert M.check(r, 61).breaks_at == 3 and M.check(r, 62).breaks_at is None
