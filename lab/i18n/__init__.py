"""The app's words in more than one language: English text is the key, one catalogue per language.

Pages write English and pass it through ``ui.prefs._`` (gettext style), so a string lives once in
page code and once per other language in its catalogue (``lab/i18n/zh.py``). Text the models build
with numbers in it (``"Output size 97 is not valid"``) is matched against the catalogue's templates
(``"Output size {n} is not valid"``) and rebuilt in the other language with the same numbers::

    translate("Stride", "zh")                          # '步长'
    translate("Output size 97 is not valid", "zh")     # from the template, numbers kept
    translate("Input size {n}", "zh", n=5)             # a template filled in after translation

Text with no entry is returned unchanged (line by line, sentence by sentence), so a missing
translation shows English, never an error. Framework messages are never passed through here: they
stay verbatim, as the frameworks print them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Mapping, Optional, Tuple

from lab.i18n.zh import ZH

LANGS: Dict[str, str] = {"en": "English", "zh": "中文"}
CATALOGUES: Mapping[str, Mapping[str, str]] = {"zh": ZH}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[A-Za-z]{2,}")
_SENTENCE_END = re.compile(r"(?<=[.;:!?。；：！？])\s+")
_MARKUP = re.compile(r"^(\s*(?:[-*>]|#{1,6}|\d+\.)\s+)?(\*\*|\*|_)?(.*?)(\2)?(\s*)$", re.DOTALL)
MAX_TRANSLATED = 5000  # characters: longer text (a paste) is never looked up


def placeholders(text: str) -> List[str]:
    """The ``{name}`` fields of a template, in order."""
    return _PLACEHOLDER.findall(text)


def _template_regex(template: str) -> "re.Pattern[str]":
    """A template as a pattern. One that starts and ends with a value and has fewer than two words
    of its own (``"{a} or {b}"``) only matches values without spaces, so it cannot swallow a whole
    sentence that happens to hold "or"."""
    parts = _PLACEHOLDER.split(template)
    loose = parts[0] == parts[-1] == "" and len(_WORD.findall("".join(parts[::2]))) < 2
    value = r"\S+?" if loose else ".+?"
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        else:
            out.append(f"(?P<{part}>{value})" if f"(?P<{part}>" not in "".join(out) else f"(?P={part})")
    return re.compile("".join(out), re.DOTALL)


@lru_cache(maxsize=None)
def _templates(lang: str) -> Tuple[Tuple["re.Pattern[str]", str], ...]:
    """The catalogue's templates, longest first (the most specific wins)."""
    table = CATALOGUES[lang]
    keys = sorted((k for k in table if _PLACEHOLDER.search(k)), key=len, reverse=True)
    return tuple((_template_regex(k), table[k]) for k in keys)


def _lookup(text: str, lang: str) -> Optional[str]:
    table = CATALOGUES[lang]
    if text in table:
        return table[text]
    for regex, target in _templates(lang):
        m = regex.fullmatch(text)
        if m:
            values = {name: table.get(value, value) for name, value in m.groupdict().items()}
            return _PLACEHOLDER.sub(lambda p: values.get(p.group(1), p.group(0)), target)
    return None


@lru_cache(maxsize=8192)
def _translate(text: str, lang: str) -> str:
    hit = _lookup(text, lang)
    if hit is not None:
        return hit
    m = _MARKUP.fullmatch(text)
    if m and (m.group(1) or m.group(2)):
        inner = _lookup(m.group(3), lang)
        if inner is not None:
            return f"{m.group(1) or ''}{m.group(2) or ''}{inner}{m.group(4) or ''}{m.group(5)}"
    if "\n" in text:
        return "\n".join(_translate(line, lang) for line in text.split("\n"))
    pieces = _SENTENCE_END.split(text)
    if len(pieces) > 1:
        done = [_translate(p, lang) for p in pieces]
        return "".join(done) if all(d != p for d, p in zip(done, pieces)) else " ".join(done)
    return text


def translate(text: str, lang: str, **fields: object) -> str:
    """``text`` in ``lang`` (English when there is no entry); ``fields`` fill a template's
    ``{name}`` placeholders after the lookup."""
    if lang in CATALOGUES and text and len(text) <= MAX_TRANSLATED:
        text = _translate(text, lang)
    return text.format(**fields) if fields else text
