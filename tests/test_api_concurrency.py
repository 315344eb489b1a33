"""Concurrent writes through a real server with several workers, on the suite's database.

The test client serialises requests, and an in-memory SQLite database is one connection; these
tests send simultaneous requests to gunicorn (two processes of four threads) over the demo's
database: a SQLite file, or the suite's PostgreSQL when it runs on one (as CI's third leg does).
"""

from __future__ import annotations

import base64
import json
import threading

import pytest

from tests import test_wire as wire

#: The migrated demo database of ``test_wire``: a SQLite file, or a PostgreSQL database.
database = wire.database

ROUNDS = 25
TOKEN = base64.b64encode(b"racer:racer-pw").decode()


@pytest.fixture(scope="module")
def server(database):
    wire.manage_shell(
        database,
        "from django.contrib.auth.models import User; "
        "User.objects.filter(username='racer').exists() or "
        "User.objects.create_superuser('racer', password='racer-pw')",
    )
    port = wire.free_port()
    argv = [str(wire.BIN / "gunicorn"), "project.wsgi", "-b", f"127.0.0.1:{port}",
            "-w", "2", "-k", "gthread", "--threads", "4"]  # fmt: skip
    running = wire.Server(argv, database, port)
    yield running
    running.stop()


def send(server, method, path, body=None):
    content = "" if body is None else json.dumps(body)
    headers = [f"Authorization: Basic {TOKEN}", "Content-Type: application/json",
               f"Content-Length: {len(content.encode())}"]  # fmt: skip
    status, fields, payload = wire.raw(server.port, method, path, *headers, body=content)
    return int(status.split()[1]), fields, payload


def at_once(calls):
    """Run ``calls`` in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_concurrent_changes_of_different_fields_are_all_kept(server):
    path = "/api/status-codes/418/"
    lost = []
    for round_ in range(ROUNDS):
        first = {
            "origin": f"origin {round_}",
            "translations": {"ru": {"title": f"Чайник {round_}"}},
        }
        second = {"reference": {"section": f"§{round_}"},
                  "translations": {"ru": {"description": f"Описание {round_}"}}}  # fmt: skip
        calls = [lambda b=first: send(server, "PATCH", path, b),
                 lambda b=second: send(server, "PATCH", path, b)]  # fmt: skip
        results = at_once(calls)
        assert [status for status, _, _ in results] == [200, 200], results
        _, _, body = wire.raw(server.port, "GET", f"{path}?lang=all")
        item = json.loads(body)
        kept = (
            item["origin"] == f"origin {round_}",
            item["reference"]["section"] == f"§{round_}",
            item["translations"]["ru"]["title"] == f"Чайник {round_}",
            item["translations"]["ru"]["description"] == f"Описание {round_}",
        )
        if not all(kept):
            lost.append((round_, kept))
    assert not lost, f"{len(lost)} of {ROUNDS} rounds lost a change: {lost}"


def test_concurrent_conditional_changes_one_wins_the_other_is_412(server):
    path = "/api/status-codes/417/"
    for round_ in range(ROUNDS // 5):
        etag = wire.raw(server.port, "GET", path)[1]["etag"][0]
        headers = [f"If-Match: {etag}"]

        def change(value, headers=headers):
            content = json.dumps({"origin": value})
            status, _, _ = wire.raw(
                server.port, "PATCH", path, f"Authorization: Basic {TOKEN}",
                "Content-Type: application/json", f"Content-Length: {len(content)}", *headers,
                body=content,
            )  # fmt: skip
            return status.split()[1]

        results = at_once([lambda v=f"a{round_}": change(v), lambda v=f"b{round_}": change(v)])
        assert sorted(results) == ["200", "412"], results


def test_concurrent_creations_of_one_code_one_201_the_rest_409(server):
    for code in range(590, 594):
        body = {"code": code, "phrase": "Racing", "translations": {"en": {"title": "Racing"}}}
        results = at_once([lambda b=body: send(server, "POST", "/api/status-codes/", b)] * 8)
        statuses = sorted(status for status, _, _ in results)
        assert statuses == [201] + [409] * 7, [(s, p[:200]) for s, _, p in results]
        for status, fields, payload in results:
            if status == 409:
                assert fields["content-type"] == ["application/problem+json"]
                assert json.loads(payload)["status"] == 409
