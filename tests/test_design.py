"""lab.design: every listed layer really produces the target size (checked by running convt's
TF / PyTorch adapters), checkerboard flags are right, and the best designs come first."""
import numpy as np
from hypothesis import given, settings, strategies as st

from convt import tf_style, torch_style
from convt.frameworks import keras
from lab.design import checkerboard_risk, designs
from lab.explorer import Config, analyse
from lab.url_state import from_query


def _check(i, target, d=1):
    found = designs(i, target, d, limit=50)
    x_tf = np.zeros((1, i, i, 1))
    x_pt = np.zeros((1, 1, i, i))
    for dz in found["tf"]:
        w = np.zeros((dz.kernel, dz.kernel, 1, 1))
        y = tf_style.conv2d_transpose(x_tf, w, [1, target, target, 1], dz.stride, dz.padding, dilations=d)
        assert y.shape == (1, target, target, 1)
        assert dz.checkerboard == checkerboard_risk((dz.kernel - 1) * d + 1, dz.stride)
        # the explorer agrees, opened from the design's link
        cfg, notes = from_query(Config, {k: str(v) for k, v in dz.params.items()})
        assert notes == [] and analyse(cfg).dims[0].ok
    for dz in found["keras"]:
        assert keras.output_size(i, dz.kernel, dz.stride, d, dz.padding.lower(), dz.output_padding) == target
        w = np.zeros((dz.kernel, dz.kernel, 1, 1))
        tf_style.conv2d_transpose(x_tf, w, [1, target, target, 1], dz.stride, dz.padding, dilations=d)
        assert dz.output_padding is None or dz.output_padding < dz.stride
    for dz in found["torch"]:
        p = int(dz.padding.split("=")[1])
        w = np.zeros((1, 1, dz.kernel, dz.kernel))
        y = torch_style.conv_transpose2d(x_pt, w, stride=dz.stride, padding=p,
                                         output_padding=dz.output_padding, dilation=d)
        assert y.shape[2:] == (target, target)
        cfg, notes = from_query(Config, {k: str(v) for k, v in dz.params.items()})
        assert notes == [] and analyse(cfg).dims[0].ok
    return found


def test_doubling_25():
    found = _check(25, 50)
    for fw in ("tf", "keras", "torch"):
        assert found[fw], fw
        best = found[fw][0]
        assert best.stride == 2 and not best.checkerboard
    assert any(d.checkerboard for d in designs(25, 50, limit=100)["torch"])


def test_seed_target_97_from_25():
    found = _check(25, 97)
    assert any(d.stride == 4 and d.padding == "SAME" for d in found["tf"])


def test_nothing_for_impossible_targets():
    assert designs(0, 10) == {"tf": [], "keras": [], "torch": []}
    assert designs(5, 0) == {"tf": [], "keras": [], "torch": []}


def test_checkerboard_rule():
    assert checkerboard_risk(3, 2) and not checkerboard_risk(4, 2) and not checkerboard_risk(3, 1)


@settings(max_examples=60, deadline=None)
@given(i=st.integers(1, 12), target=st.integers(1, 40), d=st.integers(1, 2))
def test_every_design_gives_the_target(i, target, d):
    found = _check(i, target, d)
    for fw, items in found.items():
        flags = [x.checkerboard for x in items]
        assert flags == sorted(flags), fw  # designs without checkerboard risk come first


def test_keras_designs_respect_strides_and_dilation():
    assert all(d.stride == 1 for d in designs(5, 13, 2, limit=100)["keras"])
