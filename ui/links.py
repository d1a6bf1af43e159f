"""The one place URLs are spelled: links to pages (which may not exist yet: other pages are
written in parallel, and ``st.page_link`` to a missing file raises, so a page is looked up by a
word in its file name), and the library's typed geometry as the shape explorer's URL keys."""
from pathlib import Path
from typing import Dict, Mapping, Optional

import streamlit as st

from convt.diagnosis import Diagnosis, Framework, Geometry, spatial_names
from lab import chain, decoder, explorer, unet
from lab.url_state import url_keys
from ui.prefs import _

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
FRAMEWORK_KEYS = {Framework.TENSORFLOW: "tf", Framework.KERAS: "keras", Framework.PYTORCH: "torch",
                  Framework.JAX: "jax", Framework.ONNX: "onnx"}
_CONFIG_KEYS = url_keys(explorer.Config)


def find_page(word: str) -> Optional[str]:
    """``pages/<n>_<Name>.py`` whose name contains ``word`` (case-insensitive), or None."""
    for path in sorted(PAGES_DIR.glob("*.py")):
        if word.lower() in path.stem.lower():
            return f"pages/{path.name}"
    return None


def page_link(word: str, label: str, icon: Optional[str] = None, query_params=None) -> None:
    page = find_page(word)
    if page is None:
        st.caption(_("{label} (page coming soon)", label=label))
        return
    st.page_link(page, label=label, icon=icon, query_params=query_params)


def geometry_params(geometry: Geometry) -> Dict[str, object]:
    """A geometry's known fields as the shape explorer's URL keys (``in k s d pad out fw``)."""
    g = geometry
    params: Dict[str, object] = {"in": g.input, "k": g.kernel, "s": g.stride, "d": g.dilation}
    if isinstance(g.padding, tuple):
        params.update(pad="EXPLICIT", pb=g.padding[0], pa=g.padding[1])
    else:
        params["pad"] = g.padding
    params.update(out=g.output, fw=FRAMEWORK_KEYS.get(g.framework))
    return {key: value for key, value in params.items() if value is not None}


def config_params(changes: Mapping[str, object]) -> Dict[str, object]:
    """An explorer fix's :class:`lab.explorer.Config` field changes as the page's URL keys."""
    return {_CONFIG_KEYS[attr]: value for attr, value in changes.items()}


def explorer_link(diag: Diagnosis) -> Dict[str, str]:
    """URL parameters that open the explorer on a Diagnosis's configuration.

    For a PyTorch ``output_size`` message (which prints the range but not kernel and padding) it
    picks padding 0 and the kernel that gives that range; an ``output_padding`` message opens
    Keras / PyTorch with that output_padding. A 1-D or 3-D message opens the explorer in that
    dimension (its one axis as the explorer's length / every side).
    """
    found = decoder.reproduction(diag)
    if found is not None:
        return {key: str(value) for key, value in config_params(found.changes).items()}
    params = geometry_params(diag.geometry)
    facts = diag.facts
    nd = len(diag.valid_output_sizes)
    if nd in explorer.DIMS and nd != 2:
        params["nd"] = nd
    axis = spatial_names(nd)[0] if nd == 1 else "height"
    if params.get("fw") == "torch" and "k" not in params and f"min_{axis}" in facts:
        i, s = facts.get(f"input_{axis}"), facts.get(f"stride_{axis}")
        low = facts[f"min_{axis}"]
        if i and s:
            k = low - (i - 1) * s  # padding 0, dilation 1: min = (i-1)s + k
            if 1 <= k <= explorer.MAX_KERNEL:
                params.update({"k": k, "pad": "VALID"})
    if params.get("fw") in ("keras", "torch") and "op" not in params and f"output_padding_{axis}" in facts:
        params["op"] = facts[f"output_padding_{axis}"]
        if params.get("fw") == "torch":
            params["req"] = "padding"
    return {key: str(value) for key, value in params.items() if key in explorer.PAGE_KEYS}


def chain_link(diag: Diagnosis) -> Dict[str, str]:
    """URL parameters that open the encoder–decoder page on a chain whose skip connection fails
    with a concat message's two sizes (empty when no two-level chain gives them)."""
    a, b = diag.facts.get("first_size"), diag.facts.get("second_size")
    found = unet.concat_chain(a, b) if diag.kind == "concat" and a and b else None
    if found is None:
        return {}
    fw = FRAMEWORK_KEYS.get(diag.framework, "torch")
    return {"in": str(found.input), "layers": found.text("; "), "fw": fw if fw in chain.FRAMEWORKS else "torch"}
