"""lab.draw.number_line: the explorer's figure, as SVG text (shown) and PNG bytes (export)."""
import io

from PIL import Image

from lab.draw.export import figure_png
from lab.draw.number_line import number_line_figure, number_line_svg
from lab.explorer import Config, analyse


def _args(cfg=Config()):
    d = analyse(cfg).dims[0]
    return ([c.size for c in d.candidates], [c.accepted for c in d.candidates],
            [c.arithmetic for c in d.candidates], d.requested, "Output height candidates for input 25")


def test_svg_carries_the_numbers_as_text():
    svg = number_line_svg(*_args())
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for text in ("ceil(97 / 3) = 33 ≠ 25", "ceil(73 / 3) = 25 ✓", ">97<", ">73<", "asked"):
        assert text in svg, text
    assert "<text" in svg  # text stays text: sharp on a projector, cheap to draw


def test_png_and_large_type():
    small = Image.open(io.BytesIO(figure_png(number_line_figure(*_args()))))
    big = Image.open(io.BytesIO(figure_png(number_line_figure(*_args(), large=True))))
    assert small.format == "PNG" and big.size[0] > small.size[0] and big.size[1] > small.size[1]


def test_degenerate_inputs_draw():
    assert "<svg" in number_line_svg([5], [True], ["x"], None)
    assert "<svg" in number_line_svg([], [], [], None)
    assert "<svg" in number_line_svg(list(range(1, 40)), [False] * 39, ["a"] * 39, 3)
