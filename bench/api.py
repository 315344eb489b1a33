"""Requests per second of the status code API under gunicorn, measured side by side.

    python bench/api.py [--rounds N] [--seconds S]

For the list and a detail, in one language (?lang=ru) and in all (?lang=all):
1. the API against a view returning the very same JSON bytes from memory. Goal: >= 0.8.
2. the API against a straightforward DRF ModelViewSet with a nested translations serializer
   (bench/naive.py): how much the cached catalogue saves. No goal; reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import arguments, compare, demo_database, gunicorn, report


def main() -> int:
    args = arguments(__doc__, only="only the comparisons whose name has this")
    endpoints = {
        "list ?lang=ru": ("status-codes/?lang=ru", "status-codes/?lang=ru"),
        "list ?lang=all": ("status-codes/?lang=all", "status-codes/?lang=all"),
        "detail 404 ?lang=ru": ("status-codes/404/?lang=ru", "status-codes/404/?lang=ru"),
        "detail 404 ?lang=all": ("status-codes/404/?lang=all", "status-codes/404/?lang=all"),
    }
    goals = {}
    pairs = {}
    with demo_database() as database, gunicorn(database) as server:
        for name, (api, other) in endpoints.items():
            pairs[f"{name}: API / same bytes from memory"] = (
                f"{server}/api/{api}",
                f"{server}/memory/{other}",
            )
            goals[f"{name}: API / same bytes from memory"] = 0.8
        for name, (api, other) in endpoints.items():
            pairs[f"{name}: API / hand-written ModelViewSet"] = (
                f"{server}/api/{api}",
                f"{server}/naive/{other}",
            )
            goals[f"{name}: API / hand-written ModelViewSet"] = 0.0
        pairs = {name: urls for name, urls in pairs.items() if args.only in name}
        goals = {name: goals[name] for name in pairs}
        results = compare(pairs, rounds=args.rounds, seconds=args.seconds)
    ok = report("gunicorn, 1 sync worker; wrk -t1 -c4; median of per-round ratios", results, goals)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
