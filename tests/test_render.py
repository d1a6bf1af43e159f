"""Frames, GIF export and the ``python -m lab.render`` command line."""
import io
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from lab.draw import animator, export, gif, render_frames
from lab.render import main
from convt.trace import make_conv_trace, make_transpose_trace

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def gif_info(data: bytes):
    im = Image.open(io.BytesIO(data))
    assert im.format == "GIF"
    return im.n_frames, im.size


@pytest.mark.parametrize("view, n", [("scatter", 9), ("direct", 25), ("matrix", 9)])
def test_transpose_gif_frame_count_and_size(view, n):
    tr = make_transpose_trace(3, 2, 2, "SAME", 1, 5)
    frames = render_frames(tr, view)
    assert len(frames) == n
    h, w = frames[0].shape[:2]
    assert all(f.shape == (h, w, 4) for f in frames)  # fixed layout: no jitter
    data = gif.gif_bytes(frames.__getitem__, len(frames), fps=4)
    assert gif_info(data) == (n, (w, h))
    assert len(data) < 300_000


def test_forward_gif():
    tr = make_conv_trace(6, 3, 2, "SAME")
    frames = render_frames(tr)
    assert gif_info(gif.gif_bytes(frames.__getitem__, len(frames))) == (tr.n_steps, frames[0].shape[1::-1])


def test_frames_differ_and_png_roundtrip():
    an = animator(make_transpose_trace(3, 3, 2, "VALID"), "scatter")
    a, b = an.frame(0), an.frame(1)
    assert not np.array_equal(a, b)
    np.testing.assert_array_equal(an.frame(0), a)  # a pure function of the step
    im = Image.open(io.BytesIO(export.png_bytes(a)))
    assert im.size == (a.shape[1], a.shape[0])


def test_big_config_renders_without_numbers():
    an = animator(make_transpose_trace(16, 7, 4, "VALID", 3), "scatter")
    assert not an.cv.numbers
    assert an.frame(0).shape[1] <= 1300


def test_player_html_embeds_every_frame_and_no_step_or_speed():
    tr = make_transpose_trace(3, 2, 2, "SAME", 1, 6)
    pngs = [export.png_bytes(f) for f in render_frames(tr, "scatter")]
    html = export.player_html(pngs, [tr.describe_scatter(t) for t in range(9)])
    assert html.count("data:image/png;base64,") == 9
    assert "Play" in html and "setInterval" in html
    assert html == export.player_html(pngs, [tr.describe_scatter(t) for t in range(9)])


def test_player_captions_cannot_close_the_script():
    html = export.player_html([b"x"], ["</script><script>alert(1)</script><!--"])
    script = html.split("<script>", 1)[1]
    assert script.count("</script>") == 1 and "<!--" not in script


def test_cli_in_process(tmp_path):
    out = tmp_path / "a.gif"
    assert main(["transpose", "--in", "3", "--k", "3", "--s", "2", "--pad", "VALID", "-o", str(out)]) == 0
    assert gif_info(out.read_bytes())[0] == 9


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "lab.render", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_cli_exact_command_writes_gif(tmp_path):
    out = tmp_path / "anim.gif"
    r = run_cli("transpose", "--in", "3", "--k", "3", "--s", "2", "--pad", "VALID", "-o", str(out))
    assert r.returncode == 0, r.stderr
    n, size = gif_info(out.read_bytes())
    assert n == 9 and size[0] >= 700
    r = run_cli("conv", "--in", "5", "--k", "3", "--s", "2", "--pad", "SAME", "-o", str(tmp_path / "c.gif"))
    assert r.returncode == 0, r.stderr
    assert gif_info((tmp_path / "c.gif").read_bytes())[0] == 9
    r = run_cli("transpose", "--in", "3", "--k", "2", "--s", "2", "--pad", "SAME", "--out", "5", "--view",
                "direct", "-o", str(tmp_path / "d.gif"))
    assert r.returncode == 0, r.stderr
    assert gif_info((tmp_path / "d.gif").read_bytes())[0] == 25


def test_cli_help_lists_every_option():
    for args in (("--help",), ("transpose", "--help")):
        r = run_cli(*args)
        assert r.returncode == 0
        for opt in ("--in", "--k", "--s", "--pad", "--d", "--out", "--view", "--fps", "--seed", "-o", "--frames",
                    "--scale", "--no-numbers", "--lang"):
            assert opt in r.stdout, (args, opt)
    r = run_cli("conv", "--help")
    for opt in ("--in", "--k", "--s", "--pad", "--d", "--fps", "--seed", "-o"):
        assert opt in r.stdout


@pytest.mark.parametrize("args", [
    ("transpose", "--in", "3", "--k", "2", "--s", "2", "--pad", "SAME", "--out", "7", "-o", "x.gif"),
    ("transpose", "--in", "99", "--k", "3", "-o", "x.gif"),
    ("transpose", "--in", "3", "--k", "3", "--pad", "HALF", "-o", "x.gif"),
    ("conv", "--in", "2", "--k", "5", "--pad", "VALID", "-o", "x.gif"),
    ("transpose", "--in", "3", "--k", "3", "--view", "sideways", "-o", "x.gif"),
    ("transpose", "--in", "1", "--k", "2", "--pad", "1", "-o", "x.gif"),
    ("conv", "--in", "3", "--k", "3"),
    ("spin", "--in", "3"),
    ("conv", "--in", "3", "--k", "3", "--scale", "9", "-o", "x.gif"),
    ("conv", "--in", "3", "--k", "3", "--scale", "two", "-o", "x.gif"),
    ("conv", "--in", "3", "--k", "3", "--lang", "fr", "-o", "x.gif"),
    ("conv", "--in", "3", "--k", "3", "--no-numbers"),
    ("conv", "--in", "3", "--k", "3", "--frames", "no_such_dir/x.zip"),
])
def test_cli_bad_arguments_one_line_exit_2(args, tmp_path):
    r = subprocess.run([sys.executable, "-m", "lab.render", *args], cwd=tmp_path, capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PYTHONPATH": ROOT})
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "error:" in r.stderr
    assert not (tmp_path / "x.gif").exists()


def test_cli_every_new_flag(tmp_path):
    """--scale, --no-numbers, --lang zh, --frames ZIP and --frames DIR, in one real process each."""
    import zipfile

    tr = make_transpose_trace(3, 3, 2, "VALID")
    one_zh = animator(tr, "scatter", lang="zh").cv.size
    r = run_cli("transpose", "--in", "3", "--k", "3", "--s", "2", "--pad", "VALID", "--scale", "2", "--no-numbers",
                "--lang", "zh", "-o", str(tmp_path / "big.gif"), "--frames", str(tmp_path / "big.zip"))
    assert r.returncode == 0, r.stderr
    assert gif_info((tmp_path / "big.gif").read_bytes()) == (9, (2 * one_zh[0], 2 * one_zh[1]))
    want = animator(tr, "scatter", scale=2, numbers=False, lang="zh")
    with zipfile.ZipFile(tmp_path / "big.zip") as z:
        assert len(z.namelist()) == 9
        last = np.asarray(Image.open(io.BytesIO(z.read("frame_009.png"))))
    np.testing.assert_array_equal(last, want.frame(8)[..., :3])
    r = run_cli("conv", "--in", "4", "--k", "3", "--scale", "1.5x", "--frames", str(tmp_path / "frames"))
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(tmp_path / "frames")) == [f"frame_00{t}.png" for t in range(1, 5)]
    w, h = animator(make_conv_trace(4, 3, 1, "VALID"), scale=1.5).cv.size
    assert Image.open(tmp_path / "frames" / "frame_001.png").size == (w, h)
    assert "4 PNG frames" in r.stdout


def test_frames_render_the_same_from_concurrent_threads():
    """Streamlit runs each session in its own thread: renderers share glyph caches, never figures."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(make_transpose_trace(3, 2, 2, "SAME", 1, 6), v) for v in ("scatter", "direct", "matrix")]
    jobs.append((make_conv_trace(7, 3, 1, "SAME"), "scatter"))
    expected = [render_frames(tr, v) for tr, v in jobs]
    with ThreadPoolExecutor(max_workers=8) as ex:
        got = list(ex.map(lambda j: render_frames(*j), jobs * 2))
    for a, b in zip(expected * 2, got):
        assert len(a) == len(b)
        assert all(np.array_equal(x, y) for x, y in zip(a, b))


from hypothesis import given, settings, strategies as hst  # noqa: E402

from convt.trace import valid_output_sizes  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(i=hst.integers(1, 16), k=hst.integers(1, 7), s=hst.integers(1, 4), d=hst.integers(1, 3),
       pad=hst.one_of(hst.sampled_from(["SAME", "VALID"]), hst.integers(0, 18)), pick=hst.integers(0, 3),
       view=hst.sampled_from(["scatter", "direct", "matrix"]))
def test_any_capped_transpose_config_draws(i, k, s, d, pad, pick, view):
    if not isinstance(pad, str):
        pad = min(pad, (k - 1) * d)
    valid = valid_output_sizes(i, k, s, d, pad)
    if not len(valid):
        return  # full explicit padding on a 1-cell input: no output size exists (the page says so)
    tr = make_transpose_trace(i, k, s, pad, d, valid[pick % len(valid)])
    if view == "matrix" and max(i * i, tr.out_size[0] ** 2) > 256:
        view = "scatter"
    an = animator(tr, view)
    first, last = an.frame(0), an.frame(an.n_frames - 1)
    assert first.shape == last.shape and first.shape[1] <= 1300 and first.shape[0] <= 1000


@settings(max_examples=30, deadline=None)
@given(n=hst.integers(1, 16), k=hst.integers(1, 7), s=hst.integers(1, 4), d=hst.integers(1, 3),
       pad=hst.one_of(hst.sampled_from(["SAME", "VALID"]), hst.integers(0, 18)))
def test_any_capped_forward_config_draws(n, k, s, d, pad):
    if not isinstance(pad, str):
        pad = min(pad, (k - 1) * d)
    if pad == "VALID" and (k - 1) * d + 1 > n or not isinstance(pad, str) and (k - 1) * d + 1 > n + 2 * pad:
        return  # empty output: the page says so and falls back to a 1x1 kernel
    an = animator(make_conv_trace(n, k, s, pad, d))
    assert an.frame(an.n_frames - 1).shape[1] <= 1300
