"""Drawing for the animations: matplotlib ``Figure`` objects (never pyplot) turned into PNG / GIF bytes
(``gif``), or a ZIP / folder of PNG frames (``sequence``).

    frames = render_frames(trace, view="direct")   # list of RGBA arrays, one per step
    an = animator(trace, "direct"); data = gif.gif_bytes(an.frame, an.n_frames, fps=2)
    an = animator(trace, "direct", scale=2, numbers=False, lang="zh")   # for slides: 2×, colours only, 中文
"""
from __future__ import annotations

from typing import List, Optional, Sequence

import numpy as np

from lab.draw import export, gif, sequence
from lab.draw.frames import VIEWS, animator


def render_frames(tr, view: str = "scatter", by: str = "column",
                  steps: Optional[Sequence[int]] = None, **style) -> List[np.ndarray]:
    """RGBA frames of ``tr`` in ``view`` for ``steps`` (default: every step), one figure reused;
    ``style``: :func:`animator`'s ``scale``, ``numbers``, ``lang``."""
    an = animator(tr, view, by, **style)
    steps = range(an.n_frames) if steps is None else steps
    return [an.frame(t) for t in steps]


__all__ = ["VIEWS", "animator", "export", "gif", "render_frames", "sequence"]
