"""The decoder's own model (lab.decoder, convt.explain.explain_paste): the paste's last error, the
answer first, explorer views that print the pasted numbers (never the seed's), per-dimension ranges."""
import time

from hypothesis import given, settings, strategies as st

from convt.explain import explain, explain_paste
from convt.frameworks import tensorflow, torch
from lab import decoder
from lab.explorer import Config, analyse
from lab.url_state import from_query
from ui.links import chain_link, explorer_link


def _view_messages(message: str):
    """Every message the explorer view opened by the decoder's link prints for its own case."""
    cfg, notes = from_query(Config, explorer_link(explain(message)))
    assert notes == []
    return [row.message for row in analyse(cfg).rows if row.applies and row.message]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 512), st.integers(1, 600))
def test_tf1_actual_computed_opens_a_view_printing_those_numbers(a, c):
    if a == c:
        return
    message = "InvalidArgumentError: " + tensorflow.size_mismatch(a, c, 1, 1, 1, 1, 1, label=tensorflow.GPU_LABEL,
                                                                  verbose=False)
    printed = _view_messages(message)
    assert any(m.endswith(f"actual = {a}, computed = {c}") for m in printed), printed
    assert not any("actual = 25, computed = 33" in m for m in printed if (a, c) != (25, 33))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 15), st.integers(1, 8), st.integers(0, 6),
       st.integers(1, 300), st.integers(1, 300))
def test_torch_range_opens_a_view_printing_exactly_the_pasted_message(ih, iw, k, s, p, rh, rw):
    lo = [torch.output_size_range(i, k, s, p, 1)[0] for i in (ih, iw)]
    hi = [v + s - 1 for v in lo]
    if min(lo) < 1 or (lo[0] <= rh <= hi[0] and lo[1] <= rw <= hi[1]):
        return
    message = "ValueError: " + torch.output_size_out_of_range([rh, rw], lo, hi, [ih, iw])
    assert message in _view_messages(message)
    assert decoder.reproduction(explain(message)).chosen


def test_a_long_paste_reads_its_last_error_and_says_which_line():
    first = "ValueError: " + torch.output_size_out_of_range([5, 5], [6, 6], [7, 7], [3, 3])
    frame = '  File "/site-packages/keras/src/layers/layer.py", line 9, in __call__\n    return f(x)\n'
    last = "InvalidArgumentError: " + tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1)
    paste = first + "\n" + frame * 12000 + last + "\nDuring handling, nothing else\n"
    assert len(paste) > 1_000_000
    t = time.perf_counter()
    r = explain_paste(paste)
    assert time.perf_counter() - t < 1
    assert r.line == last and r.line_number == paste.count("\n") - 1
    assert r.diagnosis.kind == "tf_size_mismatch" and r.diagnosis.facts["computed"] == 33
    assert "97" in decoder.answer(r.diagnosis)


def test_unrecognised_pastes_and_junk_are_answered_quickly():
    for junk in (b"\x00\xff" * 600_000, "<html><script>alert(1)</script>" * 40_000, "(" * 1_000_000, ""):
        t = time.perf_counter()
        r = explain_paste(junk)
        assert time.perf_counter() - t < 1
        assert r.line_number is None and r.diagnosis.framework is None and r.diagnosis.text


def test_torch_range_with_one_impossible_dimension_still_gives_the_other():
    d = explain("requested an output size of [3, 0], but valid sizes range from [3, -1] to [3, -1] "
                "(for an input of torch.Size([3, 1]))")
    verdicts = dict(decoder.per_dimension(d))
    assert verdicts["width"].startswith("impossible")
    assert verdicts["height"] == "accepts 3"
    assert "height on its own would accept 3" in d.text


def test_concat_message_links_to_a_chain_with_that_failure():
    d = explain("RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 61 but got "
                "size 60 for tensor number 1 in the list.")
    assert chain_link(d) == {"in": "61", "layers": "conv k3 s1 SAME; conv k2 s2 VALID; convT k2 s2 SAME skip 1",
                             "fw": "torch"}
    assert "61" in decoder.answer(d) and "60" in decoder.answer(d)


def test_families_name_every_framework_and_the_concat():
    fam = decoder.families()
    assert set(fam) == {"TensorFlow", "Keras", "PyTorch", "JAX", "ONNX"}
    assert "skip connection (concat)" in fam["PyTorch"]
