"""One module per framework: its checks in its own order, its exact texts, their plain-words
explanation and the reader that recognises them in ``explain``.

``FRAMEWORKS`` is the registry that ``explain``, the shape explorer, the error decoder and code
export iterate. Adding a framework is one module with ``FW``, ``TITLE``, ``MARKER`` and ``RULES``,
and one entry here. ``explain`` asks the readers in this order: Keras comes first because a Keras
layer on the TF backend fails with TensorFlow's text, which only Keras's reader can tell apart.
"""
from convt.diagnosis import Framework
from convt.frameworks import jax, keras, onnx, tensorflow, torch

FRAMEWORKS = (keras, tensorflow, torch, jax, onnx)
TITLES = {module.FW: module.TITLE for module in (tensorflow, keras, torch, jax, onnx)}

__all__ = ["FRAMEWORKS", "TITLES", "Framework", "jax", "keras", "onnx", "tensorflow", "torch"]
