"""explain(): every message kind, read back from the exact texts (convt.frameworks texts, the seed,
reference/framework_rules.md), padding inference, valid sizes, and junk that must never raise."""
import dataclasses
import json
import pathlib
import time

import pytest
from hypothesis import assume, given, settings, strategies as st

from convt.arithmetic import windowed_output
from convt.explain import MAX_LIST, Diagnosis, explain
from convt.frameworks import keras, tensorflow, torch
from ui.links import geometry_params

SETTINGS = settings(max_examples=150, deadline=None)
EXPLORER_KEYS = {"in", "k", "s", "d", "pad", "out", "fw"}

SEED_TF1 = ("InvalidArgumentError: Conv2DSlowBackpropInput: Size of out_backprop doesn't match "
            "computed: actual = 25, computed = 33")
SEED_TF2 = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, "
            "computed = 33 spatial_dim: 1 input: 97 filter: 3 output: 25 stride: 3 dilation: 1")
SEED_SHAPES = "ValueError: Shapes (3, 33, 33, 20) and (3, 25, 25, 20) are not compatible"
SEED_GRAD = ("ValueError: Incompatible shapes between op input and calculated input gradient. "
             "Forward operation: conv2d_transpose. Input index: 2. Original input shape: "
             "(3, 25, 25, 20). Calculated input gradient shape: (3, 33, 33, 20)")
SEED_ONEDNN = ("AbortedError: {{function_node __wrapped____MklNativeConv2DBackpropInput_device_/job:"
               "localhost/replica:0/task:0/device:CPU:0}} Operation received an exception:Status: 2, "
               "message: could not create a primitive descriptor for the convolution forward "
               "propagation primitive. Run workload with environment variable ONEDNN_VERBOSE=all to "
               "get additional diagnostic information., in file tensorflow/core/kernels/mkl/"
               "mkl_conv_grad_input_ops.cc:546 [Op:Conv2DBackpropInput]")
SEED_TORCH = ("requested an output size of [5, 5], but valid sizes range from [6, 6] to [7, 7] "
              "(for an input of torch.Size([3, 3]))")


def check_shape(d):
    """The Diagnosis contract, whatever the message."""
    assert isinstance(d, Diagnosis)
    assert d.framework in (None, "tensorflow", "keras", "pytorch")
    assert d.padding in (None, "SAME", "VALID")
    assert isinstance(d.facts, dict)
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in d.facts.items())
    assert isinstance(d.valid_output_sizes, tuple) and len(d.valid_output_sizes) in (1, 2, 3)  # per spatial axis
    for sizes in d.valid_output_sizes:
        assert sizes is None or (isinstance(sizes, list) and len(sizes) <= MAX_LIST
                                 and all(isinstance(v, int) and v >= 1 for v in sizes))
    assert isinstance(d.text, str) and d.text
    assert isinstance(d.fixes, list) and all(isinstance(f, str) and f for f in d.fixes)
    assert isinstance(d.kind, str) and d.kind
    assert (d.framework is None) == (d.kind == "unknown")
    assert set(geometry_params(d.geometry)) <= EXPLORER_KEYS
    for key in ("in", "k", "s", "d", "out"):
        if key in geometry_params(d.geometry):
            assert isinstance(geometry_params(d.geometry)[key], int)
    if "pad" in geometry_params(d.geometry):
        assert geometry_params(d.geometry)["pad"] in ("SAME", "VALID")
    if "fw" in geometry_params(d.geometry):
        assert geometry_params(d.geometry)["fw"] in ("tf", "keras", "torch")
    return d


def test_diagnosis_is_a_frozen_dataclass():
    d = explain(SEED_TF2)
    assert dataclasses.is_dataclass(d)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.padding = "VALID"
    assert [f.name for f in dataclasses.fields(Diagnosis)][:6] == [
        "framework", "padding", "facts", "valid_output_sizes", "text", "fixes"]


# ---------------------------------------------------------------------------------------------
# The seed's messages, verbatim
# ---------------------------------------------------------------------------------------------

def test_seed_tf2_full_form_infers_same_and_valid_sizes():
    d = check_shape(explain(SEED_TF2))
    assert (d.framework, d.kind, d.padding) == ("tensorflow", "tf_size_mismatch", "SAME")
    assert d.facts == {"actual": 25, "computed": 33, "spatial_dim": 1, "input": 97, "filter": 3,
                       "output": 25, "stride": 3, "dilation": 1}
    assert d.valid_output_sizes == ([73, 74, 75], None)
    assert "ceil(97 / 3) = 33" in d.text and "73, 74, 75" in d.text
    assert any("stride 4" in f for f in d.fixes)
    assert any("75" in f for f in d.fixes)
    assert geometry_params(d.geometry) == {"in": 25, "k": 3, "s": 3, "d": 1, "pad": "SAME", "out": 97, "fw": "tf"}


def test_seed_tf1_short_form_cannot_tell_padding():
    d = check_shape(explain(SEED_TF1))
    assert (d.framework, d.kind, d.padding) == ("tensorflow", "tf_size_mismatch", None)
    assert d.facts == {"actual": 25, "computed": 33}
    assert d.valid_output_sizes == (None, None)
    assert "cannot" in d.text and "stride" in d.text      # says what is missing
    assert any("33" in f for f in d.fixes)
    assert geometry_params(d.geometry) == {"in": 25, "fw": "tf"}


def test_seed_shapes_not_compatible():
    d = check_shape(explain(SEED_SHAPES))
    assert (d.framework, d.kind) == ("tensorflow", "tf1_shapes_not_compatible")
    assert d.facts["actual"] == 25 and d.facts["computed"] == 33
    assert d.facts["batch"] == 3 and d.facts["channels"] == 20
    assert "gradient" in d.text
    assert d.valid_output_sizes == (None, None)


def test_seed_gradient_incompatible_modern_form():
    d = check_shape(explain(SEED_GRAD))
    assert (d.framework, d.kind) == ("tensorflow", "tf_gradient_incompatible")
    assert d.facts["actual"] == 25 and d.facts["computed"] == 33
    assert "gradient" in d.text


def test_seed_onednn_points_to_the_env_var():
    d = check_shape(explain(SEED_ONEDNN))
    assert (d.framework, d.kind) == ("tensorflow", "tf_onednn")
    assert "TF_ENABLE_ONEDNN_OPTS=0" in d.text
    assert any("TF_ENABLE_ONEDNN_OPTS=0" in f for f in d.fixes)
    assert "float64" in d.text


def test_seed_torch_output_size():
    d = check_shape(explain(SEED_TORCH))
    assert (d.framework, d.kind, d.padding) == ("pytorch", "torch_output_size", None)
    assert d.valid_output_sizes == ([6, 7], [6, 7])
    assert d.facts["requested_height"] == 5 and d.facts["min_width"] == 6 and d.facts["max_width"] == 7
    assert d.facts["input_height"] == 3 and d.facts["stride_height"] == 2
    assert geometry_params(d.geometry) == {"in": 3, "s": 2, "out": 5, "fw": "torch"}
    assert any("6" in f for f in d.fixes)


@pytest.mark.parametrize("message, kind, facts", [
    ("input and out_backprop must have the same batch size. Input batch: 2, outbackprop batch: 1, "
     "batch_dim: 0", "tf_batch", {"input_batch": 2, "out_backprop_batch": 1, "batch_dim": 0}),
    ("filter and out_backprop must have the same out_depth", "tf_channels", {}),
    ("input depth must be evenly divisible by filter depth", "tf_output_channels", {}),
    ("Computed output size would be negative: -2 [input_size: 1, effective_filter_size: 4, stride: 1]",
     "tf_negative_output", {"computed": -2, "input": 1, "effective_filter_size": 4, "stride": 1}),
    ("Conv2DBackpropInput requires input_sizes to contain 4 values or 2 values, but got: 3",
     "tf_output_shape_length", {"output_shape_length": 3}),
    ("Current CPU implementations do not yet support dilation rates larger than 1.", "tf_dilation_cpu", {}),
    ("`output_padding` must be strictly less than `strides` for all dimensions.", "keras_output_padding", {}),
])
def test_seed_other_messages(message, kind, facts):
    d = check_shape(explain(message))
    assert d.kind == kind
    for name, value in facts.items():
        assert d.facts[name] == value


def test_negative_output_betrays_valid_padding():
    d = check_shape(explain(tensorflow.negative_output(-3, 1, 9, 2)))
    assert d.padding == "VALID" and d.facts["input"] == 1
    assert geometry_params(d.geometry)["out"] == 1 and geometry_params(d.geometry)["pad"] == "VALID"


# ---------------------------------------------------------------------------------------------
# Round trips through the convt.frameworks texts
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label", [tensorflow.CPU_LABEL, tensorflow.GPU_LABEL, "Conv2DBackpropInput"])
@pytest.mark.parametrize("prefix, suffix", [
    ("", ""),
    ("InvalidArgumentError: {{function_node __wrapped__Conv2DBackpropInput_device_/job:localhost/"
     "replica:0/task:0/device:CPU:0}} ", " [Op:Conv2DBackpropInput] name: "),
    ("tensorflow.python.framework.errors_impl.InvalidArgumentError: Graph execution error:\n\n"
     "Detected at node conv2d_transpose defined at (most recent call last):\n"
     "  File \"tf_seed.py\", line 27, in <module>\n  ...\n",
     "\n\t [[{{node conv2d_transpose}}]] [Op:__inference_f_38]"),
    ("Traceback (most recent call last):\n  File \"x.py\", line 3\n", "\n"),
])
def test_tf_full_form_with_junk_around(label, prefix, suffix):
    msg = prefix + tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1, label=label) + suffix
    d = check_shape(explain(msg))
    assert d.kind == "tf_size_mismatch" and d.padding == "SAME"
    assert d.facts["input"] == 97 and d.facts["stride"] == 3
    assert d.valid_output_sizes == ([73, 74, 75], None)
    assert label in d.text


def test_tf_short_form_via_builder_and_old_rows_cols_form():
    d = check_shape(explain(tensorflow.size_mismatch(3, 4, 1, 28, 5, 2, 1, tensorflow.GPU_LABEL,
                                                      verbose=False)))
    assert d.kind == "tf_size_mismatch" and d.facts == {"actual": 3, "computed": 4}
    assert d.padding is None and d.valid_output_sizes == (None, None)
    for axis, word in (("rows", "height"), ("cols", "width")):
        d = check_shape(explain(f"Conv2DBackpropInput: Number of {axis} of out_backprop doesn't match "
                                "computed: actual = 7, computed = 16"))
        assert d.kind == "tf_size_mismatch" and d.facts == {"actual": 7, "computed": 16}
        assert word in d.text


def test_spatial_dim_picks_the_axis():
    d = explain(tensorflow.size_mismatch(25, 33, 2, 97, 3, 3, 1))
    assert d.valid_output_sizes == (None, [73, 74, 75])
    d = explain(tensorflow.size_mismatch(25, 33, 3, 97, 3, 3, 1, label=tensorflow.GPU_LABEL))
    assert d.valid_output_sizes == (None, [73, 74, 75])          # NCHW: axis 3 is the width


def test_padding_both_fit_is_none():
    # kernel 1: SAME and VALID give the same forward size, and the same valid sets
    d = check_shape(explain(tensorflow.size_mismatch(25, 33, 1, 97, 1, 3, 1)))
    assert d.padding is None and "cannot tell" in d.text
    assert d.valid_output_sizes == ([73, 74, 75], None)
    # both fit, different valid sets -> None on that axis, both sets in the text
    for n in range(1, 60):     # kernel 2, stride 3: the first size where SAME and VALID agree
        if windowed_output(n, 2, 3, 1, "SAME").size == windowed_output(n, 2, 3, 1, "VALID").size:
            break
    c = windowed_output(n, 2, 3, 1, "SAME").size
    d = check_shape(explain(tensorflow.size_mismatch(c + 2, c, 1, n, 2, 3, 1)))
    assert d.padding is None and d.valid_output_sizes == (None, None)
    assert "With SAME" in d.text and "With VALID" in d.text


def test_padding_none_fits_means_explicit():
    d = check_shape(explain(tensorflow.size_mismatch(25, 30, 1, 97, 3, 3, 1)))
    assert d.padding is None and d.valid_output_sizes == (None, None)
    assert "explicit" in d.text


@SETTINGS
@given(n=st.integers(0, 400), k=st.integers(1, 9), s=st.integers(1, 9), d=st.integers(1, 4),
       padding=st.sampled_from(["SAME", "VALID"]), i=st.integers(0, 200), dim=st.sampled_from([1, 2]))
def test_padding_inference_and_valid_sizes(n, k, s, d, padding, i, dim):
    computed = windowed_output(n, k, s, d, padding).size
    assume(computed >= 0 and computed != i)
    diag = check_shape(explain(tensorflow.size_mismatch(i, computed, dim, n, k, s, d)))
    assert diag.kind == "tf_size_mismatch"
    assert diag.facts == {"actual": i, "computed": computed, "spatial_dim": dim, "input": n,
                          "filter": k, "output": i, "stride": s, "dilation": d}
    fits = [p for p in ("SAME", "VALID") if windowed_output(n, k, s, d, p).size == computed]
    assert padding in fits
    got = diag.valid_output_sizes[dim - 1]
    if len(fits) == 1:
        assert diag.padding == padding
        assert got == list(tensorflow.valid_output_sizes(i, k, s, d, padding))
        assert geometry_params(diag.geometry)["pad"] == padding
    else:
        assert diag.padding is None
        sets = {p: list(tensorflow.valid_output_sizes(i, k, s, d, p)) for p in fits}
        assert got == (sets["SAME"] if sets["SAME"] == sets["VALID"] else None)
    assert diag.valid_output_sizes[2 - dim] is None
    # every valid size really maps back onto the input, and the first fix's size is one of them
    for size in got or []:
        assert windowed_output(size, k, s, d, diag.padding or padding).size == i


@SETTINGS
@given(rows=st.lists(st.integers(0, 500), min_size=2, max_size=2),
       tuple_form=st.booleans(), i=st.integers(1, 60), k=st.integers(1, 7), s=st.integers(1, 6),
       p=st.integers(0, 3), d=st.integers(1, 3))
def test_torch_output_size_round_trip(rows, tuple_form, i, k, s, p, d):
    lo, hi = torch.output_size_range(i, k, s, p, d)
    assume(lo >= 1)
    req = [r for r in rows]
    assume(any(r < lo or r > hi for r in req))
    requested = tuple(req) if tuple_form else req
    msg = "ValueError: " + torch.output_size_out_of_range(requested, [lo, lo], [hi, hi], [i, i])
    diag = check_shape(explain(msg))
    assert diag.kind == "torch_output_size" and diag.framework == "pytorch"
    assert diag.valid_output_sizes == (list(range(lo, hi + 1)), list(range(lo, hi + 1)))
    assert diag.facts["requested_height"] == req[0] and diag.facts["requested_width"] == req[1]
    assert diag.facts["stride_height"] == s
    bad = 0 if (req[0] < lo or req[0] > hi) else 1
    want = {"in": i, "s": s, "out": req[bad], "fw": "torch"}
    if req[bad] < 1:
        del want["out"]                               # the explorer cannot open a size of 0
    assert geometry_params(diag.geometry) == want


def test_torch_output_size_forms():
    msg = torch.output_size_out_of_range((300, 200), [99, 49], [102, 50], [25, 13])
    d = check_shape(explain(msg))
    assert d.valid_output_sizes == ([99, 100, 101, 102], [49, 50])
    # unbatched input: PyTorch prints only the last input size
    d = check_shape(explain("requested an output size of [97, 97], but valid sizes range from [99, 99] "
                            "to [102, 102] (for an input of torch.Size([25]))"))
    assert d.valid_output_sizes == ([99, 100, 101, 102], [99, 100, 101, 102])
    assert "unbatched" in d.text
    # batched output_size: leading entries dropped
    d = check_shape(explain("requested an output size of [999, 777, 97, 97], but valid sizes range "
                            "from [99, 99] to [102, 102] (for an input of torch.Size([25, 25]))"))
    assert d.facts["requested_height"] == 97
    # the framework_rules example with padding: stride 3, padding 1
    d = check_shape(explain("requested an output size of [97, 97], but valid sizes range from [73, 73] "
                            "to [75, 75] (for an input of torch.Size([25, 25]))"))
    assert d.valid_output_sizes[0] == [73, 74, 75]
    assert any("stride 4" in f for f in d.fixes)


def test_torch_output_padding():
    d = check_shape(explain("RuntimeError: " + torch.output_padding_too_large((4, 4), (4, 4), (1, 1))))
    assert d.kind == "torch_output_padding"
    assert d.facts["output_padding_height"] == 4 and d.facts["stride_width"] == 4
    assert d.facts["dilation_height"] == 1
    assert any("(3, 3)" in f for f in d.fixes)
    d = explain(torch.output_padding_too_large((3, 0), (1, 1), (3, 3)))
    assert any("(2, 0)" in f for f in d.fixes)


def test_torch_other_messages():
    cases = {
        "RuntimeError: Given transposed=1, weight of size [20, 10, 3, 3], expected input[3, 7, 25, 25] "
        "to have 20 channels, but got 7 channels instead": ("torch_channels", {"expected_channels": 20,
                                                                              "input_channels": 7}),
        torch.output_too_small((25, 25), (-1, -1)): ("torch_output_too_small",
                                                              {"output_height": -1, "input_width": 25}),
        "RuntimeError: negative padding is not supported": ("torch_negative_padding", {}),
        "RuntimeError: non-positive stride is not supported": ("torch_stride", {}),
        "RuntimeError: Given transposed=1, weight of size [20, 5, 3, 3], expected bias to be "
        "1-dimensional with 10 elements, but got bias of size [7] instead": ("torch_bias",
                                                                            {"expected_bias": 10}),
        "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got "
        "input of size: [1, 3, 20, 25, 25]": ("torch_rank", {}),
        "ValueError: ConvTranspose2D: for 4D input, output_size must have 2 or 4 elements (got 3)":
            ("torch_output_size_length", {"output_size_length": 3}),
        "RuntimeError: Given groups=3, expected weight to be divisible by 3 at dimension 0, but got "
        "weight of size [[20, 5, 3, 3]] instead": ("torch_groups", {"groups": 3}),
        "RuntimeError: could not construct a memory descriptor using a format tag": ("torch_mkldnn", {}),
        "ValueError: Only \"zeros\" padding mode is supported for ConvTranspose2d": ("torch_padding_mode", {}),
        "TypeError: conv_transpose2d(): argument 'padding' must be tuple of ints, not str":
            ("torch_padding_string", {}),
    }
    for message, (kind, facts) in cases.items():
        d = check_shape(explain(message))
        assert d.kind == kind and d.framework == "pytorch", message
        for name, value in facts.items():
            assert d.facts[name] == value, (message, name)


def test_tf_shapes_round_trip_and_other_axes():
    d = check_shape(explain(tensorflow.tf1_shapes_not_compatible((3, 33, 17, 20), (3, 33, 9, 20))))
    assert d.kind == "tf1_shapes_not_compatible"
    assert d.facts["actual"] == 9 and d.facts["computed"] == 17 and d.facts["spatial_dim"] == 2
    d = check_shape(explain(tensorflow.gradient_incompatible((3, 25, 25, 20), (3, 33, 33, 20))))
    assert d.kind == "tf_gradient_incompatible" and d.facts["computed"] == 33
    d = check_shape(explain(tensorflow.tf1_shapes_not_compatible((5, 25, 25, 20), (3, 25, 25, 20))))
    assert "batch" in d.text
    d = check_shape(explain("Shapes (None, 10) and (None, 1) are not compatible"))
    assert d.kind == "tf_shapes_not_compatible" and d.framework == "tensorflow"
    d = check_shape(explain("ValueError: Shapes (?, 33, 33, 20) and (?, 25, 25, 20) are not compatible"))
    assert d.facts["computed"] == 33 and "batch" not in d.facts


def test_seen_in_the_wild():
    # style-transfer READMEs quote the check without numbers
    d = check_shape(explain("otherwise you'll get an `Conv2DCustomBackpropInput: Size of out_backprop "
                            "doesn't match computed` error"))
    assert d.kind == "tf_size_mismatch" and d.facts == {} and d.valid_output_sizes == (None, None)
    # tensorflow/tensorflow#21875: the gradient-time form for conv3d_transpose (5-D, NDHWC)
    d = check_shape(explain("ValueError: Incompatible shapes between op input and calculated input "
                            "gradient. Forward operation: conv3d_transpose. Input index: 2. Original "
                            "input shape: (2, 8, 16, 16, 4). Calculated input gradient shape: "
                            "(2, 8, 17, 16, 4)"))
    assert d.kind == "tf_gradient_incompatible"
    assert d.facts["actual"] == 16 and d.facts["computed"] == 17 and d.facts["actual_depth"] == 8
    assert d.facts["channels"] == 4 and geometry_params(d.geometry) == {}
    # LMescheder/AdversarialVariationalBayes#1
    d = check_shape(explain("InvalidArgumentError (see above for traceback): Conv2DSlowBackpropInput: "
                            "Size of out_backprop doesn't match computed: actual = 3, computed = 4"))
    assert d.facts == {"actual": 3, "computed": 4}


def test_tf_batch_channel_messages_via_builders():
    for label in (tensorflow.CPU_LABEL, tensorflow.GPU_LABEL):
        d = check_shape(explain(tensorflow.batch_mismatch(2, 3, label)))
        assert d.kind == "tf_batch" and d.facts == {"input_batch": 2, "out_backprop_batch": 3, "batch_dim": 0}
        assert any("tf.shape(x)[0]" in f for f in d.fixes)
        assert check_shape(explain(tensorflow.out_depth_mismatch(label))).kind == "tf_channels"
        assert check_shape(explain(tensorflow.depth_not_divisible(label))).kind == "tf_output_channels"
    d = check_shape(explain("Conv2DSlowBackpropInput: input and out_backprop must have the same batch size"))
    assert d.kind == "tf_batch" and d.facts == {}
    d = check_shape(explain("input depth must be evenly divisible by filter depth: 7 vs 10"))
    assert d.facts == {"output_channels": 7, "filter_output_channels": 10}
    d = check_shape(explain(tensorflow.grouped_unsupported(20, 10)))
    assert d.kind == "tf_grouped" and d.facts == {"output_channels": 20, "filter_output_channels": 10}
    d = check_shape(explain("ValueError: " + tensorflow.static_channel_mismatch(
        5, 20, [1, 4, 4, 1], "SAME", [3, 3, 10, 20], [3, 25, 25, 5])))
    assert d.kind == "tf_channels" and d.padding == "SAME"
    assert d.facts["input_channels"] == 5 and d.facts["filter_in_channels"] == 20
    assert d.facts["stride"] == 4 and d.facts["filter"] == 3 and d.facts["in_height"] == 25
    assert geometry_params(d.geometry) == {"s": 4, "k": 3, "in": 25, "pad": "SAME", "fw": "tf"}
    d = check_shape(explain("Dimensions must be equal, but are 10 and 1 for '{{node add}} = "
                            "AddV2[T=DT_FLOAT](x, y)' with input shapes: [10], [1]."))
    assert d.kind == "tf_dimensions"


def test_tf_other_messages():
    cases = {
        "ValueError: strides should be of length 1, 2 or 4. Received: strides=[1, 4, 4] of length 3":
            "tf_strides_length",
        "UnimplementedError: Current implementation does not yet support strides in the batch and "
        "depth dimensions.": "tf_strides_batch_depth",
        "InvalidArgumentError: Row and column strides should be larger than 0.": "tf_stride_value",
        "InvalidArgumentError: Value for attr 'padding' of \"same\" is not in the list of allowed "
        "values: \"SAME\", \"VALID\", \"EXPLICIT\"": "tf_padding",
        "ValueError: When padding is a list, it must be of size 4. Received: padding=[[1, 1], [1, 1]] "
        "of size 2": "tf_padding",
        "Dimension -1 must be >= 0": "tf_negative_dimension",
        "Conv2DCustomBackpropInput: input_sizes must be 4-dimensional, got: 3": "tf_rank",
        "Conv2DCustomBackpropInputOp only supports NHWC.": "tf_nchw_cpu",
        "ValueError: output_shape does not match filter's output channels, 7 != 10": "tf_output_channels",
        "ValueError: input channels does not match filter's input channels, 7 != 20": "tf_channels",
        "Negative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}}'":
            "tf_negative_dimension_size",
    }
    for message, kind in cases.items():
        d = check_shape(explain(message))
        assert (d.kind, d.framework) == (kind, "tensorflow"), message
    d = explain("ValueError: strides should be of length 1, 2 or 4. Received: strides=[1, 4, 4] of length 3")
    assert d.facts == {"strides_length": 3}


def test_keras_three_historical_output_padding_texts():
    old = check_shape(explain("ValueError: Stride (8, 8) must be greater than output padding (8, 1)"))
    mid = check_shape(explain("ValueError: Strides must be greater than output padding. Received "
                              "strides=(2, 2), output_padding=(2, 2)."))
    new = check_shape(explain("ValueError: " + keras.output_padding_too_large(0, (4, 4), (4, 4))))
    for d in (old, mid, new):
        assert (d.framework, d.kind) == ("keras", "keras_output_padding")
        assert "strictly less" in d.text or "less than" in d.text
    assert old.facts == {"stride_height": 8, "stride_width": 8, "output_padding_height": 8,
                         "output_padding_width": 1}
    assert any("(7, 1)" in f for f in old.fixes)
    assert mid.facts["output_padding_width"] == 2 and any("(1, 1)" in f for f in mid.fixes)
    assert new.facts["dimension"] == 0 and new.facts["stride_height"] == 4
    assert any("(3, 3)" in f for f in new.fixes)
    assert geometry_params(new.geometry) == {"s": 4, "fw": "keras"}


def test_keras_channels_and_others():
    d = check_shape(explain("ValueError: Input 0 with name 'None' of layer 'conv2d_transpose_11' is "
                            "incompatible with the layer: expected axis -1 of input shape to have "
                            "value 20, but received input with shape (3, 25, 25, 7)"))
    assert (d.kind, d.framework) == ("keras_channels", "keras")
    assert d.facts == {"axis": -1, "expected_channels": 20, "input_channels": 7}
    d = check_shape(explain("ValueError: The number of input channels must match the kernel's input "
                            "channels. Received: input channels=3, kernel input channels=7, "
                            "data_format='channels_last'."))
    assert d.facts == {"input_channels": 3, "kernel_in_channels": 7}
    d = check_shape(explain("ValueError: `strides > 1` not supported in conjunction with "
                            "`dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 2)"))
    assert d.kind == "keras_stride_dilation"


def test_keras_same_even_kernel_pitfall_reads_as_tf():
    msg = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, "
           "computed = 24 spatial_dim: 1 input: 48 filter: 2 output: 25 stride: 2 dilation: 1")
    d = check_shape(explain(msg))
    # SAME ceil(48/2) = 24 and VALID (48-2+2) div 2 = 24: the message cannot tell them apart
    assert d.padding is None and d.valid_output_sizes == (None, None)
    assert "49, 50" in d.text and "50, 51" in d.text


@pytest.mark.parametrize("i, k, s", [(25, 2, 2), (3, 4, 2), (5, 2, 2)])
def test_keras_wrapped_same_even_kernel_pitfall(i, k, s):
    n = (i - 1) * s                    # what Keras 3 asks for: same, even kernel, output_padding=0
    core = tensorflow.size_mismatch(i, windowed_output(n, k, s, 1, "SAME").size, 1, n, k, s, 1)
    msg = ("Exception encountered when calling Conv2DTranspose.call().\n\n\x1b[1m{{function_node "
           "__wrapped__Conv2DBackpropInput_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
           + core + " [Op:Conv2DBackpropInput]\x1b[0m\n\nArguments received by Conv2DTranspose.call():")
    d = check_shape(explain(msg))
    assert (d.framework, d.kind, d.padding) == ("keras", "tf_size_mismatch", "SAME")
    assert d.valid_output_sizes == (list(range((i - 1) * s + 1, i * s + 1)), None)
    assert "pitfall" in d.text and any("output_padding=1" in f for f in d.fixes)
    assert geometry_params(d.geometry)["fw"] == "tf"


def test_valid_padding_sweep_example():
    # framework_rules §5: N=5 with VALID, k2 s2 on 3x3 -> computed 2
    d = check_shape(explain("… actual = 3, computed = 2 spatial_dim: 1 input: 5 filter: 2 output: 3 "
                            "stride: 2 dilation: 1".replace("… ", "Conv2DCustomBackpropInput: Size of "
                                                              "out_backprop doesn't match computed: ")))
    assert d.padding == "VALID" and d.valid_output_sizes == ([6, 7], None)


# ---------------------------------------------------------------------------------------------
# Junk: never an exception, bounded time, bounded lists
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("junk", [
    "", " ", "\n\t ", "\x00" * 1000, "actual = ", "Shapes (", "requested an output size of [",
    "<html><script>alert('x')</script><b>Size of out_backprop doesn&#39;t match computed: actual = "
    "25, computed = 33</b></html>",
    "Size of out_backprop doesn't match computed: actual = ٢٥, computed = ٣٣",
    "Size of out_backprop doesn't match computed: actual = -25, computed = -33 spatial_dim: -1 "
    "input: -97 filter: -3 output: -25 stride: -3 dilation: -1",
    "Size of out_backprop doesn't match computed: actual = 25, computed = 33 spatial_dim: 1 input: 97 "
    "filter: 3 output: 25 stride: 0 dilation: 0",
    "Computed output size would be negative: -2 [input_size: 1, effective_filter_size: 0, stride: 0]",
    "requested an output size of [], but valid sizes range from [] to [] (for an input of torch.Size([]))",
    "requested an output size of [3, 0], but valid sizes range from [3, -1] to [3, -1] (for an input of "
    "torch.Size([3, 1]))",
    "requested an output size of [5, 5], but valid sizes range from [9, 9] to [7, 7] (for an input of "
    "torch.Size([0, 0]))",
    "output padding must be smaller than either stride or dilation, but got output_padding_height: 4",
    "Stride () must be greater than output padding ()",
    "Shapes () and () are not compatible",
    "Dimensions must be equal, but are 5 and 20 for '' with input shapes: [], [], [].",
    "\ud800 lone surrogate",
    "\u202e right-to-left override Size of out_backprop",
])
def test_junk_gets_a_diagnosis(junk):
    check_shape(explain(junk))


def test_html_entities_are_read():
    d = explain("<pre>Conv2DCustomBackpropInput: Size of out_backprop doesn&#39;t match computed: "
                "actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3 output: 25 stride: 3 "
                "dilation: 1</pre>")
    assert d.kind == "tf_size_mismatch" and d.padding == "SAME"


def test_non_str_inputs():
    for value in (None, b"\xff\xfe\x00 junk", SEED_TF2.encode(), 12345, bytearray(b"abc")):
        check_shape(explain(value))
    assert explain(SEED_TF2.encode()).padding == "SAME"


def test_unknown_and_empty():
    for text in ("", "hello world", "KeyError: 'foo'"):
        d = check_shape(explain(text))
        assert d.framework is None and d.kind == "unknown" and geometry_params(d.geometry) == {}
        assert d.valid_output_sizes == (None, None) and d.padding is None


@pytest.mark.parametrize("exp", [40, 400, 999])
def test_huge_numbers_do_not_explode(exp):
    big = 10 ** exp
    for msg in (tensorflow.size_mismatch(25, 33, 1, big, 3, big, 1),
                tensorflow.size_mismatch(25, 1, 1, 97, 3, big, 1),
                tensorflow.size_mismatch(big, big + 1, 1, big, big, 2, big),
                tensorflow.size_mismatch(big, 0, 2, 1, 3, 4, 1),
                torch.output_size_out_of_range([5, 5], [big, 6], [2 * big, 7], [big, 3]),
                tensorflow.negative_output(-big, big, big, big),
                keras.output_padding_too_large(0, (big, big), (big, big)),
                torch.output_padding_too_large((big, big), (big, big), (big, big))):
        d = check_shape(explain(msg))
        assert d.kind != "unknown"
    # SAME ceil((big+1)/big) = 2, VALID (big+1-3+big) div big = 1: only SAME fits
    d = explain(tensorflow.size_mismatch(25, 2, 1, big + 1, 3, big, 1))
    assert d.padding == "SAME" and d.valid_output_sizes == (None, None) and "too many" in d.text
    d = explain(torch.output_size_out_of_range([5, 5], [big, 6], [2 * big, 7], [big, 3]))
    assert d.valid_output_sizes == (None, [6, 7])


def test_too_many_digits_are_ignored():
    d = check_shape(explain("Size of out_backprop doesn't match computed: actual = " + "9" * 5000
                            + ", computed = 3"))
    assert "actual" not in d.facts


def test_one_megabyte_returns():
    chunk = SEED_TF2[:60] + " actual = 1, computed = " + "(" * 50 + "[" * 50 + "9" * 100
    big = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    for text in (big, "a" * 1_000_000, "9" * 1_000_000, big + SEED_TF2, SEED_TF2 + big):
        check_shape(explain(text))
    # the real message at either end of a 1 MB paste is still found
    assert explain("x" * 1_000_000 + SEED_TF2).padding == "SAME"
    assert explain(SEED_TF2 + "x" * 1_000_000).padding == "SAME"
    start = time.perf_counter()
    explain("Size of out_backprop doesn't match computed: actual = " * 20_000)
    assert time.perf_counter() - start < 30      # generous: only catches catastrophic backtracking


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text):
    check_shape(explain(text))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_any_binary_decoded(data):
    check_shape(explain(data.decode("latin-1")))
    check_shape(explain(data))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Size of out_backprop doesn't match computed:", " actual = ", "computed = ", ", ", " spatial_dim: ",
    " input: ", " filter: ", " output: ", " stride: ", " dilation: ", "Shapes (", ") and (",
    ") are not compatible", "requested an output size of ", "[", "]", "(", ")", "torch.Size(",
    ", but valid sizes range from ", " to ", " (for an input of ", "-", "0", "7", "25", "97",
    "9" * 450, "\x00", "&#39;", "Dimensions must be equal, but are ", " for '", "' with input shapes: ",
    "output padding must be smaller than either stride or dilation, but got",
    " output_padding_height: ", "Stride (", ") must be greater than output padding (",
]), max_size=40))
def test_fragments_of_real_messages(parts):
    check_shape(explain("".join(parts)))


# ---------------------------------------------------------------------------------------------
# Real messages: every failing case of the golden fixtures (TF 2.21, Keras 3.15, torch 2.13)
# ---------------------------------------------------------------------------------------------

GOLDEN = pathlib.Path(__file__).parent / "golden"


def _golden_messages(name):
    path = GOLDEN / name
    if not path.exists():
        pytest.skip(f"{name} not generated yet")
    for case in json.loads(path.read_text())["cases"]:
        for key in ("error", "onednn", "mkldnn_on", "run_error"):
            record = case.get(key)
            if not isinstance(record, dict):
                continue
            for rec in (record, record.get("error")):
                if isinstance(rec, dict) and isinstance(rec.get("message"), str):
                    yield case, key, rec["message"]


@pytest.mark.parametrize("name", ["tf_cases.json", "torch_cases.json", "keras_cases.json"])
def test_golden_messages_are_all_recognised(name):
    seen = 0
    for _case, _key, message in _golden_messages(name):
        d = check_shape(explain(message))
        assert d.kind != "unknown", message
        seen += 1
    assert seen > 0


def test_golden_tf_size_mismatch_padding_and_valid_sizes():
    checked = 0
    for case, _key, message in _golden_messages("tf_cases.json"):
        d = explain(message)
        if d.kind != "tf_size_mismatch" or "spatial_dim" not in d.facts:
            continue
        padding = case["args"].get("padding")
        if padding not in ("SAME", "VALID"):
            continue                                  # explicit padding: SAME/VALID may mimic it
        f = d.facts
        assert d.padding in (padding, None), message
        want = list(tensorflow.valid_output_sizes(f["actual"], f["filter"], f["stride"], f["dilation"], padding))
        got = d.valid_output_sizes[0 if f["spatial_dim"] == 1 else 1]
        if d.padding is not None:
            assert got == want, message
        assert got in (want, None), message
        checked += 1
    assert checked > 10


def test_golden_torch_output_size_valid_sizes():
    checked = 0
    for case, _key, message in _golden_messages("torch_cases.json"):
        d = explain(message)
        if d.kind != "torch_output_size":
            continue
        args, x, w = case["args"], case["x_shape"], case["w_shape"]
        pair = lambda v: list(v) if isinstance(v, (list, tuple)) else [v, v]  # noqa: E731
        s, p, dl = pair(args.get("stride", 1)), pair(args.get("padding", 0)), pair(args.get("dilation", 1))
        want = []
        for j in range(2):
            lo, hi = torch.output_size_range(x[-2 + j], w[2 + j], s[j], p[j], dl[j])
            want.append([v for v in range(lo, hi + 1) if v >= 1])
        assert list(d.valid_output_sizes) == want, message
        checked += 1
    assert checked > 10


def test_torch_no_positive_size_in_one_dim_is_reported_per_dimension():
    """Issue 13: the impossible dimension is empty, the other keeps its own valid sizes."""
    d = check_shape(explain("requested an output size of [3, 0], but valid sizes range from [3, -1] to "
                            "[3, -1] (for an input of torch.Size([3, 1]))"))
    assert d.valid_output_sizes == ([3], [])
    assert "no output size" in d.text and "width range ends below 1" in d.text


def test_diagnosis_pickles():
    """Streamlit's st.cache_data pickles what the Error decoder caches."""
    import pickle

    for message in (SEED_TF2, SEED_TORCH, "junk"):
        d = explain(message)
        assert pickle.loads(pickle.dumps(d)) == d
