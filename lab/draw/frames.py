"""Frame ``t`` of each animation as an RGBA array: a pure function of (trace, view, step).

- :class:`ConvFrames`: the forward conv's window sliding over the padded input.
- :class:`ScatterFrames`: each input cell stamps value x kernel into the full output; running sums.
- :class:`DirectFrames`: the same numbers as a direct conv of the rotated kernel over the zero-inserted,
  padded input.
- :class:`MatrixFrames`: ``C^T`` with the current column (scatter order) or row (gather order) lit.

Build one object per trace (figure and artists once), then call ``frame(t)`` for every step.
"""
from __future__ import annotations

import numpy as np

from lab.draw import grid as g
from convt.trace import ConvTrace, TransposeTrace, fmt, padding_label, size_text

VIEWS = ("scatter", "direct", "matrix")


def _pads_text(before, after, nd: int) -> str:
    """``top 1, bottom 1, left 1, right 1`` (1-D: ``left 1, right 1``)."""
    (t, l), (b, r) = before, after
    sides = f"left {l}, right {r}"
    return sides if nd == 1 else f"top {t}, bottom {b}\n{sides}"


def _kernel_colors(shape, lit=None):
    c = g.fill(shape, g.KERNEL)
    if lit is not None:
        c[lit] = g.KERNEL_LIT
    return c


class ConvFrames:
    """Forward conv: padded input | kernel | output."""

    def __init__(self, tr: ConvTrace):
        self.tr = tr
        (H, W), (kh, kw) = tr.x.shape, tr.w.shape
        ph, pw = tr.padded_shape
        (pt, pl), (pb, pr) = tr.pad_before, tr.pad_after
        oh, ow = tr.out_size
        nd = tr.nd
        pad_txt = (f"padding: {_pads_text(tr.pad_before, tr.pad_after, nd)}"
                   if (pt, pb, pl, pr) != (0, 0, 0, 0) else "no padding")
        self.cv = g.Canvas([(ph, pw, f"input x {size_text((H, W), nd)}; {pad_txt}"),
                            (kh, kw, f"kernel w\n{size_text((kh, kw), nd)}"),
                            (oh, ow, f"output y\n{size_text((oh, ow), nd)}")])
        self.cv.set_header(
            f"Forward conv: {size_text((H, W), nd)} input, {size_text((kh, kw), nd)} kernel, stride "
            f"{tr.stride[1]}, dilation {tr.dilation[1]}, {padding_label(tr.padding)} → {size_text((oh, ow), nd)}")
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
        return _finish_gather_frame(self.cv, pout, y, filled, step.out, tr.describe(t))


class ScatterFrames:
    """Transpose, scatter order: input x | kernel w | full output with running sums and the kept window."""

    def __init__(self, tr: TransposeTrace):
        self.tr = tr
        nd = tr.nd
        (h, w), (kh, kw) = tr.in_size, tr.w.shape
        Lh, Lw = tr.canvas_size
        oh, ow = tr.out_size
        # 1-D: one row per input cell's stamp above the running sum, so every overlap is visible
        self.rows = w + 1 if nd == 1 else Lh
        sums = (f"one row per stamp, then their sum\noutput = the {ow} in the green frame" if nd == 1 else
                f"running sums\noutput = the {oh}×{ow} in the green frame")
        self.cv = g.Canvas([(h, w, f"input x\n{size_text((h, w), nd)}"),
                            (kh, kw, f"kernel w\n{size_text((kh, kw), nd)}"),
                            (self.rows, Lw, f"full output {size_text(tr.full_size, nd)}, {sums}")])
        self.cv.set_header(
            f"Transposed conv, scatter: each input cell stamps value × kernel, stride {tr.stride[1]}; "
            f"overlaps add up")
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
        self.cv.set_caption([tr.describe_scatter(t), f"products {fmt(step.value)}×w: {prods}"])
        return self.cv.rgba()


class DirectFrames:
    """Transpose as a direct conv: w | w rotated 180° | zero-inserted, padded input | output."""

    def __init__(self, tr: TransposeTrace):
        self.tr = tr
        (kh, kw) = tr.w.shape
        zh, zw = tr.z.shape
        oh, ow = tr.out_size
        (zt, zl), (zb, zr) = tr.z_pad_before, tr.z_pad_after
        flip = "flipped" if tr.nd == 1 else "rotated 180°"
        self.cv = g.Canvas([(kh, kw, "kernel\nw"),
                            (kh, kw, f"w {flip}" if tr.nd == 1 else "w rotated\n180°"),
                            (zh, zw, f"x with {tr.stride[1] - 1} zero(s) between cells,\n"
                                     f"border: {_pads_text((zt, zl), (zb, zr), tr.nd)}".replace("\nleft", ", left")),
                            (oh, ow, f"output\n{size_text((oh, ow), tr.nd)}")])
        self.cv.set_header(f"Transposed conv = direct conv (stride 1) with the kernel {flip}")
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
        return _finish_gather_frame(self.cv, pout, y, filled, step.out, tr.describe_direct(t))


class MatrixFrames:
    """``C^T`` (out x in) | vec(x) | = vec(out), lit by column (scatter order) or by row (gather order)."""

    def __init__(self, tr: TransposeTrace, by: str = "column"):
        self.tr, self.by = tr, by
        self.ct = tr.matrix().T
        self.v = tr.dy.reshape(-1)
        n_out, n_in = self.ct.shape
        self.cv = g.Canvas([(n_out, n_in, f"Cᵀ ({n_out}×{n_in}): the forward\nconv's matrix C, transposed"),
                            (n_in, 1, "vec\n(x)"),
                            (n_out, 1, "vec\n(out)")], caption_lines=2)
        self.cv.set_header(f"Transposed conv as a matrix: vec(out) = Cᵀ · vec(x), stepping by {by}")
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
        self.cv.set_caption([self.tr.describe_matrix(t, self.by)])
        return self.cv.rgba()


def animator(tr, view: str = "scatter", by: str = "column"):
    """The frame renderer for a trace and view (forward traces have a single view)."""
    if isinstance(tr, ConvTrace):
        return ConvFrames(tr)
    if view == "scatter":
        return ScatterFrames(tr)
    if view == "direct":
        return DirectFrames(tr)
    if view == "matrix":
        return MatrixFrames(tr, by)
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
