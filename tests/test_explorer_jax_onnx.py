"""The explorer's JAX and ONNX rows say what convt.jax_style / convt.onnx_style do on the same shapes
(which replay real JAX 0.10.2 and onnxruntime 1.32.0), on random configurations; nothing raises."""
import ast

import numpy as np
from hypothesis import given, settings, strategies as st

from convt import ShapeError, jax_style, onnx_style
from lab.codegen import code_for
from lab.explorer import JAX_ROW, ONNX_ROW, Config, analyse, jax_row, onnx_attributes, requested_sizes

configs = st.builds(
    Config, in_h=st.integers(1, 6), in_w=st.sampled_from([0, 4]), kernel=st.integers(1, 4), stride=st.integers(1, 3),
    padding=st.sampled_from(["SAME", "VALID", "EXPLICIT"]), pad_before=st.integers(0, 3), pad_after=st.integers(0, 3),
    dilation=st.integers(1, 2), framework=st.sampled_from(["tf", "torch", "jax", "onnx"]), out_h=st.integers(1, 25),
    out_w=st.sampled_from([0, 9]), output_padding=st.one_of(st.none(), st.integers(0, 4)),
    torch_request=st.sampled_from(["size", "padding"]), jax_consistent=st.booleans(), onnx_lower=st.booleans(),
    batch=st.just(1), out_batch=st.just(1), channels=st.sampled_from([1, 2]), filter_in=st.sampled_from([1, 2]),
    filter_out=st.just(2), out_channels=st.just(2))


def _row(a, name):
    return next(r for r in a.rows if r.framework == name)


@settings(max_examples=150, deadline=None)
@given(configs)
def test_jax_and_onnx_rows_agree_with_the_adapters(cfg):
    a = analyse(cfg)
    for snippet in code_for(cfg, a).values():
        ast.parse(snippet)
    sizes = requested_sizes(cfg) or cfg.requested_tf
    x_nchw = np.ones((1, cfg.channels, cfg.in_h, cfg.width))
    w = np.ones((cfg.filter_in, cfg.filter_out, cfg.kernel, cfg.kernel))
    row = _row(a, ONNX_ROW)
    request = None if cfg.framework == "onnx" and not cfg.by_size else sizes
    try:
        y = onnx_style.conv_transpose(x_nchw, w, **onnx_attributes(cfg, request))
        assert row.message is None and row.outcome.startswith(f"works: output {y.shape[2]} × {y.shape[3]}")
    except ShapeError as err:
        assert row.message is not None and err.framework_message in row.message
    row = _row(a, JAX_ROW)
    assert row == jax_row(cfg, sizes, cfg.framework == "jax")
    if cfg.framework == "jax":
        padding = cfg.tf_padding if isinstance(cfg.tf_padding, str) else [cfg.tf_padding] * 2
        try:
            y = jax_style.conv_transpose(x_nchw.transpose(0, 2, 3, 1), w.transpose(2, 3, 0, 1), [cfg.stride] * 2,
                                         padding, [cfg.dilation] * 2, use_consistent_padding=cfg.jax_consistent)
            assert row.message is None and f"output {y.shape[1]} × {y.shape[2]}" in row.outcome
        except ShapeError as err:
            assert row.message == "ValueError: " + err.framework_message
