"""The text the encoder–decoder's audio mode and the translator build with numbers in it has Chinese
for every sentence that is prose (code like ``padding=0, output_padding=1`` stays code), on any
configuration their controls allow; and the prompts' questions translate with their numbers."""
import re

from hypothesis import given, settings, strategies as st

from lab import audio as A
from lab import chain as C
from lab import translator as T
from lab.i18n import translate
from lab.url_state import schema

PROSE = re.compile(r"[A-Za-z]{3,}")
CODE = re.compile(r"`[^`]*`|\{\w+\}|\*\*|[A-Z][A-Za-z_.]*\w|\w+\(|\w+=\S+|\w*_\w+|\[[^\]]*\]")


def is_prose(text: str) -> bool:
    return bool(PROSE.search(CODE.sub("", text)))


def chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", translate(text, "zh")))


def layers_from(values):
    return T.Layer(**{name: values[key] for name, key in
                      zip(("size", "c_in", "c_out", "kernel", "stride", "padding", "pad_before", "pad_after",
                           "dilation", "output_padding", "groups"), schema(T.Layer))})


LAYERS = st.fixed_dictionaries({key: (st.sampled_from(p.choices) if p.choices else st.integers(int(p.min), int(p.max)))
                                for key, p in schema(T.Layer).items()}).map(layers_from)


@settings(max_examples=40, deadline=None)
@given(LAYERS)
def test_every_sentence_the_translator_writes_has_chinese(layer):
    result = T.translate(layer)
    texts = list(result.notes) + [T.size_question(result).prompt, T.size_question(result).why]
    for t in result.translations:
        texts += [t.padding, t.weights, *t.flags]
    missing = [text for text in texts if is_prose(text) and not chinese(text)]
    assert not missing, missing


UPS = st.builds(A.Up, st.integers(1, 24), st.integers(1, 8), st.integers(0, 6), st.integers(0, 3))


@settings(max_examples=40, deadline=None)
@given(st.lists(UPS, min_size=1, max_size=4), st.integers(1, 50))
def test_every_sentence_the_audio_mode_writes_has_chinese(layers, frames):
    texts = []
    for row in A.table(frames, layers):
        texts.append(row.why)
        if row.layer.problem():
            texts.append(row.layer.problem())
    n, k, s, notes = A.causal_config((frames, layers[0].kernel, layers[0].stride))
    texts += notes
    for step in range(n):
        texts += A.causal_summary(A.causal_step(n, k, s, step))
    q = A.length_question(frames, layers)
    if q is not None:
        texts += [q.prompt, q.why]
    texts += A.parse_stack("k4 s2 p1; nonsense; k999 s2")[1]
    missing = [text for text in texts if is_prose(text) and not chinese(text)]
    assert not missing, missing


def test_the_chain_prompt_and_its_labels_translate():
    chain, _ = C.ChainState().resolve()
    for fw in C.FRAMEWORKS:
        q = C.break_question(chain, C.walk(chain, fw))
        assert chinese(q.prompt) and chinese(q.why)
        assert all(chinese(C.break_label(c)) for c in q.choices)


def test_the_chain_model_s_own_notes_and_fixes_have_chinese():
    """Its parse notes and the fixes it proposes (the frameworks' explanations come from convt's
    readers and are the explorer catalogue's)."""
    _, notes = C.parse_layers("conv k99 s2 SAME\nconv k3 s99 SAME\nconvT k3 s2 SAME out 99999\n"
                              "conv k3 s2 SAME out 5\nblah\nconv k3 zz\nconvT k3 s2 SAME skip 9")
    texts = list(notes)
    for chain in C.PRESETS.values():
        for size in (chain.input, 61, 7):
            for w in C.walk_all(C.Chain(size, chain.layers, chain.nd), C.FRAMEWORKS).values():
                texts += [fix.text for step in w.steps for fix in step.fixes]
    missing = [text for text in texts if not chinese(text)]
    assert not missing and len(texts) > 20, missing


def test_the_causal_picture_is_drawn_in_chinese(monkeypatch):
    """Every word the picture draws goes through the catalogue and comes back Chinese."""
    from lab.draw import audio as drawing
    drawn = []
    real = drawing.translate
    monkeypatch.setattr(drawing, "translate", lambda text, lang: drawn.append(real(text, lang)) or drawn[-1])
    png = drawing.causal_png(A.causal_step(3, 8, 4, 1), "right", lang="zh")
    assert png.startswith(b"\x89PNG") and len(drawn) == 3 + 1 + 2 + 1
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in drawn), drawn
