"""Swagger UI of the API renders in a real browser with nothing fetched from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_swagger_ui_offline(browser, live_server, shots):
    page = new_page(browser)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{live_server.url}/api/docs/")
    page.get_by_text("/api/status-codes/{code}/").first.wait_for()
    shots(page, "swagger-ui")
    assert hosts == {urlsplit(live_server.url).netloc}
    page.context.close()
