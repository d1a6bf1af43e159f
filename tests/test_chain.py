"""Encoder–decoder chains: every verdict against the adapters' own behaviour.

For TensorFlow and PyTorch each layer is run through ``convt.tf_style`` / ``convt.torch_style`` on
zero arrays: where the chain says a layer works, the adapter gives the same size; where the chain
quotes a framework message, the adapter raises ``ShapeError`` with exactly that text; skip-connection
breaks are checked against the sizes the adapters produce. Keras (no adapter) is checked against a
brute-force search over ``output_padding``. Presets and fixes are checked too.
"""
import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from lab import chain as C
from lab.url_state import from_query, to_query
from convt import tf_style, torch_style
from convt.arithmetic import windowed_output
from convt.frameworks import keras, tensorflow
from convt.errors import ShapeError

SETTINGS = settings(max_examples=80, deadline=None)


def _strip(message):
    """Walk messages may carry the exception class ("ValueError: …"); adapters' do not."""
    for prefix in ("ValueError: ", "RuntimeError: ", "InvalidArgumentError: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def run_adapter(fw, n, layer):
    """(size, None) from the adapter, or (None, framework_message) when it raises ShapeError."""
    k, s = layer.kernel, layer.stride
    try:
        if fw == "tf":
            if layer.kind == "conv":
                y = tf_style.conv2d(np.zeros((1, n, n, 1)), np.zeros((k, k, 1, 1)), s, layer.padding)
            else:
                out = layer.out if layer.out is not None else C.default_transpose_size("tf", n, layer)
                y = tf_style.conv2d_transpose(np.zeros((1, n, n, 1)), np.zeros((k, k, 1, 1)),
                                              [1, out, out, 1], s, layer.padding)
            return y.shape[1], None
        p = 0 if layer.padding == "VALID" else (k - 1) // 2   # PyTorch has no strided 'same'
        if layer.kind == "conv":
            y = torch_style.conv2d(np.zeros((1, 1, n, n)), np.zeros((1, 1, k, k)), stride=s, padding=p)
        else:
            size = None if layer.out is None else [layer.out, layer.out]
            y = torch_style.conv_transpose2d(np.zeros((1, 1, n, n)), np.zeros((1, 1, k, k)), stride=s,
                                             padding=p, output_size=size)
        return y.shape[2], None
    except ShapeError as err:
        return None, err.framework_message


def keras_reference(i, layer):
    """Keras by brute force: the size it gives, or None when no output_padding (None included:
    Keras's own default size) reaches `out`."""
    if layer.kind == "conv":
        return None  # same arithmetic as TF, covered there
    k, s = layer.kernel, layer.stride
    if layer.out is None:
        return keras.output_size(i, k, s, 1, layer.padding, None)
    reachable = {keras.output_size(i, k, s, 1, layer.padding, op) for op in [None, *range(s)]}
    if layer.out in reachable and layer.out in tensorflow.valid_output_sizes(i, k, s, 1, layer.padding):
        return layer.out
    return None


layers_st = st.builds(
    C.Layer,
    kind=st.sampled_from(C.KINDS),
    kernel=st.integers(1, 5),
    stride=st.integers(1, 4),
    padding=st.sampled_from(["SAME", "VALID"]),
)


@st.composite
def chains(draw):
    n = draw(st.integers(1, 40))
    layers = []
    for t in range(draw(st.integers(1, 4))):
        layer = draw(layers_st)
        if layer.kind == "convT" and draw(st.booleans()):
            layer = C.Layer(layer.kind, layer.kernel, layer.stride, layer.padding, out=draw(st.integers(1, 90)))
        if draw(st.integers(0, 3)) == 0:
            layer = C.Layer(layer.kind, layer.kernel, layer.stride, layer.padding, layer.out,
                            skip=draw(st.integers(0, t)))
        layers.append(layer)
    return C.Chain(n, tuple(layers))


@SETTINGS
@given(chains(), st.sampled_from(["tf", "torch"]))
def test_walk_agrees_with_the_adapters(chain, fw):
    w = C.walk(chain, fw, with_fixes=False)
    sizes = [chain.input]
    for t, (layer, step) in enumerate(zip(chain.layers, w.steps)):
        size, message = run_adapter(fw, sizes[-1], layer)
        if not step.breaks:
            assert message is None, (t, message)
            assert size == step.size
            assert layer.skip is None or size == sizes[layer.skip]
            sizes.append(size)
            continue
        if step.message is not None:          # the chain quotes the framework: the adapter must raise it
            assert message is not None
            assert _strip(step.message) == message
        elif "skip connection" in step.problem:
            assert message is None and size != sizes[layer.skip]
        elif "cap" in step.problem:
            assert message is None and size > C.MAX_SIZE
        else:                                 # a conv/convT with an empty output and no framework text
            assert message is None and size is not None and size < 1
        assert all(s.size is None and not s.breaks for s in w.steps[t + 1:])
        break


@SETTINGS
@given(chains())
@example(chain=C.Chain(input=4, layers=(C.Layer("convT", kernel=2, stride=2, padding="SAME", out=8),)))
def test_keras_walk_agrees_with_brute_force(chain):
    w = C.walk(chain, "keras", with_fixes=False)
    sizes = [chain.input]
    for t, (layer, step) in enumerate(zip(chain.layers, w.steps)):
        if layer.kind == "conv":
            # Keras's Conv2D has TF's arithmetic
            ref = windowed_output(sizes[-1], layer.kernel, layer.stride, 1, layer.padding).size
            if ref < 1:
                assert step.breaks
                break
            if layer.skip is not None and ref != sizes[layer.skip]:
                assert step.breaks and "skip connection" in step.problem
                break
            assert not step.breaks and step.size == ref
        else:
            ref = keras_reference(sizes[-1], layer)
            if ref is None:
                assert step.breaks
                break
            if layer.skip is not None and ref != sizes[layer.skip]:
                assert step.breaks and "skip connection" in step.problem
                break
            if ref > C.MAX_SIZE:
                assert step.breaks
                break
            assert not step.breaks and step.size == ref
        if step.breaks:
            break
        sizes.append(step.size)


@settings(max_examples=40, deadline=None)
@given(chains(), st.sampled_from(C.FRAMEWORKS))
def test_every_fix_gets_further(chain, fw):
    w = C.walk(chain, fw)
    if w.ok:
        return
    for fix in w.steps[w.first_break].fixes:
        after = C.walk(fix.chain, fw, with_fixes=False).first_break
        assert after is None or after > w.first_break, fix.text


def test_seed_preset_breaks_at_the_transpose_with_each_frameworks_text():
    walks = C.walk_all(C.PRESETS["seed"])
    assert [w.first_break for w in walks.values()] == [1, 1, 1]
    assert walks["tf"].sizes(C.PRESETS["seed"])[:2] == [97, 25]
    assert walks["tf"].steps[1].message == (
        "Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 33 "
        "spatial_dim: 1 input: 97 filter: 3 output: 25 stride: 3 dilation: 1")
    assert _strip(walks["torch"].steps[1].message) == (
        "requested an output size of [97, 97], but valid sizes range from [73, 73] to [75, 75] "
        "(for an input of torch.Size([25, 25]))")
    assert "output_padding` is 24 but `strides` is 3" in walks["keras"].steps[1].message
    fixes = walks["tf"].steps[1].fixes
    assert fixes[0].kind == "stride" and fixes[0].chain == C.PRESETS["seed_fixed"]


@pytest.mark.parametrize("name", ["seed_fixed", "unet_fixed"])
def test_fixed_presets_work_everywhere(name):
    assert all(w.ok for w in C.walk_all(C.PRESETS[name]).values())


def test_unet_preset_skip_connections_stop_matching():
    chain = C.PRESETS["unet"]
    for fw, w in C.walk_all(chain).items():
        assert w.first_break == 5, fw
        assert w.sizes(chain)[:6] == [101, 101, 51, 26, 13, 26]
        problem = w.steps[5].problem
        assert "52 × 52" in problem and "51 × 51" in problem
        kinds = [f.kind for f in w.steps[5].fixes]
        assert "input" in kinds
        fix = next(f for f in w.steps[5].fixes if f.kind == "input")
        assert fix.chain.input == 104
    # TF can be told the skip's size; PyTorch's k2 s2 cannot make 51 from 26 (52..53 only)
    assert "skip" in [f.kind for f in C.walk(chain, "tf").steps[5].fixes]
    assert "skip" not in [f.kind for f in C.walk(chain, "torch").steps[5].fixes]


def chain_from_query(query):
    """(chain, framework, notes) for a link, as the encoder–decoder page reads it."""
    state, notes = from_query(C.ChainState, query)
    chain, fallback = state.resolve()
    return chain, state.framework, notes + C.parse_layers(state.layers)[1] + ([fallback] if fallback else [])


def chain_to_query(chain, framework):
    return to_query(C.ChainState(chain.input, chain.text("; "), framework))


@given(chains())
def test_text_round_trip(chain):
    layers, notes = C.parse_layers(chain.text("; "))
    assert notes == [] and layers == chain.layers
    back, fw, notes = chain_from_query(chain_to_query(chain, "torch"))
    assert back == chain and fw == "torch" and notes == []


def test_malformed_layers_and_links():
    layers, notes = C.parse_layers("conv k3 s2 SAME\nbogus\nconv k99\nconv k3 out 5\nconvT k3 s2 skip 7")
    assert len(layers) == 2 and layers[1].skip is None
    assert len(notes) == 4
    chain, fw, notes = chain_from_query({"in": "abc", "layers": "nothing here", "fw": "mxnet"})
    assert chain == C.PRESETS[C.DEFAULT_PRESET] and fw == "tf"
    assert len(notes) == 4
    chain, _, notes = chain_from_query({"preset": "unet"})
    assert chain == C.PRESETS["unet"] and notes == []
    layers, notes = C.parse_layers("; ".join(["conv k1 s1 SAME"] * 40))
    assert len(layers) <= C.MAX_LAYERS and notes
