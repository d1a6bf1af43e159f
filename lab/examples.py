"""The error decoder's model: its link state, and example messages to try (the seed's, built by
:mod:`convt.frameworks`).

Each entry is ``(label, message)``; the texts are exactly what the frameworks print (TF 2.21 with
oneDNN off, TF 1.x as in the seed, Keras 3.15, PyTorch 2.13, JAX 0.10, onnxruntime 1.32) for the
seed's numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple

from convt.frameworks import jax, keras, onnx, tensorflow, torch
from lab.url_state import url_field

MAX_MESSAGE = 4000  # characters of ``m`` in a link: a longer paste's link carries only the line read
MAX_MESSAGE_LINES = 60  # lines of ``m`` in a link
MAX_PASTE = 2_000_000  # characters of a paste (a training log; the reader examines its two ends)


@dataclass(frozen=True)
class DecoderState:
    """The error decoder's link: the pasted message."""

    message: str = url_field("m", "", "message", max=MAX_MESSAGE, lines=MAX_MESSAGE_LINES)

CAPS_NOTE = (f"Pastes of up to {MAX_PASTE:,} characters are read (the last error found wins). A link "
             f"keeps a message of up to {MAX_MESSAGE} characters and {MAX_MESSAGE_LINES} lines; "
             "for a longer one it keeps only the line that was read.")


SEED_SHAPE_X = (3, 25, 25, 20)
SEED_SHAPE_GRAD = (3, 33, 33, 20)


def seed_examples() -> List[Tuple[str, str]]:
    return [
        ("TF 2.x: the seed, 97 → 25 → 97 with stride 3",
         "InvalidArgumentError: " + tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1)),
        ("TF 1.x at run time (unknown shapes)",
         "InvalidArgumentError: " + tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1,
                                                              label=tensorflow.GPU_LABEL,
                                                              verbose=False)),
        ("TF 1.x at graph build (static shapes)",
         "ValueError: " + tensorflow.tf1_shapes_not_compatible(SEED_SHAPE_GRAD, SEED_SHAPE_X)),
        ("TF 2.x graph mode, building gradients",
         "ValueError: " + tensorflow.gradient_incompatible(SEED_SHAPE_X, SEED_SHAPE_GRAD)),
        ("TF 2.x with oneDNN (the opaque one)", "AbortedError: " + tensorflow.onednn_abort()),
        ("PyTorch output_size (the seed's point 3)",
         "ValueError: " + torch.output_size_out_of_range([5, 5], [6, 6], [7, 7], [3, 3])),
        ("PyTorch, the seed's numbers",
         "ValueError: " + torch.output_size_out_of_range([97, 97], [73, 73], [75, 75], [25, 25])),
        ("Keras output_padding",
         "ValueError: " + keras.output_padding_too_large(0, (4, 4), (4, 4))),
        ("TF batch mismatch", "InvalidArgumentError: " + tensorflow.batch_mismatch(2, 1)),
        ("PyTorch output_padding",
         "RuntimeError: " + torch.output_padding_too_large((4, 4), (4, 4), (1, 1))),
        ("JAX: padding that crops more than there is",
         "ValueError: " + jax.negative_padding([(-60, -20), (0, 0)], ["np.int64(73)", "np.int64(73)"])),
        ("ONNX Runtime: output_shape 97 from 25",
         onnx.runtime_message("Explicit output_shape is inconsistent with input spatial dimensions and "
                              "convolution parameters. Expected input size 32 but got 25 (output_size=97, "
                              "kernel=3, stride=3, dilation=1, output_padding=0).")),
    ]
