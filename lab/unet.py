"""The U-Net size solver: which input sizes a chain of downsampling and upsampling layers gives back
exactly, and, for one input, the smallest change per broken layer, written out for each framework.

A skip connection only concatenates tensors of equal size, and each downsampling by ``s`` rounds an
odd size. The solver uses that the sizes repeat with the product ``P`` of the strides: it walks the
plain size arithmetic over one window of inputs (the first ``P`` after the kernels stop mattering),
keeps the residues modulo ``P`` that work, and extends them to every size up to the cap.
``tests/test_unet.py`` checks that against :func:`lab.chain.walk` over every input (a brute force).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from convt.arithmetic import windowed_output
from convt.frameworks import torch
from lab.chain import MAX_INPUT, Chain, Layer, default_transpose_size, parse_layers, torch_padding

FRAMEWORK_CODE = ("tf", "keras", "torch", "jax")


def layer_size(layer: Layer, framework: str, m: int) -> int:
    """One layer's output size from ``m`` (below 1: it cannot run)."""
    if layer.kind == "convT":
        return layer.out if layer.out is not None else default_transpose_size(framework, m, layer)
    if framework == "torch":
        return torch.conv_output_size(m, layer.kernel, layer.stride, torch_padding(layer), 1)
    return windowed_output(m, layer.kernel, layer.stride, 1, layer.padding).size


def sizes(chain: Chain, framework: str, n: int) -> Optional[List[int]]:
    """Every tensor's size for input ``n`` (index 0 the input), or None when a layer or skip fails."""
    out = [n]
    for layer in chain.layers:
        size = layer_size(layer, framework, out[-1])
        if size < 1 or (layer.skip is not None and out[layer.skip] != size):
            return None
        out.append(size)
    return out


def round_trips(chain: Chain, framework: str, n: int) -> bool:
    """Every layer and skip works and the last tensor has the input's size."""
    got = sizes(chain, framework, n)
    return got is not None and got[-1] == n


def period(chain: Chain) -> int:
    return math.prod(layer.stride for layer in chain.layers if layer.kind == "conv")


def round_trip_sizes(chain: Chain, framework: str, hi: int = MAX_INPUT) -> List[int]:
    """The inputs from 1 to ``hi`` that round-trip, from one period of residues (sizes repeat with
    the strides' product once the input exceeds the kernels' reach); chains that ask for a fixed
    output size do not repeat and are walked in full."""
    p = period(chain)
    if any(layer.out is not None for layer in chain.layers) or p > hi:
        return [n for n in range(1, hi + 1) if round_trips(chain, framework, n)]
    start = sum(layer.kernel for layer in chain.layers) * p   # past every kernel's edge effects
    low = [n for n in range(1, min(start, hi) + 1) if round_trips(chain, framework, n)]
    residues = {n % p for n in range(start + 1, start + p + 1) if round_trips(chain, framework, n)}
    return low + [n for n in range(start + 1, hi + 1) if n % p in residues]


def describe(values: Sequence[int]) -> str:
    """``multiples of 16 from 32 to 512`` / ``1 + multiples of 4 …`` / a short list / ``none``."""
    values = list(values)
    if not values:
        return "none"
    if len(values) <= 6:
        return ", ".join(map(str, values))
    step = values[1] - values[0]
    if all(b - a == step for a, b in zip(values, values[1:])):
        if values[0] % step == 0:
            return f"multiples of {step} from {values[0]} to {values[-1]}"
        return f"every {step}th size from {values[0]} to {values[-1]} ({values[0] % step} more than a multiple of {step})"
    return f"{len(values)} sizes: {', '.join(map(str, values[:5]))}, … {values[-1]}"


@dataclass(frozen=True)
class LayerFix:
    """The smallest change that lets one broken layer through, with the code in each framework."""

    layer: int          # 1-based; 0 for the input
    text: str
    code: Dict[str, str]


def _pad_code(amount: int) -> Dict[str, str]:
    return {"tf": f"x = tf.pad(x, [[0, 0], [0, {amount}], [0, {amount}], [0, 0]])",
            "keras": f"x = layers.ZeroPadding2D(((0, {amount}), (0, {amount})))(x)",
            "torch": f"x = F.pad(x, (0, {amount}, 0, {amount}))",
            "jax": f"x = jnp.pad(x, ((0, 0), (0, {amount}), (0, {amount}), (0, 0)))"}


def skip_fixes(up: int, skip: int, stride: int, layer: int) -> List[LayerFix]:
    """Fixes for an upsampled tensor of size ``up`` joined with a skip tensor of size ``skip``."""
    gap = skip - up
    fixes = []
    if 0 < gap < stride:
        fixes.append(LayerFix(layer, f"layer {layer}: output_padding={gap} makes the upsampling give {skip}",
                              {"keras": f"layers.Conv2DTranspose(c, k, strides={stride}, padding='same', "
                                        f"output_padding={gap})",
                               "torch": f"nn.ConvTranspose2d(c_in, c_out, k, stride={stride}, padding=p, "
                                        f"output_padding={gap})"}))
    fixes.append(LayerFix(layer, f"layer {layer}: ask for the skip tensor's size ({skip}) instead of {up}",
                          {"tf": "up = tf.nn.conv2d_transpose(x, w, output_shape=tf.shape(skip)[:3] + [c], "
                                 f"strides={stride}, padding='SAME')",
                           "torch": "up = self.up(x, output_size=skip.shape[-2:])",
                           "jax": "up = jax.image.resize(up, skip.shape[:3] + up.shape[3:], 'nearest')"}))
    if gap > 0:
        what = f"crop the skip tensor from {skip} to {up}"
        code = {"tf": f"skip = skip[:, :{up}, :{up}, :]", "keras": f"skip = layers.Cropping2D(((0, {gap}), (0, {gap})))(skip)",
                "torch": f"skip = skip[..., :{up}, :{up}]", "jax": f"skip = skip[:, :{up}, :{up}, :]"}
    else:
        what = f"crop the upsampled tensor from {up} to {skip}"
        code = {"tf": f"up = up[:, :{skip}, :{skip}, :]", "keras": f"up = layers.Cropping2D(((0, {-gap}), (0, {-gap})))(up)",
                "torch": f"up = up[..., :{skip}, :{skip}]", "jax": f"up = up[:, :{skip}, :{skip}, :]"}
    fixes.append(LayerFix(layer, f"layer {layer}: {what} before the concat", code))
    return fixes


@dataclass(frozen=True)
class Solution:
    """What the solver says about a chain for one input in one framework."""

    sizes: List[int]           # the inputs that round-trip, up to the cap
    summary: str               # e.g. "multiples of 8 from 8 to 512"
    breaks_at: Optional[int]   # 1-based layer where the input breaks (None: it works)
    fixes: List[LayerFix]


def solve(chain: Chain, framework: str) -> Solution:
    good = round_trip_sizes(chain, framework)
    fixes: List[LayerFix] = []
    breaks_at = None
    tensors = [chain.input]
    for t, layer in enumerate(chain.layers, start=1):
        size = layer_size(layer, framework, tensors[-1])
        if size < 1:
            breaks_at = t
            break
        if layer.skip is not None and tensors[layer.skip] != size:
            breaks_at = t
            fixes = skip_fixes(size, tensors[layer.skip], layer.stride, t)
            break
        tensors.append(size)
    if breaks_at is not None:
        bigger = [n for n in good if n >= chain.input]
        if bigger:
            fixes.append(LayerFix(0, f"pad the input from {chain.input} to {bigger[0]} (round-trip sizes: "
                                     f"{describe(good)})", _pad_code(bigger[0] - chain.input)))
    return Solution(good, describe(good), breaks_at, fixes)


def concat_chain(first: int, second: int) -> Optional[Chain]:
    """A two-level chain whose skip connection fails exactly like a concat of sizes ``first`` and
    ``second`` (the skip tensor is the larger one, or the odd one): a downsampling by 2 that rounds
    down (pooling, VALID) or up (SAME), then an upsampling by 2. None if no such chain gives them."""
    for skip, up in ((first, second), (second, first)):
        for padding, kernel in (("VALID", 2), ("SAME", 3)):
            text = f"conv k3 s1 SAME; conv k{kernel} s2 {padding}; convT k2 s2 SAME skip 1"
            layers, _ = parse_layers(text)
            chain = Chain(skip, layers)
            if 1 <= skip <= MAX_INPUT and layer_size(layers[1], "torch", skip) * 2 == up:
                return chain
    return None
