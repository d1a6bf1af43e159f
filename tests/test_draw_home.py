"""lab.draw.home and the gradient figure: real PNGs, larger in presentation mode, Chinese labels
drawn with a font that has the glyphs; the gradient's two panels show the same cells."""
import io
import warnings

import numpy as np
import pytest
from PIL import Image

from lab import walkthrough as wt
from lab.draw import home as H
from lab.draw.gradient import compare_png, same_cells

LINE, SEED = wt.line_demo(), wt.seed_failure()
FIGURES = {
    "reverse": lambda lang, present: H.reverse_png(LINE, 1, lang, present),
    "matrices": lambda lang, present: H.matrices_png(LINE, 1, lang, present),
    "many": lambda lang, present: H.many_to_one_png(wt.many_to_one(), 3, lang, present),
    "seed": lambda lang, present: H.seed_bars_png(SEED, lang, present),
    "inner": lambda lang, present: H.inner_png(LINE, lang, present),
    "skip": lambda lang, present: H.skip_png(wt.skip_recipe(99), wt.SKIP_SIZES, lang, present),
}


def size(png: bytes):
    return Image.open(io.BytesIO(png)).size


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_figure_is_a_png_and_bigger_when_presenting(name):
    small, big = FIGURES[name]("en", False), FIGURES[name]("en", True)
    assert small[:8] == b"\x89PNG\r\n\x1a\n"
    assert size(big)[0] > size(small)[0] and size(big)[1] > size(small)[1]


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_chinese_labels_have_their_glyphs(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        zh = FIGURES[name]("zh", False)
    assert zh != FIGURES[name]("en", False)


def test_lit_cell_changes_the_picture():
    assert H.reverse_png(LINE, 0) != H.reverse_png(LINE, 1)
    assert H.matrices_png(LINE, 0) != H.matrices_png(LINE, 1)


def test_gradient_panels_show_the_same_cells():
    left = np.arange(9.0).reshape(3, 3)
    left[0, 1] = left[2, 2] = np.nan
    right = np.arange(16.0).reshape(4, 4)
    shown = same_cells(left, right)
    assert np.isnan(shown[0, 1]) and np.isnan(shown[2, 2])
    assert np.isnan(shown).sum() == 2 and shown[3, 3] == 15  # outside the shared block: untouched
    assert not np.isnan(right).any()                       # the input is not changed


def test_gradient_long_titles_wrap_instead_of_overlapping():
    a = np.ones((5, 5))
    short = compare_png(a, a, "left", "right")
    long = compare_png(a, a, "a long title " * 6, "right")
    assert size(long)[1] > size(short)[1]  # the wrapped title takes more lines, the figure grows
