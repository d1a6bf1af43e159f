"""Pictures to bytes: a Figure or a frame as PNG, and a self-contained HTML/JS player (GIFs: gif.py).

Everything here is plain Python + Pillow (which ships with matplotlib); no Streamlit.
"""
from __future__ import annotations

import base64
import io
import json
from typing import List

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


def script_json(value) -> str:
    """JSON safe inside ``<script>``: every ``<`` escaped, so no text can close the script
    (``</script>``) or open an HTML comment (``<!--``)."""
    return json.dumps(value).replace("<", "\\u003c")


def player_html(pngs: List[bytes], captions: List[str], uid: str = "p") -> str:
    """A self-contained HTML page that plays the frames in the browser: play / pause, step, speed, scrub.

    A pure function of the frames, so it is built once per configuration and a rerun re-sends
    nothing (Streamlit sends an unchanged element as a reference to what the browser holds). The
    step and speed live in the browser: the player starts at, and follows, the page's own ``t`` and
    ``fps`` in the address bar (the server-side step slider), and keeps its own step while playing.
    """
    srcs = ["data:image/png;base64," + base64.b64encode(p).decode("ascii") for p in pngs]
    data = script_json({"srcs": srcs, "caps": captions})
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body{{font-family:sans-serif;margin:0}} .bar{{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:4px 0}}
button{{font-size:16px;padding:4px 10px;cursor:pointer}} img{{max-width:100%;height:auto;display:block}}
.cap{{font-family:monospace;font-size:14px;min-height:1.4em}} input[type=range]{{flex:1;min-width:120px}}
</style></head><body>
<div class="bar">
<button id="{uid}b" title="step back">◀ Back</button><button id="{uid}p" title="play / pause">▶ Play</button>
<button id="{uid}f" title="step forward">Next ▶</button>
<label>speed <select id="{uid}s"><option value="0.5">0.5 fps</option><option value="1">1 fps</option>
<option value="2" selected>2 fps</option><option value="4">4 fps</option><option value="8">8 fps</option></select></label>
<input type="range" id="{uid}r" min="0" value="0"><span id="{uid}n"></span></div>
<img id="{uid}i" alt="animation frame"><div class="cap" id="{uid}c"></div>
<script>
const D={data};let i=0,timer=null,seen=null;const $=id=>document.getElementById("{uid}"+id);
const n=D.srcs.length,r=$("r");r.max=n-1;
function show(){{$("i").src=D.srcs[i];$("c").textContent=D.caps[i]||"";r.value=i;$("n").textContent=(i+1)+"/"+n;}}
function stop(){{if(timer){{clearInterval(timer);timer=null;}}$("p").textContent="▶ Play";}}
function play(){{stop();timer=setInterval(()=>{{i=(i+1)%n;show();}},1000/parseFloat($("s").value));$("p").textContent="Pause";}}
function follow(){{  // the page's step (t, from 0) and speed (fps) in the address bar
  let q;try{{q=window.parent.location.search;}}catch(e){{return;}}
  if(q===seen)return;seen=q;const p=new URLSearchParams(q),t=parseInt(p.get("t")||"0",10),f=p.get("fps")||"2";
  if([...$("s").options].some(o=>o.value===f)){{$("s").value=f;if(timer)play();}}
  if(!timer&&t>=0&&t<n){{i=t;show();}}
}}
$("p").onclick=()=>{{timer?stop():play();}};
$("b").onclick=()=>{{stop();i=(i-1+n)%n;show();}};
$("f").onclick=()=>{{stop();i=(i+1)%n;show();}};
$("s").onchange=()=>{{if(timer)play();}};
r.oninput=()=>{{stop();i=parseInt(r.value);show();}};
show();follow();setInterval(follow,400);
</script></body></html>"""
