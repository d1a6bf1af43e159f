"""The U-Net size solver (lab.unet) against a brute force: lab.chain.walk over every input."""
from hypothesis import given, settings, strategies as st

from lab import chain as C
from lab import unet

HI = 160


def _brute(chain: C.Chain, fw: str):
    good = []
    for n in range(1, HI + 1):
        trial = C.Chain(n, chain.layers)
        w = C.walk(trial, fw, with_fixes=False)
        if w.ok and w.sizes(trial)[-1] == n:
            good.append(n)
    return good


@st.composite
def unets(draw):
    depth = draw(st.integers(1, 3))
    lines = ["conv k3 s1 SAME"]
    strides = [draw(st.integers(1, 3)) for _ in range(depth)]
    for s in strides:
        lines.append(f"conv k{draw(st.integers(1, 4))} s{s} {draw(st.sampled_from(['SAME', 'VALID']))}")
    for level, s in enumerate(reversed(strides)):
        k = draw(st.integers(s, s + 1))
        lines.append(f"convT k{k} s{s} {draw(st.sampled_from(['SAME', 'VALID']))} skip {depth - level}")
    layers, notes = C.parse_layers("; ".join(lines))
    assert not notes
    return C.Chain(64, layers)


@settings(max_examples=25, deadline=None)
@given(unets(), st.sampled_from(C.FRAMEWORKS))
def test_round_trip_sizes_match_brute_force(chain, fw):
    assert unet.round_trip_sizes(chain, fw, HI) == _brute(chain, fw)


def test_unet_preset_round_trips_multiples_of_8_and_input_101_gets_fixes():
    s = unet.solve(C.PRESETS["unet"], "torch")
    assert s.summary == "multiples of 8 from 8 to 512"
    assert s.breaks_at == 6
    texts = [f.text for f in s.fixes]
    assert "pad the input from 101 to 104" in texts[-1]
    assert any("skip tensor's size (51)" in t for t in texts)
    assert all(set(f.code) for f in s.fixes)


def test_output_padding_fix_when_the_upsampling_is_one_short():
    fixes = unet.skip_fixes(up=60, skip=61, stride=2, layer=3)
    assert fixes[0].text.startswith("layer 3: output_padding=1")
    assert "output_padding=1" in fixes[0].code["torch"]
    assert "skip[..., :60, :60]" in fixes[2].code["torch"]


def test_describe():
    assert unet.describe(range(16, 513, 16)) == "multiples of 16 from 16 to 512"
    assert unet.describe([1, 2]) == "1, 2"
    assert unet.describe([]) == "none"


def test_concat_chain_reproduces_the_messages_sizes():
    for first, second in ((61, 60), (60, 61), (7, 8), (25, 24)):
        chain = unet.concat_chain(first, second)
        w = C.walk(chain, "torch", with_fixes=False)
        assert w.first_break == 2
        assert {chain.input, w.steps[1].size * 2} == {first, second}
    assert unet.concat_chain(5, 2) is None
