"""Hostile input: every page's URL parameters and controls, and the decoder's text, fuzzed.

Whatever arrives — random strings, huge / negative / zero / NaN numbers, unicode, repeated keys,
a 1 MB paste, binary junk, HTML and script text — the page must
- run without an exception (no traceback ever reaches a page),
- say so on the page when a link parameter was invalid,
- never render the user's text as raw HTML,
- answer in bounded time.
And no `eval` / `exec` anywhere in the app. AppTest runs are slow, so examples are few per page.
"""
from __future__ import annotations

import ast
import math
import os
import re
import time
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as S
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
RUN_LIMIT_S = 30.0          # one script run, however hostile the input
# Examples per page; CONVT_FUZZ_EXAMPLES=200 for a long local hunt (the default keeps CI quick).
EXAMPLES = int(os.environ.get("CONVT_FUZZ_EXAMPLES", "12"))
DERANDOMIZE = "CONVT_FUZZ_EXAMPLES" not in os.environ   # CI: the same examples every run
MARK = "cvtXSS"             # in every HTML payload, so a leak is easy to spot
HTML_PAYLOADS = [
    f'<script>alert("{MARK}")</script>',
    f'<img src=x onerror="alert(\'{MARK}\')">',
    f'"><svg onload=alert("{MARK}")>',
    f'<a href="javascript:alert(\'{MARK}\')">{MARK}</a>',
    f'<iframe srcdoc="<script>alert(1)</script>{MARK}">',
    f"[{MARK}](javascript:alert(1))",
    f"<style>body{{display:none}}</style>{MARK}",
]


def _schemas():
    """Each page's URL schema, from the package (the pages' own source of truth)."""
    from lab import animation, chain, checkerboard, examples, explorer, gradient, translator, traps
    from lab.url_state import schema
    from ui.prefs import PREF_PARAMS as big  # every page also reads the person's prefs
    return {
        "pages/1_Forward_convolution.py": {**schema(animation.ConvState), **big},
        "pages/2_Transposed_convolution.py": {**schema(animation.TransposeState), **big},
        "pages/3_Shape_explorer.py": {**schema(explorer.ExplorerPage), **big},
        "pages/4_Error_decoder.py": {**schema(examples.DecoderState), **big},
        "pages/5_Gradient.py": {**schema(gradient.GradientConfig), **big},
        "pages/6_Checkerboard_artifacts.py": {**schema(checkerboard.CheckerConfig), **big},
        "pages/7_Encoder_decoder.py": {**schema(chain.ChainState), **big},
        "pages/8_Translator.py": {**schema(translator.Layer), **big},
        "pages/9_Misconceptions.py": {**schema(traps.TrapsState), **big},
    }


SCHEMAS = _schemas()
PAGES = ["app.py", *SCHEMAS]


def _page_param(page):
    return pytest.param(page, id=Path(page).stem,
                        marks=pytest.mark.skipif(not (ROOT / page).exists(), reason=f"{page} missing"))


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def run_page(page: str, query: dict | None = None) -> tuple[AppTest, float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if page != "app.py":
        at.switch_page(page)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    t0 = time.monotonic()
    at.run(timeout=60)
    return at, time.monotonic() - t0


def rerun(at: AppTest) -> float:
    t0 = time.monotonic()
    at.run(timeout=60)
    return time.monotonic() - t0


# -- checks ----------------------------------------------------------------------------------

def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values() if isinstance(getattr(node, "children", None), dict) else []:
        yield from _walk(child)


def raw_html_elements(at: AppTest) -> list[str]:
    """The text of everything the browser would render as HTML: markdown with
    unsafe_allow_html, st.html, and iframes (srcdoc)."""
    out = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None:
            continue
        if kind == "markdown" and getattr(proto, "allow_html", False):
            out.append(proto.body)
        elif kind in ("html", "iframe", "iframe_element") or type(proto).__name__ in ("Html", "IFrame"):
            out.append(str(proto))
    return out


def check_page(at: AppTest, elapsed: float, what: str):
    assert not at.exception, f"{what}: exception on the page: {[e.value for e in at.exception]}"
    assert elapsed < RUN_LIMIT_S, f"{what}: a run took {elapsed:.1f} s"
    for html in raw_html_elements(at):
        assert MARK not in html, f"{what}: user text rendered as raw HTML: {html[:300]!r}"


def page_messages(at: AppTest) -> str:
    return "\n".join(e.value for e in [*at.warning, *at.error, *at.info])


# -- strategies ------------------------------------------------------------------------------

NUMBERS = S.one_of(
    S.sampled_from(["0", "-0", "-1", "1e999", "-1e999", "nan", "NaN", "inf", "-inf", "Infinity",
                    "1e308", "2.5", "0x10", "1_000", "99999999999999999999999999999999999",
                    "-99999999999999999", " 7 ", "", " ", "٣", "１２", "1e-400", "+3", "3.0", "--2"]),
    S.integers(-10**15, 10**15).map(str),
    S.floats(allow_nan=True, allow_infinity=True).map(repr),
)
TEXT = S.one_of(
    S.text(max_size=40),
    S.sampled_from(HTML_PAYLOADS),
    S.sampled_from(["\x00", "\u202e\u0645\u0631\u062d\u0628\u0627", "🧨" * 30, "9" * 10_000,
                    "%00%ff", "../../etc/passwd", "SAME", "VALID", "explicit", "EXPLICIT", "tf",
                    "torch", "keras", "scatter", "direct", "matrix", "row", "none", "null",
                    "true", "false", "1", "0"]),
)
VALUE = S.one_of(NUMBERS, TEXT)
MULTI = S.one_of(VALUE, S.lists(VALUE, min_size=2, max_size=3))


def query_strategy(schema: dict):
    keys = S.one_of(S.sampled_from(sorted(schema)) if schema else S.nothing(),
                    S.text(S.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12))
    return S.dictionaries(keys, MULTI, min_size=1, max_size=6)


# -- an independent, simple judge of "clearly invalid" link values ---------------------------

_NUM = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def clearly_invalid(value: str, param) -> bool:
    text = value.strip()
    if param.type in (int, float):
        if param.nullable and text.lower() in ("", "none", "null"):
            return False
        if not _NUM.fullmatch(text):
            return True          # letters, nan, inf, hex, underscores, unicode digits …
        number = float(text)
        if not math.isfinite(number):
            return True
        if param.type is int and not number.is_integer():
            return True
        return ((param.min is not None and number < param.min)
                or (param.max is not None and number > param.max))
    if param.type is bool:
        return text.lower() not in {"1", "0", "true", "false", "yes", "no", "on", "off", "y", "n", "t", "f"}
    if param.type is str and param.choices:
        return text.lower() not in {c.lower() for c in param.choices}
    return False


def _values(raw):
    return list(raw) if isinstance(raw, list) else [raw]


# -- URL parameters, every page --------------------------------------------------------------

@pytest.mark.parametrize("page", [_page_param(p) for p in PAGES])
@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=S.data())
def test_url_parameters_never_break_a_page(page, data):
    schema = SCHEMAS.get(page, {})
    query = data.draw(query_strategy(schema), label="query")
    at, elapsed = run_page(page, query)
    check_page(at, elapsed, f"{page}?{query!r}")
    if page == "app.py":
        return
    shown = page_messages(at)
    for key, raw in query.items():
        values = _values(raw)
        param = schema.get(key)
        if param is None or not values:
            continue
        last = values[-1]
        if clearly_invalid(last, param):
            assert key in shown or "ignored" in shown.lower(), (
                f"{page}: {key}={last!r} is invalid but the page says nothing about it:\n{shown}")


def _extreme(param, which: str):
    if which == "above" and param.type in (int, float) and param.max is not None:
        return str(int(param.max) + 1)
    if which == "below" and param.type in (int, float) and param.min is not None:
        return str(int(param.min) - 1)
    return {"above": str(10**12), "below": "-1", "nan": "nan", "huge": "1e999",
            "html": HTML_PAYLOADS[1], "repeated": ["1", HTML_PAYLOADS[0]], "zero": "0"}[which]


@pytest.mark.parametrize("page", [_page_param(p) for p in PAGES if p != "app.py"])
@pytest.mark.parametrize("which", ["above", "below", "nan", "huge", "html", "repeated", "zero"])
def test_every_parameter_at_its_extremes(page, which):
    """Every schema key at once at a value that breaks naive code; each invalid one is named."""
    schema = SCHEMAS[page]
    query = {key: _extreme(param, which) for key, param in schema.items()}
    at, elapsed = run_page(page, query)
    check_page(at, elapsed, f"{page} with every parameter {which}")
    shown = page_messages(at)
    for key, raw in query.items():
        last = _values(raw)[-1]
        if clearly_invalid(last, schema[key]):
            assert re.search(rf"(^|\W){re.escape(key)}\W", shown), (
                f"{page}: {key}={last!r} is invalid but the page does not name it:\n{shown}")


def test_seed_link_through_hostile_neighbours():
    """The seed's parameters survive junk around them: its message still shows."""
    query = {"in": "25", "k": "3", "s": "3", "pad": "SAME", "out": "97",
             "utm_source": HTML_PAYLOADS[0], "": "x", "fw": ["tf", "tf"]}
    at, elapsed = run_page("pages/3_Shape_explorer.py", query)
    check_page(at, elapsed, "seed + junk")
    assert any("actual = 25, computed = 33" in c.value for c in at.code)


# -- controls --------------------------------------------------------------------------------

def _widgets(at: AppTest):
    out = []
    for kind in ("number_input", "slider", "select_slider", "selectbox", "radio", "text_area",
                 "text_input", "toggle", "checkbox"):
        for w in getattr(at, kind):
            if getattr(w, "key", None) and not getattr(w, "disabled", False):
                out.append((kind, w.key))
    return out


HOSTILE_NUMBERS = [0, -1, -10**9, 10**9, 10**18, float("nan"), float("inf"), -float("inf"), 2.5]


@pytest.mark.parametrize("page", [_page_param(p) for p in PAGES])
@settings(max_examples=max(1, EXAMPLES - 2), deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=S.data())
def test_controls_set_to_hostile_values(page, data):
    """Values a browser would never send (out of range, NaN) still give a page, not a traceback."""
    at, elapsed = run_page(page)
    check_page(at, elapsed, f"{page} (defaults)")
    widgets = _widgets(at)
    if not widgets:
        return
    for _ in range(data.draw(S.integers(1, 3), label="changes")):
        widgets = _widgets(at)
        kind, key = data.draw(S.sampled_from(widgets), label="widget")
        widget = getattr(at, kind)(key=key)
        if kind in ("number_input", "slider"):
            value = data.draw(S.sampled_from(HOSTILE_NUMBERS), label="number")
            if isinstance(widget.value, (int, type(None))) and not math.isfinite(value):   # None: an empty guess
                # Streamlit's own int deserializer raises on NaN/inf before the script runs
                # (number_input.py: int(val)); a browser cannot send it. Not the app's to catch.
                value = -10**9
        elif kind in ("text_area", "text_input"):
            value = data.draw(TEXT, label="text")
        elif kind in ("selectbox", "radio", "select_slider"):
            options = list(getattr(widget, "options", []) or [])
            value = data.draw(S.sampled_from(options), label="option") if options else None
            if value is None:
                continue
        else:
            value = data.draw(S.booleans(), label="bool")
        old = widget.value
        try:
            widget.set_value(value)
            if kind in ("selectbox", "radio"):
                widget.index   # AppTest maps a value through format_func; labels are not values
        except Exception:  # noqa: BLE001 - AppTest itself refusing a value is not the app's fault
            widget.set_value(old)
            continue
        elapsed = rerun(at)
        check_page(at, elapsed, f"{page}: {key} = {value!r}")


# -- the decoder's text area -----------------------------------------------------------------

DECODER = "pages/4_Error_decoder.py"
DECODER_TEXTS = [
    "",
    " \n\t ",
    "x" * 1_000_000,
    "computed = 33 " * 70_000,                       # ~1 MB that looks like a message
    bytes(range(256)).decode("latin-1") * 100,      # binary junk
    "\x00\x01\x02\ufffd\ud7ff\ue000" * 1000,
    *HTML_PAYLOADS,
    "actual = 25, computed = 33 " + HTML_PAYLOADS[1],
    "requested an output size of [5, 5], but valid sizes range from [6, 6] to [7, 7] "
    "(for an input of torch.Size([3, 3])) " + HTML_PAYLOADS[0],
    "actual = 99999999999999999999999999999, computed = -1 stride: 0 dilation: 0 input: nan",
    "valid sizes range from [" + "9" * 5000 + "] to [1]",
    "{{7*7}} ${7*7} __import__('os').system('echo pwned') %s%s%n",
]


@pytest.mark.skipif(not (ROOT / DECODER).exists(), reason="the decoder page is missing")
@pytest.mark.parametrize("text", DECODER_TEXTS, ids=lambda t: f"{len(t)}ch:{t[:12]!r}")
def test_decoder_text_area(text):
    at, elapsed = run_page(DECODER)
    check_page(at, elapsed, "decoder")
    at.text_area(key="dec_msg").set_value(text)
    elapsed = rerun(at)
    check_page(at, elapsed, f"decoder with {len(text)} chars")
    if text.strip():
        assert at.warning or at.success or at.error or at.info, "no message at all for a paste"


@pytest.mark.skipif(not (ROOT / DECODER).exists(), reason="the decoder page is missing")
@settings(max_examples=EXAMPLES + 3, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=S.one_of(S.text(max_size=300), S.binary(max_size=300).map(lambda b: b.decode("latin-1")),
                     S.lists(S.sampled_from(["actual =", "computed =", "25", "33", "[6, 6]", "to",
                                             "valid sizes range from", "output_padding", "stride:",
                                             HTML_PAYLOADS[1], "\n", "-", "nan"]),
                             max_size=20).map(" ".join)))
def test_decoder_random_pastes(text):
    at, elapsed = run_page(DECODER, {"m": text} if text else None)
    check_page(at, elapsed, f"decoder ?m={text[:60]!r}")


@pytest.mark.skipif(not (ROOT / DECODER).exists(), reason="the decoder page is missing")
@pytest.mark.parametrize("text", ["computed = 33 " * 5000, HTML_PAYLOADS[1] * 2000, "\x00" * 70_000])
def test_decoder_huge_link(text):
    """A 70 KB message in the link (?m=…): a page in bounded time, no exception, no HTML."""
    at, elapsed = run_page(DECODER, {"m": text})
    check_page(at, elapsed, f"decoder ?m= {len(text)} chars")


# -- the source: no eval / exec, and no user text through unsafe_allow_html --------------------

def _app_sources():
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    for package in ("convt", "lab", "ui"):
        files += sorted((ROOT / package).rglob("*.py"))
    return [f for f in files if f.exists() and "__pycache__" not in f.parts]


def test_no_eval_or_exec_in_the_app():
    found = []
    for path in _app_sources():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else (
                    node.func.attr if isinstance(node.func, ast.Attribute) else "")
                if name in ("eval", "exec", "compile", "__import__") and not (
                        isinstance(node.func, ast.Attribute) and name == "compile"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(")
    assert not found, f"eval/exec-like calls in the app: {found}"


def _constant_text(node, constants: set[str]) -> bool:
    """True when an expression is built only from string literals and module-level constants."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Name):
        return node.id in constants
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _constant_text(node.left, constants) and _constant_text(node.right, constants)
    if isinstance(node, ast.IfExp):
        return _constant_text(node.body, constants) and _constant_text(node.orelse, constants)
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) or
                   (isinstance(v, ast.FormattedValue) and _constant_text(v.value, constants))
                   for v in node.values)
    return False


def _module_constants(tree) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id.isupper() and _constant_text(node.value, names):
                    names.add(target.id)
    return names


def test_unsafe_html_only_ever_shows_the_apps_own_constant_text():
    offenders = []
    for path in _app_sources():
        tree = ast.parse(path.read_text(), filename=str(path))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant)
                                                               and k.value.value is False)
                         for k in node.keywords)
            if (unsafe or name == "html") and node.args:
                if not _constant_text(node.args[0], constants):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(...)")
    assert not offenders, ("HTML rendered from non-constant text (user text could reach it): "
                           f"{offenders}")
