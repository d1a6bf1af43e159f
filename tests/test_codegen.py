"""lab.codegen: the snippets are valid Python, and running them against stand-ins for
TensorFlow / PyTorch built on convt's adapters (themselves checked against the real frameworks'
golden fixtures) gives exactly the outcome written in the snippet's closing comment."""
import ast
import re
import sys
import types

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import ShapeError, tf_style, torch_style
from lab.codegen import code_for, keras_code, tf_code
from lab.explorer import Config, analyse
from lab.url_state import schema


def _predicted(code):
    """The closing comment: ('shape', text) or ('error', message)."""
    lines = code.rstrip("\n").split("\n")
    if "# predicted error:" in lines:
        start = lines.index("# predicted error:")
        body = [line[4:] for line in lines[start + 1:]]
        return "error", _unwrap(body)
    last = lines[-1]
    assert last.startswith("# predicted: ")
    return "shape", last[len("# predicted: "):]


def _unwrap(parts):
    text = parts[0]
    for part in parts[1:]:
        text += part if text.endswith(("[", "(")) else " " + part
    return text


def _fake_tf():
    tf = types.ModuleType("tensorflow")
    tf.random = types.SimpleNamespace(normal=lambda shape: np.zeros(shape, np.float32))
    tf.nn = types.SimpleNamespace(conv2d_transpose=lambda x, f, output_shape, strides, padding, dilations=None:
                                  tf_style.conv2d_transpose(x, f, list(output_shape), strides, padding,
                                                            dilations=dilations))
    tf.TensorSpec = lambda shape: shape
    tf.function = lambda input_signature=None: (lambda fn: fn)
    tf.stack = lambda values: [int(v) for v in values]
    return tf


def _fake_torch():
    torch = types.ModuleType("torch")

    class ConvTranspose2d:
        def __init__(self, cin, cout, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
            self.weight = np.zeros((cin, cout, kernel_size, kernel_size), np.float32)
            self.kw = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)

        def __call__(self, x, output_size=None):
            return torch_style.conv_transpose2d(x, self.weight, output_size=output_size, **self.kw)

    torch.randn = lambda *shape: np.zeros(shape, np.float32)
    torch.nn = types.SimpleNamespace(ConvTranspose2d=ConvTranspose2d)
    return torch


def _run(code, fake_modules):
    """Execute a snippet with stand-in modules; ('shape', shape) or ('error', ShapeError text)."""
    saved = {name: sys.modules.get(name) for name in fake_modules}
    sys.modules.update(fake_modules)
    printed = []
    try:
        exec(compile(code, "<snippet>", "exec"), {"print": printed.append})
        return "shape", tuple(int(v) for v in printed[-1])
    except ShapeError as err:
        return "error", err.framework_message
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def test_seed_snippets():
    code = code_for(Config())
    assert "output_shape=[3, 97, 97, 10], strides=3" in code["tf"]
    kind, text = _predicted(code["tf"])
    assert kind == "error" and "actual = 25, computed = 33 spatial_dim: 1 input: 97" in text
    assert "TF_ENABLE_ONEDNN_OPTS" in code["tf"]
    assert _predicted(code["torch"])[1].endswith("(for an input of torch.Size([25, 25]))")
    assert "ConvTranspose2d(20, 10, kernel_size=3, stride=3, padding=1)" in code["torch"]


def test_dynamic_snippet_uses_a_tensor_output_shape():
    code = tf_code(Config(dynamic=True))
    assert "tf.function" in code and "tf.stack" in code and "None, None, None, 20" in code


configs = st.builds(
    Config, in_h=st.integers(1, 7), in_w=st.sampled_from([0, 3]), kernel=st.integers(1, 4),
    stride=st.integers(1, 4), padding=st.sampled_from(["SAME", "VALID", "EXPLICIT"]),
    pad_before=st.integers(0, 2), pad_after=st.integers(0, 2), dilation=st.just(1),
    framework=st.sampled_from(["tf", "keras", "torch"]), out_h=st.integers(1, 30),
    out_w=st.sampled_from([0, 9]), output_padding=st.one_of(st.none(), st.integers(0, 4)),
    torch_request=st.sampled_from(["size", "padding"]), dynamic=st.booleans(),
    batch=st.integers(1, 2), out_batch=st.integers(1, 2), channels=st.sampled_from([2, 3]),
    filter_in=st.sampled_from([2, 3]), filter_out=st.sampled_from([2, 4]), out_channels=st.sampled_from([2, 3, 4]))


@settings(max_examples=150, deadline=None)
@given(configs)
def test_snippets_parse_and_do_what_they_say(cfg):
    a = analyse(cfg)
    code = code_for(cfg, a)
    for snippet in code.values():
        ast.parse(snippet)
    kind, text = _run(code["tf"], {"tensorflow": _fake_tf()})
    want_kind, want = _predicted(code["tf"])
    assert kind == want_kind, (cfg, text, want)
    if kind == "error":
        assert want == "InvalidArgumentError: " + text
    else:
        assert want == "(" + ", ".join(str(v) for v in text) + ")"
    if cfg.framework == "torch" and cfg.padding == "EXPLICIT" and cfg.pad_before != cfg.pad_after:
        return
    kind, text = _run(code["torch"], {"torch": _fake_torch()})
    want_kind, want = _predicted(code["torch"])
    assert kind == want_kind, (cfg, text, want)
    if kind == "error":
        assert re.sub(r"^\w+Error: ", "", want) == text
    else:
        assert want == f"torch.Size([{', '.join(str(v) for v in text)}])"


def test_keras_snippet_outcomes():
    code = keras_code(Config(framework="keras", kernel=2, stride=2, output_padding=0))
    kind, text = _predicted(code)
    assert kind == "error" and "actual = 25, computed = 24" in text
    assert _predicted(keras_code(Config(framework="keras")))[1] == "(3, 75, 75, 10)"
    assert "explicit padding" in keras_code(Config(framework="keras", padding="EXPLICIT"))


@pytest.mark.parametrize("key", list(schema(Config)))
def test_every_parameter_reaches_some_snippet_or_is_display_only(key):
    base = Config()
    other = {"in": 30, "inw": 31, "k": 5, "s": 2, "pad": "VALID", "pb": 1, "pa": 2, "d": 2, "fw": "torch",
             "out": 60, "outw": 61, "op": 1, "req": "padding", "dyn": True, "b": 4, "ob": 5, "c": 6,
             "fi": 7, "fo": 8, "oc": 9, "jcp": True, "lower": True, "nd": 3, "ind": 4, "outd": 5}[key]
    if key in ("ind", "outd"):   # the depth: only in 3-D
        base = base.with_changes({"nd": 3})
    if key == "jcp":   # JAX's own padding reading: only when JAX is the framework and the pads are explicit
        base = base.with_changes({"fw": "jax", "pad": "EXPLICIT", "pb": 1})
    changed = base.with_changes({key: other})
    if key in ("pb", "pa"):
        changed = changed.with_changes({"pad": "EXPLICIT"})
    if key in ("op", "req"):
        changed = changed.with_changes({"fw": "torch", "req": "padding"})
    if key == "fw":
        return  # the same request in every framework: only which row is "your case" changes
    assert code_for(changed) != code_for(base), key
