"""lab.walkthrough: the home page's demos say what the seed says; the 1-D line agrees with a matrix
built here from the definition; the recipes' claimed shapes are convt's own numbers."""
import numpy as np
from hypothesis import given, strategies as st

from convt.arithmetic import windowed_output
from lab import walkthrough as wt
from lab.url_state import from_query, to_query


def naive_matrix(n, w, stride, pad_before, m):
    """C[o, i] = w[i - o*stride + pad_before] where that tap exists (plain loops, no convt)."""
    C = np.zeros((m, n))
    for o in range(m):
        for t, wt_ in enumerate(w):
            i = o * stride + t - pad_before
            if 0 <= i < n:
                C[o, i] = wt_
    return C


def test_line_is_C_and_its_transpose():
    line = wt.line_demo()
    C = naive_matrix(wt.LINE_IN, line.kernel, wt.LINE_S, line.pad_before, wt.LINE_OUT)
    assert np.array_equal(line.C, C)
    assert np.array_equal(line.y, C @ line.x)
    assert np.array_equal(line.back, C.T @ line.y)
    assert np.array_equal(line.ct_g, C.T @ line.g)
    assert line.inner_x == line.inner_y == float(line.g @ C @ line.x)


@given(st.integers(0, wt.LINE_OUT - 1))
def test_taps_are_the_same_cells_both_ways(j):
    line = wt.line_demo()
    lo = j * wt.LINE_S - line.pad_before
    assert line.taps(j) == tuple(i for i in range(lo, lo + wt.LINE_K) if 0 <= i < wt.LINE_IN)
    e = np.zeros(wt.LINE_OUT)
    e[j] = 1
    assert tuple(np.flatnonzero(line.C.T @ e)) == line.taps(j)  # the transpose writes input j there


def test_ambiguity():
    rows, valid = wt.ambiguity_demo()
    assert valid == [5, 6]
    assert [r.accepted for r in rows] == [False, True, True, False]
    assert "actual = 3, computed = 4" in rows[-1].result
    assert [n for n, back in wt.many_to_one() if back == 3] == valid


def test_seed_failure():
    s = wt.seed_failure()
    assert s.forward_shape == (3, 25, 25, 20)
    assert s.message.startswith("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: "
                                "actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3")
    assert s.computed == 33 and s.valid == "73, 74, 75" and s.fixed_shape == (3, 97, 97, 10)


def test_adjoint():
    a = wt.adjoint_demo()
    assert a.lhs == a.rhs and a.seed_gradient == "ceil(97 / 3) = 33"


def test_timing():
    assert wt.timing_demo(False)["message"].startswith("ValueError: Shapes")
    assert "Conv2DSlowBackpropInput" in wt.timing_demo(True)["message"]


@given(st.sampled_from(wt.SKIP_SIZES))
def test_skip_recipes_claim_convts_numbers(skip):
    r = wt.skip_recipe(skip)
    assert r.down == 25 == windowed_output(skip, 3, 4, 1, "SAME").size
    assert 0 <= r.keras_output_padding < 4                     # Keras: output_padding < stride
    assert (25 - 1) * 4 + 3 % 2 + r.keras_output_padding == skip  # Keras "same": (i-1)s + k%2 + op
    assert r.keras_default == 25 * 4 and r.torch_default == (25 - 1) * 4 - 2 + 3
    assert r.torch_range[0] <= skip <= r.torch_range[1]
    code = wt.recipes(r)
    assert "tf.shape(x)[0]" in code["TensorFlow: a dynamic batch, tf.shape(x)[0]"]
    assert "output_shape=tf.shape(skip)" in code["TensorFlow: output_shape=tf.shape(skip)"]
    assert f"output_padding={r.keras_output_padding}" in code["Keras: output_padding"]
    assert "output_size=skip.shape[-2:]" in code["PyTorch: output_size=skip.shape[-2:]"]
    for text in code.values():
        compile(text, "recipe", "exec")
        assert f"# (3, {skip}, {skip}, 10)" in text or f"# (3, 10, {skip}, {skip})" in text


def test_home_state_round_trips_and_refuses_bad_values():
    state = wt.HomeState(cell=2, dynamic=True, skip=99)
    assert from_query(wt.HomeState, to_query(state)) == (state, [])
    back, notes = from_query(wt.HomeState, {"cell": "9", "skip": "1000", "dyn": "maybe"})
    assert back == wt.HomeState() and len(notes) == 3


def test_questions_come_from_convt():
    line, seed = wt.line_demo(), wt.seed_failure()
    for j in range(wt.LINE_OUT):
        qs = wt.questions(wt.HomeState(cell=j), line, seed)
        assert qs["taps"].answer == frozenset(line.taps(j))
    assert qs["computed"].answer == windowed_output(97, 3, 3, 1, "SAME").size == 33
