"""lab.explorer: verdicts, messages and fixes of the shape explorer, checked against the
framework_rules.md worked examples, the golden fixtures (real TF 2.21 / Keras 3.15 / torch 2.13)
and convt's own adapters."""
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import ShapeError, tf_style, torch_style
from convt.frameworks import tensorflow
from lab.examples import seed_examples
from convt.explain import explain
from lab.explorer import Config, analyse, keras_row, requested_sizes, tf_error, torch_row
from lab.url_state import from_query, from_values, schema, to_query
from ui.links import config_params, explorer_link

GOLDEN = Path(__file__).parent / "golden"


def _strip(msg):
    return msg.split(": ", 1)[1] if msg and msg.split(": ", 1)[0].endswith(("Error",)) else msg


# --- the seed --------------------------------------------------------------------------------

def test_seed_default_is_the_seed_failure():
    a = analyse(Config())
    assert not a.ok
    assert "actual = 25, computed = 33" in a.primary_message
    assert a.dims[0].valid == [73, 74, 75]
    assert "ceil(97 / 3) = 33 ≠ 25" in a.headline
    assert len(a.dims) == 1  # square: one number line
    texts = {r.framework + " | " + (r.message or "") for r in a.rows}
    assert any("Shapes (3, 33, 33, 20) and (3, 25, 25, 20) are not compatible" in t for t in texts)
    assert any("Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: actual = 25, "
               "computed = 33" in t and t.endswith("computed = 33") for t in texts)
    assert any(tensorflow.ONEDNN_TEXT in t for t in texts)
    assert any("valid sizes range from [73, 73] to [75, 75]" in t for t in texts)
    assert any(config_params(f.changes) == {"out": 75} for f in a.fixes)
    assert any(config_params(f.changes) == {"s": 4} for f in a.fixes)


def test_seed_from_url():
    cfg, notes = from_query(Config, {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97"})
    assert notes == [] and cfg == Config()


def test_every_fix_makes_the_primary_framework_accept():
    for cfg in [Config(), Config(padding="VALID"), Config(framework="torch"),
                Config(framework="keras", kernel=2, stride=2, output_padding=0),
                Config(in_w=10, out_w=40), Config(framework="torch", torch_request="padding", output_padding=5),
                Config(out_batch=2, out_channels=7, channels=5)]:
        a = analyse(cfg)
        assert not a.ok
        assert a.fixes, cfg
        size_fixes = [f for f in a.fixes if set(config_params(f.changes)) & {"out", "outw", "op", "s", "pad", "in", "inw"}]
        for fix in a.fixes:
            fixed = analyse(cfg.with_changes(config_params(fix.changes)))
            # a fix repairs its own problem: the dimension / argument it targets
            if config_params(fix.changes).keys() <= {"ob", "oc", "fi", "d"}:
                continue
            bad_dims = [d for d in fixed.dims if not d.ok]
            if size_fixes and not (cfg.out_batch != cfg.batch):
                assert len(bad_dims) < len([d for d in a.dims if not d.ok]) or fixed.ok, (cfg, fix)


def test_static_vs_dynamic_timing():
    static, dynamic = analyse(Config()), analyse(Config(dynamic=True))
    assert "building the graph" in static.timing and "Session.run" in dynamic.timing
    tf1_static = [r for r in static.rows if r.framework == "TensorFlow 1.x" and r.applies]
    tf1_dynamic = [r for r in dynamic.rows if r.framework == "TensorFlow 1.x" and r.applies]
    assert tf1_static[0].message.startswith("ValueError: Shapes")
    assert tf1_dynamic[0].message.startswith("InvalidArgumentError: Conv2DSlowBackpropInput")


def test_channel_and_batch_texts():
    a = analyse(Config(out_batch=2))
    assert "Input batch: 2, outbackprop batch: 3, batch_dim: 0" in a.primary_message
    a = analyse(Config(out=75 if False else 97, out_channels=7) if False else Config(out_h=75, out_channels=7))
    assert a.primary_message.endswith("input depth must be evenly divisible by filter depth")
    onednn = [r for r in a.rows if "oneDNN" in r.framework][0]
    assert onednn.message.endswith("input depth must be evenly divisible by filter depth: 7 vs 10")
    a = analyse(Config(out_h=75, channels=5))
    assert a.primary_message.endswith("filter and out_backprop must have the same out_depth")
    traced = [r for r in a.rows if "tf.function" in r.framework][0]
    assert "Dimensions must be equal, but are 5 and 20" in traced.message
    a = analyse(Config(out_h=75, out_channels=20))
    assert "Computed input depth 20 doesn't match filter input depth 10" in a.primary_message
    assert [r for r in a.rows if "oneDNN" in r.framework][0].message is None  # oneDNN runs it grouped


# --- framework_rules.md §6 worked examples -------------------------------------------------------

WORKED = [  # i, k, s, d, TF SAME, TF VALID, Keras same op=None, Keras valid op=None, torch p=0 (op range)
    (3, 2, 2, 1, [5, 6], [6, 7], 6, 6, [6, 7]),
    (3, 3, 2, 1, [5, 6], [7, 8], 6, 7, [7, 8]),
    (3, 4, 2, 1, [5, 6], [8, 9], 6, 8, [8, 9]),
    (4, 3, 2, 1, [7, 8], [9, 10], 8, 9, [9, 10]),
    (5, 3, 1, 1, [5], [7], 5, 7, [7]),
    (25, 3, 3, 1, [73, 74, 75], [75, 76, 77], 75, 75, [75, 76, 77]),
    (25, 3, 4, 1, [97, 98, 99, 100], [99, 100, 101, 102], 100, 100, [99, 100, 101, 102]),
    (4, 1, 3, 1, [10, 11, 12], [10, 11, 12], 12, 12, [10, 11, 12]),
    (4, 5, 2, 1, [7, 8], [11, 12], 8, 11, [11, 12]),
    (4, 3, 1, 2, [4], [8], 4, 8, [8, 9]),
    (18, 11, 16, 1, list(range(273, 289)), list(range(283, 299)), 288, 288, list(range(283, 299))),
]


@pytest.mark.parametrize("i,k,s,d,same,valid,ks,kv,torch_ops", WORKED)
def test_worked_examples(i, k, s, d, same, valid, ks, kv, torch_ops):
    for pad, want in (("SAME", same), ("VALID", valid)):
        dim = analyse(Config(in_h=i, kernel=k, stride=s, dilation=d, padding=pad, out_h=want[0])).dims[0]
        assert dim.valid == want and dim.ok
        assert all(c.accepted == (c.size in want) for c in dim.candidates)
    for pad, want in (("SAME", ks), ("VALID", kv)):
        assert requested_sizes(Config(framework="keras", in_h=i, kernel=k, stride=s, dilation=d,
                                      padding=pad, output_padding=None)) == (want, want)
    cfg = Config(framework="torch", torch_request="padding", in_h=i, kernel=k, stride=s, dilation=d,
                 padding="VALID", output_padding=0)
    assert analyse(cfg).dims[0].valid == torch_ops


def test_keras_even_kernel_same_pitfall():
    a = analyse(Config(framework="keras", in_h=25, kernel=2, stride=2, output_padding=0))
    assert not a.ok
    assert a.primary_message.endswith("actual = 25, computed = 24 spatial_dim: 1 input: 48 filter: 2 "
                                      "output: 25 stride: 2 dilation: 1")


# --- golden fixtures (real frameworks) --------------------------------------------------------

def _pair(v):
    if v is None:
        return (1, 1)
    if isinstance(v, int):
        return (v, v)
    if len(v) == 1:
        return (v[0], v[0])
    if len(v) == 2:
        return tuple(v)
    if len(v) == 4:
        return (v[1], v[2]) if v[0] == 1 and v[3] == 1 else None
    return None


def _tf_case_config(case):
    if case["fn"] != "conv2d_transpose":
        return None
    args = case["args"]
    x, w = case["x_shape"], case["w_shape"]
    if args.get("data_format", "NHWC") != "NHWC" or len(x) != 4 or len(w) != 4 or w[0] != w[1]:
        return None
    strides, dil = _pair(args.get("strides")), _pair(args.get("dilations"))
    if not strides or not dil or strides[0] != strides[1] or dil[0] != dil[1] or min(strides + dil) < 1:
        return None
    pad = args.get("padding", "SAME")
    pb = pa = 0
    if isinstance(pad, list):
        if (len(pad) != 4 or any(len(p) != 2 for p in pad) or pad[0] != [0, 0] or pad[3] != [0, 0]
                or pad[1] != pad[2]):
            return None
        pb, pa = pad[1]
        pad = "EXPLICIT"
    elif pad not in ("SAME", "VALID"):
        return None
    out = args["output_shape"]
    if len(out) not in (2, 4) or min(out) < 0:
        return None
    if len(out) == 2:
        out = [x[0], out[0], out[1], w[2]]
    if min(x) < 1 or min(w) < 1 or min(out[1:3]) < 1:
        return None
    return Config(in_h=x[1], in_w=x[2], kernel=w[0], stride=strides[0], padding=pad, pad_before=pb,
                  pad_after=pa, dilation=dil[0], out_h=out[1], out_w=out[2], batch=x[0],
                  out_batch=out[0], channels=x[3], filter_in=w[3], filter_out=w[2], out_channels=out[3])


def _tf_cases():
    data = json.loads((GOLDEN / "tf_cases.json").read_text())
    return [(c, cfg) for c in data["cases"] if (cfg := _tf_case_config(c)) is not None]


@pytest.mark.skipif(not (GOLDEN / "tf_cases.json").exists(), reason="no TF fixtures")
def test_tf_messages_match_real_tensorflow():
    cases = _tf_cases()
    assert len(cases) >= 40
    for case, cfg in cases:
        got = tf_error(cfg, cfg.requested_tf)
        if case["ok"]:
            assert got is None, case["id"]
        else:
            assert got == case["error"]["core"], (case["id"], got, case["error"]["core"])
        onednn = case.get("onednn")
        if onednn is not None:
            row = [r for r in analyse(cfg).rows if "oneDNN" in r.framework][0]
            if onednn["ok"]:
                assert row.message is None, case["id"]
            else:
                assert _strip(row.message) == onednn["error"]["core"], (case["id"], row.message)


@pytest.mark.skipif(not (GOLDEN / "keras_cases.json").exists(), reason="no Keras fixtures")
def test_keras_rows_match_real_keras():
    data = json.loads((GOLDEN / "keras_cases.json").read_text())
    checked = 0
    for case in data["cases"]:
        if case["padding"] not in ("same", "valid"):
            continue
        cfg = Config(framework="keras", in_h=case["i"], kernel=case["k"], stride=case["s"],
                     dilation=case["d"], padding=case["padding"].upper(),
                     output_padding=case["output_padding"])
        row = keras_row(cfg, requested_sizes(cfg), True)
        if not case["constructed"]:
            assert row.message and _strip(row.message) == case["error"]["message"], case["id"]
        elif case["ran"]:
            assert row.message is None and row.outcome.endswith(
                f"{case['run_shape'][1]} × {case['run_shape'][2]}"), case["id"]
        else:
            assert row.message and _strip(row.message) in case["run_error"]["core"], case["id"]
        checked += 1
    assert checked >= 30


def _torch_case_config(case):
    if case["fn"] != "conv_transpose2d":
        return None
    a = case["args"]
    x, w = case["x_shape"], case["w_shape"]
    if len(x) != 4 or len(w) != 4 or w[2] != w[3] or a.get("groups", 1) != 1:
        return None
    s, p, d = _pair(a.get("stride", 1)), _pair(a.get("padding", 0)), _pair(a.get("dilation", 1))
    op = _pair(a.get("output_padding", 0))
    if not all(v and v[0] == v[1] for v in (s, p, d, op)) or min(s + d) < 1 or min(p) < 0:
        return None
    if x[1] != w[0] or min(x) < 1:
        return None
    if case.get("b_shape") not in (None, [w[1]]):
        return None  # the explorer has no bias
    base = dict(framework="torch", in_h=x[2], in_w=x[3], kernel=w[2], stride=s[0], padding="EXPLICIT",
                pad_before=p[0], pad_after=p[0], dilation=d[0], batch=x[0], channels=x[1],
                filter_in=w[0], filter_out=w[1])
    if "output_size" in a:
        size = a["output_size"][-2:]
        if op != (0, 0) or len(a["output_size"]) not in (2, 4):
            return None
        return Config(**base, torch_request="size", out_h=size[0], out_w=size[1])
    return Config(**base, torch_request="padding", output_padding=op[0])


@pytest.mark.skipif(not (GOLDEN / "torch_cases.json").exists(), reason="no torch fixtures")
def test_torch_rows_match_real_pytorch():
    data = json.loads((GOLDEN / "torch_cases.json").read_text())
    checked = 0
    for case in data["cases"]:
        cfg = _torch_case_config(case)
        if cfg is None:
            continue
        sizes = requested_sizes(cfg)
        if cfg.torch_request == "size" and isinstance(case["args"]["output_size"], tuple):
            continue
        row = torch_row(cfg, sizes, True)
        if case["ok"]:
            assert row.message is None, (case["id"], row.message)
            assert row.outcome.endswith(f"{case['shape'][2]} × {case['shape'][3]}"), case["id"]
        else:
            want = case["error"]["message"]
            if "output size" in want and "requested" in want and "[" not in want.split("requested an output size of ")[1][:1]:
                continue  # a tuple request prints as a tuple; the explorer always asks with a list
            assert row.message is not None and _strip(row.message) == want, (case["id"], row.message, want)
        checked += 1
    assert checked >= 8  # most torch fixtures are non-square; torch_style covers those


# --- agreement with convt's own adapters -------------------------------------------------------

small = st.integers(1, 6)


@settings(max_examples=120, deadline=None)
@given(i=small, k=st.integers(1, 4), s=st.integers(1, 4), pad=st.sampled_from(["SAME", "VALID", "EXPLICIT"]),
       pb=st.integers(0, 2), pa=st.integers(0, 2), n=st.integers(1, 26), ob=st.integers(1, 2),
       oc=st.sampled_from([2, 3, 4]), c=st.sampled_from([2, 3]))
def test_tf_verdicts_agree_with_tf_style(i, k, s, pad, pb, pa, n, ob, oc, c):
    cfg = Config(in_h=i, kernel=k, stride=s, padding=pad, pad_before=pb, pad_after=pa, out_h=n,
                 batch=1, out_batch=ob, channels=c, filter_in=2, filter_out=2, out_channels=oc)
    x = np.zeros((1, i, i, c), np.float64)
    w = np.zeros((k, k, 2, 2), np.float64)
    padding = [[0, 0], [pb, pa], [pb, pa], [0, 0]] if pad == "EXPLICIT" else pad
    predicted = tf_error(cfg, cfg.requested_tf)
    try:
        tf_style.conv2d_transpose(x, w, [ob, n, n, oc], s, padding)
        actual = None
    except ShapeError as err:
        actual = err.framework_message
    assert predicted == actual


@settings(max_examples=120, deadline=None)
@given(i=small, k=st.integers(1, 4), s=st.integers(1, 4), p=st.integers(0, 2), d=st.integers(1, 2),
       n=st.integers(1, 26), op=st.integers(0, 4), by_size=st.booleans())
def test_torch_verdicts_agree_with_torch_style(i, k, s, p, d, n, op, by_size):
    cfg = Config(framework="torch", in_h=i, kernel=k, stride=s, padding="EXPLICIT", pad_before=p,
                 pad_after=p, dilation=d, out_h=n, torch_request="size" if by_size else "padding",
                 output_padding=op, batch=1, channels=1, filter_in=1, filter_out=1)
    row = torch_row(cfg, requested_sizes(cfg), True)
    x = np.zeros((1, 1, i, i))
    w = np.zeros((1, 1, k, k))
    try:
        if by_size:
            y = torch_style.conv_transpose2d(x, w, stride=s, padding=p, dilation=d, output_size=[n, n])
        else:
            y = torch_style.conv_transpose2d(x, w, stride=s, padding=p, dilation=d, output_padding=op)
        actual = None
    except ShapeError as err:
        actual = err.framework_message
        y = None
    if actual is None:
        assert row.message is None and row.outcome.endswith(f"{y.shape[2]} × {y.shape[3]}")
    else:
        assert row.message is not None and _strip(row.message) == actual


# --- URL round trip and decoder links ------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({name: (st.sampled_from(p.choices) if p.choices else
                                     st.booleans() if p.type is bool else
                                     st.one_of(st.none(), st.integers(int(p.min), int(p.max))) if p.nullable else
                                     st.integers(int(p.min), int(p.max)))
                              for name, p in schema(Config).items()}))
def test_config_url_round_trip_and_never_raises(values):
    cfg = from_values(Config, values)
    back, notes = from_query(Config, to_query(cfg))
    assert notes == [] and back == cfg
    a = analyse(cfg)
    assert a.headline and a.rows is not None


def test_decoder_links_reproduce_the_seed_messages():
    for label, message in seed_examples():
        params = explorer_link(explain(message))
        cfg, notes = from_query(Config, params)
        assert notes == [], label
        if "actual = 25, computed = 33 spatial_dim" in message:
            assert analyse(cfg).primary_message.endswith(message.split(": ", 1)[1])
        if message.startswith("ValueError: requested an output size"):
            assert _strip(analyse(cfg).primary_message) == _strip(message)
