"""The encoder–decoder diagram (issue 16.6): no empty band above the bars when there is no skip arc to
draw there; with skips the room stays; its words in the page's language."""
import io

from PIL import Image

from lab import chain as C
from lab.draw.chain import chain_png


def picture(chain: C.Chain, lang: str = "en") -> Image.Image:
    w = C.walk(chain, "tf")
    png = chain_png(w.sizes(chain), [layer.text() for layer in chain.layers], [layer.skip for layer in chain.layers],
                    w.first_break, "TensorFlow", lang=lang)
    return Image.open(io.BytesIO(png))


def test_no_skip_no_band_and_skips_keep_their_room():
    plain = picture(C.PRESETS["seed"])
    unet = picture(C.PRESETS["unet"])
    assert plain.height < 0.55 * plain.width          # was 4.8 / 6.5 of the width: a band above the bars
    assert unet.height / unet.width > 0.3             # the arcs' band stays
    rows = [y for y in range(plain.height)
            if any(sum(plain.convert("RGB").getpixel((x, y))) < 600 for x in range(0, plain.width, 2))]
    gaps = [b - a for a, b in zip(rows, rows[1:])]
    assert max(gaps) < 0.25 * plain.height            # no empty horizontal band anywhere


def test_the_diagram_in_chinese_differs_only_by_its_words():
    en, zh = picture(C.PRESETS["seed"]), picture(C.PRESETS["seed"], "zh")
    assert en.size == zh.size and en.tobytes() != zh.tobytes()
