"""The explorer's 1-D / 3-D verdicts against the library: for random configurations, each
framework row says "works" exactly when convt.tf_style / torch_style run on arrays of those
shapes, and prints exactly the text they raise."""
from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convt import tf_style, torch_style
from convt.errors import ShapeError
from convt.frameworks import tensorflow
from lab import explorer
from lab.explorer import Config


@st.composite
def configs(draw):
    nd = draw(st.sampled_from([1, 3]))
    small = 4 if nd == 3 else 9
    cfg = Config(nd=nd, in_h=draw(st.integers(1, small)), kernel=draw(st.integers(1, 4)),
                 stride=draw(st.integers(1, 3)), padding=draw(st.sampled_from(explorer.PADDINGS)),
                 pad_before=draw(st.integers(0, 2)), dilation=draw(st.sampled_from([1, 1, 2])),
                 framework=draw(st.sampled_from(["tf", "keras", "torch"])),
                 out_h=draw(st.integers(1, 3 * small + 4)), batch=draw(st.integers(1, 2)),
                 out_batch=draw(st.integers(1, 2)), channels=draw(st.integers(1, 2)),
                 filter_in=draw(st.integers(1, 2)), filter_out=draw(st.integers(1, 2)),
                 out_channels=draw(st.integers(1, 2)),
                 torch_request=draw(st.sampled_from(explorer.TORCH_REQUESTS)),
                 output_padding=draw(st.one_of(st.none(), st.integers(0, 3))))
    if nd == 3 and draw(st.booleans()):
        cfg = replace(cfg, in_d=draw(st.integers(1, small)), out_d=draw(st.integers(1, 3 * small + 4)))
    return replace(cfg, pad_after=cfg.pad_before)


def _row_and_sizes(cfg, name):
    """The explorer's row ``name`` for ``cfg`` and the sizes it was asked for."""
    a = explorer.analyse(cfg)
    return next(r for r in a.rows if r.framework == name), a.requested if a.requested is not None else cfg.requested_tf


def _outcome(call):
    try:
        return tuple(call().shape), None
    except ShapeError as err:
        return None, err.framework_message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configs())
def test_tf_row_is_what_tf_style_does(cfg):
    row, sizes = _row_and_sizes(cfg, "TensorFlow 2.x")
    _, (x, w, out, s, padding, d) = explorer.tf_nd_call(cfg, sizes)
    op = tf_style.conv1d_transpose if cfg.nd == 1 else tf_style.conv3d_transpose
    shape, error = _outcome(lambda: op(np.ones(x, np.float32), np.ones(w, np.float32), out, s, padding,
                                       dilations=d))
    if d > 1:   # convt computes dilations TF's CPU kernel refuses: only the wrappers' checks come first
        refusal = tensorflow.DILATION_UNSUPPORTED if cfg.nd == 1 else tensorflow.DILATION_UNSUPPORTED_3D
        assert row.message.endswith(": " + refusal) or row.message.endswith(": " + str(error)), (cfg, row)
        return
    if error is None:
        assert row.message is None and shape == tuple(out), (cfg, row)
    else:
        assert row.message is not None and row.message.endswith(": " + error), (cfg, row, error)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configs())
def test_torch_row_is_what_torch_style_does(cfg):
    row, sizes = _row_and_sizes(cfg, "PyTorch")
    x = np.ones((cfg.batch, cfg.channels, *cfg.inputs), np.float32)
    w = np.ones((cfg.filter_in, cfg.filter_out) + (cfg.kernel,) * cfg.nd, np.float32)
    op = torch_style.conv_transpose1d if cfg.nd == 1 else torch_style.conv_transpose3d
    by_padding = cfg.framework == "torch" and cfg.torch_request == "padding"
    kwargs = dict(output_padding=cfg.torch_op) if by_padding else dict(output_size=list(sizes))
    shape, error = _outcome(lambda: op(x, w, stride=cfg.stride, padding=cfg.torch_padding,
                                       dilation=cfg.dilation, **kwargs))
    if error is None:
        assert row.message is None and row.outcome == f"works: output {' × '.join(map(str, shape[2:]))}"
    else:
        assert row.message is not None and row.message.endswith(": " + error), (cfg, row, error)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configs())
def test_keras_row_works_only_where_tf_style_runs_its_size(cfg):
    a = explorer.analyse(replace(cfg, framework="keras"))
    row = next(r for r in a.rows if r.framework == "Keras 3 (TF backend)")
    if row.message is not None or a.requested is None or cfg.dilation > 1:
        return
    kcfg = replace(a.config, out_batch=cfg.batch, out_channels=cfg.filter_out)
    _, (x, w, out, s, padding, d) = explorer.tf_nd_call(kcfg, a.requested)
    op = tf_style.conv1d_transpose if cfg.nd == 1 else tf_style.conv3d_transpose
    shape, error = _outcome(lambda: op(np.ones(x, np.float32), np.ones(w, np.float32), out, s, padding))
    assert error is None and shape == tuple(out)
