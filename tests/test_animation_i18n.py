"""The animation pages in Chinese: every text lab.animation builds with numbers comes back from the
catalogue's templates in Chinese with the same numbers, and every fixed text the pages pass through
``_`` by name (legend, player, views) has an entry."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from convt.trace import make_conv_trace, make_transpose_trace
from lab import animation as anim
from lab.draw import export
from lab.i18n import translate
from lab.i18n.zh import ZH
from ui import anim_widgets as aw

NUMBER = re.compile(r"\d+")
HAN = re.compile(r"[\u4e00-\u9fff]")


def same_numbers_in_chinese(text: str) -> str:
    zh = translate(text, "zh")
    assert HAN.search(zh), f"not translated: {text!r}"
    assert sorted(NUMBER.findall(zh)) == sorted(NUMBER.findall(text)), (text, zh)
    return zh


@pytest.mark.parametrize("text", [*aw.LEGEND_PARTS.values(), *export.PLAYER_WORDS.values(), aw.PLAYER_HELP,
                                  *anim.VIEWS.values(), *anim.DIM_NAMES.values(), "explicit", "Colours"])
def test_fixed_texts_have_an_entry(text):
    assert text in ZH or text.isdigit() or text == "2-D", text


pads = st.one_of(st.sampled_from(["SAME", "VALID"]), st.integers(0, 6).map(str))


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, anim.MAX_INPUT), k=st.integers(1, anim.MAX_KERNEL), s=st.integers(1, anim.MAX_STRIDE),
       d=st.integers(1, anim.MAX_DILATION), pad=pads, nd=st.sampled_from(anim.DIMS))
def test_forward_texts_translate_with_their_numbers(n, k, s, d, pad, nd):
    cfg, notes = anim.resolve_conv({"in": n, "k": k, "s": s, "d": d, "pad": pad, "nd": nd})
    tr = make_conv_trace(cfg.in_size, cfg.kernel, cfg.stride, cfg.pad, cfg.dilation, 0, nd)
    for text in [*notes, anim.sizes_line(cfg, tr.out_size, "output y"), *anim.conv_formula(cfg),
                 anim.conv_question(cfg, tr).prompt]:
        assert "explicit" not in same_numbers_in_chinese(text)


@settings(max_examples=60, deadline=None)
@given(i=st.integers(1, 8), k=st.integers(1, anim.MAX_KERNEL), s=st.integers(1, anim.MAX_STRIDE),
       d=st.integers(1, anim.MAX_DILATION), pad=pads, nd=st.sampled_from(anim.DIMS), bad=st.booleans())
def test_transposed_texts_translate_with_their_numbers(i, k, s, d, pad, nd, bad):
    cfg, notes, valid = anim.resolve_transpose({"in": i, "k": k, "s": s, "d": d, "pad": pad, "nd": nd,
                                                "out": valid_or_not(i, k, s, d, pad, bad)})
    tr = make_transpose_trace(cfg.in_size, cfg.kernel, cfg.stride, cfg.pad, cfg.dilation, cfg.out, 0, nd)
    texts = [*notes, *anim.transpose_formula(tr), anim.transpose_question(tr).prompt,
             anim.sizes_line(cfg, tr.out_size), anim.invalid_size_reason(i, k, s, d, cfg.pad, valid[-1] + 1)]
    for text in texts:
        assert "explicit" not in same_numbers_in_chinese(text)


def valid_or_not(i, k, s, d, pad, bad):
    """An output size the link asks for: one past the valid ones (a note) or none."""
    spec = anim.parse_pad(pad)
    sizes = anim.valid_output_sizes(i, k, s, d, spec)
    return sizes[-1] + 1 if bad and len(sizes) else None


def test_readability_and_caps_texts():
    same_numbers_in_chinese(anim.CAPS_TEXT)
    same_numbers_in_chinese(anim.numbers_note(False, 0))
    same_numbers_in_chinese(anim.numbers_note(True, 6.2))
    assert anim.numbers_note(True, anim.MIN_NUMBER_PX) is None


def test_a_bad_pad_note_keeps_the_users_text():
    _, notes = anim.resolve_conv({"in": 5, "k": 3, "s": 1, "d": 1, "pad": "HALF"})
    assert "HALF" in translate(notes[0], "zh") and HAN.search(translate(notes[0], "zh"))
