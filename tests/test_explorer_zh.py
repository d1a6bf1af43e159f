"""Chinese for the shape explorer and the error decoder: every sentence the library writes for them
(convt's explanations and fixes over every golden fixture message, the explorer model over a few
hundred random configurations) has a catalogue template, keeps its numbers, and leaves nothing in
English but code. (That framework messages stay verbatim on the pages: test_pages_explorer_zh.py.)"""
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convt.explain import explain_paste
from lab import decoder, explorer
from lab.examples import seed_examples
from lab.i18n import translate
from lab.url_state import from_values

GOLDEN = Path(__file__).resolve().parent / "golden"
CJK = re.compile(r"[\u4e00-\u9fff]")
PIECE = re.compile(r"(?<=[.;:!?])\s+|(?<=[。；：！？])")
# Code inside prose stays as written: `quoted`, identifiers (a_b, a.b, f(), x[0]), 'strings', [lists],
# formulas (ceil, div, floor, "kernel 3 dilated by 2" inside a formula).
CODE = re.compile(r"`[^`]*`|\b\w*[_.]\w*\b|\[[^\]]*\]|'[^']*'|\(kernel -?\d+ dilated by \d+\)|\b(?:div|ceil|floor)\b")
TUPLE = re.compile(r"\w*\([^()\u4e00-\u9fff]*\)")   # (in_channels, out_channels/groups, kH, kW), max(stride, dilation)
PROSE = re.compile(r"\b[a-z]{3,}\b[ ,]+\b[a-z]{2,}\b")   # two lower-case words in a row: a sentence


def golden_messages():
    """Every error message the golden fixtures recorded from the real frameworks, and the seed's."""
    found = set(m for _, m in seed_examples())

    def walk(x):
        if isinstance(x, dict):
            for key, value in x.items():
                if key in ("message", "core") and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(x, list):
            for value in x:
                walk(value)

    for path in sorted(GOLDEN.glob("*.json")):
        walk(json.loads(path.read_text()))
    return sorted(found)


def random_config(rng: random.Random) -> explorer.Config:
    return from_values(explorer.Config, {
        "in": rng.randint(1, 40), "inw": rng.choice([0, 0, 0, 17]), "k": rng.randint(1, 7), "s": rng.randint(1, 5),
        "pad": rng.choice(explorer.PADDINGS), "pb": rng.randint(0, 3), "pa": rng.randint(0, 3),
        "d": rng.choice([1, 1, 1, 2, 3]), "fw": rng.choice(explorer.FRAMEWORKS), "out": rng.randint(1, 120),
        "outw": rng.choice([0, 0, 0, 50]), "op": rng.choice([None, 0, 1, 2, 3, 5]),
        "req": rng.choice(explorer.TORCH_REQUESTS), "dyn": rng.random() < .3, "jcp": rng.random() < .3,
        "lower": rng.random() < .3, "nd": rng.choice([1, 2, 2, 2, 3]), "b": rng.choice([3, 3, 2]),
        "ob": rng.choice([3, 3, 1]), "c": rng.choice([20, 20, 8]), "fi": rng.choice([20, 20, 4]),
        "fo": rng.choice([10, 10, 6]), "oc": rng.choice([10, 10, 5])})


def explorer_sentences(cfg: explorer.Config):
    """What the explorer page passes through the catalogue for ``cfg`` (row names are names)."""
    a = explorer.analyse(cfg)
    out = [a.headline, a.timing, *a.notes, *a.problems, *(f.text for f in a.fixes), *a.per_axis,
           explorer.framework_question(a).prompt]
    out += [text for row in a.rows for text in (row.stage, row.outcome, row.note)]
    out += [c.how for d in a.dims for c in d.candidates]
    return [text for text in out if text]


def decoder_sentences(message: str):
    d = explain_paste(message).diagnosis
    out = [d.text, *d.fixes, decoder.first_sentence(d), *(v for _, v in decoder.per_dimension(d))]
    found = decoder.reproduction(d)
    if found is not None:
        out += [found.read, found.chosen]
    q = decoder.size_question(d)
    return out + ([q.prompt] if q else [])


def _prose(piece: str) -> bool:
    piece = CODE.sub(" ", piece)
    if CJK.search(piece):   # Chinese around code: tuples and calls in it are code too
        while TUPLE.search(piece):
            piece = TUPLE.sub(" ", piece)
    return bool(PROSE.search(piece))


def english_left(text: str):
    """The pieces of ``text``'s Chinese that still read as English prose (code aside)."""
    return [p for p in PIECE.split(translate(text, "zh")) if _prose(p)]


@pytest.fixture(scope="module")
def every_sentence():
    rng = random.Random(17)
    texts = {t for _ in range(300) for t in explorer_sentences(random_config(rng))}
    texts |= {t for m in golden_messages() for t in decoder_sentences(m)}
    return sorted(texts)


def test_the_sample_is_large_and_varied(every_sentence):
    assert len(golden_messages()) > 1000
    assert len(every_sentence) > 2000


def test_no_explanation_sentence_is_left_in_english(every_sentence):
    left = {text: english_left(text) for text in every_sentence}
    left = {text: pieces for text, pieces in left.items() if pieces}
    assert not left, f"{len(left)} of {len(every_sentence)} texts keep English, e.g. {list(left.items())[:3]}"


def test_code_is_the_only_exception():
    """What the check lets through is code; prose around it is not let through."""
    assert not english_left("strides=[1, 2, 2, 1]")
    assert english_left("this sentence has no entry at all")
    assert english_left("use padding >= 0 and then something else entirely")


def test_templates_keep_the_numbers(every_sentence):
    """A template rebuilds the sentence with its own numbers: the integers of the English and the
    Chinese are the same multiset (a template that swallowed or dropped a field would differ)."""
    def numbers(text):   # "2-D" reads 二维 / "3 维": the dimension is a word, not a number
        return sorted(re.findall(r"\d+", re.sub(r"\b\d-D\b|(?<!第 )\b\d 维", "", text)))

    wrong = [t for t in every_sentence if numbers(t) != numbers(translate(t, "zh"))]
    assert not wrong, wrong[:3]


def test_every_sentence_has_chinese(every_sentence):
    plain = [t for t in every_sentence if not CJK.search(translate(t, "zh")) and _prose(t)]
    assert not plain, plain[:5]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(1, 9), st.integers(1, 6), st.sampled_from(["SAME", "VALID"]),
       st.integers(1, 300), st.sampled_from(explorer.FRAMEWORKS))
def test_any_configuration_reads_in_chinese(i, k, s, pad, out, fw):
    cfg = from_values(explorer.Config, {"in": i, "k": k, "s": s, "pad": pad, "out": out, "fw": fw})
    for text in explorer_sentences(cfg):
        assert not english_left(text), (text, translate(text, "zh"))


def test_no_template_is_broad_enough_to_rewrite_a_framework_message():
    """The pages never translate a framework's message; and no catalogue template would match
    inside one either (a template that did would be loose enough to swallow library text too)."""
    changed = [m for m in golden_messages() if translate(m, "zh") != m]
    assert not changed, changed[:3]


def test_the_seed_reads_in_chinese():
    d = explain_paste(seed_examples()[0][1]).diagnosis
    zh = translate(d.text, "zh")
    assert "转置卷积" in translate(explorer.analyse(explorer.Config()).problems[0], "zh") or "前向卷积" in zh
    assert "73, 74, 75" in zh and "ceil(97 / 3) = 33" in zh and "高度" in zh


def test_figures_draw_chinese_with_a_cjk_font():
    """The depth slices (PNG) and the number line (SVG text) in Chinese: titles translated, every
    glyph found (matplotlib warns about a missing one)."""
    import warnings

    from lab import volume
    from lab.draw.fonts import CJK_FONT, FONTS
    from lab.draw.number_line import number_line_svg
    from lab.draw.slices import depth_slices_png

    assert CJK_FONT in FONTS, "fonts-noto-cjk is not installed"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        zh = depth_slices_png(volume.overlaps(3, 2, 1), lang="zh")
        svg = number_line_svg([1, 2], [True, False], ["a", "b"], 2, "输入为 1 时", lang="zh")
    assert not [w for w in caught if "Glyph" in str(w.message)]
    assert zh != depth_slices_png(volume.overlaps(3, 2, 1)) and zh.startswith(b"\x89PNG")
    assert "你要的" in svg and "Noto Sans CJK SC" in svg
