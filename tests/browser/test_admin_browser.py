"""The admin walk of issue 5 in a real browser, in English and in Russian.

Log in, filter 4xx, search for a Russian title, open 404, edit the Russian description, save,
then find the new text in the change list and in the API. The Russian walk also checks that the
pages hold no English words besides the data (its own strings come from the app's ``.po``).
"""

from __future__ import annotations

import re

import pytest

from statuscodes.models import StatusCode, StatusCodeTranslation
from tests.browser.conftest import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password"

ENGLISH = {
    "locale": "en-US",
    "log_in": "Log in",
    "search": "Search",
    "save": "Save",
    "title_404": "Not Found",
    "changed": "was changed successfully",
    "ui": ["Filter", "By missing translation", "Languages", "Same as the shipped text."],
}
RUSSIAN = {
    "locale": "ru-RU",
    "log_in": "Войти",
    "search": "Найти",
    "save": "Сохранить",
    "title_404": "Не найдено",
    "changed": "был успешно изменен",
    "ui": ["Фильтр", "нет перевода на язык", "Языки", "Совпадает с поставляемым текстом."],
}

LATIN_WORD = re.compile(r"[A-Za-z_]{3,}")
# Names that stay as they are in any language: the product, setting names, the --force option.
NAMES = {"django", "settings", "languages", "language_code", "force"}


def data_words():
    """Latin words of the data the pages show: metadata and the Russian texts ("Ошибка SSL")."""
    texts = []
    for row in StatusCode.objects.values_list("phrase", "origin", "reference_url"):
        texts += row
    for title, description in StatusCodeTranslation.objects.filter(language="ru").values_list(
        "title", "description"
    ):
        texts += [title, description]
    return {word.lower() for text in texts for word in LATIN_WORD.findall(text)}


def english_words(page, allowed):
    """Latin words in the visible text that are neither data nor names: untranslated strings."""
    words = set(LATIN_WORD.findall(page.locator("body").inner_text()))
    return sorted(word for word in words if word.lower() not in allowed)


def rows(page):
    return page.locator("#result_list tbody th.field-code a").all_inner_texts()


@pytest.fixture
def open_page(browser, live_server):
    """``open_page(locale)``; closed before the live server stops, even when the test fails."""
    pages = []

    def open_(locale):
        pages.append(new_page(browser, locale=locale))
        return pages[-1]

    yield open_
    for page in pages:
        page.context.close()


@pytest.mark.parametrize("lang", [ENGLISH, RUSSIAN], ids=["en", "ru"])
def test_admin_walk(open_page, live_server, shots, django_user_model, lang):
    django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    russian = lang is RUSSIAN
    allowed = NAMES | data_words() | {"admin"}  # the user's name, shown in the header
    page = open_page(lang["locale"])

    # Log in.
    page.goto(f"{live_server.url}/admin/")
    assert "/admin/login/" in page.url
    assert page.locator('input[type="submit"]').get_attribute("value") == lang["log_in"]
    shots(page, "01-login")
    if russian:
        assert not (words := english_words(page, allowed)), words
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click('input[type="submit"]')
    shots(page, "02-index")

    # The change list, filtered to 4xx.
    with page.expect_navigation():
        page.click('#content-main a[href="/admin/statuscodes/statuscode/"]')
    shots(page, "03-changelist")
    for text in lang["ui"][:3]:
        assert page.get_by_text(text, exact=True).count() >= 1, text
    if russian:
        assert not (words := english_words(page, allowed)), words
    with page.expect_navigation():
        page.click('#changelist-filter a[href="?class=4xx"]')
    codes = rows(page)
    assert "404" in codes
    assert all(code.startswith("4") for code in codes)
    shots(page, "04-filtered-4xx")

    # Search for a Russian title.
    page.fill("#searchbar", "Не найдено")
    assert (
        page.locator('#changelist-search input[type="submit"]').get_attribute("value")
        == (lang["search"])
    )
    with page.expect_navigation():
        page.press("#searchbar", "Enter")
    assert rows(page) == ["404"]
    assert page.locator("#result_list td.field-title").inner_text() == lang["title_404"]
    shots(page, "05-searched")

    # Open 404 and edit its Russian description.
    with page.expect_navigation():
        page.click("#result_list th.field-code a")
    assert "/change/" in page.url
    shots(page, "06-change-form")
    assert page.get_by_text(lang["ui"][3], exact=True).count() == 2  # one per language
    if russian:
        assert not (words := english_words(page, allowed)), words
    languages = page.locator('select[name^="translations-"][name$="-language"]')
    names = [s.get_attribute("name") for s in languages.all() if s.input_value() == "ru"]
    assert len(names) == 1
    description = names[0].removesuffix("-language") + "-description"
    new_text = f"Такой страницы нет — проверено в браузере ({lang['locale']})."
    page.fill(f'textarea[name="{description}"]', new_text)
    shots(page, "07-edited")
    save = page.locator('input[name="_save"]')
    assert save.get_attribute("value") == lang["save"]
    with page.expect_navigation():
        save.click()

    # Back on the change list, filters kept; the new text is found there.
    assert "/change/" not in page.url
    assert lang["changed"] in page.locator(".messagelist .success").inner_text()
    assert rows(page) == ["404"]
    shots(page, "08-saved")
    if russian:
        assert not (words := english_words(page, allowed)), words
    page.fill("#searchbar", "проверено в браузере")
    with page.expect_navigation():
        page.press("#searchbar", "Enter")
    assert rows(page) == ["404"]
    shots(page, "09-new-text-found")

    # And in the API.
    response = page.request.get(f"{live_server.url}/api/status-codes/404/?lang=ru")
    assert response.ok, response.status
    body = response.json()
    assert body["description"] == new_text
    assert body["title"] == "Не найдено"
    page.goto(f"{live_server.url}/api/status-codes/404/?lang=ru")
    assert new_text in page.locator("body").inner_text()
    shots(page, "10-api")
