"""Skip-connection (concat) messages recorded from the real frameworks (tools/fixtures_concat.py)."""
import json
from pathlib import Path

from convt.explain import explain

CASES = json.loads((Path(__file__).parent / "golden" / "concat_cases.json").read_text())


def test_every_recorded_concat_message_is_read_with_both_sizes():
    seen = set()
    for case in CASES:
        if "skip" not in case:
            continue
        d = explain(case["message"])
        assert (d.framework, d.kind) == (case["framework"], "concat"), case["message"]
        assert (d.facts["first_size"], d.facts["second_size"]) == (case["skip"], case["up"])
        assert str(case["skip"]) in d.text and str(case["up"]) in d.text
        if case["framework"] != "pytorch":      # PyTorch does not say which axis
            assert ("height" if case["axis"] == 0 else "width") in d.text
        assert any("2^depth" in f for f in d.fixes)
        seen.add(case["framework"])
    assert seen == {"pytorch", "tensorflow", "keras", "jax"}


def test_keras_output_padding_wordings():
    recorded = [c for c in CASES if c.get("kind") == "keras_output_padding"]
    assert recorded and all(explain(c["message"]).kind == "keras_output_padding" for c in recorded)
    d = explain("ValueError: `output_padding` must be < `strides`")
    assert (d.framework, d.kind) == ("keras", "keras_output_padding")


def test_tf1_graph_build_concat_and_bare_messages():
    d = explain("ValueError: Dimension 1 in both shapes must be equal, but are 61 and 60. Shapes are "
                "[?,61,61,64] and [?,60,61,32]. for 'concat' (op: 'ConcatV2') with input shapes")
    assert (d.kind, d.facts["first_size"], d.facts["second_size"]) == ("concat", 61, 60)
    bare = explain("A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis.")
    assert bare.kind == "concat" and "first_size" not in bare.facts
