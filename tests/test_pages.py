"""The reference pages through the test client: list, filters, languages, one code, 404, ETags."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from statuscodes import dataset
from statuscodes.exceptions import HttpError
from statuscodes.models import DataVersion, StatusCode, StatusCodeTranslation, bump_version
from statuscodes.snippets import example_arguments, raise_snippet

pytestmark = pytest.mark.django_db

LIST = "/status-codes/"
SWITCH = "/status-codes/language/"


def get(client, path, language=None, **headers):
    if language is not None:
        headers["accept-language"] = language
    return client.get(path, headers=headers)


def html_of(response):
    assert response["Content-Type"] == "text/html; charset=utf-8"
    return response.content.decode()


def listed(response):
    """The codes the list shows, in order."""
    return [
        int(code)
        for code in re.findall(
            r'<li class="code-row">\s*<a href="/status-codes/(\d+)/"', html_of(response)
        )
    ]


def sections(response):
    """Class heading -> the codes listed under it."""
    parts = re.split(r'<h2 id="class-(\dxx)">', html_of(response))[1:]
    return {
        heading: [int(c) for c in re.findall(r'href="/status-codes/(\d+)/"', body)]
        for heading, body in zip(parts[::2], parts[1::2], strict=True)
    }


def text_of(html):
    """The visible text, tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def all_codes():
    return list(StatusCode.objects.order_by("code").values_list("code", flat=True))


class TestList:
    def test_every_code_grouped_by_class(self, client):
        response = get(client, LIST)
        assert response.status_code == 200
        assert listed(response) == all_codes()
        groups = sections(response)
        assert list(groups) == ["1xx", "2xx", "3xx", "4xx", "5xx"]
        for heading, codes in groups.items():
            assert codes
            assert all(code // 100 == int(heading[0]) for code in codes)
        html = html_of(response)
        assert '<h2 id="class-4xx"><span class="class-code">4xx</span> Client error</h2>' in html
        assert f"{len(all_codes())} codes" in html
        assert "1 code</p>" in html_of(client.get(LIST, {"q": "404"}))

    def test_titles_in_the_page_language(self, client):
        html = html_of(get(client, LIST, language="ru"))
        assert '<html lang="ru">' in html
        assert '<span class="title">Не найдено</span>' in html
        assert '<span class="phrase" lang="en">Not Found</span>' in html
        english = html_of(get(client, LIST, language="en"))
        assert '<html lang="en">' in english
        assert '<span class="title">Not Found</span>' in english
        assert '<span class="phrase" lang="en">Not Found</span>' not in english

    @pytest.mark.parametrize(
        ("code", "status", "label"),
        [
            (444, "unofficial", "unofficial"),
            (306, "unused", "unused"),
            (510, "obsoleted", "obsoleted"),
            (104, "temporary", "temporary"),
        ],
    )
    def test_badges_mark_what_is_not_standard(self, client, code, status, label):
        html = html_of(get(client, LIST))
        row = re.search(
            rf'<li class="code-row">\s*<a href="/status-codes/{code}/">.*?</li>', html, re.S
        )
        assert f'<span class="badge badge-{status}">{label}</span>' in row.group()
        standard = re.search(
            r'<li class="code-row">\s*<a href="/status-codes/404/">.*?</li>', html, re.S
        )
        assert "badge" not in standard.group()

    def test_badge_in_russian(self, client):
        html = html_of(get(client, LIST, language="ru"))
        assert '<span class="badge badge-unofficial">неофициальный</span>' in html

    def test_standard_only_hides_the_others(self, client):
        shown = listed(get(client, f"{LIST}?standard=1"))
        standard = StatusCode.objects.filter(status="standard").order_by("code")
        assert shown == list(standard.values_list("code", flat=True))
        assert 444 not in shown
        assert 306 not in shown
        assert 104 not in shown
        assert 404 in shown

    def test_class_filter(self, client):
        response = get(client, f"{LIST}?class=4xx")
        assert listed(response) == [code for code in all_codes() if 400 <= code < 500]
        assert list(sections(response)) == ["4xx"]
        assert '<option value="4xx" selected>' in html_of(response)

    def test_filters_combine(self, client):
        everything = listed(get(client, f"{LIST}?q=nginx"))
        in_4xx = listed(get(client, f"{LIST}?class=4xx&q=nginx"))
        standard = listed(get(client, f"{LIST}?class=4xx&standard=1&q=nginx"))
        assert 444 in in_4xx
        assert 444 not in standard
        assert set(standard) < set(in_4xx) < set(everything)
        assert all(400 <= code < 500 for code in in_4xx)
        assert not StatusCode.objects.filter(code__in=standard).exclude(status="standard").exists()

    def test_an_empty_result_says_so(self, client):
        response = get(client, f"{LIST}?q=zzzzzz")
        assert response.status_code == 200
        assert listed(response) == []
        html = html_of(response)
        assert "No status code matches these filters." in html
        assert "0 codes" in html
        assert f'<a class="reset" href="{LIST}">' in html


class TestSearch:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [("404", [404]), ("40", list(range(400, 410))), ("5", None), ("600", [])],
    )
    def test_digits_are_a_prefix_of_the_code(self, client, query, expected):
        shown = listed(client.get(LIST, {"q": query}))
        if expected is None:
            expected = [code for code in all_codes() if code >= 500]
        assert shown == expected

    @pytest.mark.parametrize(
        ("query", "code"),
        [
            ("not found", 404),
            ("NOT FOUND", 404),
            ("  Not   Found ", 404),
            ("method not allowed", 405),
            ("payload too large", 413),  # a former phrase
            ("I'm a teapot", 418),
        ],
    )
    def test_phrase_case_insensitive(self, client, query, code):
        shown = listed(client.get(LIST, {"q": query}))
        assert code in shown
        assert len(shown) < 5

    def test_class(self, client):
        shown = listed(client.get(LIST, {"q": "3XX"}))
        assert set(shown) >= {code for code in all_codes() if 300 <= code < 400}

    def test_description(self, client):
        shown = listed(client.get(LIST, {"q": "websocket"}))
        assert 101 in shown
        assert 404 not in shown

    @pytest.mark.parametrize("query", ["не найдено", "НЕ НАЙДЕНО", "Не Найдено"])
    def test_cyrillic_title_case_insensitive(self, client, query):
        response = client.get(LIST, {"q": query}, headers={"accept-language": "ru"})
        assert listed(response) == [404]
        assert f'value="{query}"' in html_of(response)

    def test_yo_and_ye_are_one_letter(self, client):
        response = client.get(LIST, {"q": "запрещен"}, headers={"accept-language": "ru"})
        assert 403 in listed(response)
        response = client.get(LIST, {"q": "идет обработка"}, headers={"accept-language": "ru"})
        assert listed(response) == [102]

    def test_searches_the_texts_the_page_shows(self, client):
        assert (
            listed(client.get(LIST, {"q": "не найдено"}, headers={"accept-language": "en"})) == []
        )

    def test_query_is_escaped(self, client):
        html = html_of(client.get(LIST, {"q": '"><script>alert(1)</script>'}))
        assert "<script>alert(1)</script>" not in html
        assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


class TestBadValues:
    @pytest.mark.parametrize(
        ("query", "message"),
        [
            (
                "class=9xx",
                "“9xx” is not a class of status codes: choose 1xx, 2xx, 3xx, 4xx or 5xx.",
            ),
            ("class=4", "“4” is not a class of status codes"),
            ("class=%3Cb%3E", "“&lt;b&gt;” is not a class of status codes"),
            ("standard=maybe", "“maybe” is not a value of “standard”: use 1 or leave it out."),
            ("q=" + "x" * 101, "The search text is too long: at most 100 characters."),
            ("q=%00", "Null characters are not allowed."),
        ],
    )
    def test_a_clear_message_not_a_500(self, client, query, message):
        response = get(client, f"{LIST}?{query}")
        assert response.status_code == 400
        html = html_of(response)
        assert '<div class="errors" role="alert">' in html
        assert message in html
        assert "ETag" not in response
        # The invalid filter is dropped: the list is still there.
        assert listed(response) == all_codes()

    def test_valid_filters_still_apply(self, client):
        response = get(client, f"{LIST}?class=9xx&q=not+found")
        assert response.status_code == 400
        assert listed(response) == [404]
        assert 'aria-invalid="true" aria-describedby="id_class_error"' in html_of(response)

    def test_message_in_russian(self, client):
        response = get(client, f"{LIST}?q=%00", language="ru")
        assert response.status_code == 400
        assert "Данные содержат запрещённый символ: ноль-байт" in html_of(response)

    def test_post_is_not_allowed(self, client):
        assert client.post(LIST).status_code == 405
        assert client.post(f"{LIST}405/").status_code == 405


class TestLanguageSwitch:
    def test_switch_persists_for_the_visitor(self, client):
        assert '<html lang="en">' in html_of(get(client, LIST))
        response = client.post(SWITCH, {"language": "ru", "next": f"{LIST}?q=404"})
        assert response.status_code == 302
        assert response["Location"] == f"{LIST}?q=404"
        assert response.cookies["django_language"].value == "ru"
        for path in (LIST, f"{LIST}404/"):
            page = get(client, path, language="en")  # the cookie wins over the browser's choice
            assert '<html lang="ru">' in html_of(page)
            assert page["Content-Language"] == "ru"
        assert "Не найдено" in html_of(get(client, f"{LIST}404/"))
        client.post(SWITCH, {"language": "en", "next": LIST})
        assert '<html lang="en">' in html_of(get(client, LIST, language="ru"))

    def test_the_form_posts_back_to_the_page(self, client):
        html = html_of(client.get(LIST, {"q": "found", "class": "4xx"}))
        assert f'<form class="language-switch" action="{SWITCH}" method="post">' in html
        assert (
            '<input type="hidden" name="next" value="/status-codes/?q=found&amp;class=4xx">' in html
        )
        assert (
            '<button type="submit" name="language" value="en" lang="en" aria-current="true">'
            "English</button>" in html
        )
        assert '<button type="submit" name="language" value="ru" lang="ru">Русский</button>' in html

    def test_no_csrf_token_needed(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(SWITCH, {"language": "ru", "next": LIST})
        assert response.status_code == 302
        assert response.cookies["django_language"].value == "ru"

    def test_next_must_be_on_this_site(self, client):
        response = client.post(SWITCH, {"language": "ru", "next": "https://evil.example/"})
        assert response["Location"] == "/"

    def test_accept_language_without_a_cookie(self, client):
        assert '<html lang="ru">' in html_of(get(client, LIST, language="ru-RU,ru;q=0.9"))
        assert '<html lang="en">' in html_of(get(client, LIST, language="de"))


class TestDetail:
    def test_405(self, client):
        response = get(client, f"{LIST}405/")
        assert response.status_code == 200
        html = html_of(response)
        text = text_of(html)
        assert "<title>405 Method Not Allowed · HTTP status codes</title>" in html
        assert (
            '<h1 class="code-heading"><span class="code">405</span> '
            "<span>Method Not Allowed</span></h1>" in html
        )
        assert 'class="phrase"' not in html  # the title says it already
        assert "Class 4xx Client error" in text
        assert "Status standard" in text
        assert (
            '<a class="reference" href="https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6">'
            "RFC 9110 §15.5.6</a>"
        ) in html
        description = StatusCodeTranslation.objects.get(
            status_code__code=405, language="en"
        ).description
        assert text_of(description) in text
        assert (
            "Allow allow= MUST RFC 9110 §15.5.6 "
            "The methods the target resource supports; may be empty." in text
        )
        assert "May carry content." in text
        assert "Heuristically cacheable" in text
        assert "(RFC 9110 §15.1)" in text
        assert "Origin" not in text

    def test_in_russian(self, client):
        html = html_of(get(client, f"{LIST}405/", language="ru"))
        assert '<html lang="ru">' in html
        assert "<span>Метод не поддерживается</span>" in html
        assert '<p class="phrase" lang="en">Method Not Allowed</p>' in html
        assert "Методы, которые поддерживает целевой ресурс; список может быть пустым." in html
        assert '<span class="badge badge-standard">стандартный</span>' in html

    def test_snippet(self, client):
        html = html_of(get(client, f"{LIST}405/"))
        snippet = re.search(r'<code id="snippet" class="language-python">(.*?)</code>', html, re.S)
        assert unescape(snippet.group(1)) == (
            "from statuscodes.exceptions import MethodNotAllowed\n\n"
            'raise MethodNotAllowed(allow=["GET", "HEAD"])'
        )
        assert 'data-copy-label="Copy"' in html

    @pytest.mark.parametrize(
        ("code", "snippet"),
        [
            (404, "raise NotFound()"),
            (401, """raise Unauthorized(www_authenticate='Basic realm="demo"')"""),
            (301, 'raise MovedPermanently(location="/")'),
            (416, "raise RangeNotSatisfiable(length=1024)"),
            (429, "raise TooManyRequests(retry_after=60)"),
            (499, "from statuscodes.exceptions import abort\n\nabort(499)"),
            (510, "raise NotExtended()"),
        ],
    )
    def test_snippets_of_other_codes(self, client, code, snippet):
        html = unescape(html_of(get(client, f"{LIST}{code}/")))
        assert snippet in html

    @pytest.mark.parametrize(
        ("code", "note"),
        [
            (100, "a view cannot raise them"),
            (204, "return an HttpResponse with this status instead"),
            (418, "The code is reserved and unused: never send it."),
            (306, "The code is reserved and unused: never send it."),
        ],
    )
    def test_codes_without_a_snippet(self, client, code, note):
        html = html_of(get(client, f"{LIST}{code}/"))
        assert note in html
        assert 'id="snippet"' not in html

    def test_protocol_facts(self, client):
        no_content = text_of(html_of(get(client, f"{LIST}204/")))
        assert "Must not carry content (RFC 9110 §15.3.5)." in no_content
        assert "Date MUST sent by the server RFC 9110 §6.6.1" in no_content
        no_store = text_of(html_of(get(client, f"{LIST}429/")))
        assert "Caches must not store it (RFC 6585 §4)." in no_store
        assert "Retry-After retry_after= MAY RFC 6585 §4" in no_store
        redirect = text_of(html_of(get(client, f"{LIST}301/")))
        assert "Location location= SHOULD required by this app RFC 9110 §15.4.2" in redirect
        assert "Not heuristically cacheable" in no_store
        interim = text_of(html_of(get(client, f"{LIST}101/")))
        assert "Upgrade MUST RFC 9110 §15.2.2" in interim
        assert "Connection MUST RFC 9110 §7.8" in interim
        assert "caches never store it" in interim

    def test_unofficial_code(self, client):
        text = text_of(html_of(get(client, f"{LIST}499/")))
        assert "Origin nginx" in text
        assert "Status unofficial Not in the IANA registry" in text

    def test_former_phrases(self, client):
        text = text_of(html_of(get(client, f"{LIST}413/")))
        assert "Former reason phrases Payload Too Large, Request Entity Too Large" in text

    @pytest.mark.parametrize(
        ("code", "previous", "next_"),
        [(405, 404, 406), (226, 208, 300), (100, None, 101), (526, 525, None)],
    )
    def test_previous_and_next(self, client, code, previous, next_):
        html = html_of(get(client, f"{LIST}{code}/"))
        found_previous = re.search(
            r'<a class="pager-previous" rel="prev" href="/status-codes/(\d+)/">', html
        )
        found_next = re.search(
            r'<a class="pager-next" rel="next" href="/status-codes/(\d+)/">', html
        )
        assert (int(found_previous.group(1)) if found_previous else None) == previous
        assert (int(found_next.group(1)) if found_next else None) == next_

    def test_neighbours_are_titled_in_the_page_language(self, client):
        html = html_of(get(client, f"{LIST}405/", language="ru"))
        assert '<span class="code">404</span> Не найдено</a>' in html
        assert '<span class="code">406</span> Неприемлемо</a>' in html

    def test_a_fallback_title_is_marked_with_its_language(self, client):
        code = StatusCode.objects.create(
            code=560, phrase="Custom", status="unofficial", origin="us"
        )
        code.translations.create(language="en", title="Custom failure", description="Only English.")
        html = html_of(get(client, f"{LIST}560/", language="ru"))
        assert '<span lang="en">Custom failure</span>' in html
        assert '<div class="description" lang="en"><p>Only English.</p></div>' in html
        assert "abort(560)" in html
        listing = html_of(get(client, LIST, language="ru"))
        assert '<span class="title" lang="en">Custom failure</span>' in listing

    def test_a_status_written_past_the_choices(self, client):
        StatusCode.objects.filter(code=499).update(status="experimental")
        bump_version(DataVersion)
        html = html_of(get(client, f"{LIST}499/"))
        assert '<span class="badge badge-experimental">experimental</span>' in html

    def test_a_code_without_texts(self, client):
        StatusCode.objects.create(code=561, phrase="Bare")
        response = get(client, f"{LIST}561/")
        assert response.status_code == 200
        assert "No description yet." in html_of(response)


class TestSnippets:
    @pytest.mark.parametrize("code", sorted(dataset.shipped_codes()))
    def test_every_snippet_raises_its_status(self, code):
        unused = dataset.shipped_codes()[code]["status"] == "unused"
        snippet = raise_snippet(code, unused=unused)
        if snippet.kind not in ("class", "abort"):
            assert snippet.code == "" or snippet.kind == "conditional"
            assert code < 300 or unused or code in (304, 305)
            return
        with pytest.raises(HttpError) as excinfo:
            exec(snippet.code, {})
        assert excinfo.value.status_code == code
        for name in example_arguments(code):
            assert f"{name}=" in snippet.code

    def test_conditional_snippet_compiles(self):
        snippet = raise_snippet(304)
        namespace: dict = {}
        exec(snippet.code, namespace)
        assert callable(namespace["view"])


class TestNotFound:
    @pytest.mark.parametrize("code", [999, 299, 0, 99999])
    def test_unknown_code(self, client, code):
        response = get(client, f"{LIST}{code}/")
        assert response.status_code == 404
        html = html_of(response)
        assert '<h1 class="code-heading"><span class="code">404</span> Not Found</h1>' in html
        assert f"There is no status code {code} in this reference." in html
        assert '<meta name="robots" content="noindex">' in html
        assert "ETag" not in response

    def test_in_russian(self, client):
        response = get(client, f"{LIST}999/", language="ru")
        assert response.status_code == 404
        assert response["Content-Language"] == "ru"
        html = html_of(response)
        assert '<html lang="ru">' in html
        assert "<title>404 Не найдено · Коды состояния HTTP</title>" in html
        assert '<span class="code">404</span> Не найдено</h1>' in html

    def test_conditional_headers_do_not_turn_it_into_a_304(self, client):
        etag = get(client, f"{LIST}404/")["ETag"]
        assert get(client, f"{LIST}999/", if_none_match=etag).status_code == 404

    def test_without_the_404_row(self, client):
        StatusCode.objects.filter(code=404).delete()
        response = get(client, f"{LIST}404/", language="ru")
        assert response.status_code == 404
        assert "Не найдено" in html_of(response)


class TestConditionalGet:
    @pytest.mark.parametrize("path", [LIST, f"{LIST}405/", f"{LIST}?class=4xx&q=not"])
    def test_etag_and_304(self, client, path):
        response = get(client, path)
        etag = response["ETag"]
        assert re.fullmatch(r'"[0-9a-f]{24}"', etag)  # strong: no W/
        assert response["Cache-Control"] == "max-age=60"
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Accept-Language", "Cookie"} <= vary
        again = get(client, path, if_none_match=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Cache-Control"] == "max-age=60"
        assert {"Accept-Language", "Cookie"} <= {v.strip() for v in again["Vary"].split(",")}
        assert get(client, path, if_none_match='"other"').status_code == 200
        assert get(client, path, if_none_match="*").status_code == 304

    def test_same_etag_same_bytes(self, client):
        first, second = get(client, f"{LIST}405/"), get(client, f"{LIST}405/")
        assert first["ETag"] == second["ETag"]
        assert first.content == second.content

    def test_etag_depends_on_the_language(self, client):
        english = get(client, f"{LIST}405/", language="en")["ETag"]
        russian = get(client, f"{LIST}405/", language="ru")
        assert russian["ETag"] != english
        assert get(client, f"{LIST}405/", language="ru", if_none_match=english).status_code == 200

    def test_etag_moves_with_the_data(self, client):
        etag = get(client, f"{LIST}405/")["ETag"]
        translation = StatusCodeTranslation.objects.get(status_code__code=405, language="en")
        translation.title = "Method Refused"
        translation.save()
        response = get(client, f"{LIST}405/", if_none_match=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag
        assert "Method Refused" in html_of(response)

    def test_etag_moves_with_the_templates(self, client, settings, tmp_path):
        etag = get(client, LIST)["ETag"]
        folder = tmp_path / "statuscodes" / "pages"
        folder.mkdir(parents=True)
        (folder / "base.html").write_text(
            '<html lang="{{ page_language }}"><body class="host">{% block content %}{% endblock %}'
        )
        settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
        response = get(client, LIST, if_none_match=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag
        assert html_of(response).startswith('<html lang="en"><body class="host">')

    def test_if_match_that_fails(self, client):
        assert get(client, f"{LIST}405/", if_match='"other"').status_code == 412

    def test_head(self, client):
        response = client.head(f"{LIST}405/")
        assert response.status_code == 200
        assert response["ETag"]
        assert response.content == b""


class TestQueries:
    @pytest.mark.parametrize(
        "path",
        [
            LIST,
            f"{LIST}?q=found&class=4xx&standard=1",
            f"{LIST}405/",
            f"{LIST}999/",
            f"{LIST}?class=9xx",
        ],
    )
    def test_one_query_when_warm(self, client, django_assert_num_queries, path):
        with django_assert_num_queries(3):  # the version, then the codes and their texts
            get(client, path)
        with django_assert_num_queries(1):  # the version only
            get(client, path)

    def test_a_304_costs_one_query(self, client, django_assert_num_queries):
        etag = get(client, f"{LIST}405/")["ETag"]
        with django_assert_num_queries(1):
            assert get(client, f"{LIST}405/", if_none_match=etag).status_code == 304

    def test_constant_whatever_the_number_of_codes(self, client, django_assert_num_queries):
        codes = StatusCode.objects.bulk_create(
            StatusCode(code=560 + i, phrase=f"Custom {i}") for i in range(30)
        )
        StatusCodeTranslation.objects.bulk_create(
            StatusCodeTranslation(status_code=code, language="en", title=f"Custom {code.code}")
            for code in codes
        )
        bump_version(DataVersion)
        with django_assert_num_queries(3):
            response = get(client, LIST)
        assert 589 in listed(response)
        with django_assert_num_queries(1):
            get(client, LIST)


class TestMarkup:
    def test_accessible_structure(self, client):
        html = html_of(get(client, f"{LIST}405/"))
        body = html[html.index("<body>") :]
        assert body.startswith('<body>\n<a class="skip-link" href="#content">Skip to content</a>')
        assert '<main id="content" class="wrap" tabindex="-1">' in html
        assert html.count("<h1") == 1
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
        assert '<nav class="pager" aria-label="Neighbouring codes">' in html

    @pytest.mark.parametrize("path", [LIST, f"{LIST}405/", f"{LIST}999/"])
    def test_no_external_assets(self, client, path):
        html = html_of(get(client, path))
        assert '<link rel="stylesheet" href="/static/statuscodes/statuscodes.css">' in html
        assert '<script src="/static/statuscodes/statuscodes.js" defer></script>' in html
        assert not re.search(r"<(link|script|img|iframe)\b[^>]*\b(href|src)=\"(https?:)?//", html)
        assert "style=" not in html

    def test_static_files_ship_with_the_app(self):
        for name in ("statuscodes/statuscodes.css", "statuscodes/statuscodes.js"):
            found = finders.find(name)
            assert found
            assert "statuscodes/static/" in str(found)

    def test_a_host_can_override_a_page(self, client, settings, tmp_path):
        folder = tmp_path / "statuscodes" / "pages"
        folder.mkdir(parents=True)
        (folder / "detail.html").write_text(
            '{% extends "statuscodes/pages/base.html" %}'
            "{% block content %}Ours: {{ status.code }}{% endblock %}"
        )
        settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
        html = html_of(get(client, f"{LIST}405/"))
        assert "Ours: 405" in html
        assert '<a class="skip-link" href="#content">' in html


class TestInterfaceTranslation:
    """The page's own strings in Russian: needs the compiled catalogue with the pages' msgids."""

    def test_list(self, client):
        text = text_of(html_of(get(client, LIST, language="ru")))
        assert "Перейти к содержимому" in text
        assert "Только стандартные коды" in text
        assert "4xx Ошибки клиента" in text
        counts = {"404": "1 код", "44": "2 кода", "41": "9 кодов", "40": "10 кодов"}
        for query, count in counts.items():
            response = client.get(LIST, {"q": query}, headers={"accept-language": "ru"})
            assert count in text_of(html_of(response))

    def test_detail(self, client):
        text = text_of(html_of(get(client, f"{LIST}405/", language="ru")))
        assert "Класс 4xx Ошибки клиента" in text
        assert "Allow allow= MUST RFC 9110 §15.5.6" in text
        assert "Date MUST отправляет сервер RFC 9110 §6.6.1" in text
        assert "Содержимое допускается." in text
        assert "Как вызвать с этим приложением" in text
        assert "Предыдущий 404 Не найдено" in text

    def test_not_found(self, client):
        text = text_of(html_of(get(client, f"{LIST}999/", language="ru")))
        assert "В справочнике нет кода состояния 999." in text
