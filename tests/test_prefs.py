"""Language, presentation mode and the prompts follow the person: from the link, across pages, into
the link they share; a bad value is a note, never an exception."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def app(**query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_chinese_from_the_link_survives_a_page_change_and_stays_in_the_link():
    at = app(lang="zh")
    assert not at.exception and at.sidebar.radio(key="pref_lang").value == "zh"
    assert "转置卷积" in at.title[0].value
    at.switch_page("pages/5_Gradient.py").run()
    assert not at.exception and at.sidebar.radio(key="pref_lang").value == "zh"
    assert at.query_params["lang"] == "zh" and "梯度" in at.title[0].value


def test_switching_language_and_modes_writes_the_link():
    at = app()
    assert "lang" not in at.query_params and at.title[0].value.startswith("🔁 Transposed")
    at.sidebar.radio(key="pref_lang").set_value("zh").run()
    at.sidebar.toggle(key="pref_present").set_value(True).run()
    at.sidebar.toggle(key="pref_ask").set_value(False).run()
    assert not at.exception
    assert dict(at.query_params) == {"lang": "zh", "present": "1", "ask": "0"}
    at.sidebar.radio(key="pref_lang").set_value("en").run()
    assert dict(at.query_params) == {"present": "1", "ask": "0"}


def test_a_bad_pref_value_is_a_note():
    at = app(lang="klingon", present="maybe")
    assert not at.exception and at.sidebar.radio(key="pref_lang").value == "en"
    notes = " ".join(w.value for w in at.warning)
    assert "klingon" in notes and "maybe" in notes
