"""Paste your model: PyTorch and Keras code read with ast (never run) into the chain, the first
breaking layer for an input size with its fix, hostile pastes answered within a second, and random
nn.Sequential code read back to exactly the layers it was generated from; 1-D and 3-D layers, wrappers,
padding layers and mixed dimensions, and random 1-D / 3-D PyTorch stacks whose read sizes are what
convt.torch_style computes on arrays. The ``page`` tests drive the encoder–decoder page's box with AppTest."""
import os
import re
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


# ---- 1-D and 3-D layers, wrappers, padding layers, mixed dimensions ---------------------------

def _read(text):
    r = M.read(text)
    return r, [l.text() for l in r.layers]


def test_torch_1d_layers_set_nd_1_and_read_as_written():
    r, got = _read("nn.Sequential(nn.Conv1d(80, 64, 3, padding=1), nn.MaxPool1d(2), nn.AvgPool1d(3, 3),\n"
                   "  nn.Conv1d(64, 64, kernel_size=5, stride=2), nn.ConvTranspose1d(64, 32, 2, stride=2),\n"
                   "  nn.Upsample(scale_factor=4), nn.BatchNorm1d(32), nn.InstanceNorm1d(32), nn.Dropout1d(0.1))")
    assert (r.nd, r.framework, r.notes) == (1, "torch", ())
    assert got == ["conv k3 s1 SAME", "conv k2 s2 VALID", "conv k3 s3 VALID", "conv k5 s2 VALID",
                   "convT k2 s2 VALID", "convT k4 s4 VALID"]
    assert r.names == ("Conv1d", "MaxPool1d", "AvgPool1d", "Conv1d", "ConvTranspose1d", "Upsample")
    assert r.lines == (1, 1, 1, 2, 2, 3) and r.remarks == ("",) * 6
    v = M.check(r, 100)
    assert v.chain.nd == 1 and v.walk.sizes(v.chain) == [100, 100, 50, 16, 6, 12, 48]


def test_torch_3d_layers_set_nd_3_and_walk_in_3d():
    r, got = _read("nn.Sequential(nn.Conv3d(1, 8, (3, 3, 3), padding=1), nn.MaxPool3d(2), nn.AvgPool3d(2, stride=1),\n"
                   "  nn.ConvTranspose3d(8, 4, 3, stride=2, padding=1), nn.BatchNorm3d(4), nn.Dropout3d())")
    assert (r.nd, r.notes) == (3, ())
    assert got == ["conv k3 s1 SAME", "conv k2 s2 VALID", "conv k2 s1 VALID", "convT k3 s2 SAME"]
    v = M.check(r, 9)
    assert v.chain.nd == 3 and v.walk.sizes(v.chain) == [9, 9, 4, 3, 5]
    assert "nn.ConvTranspose3d" in v.walk.steps[3].call


def test_keras_1d_and_3d_layers_with_their_defaults():
    r, got = _read("keras.Sequential([layers.Conv1D(16, 5, padding='causal'), layers.MaxPooling1D(),\n"
                   "  layers.Conv1DTranspose(8, 4, strides=2, padding='same'), layers.UpSampling1D(3),\n"
                   "  layers.AveragePooling1D(2, strides=1), layers.SpatialDropout1D(0.1)])")
    assert (r.nd, r.framework, r.notes) == (1, "keras", ())
    assert got == ["conv k5 s1 SAME", "conv k2 s2 VALID", "convT k4 s2 SAME", "convT k3 s3 VALID", "conv k2 s1 VALID"]
    assert "causal" in r.remarks[0] and r.remarks[1:] == ("",) * 4
    assert M.check(r, 25).walk.sizes(M.check(r, 25).chain) == [25, 25, 12, 24, 72, 71]
    r, got = _read("x = layers.Conv3D(8, 3, strides=2, padding='same')(inputs)\n"
                   "x = layers.MaxPooling3D((2, 2, 2))(x)\nx = layers.Conv3DTranspose(8, 2, strides=2)(x)\n"
                   "x = layers.UpSampling3D()(x)\nx = layers.Convolution3D(1, 1)(x)")
    assert (r.nd, r.framework, r.notes) == (3, "keras", ())
    assert got == ["conv k3 s2 SAME", "conv k2 s2 VALID", "convT k2 s2 VALID", "convT k2 s2 VALID", "conv k1 s1 VALID"]
    assert r.lines == (1, 2, 3, 4, 5)


def test_causal_padding_is_only_read_on_a_keras_conv1d():
    r, got = _read("keras.Sequential([layers.Conv2D(8, 3, padding='causal'), layers.Conv1DTranspose(8, 3, "
                   "padding='causal'), layers.Conv1D(8, 3, padding='causal')])")
    assert got == ["conv k3 s1 SAME"] and r.nd == 1
    assert len(r.notes) == 2 and "2-D layer" in r.notes[0] and "'causal' is neither" in r.notes[1]


@pytest.mark.parametrize("wrapped", ["weight_norm({})", "nn.utils.weight_norm({})", "torch.nn.utils.weight_norm({})",
                                     "nn.utils.parametrizations.weight_norm({}, name='weight')",
                                     "spectral_norm({})", "nn.utils.spectral_norm(module={})"])
def test_weight_and_spectral_norm_are_unwrapped_in_sequential_init_and_assignments(wrapped):
    conv = wrapped.format("nn.ConvTranspose1d(8, 4, 4, stride=2, padding=1)")
    r, got = _read(f"nn.Sequential(nn.Conv1d(1, 8, 3), {conv}, nn.LeakyReLU(0.2))")
    assert (got, r.names, r.notes, r.nd) == (["conv k3 s1 VALID", "convT k4 s2 SAME"], ("Conv1d", "ConvTranspose1d"),
                                             (), 1)
    r, got = _read(f"def __init__(self):\n    self.up = {conv}\ndef forward(self, x):\n    return self.up(x)\n")
    assert (got, r.lines, r.notes) == (["convT k4 s2 SAME"], (2,), ())
    r, got = _read(f"up = {conv}")
    assert (got, r.notes) == (["convT k4 s2 SAME"], ())


def test_keras_spectral_normalization_is_unwrapped_in_functional_code():
    r, got = _read("x = layers.SpectralNormalization(layers.Conv1D(8, 4, strides=2, padding='same'))(inputs)\n"
                   "x = layers.Conv1DTranspose(8, 4, strides=2, padding='same')(x)")
    assert (got, r.framework, r.nd, r.notes) == (["conv k4 s2 SAME", "convT k4 s2 SAME"], "keras", 1, ())


def test_a_wrapper_around_no_written_layer_is_noted():
    r, got = _read("nn.Sequential(nn.Conv1d(1, 1, 3), weight_norm(conv))")
    assert got == ["conv k3 s1 VALID"]
    assert r.notes == ("Line 1: weight_norm(conv) — weight_norm wraps no layer written here; left out.",)


@pytest.mark.parametrize("code, nd, total", [
    ("nn.ReflectionPad1d(3)", 1, 6), ("nn.ReflectionPad1d((1, 2))", 1, 3), ("nn.ReplicationPad1d(padding=2)", 1, 4),
    ("nn.ConstantPad1d((0, 5), 0.0)", 1, 5), ("nn.ZeroPad1d(1)", 1, 2), ("nn.CircularPad1d(1)", 1, 2),
    ("nn.ZeroPad2d((1, 1, 2, 0))", 2, 2), ("nn.ReflectionPad2d(2)", 2, 4),
    ("nn.ConstantPad3d((1, 0, 0, 1, 1, 0), 3.5)", 3, 1), ("nn.ReplicationPad3d(1)", 3, 2),
    ("layers.ZeroPadding1D((1, 2))", 1, 3), ("layers.ZeroPadding1D()", 1, 2), ("layers.ZeroPadding2D(((1, 0), (0, 1)))", 2, 1),
    ("layers.ZeroPadding2D((2, 2))", 2, 4), ("layers.ZeroPadding3D(padding=1)", 3, 2),
])
def test_padding_layers_are_the_transposed_conv_that_adds_their_cells(code, nd, total):
    dim = {1: "Conv1d", 2: "Conv2d", 3: "Conv3d"}[nd]
    r, got = _read(f"nn.Sequential(nn.{dim}(1, 1, 1), {code})")
    assert (r.nd, r.notes, got) == (nd, (), ["conv k1 s1 VALID", f"convT k{total + 1} s1 VALID"])
    assert f"pads {total} cell" in r.remarks[1] and f"n → n + {total}" in r.remarks[1]
    assert M.check(r, 10).walk.sizes(M.check(r, 10).chain) == [10, 10, 10 + total]


def test_cropping_is_the_conv_that_takes_its_cells_and_zero_padding_adds_no_layer():
    r, got = _read("keras.Sequential([layers.Conv1D(4, 3), layers.Cropping1D((2, 1)), layers.ZeroPadding1D(0),\n"
                   "  layers.Cropping1D()])")
    assert (got, r.notes) == (["conv k3 s1 VALID", "conv k4 s1 VALID", "conv k3 s1 VALID"], ())
    assert M.check(r, 20).walk.sizes(M.check(r, 20).chain) == [20, 18, 15, 13]


def test_padding_that_differs_per_axis_or_is_too_large_is_noted_not_dropped():
    r, got = _read("nn.Sequential(nn.Conv2d(1, 1, 3),\n  nn.ZeroPad2d((1, 2, 1, 1)),\n  nn.ReflectionPad2d((1, 1)),\n"
                   "  nn.ConstantPad2d(8, 0.0),\n  nn.ZeroPad2d(p))")
    assert got == ["conv k3 s1 VALID"]
    assert [n[:7] for n in r.notes] == ["Line 2:", "Line 3:", "Line 4:", "Line 5:"]
    assert "adds 3 / 2 cells" in r.notes[0] and "every side the same size" in r.notes[0]
    assert "2 values, not the form a 2-D padding takes" in r.notes[1]
    assert "pads 16 cells per axis" in r.notes[2] and "at most 14" in r.notes[2]
    assert "not written as a number" in r.notes[3]
    assert all("left out (the sizes after it may differ)" in n for n in r.notes)


def test_functional_pad_and_pools_in_a_forward_pass():
    r, got = _read("def forward(self, x):\n    x = F.pad(x, (1, 2))\n    x = F.max_pool1d(x, 2)\n"
                   "    x = F.avg_pool1d(x, kernel_size=3, stride=1)\n    x = F.pad(x, (1, 1, 0, 0))\n"
                   "    return torch.nn.functional.pad(x, [0, 4])\n")
    assert got == ["convT k4 s1 VALID", "conv k2 s2 VALID", "conv k3 s1 VALID", "convT k5 s1 VALID"]
    assert r.names == ("F.pad", "MaxPool1d", "AvgPool1d", "F.pad") and r.lines == (2, 3, 4, 6) and r.nd == 1
    assert len(r.notes) == 1 and r.notes[0].startswith("Line 5: F.pad(x, (1, 1, 0, 0))")
    r, got = _read("def forward(self, x):\n    x = self.c(x)\n    return F.pad(x, (0, 1, 0, 1))\n"
                   "def __init__(self):\n    self.c = nn.Conv2d(1, 1, 3)\n")
    assert got == ["conv k3 s1 VALID", "convT k2 s1 VALID"] and r.nd == 2 and not r.notes
    r, got = _read("def forward(self, x):\n    x = self.c(x)\n    return F.pad(x, (0, 1))\n"
                   "def __init__(self):\n    self.c = nn.Conv2d(1, 1, 3)\n")
    assert got == ["conv k3 s1 VALID"] and "adds 1 / 0 cells" in r.notes[0]


def test_a_paste_mixing_dimensions_keeps_the_majority_and_notes_each_other_layer():
    r, got = _read("nn.Sequential(\n    nn.Conv1d(1, 8, 3, padding=1),\n    nn.Conv2d(8, 8, 3),\n"
                   "    nn.ConvTranspose1d(8, 8, 2, stride=2),\n    layers.MaxPooling3D(2),\n)")
    assert r.nd == 1 and got == ["conv k3 s1 SAME", "convT k2 s2 VALID"] and r.lines == (2, 4)
    assert r.notes == (
        "Line 3: nn.Conv2d(8, 8, 3) — Conv2d is a 2-D layer, but this model is read as 1-D (the dimension of most "
        "of its layers); a chain has one dimension, so it was left out (the sizes after it may differ).",
        "Line 5: layers.MaxPooling3D(2) — MaxPooling3D is a 3-D layer, but this model is read as 1-D (the dimension "
        "of most of its layers); a chain has one dimension, so it was left out (the sizes after it may differ).")
    r, got = _read("nn.Sequential(nn.Conv3d(1, 8, 3),\n nn.Conv2d(8, 8, 3))")     # a tie: the first layer's dimension
    assert r.nd == 3 and got == ["conv k3 s1 VALID"] and r.notes[0].startswith("Line 2: nn.Conv2d")
    r, got = _read("nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv3d(1, 1, 3))")  # Upsample has no dimension
    assert r.nd == 3 and not r.notes and len(got) == 2


def test_anisotropic_arguments_are_noted_in_every_dimension():
    r, got = _read("nn.Sequential(nn.Conv3d(1, 1, (3, 3, 5)), nn.Conv1d(1, 1, 3), nn.Conv1d(1, 1, (3,)),\n"
                   "  nn.MaxPool3d((2, 2, 1)), nn.ConvTranspose3d(1, 1, 2, stride=(2, 2, 2)))")
    assert r.nd == 3 and got == ["convT k2 s2 VALID"]
    assert sum("differs per axis" in n for n in r.notes) == 2 and sum("1-D layer" in n for n in r.notes) == 2


@pytest.mark.parametrize("code, want, formula", [
    ("nn.ConvTranspose1d(512, 256, 16, stride=8, padding=4)", "convT k8 s8 VALID", "16 − 2·4 = 8"),
    ("nn.Conv1d(1, 1, 6, stride=2, padding=1)", "conv k4 s2 VALID", "6 − 2·1 = 4"),
    ("nn.Conv1d(1, 1, 3, dilation=3, padding=3)", "conv k1 s1 VALID", "3·(3 − 1) + 1 − 2·3 = 1"),
    ("nn.Conv1d(1, 1, 3, dilation=2)", "conv k5 s1 VALID", "2·(3 − 1) + 1 = 5"),
    ("nn.ConvTranspose1d(1, 1, 4, stride=3, padding=1, output_padding=1)", "convT k3 s3 VALID", "4 − 2·1 + 1 = 3"),
    ("nn.MaxPool1d(5, stride=2, padding=1)", "conv k3 s2 VALID", "5 − 2·1 = 3"),
])
def test_torch_padding_other_than_0_or_half_is_read_as_the_layer_with_the_same_sizes(code, want, formula):
    r, got = _read(f"nn.Sequential({code})")
    assert (got, r.notes) == ([want], ()) and formula in r.remarks[0]


@pytest.mark.parametrize("code, why", [
    ("nn.Conv1d(1, 1, 3, padding=2)", "k − 2·padding = 3 − 2·2 = -1; convt's chain models"),
    ("nn.ConvTranspose1d(1, 1, 40, stride=8, padding=4)", "40 − 2·4 = 32; convt's chain models"),
    ("nn.Conv1d(1, 1, 6, dilation=3)", "dilation·(k − 1) + 1 = 3·(6 − 1) + 1 = 16; convt's chain models"),
    ("nn.ConvTranspose1d(1, 1, 4, stride=2, output_padding=2)", "output_padding=2 is not smaller than the stride 2"),
    ("nn.Conv1d(1, 1, 3, stride=2, padding='same')", "padding='same' with a stride is refused"),
    ("nn.MaxPool1d(2, padding=2)", "more than half its kernel"),
    ("nn.ConvTranspose1d(1, 1, 3, padding='same')", "PyTorch's transposed convs and pools take a number"),
])
def test_torch_layers_the_chain_cannot_express_are_noted(code, why):
    r = M.read(f"nn.Sequential(nn.Conv1d(1, 1, 1), {code})")
    assert len(r.layers) == 1 and len(r.notes) == 1 and why in r.notes[0]


def test_torch_padding_same_keeps_the_length_for_an_even_kernel():
    r, got = _read("nn.Sequential(nn.Conv1d(1, 1, 4, padding='same'), nn.Conv1d(1, 1, 5, padding='same'))")
    assert got == ["conv k1 s1 VALID", "conv k5 s1 SAME"] and not r.notes
    assert M.check(r, 10).walk.sizes(M.check(r, 10).chain) == [10, 10, 10]


def test_the_vocoder_example_reads_to_frames_times_hop():
    r = M.read(M.VOCODER)
    assert (r.framework, r.nd, r.notes) == ("torch", 1, ())
    assert [l.text() for l in r.layers] == ["convT k7 s1 VALID", "conv k7 s1 VALID", "convT k8 s8 VALID",
                                             "convT k4 s4 VALID", "convT k4 s2 SAME", "convT k7 s1 VALID",
                                             "conv k7 s1 VALID"]
    v = M.check(r, 61)
    assert v.breaks_at is None and v.walk.sizes(v.chain) == [61, 67, 61, 488, 1952, 3904, 3910, 3904]


def test_the_3d_unet_example_breaks_at_the_upsampling_skip_on_an_odd_side():
    r = M.read(M.UNET_3D)
    assert (r.framework, r.nd, r.notes) == ("keras", 3, ())
    v = M.check(r, 61)
    assert (v.breaks_at, v.line) == (7, 9) and r.names[6] == "UpSampling3D"
    assert M.check(r, 64).breaks_at is None and "multiples of 4" in M.check(r, 64).solution.summary


# ---- the reader's sizes are what convt.torch_style computes on arrays (1-D and 3-D) -------------

def _torch_run(nd, n, specs):
    """Each layer as written (kernel, stride, padding, dilation, output_padding), run by
    convt.torch_style on an array of ones; padding layers by np.pad. The sizes, and whether it broke."""
    import numpy as np
    from convt import torch_style
    from convt.errors import ShapeError
    fns = {1: (torch_style.conv1d, torch_style.conv_transpose1d), 3: (torch_style.conv3d, torch_style.conv_transpose3d)}
    x, sizes = np.ones((1, 1) + (n,) * nd, np.float32), [n]
    for kind, k, s, p, d, op in specs:
        try:
            if kind == "pad" and k + s == 0:       # adds nothing: the reader keeps no layer for it
                continue
            if kind == "pad":
                x = np.pad(x, [(0, 0), (0, 0)] + [(k, s)] * nd)
            elif kind == "conv":
                x = fns[nd][0](x, np.ones((1, 1) + (k,) * nd, np.float32), stride=s, padding=p, dilation=d)
            else:
                x = fns[nd][1](x, np.ones((1, 1) + (k,) * nd, np.float32), stride=s, padding=p, output_padding=op,
                               dilation=d)
        except ShapeError:
            return sizes, True
        sizes.append(x.shape[-1])
    return sizes, False


TORCH_LAYER = S.tuples(S.sampled_from(["conv", "convT", "pad"]), S.integers(1, 6), S.integers(1, 3), S.integers(0, 3),
                       S.integers(1, 3), S.integers(0, 2))


@settings(max_examples=60, deadline=None)
@given(S.sampled_from([1, 3]), S.integers(1, 6), S.lists(TORCH_LAYER, min_size=1, max_size=3), S.booleans())
def test_random_1d_3d_torch_stacks_read_to_the_sizes_torch_style_computes(nd, n, raw, wrap):
    specs, lines = [], []
    for kind, k, s, p, d, op in raw:
        if kind == "pad":            # (left, right) = (k − 1, s − 1) cells on every axis
            specs.append(("pad", k - 1, s - 1, 0, 1, 0))
            lines.append(f"nn.ConstantPad{nd}d(({', '.join([f'{k - 1}, {s - 1}'] * nd)}), 0.0)")
            continue
        span = d * (k - 1) + 1
        op = op if kind == "convT" and op < max(s, d) else 0
        # keep 1 ≤ e = span − 2p + op ≤ 15: a layer the chain expresses
        p = min(max(p, -(-(span + op - 15) // 2)), (span - 1 + op) // 2)
        specs.append((kind, k, s, p, d, op))
        cls = f"Conv{nd}d" if kind == "conv" else f"ConvTranspose{nd}d"
        extra = f", output_padding={op}" if kind == "convT" else ""
        layer = f"nn.{cls}(1, 1, {k}, stride={s}, padding={p}, dilation={d}{extra})"
        lines.append(f"weight_norm({layer})" if wrap else layer)
    r = M.read("nn.Sequential(\n" + ",\n".join(lines) + ",\n)")
    kept = tuple(2 + j for j, spec in enumerate(specs) if not (spec[0] == "pad" and spec[1] + spec[2] == 0))
    assert r.nd == nd and not r.notes and r.lines == kept
    want, broke = _torch_run(nd, n, specs)
    v = M.check(r, n)
    got = [size for size in v.walk.sizes(v.chain) if size is not None]
    assert got == want and (v.breaks_at is not None) == broke


def test_page_vocoder_paste_walks_sequence_lengths(page):
    at = _box(page).input(M.VOCODER).run()
    assert not at.exception and not at.warning
    assert at.number_input(key="mc_in").label == "Sequence length (frames) for the pasted model"
    assert any(m.value.startswith("Read as a 1-D PyTorch model (sizes are sequence lengths), 7 size-changing")
               for m in at.markdown)
    assert [s.value for s in at.success if "Sequence length" in s.value] == [
        "Sequence length 61: every layer works in PyTorch — 61 → 67 → 61 → 488 → 1952 → 3904 → 3910 → 3904."]
    table = next(t for t in at.table if "how it was read" in t.value.columns)
    assert list(table.value["size"]) == ["67", "61", "488", "1952", "3904", "3910", "3904"]
    assert "16 − 2·4 = 8" in table.value["how it was read"].iloc[2]
    at = at.number_input(key="mc_in").set_value(64).run()
    assert any(e.value.startswith("Sequence length 64 breaks at layer 6 (line 11): the output would have 4102 cells")
               for e in at.error)


def test_page_example_buttons_fill_the_box_and_walk_each_dimension(page):
    at = page.number_input(key="mc_in").set_value(40).run()
    at = at.button(key="mc_example_vocoder").click().run()
    assert _box(at).value == M.VOCODER and at.number_input(key="mc_in").value == 40
    assert any("Sequence length 40: every layer works in PyTorch — 40 → 46 → 40 → 320" in s.value for s in at.success)
    at = at.number_input(key="mc_in").set_value(61).run()
    at = at.button(key="mc_example_volume").click().run()
    assert not at.exception and _box(at).value == M.UNET_3D
    assert at.number_input(key="mc_in").label == "Volume side (depth = height = width) for the pasted model"
    assert any(e.value.startswith("Volume side 61 breaks at layer 7 (line 9): skip connection") for e in at.error)
    assert any("Layer 7 is UpSampling3D, read as the transposed conv" in c.value for c in at.caption)
    box = next(e for e in at.expander if e.label.startswith("Paste your model"))
    assert any("pad the input from 61 to 64" in m.value for m in box.markdown)
    assert [c.value for c in box.code] == []          # the solver writes its fixes' code for 2-D layers only
    at = at.button(key="mc_example_image").click().run()
    assert _box(at).value == M.EXAMPLE
    assert any(m.value.startswith("Read as a 2-D PyTorch model") for m in at.markdown)


REMARKED = """nn.Sequential(
    nn.ReflectionPad1d(3),
    nn.ConstantPad1d((0, 1), 0.0),
    nn.Conv1d(8, 8, 3, dilation=2, padding=1),
    nn.ConvTranspose1d(8, 8, 3, stride=2, padding=1, output_padding=1),
    nn.Conv1d(8, 8, 4, padding='same'),
)"""


@pytest.mark.parametrize("code", [REMARKED, "layers.Cropping1D(2)", "layers.Cropping1D((1, 0))"]
                         + [code for _, code in M.EXAMPLES.values()])
def test_every_remark_on_how_a_layer_was_read_has_chinese(code):
    from lab.i18n import translate
    remarks = [r for r in M.read(code).remarks if r]
    assert code != REMARKED or len(remarks) == 5   # pads of 6 and 1, dilation, output_padding, 'same'
    for remark in remarks:
        zh = translate(remark, "zh")
        assert zh != remark and re.search(r"[\u4e00-\u9fff]", zh), remark
