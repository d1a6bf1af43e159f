"""Frame ``t`` of each animation as an RGBA array: a pure function of (trace, view, step).

- :class:`ConvFrames`: the forward conv's window sliding over the padded input.
- :class:`ScatterFrames`: each input cell stamps value x kernel into the full output; running sums.
- :class:`DirectFrames`: the same numbers as a direct conv of the rotated kernel over the zero-inserted,
  padded input.
- :class:`MatrixFrames`: ``C^T`` with the current column (scatter order) or row (gather order) lit.

Build one object per trace (figure and artists once), then call ``frame(t)`` for every step. Every
class takes ``scale`` (the frame drawn N× larger), ``numbers`` (False: colours only), ``lang`` (the
frame's words, step descriptions included, through ``lab.i18n``) and ``captions`` (False: no step
description under the panels, where the page writes it in full as text).
"""
from __future__ import annotations

import numpy as np

from lab.draw import grid as g
from lab.i18n import translate
from convt.trace import ConvTrace, TransposeTrace, fmt, padding_label, size_text

VIEWS = ("scatter", "direct", "matrix")


class _Words:
    """The frame's text in one language: ``words("kernel w\n{size}", size="3×3")``."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, text: str, **fields) -> str:
        return translate(text, self.lang, **fields)


def _pads_text(words: _Words, before, after, nd: int, sep: str = "\n") -> str:
    """``top 1, bottom 1`` + ``sep`` + ``left 1, right 1`` (1-D: ``left 1, right 1``)."""
    (t, l), (b, r) = before, after
    sides = words("left {l}, right {r}", l=l, r=r)
    return sides if nd == 1 else words("top {t}, bottom {b}", t=t, b=b) + sep + sides


def _kernel_colors(shape, lit=None):
    c = g.fill(shape, g.KERNEL)
    if lit is not None:
        c[lit] = g.KERNEL_LIT
    return c


class ConvFrames:
    """Forward conv: padded input | kernel | output."""

    def __init__(self, tr: ConvTrace, *, scale: float = 1.0, numbers: bool = True, lang: str = "en",
                 captions: bool = True):
        self.tr, self.words = tr, _Words(lang)
        words = self.words
        (H, W), (kh, kw) = tr.x.shape, tr.w.shape
        ph, pw = tr.padded_shape
        (pt, pl), (pb, pr) = tr.pad_before, tr.pad_after
        oh, ow = tr.out_size
        nd = tr.nd
        pad_txt = (words("padding: {sides}", sides=_pads_text(words, tr.pad_before, tr.pad_after, nd))
                   if (pt, pb, pl, pr) != (0, 0, 0, 0) else words("no padding"))
        self.cv = g.Canvas([(ph, pw, words("input x {size}; {padding}", size=size_text((H, W), nd), padding=pad_txt)),
                            (kh, kw, words("kernel w\n{size}", size=size_text((kh, kw), nd))),
                            (oh, ow, words("output y\n{size}", size=size_text((oh, ow), nd)))],
                           numbers=numbers, captions=captions, scale=scale)
        self.cv.set_header(words(
            "Forward conv: {size} input, {ksize} kernel, stride {s}, dilation {d}, {padding} → {out}",
            size=size_text((H, W), nd), ksize=size_text((kh, kw), nd), s=tr.stride[1], d=tr.dilation[1],
            padding=words(padding_label(tr.padding)), out=size_text((oh, ow), nd)))
        pin, pk, _ = self.cv.panels
        self.base_in = g.fill((ph, pw), g.PADDING)
        self.base_in[pt:pt + H, pl:pl + W] = g.DATA
        pin.label(g.labels_of(tr.padded_input()))
        pk.label(g.labels_of(tr.w))
        pk.paint(_kernel_colors(tr.w.shape))
        pin.box("data", pt, pl, H, W, color=g.DARK, lw=1, dash=5)
        self.n_frames = tr.n_steps

    def frame(self, t: int) -> np.ndarray:
        tr = self.tr
        step = tr.steps[t]
        pin, pk, pout = self.cv.panels
        col = self.base_in.copy()
        for tp in step.taps:
            col[tp.ry, tp.rx] = g.DATA_LIT if tp.inside else g.PADDING_LIT
        pin.paint(col)
        kh, kw = tr.w.shape
        oy, ox = step.out
        r0, c0 = oy * tr.stride[0], ox * tr.stride[1]
        pin.box("window", r0, c0, (kh - 1) * tr.dilation[0] + 1, (kw - 1) * tr.dilation[1] + 1)
        y, filled = tr.output_after(t)
        return _finish_gather_frame(self.cv, pout, y, filled, step.out, self.words(tr.describe(t)))


class ScatterFrames:
    """Transpose, scatter order: input x | kernel w | full output with running sums and the kept window."""

    def __init__(self, tr: TransposeTrace, *, scale: float = 1.0, numbers: bool = True, lang: str = "en",
                 captions: bool = True):
        self.tr, self.words = tr, _Words(lang)
        words = self.words
        nd = tr.nd
        (h, w), (kh, kw) = tr.in_size, tr.w.shape
        Lh, Lw = tr.canvas_size
        oh, ow = tr.out_size
        # 1-D: one row per input cell's stamp above the running sum, so every overlap is visible
        self.rows = w + 1 if nd == 1 else Lh
        out = size_text((oh, ow), nd)
        sums = (words("one row per stamp, then their sum\noutput = the {out} in the green frame", out=out)
                if nd == 1 else words("running sums\noutput = the {out} in the green frame", out=out))
        self.cv = g.Canvas([(h, w, words("input x\n{size}", size=size_text((h, w), nd))),
                            (kh, kw, words("kernel w\n{size}", size=size_text((kh, kw), nd))),
                            (self.rows, Lw, words("full output {size}, {sums}", size=size_text(tr.full_size, nd),
                                                  sums=sums))],
                           numbers=numbers, captions=captions, scale=scale)
        self.cv.set_header(words(
            "Transposed conv, scatter: each input cell stamps value × kernel, stride {s}; overlaps add up",
            s=tr.stride[1]))
        px, pk, pc = self.cv.panels
        px.label(g.labels_of(tr.dy))
        pk.label(g.labels_of(tr.w))
        pk.paint(_kernel_colors(tr.w.shape))
        pt, pl = tr.pad_before
        pc.box("crop", self.rows - 1 if nd == 1 else pt, pl, oh, ow, color=g.CROP, lw=3, dash=8)
        self.n_frames = len(tr.scatter)

    def frame(self, t: int) -> np.ndarray:
        tr = self.tr
        step = tr.scatter[t]
        px, pk, pc = self.cv.panels
        xc = g.fill(tr.in_size, g.DATA)
        done = np.zeros(tr.in_size, dtype=bool)
        for s in tr.scatter[:t]:
            done[s.src] = True
        xc[done] = g.DATA_DONE
        xc[step.src] = g.DATA_LIT
        px.paint(xc)
        px.box("cur", step.src[0], step.src[1], 1, 1)
        values = np.zeros((self.rows, tr.canvas_size[1]))
        touched = np.zeros(values.shape, dtype=bool)
        stamp_row = (lambda s, tp: s.src[1]) if tr.nd == 1 else (lambda s, tp: tp.ry)  # noqa: E731
        for s in tr.scatter[: t + 1]:
            for tp in s.taps:
                touched[stamp_row(s, tp), tp.rx] = True
                values[stamp_row(s, tp), tp.rx] += tp.product
        if tr.nd == 1:  # the sum row under the stamps
            values[-1] = tr.scatter_canvas_after(t)[0]
            touched[-1] = touched[:-1].any(axis=0)
        cc = g.fill(values.shape, g.WHITE)
        cc[touched] = g.TOUCHED
        for tp in step.taps:
            cc[stamp_row(step, tp), tp.rx] = g.OUT_LIT if tp.inside else g.OUT_DROPPED
        pc.paint(cc)
        pc.label(g.labels_of(values, touched))
        kh, kw = tr.w.shape
        fy, fx = step.src[1] if tr.nd == 1 else step.src[0] * tr.stride[0], step.src[1] * tr.stride[1]
        pc.box("stamp", fy, fx, (kh - 1) * tr.dilation[0] + 1, (kw - 1) * tr.dilation[1] + 1)
        prods = ", ".join(fmt(tp.product) for tp in step.taps)
        self.cv.set_caption([self.words(tr.describe_scatter(t)),
                             self.words("products {v}×w: {products}", v=fmt(step.value), products=prods)])
        return self.cv.rgba()


class DirectFrames:
    """Transpose as a direct conv: w | w rotated 180° | zero-inserted, padded input | output."""

    def __init__(self, tr: TransposeTrace, *, scale: float = 1.0, numbers: bool = True, lang: str = "en",
                 captions: bool = True):
        self.tr, self.words = tr, _Words(lang)
        words = self.words
        (kh, kw) = tr.w.shape
        zh, zw = tr.z.shape
        oh, ow = tr.out_size
        (zt, zl), (zb, zr) = tr.z_pad_before, tr.z_pad_after
        flip = words("flipped") if tr.nd == 1 else words("rotated 180°")
        border = _pads_text(words, (zt, zl), (zb, zr), tr.nd, sep=words(", "))
        self.cv = g.Canvas([(kh, kw, words("kernel\nw")),
                            (kh, kw, words("w flipped") if tr.nd == 1 else words("w rotated\n180°")),
                            (zh, zw, words("x with {n} zero(s) between cells,\nborder: {sides}",
                                           n=tr.stride[1] - 1, sides=border)),
                            (oh, ow, words("output\n{size}", size=size_text((oh, ow), tr.nd)))],
                           numbers=numbers, captions=captions, scale=scale)
        self.cv.set_header(words("Transposed conv = direct conv (stride 1) with the kernel {flip}", flip=flip))
        pw, pr, pz, _ = self.cv.panels
        pw.label(g.labels_of(tr.w))
        pw.paint(_kernel_colors(tr.w.shape))
        pr.label(g.labels_of(tr.w_rot))
        pr.paint(_kernel_colors(tr.w.shape))
        self.base_z = g.fill((zh, zw), g.PADDING)
        self.base_z[tr.z_kind == 1] = g.DATA
        self.base_z[tr.z_kind == 2] = g.INSERTED
        pz.label(g.labels_of(tr.z))
        self.n_frames = len(tr.direct)

    def frame(self, t: int) -> np.ndarray:
        tr = self.tr
        step = tr.direct[t]
        _, pr, pz, pout = self.cv.panels
        zc = self.base_z.copy()
        for tp in step.taps:
            zc[tp.ry, tp.rx] = g.DATA_LIT if tp.inside else g.INSERTED_LIT
        pz.paint(zc)
        kh, kw = tr.w.shape
        oy, ox = step.out
        pz.box("window", oy, ox, (kh - 1) * tr.dilation[0] + 1, (kw - 1) * tr.dilation[1] + 1)
        lit = np.zeros(tr.w.shape, dtype=bool)
        for tp in step.taps:
            if tp.value != 0:
                lit[tp.ky, tp.kx] = True
        pr.paint(_kernel_colors(tr.w.shape, lit))
        y, filled = tr.direct_output_after(t)
        return _finish_gather_frame(self.cv, pout, y, filled, step.out, self.words(tr.describe_direct(t)))


class MatrixFrames:
    """``C^T`` (out x in) | vec(x) | = vec(out), lit by column (scatter order) or by row (gather order)."""

    def __init__(self, tr: TransposeTrace, by: str = "column", *, scale: float = 1.0, numbers: bool = True,
                 lang: str = "en", captions: bool = True):
        self.tr, self.by, self.words = tr, by, _Words(lang)
        words = self.words
        self.ct = tr.matrix().T
        self.v = tr.dy.reshape(-1)
        n_out, n_in = self.ct.shape
        self.cv = g.Canvas([(n_out, n_in, words("Cᵀ ({rows}×{cols}): the forward\nconv's matrix C, transposed",
                                                rows=n_out, cols=n_in)),
                            (n_in, 1, "vec\n(x)"),
                            (n_out, 1, "vec\n(out)")], numbers=numbers, captions=captions, scale=scale)
        self.cv.set_header(words("Transposed conv as a matrix: vec(out) = Cᵀ · vec(x), stepping by {by}",
                                 by=words(by)))
        pm, pv, _ = self.cv.panels
        self.base = g.fill(self.ct.shape, g.WHITE)
        self.base[self.ct != 0] = g.MATRIX_NZ
        pm.label(g.labels_of(self.ct, self.ct != 0))
        pv.label(g.labels_of(self.v[:, None]))
        self.n_frames = n_in if by == "column" else n_out

    def frame(self, t: int) -> np.ndarray:
        pm, pv, po = self.cv.panels
        ct, v = self.ct, self.v
        n_out, n_in = ct.shape
        mc = self.base.copy()
        vc = g.fill((n_in, 1), g.DATA)
        oc = g.fill((n_out, 1), g.WHITE)
        if self.by == "column":
            j = t
            nz = ct[:, j] != 0
            mc[nz, j] = g.MATRIX_LIT
            vc[j, 0] = g.DATA_LIT
            out = ct[:, : j + 1] @ v[: j + 1]
            shown = (ct[:, : j + 1] != 0).any(axis=1)
            oc[shown, 0] = g.OUT_FILLED
            oc[nz, 0] = g.OUT_LIT
            pm.box("cur", 0, j, n_out, 1)
            pv.box("cur", j, 0, 1, 1)
            po.hide("cur")
        else:
            i = t
            nz = ct[i] != 0
            mc[i, nz] = g.MATRIX_LIT
            vc[nz, 0] = g.DATA_LIT
            out = np.zeros(n_out)
            out[: i + 1] = ct[: i + 1] @ v
            shown = np.arange(n_out) <= i
            oc[shown, 0] = g.OUT_FILLED
            oc[i, 0] = g.OUT_LIT
            pm.box("cur", i, 0, 1, n_in)
            pv.hide("cur")
            po.box("cur", i, 0, 1, 1)
        pm.paint(mc)
        pv.paint(vc)
        po.paint(oc)
        po.label(g.labels_of(out[:, None], shown[:, None]))
        self.cv.set_caption([self.words(self.tr.describe_matrix(t, self.by))])
        return self.cv.rgba()


def animator(tr, view: str = "scatter", by: str = "column", *, scale: float = 1.0, numbers: bool = True,
             lang: str = "en", captions: bool = True):
    """The frame renderer for a trace and view (forward traces have a single view): frames ``scale``×
    the usual size, cell numbers shown or not, words in ``lang``."""
    style = dict(scale=scale, numbers=numbers, lang=lang, captions=captions)
    if isinstance(tr, ConvTrace):
        return ConvFrames(tr, **style)
    if view == "scatter":
        return ScatterFrames(tr, **style)
    if view == "direct":
        return DirectFrames(tr, **style)
    if view == "matrix":
        return MatrixFrames(tr, by, **style)
    raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


def _finish_gather_frame(cv, pout, y, filled, cur, caption: str) -> np.ndarray:
    """Output panel of a gather step (cells done so far, the current one lit) and the caption."""
    oc = g.fill(y.shape, g.WHITE)
    oc[filled] = g.OUT_FILLED
    oc[cur] = g.OUT_LIT
    pout.paint(oc)
    pout.label(g.labels_of(y, filled))
    pout.box("cur", cur[0], cur[1], 1, 1)
    cv.set_caption([caption])
    return cv.rgba()
