"""Shape arithmetic against brute force over the forward formula, and the reference's worked examples."""
import pytest
from hypothesis import given, settings, strategies as st

from convt.arithmetic import effective_kernel, trunc_div, windowed_output
from convt.frameworks import keras, tensorflow, torch

paddings = st.one_of(st.sampled_from(["SAME", "VALID"]),
                     st.tuples(st.integers(0, 4), st.integers(0, 4)))


def brute_force_valid(i, k, s, d, padding):
    """Every N the forward conv maps back onto i, by trying them all."""
    limit = (i + 2) * s + effective_kernel(k, d) + 10
    return [n for n in range(1, limit) if windowed_output(n, k, s, d, padding).size == i]


@settings(max_examples=300, deadline=None)
@given(i=st.integers(0, 40), k=st.integers(1, 7), s=st.integers(1, 6), d=st.integers(1, 3), padding=paddings)
def test_valid_sizes_equal_brute_force(i, k, s, d, padding):
    assert list(tensorflow.valid_output_sizes(i, k, s, d, padding)) == brute_force_valid(i, k, s, d, padding)


@given(a=st.integers(-1000, 1000), b=st.integers(1, 50))
def test_trunc_div_truncates_toward_zero_like_cpp(a, b):
    q = trunc_div(a, b)
    assert abs(q) == abs(a) // b and (q == 0 or (q > 0) == (a > 0))


def test_same_split_puts_the_extra_cell_after():
    # 5 -> 3 with kernel 4, stride 2: total padding 3, split (1, 2)
    w = windowed_output(5, 4, 2, 1, "SAME")
    assert (w.size, w.pad_before, w.pad_after) == (3, 1, 2)


# framework_rules.md §6, measured with TF 2.21, Keras 3.15 and torch 2.13
@pytest.mark.parametrize("i,k,s,d,same,valid,keras_same,keras_valid,torch_p0", [
    (3, 2, 2, 1, [5, 6], [6, 7], 6, 6, [6, 7]),
    (3, 3, 2, 1, [5, 6], [7, 8], 6, 7, [7, 8]),
    (25, 3, 3, 1, [73, 74, 75], [75, 76, 77], 75, 75, [75, 76, 77]),
    (25, 3, 4, 1, [97, 98, 99, 100], [99, 100, 101, 102], 100, 100, [99, 100, 101, 102]),
    (4, 5, 2, 1, [7, 8], [11, 12], 8, 11, [11, 12]),
    (4, 3, 1, 2, [4], [8], 4, 8, [8]),
    (18, 11, 16, 1, list(range(273, 289)), list(range(283, 299)), 288, 288, list(range(283, 299))),
])
def test_worked_examples(i, k, s, d, same, valid, keras_same, keras_valid, torch_p0):
    assert list(tensorflow.valid_output_sizes(i, k, s, d, "SAME")) == same
    assert list(tensorflow.valid_output_sizes(i, k, s, d, "VALID")) == valid
    assert keras.output_size(i, k, s, d, "same", None) == keras_same
    assert keras.output_size(i, k, s, d, "valid", None) == keras_valid
    low, high = torch.output_size_range(i, k, s, 0, d)
    assert list(range(low, high + 1)) == torch_p0


def test_keras_even_kernel_same_output_padding_zero_is_outside_tf_range():
    # Keras asks for 48 from 25 with k=2, s=2, same, op=0; TF SAME accepts 49..50 only
    assert keras.output_size(25, 2, 2, 1, "same", 0) == 48
    assert 48 not in tensorflow.valid_output_sizes(25, 2, 2, 1, "SAME")


@given(i=st.integers(1, 30), k=st.integers(1, 6), s=st.integers(1, 5), d=st.integers(1, 3), op=st.integers(0, 4))
def test_torch_output_size_is_the_forward_inverse(i, k, s, d, op):
    """Every size torch produces (p=0, op < stride) is one TF VALID accepts: the same arithmetic."""
    n = torch.output_size(i, k, s, 0, op % s, d)
    assert n in tensorflow.valid_output_sizes(i, k, s, d, "VALID")
