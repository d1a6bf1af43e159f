"""Page state <-> URL query parameters: declared once per page, parsed without ever raising.

Every page keeps its state in ``st.query_params`` so that a shared link reproduces the view. This
module is the pure part of that (no Streamlit). A page declares its state once, as a frozen
dataclass whose fields are :func:`url_field` s (URL key, default, bounds or choices, label)::

    @dataclass(frozen=True)
    class CheckerConfig:
        kernel: int = url_field("k", 3, "kernel size", min=1, max=9)

:func:`schema` reads the declaration back as ``{URL key: Param}``; :func:`from_query` gives the state
a link asks for plus a note per value that fell back to its default; :func:`to_query` gives the
link of a state. ``ui.binder`` keeps the widgets and the URL in step with these. Underneath, a
*schema* (parameter name -> :class:`Param`) goes through

* :func:`parse` with whatever the URL holds (a mapping of ``str`` -> ``str`` or ``list[str]``, e.g.
  ``{k: st.query_params.get_all(k) for k in st.query_params}``). It returns a :class:`Parsed`:
  ``values`` (every schema key, typed, always within bounds) and ``notes`` (one plain sentence per
  parameter that was malformed, out of range, repeated or unknown, saying which default was used).
  Any input at all — repeated keys, unicode, NaN, ``1e999``, 10 000 characters — gives a result;
  :func:`parse` never raises.
* :func:`serialize` with the current values. It returns the ``{name: text}`` dict to write back to
  ``st.query_params``. Values equal to their default are left out (as Streamlit's own
  ``bind="query-params"`` does), so the seed URL ``?in=25&k=3&s=3&pad=SAME&out=97`` stays short.

Notes quote the user's text through :func:`quote`, which truncates it and escapes Markdown, so a
note can go straight into ``st.warning``.

Example::

    SCHEMA = {"k": Param(int, 3, min=1, max=15, label="kernel size"),
              "pad": Param(str, "SAME", choices=("SAME", "VALID"))}
    parsed = parse({"k": "99", "pad": "same"}, SCHEMA)
    parsed.values == {"k": 3, "pad": "SAME"}
    parsed.notes == ["k=99 is above the maximum 15 for the kernel size; using the default 3."]
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar

_INT_RE = re.compile(r"[+-]?\d{1,30}", re.ASCII)
_FLOAT_RE = re.compile(r"[+-]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})([eE][+-]?\d{1,4})?", re.ASCII)
_TRUE = {"1", "true", "yes", "on", "y", "t"}
_FALSE = {"0", "false", "no", "off", "n", "f"}
_NONE = {"", "none", "null"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")  # the characters that start Markdown syntax
# where a bare URL or e-mail address would start (GFM links them even without Markdown syntax)
_AUTOLINK = re.compile(r"(https?|ftp|www|mailto|xmpp)(?=[:.])|@", re.IGNORECASE)
MAX_QUOTE = 40
MAX_TEXT = 200   # characters of a text parameter that declares no ``max`` of its own
MAX_LINES = 1    # lines of a text parameter that declares no ``lines`` of its own


@dataclass(frozen=True)
class Param:
    """One query parameter: its Python type (``int``, ``float``, ``str`` or ``bool``) and default.

    ``min`` / ``max`` bound numbers (inclusive; ``max`` is the longest length for a string);
    ``choices`` restricts strings (matched ignoring case unless ``case_sensitive``, and returned in
    the spelling given in ``choices``) or numbers;
    ``nullable`` lets ``none`` / an empty value stand for ``None``; ``label`` names the parameter
    in notes. Text is capped even when ``max`` is not given (:data:`MAX_TEXT` characters,
    ``lines`` or :data:`MAX_LINES` lines), so no link can make a page hold megabytes.
    """

    type: type
    default: Any
    min: Optional[float] = None
    max: Optional[float] = None
    choices: Optional[Tuple[Any, ...]] = None
    nullable: bool = False
    case_sensitive: bool = False
    label: str = ""
    lines: Optional[int] = None


@dataclass
class Parsed:
    values: Dict[str, Any] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)


def quote(raw: Any) -> str:
    """The user's text, shortened and Markdown-escaped, safe to show inside a note."""
    try:
        text = str(raw)
    except Exception:  # pragma: no cover - str() of a str never fails
        text = "?"
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    if len(text) > MAX_QUOTE:
        text = text[:MAX_QUOTE] + "…"
    return "“" + escape_markdown(text) + "”"


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown special character backslash-escaped and every bare URL or
    e-mail address broken by a zero-width space, so nothing in it renders as syntax or a live link."""
    return _AUTOLINK.sub(lambda m: m.group(0) + "\u200b", _MD_SPECIAL.sub(r"\\\1", str(text)))


def _fmt(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _what(name: str, param: Param) -> str:
    return f" for the {param.label}" if param.label else ""


def _convert(raw: str, param: Param) -> Tuple[bool, Any, str]:
    """(ok, value, why-not). Never raises for str input."""
    text = raw.strip()
    if param.nullable and text.lower() in _NONE:
        return True, None, ""
    if param.type is bool:
        low = text.lower()
        if low in _TRUE:
            return True, True, ""
        if low in _FALSE:
            return True, False, ""
        return False, None, "is not on/off (use 1 or 0)"
    if param.type is int:
        if _INT_RE.fullmatch(text):
            return True, int(text), ""
        if _FLOAT_RE.fullmatch(text) or re.fullmatch(r"[+-]?\d+", text, re.ASCII):
            value = float(text)
            if not math.isfinite(value) or abs(value) >= 1e18:
                return False, None, "is too large"
            if value.is_integer():
                return True, int(value), ""
        return False, None, "is not a whole number"
    if param.type is float:
        if _FLOAT_RE.fullmatch(text):
            value = float(text)
            if math.isfinite(value):
                return True, value, ""
            if not math.isnan(value):
                return False, None, "is too large"
        return False, None, "is not a finite number"
    # str
    if param.choices is not None:
        for choice in param.choices:
            if text == choice or (not param.case_sensitive and text.lower() == choice.lower()):
                return True, choice, ""
        shown = ", ".join(param.choices)
        return False, None, f"is not one of {shown}"
    return True, text, ""


def _check_bounds(value: Any, param: Param) -> str:
    if param.type is str and isinstance(value, str):
        longest, lines = MAX_TEXT if param.max is None else param.max, param.lines or MAX_LINES
        if len(value) > longest:
            return f"is longer than {_fmt(longest)} characters"
        if value.count("\n") >= lines:
            return f"has more than {lines} line{'s' if lines > 1 else ''}"
    if value is None or param.type not in (int, float):
        return ""
    if param.choices is not None and value not in param.choices:
        return "is not one of " + ", ".join(_fmt(c) for c in param.choices)
    if param.min is not None and value < param.min:
        return f"is below the minimum {_fmt(param.min)}"
    if param.max is not None and value > param.max:
        return f"is above the maximum {_fmt(param.max)}"
    return ""


def _as_list(raw: Any) -> List[str]:
    if raw is None:
        return []
    if isinstance(raw, (list, tuple)):
        return [str(v) for v in raw]
    return [str(raw)]


def parse(query: Mapping[str, Any], schema: Mapping[str, Param]) -> Parsed:
    """Typed values for every schema key plus a note for everything that fell back to a default."""
    out = Parsed(values={name: param.default for name, param in schema.items()})
    try:
        items = list(query.items())
    except Exception:
        out.notes.append("The link's parameters could not be read; using the defaults.")
        return out
    unknown: List[str] = []
    for key, raw in items:
        try:
            name = str(key)
            param = schema.get(name)
            if param is None:
                unknown.append(name)
                continue
            values = _as_list(raw)
            if not values:
                continue
            text = values[-1]
            if len(values) > 1 and len(set(values)) > 1:
                out.notes.append(f"{name} appears {len(values)} times in the link; using the last "
                                 f"one, {quote(text)}.")
            ok, value, why = _convert(text, param)
            if ok:
                why = _check_bounds(value, param)
            if why:
                out.notes.append(f"{name}={quote(text)} {why}{_what(name, param)}; using the "
                                 f"default {_fmt(param.default)}.")
                continue
            out.values[name] = value
        except Exception:  # belt and braces: a parser for links must never take the page down
            out.notes.append("A parameter could not be read; using its default.")
    if unknown:
        shown = ", ".join(quote(u) for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        out.notes.append(f"Ignored unknown parameter{'s' if len(unknown) > 1 else ''} {shown}.")
    return out


def serialize(values: Mapping[str, Any], schema: Mapping[str, Param],
              keep: Sequence[str] = ()) -> Dict[str, str]:
    """``{name: text}`` for the URL, in schema order, leaving out defaults (except names in ``keep``)."""
    out: Dict[str, str] = {}
    for name, param in schema.items():
        if name not in values:
            continue
        value = values[name]
        if value == param.default and name not in keep:
            continue
        out[name] = _fmt(value)
    return out


# ---- page state declared once: dataclass fields that are URL parameters ----------------------

_URL = "convt.url"
State = TypeVar("State")


def url_field(key: str, default: Any, label: str, *, kind: Optional[type] = None, min: Optional[float] = None,
              max: Optional[float] = None, choices: Optional[Tuple[Any, ...]] = None,
              nullable: bool = False, lines: Optional[int] = None) -> Any:
    """A dataclass field that is also the URL parameter ``key`` (``kind`` defaults to the default's type)."""
    param = Param(kind or type(default), default, min, max, choices, nullable, label=label, lines=lines)
    return field(default=default, metadata={_URL: (key, param)})


def _url_fields(cls) -> List[Tuple[str, str, Param]]:
    return [(f.metadata[_URL][0], f.name, f.metadata[_URL][1]) for f in fields(cls) if _URL in f.metadata]


def schema(cls) -> Dict[str, Param]:
    """``{URL key: Param}`` of a state class, in declaration order."""
    return {key: param for key, _, param in _url_fields(cls)}


def url_keys(cls) -> Dict[str, str]:
    """``{field name: URL key}`` of a state class."""
    return {name: key for key, name, _ in _url_fields(cls)}


def from_values(cls: Type[State], values: Mapping[str, Any]) -> State:
    """The state whose URL keys take ``values`` (keys not given keep their defaults)."""
    return cls(**{name: values[key] for key, name, _ in _url_fields(cls) if key in values})


def to_values(state) -> Dict[str, Any]:
    """``{URL key: value}`` of a state."""
    return {key: getattr(state, name) for key, name, _ in _url_fields(type(state))}


def from_query(cls: Type[State], query: Mapping[str, Any]) -> Tuple[State, List[str]]:
    """The state a link asks for, and a note for every value that fell back to its default."""
    parsed = parse(query, schema(cls))
    return from_values(cls, parsed.values), parsed.notes


def to_query(state, keep: Sequence[str] = ()) -> Dict[str, str]:
    """The link's parameters for ``state`` (defaults left out, except the keys in ``keep``)."""
    return serialize(to_values(state), schema(type(state)), keep)
