"""A fixed 20 % of fixture cases held out while developing an adapter (``CONVT_FIXTURES``).

``CONVT_FIXTURES=dev`` replays the other 80 %, ``=holdout`` only the held-out ones, unset all.
The split is by a hash of the case id, so it does not move when fixtures are regenerated.
"""
from __future__ import annotations

import hashlib
import os


def held_out(case_id: str) -> bool:
    return int(hashlib.sha1(case_id.encode()).hexdigest(), 16) % 5 == 0


def select(cases):
    which = os.environ.get("CONVT_FIXTURES", "all")
    if which == "dev":
        return [c for c in cases if not held_out(c["id"])]
    if which == "holdout":
        return [c for c in cases if held_out(c["id"])]
    return list(cases)
