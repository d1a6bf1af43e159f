"""convt: forward and transposed convolution (1-D, 2-D and 3-D) exactly as TensorFlow, Keras and
PyTorch compute, fail and word them — and 2-D as JAX and ONNX (onnxruntime) do — plus the
explanations and traces the app shows.

Importing this package never imports Streamlit. The Numba cache is pointed at a writable
directory *before* numba is imported, so ``cache=True`` works on read-only installs
(Streamlit Community Cloud mounts the app folder read-only for the app user).
"""
from convt._cache_dir import ensure_numba_cache_dir

ensure_numba_cache_dir()

from convt.errors import ShapeError  # noqa: E402
from convt import jax_style, onnx_style, tf_style, torch_style  # noqa: E402
from convt.explain import Diagnosis, explain  # noqa: E402

__all__ = ["ShapeError", "tf_style", "torch_style", "jax_style", "onnx_style", "explain", "Diagnosis"]
