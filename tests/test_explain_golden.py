"""explain() on real error messages of TF 2.21, Keras 3.15, PyTorch 2.13, JAX 0.10.2 and onnxruntime 1.32
(1-D, 2-D and 3-D; bare and inside the traceback a user pastes), recorded by
``tools/differential_explain.py --golden``: framework, kind, padding, the facts the message prints and
the valid output sizes against the sizes the real framework accepted, asked one by one."""
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from differential_explain import GOLDEN, check_record  # noqa: E402

CASES = json.loads(GOLDEN.read_text())["cases"]


def test_the_fixture_covers_every_framework_and_dimension():
    seen = {(c["framework"], c["nd"]) for c in CASES}
    assert {(fw, nd) for fw in ("tensorflow", "keras", "pytorch", "jax", "onnx") for nd in (1, 2, 3)} <= seen
    assert {c["kind"] for c in CASES} >= {"tf_size_mismatch", "torch_output_size", "output_shape", "concat"}


@pytest.mark.parametrize("record", CASES, ids=[f"{c['label']}-{c['nd']}d-{j}" for j, c in enumerate(CASES)])
def test_explain_agrees_with_the_real_framework(record):
    assert not check_record(record), record["message"]
