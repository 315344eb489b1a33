"""Requests per second of raising a status through StatusCodeMiddleware, under gunicorn.

    python bench/errors.py [--rounds N] [--seconds S]

1. A view raising ``MethodNotAllowed`` (rendered problem+json with the stored texts) against a
   view returning ``HttpResponseNotAllowed`` directly, on the same server. Goal: >= 0.8.
2. A view that raises nothing, with the middleware against without it (the same process serves
   both; see bench/wsgi.py). Goal: >= 0.97.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import arguments, compare, demo_database, gunicorn, report


def main() -> int:
    args = arguments(__doc__)
    with demo_database() as database, gunicorn(database) as server:
        results = compare(
            {
                "raise MethodNotAllowed / return HttpResponseNotAllowed": (
                    f"{server}/raise-405/",
                    f"{server}/plain-405/",
                ),
                "no error: with the middleware / without": (
                    f"{server}/ok/",
                    f"{server}/without/ok/",
                ),
            },
            rounds=args.rounds,
            seconds=args.seconds,
        )
    goals = {
        "raise MethodNotAllowed / return HttpResponseNotAllowed": 0.8,
        "no error: with the middleware / without": 0.97,
    }
    ok = report("gunicorn, 1 sync worker; wrk -t1 -c4; median of per-round ratios", results, goals)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
