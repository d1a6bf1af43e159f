"""The exact texts TensorFlow 2.21 (oneDNN off), TF 1.x, Keras 3 and PyTorch 2.13 print.

Each function builds one message from its numbers, so the adapters raise them, the shape explorer
shows them and ``explain`` can be tested against them. Sources: reference/framework_rules.md.
"""
from __future__ import annotations

from typing import Sequence

TF_CPU_LABEL = "Conv2DCustomBackpropInput"
TF_GPU_LABEL = "Conv2DSlowBackpropInput"
TF_ONEDNN_TEXT = ("could not create a primitive descriptor for the convolution forward "
                  "propagation primitive")


def tf_size_mismatch(actual: int, computed: int, spatial_dim: int, input_size: int, filter_size: int,
                     stride: int, dilation: int, label: str = TF_CPU_LABEL, verbose: bool = True) -> str:
    """TF's check that ``output_shape`` maps back onto the input (its words are the gradient's).

    ``verbose=False`` gives the TF 1.x form, which stopped after ``computed = …``.
    """
    text = (f"{label}: Size of out_backprop doesn't match computed: "
            f"actual = {actual}, computed = {computed}")
    if verbose:
        text += (f" spatial_dim: {spatial_dim} input: {input_size} filter: {filter_size}"
                 f" output: {actual} stride: {stride} dilation: {dilation}")
    return text


def tf_negative_output(size: int, input_size: int, effective_filter: int, stride: int) -> str:
    return (f"Computed output size would be negative: {size} [input_size: {input_size}, "
            f"effective_filter_size: {effective_filter}, stride: {stride}]")


def tf_shape_tuple(shape: Sequence[int]) -> str:
    """Python's tuple spelling, as TensorShape prints it: ``(3, 25, 25, 20)``."""
    return "(" + ", ".join(str(v) for v in shape) + ("," if len(shape) == 1 else "") + ")"


def tf1_shapes_not_compatible(calculated: Sequence[int], original: Sequence[int]) -> str:
    """TF 1.x at graph build: the input gradient's shape cannot be set on the input."""
    return f"Shapes {tf_shape_tuple(calculated)} and {tf_shape_tuple(original)} are not compatible"


def tf_gradient_incompatible(original: Sequence[int], calculated: Sequence[int]) -> str:
    """TF 2.x graph mode, building gradients with static shapes (the modern form of the above)."""
    return ("Incompatible shapes between op input and calculated input gradient. "
            "Forward operation: conv2d_transpose. Input index: 2. "
            f"Original input shape: {tf_shape_tuple(original)}. "
            f"Calculated input gradient shape: {tf_shape_tuple(calculated)}")


def tf_onednn_abort() -> str:
    """What TF 2.21's default oneDNN CPU kernels print instead of the real reason."""
    return ("Operation received an exception:Status: 2, message: " + TF_ONEDNN_TEXT +
            ". Run workload with environment variable ONEDNN_VERBOSE=all to get additional "
            "diagnostic information., in file tensorflow/core/kernels/mkl/mkl_conv_grad_input_ops.cc:546")


TF_DILATION_UNSUPPORTED = "Current CPU implementations do not yet support dilation rates larger than 1."


def tf_groups_not_divisible(out_depth: int, groups: int) -> str:
    """TF's forward conv (and oneDNN's transpose): output channels must split into the groups."""
    return f"output depth must be evenly divisible by number of groups: {out_depth} vs {groups}"


def tf_depth_not_divisible_sized(in_depth: int, filter_depth: int) -> str:
    """The forward conv's (and oneDNN's) wording: no label, the two depths appended."""
    return f"input depth must be evenly divisible by filter depth: {in_depth} vs {filter_depth}"


def tf_batch_mismatch(input_batch: int, out_backprop_batch: int, label: str = TF_CPU_LABEL) -> str:
    return (f"{label}: input and out_backprop must have the same batch size. "
            f"Input batch: {input_batch}, outbackprop batch: {out_backprop_batch}, batch_dim: 0")


def tf_depth_not_divisible(label: str = TF_CPU_LABEL) -> str:
    return f"{label}: input depth must be evenly divisible by filter depth"


def tf_out_depth_mismatch(label: str = TF_CPU_LABEL) -> str:
    return f"{label}: filter and out_backprop must have the same out_depth"


def tf_grouped_unsupported(input_depth: int, filter_depth: int) -> str:
    return ("Gradients for grouped convolutions are not supported on CPU. Please file a feature "
            "request if you run into this issue. Computed input depth "
            f"{input_depth} doesn't match filter input depth {filter_depth}")


def tf_static_channel_mismatch(actual: int, expected: int, strides: Sequence[int], padding: str,
                               filter_shape: Sequence[int], input_shape: Sequence[int]) -> str:
    """Inside ``tf.function``: the only mismatch TF catches while tracing (input channels)."""
    dims = lambda v: "[" + ",".join(str(x) for x in v) + "]"  # noqa: E731
    return (f"Dimensions must be equal, but are {actual} and {expected} for "
            "'{{node conv2d_transpose}} = Conv2DBackpropInput[T=DT_FLOAT, data_format=\"NHWC\", "
            f"dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"{padding}\", "
            f"strides=[{', '.join(str(s) for s in strides)}], use_cudnn_on_gpu=true]"
            "(conv2d_transpose/input_sizes, conv2d_transpose/filter, yy)' with input shapes: "
            f"[4], {dims(filter_shape)}, {dims(input_shape)}.")


def keras_output_padding_too_large(dim: int, output_padding: Sequence[int], strides: Sequence[int]) -> str:
    return ("`output_padding` must be strictly less than `strides` for all dimensions. "
            f"At dimension {dim}, `output_padding` is {output_padding[dim]} but `strides` is "
            f"{strides[dim]}. Received: output_padding={tuple(output_padding)}, strides={tuple(strides)}")


def keras_strides_with_dilation(strides: Sequence[int], dilation_rate: Sequence[int]) -> str:
    return ("`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides={tuple(strides)} and dilation_rate={tuple(dilation_rate)}")


def torch_size(sizes: Sequence[int]) -> str:
    return "torch.Size([" + ", ".join(str(v) for v in sizes) + "])"


def _bracket(values: Sequence[int]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def torch_channel_mismatch(weight_shape: Sequence[int], input_shape: Sequence[int], expected: int,
                           transposed: bool, groups: int = 1) -> str:
    """``check_shape_forward``: the input's channels against the weight (transposed: its first axis)."""
    given = "transposed=1" if transposed else f"groups={groups}"
    return (f"Given {given}, weight of size {_bracket(weight_shape)}, expected input{_bracket(input_shape)} "
            f"to have {expected} channels, but got {input_shape[1]} channels instead")


def torch_output_size_out_of_range(requested: Sequence[int] | str, mins: Sequence[int],
                                   maxs: Sequence[int], input_spatial: Sequence[int]) -> str:
    """``ConvTranspose2d.forward(x, output_size)``; the request is printed as passed (list or tuple)."""
    return (f"requested an output size of {requested}, but valid sizes range from {list(mins)} "
            f"to {list(maxs)} (for an input of {torch_size(input_spatial)})")


def torch_output_padding_too_large(output_padding: Sequence[int], stride: Sequence[int],
                                   dilation: Sequence[int]) -> str:
    return ("output padding must be smaller than either stride or dilation, but got "
            f"output_padding_height: {output_padding[0]} output_padding_width: {output_padding[1]} "
            f"stride_height: {stride[0]} stride_width: {stride[1]} "
            f"dilation_height: {dilation[0]} dilation_width: {dilation[1]}")


def torch_output_too_small(input_hw: Sequence[int], output_hw: Sequence[int]) -> str:
    return (f"Given input size per channel: ({input_hw[0]} x {input_hw[1]}). Calculated output size "
            f"per channel: ({output_hw[0]} x {output_hw[1]}). Output size is too small")
