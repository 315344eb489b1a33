"""Shared benchmark plumbing: a migrated demo database, gunicorn servers, wrk runs, ratios.

Ratios are measured side by side: each round runs every compared URL once, in turn, and the
reported figure is the median over rounds of the per-round ratio, so machine noise that lasts
longer than one run cancels out.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def arguments(doc: str | None, **extra: str) -> argparse.Namespace:
    """``--rounds`` and ``--seconds`` for every benchmark, plus ``extra`` string options."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3)
    for name, help_text in extra.items():
        parser.add_argument(f"--{name}", default="", help=help_text)
    return parser.parse_args()


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    return wrk


@contextmanager
def demo_database() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{path}",
            "DJANGO_SETTINGS_MODULE": "bench.settings",
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        yield path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def gunicorn(database: Path, *, workers: int = 1, **env: str) -> Iterator[str]:
    """Run the benchmark site under gunicorn; yields its base URL."""
    port = _free_port()
    full_env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        **env,
    }
    argv = [str(BIN / "gunicorn"), "bench.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
    process = subprocess.Popen(argv, cwd=ROOT, env=full_env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def requests_per_second(
    url: str, *, seconds: int, connections: int = 4, headers: tuple[str, ...] = ()
) -> float:
    """One wrk run against ``url``."""
    argv = [require_wrk(), "-t1", f"-c{connections}", f"-d{seconds}s"]
    for header in headers:
        argv += ["-H", header]
    output = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match is None:
        raise RuntimeError(f"no Requests/sec in wrk output:\n{output}")
    return float(match.group(1))


def compare(
    pairs: dict[str, tuple[str, str]], *, rounds: int, seconds: int, headers: tuple[str, ...] = ()
) -> dict[str, tuple[float, float, float]]:
    """For each name, (median rps of the candidate, median rps of the baseline, median ratio)."""
    for candidate, baseline in pairs.values():  # warm up every URL once
        requests_per_second(candidate, seconds=1, headers=headers)
        requests_per_second(baseline, seconds=1, headers=headers)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in pairs}
    for index in range(rounds):
        for name, (candidate, baseline) in pairs.items():
            first, second = (candidate, baseline) if index % 2 == 0 else (baseline, candidate)
            a = requests_per_second(first, seconds=seconds, headers=headers)
            b = requests_per_second(second, seconds=seconds, headers=headers)
            samples[name].append((a, b) if index % 2 == 0 else (b, a))
    return {
        name: (
            statistics.median(c for c, _ in values),
            statistics.median(b for _, b in values),
            statistics.median(c / b for c, b in values),
        )
        for name, values in samples.items()
    }


def report(
    title: str, results: dict[str, tuple[float, float, float]], goals: dict[str, float]
) -> bool:
    print(title)
    print(f"{'comparison':58} {'candidate':>10} {'baseline':>10} {'ratio':>6} {'goal':>6}")
    ok = True
    for name, (candidate, baseline, ratio) in results.items():
        goal = goals[name]
        ok &= ratio >= goal
        mark = "ok" if ratio >= goal else "BELOW"
        print(f"{name:58} {candidate:10.0f} {baseline:10.0f} {ratio:6.3f} {goal:6.2f} {mark}")
    return ok
