"""Render an animation of a forward or transposed convolution to an animated GIF (and/or a sequence
of PNG frames), for slides.

    python -m lab.render transpose --in 3 --k 3 --s 2 --pad VALID -o anim.gif
    python -m lab.render transpose --in 3 --k 2 --s 2 --pad SAME --out 5 --view direct -o direct.gif
    python -m lab.render conv --in 6 --k 3 --s 2 --pad SAME -o conv.gif
    python -m lab.render transpose --in 3 --k 3 --s 2 --scale 2 --no-numbers --lang zh -o big.gif --frames big.zip

It lives in ``lab`` (not ``convt``) because it draws: ``convt`` computes and never imports drawing code.

Numbers are seeded small integers (``--seed``), the same the app shows for that configuration.
Bad arguments print one line and exit with code 2. Frames are rendered and written one at a time
(``lab.draw.gif``), so memory stays flat however many frames (at most :data:`MAX_GIF_FRAMES`).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from convt.errors import ShapeError
from convt.trace import make_conv_trace, make_transpose_trace, valid_output_sizes
from lab.animation import MAX_DILATION, MAX_INPUT, MAX_KERNEL, MAX_MATRIX_SIDE, MAX_STRIDE
from lab.draw.grid import MAX_SCALE, MIN_SCALE
from lab.i18n import LANGS

MAX_GIF_FRAMES = 400
VIEWS = ("scatter", "direct", "matrix")


def parse_padding(text: str):
    """``SAME``, ``VALID`` (any case) or a non-negative int (explicit, both sides)."""
    t = str(text).strip()
    if t.upper() in ("SAME", "VALID"):
        return t.upper()
    try:
        p = int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be SAME, VALID or a non-negative integer, not {text!r}") from None
    if p < 0:
        raise argparse.ArgumentTypeError(f"must be SAME, VALID or a non-negative integer, not {text!r}")
    return p


def _bounded(lo: int, hi: int, what: str):
    def conv(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be an integer, not {text!r}") from None
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{what} must be between {lo} and {hi} for an animation, not {v}")
        return v
    return conv


def parse_scale(text: str) -> float:
    """A scale factor between :data:`MIN_SCALE` and :data:`MAX_SCALE` (``2``, ``1.5``, ``2x``)."""
    try:
        v = float(str(text).strip().rstrip("x×"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a number, not {text!r}") from None
    if not MIN_SCALE <= v <= MAX_SCALE:
        raise argparse.ArgumentTypeError(f"--scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}, not {text}")
    return v


class _Parser(argparse.ArgumentParser):
    """Errors in one line (``prog: error: ...``), exit code 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="python -m lab.render",
        description="Render a convolution animation (seeded integer example data) to an animated GIF "
                    "and/or a sequence of PNG frames.",
        epilog="Options of both subcommands: --in N, --k N, --s N, --pad SAME|VALID|N, --d N, --fps F, "
               "--seed N, -o FILE, --frames DIR|ZIP, --scale X, --no-numbers, --lang en|zh. "
               "transpose only: --out N, --view scatter|direct|matrix, --by column|row. "
               "Example: python -m lab.render transpose --in 3 --k 3 --s 2 --pad VALID -o anim.gif "
               "(details: python -m lab.render transpose --help).")
    sub = ap.add_subparsers(dest="op", required=True, metavar="{transpose,conv}")
    for name, helptext in (("transpose", "transposed convolution (conv2d_transpose)"),
                           ("conv", "forward convolution (conv2d)")):
        p = sub.add_parser(name, help=helptext, description=f"Animate a {helptext} as a GIF.")
        p.add_argument("--in", dest="in_size", type=_bounded(1, MAX_INPUT, "--in"), required=True,
                       help=f"input height = width (1..{MAX_INPUT})")
        p.add_argument("--k", type=_bounded(1, MAX_KERNEL, "--k"), required=True,
                       help=f"kernel height = width (1..{MAX_KERNEL})")
        p.add_argument("--s", type=_bounded(1, MAX_STRIDE, "--s"), default=1, help=f"stride (1..{MAX_STRIDE}), default 1")
        p.add_argument("--pad", type=parse_padding, default="VALID",
                       help="padding: SAME, VALID or an int (explicit, both sides); default VALID")
        p.add_argument("--d", type=_bounded(1, MAX_DILATION, "--d"), default=1,
                       help=f"dilation (1..{MAX_DILATION}), default 1")
        if name == "transpose":
            p.add_argument("--out", type=int, default=None,
                           help="output size (height = width); default: the largest valid size")
            p.add_argument("--view", choices=VIEWS, default="scatter",
                           help="scatter (stamp and sum), direct (zero insertion + kernel rotated 180°) "
                                "or matrix (C transposed); default scatter")
            p.add_argument("--by", choices=("column", "row"), default="column",
                           help="matrix view: step by column (scatter order) or by row (gather order)")
        p.add_argument("--fps", type=float, default=2.0, help="frames per second, default 2")
        p.add_argument("--seed", type=int, default=0, help="seed of the example numbers, default 0")
        p.add_argument("-o", "--output", help="GIF file to write")
        p.add_argument("--frames", metavar="DIR|ZIP",
                       help="also (or instead) write every frame as a PNG: into a .zip file, or a folder")
        p.add_argument("--scale", type=parse_scale, default=1.0,
                       help=f"draw every frame this many times larger ({MIN_SCALE:g}..{MAX_SCALE:g}, e.g. 2 or "
                            f"1.5): cells, lines and text, crisp; default 1")
        p.add_argument("--no-numbers", dest="numbers", action="store_false",
                       help="leave the numbers out of the cells (colours only)")
        p.add_argument("--lang", choices=tuple(LANGS), default="en",
                       help="language of the frames' words: en or zh (中文); default en")
    return ap


def main(argv: Optional[List[str]] = None) -> int:
    ap = build_parser()
    a = ap.parse_args(argv)
    if not (a.output or a.frames):
        ap.error("nothing to write: give -o FILE.gif and/or --frames DIR|ZIP")
    if not 0.1 <= a.fps <= 30:
        ap.error(f"--fps must be between 0.1 and 30, not {a.fps}")
    if not isinstance(a.pad, str) and a.pad > (a.k - 1) * a.d:
        ap.error(f"--pad {a.pad} is more than (k-1)*d = {(a.k - 1) * a.d}: the animation caps explicit padding there")
    try:
        if a.op == "conv":
            tr = make_conv_trace(a.in_size, a.k, a.s, a.pad, a.d, a.seed)
            view, by, n = "scatter", "column", tr.n_steps
        else:
            if a.out is not None:
                valid = valid_output_sizes(a.in_size, a.k, a.s, a.d, a.pad)
                if a.out not in valid:
                    span = f"{valid.start}..{valid.stop - 1}" if len(valid) else "none"
                    ap.error(f"--out {a.out} is not a valid output size for this configuration (valid: {span})")
            tr = make_transpose_trace(a.in_size, a.k, a.s, a.pad, a.d, a.out, a.seed)
            view, by = a.view, a.by
            n = tr.n_steps(view, by)
            if view == "matrix" and max(tr.in_size[0] * tr.in_size[1], tr.out_size[0] * tr.out_size[1]) > MAX_MATRIX_SIDE:
                ap.error(f"the matrix view is capped at {MAX_MATRIX_SIDE} rows/columns; use smaller sizes")
    except ShapeError as e:
        ap.error(str(e).splitlines()[0])
    if n > MAX_GIF_FRAMES:
        ap.error(f"{n} steps is too many for a GIF (max {MAX_GIF_FRAMES}); use smaller sizes or another view")

    from lab.draw import animator, gif, sequence

    an = animator(tr, view, by, scale=a.scale, numbers=a.numbers, lang=a.lang)
    w, h = an.cv.size
    target = a.output
    try:
        if a.output:
            with open(a.output, "wb") as f:
                gif.write_gif(f, an.frame, n, fps=a.fps)
            print(f"wrote {a.output}: {n} frames, {w}×{h} px, {os.path.getsize(a.output) // 1024} KB")
        if a.frames:
            target = a.frames
            if a.frames.lower().endswith(".zip"):
                with open(a.frames, "wb") as f:
                    sequence.write_png_zip(f, an.frame, n)
            else:
                sequence.write_png_dir(a.frames, an.frame, n)
            print(f"wrote {a.frames}: {n} PNG frames of {w}×{h} px")
    except OSError as e:
        ap.error(f"cannot write {target}: {e.strerror}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
