"""The encoder–decoder page's U-Net size solver section (the model is lab.unet): the input sizes
that round-trip, and for the chain's own input the smallest fix per layer, as code for each framework."""
import streamlit as st

from lab import chain as C
from lab import unet
from ui.prefs import _
from ui.style import md

CODE_NAMES = {"tf": "TensorFlow", "keras": "Keras", "torch": "PyTorch", "jax": "JAX"}


@st.cache_data(max_entries=256, show_spinner=False)
def _solve(chain: C.Chain, fw: str) -> unet.Solution:
    return unet.solve(chain, fw)


def show(chain: C.Chain, fw: str) -> None:
    st.header(_("U-Net size solver"))
    name = C.FRAMEWORK_NAMES[fw]
    sol = _solve(chain, fw)
    st.markdown(_("In {framework}, the input sizes this chain gives back exactly (every skip connection matches and "
                  "the output has the input's size), up to {most}: **{sizes}**.", framework=name, most=C.MAX_INPUT,
                  sizes=md(_(sol.summary))))
    if sol.breaks_at is None:
        st.markdown(_("Input {n} round-trips.", n=chain.input) if chain.input in sol.sizes else
                    _("Input {n} runs through, but the output does not have the input's size.", n=chain.input))
        return
    st.markdown(_("Input {n} breaks at layer {t}. The smallest fix per layer, each on its own:", n=chain.input,
                  t=sol.breaks_at))
    for fix in sol.fixes:
        st.markdown("- " + md(_(fix.text)))
        st.code("\n".join(f"# {CODE_NAMES[key]}\n{line}" for key, line in fix.code.items()), language="python",
                wrap_lines=True)
