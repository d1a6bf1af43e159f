"""convt.frameworks: the registry, one home per rule, the memoised checks and typed geometry."""
import pathlib
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import ShapeError, explain, torch_style, tf_style
from convt._arrays import memoised
from convt.diagnosis import Framework, Geometry
from convt.frameworks import FRAMEWORKS, TITLES, keras, tensorflow, torch
from ui.links import explorer_link, geometry_params

CONVT = pathlib.Path(__file__).resolve().parent.parent / "convt"


def test_each_rule_text_lives_in_one_module_and_no_module_knows_pages():
    sources = {path: path.read_text() for path in CONVT.rglob("*.py")}
    for text in ("doesn't match computed", "valid sizes range from", "output padding must be smaller"):
        assert len([p for p, s in sources.items() if text in s]) == 1, text
    for path, source in sources.items():
        assert not re.search(r"query_params|explorer_params|from_query|to_query", source), path


def test_registry_lists_every_framework_once_with_its_reader():
    assert {m.FW for m in FRAMEWORKS} == set(Framework) == set(TITLES)
    for module in FRAMEWORKS:
        assert module.TITLE and module.MARKER.pattern and module.RULES


@pytest.mark.parametrize("module, message", [
    (tensorflow, tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1)),
    (tensorflow, tensorflow.batch_mismatch(2, 3)),
    (tensorflow, tensorflow.negative_output(-3, 1, 9, 2)),
    (tensorflow, tensorflow.onednn_abort()),
    (keras, keras.output_padding_too_large(0, (4, 4), (4, 4))),
    (keras, keras.strides_with_dilation((2, 2), (2, 2))),
    (torch, torch.output_size_out_of_range([5, 5], [6, 6], [7, 7], [3, 3])),
    (torch, torch.output_padding_too_large((4, 4), (4, 4), (1, 1))),
    (torch, torch.output_too_small((25, 25), (-1, -1))),
])
def test_each_module_reads_back_its_own_texts(module, message):
    assert explain(message).framework == module.FW


def test_a_refusal_is_never_served_from_the_memo():
    x, w = np.ones((1, 3, 3, 1), np.float32), np.ones((3, 3, 1, 1), np.float32)
    assert tf_style.conv2d_transpose(x, w, [1, 6, 6, 1], 2, "SAME").shape == (1, 6, 6, 1)
    for strides in (True, [True, 2], np.int64(2) * 0):   # equal to 1 / [1, 2] / 0 as keys, not as values
        with pytest.raises(ShapeError):
            tf_style.conv2d_transpose(x, w, [1, 6, 6, 1], strides, "SAME")


def test_a_refusal_prints_the_argument_as_passed():
    x, w = np.ones((1, 1, 3, 3), np.float32), np.ones((1, 1, 3, 3), np.float32)
    assert torch_style.conv_transpose2d(x, w, stride=2, output_size=(8, 8)).shape == (1, 1, 8, 8)
    for request, shown in (([6, 6], "[6, 6]"), ((6, 6), "(6, 6)")):
        for _ in range(2):
            with pytest.raises(ShapeError, match=re.escape(f"requested an output size of {shown}")):
                torch_style.conv_transpose2d(x, w, stride=2, output_size=request)


arguments = st.one_of(st.integers(-1, 4), st.booleans(), st.lists(st.integers(-1, 4), max_size=3),
                      st.tuples(st.integers(0, 4), st.integers(0, 4)), st.none())


@settings(max_examples=300, deadline=None)
@given(shape=st.tuples(st.integers(1, 2), st.integers(1, 3), st.integers(1, 6), st.integers(1, 6)),
       k=st.integers(1, 4), stride=arguments, padding=arguments, output_padding=arguments,
       dilation=arguments, request=st.one_of(st.none(), st.lists(st.integers(0, 20), min_size=2, max_size=2)))
def test_the_memo_answers_as_the_check_does(shape, k, stride, padding, output_padding, dilation, request):
    check, memo = torch.conv_transpose_plan, memoised(torch.conv_transpose_plan, exact=5)
    args = (shape, np.dtype(np.float32), (shape[1], 2, k, k), np.dtype(np.float32), None,
            stride, padding, output_padding, 1, dilation, request)
    for _ in range(2):                                   # a miss, then (when it worked) a hit
        try:
            want = check(*args)
        except ShapeError as err:
            with pytest.raises(ShapeError) as got:
                memo(*args)
            assert str(got.value) == str(err)
        else:
            assert memo(*args) == want


def test_geometry_becomes_the_explorers_url_keys():
    assert geometry_params(Geometry()) == {}
    assert geometry_params(Geometry(Framework.PYTORCH, input=3, stride=2, output=5)) == {
        "in": 3, "s": 2, "out": 5, "fw": "torch"}
    assert geometry_params(Geometry(padding=(1, 2), kernel=4)) == {"k": 4, "pad": "EXPLICIT", "pb": 1, "pa": 2}
    assert Geometry(input=0, output=-3, stride=2).known() == Geometry(stride=2)
    d = explain(tensorflow.size_mismatch(25, 33, 1, 97, 3, 3, 1))
    assert d.geometry == Geometry(Framework.TENSORFLOW, 25, 3, 3, 1, "SAME", 97)
    assert explorer_link(d) == {"in": "25", "k": "3", "s": "3", "d": "1", "pad": "SAME", "out": "97", "fw": "tf"}
