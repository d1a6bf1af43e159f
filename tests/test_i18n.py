"""The catalogue: every string page code translates has a Chinese entry with the same placeholders,
and the lookup rebuilds templated text with its numbers."""
import ast
import re
from pathlib import Path

import pytest

from lab.i18n import CATALOGUES, LANGS, placeholders, translate
from lab.i18n.zh import ZH

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"])
TRANSLATING_CALLS = {"_": (0,), "page_header": (2, 3, "tab")}   # which arguments (position or keyword) are English

def translated_literals():
    """Every literal string passed to ``_`` (and a page header's title, caption and tab) in page code."""
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATING_CALLS:
                keywords = {k.arg: k.value for k in node.keywords}
                for i in TRANSLATING_CALLS[node.func.id]:
                    arg = keywords.get(i) if isinstance(i, str) else node.args[i] if i < len(node.args) else None
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                        yield path.relative_to(ROOT), arg.value


def test_every_translated_string_in_page_code_is_in_every_catalogue():
    missing = [(str(path), text) for path, text in translated_literals()
               for lang, table in CATALOGUES.items() if text not in table]
    assert not missing, f"{len(missing)} strings have no translation, e.g. {missing[:5]}"


def test_every_language_has_a_catalogue_and_a_name():
    assert set(CATALOGUES) | {"en"} == set(LANGS)


@pytest.mark.parametrize("key", sorted(ZH))
def test_each_entry_keeps_its_placeholders_and_is_chinese(key):
    value = ZH[key]
    assert value.strip(), key
    assert sorted(placeholders(value)) == sorted(placeholders(key)), (key, value)
    if re.search(r"[A-Za-z]{3,}", re.sub(r"`[^`]*`|\{\w+\}|\*\*|[A-Z][A-Za-z_.]*\w|\w+\(", "", key)):
        assert re.search(r"[\u4e00-\u9fff]", value), f"no Chinese in the entry for {key!r}: {value!r}"


def test_templates_rebuild_text_with_its_numbers():
    assert translate("Link parameter ignored: k=99 is out of range.", "zh") == "已忽略链接参数：k=99 is out of range."
    assert translate("Not quite: you said 6; the answer is 7.", "zh") == "不对：你的答案是 6，正确答案是 7。"
    assert translate("Right: {answer}.", "zh", answer=5) == "答对了：5。"


def test_english_and_unknown_text_come_back_unchanged():
    for text in ("Stride", "no such entry here", "", "x" * 10_000):
        assert translate(text, "en") == text
    assert translate("no such entry here", "zh") == "no such entry here"
    assert translate("x" * 10_000, "zh") == "x" * 10_000


def test_markup_around_an_entry_is_kept():
    assert translate("- **Home**", "zh") == "- **首页**"
    assert translate("**Language**", "zh") == "**语言**"


def test_no_key_is_translated_twice_differently_across_sections():
    """The sections are merged into one dict: a key two sections define differently would let the
    later one win silently."""
    from lab.i18n import zh
    sections = {name: table for name, table in vars(zh).items() if name.isupper() and name != "ZH"}
    seen, clashes = {}, []
    for name, table in sections.items():
        for key, value in table.items():
            if key in seen and seen[key][1] != value:
                clashes.append((key, seen[key], (name, value)))
            seen.setdefault(key, (name, value))
    assert not clashes, clashes[:5]


def test_a_template_with_almost_no_words_of_its_own_cannot_swallow_a_sentence():
    assert translate("73 or 74", "zh") == "73 或 74"
    sentence = "Keras takes only padding 'same' or 'valid'; pick one of them."
    assert translate(sentence, "zh") == sentence
