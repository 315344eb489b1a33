"""The browser set-up itself: Chromium starts and renders a page of the live server."""

from __future__ import annotations

import pytest

from tests.browser.conftest import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_error_page_in_a_real_browser(browser, live_server, shots):
    page = new_page(browser, locale="ru-RU")
    response = page.goto(f"{live_server.url}/raise/404/")
    assert response.status == 404
    assert page.title() == "404 Не найдено"
    assert page.locator("html").get_attribute("lang") == "ru"
    shots(page, "error-404-ru")
    page.context.close()
