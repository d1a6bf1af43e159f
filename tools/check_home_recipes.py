#!/usr/bin/env python3
"""Run Home's idea-5 recipes (lab.walkthrough.recipes) in the real frameworks and check that each
prints the shapes its comments claim, for every skip size Home offers. Run it with the app's Python;
it runs each recipe in the framework venv:

    python3 tools/check_home_recipes.py --python /work/fwvenv/bin/python

It prints each recipe's verdict and exits 1 if any printed shape differs from its comment.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab import walkthrough as wt  # noqa: E402

CLAIM = re.compile(r"print\(.*#\s*(\(.*\))\s*$")


def claimed(code: str):
    """The shapes the recipe's print lines promise, as text without spaces."""
    return [m.group(1).replace(" ", "") for m in map(CLAIM.match, code.splitlines()) if m]


def printed(output: str):
    """Shapes as printed by TF ``(3, 97, 97, 10)``, Keras ``(3, 97, 97, 10)``, torch ``torch.Size([...])``."""
    out = []
    for line in output.splitlines():
        m = re.fullmatch(r"torch\.Size\(\[(.*)\]\)", line.strip())
        out.append(f"({m.group(1)})".replace(" ", "") if m else line.strip().replace(" ", ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default="/work/fwvenv/bin/python")
    args = ap.parse_args()
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "KERAS_BACKEND": "tensorflow"}
    bad = 0
    for skip in wt.SKIP_SIZES:
        for name, code in wt.recipes(wt.skip_recipe(skip)).items():
            run = subprocess.run([args.python, "-c", code], capture_output=True, text=True, env=env)
            want, got = claimed(code), printed(run.stdout)
            ok = run.returncode == 0 and want == got
            bad += not ok
            print(f"{'ok ' if ok else 'BAD'} skip {skip}: {name}" + ("" if ok else f"\n  want {want}\n  got  {got}\n"
                                                                       f"  {run.stderr[-800:]}"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
