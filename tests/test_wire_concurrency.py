"""Concurrent writes through a real server with two worker processes: nothing lost, no 500.

On the suite's database: SQLite in a file here, PostgreSQL in CI's PostgreSQL leg.
"""

from __future__ import annotations

import base64
import json
import threading

import pytest

from tests.test_wire import database, manage_shell, raw, start  # noqa: F401

TOKEN = base64.b64encode(b"wire:wire-pw").decode()


@pytest.fixture(scope="module")
def server(database):  # noqa: F811
    manage_shell(
        database,
        "from django.contrib.auth.models import User; "
        "User.objects.filter(username='wire').exists() or "
        "User.objects.create_superuser('wire', password='wire-pw')",
    )
    running = start("gunicorn", database)
    yield running
    running.stop()


def send(server, method, path, body):
    text = json.dumps(body, ensure_ascii=False)
    return raw(
        server.port, method, path, f"Authorization: Basic {TOKEN}",
        "Content-Type: application/json", f"Content-Length: {len(text.encode())}",
        body=text,
    )  # fmt: skip


def together(*calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def read(server, code):
    status, _, body = raw(server.port, "GET", f"/api/status-codes/{code}/?lang=all")
    assert status.startswith("HTTP/1.1 200"), status
    return json.loads(body)


def test_concurrent_patches_of_different_fields_all_survive(server):
    path = "/api/status-codes/404/"
    for round_ in range(25):
        results = together(
            lambda r=round_: send(server, "PATCH", path, {"origin": f"origin {r}"}),
            lambda r=round_: send(server, "PATCH", path, {"former_phrases": [f"phrase {r}"]}),
            lambda r=round_: send(server, "PATCH", path,
                                  {"translations": {"ru": {"description": f"описание {r}"}}}),
        )  # fmt: skip
        assert [status.split()[1] for status, _, _ in results] == ["200"] * 3, results
        item = read(server, 404)
        assert item["origin"] == f"origin {round_}"
        assert item["former_phrases"] == [f"phrase {round_}"]
        assert item["translations"]["ru"]["description"] == f"описание {round_}"


def test_eight_concurrent_posts_of_one_new_code(server):
    body = {"code": 597, "phrase": "Our Timeout"}
    results = together(*[lambda: send(server, "POST", "/api/status-codes/", body)] * 8)
    statuses = sorted(status.split()[1] for status, _, _ in results)
    assert statuses == ["201"] + ["409"] * 7, [r[2][:200] for r in results]
    assert read(server, 597)["phrase"] == "Our Timeout"
