"""Each fact lives once: the protocol table names what a status requires, nothing else does."""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.db import connections

from statuscodes import catalog
from statuscodes import exceptions as exc
from statuscodes.dataset import shipped_codes
from statuscodes.protocol import NOT_RAISABLE, rules_for

PACKAGE = Path(exc.__file__).parent
ROOT = PACKAGE.parent

#: Header names outside the table that are about the message, not about a status.
NOT_ABOUT_A_STATUS = {
    # RFC 9112's framing and PEP 3333's hop-by-hop list: headers= may never set them.
    ("headers.py", "Proxy-Authenticate"),
    ("headers.py", "Upgrade"),
    ("headers.py", "Connection"),
}


def _status_headers() -> set[str]:
    names = set()
    for code in range(100, 600):
        for rule in rules_for(code).all_headers:
            if rule.keyword is not None or rule.level != "MUST" or not rule.as_200_would:
                names.add(rule.name)
    # Validators and Date belong to the caching helper as much as to the table.
    return names - {"Date", "ETag", "Vary", "Cache-Control", "Expires", "Content-Location"}


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _violations(path: Path, relative: str) -> list[str]:
    names = _status_headers()
    lowered = {name.lower(): name for name in names if "-" in name}
    found = []
    for line, value in sorted(_string_constants(path)):
        name = value if value in names else lowered.get(value)
        if name is not None and (relative, name) not in NOT_ABOUT_A_STATUS:
            found.append(f"{relative}:{line}: {value!r}")
    return found


def test_only_the_protocol_table_names_the_headers_of_a_status():
    assert {"Allow", "WWW-Authenticate", "Location", "Retry-After", "Content-Range"} <= (
        _status_headers()
    )
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative != "protocol.py" and not relative.startswith("migrations/"):
            found += _violations(path, relative)
    assert found == []


def test_the_grep_finds_a_header_written_outside_the_table(tmp_path):
    # The check above can fail: a module naming a status's header is caught, in any case.
    module = tmp_path / "views.py"
    module.write_text(
        '"""Sets Retry-After."""\nresponse["Retry-After"] = "5"\nx = "www-authenticate"\n'
    )
    assert _violations(module, "views.py") == [
        "views.py:2: 'Retry-After'",
        "views.py:3: 'www-authenticate'",
    ]


def _keyword_parameters(cls):
    parameters = inspect.signature(cls.__init__).parameters.values()
    keywords = {
        p.name: p
        for p in parameters
        if p.kind is p.KEYWORD_ONLY and p.name not in {"headers", "extensions"}
    }
    return keywords


@pytest.mark.parametrize(
    "cls",
    sorted(
        {exc.exception_class(code) for code in range(300, 600)} - {None},
        key=lambda c: c.status_code,
    ),
    ids=lambda cls: cls.__name__,
)
def test_each_signature_is_the_table(cls):
    """The typed keywords of every class are those the table gives its status, no more."""
    rules = rules_for(cls.status_code)
    keywords = _keyword_parameters(cls)
    assert set(keywords) == set(rules.keywords)
    required = {name for name, p in keywords.items() if p.default is inspect.Parameter.empty}
    assert required == {
        k for k, rule in rules.keywords.items() if rule.app_requires and k == rule.keyword
    }


def test_every_raisable_shipped_code_has_a_class_or_abort():
    for code in shipped_codes():
        if 300 <= code < 600 and code not in NOT_RAISABLE:
            cls = exc.exception_class(code)
            assert cls is None or cls.status_code == code


MISUSES = textwrap.dedent(
    """
    from statuscodes.exceptions import MethodNotAllowed, NotFound, SeeOther, TooManyRequests

    NotFound(allow=["GET"])
    MethodNotAllowed()
    SeeOther()
    TooManyRequests(retry_after="soon")
    NotFound(status=410)
    MethodNotAllowed(allow=["GET"])
    TooManyRequests(retry_after=5)
    """
)


def test_mypy_rejects_misuse(tmp_path):
    snippet = tmp_path / "misuse.py"
    snippet.write_text(MISUSES)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            "/dev/null",
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(snippet),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    errors = sorted(
        int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line
    )
    lines = MISUSES.splitlines()
    expected = [i + 1 for i, line in enumerate(lines) if line and "import" not in line][:5]
    assert errors == expected, result.stdout


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_data_version_query_is_cached_once_per_vendor():
    """Many threads, each with its own connection, leave one entry: none keeps a connection."""
    catalog._version_queries.clear()

    def read():
        try:
            catalog.data_version()
        finally:
            # Django keeps an in-memory SQLite database open on close(); this thread's
            # connection would be collected open (a ResourceWarning on Python 3.13).
            raw = connections["default"].connection
            connections.close_all()
            if raw is not None and connections["default"].vendor == "sqlite":
                raw.close()

    threads = [threading.Thread(target=read) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    catalog.data_version()
    assert list(catalog._version_queries) == [connections["default"].vendor]


@pytest.mark.django_db
def test_texts_of_arbitrary_languages_do_not_grow_an_entry():
    entry = catalog.get_catalog().get(404)
    for index in range(200):
        assert entry.text(f"x{index:03d}").title
    assert len(entry._resolved) <= catalog._RESOLVED_PER_ENTRY


def test_the_page_digest_is_kept_for_configured_languages_only(settings):
    from statuscodes import pages

    pages._representation("ru")
    pages._representation("xx-unknown")
    assert set(pages._representations) == {"ru"}


def test_every_process_wide_cache_is_registered():
    """``caches.clear_all()`` empties each of them: the one fixture tests rely on."""
    import statuscodes.api.reads
    import statuscodes.middleware
    import statuscodes.pages  # noqa: F401
    from statuscodes import caches

    assert set(caches.registered()) == {
        "api.reads.bodies",
        "catalog.catalogue",
        "catalog.version_queries",
        "conf.problem_hooks",
        "dataset.shipped_codes",
        "dataset.shipped_languages",
        "dataset.shipped_texts",
        "languages.fallback_chains",
        "middleware.registry_phrases",
        "pages.representations",
        "rendering.page_paths",
        "rendering.problem_paths",
    }


def test_no_other_module_level_cache():
    """A new lru_cache, cache or module-level dict filled at run time must be registered."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(PACKAGE).as_posix()
        for line in text.splitlines():
            if re.match(r"@(functools\.)?(cache|lru_cache)\b", line):
                found.append(relative)
    assert sorted(set(found)) == [
        "conf.py",
        "dataset.py",
        "languages.py",
        "middleware.py",
        "rendering.py",
    ]
