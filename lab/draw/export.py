"""Pictures to bytes: a Figure or a frame as PNG, and a self-contained HTML/JS player (GIFs: gif.py).

Everything here is plain Python + Pillow (which ships with matplotlib); no Streamlit.
"""
from __future__ import annotations

import base64
import html
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


PLAYER_WORDS = {"back": "◀ Back", "play": "▶ Play", "pause": "‖ Pause", "next": "Next ▶",
                "full": "Full screen", "speed": "speed", "fps": "fps", "t_back": "step back",
                "t_play": "play / pause", "t_next": "step forward", "t_full": "full screen (Esc leaves)",
                "t_range": "scrub to a step"}
SPEEDS = (0.5, 1, 2, 4, 8)
MIN_FIT_PX = 300  # presentation: the figure is never squeezed below this height to fit the screen


def player_html(pngs: List[bytes], captions: List[str], uid: str = "p", words=None, large: bool = False) -> str:
    """A self-contained HTML page that plays the frames in the browser: play / pause, step, scrub,
    speed, full screen and keys (← → step, PageUp / PageDown for a presentation clicker, space
    plays / pauses, Home / End), every step exact and none dropped, with no server round trip.

    A pure function of its arguments, so it is built once per configuration and a rerun re-sends
    nothing (Streamlit sends an unchanged element as a reference to what the browser holds). The
    step lives in the browser and in the page's address bar: the player starts at the page's ``t``
    (from 0), writes every step it shows back as ``t`` (``history.replaceState``, so a copied link
    opens on that step), follows a new ``t`` the page writes (the server-side step buttons) but
    keeps its own step when the page re-writes its old one with another change (Streamlit's
    server never sees a ``replaceState``), also across a rebuild for a new configuration, and
    takes its speed from ``fps``. Keys pressed on the page itself reach it too (not when a form field has
    the focus). ``words``: the visible texts (``PLAYER_WORDS`` keys) in the page's language;
    ``large``: presentation mode's big controls.
    """
    w = {**PLAYER_WORDS, **(words or {})}
    srcs = ["data:image/png;base64," + base64.b64encode(p).decode("ascii") for p in pngs]
    data = script_json({"srcs": srcs, "caps": captions, "play": w["play"], "pause": w["pause"]})
    esc = {k: html.escape(v, quote=True) for k, v in w.items()}
    options = "".join(f'<option value="{f:g}"{" selected" if f == 2 else ""}>{f:g} {esc["fps"]}</option>'
                      for f in SPEEDS)
    font, cap = (22, 22) if large else (16, 14)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body{{font-family:sans-serif;margin:0}} .bar{{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:4px 0}}
button,select{{font-size:{font}px;padding:{font // 4}px {font // 2}px;cursor:pointer}} label{{font-size:{font}px}}
img{{width:{"100%" if large else "auto"};max-width:100%;height:auto;display:block}}
.cap{{font-family:monospace;font-size:{cap}px;min-height:1.4em}} input[type=range]{{flex:1;min-width:120px}}
#{uid}n{{font-size:{font}px;font-variant-numeric:tabular-nums;min-width:4em}}
body.fs{{background:#fff}} body.fs img{{width:auto;max-width:100vw;max-height:calc(100vh - {3 * font + 40}px) !important;margin:0 auto}}
</style></head><body>
<div class="bar">
<button id="{uid}b" data-act="back" title="{esc["t_back"]}">{esc["back"]}</button><button id="{uid}p" data-act="play" title="{esc["t_play"]}">{esc["play"]}</button>
<button id="{uid}f" data-act="next" title="{esc["t_next"]}">{esc["next"]}</button>
<label>{esc["speed"]} <select id="{uid}s">{options}</select></label>
<input type="range" id="{uid}r" min="0" value="0" title="{esc["t_range"]}" aria-label="{esc["t_range"]}">
<span id="{uid}n" aria-live="polite"></span>
<button id="{uid}x" data-act="full" title="{esc["t_full"]}">{esc["full"]}</button></div>
<img id="{uid}i" alt="animation frame"><div class="cap" id="{uid}c"></div>
<script>
const D={data};let i=0,timer=null,seen=null;const $=id=>document.getElementById("{uid}"+id);
const n=D.srcs.length,r=$("r"),P=window.parent,F=window.frameElement;r.max=n-1;
function loc(){{try{{return P.location;}}catch(e){{return null;}}}}
function mem(){{  // what the players of this page wrote and saw, kept on the page across rebuilds
  try{{const m=P.__convtStep;if(m&&m.path===P.location.pathname)return m;
      return P.__convtStep={{path:P.location.pathname,i:0,srv:null,wrote:null}};}}catch(e){{return {{}};}}
}}
function writeT(){{  // the step into the page's address bar, so a shared link opens on it
  const L=loc();if(!L)return;const u=new URL(L.href);
  if(i)u.searchParams.set("t",String(i));else u.searchParams.delete("t");
  if(u.search!==L.search){{P.history.replaceState(P.history.state,"",u.pathname+u.search+u.hash);}}
  seen=mem().wrote=u.search;mem().i=i;
}}
function show(){{$("i").src=D.srcs[i];$("c").textContent=D.caps[i]||"";r.value=i;$("n").textContent=(i+1)+"/"+n;writeT();}}
function stop(){{if(timer){{clearInterval(timer);timer=null;}}$("p").textContent=D.play;}}
function play(){{stop();timer=setInterval(()=>{{i=(i+1)%n;show();}},1000/parseFloat($("s").value));$("p").textContent=D.pause;}}
function go(k){{stop();i=Math.min(Math.max(k,0),n-1);show();}}
function toggle(){{timer?stop():play();}}
function full(){{const d=P.document;if(d.fullscreenElement)d.exitFullscreen();else if(F)F.requestFullscreen().catch(()=>{{}});}}
function follow(){{  // a step the page put in its URL (a link, the server-side step buttons), the speed
  const L=loc();if(!L)return;const q=L.search,m=mem();
  if(q===seen)return;seen=q;if(q===m.wrote)return;  // our own write (maybe a rebuilt player's)
  const p=new URLSearchParams(q),t=parseInt(p.get("t")||"0",10),f=p.get("fps")||"2";
  if([...$("s").options].some(o=>o.value===f)){{$("s").value=f;if(timer)play();}}
  if(t===m.srv){{if(t!==i)writeT();return;}}  // the page re-wrote its old step with another change: ours stands
  m.srv=t;if(!timer&&t>=0&&t<n&&t!==i){{i=t;show();}}
}}
if(mem().srv!==null)i=Math.min(mem().i,n-1);  // rebuilt for a new configuration: keep the step reached
const KEYS={{ArrowRight:()=>go(i+1),PageDown:()=>go(i+1),ArrowLeft:()=>go(i-1),PageUp:()=>go(i-1),
  " ":toggle,Home:()=>go(0),End:()=>go(n-1),f:full}};
function key(e,fromPage){{  // fromPage: pressed on the page around the player, not inside it
  if(e.ctrlKey||e.altKey||e.metaKey||!(e.key in KEYS))return;
  const t=e.target,tag=(t&&t.tagName)||"",role=(t&&t.getAttribute&&t.getAttribute("role"))||"";
  if(/^(INPUT|TEXTAREA|SELECT)$/.test(tag)||(t&&t.isContentEditable))return;
  if(fromPage&&(/^(slider|radio|tab|listbox|combobox|option|switch|checkbox|menuitem)$/.test(role)||
     (e.key===" "&&/^(BUTTON|A|SUMMARY)$/.test(tag))))return;
  if(!fromPage&&e.key===" "&&tag==="BUTTON")t.blur();
  e.preventDefault();KEYS[e.key]();
}}
document.addEventListener("keydown",e=>key(e,false));
try{{  // one listener on the page, always for the newest player still on it
  const mine=e=>{{if(F&&F.isConnected)key(e,true);}};
  if(P.__convtKeys)P.document.removeEventListener("keydown",P.__convtKeys);
  P.__convtKeys=mine;P.document.addEventListener("keydown",mine);
  P.document.addEventListener("fullscreenchange",()=>{{if(F&&F.isConnected)document.body.classList.toggle("fs",P.document.fullscreenElement===F);}});
}}catch(e){{}}
$("p").onclick=toggle;$("b").onclick=()=>go(i-1);$("f").onclick=()=>go(i+1);$("x").onclick=full;
$("s").onchange=()=>{{if(timer)play();}};
r.oninput=()=>go(parseInt(r.value,10));
function fit(){{  // presentation: the whole figure on the first screen of the page around it
  if(!{str(large).lower()})return;let h=0;
  try{{h=P.innerHeight-(F.getBoundingClientRect().top+P.scrollY+$("i").offsetTop)-8;}}catch(e){{}}
  $("i").style.maxHeight=h?Math.max({MIN_FIT_PX},h)+"px":"";$("i").style.width=h?"auto":"100%";
}}
try{{P.addEventListener("resize",fit);}}catch(e){{}}
fit();follow();show();setInterval(()=>{{follow();fit();}},400);
</script></body></html>"""
