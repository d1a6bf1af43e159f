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
    at.toggle(key="fc_play").set_value(True).run()
    assert not at.exception
    assert any("more than this server renders" in i.value for i in at.info)
    assert "conv_gif_make" not in [b.key for b in at.button]


# ---- exports for slides: scale, numbers, PNG frames ------------------------------------------

def test_the_budget_counts_pixels_at_the_export_scale():
    an = animator(make_transpose_trace(3, 3, 2, "VALID"), "scatter")
    n, size = an.n_frames, an.cv.size
    assert exports.export_pixels(n, size, 2) == 4 * exports.export_pixels(n, size)
    assert exports.scaled_size(size, 2) == animator(make_transpose_trace(3, 3, 2, "VALID"), "scatter", scale=2).cv.size
    frames = exports.MAX_EXPORT_PIXELS // (size[0] * size[1])      # as many frames as 1× allows
    assert exports.too_big(frames, size) is None
    why = exports.too_big(frames, size, 3)
    w, h = exports.scaled_size(size, 3)
    assert f"{frames} frames of {w}×{h} px" in why and "smaller size" in why


def test_a_2x_gif_decodes_with_every_frame_at_twice_the_size():
    tr = make_transpose_trace(3, 2, 2, "SAME", 1, 5)
    one, two = animator(tr, "direct", lang="zh"), animator(tr, "direct", scale=2, numbers=False, lang="zh")
    im = Image.open(io.BytesIO(gif.gif_bytes(two.frame, two.n_frames)))
    assert im.n_frames == tr.n_steps("direct") == 25
    w, h = one.cv.size
    assert abs(im.size[0] - 2 * w) <= 1 and abs(im.size[1] - 2 * h) <= 1


def test_the_png_frames_zip_holds_one_exact_png_per_step(tmp_path):
    import zipfile

    from lab.draw import sequence

    an = animator(make_conv_trace(4, 3, 1, "VALID"), scale=1.5)
    data = sequence.png_zip_bytes(an.frame, an.n_frames)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert names == [f"frame_{t:03d}.png" for t in range(1, an.n_frames + 1)] and len(names) == 4
        for t, name in enumerate(names):
            png = Image.open(io.BytesIO(z.read(name)))
            assert png.format == "PNG" and png.mode == "RGB" and png.size == an.cv.size
            np.testing.assert_array_equal(np.asarray(png), an.frame(t)[..., :3])   # lossless
    paths = sequence.write_png_dir(str(tmp_path / "f"), an.frame, an.n_frames)
    assert [p.rsplit("/", 1)[1] for p in paths] == names
    assert sequence.frame_name(0, 1200) == "frame_0001.png"


@pytest.fixture
def downloads(monkeypatch):
    """Every file the app hands to Streamlit's media storage (downloads, images), in order."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved = []
    keep = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        saved.append((mimetype, filename, path_or_data))
        return keep(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def _transpose(query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/2_Transposed_convolution.py")
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def _made(downloads, mime):
    [(_, name, data)] = [d for d in downloads if d[0] == mime]
    return name, data


def test_the_2x_gif_export_on_the_transposed_page(fresh_caches, downloads):
    at = _transpose({"in": "3", "k": "3", "s": "2", "pad": "VALID"})
    assert not at.exception
    options = at.radio(key="transpose_gif_scale").options
    tr = make_transpose_trace(3, 3, 2, "VALID", 1, int(at.selectbox(key="tc_out").value), 0)
    w, h = animator(tr, "scatter").cv.size
    assert [o.split(" ", 1)[1] for o in options] == [f"({k * w}×{k * h} px)" for k in (1, 2, 3)]
    at.radio(key="transpose_gif_scale").set_value(2.0).run()
    at.button(key="transpose_gif_make").click().run()
    assert not at.exception
    [download] = at.get("download_button")
    name, data = _made(downloads, "image/gif")
    assert name.endswith("_2x.gif") and f"({len(data) // 1024} KB)" in download.proto.label
    im = Image.open(io.BytesIO(data))
    assert im.n_frames == tr.n_steps("scatter") and im.size == (2 * w, 2 * h)


def test_png_frames_without_numbers_in_chinese(fresh_caches, downloads):
    import zipfile

    at = _transpose({"in": "3", "k": "2", "s": "2", "pad": "SAME", "lang": "zh"})
    at.toggle(key="transpose_gif_numbers").set_value(False)
    at.radio(key="transpose_gif_kind").set_value("png").run()
    make = at.button(key="transpose_gif_make")
    assert "生成 PNG 帧" in make.label
    make.click().run()
    assert not at.exception
    [download] = at.get("download_button")
    assert "下载 PNG 帧" in download.proto.label
    name, data = _made(downloads, "application/zip")
    assert name.endswith("_1x_colours_zh_frames.zip")
    tr = make_transpose_trace(3, 2, 2, "SAME", 1, int(at.selectbox(key="tc_out").value), 0)
    want = animator(tr, "scatter", numbers=False, lang="zh")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert len(z.namelist()) == want.n_frames
        first = np.asarray(Image.open(io.BytesIO(z.read(z.namelist()[0]))))
    np.testing.assert_array_equal(first, want.frame(0)[..., :3])


def test_a_3x_export_over_the_budget_is_refused_politely(fresh_caches):
    at = _transpose({"in": "8", "k": "3", "s": "1", "pad": "SAME"})   # fine at 1×, 9× the pixels at 3×
    assert not at.exception and not at.info
    at.radio(key="transpose_gif_scale").set_value(3.0).run()
    assert not at.exception
    assert any("more than this server renders" in i.value and "smaller size" in i.value for i in at.info)
    assert "transpose_gif_make" not in [b.key for b in at.button]
    at.radio(key="transpose_gif_scale").set_value(1.0).run()
    assert "transpose_gif_make" in [b.key for b in at.button]
