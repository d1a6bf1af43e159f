"""The library's English sentences on a page (convt and lab stay language-neutral): translated
through the catalogue's templates, numbers kept, then escaped for Markdown. A size range the
library writes ``73 to 80`` reads ``73 至 80`` inside a translated sentence."""
import re

from ui.prefs import _, current
from ui.style import md

_RANGE = re.compile(r"(?<=\d) to (?=-?\d)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def said(text: str, escape: bool = True, **fields: object) -> str:
    """``text`` (library English, or a template whose ``fields`` are library English) in the
    session's language, escaped for Markdown (``escape=False``: a widget label, shown as written)."""
    out = _(text, **{name: _(str(value)) for name, value in fields.items()})
    if current().lang != "en" and _CJK.search(out):
        out = _RANGE.sub(" 至 ", out)
    return md(out) if escape else out
