"""The less travelled paths of problem types: updates from code, fallbacks, the admin's notes."""

from __future__ import annotations

import json
import logging

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import override_settings

from statuscodes import catalog
from statuscodes.api.declarations import declared_raises, raises, warn_if_undeclared
from statuscodes.exceptions import Conflict, NotFound
from statuscodes.models import ProblemType, ProblemTypeTranslation
from statuscodes.problem_types import register_after_migrate, register_problem_types
from tests.shop.problems import OutOfStock

pytestmark = pytest.mark.django_db


def test_status_and_class_follow_the_code():
    ProblemType.objects.filter(slug="out-of-stock").update(status=400, exception="old.Path")
    report = register_problem_types()
    assert report.updated == ("out-of-stock",)
    row = ProblemType.objects.get(slug="out-of-stock")
    assert (row.status, row.exception) == (409, "tests.shop.problems.OutOfStock")


def test_the_command_says_what_it_updated_and_kept(capsys):
    ProblemTypeTranslation.objects.filter(language="en", problem_type__slug="out-of-stock").update(
        title="Sold out", edited=True
    )
    ProblemTypeTranslation.objects.filter(language="ru", problem_type__slug="out-of-stock").update(
        title="Старый"
    )
    call_command("register_problem_types")
    out = capsys.readouterr().out
    assert "Updated out-of-stock [ru]" in out
    assert "Kept the edited out-of-stock [en]" in out
    assert "0 added, 1 updated, 1 edited kept." in out


def test_no_table_no_registration(monkeypatch):
    monkeypatch.setattr(connection.introspection, "table_names", lambda *a, **k: [])
    ProblemType.objects.all().delete()
    register_after_migrate(using="default")
    assert not ProblemType.objects.exists()


class TestFallbacks:
    def test_an_unregistered_type_uses_the_class_texts(self, client):
        ProblemType.objects.all().delete()
        body = json.loads(client.get("/shop/buy/", headers={"accept-language": "ru"}).content)
        assert body["title"] == "Нет в наличии"
        assert body["detail"] == "Этого товара нет в наличии."

    def test_a_database_that_does_not_answer(self, monkeypatch):
        def broken(version=None):
            raise DatabaseError("gone")

        monkeypatch.setattr(catalog, "get_catalog", broken)
        assert catalog.current() is None
        text = catalog.problem_text(OutOfStock, "en")
        assert (text.title, text.title_language) == ("Out of stock", "en")

    def test_an_untranslated_text_says_it_is_english(self):
        class Untranslated(Conflict):
            type_slug = "never-translated"
            default_title = "Never translated"

        try:
            text = catalog.declared_text(Untranslated, "ru")
            assert (text.title, text.title_language) == ("Never translated", "en")
            assert text.description_language == "en"
        finally:
            from statuscodes import exceptions

            exceptions._TYPES.pop("never-translated")


class TestAdmin:
    def test_a_changed_text_shows_the_text_in_code(self, admin_client):
        ProblemTypeTranslation.objects.filter(language="en").update(title="Sold out")
        row = ProblemType.objects.get(slug="out-of-stock")
        html = admin_client.get(f"/admin/statuscodes/problemtype/{row.pk}/change/").content.decode()
        assert "Differs from the text in code." in html
        assert "Out of stock" in html

    def test_the_changelist(self, admin_client):
        html = admin_client.get("/admin/statuscodes/problemtype/").content.decode()
        assert "Out of stock" in html
        assert "out-of-stock" in html

    def test_restore_with_nothing_to_restore(self, admin_client):
        row = ProblemType.objects.get(slug="out-of-stock")
        response = admin_client.post(
            "/admin/statuscodes/problemtype/",
            {"action": "restore_declared_texts", "_selected_action": [row.pk]},
            follow=True,
        )
        assert "already have the texts in code" in response.content.decode()


class TestDeclarations:
    def test_decorators_add_up(self):
        @raises(NotFound)
        @raises(Conflict)
        def handler():
            pass

        assert set(handler.statuscodes_raises) == {NotFound, Conflict}

    def test_a_class_and_its_methods(self):
        class View:
            @raises(Conflict)
            def post(self):
                pass

        View.raises = [NotFound]  # the class attribute, set after the decorator is used

        assert declared_raises(View(), "post") == (NotFound, Conflict)
        assert declared_raises(View(), "get") == (NotFound,)
        assert declared_raises(object(), "get") is None

    @override_settings(DEBUG=True)
    def test_no_view_no_warning(self, caplog):
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            warn_if_undeclared(None, "GET", NotFound())
        assert caplog.text == ""


def test_the_browsable_api_of_problem_types(client):
    response = client.get("/api/problem-types/out-of-stock/", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert "Out of stock" in response.content.decode()
