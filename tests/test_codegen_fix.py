"""The copyable code (issue 17 item 6): comments wrapped to WIDTH without touching the code, the
call after the first one-click fix that works, and rows that are refusals never counted as working."""
from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from lab import codegen
from lab.explorer import MAIN_ROWS, Config, analyse
from lab.url_state import url_keys

configs = st.builds(
    Config, in_h=st.integers(1, 40), in_w=st.sampled_from([0, 7]), kernel=st.integers(1, 6),
    stride=st.integers(1, 5), padding=st.sampled_from(["SAME", "VALID", "EXPLICIT"]),
    pad_before=st.integers(0, 3), pad_after=st.integers(0, 3), dilation=st.sampled_from([1, 1, 2]),
    framework=st.sampled_from(["tf", "keras", "torch", "jax", "onnx"]), out_h=st.integers(1, 150),
    output_padding=st.one_of(st.none(), st.integers(0, 4)), torch_request=st.sampled_from(["size", "padding"]),
    dynamic=st.booleans(), nd=st.sampled_from([1, 2, 2, 3]), out_batch=st.sampled_from([3, 3, 1]),
    out_channels=st.sampled_from([10, 10, 4]), filter_in=st.sampled_from([20, 20, 5]))


def _code_only(snippet: str):
    """The snippet without its comments: what Python runs."""
    out = []
    for line in snippet.split("\n"):
        if line.lstrip().startswith("#"):
            continue
        out.append(line.split("  # ", 1)[0].rstrip())
    return out


@settings(max_examples=120, deadline=None)
@given(configs)
def test_comments_are_wrapped_and_the_code_is_untouched(cfg):
    a = analyse(cfg)
    for key, snippet in codegen.code_for(cfg, a).items():
        raw = codegen.SNIPPETS[key](cfg, a)
        assert _code_only(snippet) == _code_only(raw), key
        for line in snippet.split("\n"):
            if line.lstrip().startswith("#") or "  # " in line:
                assert len(line) <= codegen.WIDTH, (key, line)
        words = lambda text: " ".join(text.replace("#", " ").split())   # noqa: E731
        assert words(snippet).count("predicted") == words(raw).count("predicted")


def test_a_long_trailing_comment_moves_above_its_line():
    code = "x = compute(a, b)  # " + "word " * 30
    wrapped = codegen.wrap_comments(code).split("\n")
    assert wrapped[-1] == "x = compute(a, b)"
    assert all(line.startswith("# ") and len(line) <= codegen.WIDTH for line in wrapped[:-1])
    assert " ".join(" ".join(wrapped[:-1]).replace("#", "").split()) == " ".join(["word"] * 30)
    assert codegen.wrap_comments("s = '#' * 200  # keep") == "s = '#' * 200  # keep"


@settings(max_examples=120, deadline=None)
@given(configs)
def test_the_fixed_call_is_the_first_fix_that_works(cfg):
    a = analyse(cfg)
    fixed = codegen.fixed_code(cfg, a)
    if a.ok:
        assert fixed is None
        return
    working = [f for f in a.fixes if analyse(cfg.with_changes(
        {url_keys(Config)[k]: v for k, v in f.changes.items()})).ok]
    if not working:
        assert fixed is None
        return
    assert fixed.fix == working[0]
    assert analyse(fixed.config).ok
    changed = {k for k, v in asdict(fixed.config).items() if asdict(cfg)[k] != v}
    assert changed <= set(fixed.fix.changes)
    assert fixed.code == codegen.code_for(fixed.config)[cfg.framework]
    assert "# predicted error" not in fixed.code


def test_the_seed_gets_the_call_that_works():
    fixed = codegen.fixed_code(Config())
    assert fixed.fix.changes == {"out_h": 75}
    assert "output_shape=[3, 75, 75, 10]" in fixed.code and "# predicted: (3, 75, 75, 10)" in fixed.code


@settings(max_examples=150, deadline=None)
@given(configs)
def test_a_row_works_only_when_the_call_runs(cfg):
    for row in analyse(cfg).rows:
        if row.works:
            assert row.message is None and row.outcome.startswith("works: output")
        elif row.message is None and row.framework == MAIN_ROWS["keras"]:
            assert not row.outcome.startswith("works")      # a refusal in words: no ✅ on the page


def test_keras_refusals_are_not_working_rows():
    for cfg, refusal in ((Config(out_h=50), "cannot ask for 50"),
                         (Config(padding="EXPLICIT"), "takes only 'same' or 'valid'")):
        row = next(r for r in analyse(cfg).rows if r.framework == MAIN_ROWS["keras"])
        assert not row.works and refusal in row.outcome, row
    row = next(r for r in analyse(Config(out_h=75)).rows if r.framework == MAIN_ROWS["keras"])
    assert row.works
