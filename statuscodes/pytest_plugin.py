"""A pytest plugin: strict mode fails a test whose test-client responses break the protocol.

Installed with the package (entry point ``pytest11``: ``statuscodes``). ``--statuscodes-strict``
or the ini option ``statuscodes_strict = true`` turn it on for every test, the fixture
``statuscodes_strict`` for one; ``@pytest.mark.statuscodes_lax(reason)`` exempts a test that
produces a broken response on purpose. Each response of ``django.test.Client``,
``AsyncClient`` and the clients built on them (DRF's ``APIClient``) is checked with
:func:`statuscodes.testing.check_response` as the application produced it, before the test
client removes the content of HEAD, 1xx, 204 and 304 responses as a server would.

Nothing here imports Django or the app until a test runs in strict mode with Django
configured: the plugin is loaded in every pytest run of a project that has the package
installed, Django or not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any

import pytest

__all__ = [
    "pytest_addoption",
    "pytest_configure",
    "pytest_runtest_call",
    "statuscodes_strict",
]

_OPTION = "statuscodes_strict"
_LAX = "statuscodes_lax"
_PROBLEMS = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("statuscodes", "django-statuscodes")
    group.addoption(
        "--statuscodes-strict",
        action="store_true",
        dest=_OPTION,
        default=False,
        help="fail a test when a response of the Django test client breaks the HTTP rules "
        "of its status (missing required headers, content where none is allowed...)",
    )
    parser.addini(
        _OPTION,
        type="bool",
        default=False,
        help="the --statuscodes-strict option, for every run",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{_LAX}(reason): the test produces a broken response on purpose; "
        "statuscodes strict mode does not check it",
    )


@pytest.fixture
def statuscodes_strict() -> None:
    """Strict mode for this one test: its test-client responses must follow the protocol."""


@pytest.fixture(autouse=True)
def _statuscodes_recorder(request: pytest.FixtureRequest) -> Generator[None]:
    """In strict mode, note the protocol problems of every test-client response."""
    handlers = _handlers() if _is_strict(request.node, request.fixturenames) else None
    if handlers is None:
        yield
        return
    problems = request.node.stash.setdefault(_PROBLEMS, [])
    sync_handler, async_handler = handlers
    # get_response() and get_response_async(), public methods of Django's BaseHandler, return
    # the response as the middleware left it. The handlers' __call__ would be too late: it
    # removes the content of HEAD, 1xx, 204 and 304 responses, hiding the framing checked here.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sync_handler, "get_response", _sync(sync_handler.get_response, problems))
        patch.setattr(
            async_handler,
            "get_response_async",
            _async(async_handler.get_response_async, problems),
        )
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Fail a test that passed but left responses with protocol problems."""
    result = yield  # a test that failed on its own keeps its own failure
    problems = item.stash.get(_PROBLEMS, [])
    if problems:
        # The same request made twice gives the same lines: each is shown once.
        listed = "\n".join(f"  {problem}" for problem in dict.fromkeys(problems))
        pytest.fail(
            f"statuscodes strict mode: the test client got responses with protocol problems:\n"
            f"{listed}\n"
            f"Mark the test @pytest.mark.{_LAX}(reason=...) if it breaks them on purpose.",
            pytrace=False,
        )
    return result


def _is_strict(item: pytest.Item, fixturenames: list[str]) -> bool:
    if item.get_closest_marker(_LAX) is not None:
        return False
    config = item.config
    return bool(_OPTION in fixturenames or config.getoption(_OPTION) or config.getini(_OPTION))


def _handlers() -> tuple[type[Any], type[Any]] | None:
    """Django's test-client handlers, or ``None`` where Django is not configured."""
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - the package depends on Django
        return None
    if not settings.configured:
        return None
    from django.test.client import AsyncClientHandler, ClientHandler

    return ClientHandler, AsyncClientHandler


def _noted(request: Any, response: Any, problems: list[str]) -> None:
    from statuscodes.testing import check_response

    where = f"{request.method} {request.get_full_path()}"
    problems.extend(f"{where}: {problem}" for problem in check_response(response, request=request))


def _sync(original: Callable[..., Any], problems: list[str]) -> Callable[..., Any]:
    def get_response(handler: Any, request: Any) -> Any:
        response = original(handler, request)
        _noted(request, response, problems)
        return response

    return get_response


def _async(original: Callable[..., Awaitable[Any]], problems: list[str]) -> Callable[..., Any]:
    async def get_response_async(handler: Any, request: Any) -> Any:
        response = await original(handler, request)
        _noted(request, response, problems)
        return response

    return get_response_async
