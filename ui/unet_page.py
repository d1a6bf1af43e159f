"""The encoder–decoder page's U-Net size solver section (the model is lab.unet): the input sizes
that round-trip, and for the chain's own input the smallest fix per layer, as code for each framework."""
import streamlit as st

from lab import chain as C
from lab import unet
from ui.style import md

CODE_NAMES = {"tf": "TensorFlow", "keras": "Keras", "torch": "PyTorch", "jax": "JAX"}


@st.cache_data(max_entries=256, show_spinner=False)
def _solve(chain: C.Chain, fw: str) -> unet.Solution:
    return unet.solve(chain, fw)


def show(chain: C.Chain, fw: str) -> None:
    st.header("U-Net size solver")
    name = C.FRAMEWORK_NAMES[fw]
    sol = _solve(chain, fw)
    st.markdown(f"In {name}, the input sizes this chain gives back exactly (every skip connection matches and "
                f"the output has the input's size), up to {C.MAX_INPUT}: **{md(sol.summary)}**.")
    if sol.breaks_at is None:
        st.markdown(f"Input {chain.input} round-trips." if chain.input in sol.sizes else
                    f"Input {chain.input} runs through, but the output does not have the input's size.")
        return
    st.markdown(f"Input {chain.input} breaks at layer {sol.breaks_at}. The smallest fix per layer, each on its own:")
    for fix in sol.fixes:
        st.markdown("- " + md(fix.text))
        st.code("\n".join(f"# {CODE_NAMES[key]}\n{line}" for key, line in fix.code.items()), language="python",
                wrap_lines=True)
