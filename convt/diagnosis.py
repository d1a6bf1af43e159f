"""The framework-neutral vocabulary every framework module speaks: the framework enum, a call's
geometry, a fix, a diagnosis, and the two ways every message lists sizes and writes arithmetic.

It knows nothing of pages: a :class:`Geometry` is typed, and ``ui/links.py`` alone turns it into
a URL.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Dict, List, Optional, Tuple

from convt.arithmetic import Padding, effective_kernel, windowed_output

SizeList = Optional[List[int]]
AXES = ("height", "width")
AXES_3D = ("depth", "height", "width")


def spatial_names(nd: int) -> Tuple[str, ...]:
    """The names of ``nd`` spatial axes: ``length``; height, width; depth, height, width."""
    return {1: ("length",), 2: AXES, 3: AXES_3D}.get(nd, tuple(f"dim{j}" for j in range(nd)))


class Framework(StrEnum):
    """The one framework enum; its values are what ``Diagnosis.framework`` compares equal to."""

    TENSORFLOW = "tensorflow"
    KERAS = "keras"
    PYTORCH = "pytorch"
    JAX = "jax"
    ONNX = "onnx"


@dataclass(frozen=True)
class Geometry:
    """A transposed conv as far as it is known (``None``: unknown, or unchanged in a fix).

    ``framework`` is the one whose call reproduces it (a Keras layer's TF failure is a TF call);
    ``input`` and ``output`` are sizes of one spatial axis (the one the message is about).
    """

    framework: Optional[Framework] = None
    input: Optional[int] = None
    kernel: Optional[int] = None
    stride: Optional[int] = None
    dilation: Optional[int] = None
    padding: Optional[Padding] = None
    output: Optional[int] = None

    def known(self) -> "Geometry":
        """Sizes below 1 are not a configuration anything can open: they become unknown."""
        clean = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in clean.items():
            if isinstance(value, int) and value < 1:
                clean[name] = None
        return Geometry(**clean)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


@dataclass(frozen=True)
class Fix:
    """One concrete change that makes the call valid; ``change`` holds the fields it sets."""

    text: str
    change: Geometry = Geometry()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Diagnosis:
    """What an error message means.

    ``framework``: ``"tensorflow"``, ``"keras"``, ``"pytorch"``, ``"jax"``, ``"onnx"`` or ``None``
    (not recognised).
    ``padding``: ``"SAME"``, ``"VALID"`` or ``None`` when the message cannot tell.
    ``facts``: the numbers read from the message (and a few exactly derived ones), by name.
    ``valid_output_sizes``: one entry per spatial axis of the call: ``(height, width)`` for 2-D
    messages, ``(length,)`` for 1-D and ``(depth, height, width)`` for 3-D ones when the message
    tells; each the list of positive output sizes the framework would accept, or ``None`` where the
    message says nothing about that dimension.
    ``text``: the explanation in plain words; ``fixes``: concrete changes.
    ``kind``: short name of the recognised message (``"unknown"`` when not recognised).
    ``geometry``: the failing configuration as far as the message tells it.
    """

    framework: Optional[Framework] = None
    padding: Optional[str] = None
    facts: Dict[str, int] = field(default_factory=dict)
    valid_output_sizes: Tuple[SizeList, ...] = (None, None)
    text: str = ""
    fixes: List[str] = field(default_factory=list)
    kind: str = "unknown"
    geometry: Geometry = Geometry()


def diagnosis(framework: Framework, kind: str, text: str, facts=None, padding=None,
              valid=(None, None), fixes=(), geometry: Geometry = Geometry()) -> Diagnosis:
    """A recognised message's Diagnosis: unknown facts dropped, the geometry's framework filled in."""
    geometry = geometry.known()
    if geometry and geometry.framework is None:
        geometry = replace(geometry, framework=framework)
    return Diagnosis(framework=framework, padding=padding,
                     facts={k: v for k, v in (facts or {}).items() if v is not None},
                     valid_output_sizes=tuple(valid), text=text,
                     fixes=[str(f) for f in fixes], kind=kind, geometry=geometry)


def padding_name(padding: Padding) -> str:
    return padding if isinstance(padding, str) else f"explicit {list(padding)}"


def forward_arithmetic(n: int, kernel: int, stride: int, dilation: int, padding: Padding) -> str:
    """The forward conv's size computation written out with the numbers, e.g. ``ceil(97 / 3) = 33``."""
    size = windowed_output(n, kernel, stride, dilation, padding).size
    if padding == "SAME":
        return f"ceil({n} / {stride}) = {size}"
    k_eff = effective_kernel(kernel, dilation)
    k_text = str(k_eff) if dilation == 1 else f"{k_eff} (kernel {kernel} dilated by {dilation})"
    if padding == "VALID":
        return f"({n} - {k_text} + {stride}) div {stride} = {size}"
    before, after = padding
    return f"({n} + {before} + {after} - {k_text} + {stride}) div {stride} = {size}"


def size_list(sizes) -> str:
    """``73, 74, 75`` or ``none`` — how every page and message lists sizes."""
    sizes = list(sizes)
    if not sizes:
        return "none"
    if len(sizes) > 6:
        return f"{sizes[0]} to {sizes[-1]}"
    return ", ".join(str(v) for v in sizes)
