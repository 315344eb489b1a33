"""The bytes on the wire, through real servers running the demo site.

The test client strips bodies of HEAD, 204 and 304 responses, so it cannot show what a client
receives; these tests read raw responses from gunicorn, uvicorn and runserver with a socket.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw(port, method, path, *headers, body=""):
    """Send one HTTP/1.1 request and return (status line, headers dict, body bytes)."""
    request = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
    request += "".join(f"{h}\r\n" for h in headers) + "\r\n" + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields: dict[str, list[str]] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields.setdefault(name.strip().lower(), []).append(value.strip())
    return lines[0], fields, body


def demo_env(database_url):
    return {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "project.settings", "PYTHONPATH": str(ROOT)}  # fmt: skip


def manage_shell(database_url, code):
    """Run ``code`` in ``manage.py shell`` of the demo, in a process of its own."""
    argv = [sys.executable, "manage.py", "shell", "-c", code]
    subprocess.run(argv, cwd=ROOT, env=demo_env(database_url), check=True)


class Server:
    def __init__(self, argv, database, port):
        env = demo_env(database)
        self.port = port
        # The server's log goes to a file: nothing reads it while the tests run, and a pipe
        # nobody reads blocks the server once it is full. It lives as long as the server:
        # stop() closes it.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        output = self.output()
        self.stop()
        raise RuntimeError(f"server did not start: {output[-2000:]}")

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        """End the server and wait for it, so that no process or file outlives the tests."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated demo database URL: on the suite's PostgreSQL when it runs on one, else SQLite."""
    postgres = os.environ.get("STATUSCODES_TEST_POSTGRES")
    if postgres:
        import psycopg

        name = f"statuscodes_wire_{os.getpid()}"
        with psycopg.connect(dbname="postgres", autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        # No host in the URL: libpq takes PGHOST and PGPORT (the test cluster's socket).
        url = f"postgres://{os.environ.get('PGUSER', 'postgres')}@/{name}"
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('wire') / 'demo.sqlite3'}"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=demo_env(url), check=True
    )
    yield url
    if postgres:
        with psycopg.connect(dbname="postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


def start(kind, database):
    port = free_port()
    if kind == "gunicorn":
        argv = [str(BIN / "gunicorn"), "project.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"]
    elif kind == "uvicorn":
        argv = [str(BIN / "uvicorn"), "project.asgi:application", "--port", str(port)]
    else:
        argv = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    return Server(argv, database, port)


@pytest.fixture(scope="module", params=["gunicorn", "uvicorn", "runserver"])
def server(request, database):
    running = start(request.param, database)
    running.kind = request.param
    yield running
    running.stop()


def test_raised_405_on_the_wire(server):
    status, fields, body = raw(server.port, "GET", "/examples/405/")
    assert status == "HTTP/1.1 405 Method Not Allowed"
    assert fields["allow"] == ["GET, HEAD"]
    assert fields["content-type"] == ["application/problem+json"]
    assert int(fields["content-length"][0]) == len(body) > 0


def test_head_has_no_body_but_the_length_of_the_get(server):
    _, _, get_body = raw(server.port, "GET", "/examples/405/")
    status, fields, body = raw(server.port, "HEAD", "/examples/405/")
    assert status.startswith("HTTP/1.1 405")
    assert body == b""
    assert fields["content-length"] == [str(len(get_body))]


def test_204_has_no_body_and_no_length(server):
    status, fields, body = raw(server.port, "GET", "/examples/no-content/")
    assert status.startswith("HTTP/1.1 204")
    assert body == b""
    assert "content-length" not in fields
    assert "content-type" not in fields


def test_304_has_no_body(server):
    status, fields, body = raw(
        server.port, "GET", "/examples/conditional/", 'If-None-Match: "demo-v1"'
    )
    assert status.startswith("HTTP/1.1 304")
    assert body == b""
    assert fields["etag"] == ['"demo-v1"']


def test_hop_by_hop_headers(server):
    """What each server does with 407's Proxy-Authenticate and 426's Upgrade."""
    status_407, fields_407, _ = raw(server.port, "GET", "/examples/407/")
    status_426, fields_426, _ = raw(server.port, "GET", "/examples/426/")
    # Every server answers the status itself: runserver no longer fails with a 500.
    assert status_407.startswith("HTTP/1.1 407")
    assert status_426.startswith("HTTP/1.1 426")
    if server.kind == "uvicorn":
        assert fields_407["proxy-authenticate"] == ['Basic realm="proxy"']
        assert fields_426["upgrade"] == ["HTTP/2"]
        assert "upgrade" in ", ".join(fields_426["connection"])
    else:  # WSGI: PEP 3333 forbids hop-by-hop headers, so the middleware leaves them out
        assert "proxy-authenticate" not in fields_407
        assert "upgrade" not in fields_426
        assert "upgrade" not in ", ".join(fields_426.get("connection", []))


def test_an_edit_is_seen_by_every_worker_process(database):
    server = start("gunicorn", database)
    try:
        for _ in range(20):  # warm the catalogue of both workers
            assert raw(server.port, "GET", "/examples/404/")[2]
        # An edit in another process, through the models as the admin makes it.
        edit = (
            "from statuscodes.models import StatusCodeTranslation as T; "
            "t = T.objects.get(status_code__code=404, language='en'); "
            "t.title = 'Nothing Here'; t.save()"
        )
        manage_shell(database, edit)
        for _ in range(20):
            body = raw(server.port, "GET", "/examples/404/")[2]
            assert b'"title": "Nothing Here"' in body
    finally:
        server.stop()


def test_an_api_edit_changes_etag_and_content_in_every_worker_process(database):
    """Two gunicorn workers; an edit through the API is seen on the very next request of both."""
    create = (
        "from django.contrib.auth.models import User; "
        "User.objects.filter(username='wire').exists() or "
        "User.objects.create_superuser('wire', password='wire-pw')"
    )
    manage_shell(database, create)
    server = start("gunicorn", database)
    try:
        path = "/api/status-codes/418/?lang=en"
        first = [raw(server.port, "GET", path) for _ in range(20)]  # warm both workers
        etags = {fields["etag"][0] for _, fields, _ in first}
        assert len(etags) == 1  # the same representation has the same tag in every process
        (etag,) = etags
        assert raw(server.port, "GET", path, f"If-None-Match: {etag}")[0].startswith("HTTP/1.1 304")

        token = base64.b64encode(b"wire:wire-pw").decode()
        body = json.dumps({"translations": {"en": {"title": "I'm a teapot"}}})
        status, _, _ = raw(
            server.port, "PATCH", path, f"Authorization: Basic {token}",
            "Content-Type: application/json", f"Content-Length: {len(body)}", body=body,
        )  # fmt: skip
        assert status.startswith("HTTP/1.1 200")

        for _ in range(20):
            status, fields, content = raw(server.port, "GET", path, f"If-None-Match: {etag}")
            assert status.startswith("HTTP/1.1 200")
            assert fields["etag"][0] != etag
            assert json.loads(content)["title"] == "I'm a teapot"
    finally:
        server.stop()


@pytest.mark.skipif(
    not os.environ.get("STATUSCODES_TEST_POSTGRES"),
    reason="cuts the connections of a PostgreSQL server; CI runs the suite on PostgreSQL too",
)
def test_the_first_request_after_the_database_drops_its_connections(database):
    """A restart of PostgreSQL ends every persistent connection: no worker may fail on it."""
    import psycopg

    name = database.rsplit("/", 1)[1]
    server = start("gunicorn", database)
    try:
        for _ in range(20):  # both workers hold a connection
            assert raw(server.port, "GET", "/status-codes/404/")[0].startswith("HTTP/1.1 200")
        with psycopg.connect(dbname="postgres", autocommit=True) as connection:
            ended = connection.execute(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()) AS t",
                [name],
            ).fetchone()
        assert ended[0] >= 1
        for path in ["/status-codes/404/", "/api/status-codes/404/"] * 10:
            status = raw(server.port, "GET", path)[0]
            assert status.startswith("HTTP/1.1 200"), (path, status)
    finally:
        server.stop()
