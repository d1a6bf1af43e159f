"""The player page (lab.draw.export.player_html) as text: its words in the page's language and
escaped, presentation mode's big controls, and the keys and URL writing the browser tests drive."""
from lab.draw import export


def test_words_are_translated_and_escaped():
    html = export.player_html([b"x"], ["c"], words={"play": "▶ 播放", "t_play": '<b title="x">'})
    assert "▶ 播放" in html
    assert '<b title="x">' not in html and "&lt;b title=&quot;x&quot;&gt;" in html


def test_every_control_and_key():
    html = export.player_html([b"x", b"y"], ["a", "b"])
    for act in ("back", "play", "next", "full"):
        assert f'data-act="{act}"' in html
    for key in ("ArrowRight", "ArrowLeft", "PageDown", "PageUp", '" "', "Home", "End"):
        assert key in html
    assert "history.replaceState" in html and "requestFullscreen" in html


def test_presentation_mode_draws_big_controls_and_fits_the_screen():
    small, large = (export.player_html([b"x"], ["c"], large=flag) for flag in (False, True))
    assert "font-size:16px" in small and "font-size:22px" in large
    assert "if(!false)return" in small and "if(!true)return" in large   # fit() only in presentation mode
    assert small != large
