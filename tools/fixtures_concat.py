#!/usr/bin/env python3
"""Skip-connection (concat) error texts from the REAL frameworks, for the decoder's reader tests.

    TF_ENABLE_ONEDNN_OPTS=0 /work/fwvenv/bin/python tools/fixtures_concat.py   # writes tests/golden/concat_cases.json

torch, TensorFlow, Keras and JAX live only in that venv; they are never runtime or test
dependencies of convt.  Each case concatenates two feature maps whose spatial sizes differ (a U-Net
whose input is not a multiple of 2^depth) and records the framework's message with the two sizes,
the concat axis and which spatial axis differs.  Also Keras 3's output_padding check (its wording
differs between releases: the recorded one is this release's).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
OUT = Path(__file__).resolve().parent.parent / "tests" / "golden" / "concat_cases.json"

# (skip size, upsampled size, differing spatial axis 0=height/1=width, channels)
SHAPES = [(61, 60, 0, 64), (5, 2, 0, 192), (25, 24, 1, 32), (97, 96, 1, 16), (7, 8, 0, 8)]


def message_of(call) -> str:
    try:
        call()
    except Exception as exc:  # noqa: BLE001 - the message is what we record
        return f"{type(exc).__name__}: {exc}"
    raise AssertionError("no error")


def hw(size_a, size_b, axis):
    a, b = [size_a, size_a], [size_a, size_a]
    b[axis] = size_b
    return a, b


def torch_cases():
    import torch
    for a, b, axis, c in SHAPES:
        sa, sb = hw(a, b, axis)
        x, y = torch.zeros(1, c, *sa), torch.zeros(1, c // 2, *sb)
        yield {"framework": "pytorch", "version": torch.__version__, "skip": a, "up": b, "axis": axis,
               "concat_axis": 1, "message": message_of(lambda: torch.cat([x, y], dim=1))}


def tf_cases():
    import tensorflow as tf
    for a, b, axis, c in SHAPES:
        sa, sb = hw(a, b, axis)
        x, y = tf.zeros([1, *sa, c]), tf.zeros([1, *sb, c // 2])
        yield {"framework": "tensorflow", "version": tf.__version__, "skip": a, "up": b, "axis": axis,
               "concat_axis": 3, "message": message_of(lambda: tf.concat([x, y], axis=3))}


def keras_cases():
    import keras
    for a, b, axis, c in SHAPES:
        sa, sb = hw(a, b, axis)
        layer = keras.layers.Concatenate()
        yield {"framework": "keras", "version": keras.__version__, "skip": a, "up": b, "axis": axis,
               "concat_axis": -1,
               "message": message_of(lambda: layer([keras.Input((*sa, c)), keras.Input((*sb, c))]))}
    conv = keras.layers.Conv2DTranspose
    yield {"framework": "keras", "version": keras.__version__, "kind": "keras_output_padding",
           "message": message_of(lambda: conv(4, 3, strides=2, output_padding=2))}


def jax_cases():
    import jax
    import jax.numpy as jnp
    for a, b, axis, c in SHAPES:
        sa, sb = hw(a, b, axis)
        x, y = jnp.zeros((1, *sa, c)), jnp.zeros((1, *sb, c // 2))
        yield {"framework": "jax", "version": jax.__version__, "skip": a, "up": b, "axis": axis,
               "concat_axis": -1, "message": message_of(lambda: jnp.concatenate([x, y], axis=-1))}


def main() -> None:
    cases = []
    for make in (torch_cases, tf_cases, keras_cases, jax_cases):
        cases += list(make())
    OUT.write_text(json.dumps(cases, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
