"""The host's own problem types: declared in code, stored, edited, served, dereferenceable."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statuscodes import exceptions as exc
from statuscodes.models import ProblemType, ProblemTypeTranslation
from statuscodes.problem_types import register_problem_types
from tests.shop.problems import OutOfStock, QuotaExceeded

pytestmark = pytest.mark.django_db

TYPES = {"out-of-stock": 409, "quota-exceeded": 429}


def get(client, url, language="en", accept="application/json", **headers):
    return client.get(url, headers={"accept": accept, "accept-language": language, **headers})


class TestDeclaration:
    def test_both_types_are_known(self):
        types = exc.problem_types()
        assert types["out-of-stock"] is OutOfStock
        assert types["quota-exceeded"] is QuotaExceeded

    @pytest.mark.parametrize("slug", ["Out", "a_b", "-a", "a--b", "", "a" * 101, 5])
    def test_a_bad_slug_is_refused_where_it_is_written(self, slug):
        with pytest.raises(TypeError, match="type_slug"):
            type("Bad", (exc.Conflict,), {"type_slug": slug})

    def test_a_slug_is_one_class(self):
        with pytest.raises(TypeError, match=r"taken by tests\.shop\.problems\.OutOfStock"):
            type("Other", (exc.Conflict,), {"type_slug": "out-of-stock"})

    def test_a_subclass_keeps_its_parents_type(self):
        child = type("Cheaper", (OutOfStock,), {})
        assert child.type_slug == "out-of-stock"
        assert exc.problem_types()["out-of-stock"] is OutOfStock


class TestRegistration:
    def test_migrate_stored_both_types_in_every_language(self):
        rows = {row.slug: row.status for row in ProblemType.objects.all()}
        assert rows == TYPES
        texts = {
            (t.problem_type.slug, t.language): t.title
            for t in ProblemTypeTranslation.objects.select_related("problem_type")
        }
        assert texts == {
            ("out-of-stock", "en"): "Out of stock",
            ("out-of-stock", "ru"): "Нет в наличии",
            ("quota-exceeded", "en"): "Quota exceeded",
            ("quota-exceeded", "ru"): "Квота исчерпана",
        }

    def test_registering_again_never_clobbers_an_edit(self):
        text = ProblemTypeTranslation.objects.get(problem_type__slug="out-of-stock", language="ru")
        text.title = "Товар закончился"
        text.edited = True
        text.save()
        report = register_problem_types()
        assert report.kept == ("out-of-stock [ru]",)
        text.refresh_from_db()
        assert text.title == "Товар закончился"

    def test_restore_brings_the_text_in_code_back(self):
        ProblemTypeTranslation.objects.filter(language="ru").update(title="X", edited=True)
        report = register_problem_types(slugs=["out-of-stock"], restore=True)
        assert report.updated == ("out-of-stock [ru]",)
        assert (
            ProblemTypeTranslation.objects.get(
                problem_type__slug="out-of-stock", language="ru"
            ).title
            == "Нет в наличии"
        )
        assert (
            ProblemTypeTranslation.objects.get(
                problem_type__slug="quota-exceeded", language="ru"
            ).title
            == "X"
        )

    def test_a_deleted_text_comes_back_unedited(self):
        ProblemTypeTranslation.objects.filter(language="ru").delete()
        report = register_problem_types()
        assert sorted(report.added) == ["out-of-stock [ru]", "quota-exceeded [ru]"]

    def test_the_command(self, capsys):
        ProblemType.objects.filter(slug="quota-exceeded").delete()
        call_command("register_problem_types", "--dry-run")
        assert "Dry run" in capsys.readouterr().out
        assert not ProblemType.objects.filter(slug="quota-exceeded").exists()
        call_command("register_problem_types")
        out = capsys.readouterr().out
        assert "Added quota-exceeded" in out
        assert ProblemType.objects.get(slug="quota-exceeded").status == 429


class TestResponses:
    @pytest.mark.parametrize(
        ("language", "title", "detail"),
        [("en", "Out of stock", "This item is out of stock."), ("ru", "Нет в наличии", "Этого товара нет в наличии.")],
    )  # fmt: skip
    def test_a_plain_view(self, client, language, title, detail):
        response = get(client, "/shop/buy/", language)
        assert response.status_code == 409
        body = json.loads(response.content)
        assert body == {
            "type": "http://testserver/status-codes/problems/out-of-stock/",
            "title": title,
            "status": 409,
            "detail": detail,
            "instance": "/shop/buy/",
            "sku": "A-1",
            "available": 0,
        }
        assert response["Content-Language"] == language

    def test_a_drf_view(self, client):
        response = get(client, "/shop/search/", "ru")
        assert response.status_code == 429
        body = json.loads(response.content)
        assert body["type"] == "http://testserver/status-codes/problems/quota-exceeded/"
        assert body["title"] == "Квота исчерпана"
        assert body["limit"] == 1000
        assert response["Retry-After"] == "3600"
        assert response["Cache-Control"] == "no-store"

    def test_two_types_are_told_apart_from_their_status(self, client):
        plain = json.loads(get(client, "/raise/409/").content)
        typed = json.loads(get(client, "/shop/buy/").content)
        assert plain["type"] == "http://testserver/status-codes/409/"
        assert typed["type"] != plain["type"]

    def test_an_explicit_detail_wins(self, client):
        body = json.loads(get(client, "/shop/buy-explained/").content)
        assert body["detail"] == "Only 0 of A-1 left."

    def test_an_edited_title_is_served_on_the_next_request(self, client):
        ProblemTypeTranslation.objects.filter(
            problem_type__slug="out-of-stock", language="en"
        ).update(title="Sold out", edited=True)
        ProblemType.objects.get(slug="out-of-stock").save()  # moves the data version
        assert json.loads(get(client, "/shop/buy/").content)["title"] == "Sold out"

    def test_html_and_text_list_the_extensions(self, client):
        html = get(client, "/shop/buy/", accept="text/html").content.decode()
        assert "<dt>sku</dt><dd>A-1</dd>" in html
        assert 'href="http://testserver/status-codes/problems/out-of-stock/"' in html
        assert 'href="http://testserver/status-codes/409/"' in html
        text = get(client, "/shop/buy/", accept="text/plain").content.decode()
        assert text == "409 Out of stock\n\nThis item is out of stock.\n\nsku: A-1\navailable: 0\n"

    def test_extensions_are_escaped_in_html(self, rf):
        from statuscodes.rendering import render_error

        request = rf.get("/", headers={"accept": "text/html"})
        error = OutOfStock(extensions={"sku": "<script>alert(1)</script>"})
        html = render_error(request, error).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_one_query_when_warm(self, client):
        get(client, "/shop/buy/")
        with CaptureQueriesContext(connection) as queries:
            get(client, "/shop/buy/")
        assert len(queries) == 1

    def test_without_the_pages_a_tag_uri_names_the_type(self, client, settings):
        settings.ROOT_URLCONF = "tests.urls_api_only"
        from statuscodes.rendering import problem_type_url

        request = __import__("django.test", fromlist=["RequestFactory"]).RequestFactory().get("/")
        assert re.fullmatch(
            r"tag:[^:]+,2026:problems/out-of-stock", problem_type_url(request, "out-of-stock")
        )


class TestPages:
    @pytest.mark.parametrize(
        ("language", "title"), [("en", "Out of stock"), ("ru", "Нет в наличии")]
    )
    def test_the_type_page(self, client, language, title):
        response = get(client, "/status-codes/problems/out-of-stock/", language, accept="text/html")
        assert response.status_code == 200
        html = response.content.decode()
        assert title in html
        assert "from tests.shop.problems import OutOfStock" in html
        assert 'href="/status-codes/409/"' in html
        tag = response["ETag"]
        again = get(
            client, "/status-codes/problems/out-of-stock/", language, HTTP_IF_NONE_MATCH=tag
        )
        assert (
            client.get(
                "/status-codes/problems/out-of-stock/",
                headers={"accept-language": language, "if-none-match": tag},
            ).status_code
            == 304
        )
        assert again.status_code == 200  # the test client sends no If-None-Match that way

    def test_the_list(self, client):
        html = get(client, "/status-codes/problems/", "ru", accept="text/html").content.decode()
        assert "Нет в наличии" in html
        assert "Квота исчерпана" in html

    def test_an_unknown_type_is_a_404(self, client):
        response = get(client, "/status-codes/problems/no-such-thing/", accept="text/html")
        assert response.status_code == 404
        assert "no-such-thing" in response.content.decode()

    def test_the_raise_line_has_the_keywords_its_status_requires(self):
        from statuscodes.snippets import problem_snippet

        class Moved(exc.MovedPermanently):
            type_slug = "catalogue-moved"

        assert problem_snippet(Moved).endswith('raise Moved(location="/")'), problem_snippet(Moved)
        assert problem_snippet(QuotaExceeded).endswith("raise QuotaExceeded()")
        exc._TYPES.pop("catalogue-moved")


class TestApi:
    @pytest.mark.parametrize(
        ("language", "title"), [("en", "Quota exceeded"), ("ru", "Квота исчерпана")]
    )
    def test_an_entry(self, client, language, title):
        response = client.get(f"/api/problem-types/quota-exceeded/?lang={language}")
        assert response.status_code == 200
        body = json.loads(response.content)
        assert body["title"] == title
        assert body["status"] == 429
        assert body["type"] == "http://testserver/status-codes/problems/quota-exceeded/"
        assert body["exception"] == "tests.shop.problems.QuotaExceeded"
        assert response["Content-Language"] == language
        tag = response["ETag"]
        again = client.get(
            f"/api/problem-types/quota-exceeded/?lang={language}", headers={"if-none-match": tag}
        )
        assert again.status_code == 304

    def test_all_languages(self, client):
        body = json.loads(client.get("/api/problem-types/out-of-stock/?lang=all").content)
        assert body["translations"]["ru"]["title"] == "Нет в наличии"
        assert body["translations"]["en"]["title"] == "Out of stock"

    @pytest.mark.parametrize(
        ("query", "slugs"),
        [("", ["out-of-stock", "quota-exceeded"]), ("?status=409", ["out-of-stock"]),
         ("?search=КВОТА&lang=ru", ["quota-exceeded"]), ("?search=stock", ["out-of-stock"]),
         ("?status=404", [])],
    )  # fmt: skip
    def test_filters(self, client, query, slugs):
        body = json.loads(client.get(f"/api/problem-types/{query}").content)
        assert [item["slug"] for item in body] == slugs

    @pytest.mark.parametrize(
        "query", ["?status=abc", "?status=٤٠٩", "?lang=xx", "?search=" + "a" * 101]
    )
    def test_a_bad_filter_is_a_400(self, client, query):
        response = client.get(f"/api/problem-types/{query}")
        assert response.status_code == 400
        assert json.loads(response.content)["errors"]

    def test_an_unknown_type_is_a_404(self, client):
        assert client.get("/api/problem-types/nope/").status_code == 404

    def test_read_only(self, client):
        response = client.post("/api/problem-types/", {}, content_type="application/json")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"


class TestAdmin:
    def test_editing_a_text_marks_it_edited(self, admin_client):
        row = ProblemType.objects.get(slug="out-of-stock")
        response = admin_client.get(f"/admin/statuscodes/problemtype/{row.pk}/change/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Same as the text in code." in html
        texts = list(row.translations.order_by("language"))
        data = {
            "translations-TOTAL_FORMS": "2",
            "translations-INITIAL_FORMS": "2",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "2",
        }
        for index, text in enumerate(texts):
            data |= {
                f"translations-{index}-id": str(text.pk),
                f"translations-{index}-problem_type": str(row.pk),
                f"translations-{index}-language": text.language,
                f"translations-{index}-title": "Распродано"
                if text.language == "ru"
                else text.title,
                f"translations-{index}-description": text.description,
            }
        response = admin_client.post(f"/admin/statuscodes/problemtype/{row.pk}/change/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        edited = row.translations.get(language="ru")
        assert (edited.title, edited.edited) == ("Распродано", True)
        assert not row.translations.get(language="en").edited

    def test_restore_action(self, admin_client):
        ProblemTypeTranslation.objects.update(title="X", edited=True)
        row = ProblemType.objects.get(slug="out-of-stock")
        admin_client.post(
            "/admin/statuscodes/problemtype/",
            {"action": "restore_declared_texts", "_selected_action": [row.pk]},
        )
        assert row.translations.get(language="ru").title == "Нет в наличии"

    def test_no_add_button(self, admin_client):
        assert admin_client.get("/admin/statuscodes/problemtype/add/").status_code == 403


def add_order(request, problem):
    problem.extensions["order"] = 42
    problem.headers["X-Order"] = "42"


def replace_title(request, problem):
    problem.extensions["title"] = "hijacked"


class TestHook:
    @pytest.fixture(autouse=True)
    def correlation(self, settings):
        settings.STATUSCODES_PROBLEM_HOOK = "statuscodes.hooks.correlation_id"

    def test_the_clients_id_comes_back(self, client):
        response = client.get("/shop/buy/", headers={"x-request-id": "abc-123"})
        assert json.loads(response.content)["correlation_id"] == "abc-123"
        assert response["X-Request-ID"] == "abc-123"

    @pytest.mark.parametrize("given", [None, "bad id with spaces", "x" * 129, "é"])
    def test_a_new_id_otherwise(self, client, given):
        headers = {} if given is None else {"x-request-id": given}
        response = client.get("/raise/404/", headers=headers)
        value = json.loads(response.content)["correlation_id"]
        assert re.fullmatch(r"[0-9a-f]{32}", value)
        assert response["X-Request-ID"] == value

    def test_every_format_and_the_api(self, client):
        text = client.get("/shop/buy/", headers={"accept": "text/plain", "x-request-id": "r1"})
        assert "correlation_id: r1" in text.content.decode()
        api = client.get("/api/status-codes/999/", headers={"x-request-id": "r2"})
        assert json.loads(api.content)["correlation_id"] == "r2"

    def test_another_header(self, client, settings):
        settings.STATUSCODES_CORRELATION_HEADER = "X-Correlation-ID"
        response = client.get("/raise/404/", headers={"x-correlation-id": "c-9"})
        assert response["X-Correlation-ID"] == "c-9"

    def test_a_hook_of_the_hosts(self, client, settings):
        settings.STATUSCODES_PROBLEM_HOOK = "tests.test_problem_types.add_order"
        response = client.get("/shop/buy/")
        assert json.loads(response.content)["order"] == 42
        assert response["X-Order"] == "42"

    def test_a_hook_cannot_replace_a_standard_member(self, rf, settings):
        from statuscodes.rendering import render_status

        settings.STATUSCODES_PROBLEM_HOOK = "tests.test_problem_types.replace_title"
        with pytest.raises(ValueError, match="standard member"):
            render_status(rf.get("/"), 404)

    def test_a_bad_hook_is_a_system_check_error(self, settings):
        from statuscodes.checks import check_problem_hook

        settings.STATUSCODES_PROBLEM_HOOK = "no.such.hook"
        settings.STATUSCODES_CORRELATION_HEADER = "Bad Header"
        assert [e.id for e in check_problem_hook()] == ["statuscodes.E020", "statuscodes.E021"]
