"""lab.url_state: typed parsing of query parameters that never raises, with a note per fallback."""
import math

from hypothesis import given, settings, strategies as st

from lab.url_state import Param, escape_markdown, from_query, parse, quote, serialize

SCHEMA = {
    "in": Param(int, 25, 1, 512, label="input height"),
    "pad": Param(str, "SAME", choices=("SAME", "VALID", "EXPLICIT")),
    "op": Param(int, None, 0, 15, nullable=True),
    "dyn": Param(bool, False),
    "lr": Param(float, 0.5, 0.0, 1.0),
    "m": Param(str, "", max=20, lines=21),
}
DEFAULTS = {k: p.default for k, p in SCHEMA.items()}


def test_defaults_for_an_empty_link():
    parsed = parse({}, SCHEMA)
    assert parsed.values == DEFAULTS and parsed.notes == []


def test_good_values_are_typed_and_normalised():
    parsed = parse({"in": " 97 ", "pad": "valid", "op": "none", "dyn": "1", "lr": "0.25", "m": "hi"}, SCHEMA)
    assert parsed.notes == []
    assert parsed.values == {"in": 97, "pad": "VALID", "op": None, "dyn": True, "lr": 0.25, "m": "hi"}
    assert parse({"in": "97.0"}, SCHEMA).values["in"] == 97


def test_each_bad_value_falls_back_with_a_note():
    cases = {
        "in": ["abc", "0", "513", "1e999", "nan", "2.5", "９７", "-3", ""],
        "pad": ["same!", "FULL", ""],
        "op": ["16", "-1", "x"],
        "dyn": ["maybe"],
        "lr": ["nan", "inf", "-0.1", "2"],
        "m": ["x" * 21],
    }
    for key, raws in cases.items():
        for raw in raws:
            parsed = parse({key: raw}, SCHEMA)
            assert parsed.values == DEFAULTS, (key, raw)
            assert len(parsed.notes) == 1 and parsed.notes[0].startswith(f"{key}="), (key, raw)
            assert "default" in parsed.notes[0]


def test_out_of_range_names_the_bound_and_the_label():
    note = parse({"in": "1000"}, SCHEMA).notes[0]
    assert "above the maximum 512" in note and "input height" in note and "default 25" in note


def test_repeated_and_unknown_keys():
    parsed = parse({"in": ["30", "40"], "zzz": "1", "yyy": "2"}, SCHEMA)
    assert parsed.values["in"] == 40
    assert any("appears 2 times" in n for n in parsed.notes)
    assert any("Ignored unknown parameters" in n for n in parsed.notes)
    assert parse({"in": ["30", "30"]}, SCHEMA).notes == []


def test_notes_escape_user_text():
    note = parse({"in": "[click](http://evil) **x** <b>"}, SCHEMA).notes[0]
    assert "[click]" not in note and "**" not in note and "<b>" not in note
    assert len(quote("y" * 500)) < 60
    assert escape_markdown("a*b_c") == "a\\*b\\_c"
    for bare in ("https://evil.example/x", "www.evil.example", "me@evil.example", "HTTP://X.Y"):
        text = quote(bare)
        assert "\u200b" in text and text.replace("\u200b", "") == f"“{bare}”"   # no autolink, same text


def test_serialize_leaves_out_defaults_and_round_trips():
    values = dict(DEFAULTS, **{"in": 97, "op": 3, "dyn": True})
    query = serialize(values, SCHEMA)
    assert query == {"in": "97", "op": "3", "dyn": "1"}
    assert parse(query, SCHEMA).values == values
    assert serialize(DEFAULTS, SCHEMA, keep=("in", "pad")) == {"in": "25", "pad": "SAME"}


anything = st.one_of(st.text(max_size=300), st.lists(st.text(max_size=50), max_size=4),
                     st.integers(), st.floats(allow_nan=True), st.none(), st.binary(max_size=20))


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.one_of(st.sampled_from(list(SCHEMA)), st.text(max_size=10)), anything, max_size=8))
def test_never_raises_and_stays_in_bounds(query):
    parsed = parse(query, SCHEMA)
    assert set(parsed.values) == set(SCHEMA)
    for key, value in parsed.values.items():
        p = SCHEMA[key]
        if value is None:
            assert p.nullable or p.default is None
            continue
        assert isinstance(value, p.type)
        if p.type in (int, float):
            assert not (isinstance(value, float) and math.isnan(value))
            assert p.min <= value <= p.max
        if p.choices:
            assert value in p.choices
    for note in parsed.notes:
        assert isinstance(note, str) and len(note) < 400


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({
    "in": st.integers(1, 512), "pad": st.sampled_from(["SAME", "VALID", "EXPLICIT"]),
    "op": st.one_of(st.none(), st.integers(0, 15)), "dyn": st.booleans(),
    "lr": st.floats(0, 1, allow_nan=False), "m": st.text(max_size=20)}))
def test_round_trip(values):
    parsed = parse(serialize(values, SCHEMA), SCHEMA)
    if values["m"].strip() != values["m"]:
        return  # surrounding spaces are trimmed, by design
    assert parsed.notes == [] and parsed.values == values


def test_garbage_mapping():
    class Bad:
        def items(self):
            raise RuntimeError("boom")
    parsed = parse(Bad(), SCHEMA)
    assert parsed.values == DEFAULTS and parsed.notes


def test_text_is_capped_in_length_and_lines_even_without_a_declared_max():
    schema = {"t": Param(str, "x", label="text"), "m": Param(str, "", max=50, lines=3)}
    parsed = parse({"t": "a" * 201, "m": "1\n2\n3\n4"}, schema)
    assert parsed.values == {"t": "x", "m": ""}
    assert "is longer than 200 characters" in parsed.notes[0]
    assert "has more than 3 lines" in parsed.notes[1]
    assert parse({"t": "one line", "m": "1\n2\n3"}, schema).notes == []


def test_a_huge_number_is_called_too_large_not_malformed():
    schema = {"k": Param(int, 3, min=1, max=9, label="kernel"), "f": Param(float, 1.0, min=0, max=2)}
    for text in ("1e30", "1" * 40, "1e999"):
        assert "is too large" in parse({"k": text}, schema).notes[0], text
    assert "is too large" in parse({"f": "1e999"}, schema).notes[0]
    assert "not a whole number" in parse({"k": "2.5"}, schema).notes[0]
    assert "not a finite number" in parse({"f": "nan"}, schema).notes[0]


def test_a_speed_the_player_does_not_offer_is_noted_not_silently_changed():
    from lab.animation import ConvState
    state, notes = from_query(ConvState, {"fps": "3"})
    assert state.fps == 2.0
    assert notes == ["fps=“3” is not one of 0.5, 1, 2, 4, 8 for the speed in frames / s; using the default 2."]
    assert from_query(ConvState, {"fps": "4"}) == (ConvState(fps=4.0), [])
