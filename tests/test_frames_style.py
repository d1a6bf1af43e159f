"""The renderer's style keywords: ``scale`` (the same frame drawn N× larger, crisp), ``numbers=False``
(colours only) and ``lang="zh"`` (the frame's words, step descriptions included, in Chinese)."""
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as hst

from convt.trace import make_conv_trace, make_transpose_trace
from lab.draw import animator, grid as g

CONFIGS = {
    "scatter": lambda: (make_transpose_trace(3, 3, 2, "VALID"), "scatter", "column"),
    "direct": lambda: (make_transpose_trace(3, 2, 2, "SAME", 1, 5), "direct", "column"),
    "matrix-column": lambda: (make_transpose_trace(3, 2, 2, "SAME", 1, 5), "matrix", "column"),
    "matrix-row": lambda: (make_transpose_trace(2, 2, 2, "SAME", 1, 4), "matrix", "row"),
    "conv": lambda: (make_conv_trace(5, 3, 2, 1), "scatter", "column"),
    "scatter-1d": lambda: (make_transpose_trace(4, 3, 2, "SAME", 1, None, 0, 1), "scatter", "column"),
    "direct-1d": lambda: (make_transpose_trace(4, 3, 2, "VALID", 1, None, 0, 1), "direct", "column"),
}


def renderer(name, **style):
    tr, view, by = CONFIGS[name]()
    return animator(tr, view, by, **style)


def cell_interiors(an, frame):
    """(painted colour, pixels inside the cell away from grid lines and outlines) for every cell big
    enough to have an inside."""
    inset = an.cv.panels[0].px(4)
    for p in an.cv.panels:
        c = p.cell
        if c - 2 * inset < 3:
            continue
        for r in range(p.rows):
            for col in range(p.cols):
                y, x = p.y0 + r * c, p.x0 + col * c
                yield p.colors[r, col], frame[y + inset:y + c - inset, x + inset:x + c - inset, :3]


def cell_centres(an, frame):
    """The colour at every cell's centre, panel by panel."""
    return [frame[p.y0 + np.arange(p.rows)[:, None] * p.cell + p.cell // 2,
                  p.x0 + np.arange(p.cols)[None, :] * p.cell + p.cell // 2, :3] for p in an.cv.panels]


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_a_2x_frame_is_twice_the_size_with_the_same_cell_colours(name):
    one, two = renderer(name, numbers=False), renderer(name, scale=2, numbers=False)
    for t in (0, one.n_frames - 1):
        a, b = one.frame(t), two.frame(t)
        assert abs(b.shape[0] - 2 * a.shape[0]) <= 1 and abs(b.shape[1] - 2 * a.shape[1]) <= 1
        assert two.cv.size == (b.shape[1], b.shape[0])
        for ca, cb in zip(cell_centres(one, a), cell_centres(two, b)):
            np.testing.assert_array_equal(ca, cb)


def test_a_2x_frame_is_drawn_again_not_an_upscaled_bitmap():
    one, two = renderer("scatter"), renderer("scatter", scale=2)
    a, b = one.frame(2), two.frame(2)
    upscaled = np.repeat(np.repeat(a, 2, axis=0), 2, axis=1)
    assert upscaled.shape == b.shape
    # the cells are the same colours, but text and outlines are rasterised at the larger size
    assert (upscaled != b).any(axis=2).mean() > 0.005
    assert two.cv.panels[0].font_pt == pytest.approx(2 * one.cv.panels[0].font_pt)


@pytest.mark.parametrize("scale", [0.5, 1.5, 2.5, 3])
def test_fractional_scales_keep_the_layout(scale):
    one, big = renderer("direct"), renderer("direct", scale=scale)
    (w, h), (W, H) = one.cv.size, big.cv.size
    assert abs(W - scale * w) <= 2 + len(one.cv.panels) and abs(H - scale * h) <= 3
    assert big.cv.cell_px == round(one.cv.cell_px * scale)
    assert big.frame(big.n_frames - 1).shape == (H, W, 4)


@pytest.mark.parametrize("scale", [0, 0.25, 4.5, float("nan")])
def test_a_scale_out_of_range_is_refused(scale):
    with pytest.raises(ValueError, match="scale"):
        renderer("scatter", scale=scale)


@pytest.mark.parametrize("name", ["scatter", "direct", "matrix-column", "conv"])
@pytest.mark.parametrize("scale", [1, 2])
def test_without_numbers_every_cell_is_its_colour_alone(name, scale):
    bare, numbered = renderer(name, numbers=False, scale=scale), renderer(name, scale=scale)
    assert numbered.cv.numbers and not bare.cv.numbers
    t = bare.n_frames - 1
    inside = list(cell_interiors(bare, bare.frame(t)))
    assert inside
    for colour, pixels in inside:
        assert (pixels == colour).all()
    # with numbers, some cells carry text pixels: the check above can fail
    assert any(not (pixels == colour).all() for colour, pixels in cell_interiors(numbered, numbered.frame(t)))


def dark_share(region):
    return (region[..., :3].max(axis=2) < 110).mean()


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_chinese_frames_differ_and_draw_glyphs_where_the_words_are(name):
    en, zh = renderer(name), renderer(name, lang="zh")
    a, b = en.frame(0), zh.frame(0)     # the same height; widths follow the titles' lengths
    assert a.shape[0] == b.shape[0]
    w = min(a.shape[1], b.shape[1])
    header = (slice(g.MARGIN, g.MARGIN + g.HEADER_PX), slice(0, w))
    assert dark_share(b[header]) > 0.03 and (a[header] != b[header]).any()
    p = zh.cv.panels[0]
    titles = b[p.y0 - g.TITLE_PX:p.y0 - 2, p.x0:p.x0 + 60]
    assert dark_share(titles) > 0.02 and (titles != a[p.y0 - g.TITLE_PX:p.y0 - 2, p.x0:p.x0 + 60]).any()
    assert re.search(r"[\u4e00-\u9fff]", zh.cv.header)
    assert all(re.search(r"[\u4e00-\u9fff]", p.title) for p in zh.cv.panels if "vec" not in p.title)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_step_description_in_a_chinese_frame_is_translated(name):
    zh = renderer(name, lang="zh")
    for t in range(zh.n_frames):
        zh.frame(t)
        caption = " ".join(zh.cv.captions)
        assert caption.startswith("第 ") and not re.search(r"\b(Step|stamps|kernel|taps|column|row|products)\b",
                                                            caption), caption


@pytest.mark.skipif(g.CJK is None, reason="no CJK font installed (fonts-noto-cjk)")
def test_cjk_glyphs_come_from_a_cjk_font_and_mix_with_latin():
    a, b = g.glyphs("转", 20.0), g.glyphs("卷", 20.0)
    assert a.shape != b.shape or not np.array_equal(a, b)     # real glyphs, not the same missing-glyph box
    assert a.mean() > 25 and min(a.shape) > 20                 # a full em of strokes at 20 pt
    mixed = g.glyphs("步长 stride 2", 20.0)
    assert mixed.shape[1] > g.glyphs("步长", 20.0).shape[1] + g.glyphs("stride 2", 20.0).shape[1] * 0.8


WORDS = hst.lists(hst.one_of(hst.text("abcxyz0123[],=·×", min_size=1, max_size=12),
                             hst.text("转置卷积步长填充输出，：", min_size=1, max_size=6)), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, spaces=hst.lists(hst.sampled_from([" ", "", "  "]), min_size=30, max_size=30),
       width=hst.floats(3, 60))
def test_wrapping_keeps_every_character_and_fits_unless_one_word_is_wider(words, spaces, width):
    line = "".join(w + s for w, s in zip(words, spaces))
    out = g.wrap(line, width, g.MONO_EM)
    assert "".join(out).replace(" ", "") == line.replace(" ", "")
    for piece in out:
        fits = g.em_width(piece, g.MONO_EM) <= width + 1e-9
        assert fits or len(g._TOKENS.findall(piece)) == 1, (piece, width)


@pytest.mark.filterwarnings("ignore:Glyph")   # the boxes' warnings (lab.draw.grid silences them outside pytest)
def test_without_a_cjk_font_chinese_frames_still_draw(monkeypatch):
    """fonts-noto-cjk missing: DejaVu draws every string (CJK as boxes), nothing fails."""
    monkeypatch.setattr(g, "CJK", None)
    monkeypatch.setattr(g, "FIGURE_FAMILIES", ["DejaVu Sans"])
    g.glyphs.cache_clear()
    g.caption_glyphs.cache_clear()
    try:
        an = renderer("direct", lang="zh", scale=1.5)
        frame = an.frame(an.n_frames - 1)
        assert frame.shape == (an.cv.size[1], an.cv.size[0], 4)
        assert g.glyphs("转", 20.0).size and g.glyphs("转", 20.0).shape == g.glyphs("卷", 20.0).shape
    finally:
        g.glyphs.cache_clear()
        g.caption_glyphs.cache_clear()


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_without_captions_the_frame_is_the_same_picture_without_the_step_description(name):
    """The page's frames (``captions=False``: the player and step panel write the description in
    full) are the captioned frame cut above its caption lines, pixel for pixel."""
    with_words, bare = renderer(name), renderer(name, captions=False)
    for t in (0, with_words.n_frames - 1):
        full, cut = with_words.frame(t), bare.frame(t)
        w, h = bare.cv.size
        assert full.shape[1] == w and full.shape[0] == h + g.CAPTION_LINES * g.CAPTION_LINE_PX
        grid_bottom = bare.cv.panels[0].y0 + max(p.rows for p in bare.cv.panels) * bare.cv.cell_px
        assert np.array_equal(full[:grid_bottom], cut[:grid_bottom])
        assert (cut[grid_bottom + 2:, :, :3] == 255).all()            # nothing written under the grid
        assert (full[grid_bottom + 2:, :, :3] < 128).any()            # the caption is there
