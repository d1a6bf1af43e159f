"""Design mode, the inverse question: "my input is H and I want exactly T" — which layers give it?

:func:`designs` lists, per framework, the (kernel, stride, padding, output_padding / output_shape)
combinations whose transposed conv maps an input of ``i`` to exactly ``target``, using the same
arithmetic as the frameworks (:mod:`convt.arithmetic`), and flags checkerboard risk: a kernel that is
not a multiple of the stride makes the stamped kernels overlap unevenly (Odena et al., 2016).
Best first: no checkerboard, then stride nearest ``target / i``, then the smaller kernel.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from convt.arithmetic import effective_kernel
from convt.frameworks import jax, keras, tensorflow, torch
from lab.explorer import FIRST_THREE

MAX_DESIGN_KERNEL = 8
MAX_DESIGN_STRIDE = 8


@dataclass(frozen=True)
class Design:
    framework: str  # "tf", "keras", "torch", "jax", "onnx"
    kernel: int
    stride: int
    padding: str  # "SAME", "VALID" or "padding=p" (PyTorch)
    output_padding: Optional[int]
    call: str
    checkerboard: bool
    params: Dict[str, object] = field(default_factory=dict)  # shape-explorer URL keys


def checkerboard_risk(kernel: int, stride: int) -> bool:
    """Uneven overlap of the stamped kernels: kernel size not a multiple of the stride."""
    return stride > 1 and kernel % stride != 0


def _rank(d: Design, i: int, target: int):
    ratio = target / max(i, 1)
    return (d.checkerboard, abs(d.stride - ratio), d.kernel, d.output_padding or 0, d.padding)


def designs(i: int, target: int, dilation: int = 1, limit: int = 6, max_kernel: int = MAX_DESIGN_KERNEL,
            max_stride: int = MAX_DESIGN_STRIDE, frameworks=FIRST_THREE) -> Dict[str, List[Design]]:
    """``{"tf": [...], "keras": [...], "torch": [...]}`` (or the ``frameworks`` asked for): up to
    ``limit`` designs each, best first."""
    out: Dict[str, List[Design]] = {fw: [] for fw in frameworks}
    if i < 1 or target < 1:
        return out
    more: Dict[str, List[Design]] = {"jax": [], "onnx": []}
    dil = f", dilations={dilation}" if dilation != 1 else ""
    for s in range(1, max_stride + 1):
        for k in range(1, max_kernel + 1):
            cb = checkerboard_risk(effective_kernel(k, dilation), s)
            for pad in ("SAME", "VALID"):
                tf_ok = target in tensorflow.valid_output_sizes(i, k, s, dilation, pad)
                if tf_ok:
                    out["tf"].append(Design(
                        "tf", k, s, pad, None,
                        f"tf.nn.conv2d_transpose(x, filters[{k},{k},out,in], output_shape=[b, {target}, "
                        f"{target}, out], strides={s}, padding=\"{pad}\"{dil})", cb,
                        {"fw": "tf", "in": i, "k": k, "s": s, "pad": pad, "d": dilation, "out": target}))
                for op in [None] + list(range(s)) if (s == 1 or dilation == 1) else []:
                    if keras.output_size(i, k, s, dilation, pad.lower(), op) == target and tf_ok:
                        out["keras"].append(Design(
                            "keras", k, s, pad, op,
                            f"keras.layers.Conv2DTranspose(out, {k}, strides={s}, padding=\"{pad.lower()}\", "
                            f"output_padding={op})", cb,
                            {"fw": "keras", "in": i, "k": k, "s": s, "pad": pad, "d": dilation,
                             "op": "none" if op is None else op}))
            k_eff = effective_kernel(k, dilation)
            for p in range(0, min(k_eff, 33)):
                base = torch.output_size(i, k, s, p, 0, dilation)
                op = target - base
                if 0 <= op <= torch.max_output_padding(s, dilation):
                    pad_params = {"pad": "VALID"} if p == 0 else {"pad": "EXPLICIT", "pb": p, "pa": p}
                    out["torch"].append(Design(
                        "torch", k, s, f"padding={p}", op,
                        f"nn.ConvTranspose2d(in, out, {k}, stride={s}, padding={p}, output_padding={op}"
                        f"{', dilation=' + str(dilation) if dilation != 1 else ''})", cb,
                        {"fw": "torch", "in": i, "k": k, "s": s, "d": dilation, "req": "padding",
                         "op": op, **pad_params}))
            more["jax"] += _jax_designs(i, target, k, s, dilation, cb)
            more["onnx"] += _onnx_designs(i, target, k, s, dilation, cb)
    return {fw: sorted({**out, **more}[fw], key=lambda d: _rank(d, i, target))[:limit] for fw in frameworks}


def _jax_designs(i: int, target: int, k: int, s: int, d: int, cb: bool) -> List[Design]:
    """JAX's named paddings, or forward-conv pads with use_consistent_padding=True (JAX checks no size)."""
    dil = f", rhs_dilation=({d}, {d})" if d != 1 else ""
    base = {"fw": "jax", "in": i, "k": k, "s": s, "d": d, "jcp": False}
    found = [Design("jax", k, s, pad, None, f"lax.conv_transpose(x, rhs, ({s}, {s}), '{pad}'{dil})", cb,
                    {**base, "pad": pad})
             for pad in ("SAME", "VALID") if jax.output_size(i, k, s, pad, d) == target]
    total = (i - 1) * s + effective_kernel(k, d) - target       # forward-conv pads lo + hi
    if not found and 0 < total <= 2 * 32:
        lo, hi = total // 2, total - total // 2
        found.append(Design("jax", k, s, f"({lo}, {hi})", None,
                            f"lax.conv_transpose(x, rhs, ({s}, {s}), (({lo}, {hi}), ({lo}, {hi})){dil}, "
                            "use_consistent_padding=True)", cb,
                            {**base, "pad": "EXPLICIT", "pb": lo, "pa": hi, "jcp": True}))
    return found


def _onnx_designs(i: int, target: int, k: int, s: int, d: int, cb: bool) -> List[Design]:
    """auto_pad SAME_UPPER, or VALID with output_padding (below the stride, as onnxruntime requires)."""
    full = (i - 1) * s + effective_kernel(k, d)
    base = {"fw": "onnx", "in": i, "k": k, "s": s, "d": d, "req": "padding", "op": "none", "lower": False}
    found = []
    if min(i * s, full) == target:
        found.append(Design("onnx", k, s, "SAME_UPPER", None, f"ConvTranspose(kernel_shape=[{k}, {k}], "
                            f"strides=[{s}, {s}], auto_pad='SAME_UPPER')", cb, {**base, "pad": "SAME"}))
    op = target - full
    if 0 <= op < s:
        found.append(Design("onnx", k, s, "VALID", op, f"ConvTranspose(kernel_shape=[{k}, {k}], strides=[{s}, {s}], "
                            f"auto_pad='VALID', output_padding=[{op}, {op}])", cb, {**base, "pad": "VALID", "op": op}))
    return found
