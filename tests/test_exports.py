"""Bounded exports: GIFs encoded one frame at a time, a frames × pixels budget, one heavy export at
a time per server with a clear "busy" otherwise."""
from __future__ import annotations

import io
import threading

import numpy as np
import pytest
import streamlit as st
from PIL import Image, ImageSequence
from streamlit.testing.v1 import AppTest

from convt.trace import make_conv_trace, make_transpose_trace
from lab import exports
from lab.draw import animator, gif

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def test_the_streamed_gif_holds_every_frame_exactly_and_the_last_longer():
    an = animator(make_transpose_trace(3, 3, 2, "VALID"), "scatter")
    frames = [an.frame(t) for t in range(an.n_frames)]
    calls = []

    def frame(t):
        calls.append(t)
        return frames[t]

    data = gif.gif_bytes(frame, len(frames), fps=4, last_hold=1.5)
    pal = gif.shared_palette(frames.__getitem__, len(frames))
    im = Image.open(io.BytesIO(data))
    assert im.n_frames == len(frames) and im.info["loop"] == 0
    durations = []
    for t, shown in enumerate(ImageSequence.Iterator(im)):
        want = Image.fromarray(np.ascontiguousarray(frames[t][..., :3])).quantize(
            palette=pal, dither=Image.Dither.NONE).convert("RGB")
        np.testing.assert_array_equal(np.asarray(shown.convert("RGB")), np.asarray(want))
        durations.append(shown.info["duration"])
    assert durations == [250] * (len(frames) - 1) + [1500]
    assert sorted(set(calls)) == list(range(len(frames)))
    assert len(calls) <= len(frames) + gif.PALETTE_SAMPLES   # one render per frame, plus the palette's


def test_one_frame_and_repeated_frames():
    still = np.zeros((20, 30, 4), np.uint8)
    im = Image.open(io.BytesIO(gif.gif_bytes(lambda t: still, 3)))
    assert im.n_frames == 3 and im.size == (30, 20)
    with pytest.raises(ValueError):
        gif.gif_bytes(lambda t: still, 0)


def test_the_budget_refuses_the_largest_animation_and_allows_the_usual_ones():
    big = animator(make_conv_trace(16, 7, 1, "SAME", 3))
    assert exports.export_pixels(big.n_frames, big.cv.size) > exports.MAX_EXPORT_PIXELS
    assert "256 frames of 1274×844 px" in exports.too_big(big.n_frames, big.cv.size)
    usual = animator(make_conv_trace(6, 3, 2, "SAME"))
    assert exports.too_big(usual.n_frames, usual.cv.size) is None


def test_one_heavy_export_at_a_time_and_light_ones_never_wait():
    inside, release = threading.Event(), threading.Event()

    def hold():
        with exports.export_slot(exports.HEAVY_PIXELS + 1):
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    try:
        assert inside.wait(10)
        with pytest.raises(exports.Busy, match="try again"):
            with exports.export_slot(exports.HEAVY_PIXELS + 1):
                pass
        with exports.export_slot(exports.HEAVY_PIXELS):   # small: no slot needed
            pass
    finally:
        release.set()
        worker.join()
    with exports.export_slot(exports.HEAVY_PIXELS + 1):   # free again
        pass


@pytest.fixture
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def _forward(query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/1_Forward_convolution.py")
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def test_make_gif_then_download(fresh_caches):
    at = _forward({"in": "4", "k": "3", "s": "2"})
    assert not at.get("download_button")
    at.button(key="conv_gif_make").click().run()
    assert not at.exception
    [download] = at.get("download_button")
    assert "Download GIF" in download.proto.label


def test_a_busy_server_says_try_again(fresh_caches):
    at = _forward({"in": "8", "k": "3", "s": "1", "pad": "SAME"})   # 64 frames, 26 M frame-pixels: heavy
    assert exports._SLOT.acquire(blocking=False)
    try:
        at.button(key="conv_gif_make").click().run()
    finally:
        exports._SLOT.release()
    assert not at.exception
    assert any("try again" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not at.get("download_button")


def test_the_largest_animation_is_refused_with_a_note(fresh_caches):
    at = _forward({"in": "16", "k": "7", "s": "1", "d": "3", "pad": "SAME"})
    assert not at.exception
    assert any("more than this server renders" in i.value for i in at.info)
    assert "conv_gif_make" not in [b.key for b in at.button]
