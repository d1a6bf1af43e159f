"""The six traps (lab.traps): each counter-example really is one, on any configuration the page allows,
checked against convt's own adapters and an independent reference where one is short to write."""
from dataclasses import fields, replace

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from convt import torch_style
from convt.errors import ShapeError
from lab import traps as T
from lab.i18n import placeholders, translate
from lab.i18n.zh import ZH
from lab.url_state import schema

SETTINGS = settings(max_examples=25, deadline=None)
SCHEMA = schema(T.TrapsState)


def field(key):
    p = SCHEMA[key]
    return st.integers(int(p.min), int(p.max))


def states(*keys):
    return st.fixed_dictionaries({key: field(key) for key in keys}).map(lambda v: T.TrapsState(**v))


def matrix_of(op, shape):
    """The matrix of a linear map on arrays of ``shape`` (columns: its images of the unit arrays)."""
    size = int(np.prod(shape))
    units = np.eye(size).reshape((size,) + tuple(shape[1:]))
    return op(units).reshape(size, -1).T


@SETTINGS
@given(states("inv_in", "inv_k", "inv_s"), st.integers(0, 1000))
def test_conv_transpose_brings_the_shape_back_but_is_not_the_inverse(state, seed):
    n, k, s = state.inv_in, state.inv_k, state.inv_s
    w = T.kernel(k, seed)
    conv = lambda e: torch_style.conv2d(e, w, stride=s)
    m = conv(np.zeros((1, 1, n, n))).shape[-1]
    round_trip = lambda e: torch_style.conv_transpose2d(conv(e), w, stride=s, output_size=[n, n])
    a = matrix_of(round_trip, (1, 1, n, n))
    assert a.shape == (n * n, n * n)                       # the shape comes back ...
    assert np.linalg.matrix_rank(a) <= m * m < n * n       # ... through fewer numbers: never the identity
    out = T.inverse(state)
    assert out.question.answer is False and not np.allclose(out.arrays[2][1], out.arrays[0][1])
    assert out.arrays[2][1].shape == out.arrays[0][1].shape


@SETTINGS
@given(states("pad_in", "pad_k", "pad_s", "pad_p"))
def test_torch_padding_crops_the_full_output(state):
    i, k, s, p = state.pad_in, state.pad_k, state.pad_s, state.pad_p
    out = T.padding(state)
    full_size = (i - 1) * s + k
    if full_size - 2 * p < 1:
        assert out.question is None and "Output size is too small" in out.error
        return
    x, w = T.image(i), T.kernel(k)
    # reference: scatter every input cell's stamp into the full output, by hand
    full = np.zeros((full_size, full_size))
    for r in range(i):
        for c in range(i):
            full[r * s:r * s + k, c * s:c * s + k] += x[0, 0, r, c] * w[0, 0]
    y = torch_style.conv_transpose2d(x, w, stride=s, padding=p)
    np.testing.assert_allclose(y[0, 0], full[p:full_size - p, p:full_size - p])
    assert out.question.answer == full_size - 2 * p
    padded = T.padding(state).facts[2].fields
    assert dict(padded)["wrong"] > out.question.answer or p == 0


@SETTINGS
@given(states("op_in", "op_k", "op_s", "op_p"))
def test_output_padding_picks_among_the_sizes_the_conv_maps_back(state):
    i, k, s, p = state.op_in, state.op_k, state.op_s, state.op_p
    x, w = T.image(i), T.kernel(k)
    picked = set()
    for op in range(s):
        try:
            y = torch_style.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op)
        except ShapeError:
            continue
        n = y.shape[-1]
        picked.add(n)
        assert torch_style.conv2d(np.zeros((1, 1, n, n)), w, stride=s, padding=p).shape[-1] == i
        full = torch_style.conv_transpose2d(x, w, stride=s)
        padded = np.pad(full[0, 0], ((0, s), (0, s)))          # zeros only past the full output
        np.testing.assert_allclose(y[0, 0], padded[p:p + n, p:p + n])
    out = T.output_padding(replace(state, op_op=0))
    if out.question is not None:
        assert set(out.question.answer) == picked
    with pytest.raises(ShapeError):
        torch_style.conv_transpose2d(x, w, stride=s, padding=p, output_padding=max(s, 1))


@SETTINGS
@given(states("flip_k", "flip_s"), st.integers(0, 1000))
def test_jax_without_transpose_kernel_is_the_unflipped_correlation(state, seed):
    from convt import jax_style
    k, s = state.flip_k, state.flip_s
    x, w = T.image(T.FLIP_INPUT, seed), T.kernel(k, seed + 1)
    y = jax_style.conv_transpose(x.transpose(0, 2, 3, 1), w.transpose(2, 3, 0, 1), (s, s), "VALID")[0, :, :, 0]
    # reference: dilate the input by the stride, pad by k - 1, slide the kernel *unflipped*
    dilated = np.zeros(((T.FLIP_INPUT - 1) * s + 1,) * 2)
    dilated[::s, ::s] = x[0, 0]
    padded = np.pad(dilated, k - 1)
    n = padded.shape[0] - k + 1
    ref = np.array([[np.sum(padded[r:r + k, c:c + k] * w[0, 0]) for c in range(n)] for r in range(n)])
    np.testing.assert_allclose(y, ref)
    symmetric = np.array_equal(w[0, 0], w[0, 0, ::-1, ::-1])
    assert T.flip(state).question.answer == ("transpose_kernel" if not np.array_equal(
        T.kernel(k)[0, 0], T.kernel(k)[0, 0, ::-1, ::-1]) else "both")
    assert np.allclose(y, torch_style.conv_transpose2d(x, w, stride=s)[0, 0]) == symmetric


@SETTINGS
@given(states("grad_in", "grad_k", "grad_s"), st.integers(0, 1000))
def test_conv_transpose_is_the_gradient_of_the_conv_wrt_its_input(state, seed):
    n, k, s = state.grad_in, state.grad_k, state.grad_s
    x, w = T.image(n, seed), T.kernel(k, seed + 1)
    y = torch_style.conv2d(x, w, stride=s)
    g = T.seeded(y.shape, seed + 2)
    # the adjoint identity <C x, g> = <x, C^T g> on random x, and the Jacobian's transpose
    jac = matrix_of(lambda e: torch_style.conv2d(e, w, stride=s), (1, 1, n, n))
    ct = torch_style.conv_transpose2d(g, w, stride=s, output_size=[n, n])
    np.testing.assert_allclose(ct.reshape(-1), jac.T @ g.reshape(-1), atol=1e-9)
    assert np.isclose(np.sum(y * g), np.sum(x * ct))
    assert T.gradient(state).question.answer == "input"


@SETTINGS
@given(states("rt_in", "rt_k", "rt_p", "rt_s"))
def test_round_trip_fails_exactly_when_the_conv_floors(state):
    n, k, p, s = state.rt_in, state.rt_k, state.rt_p, state.rt_s
    out = T.round_trip(state)
    floors = n + 2 * p < k or (n + 2 * p - k) % s != 0
    if out.question is None:      # the conv or the transposed conv refuses: never when nothing was floored
        assert out.error and floors
        return
    assert (out.question.answer != n) == floors


def test_the_seed_example_17_gives_16():
    out = T.round_trip(T.TrapsState(rt_in=17, rt_k=5, rt_p=2, rt_s=3))
    assert out.question.answer == 16
    assert "output_padding=1 gives 17." in out.facts[1].text


def test_every_trap_has_a_question_and_a_counter_example_at_the_defaults():
    assert [t.key for t in T.TRAPS] == ["inverse", "padding", "output_padding", "flip", "gradient", "round_trip"]
    keys = {f.name for f in fields(T.TrapsState)}
    for trap in T.TRAPS:
        assert set(trap.controls) <= keys
        out = trap.compute(T.TrapsState())
        assert out.question is not None and out.error is None and out.facts
        if out.question.kind == "choice":
            assert set(out.question.choices) == {value for value, _ in out.labels}


def _every_line(state):
    for trap in T.TRAPS:
        out = trap.compute(state)
        lines = list(out.facts) + [caption for caption, _ in out.arrays]
        yield from ((line.template, line.text) for line in lines)
        if out.question is not None:
            yield None, out.question.prompt


@SETTINGS
@given(states(*SCHEMA))
def test_every_text_a_trap_builds_has_chinese(state):
    for template, text in _every_line(state):
        if template is not None:
            assert template in ZH and sorted(placeholders(ZH[template])) == sorted(placeholders(template))
        zh = translate(text, "zh")
        assert zh != text, text          # the catalogue's template matched: numbers rebuilt into the Chinese


def test_claims_truths_labels_and_link_labels_have_chinese():
    texts = [t for trap in T.TRAPS for t in (trap.claim, trap.truth, trap.page_label)]
    texts += [label for _, label in T.FLIP_LABELS + T.GRAD_LABELS]
    assert [t for t in texts if t not in ZH] == []
