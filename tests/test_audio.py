"""lab.audio: the decoder stack's lengths against a brute force (the real ConvTranspose1d run layer by
layer on zeros), the per-layer fix, the parser's notes and the causal trimming picture."""
import numpy as np
from hypothesis import given, settings, strategies as st

from convt.torch_style import conv_transpose1d
from lab import audio as A

layer = st.builds(lambda k, s, p, op: A.Up(k, s, p, min(op, s - 1)),
                  st.integers(1, 12), st.integers(1, 6), st.integers(0, 6), st.integers(0, 5))


def brute(frames, layers):
    """Every layer run for real (convt's PyTorch 2.13 ConvTranspose1d); stops where it would be empty."""
    x, out = np.zeros((1, 1, frames)), [frames]
    for ly in layers:
        if ly.length(x.shape[-1]) < 1:
            break
        x = conv_transpose1d(x, np.zeros((1, 1, ly.kernel)), stride=ly.stride, padding=ly.padding,
                             output_padding=ly.output_padding)
        out.append(x.shape[-1])
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.lists(layer, min_size=1, max_size=4))
def test_lengths_match_the_layers_run_one_by_one(frames, layers):
    sizes = A.lengths(frames, layers)
    assert sizes == brute(frames, layers)
    if len(sizes) == len(layers) + 1:
        assert sizes[-1] == A.hop(layers) * frames + A.total_offset(layers)
        assert (frames in A.exact_frames(layers, frames)) == (A.total_offset(layers) == 0)


@settings(max_examples=80, deadline=None)
@given(layer, st.integers(1, 50))
def test_the_fix_is_exact_and_allowed(ly, n):
    fix, why = A.exact_fix(ly)
    if fix is None:
        assert ly.stride == 1 and (ly.kernel - 1) % 2 == 1 and why
        return
    assert (fix.kernel, fix.stride) == (ly.kernel, ly.stride) and fix.problem() is None
    assert fix.length(n) == n * ly.stride == brute(n, [fix])[-1]


def test_odd_strides_are_short_until_output_padding():
    before, _ = A.parse_stack(A.stack_text(A.PRESETS["odd"][1]))
    assert A.hop(before) == 120 and A.lengths(100, before)[-1] == 11974
    assert A.exact_frames(before, 50) == []
    after = A.PRESETS["odd_fixed"][1]
    assert A.fixed(before) == after and A.exact_frames(after, 50) == list(range(1, 51))
    assert A.total_offset(A.PRESETS["dac"][1]) == 0 and A.hop(A.PRESETS["dac"][1]) == 512


def test_parser_notes_and_caps():
    layers, notes = A.parse_stack("k3 s2; hello; k99 s2; s3; " + "k2 s2;" * 20)
    assert layers[0] == A.Up(3, 2) and len(layers) == A.MAX_LAYERS
    assert any("hello" in n for n in notes) and any("k=99" in n for n in notes)
    assert any("needs a kernel" in n for n in notes) and any("At most" in n for n in notes)
    assert A.parse_stack("k3 s2 op2")[0][0].problem()


def test_causal_right_trim_emits_as_frames_arrive():
    for step in range(4):
        cs = A.causal_step(4, 10, 5, step)
        assert cs.ready("right") == list(range((step + 1) * 5))
        assert cs.ready("left") == list(range(5, (step + 1) * 5))
    last = A.causal_step(4, 10, 5, 3)
    assert list(last.keep_left) == list(range(5, 25)) and not any(last.final(t) for t in range(20, 25))


def test_causal_config_clamps_with_notes():
    n, k, s, notes = A.causal_config((1000, 3, 5))
    assert (n, k, s) == (A.MAX_CAUSAL_FRAMES, 5, 5) and len(notes) == 2


def test_round_trip():
    assert A.round_trip(480_000, 512) == (938, 480_256, 256)
