"""The reference pages in a real browser, with and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RFC_404 = "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"


def rows(page):
    return page.locator("li.code-row a .code").all_inner_texts()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_walk(browser, live_server, shots, javascript):
    page = new_page(browser, locale="en-US", javascript=javascript)
    # Never leave the live server: the RFC link is checked, not followed.
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    suffix = "js" if javascript else "no-js"

    # The list, in English.
    response = page.goto(f"{live_server.url}/status-codes/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h2#class-4xx").inner_text().startswith("4xx")
    assert "404" in rows(page)
    assert page.locator("li.code-row", has_text="444").locator(".badge-unofficial").is_visible()
    shots(page, f"list-en-{suffix}")

    # Switch to Russian: the form posts to set_language and comes back to the list.
    page.get_by_role("button", name="Русский").click()
    page.wait_for_url(f"{live_server.url}/status-codes/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert (
        page.locator("li.code-row", has_text="404").locator(".title").inner_text() == "Не найдено"
    )
    assert page.get_by_role("button", name="Русский").get_attribute("aria-current") == "true"
    shots(page, f"list-ru-{suffix}")

    # Search «не найдено»: the search box submits ?q= without any script.
    search = page.locator("#id_q")
    search.fill("не найдено")
    search.press("Enter")
    page.wait_for_url("**/status-codes/?q=*")
    assert rows(page) == ["404"]
    assert search.input_value() == "не найдено"

    # Open 404.
    page.locator("li.code-row a", has_text="404").click()
    page.wait_for_url(f"{live_server.url}/status-codes/404/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.title().startswith("404 Не найдено")
    assert page.locator("h1").inner_text().split() == ["404", "Не", "найдено"]
    reference = page.locator("a.reference")
    assert reference.get_attribute("href") == RFC_404
    assert reference.inner_text() == "RFC 9110 §15.5.5"
    snippet = page.locator("#snippet")
    assert snippet.inner_text() == "from statuscodes.exceptions import NotFound\n\nraise NotFound()"
    previous, following = page.locator("a[rel=prev]"), page.locator("a[rel=next]")
    assert previous.get_attribute("href") == "/status-codes/403/"
    assert following.get_attribute("href") == "/status-codes/405/"
    assert "Доступ запрещён" in previous.inner_text()
    copy = page.locator(".snippet button.copy")
    assert copy.count() == (1 if javascript else 0)
    shots(page, f"detail-404-ru-{suffix}")

    # Next: 405 and the snippet with its required keyword.
    following.click()
    page.wait_for_url(f"{live_server.url}/status-codes/405/")
    assert snippet.inner_text() == (
        "from statuscodes.exceptions import MethodNotAllowed\n\n"
        'raise MethodNotAllowed(allow=["GET", "HEAD"])'
    )
    assert page.locator("a[rel=prev]").get_attribute("href") == "/status-codes/404/"

    # Back to English, on the code page itself.
    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{live_server.url}/status-codes/405/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().split() == ["405", "Method", "Not", "Allowed"]
    shots(page, f"detail-405-en-{suffix}")

    # An unknown code: a 404 page in the visitor's language.
    response = page.goto(f"{live_server.url}/status-codes/999/")
    assert response.status == 404
    assert page.title().startswith("404 Not Found")
    page.context.close()


def test_unknown_code_in_russian(browser, live_server, shots):
    page = new_page(browser, locale="ru-RU")
    response = page.goto(f"{live_server.url}/status-codes/999/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.title().startswith("404 Не найдено")
    shots(page, "not-found-ru")
    page.context.close()


def test_class_filter_and_bad_values(browser, live_server):
    page = new_page(browser, javascript=False)
    page.goto(f"{live_server.url}/status-codes/")
    page.locator("#id_class").select_option("5xx")
    page.locator("#id_standard").check()
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**/status-codes/?*class=5xx*")
    codes = [int(code) for code in rows(page)]
    assert codes
    assert all(500 <= code < 600 for code in codes)
    assert 520 not in codes  # unofficial, hidden
    response = page.goto(f"{live_server.url}/status-codes/?class=9xx")
    assert response.status == 400
    assert "“9xx” is not a class of status codes" in page.get_by_role("alert").inner_text()
    page.context.close()


def test_copy_button(browser, live_server):
    page = new_page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/status-codes/405/")
    page.locator(".snippet button.copy").click()
    # The clipboard write is asynchronous: wait for the label to change.
    expect(page.locator(".snippet button.copy")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#snippet").inner_text()
    page.context.close()


def test_keyboard(browser, live_server):
    page = new_page(browser)
    page.goto(f"{live_server.url}/status-codes/405/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box
    assert box["y"] >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    # Tab onwards reaches the first link of the page's content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "All status codes"
    page.context.close()


@pytest.mark.parametrize("path", ["/status-codes/", "/status-codes/416/"])
def test_readable_on_a_phone(browser, live_server, shots, path):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16
    shots(page, "phone-" + path.strip("/").replace("/", "-"))
    context.close()
