"""Pictures to bytes: a Figure or a frame as PNG, an animated GIF, and a self-contained HTML/JS player.

Everything here is plain Python + Pillow (which ships with matplotlib); no Streamlit.
"""
from __future__ import annotations

import base64
import io
import json
from typing import List, Sequence

import numpy as np
from matplotlib.figure import Figure
from PIL import Image


def _paletted(rgba: np.ndarray) -> Image.Image:
    """RGB -> 64-colour palette image (fast octree): frames have a few flat colours plus anti-aliased text."""
    return Image.fromarray(np.ascontiguousarray(rgba[..., :3])).quantize(64, method=Image.Quantize.FASTOCTREE)


def png_bytes(rgba: np.ndarray) -> bytes:
    """One frame as a paletted PNG (about half the bytes of RGB, and 2x faster to encode)."""
    buf = io.BytesIO()
    _paletted(rgba).save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def figure_png(fig: Figure) -> bytes:
    """A matplotlib ``Figure`` as PNG bytes at its own dpi: the one export every static picture uses."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return buf.getvalue()


def decode_png(data: bytes) -> np.ndarray:
    """PNG bytes back to an RGBA array (to build a GIF from cached PNG frames)."""
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def gif_bytes(frames: Sequence[np.ndarray], fps: float = 2.0, last_hold: float = 1.5) -> bytes:
    """An animated GIF of RGBA frames (one shared 64-colour palette), looping; the last frame held longer."""
    if not frames:
        raise ValueError("no frames")
    # one palette for every frame (from a strip of sampled frames): unchanged pixels keep their
    # index, so Pillow stores each frame as a small changed rectangle
    rgb = [Image.fromarray(np.ascontiguousarray(f[..., :3])) for f in frames]
    sample = rgb[:: max(1, len(rgb) // 6)][:6]
    w, h = rgb[0].size
    strip = Image.new("RGB", (w, h * len(sample)))
    for i, im in enumerate(sample):
        strip.paste(im, (0, i * h))
    pal = strip.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
    imgs = [im.quantize(palette=pal, dither=Image.Dither.NONE) for im in rgb]
    ms = int(round(1000 / max(fps, 0.1)))
    durations = [ms] * len(imgs)
    durations[-1] = max(ms, int(last_hold * 1000))
    buf = io.BytesIO()
    imgs[0].save(buf, format="GIF", save_all=True, append_images=imgs[1:], duration=durations, loop=0,
                 optimize=False, disposal=1)
    return buf.getvalue()


def player_html(pngs: List[bytes], captions: List[str], fps: float = 2.0, start: int = 0, uid: str = "p") -> str:
    """A self-contained HTML page that plays the frames in the browser: play / pause, step, speed, scrub.

    No server round trip per frame: all frames are embedded (base64 PNG) once.
    """
    srcs = ["data:image/png;base64," + base64.b64encode(p).decode("ascii") for p in pngs]
    data = json.dumps({"srcs": srcs, "caps": captions, "fps": fps, "start": start})
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body{{font-family:sans-serif;margin:0}} .bar{{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:4px 0}}
button{{font-size:16px;padding:4px 10px;cursor:pointer}} img{{max-width:100%;height:auto;display:block}}
.cap{{font-family:monospace;font-size:14px;min-height:1.4em}} input[type=range]{{flex:1;min-width:120px}}
</style></head><body>
<div class="bar">
<button id="{uid}b" title="step back">◀ Back</button><button id="{uid}p" title="play / pause">▶ Play</button>
<button id="{uid}f" title="step forward">Next ▶</button>
<label>speed <select id="{uid}s"><option value="0.5">0.5 fps</option><option value="1">1 fps</option>
<option value="2">2 fps</option><option value="4">4 fps</option><option value="8">8 fps</option></select></label>
<input type="range" id="{uid}r" min="0" value="0"><span id="{uid}n"></span></div>
<img id="{uid}i" alt="animation frame"><div class="cap" id="{uid}c"></div>
<script>
const D={data};let i=D.start,timer=null;const $=id=>document.getElementById("{uid}"+id);
const r=$("r");r.max=D.srcs.length-1;$("s").value=String(D.fps);
if(!$("s").value){{$("s").value="2";}}
function show(){{$("i").src=D.srcs[i];$("c").textContent=D.caps[i]||"";r.value=i;$("n").textContent=(i+1)+"/"+D.srcs.length;}}
function stop(){{if(timer){{clearInterval(timer);timer=null;}}$("p").textContent="▶ Play";}}
function play(){{stop();timer=setInterval(()=>{{i=(i+1)%D.srcs.length;show();}},1000/parseFloat($("s").value));$("p").textContent="Pause";}}
$("p").onclick=()=>{{timer?stop():play();}};
$("b").onclick=()=>{{stop();i=(i-1+D.srcs.length)%D.srcs.length;show();}};
$("f").onclick=()=>{{stop();i=(i+1)%D.srcs.length;show();}};
$("s").onchange=()=>{{if(timer)play();}};
r.oninput=()=>{{stop();i=parseInt(r.value);show();}};
show();
</script></body></html>"""
