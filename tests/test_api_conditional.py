"""Conditional requests of the API: If-Match and If-None-Match on reads and writes, 412, 428."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from statuscodes import catalog
from statuscodes.checks import check_settings
from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db

LIST = "/api/status-codes/"
REQUIRE = override_settings(STATUSCODES_API_REQUIRE_IF_MATCH=True)


def problem(response):
    assert response["Content-Type"] == "application/problem+json", response.content[:300]
    return json.loads(response.content)


def write(client, method, path, body=None, **headers):
    content = "" if body is None else json.dumps(body)
    return client.generic(method, path, content, content_type="application/json", headers=headers)


def tag(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response["ETag"]


def origin(code=404):
    return StatusCode.objects.get(code=code).origin


class TestReads:
    @pytest.mark.parametrize("method", ["get", "head"])
    @pytest.mark.parametrize("accept", ["application/json", "text/html"])
    def test_if_none_match_star_on_a_missing_code_is_a_404(self, client, method, accept):
        response = getattr(client, method)(
            f"{LIST}599/", headers={"if_none_match": "*", "accept": accept}
        )
        assert response.status_code == 404

    def test_a_stale_if_match_on_a_read_is_a_412(self, client):
        response = client.get(f"{LIST}404/", headers={"if_match": '"stale"'})
        assert response.status_code == 412
        assert problem(response)["status"] == 412

    def test_a_current_if_match_on_a_read_is_a_200(self, client):
        etag = tag(client, f"{LIST}404/")
        assert client.get(f"{LIST}404/", headers={"if_match": etag}).status_code == 200
        assert client.get(LIST, headers={"if_match": tag(client, LIST)}).status_code == 200

    def test_if_none_match_star_on_the_list_is_a_304(self, client):
        assert client.get(LIST, headers={"if_none_match": "*"}).status_code == 304


class TestTagsOfOneCode:
    def test_an_edit_of_another_code_keeps_the_tag_and_the_body(self, client):
        first = client.get(f"{LIST}404/?lang=ru")
        other = StatusCodeTranslation.objects.get(status_code__code=405, language="ru")
        other.title = "Метод запрещён"
        other.save()
        second = client.get(f"{LIST}404/?lang=ru", headers={"if_none_match": first["ETag"]})
        assert second.status_code == 304
        assert client.get(f"{LIST}404/?lang=ru").content == first.content

    @pytest.mark.parametrize(
        "edit",
        [
            lambda: StatusCode.objects.filter(code=404).update(origin="x"),
            lambda: StatusCodeTranslation.objects.filter(
                status_code__code=404, language="en"
            ).update(description="Changed."),
        ],
    )
    def test_an_edit_of_the_code_or_any_of_its_texts_changes_the_tag(self, client, edit):
        before = tag(client, f"{LIST}404/?lang=ru")
        edit()
        StatusCode.objects.get(code=404).save()  # the signal that moves the data version
        assert tag(client, f"{LIST}404/?lang=ru") != before

    def test_the_list_tag_follows_every_edit(self, client):
        before = tag(client, LIST)
        StatusCode.objects.get(code=405).save()
        assert tag(client, LIST) != before

    def test_the_same_content_has_the_same_tag_after_a_reload(self, client):
        before = tag(client, f"{LIST}404/")
        catalog.clear()
        assert tag(client, f"{LIST}404/") == before


class TestConditionalWrites:
    @pytest.mark.parametrize(
        ("method", "body"),
        [("PATCH", {"origin": "x"}), ("PUT", {"phrase": "Not Found", "origin": "x"}),
         ("DELETE", None)],
    )  # fmt: skip
    def test_a_stale_if_match_is_a_412_that_changes_nothing(self, client, auth, method, body):
        etag = tag(client, f"{LIST}404/")
        StatusCode.objects.filter(code=404).update(reference_section="0")
        StatusCode.objects.get(code=404).save()
        response = write(client, method, f"{LIST}404/", body, if_match=etag, **auth)
        assert response.status_code == 412
        assert problem(response)["title"] == "Precondition Failed"
        assert origin() == ""

    @pytest.mark.parametrize(
        ("method", "body", "status"),
        [("PATCH", {"origin": "x"}, 200), ("PUT", {"phrase": "Not Found", "origin": "x"}, 200),
         ("DELETE", None, 204)],
    )  # fmt: skip
    def test_the_tag_of_a_get_lets_the_write_through(self, client, auth, method, body, status):
        etag = tag(client, f"{LIST}404/")
        response = write(client, method, f"{LIST}404/", body, if_match=etag, **auth)
        assert response.status_code == status, response.content

    def test_an_edit_of_another_code_is_no_conflict(self, client, auth):
        etag = tag(client, f"{LIST}404/")
        assert write(client, "PATCH", f"{LIST}405/", {"origin": "y"}, **auth).status_code == 200
        response = write(client, "PATCH", f"{LIST}404/", {"origin": "x"}, if_match=etag, **auth)
        assert response.status_code == 200
        assert origin() == "x"

    def test_the_tag_is_that_of_the_same_language_selection(self, client, auth):
        russian = tag(client, f"{LIST}404/?lang=ru")
        response = write(
            client, "PATCH", f"{LIST}404/?lang=en", {"origin": "x"}, if_match=russian, **auth
        )
        assert response.status_code == 412
        response = write(
            client, "PATCH", f"{LIST}404/?lang=ru", {"origin": "x"}, if_match=russian, **auth
        )
        assert response.status_code == 200
        by_header = tag(client, f"{LIST}404/", accept_language="ru")
        response = write(client, "PATCH", f"{LIST}404/", {"origin": "z"}, if_match=by_header,
                         accept_language="ru", **auth)  # fmt: skip
        assert response.status_code == 200

    def test_the_written_response_carries_the_tag_of_the_next_get(self, client, auth):
        response = write(client, "PATCH", f"{LIST}404/?lang=ru", {"origin": "x"}, **auth)
        assert response.status_code == 200
        get = client.get(f"{LIST}404/?lang=ru")
        assert response["ETag"] == get["ETag"]
        assert response.content == get.content
        chained = write(client, "PATCH", f"{LIST}404/?lang=ru", {"origin": "y"},
                        if_match=response["ETag"], **auth)  # fmt: skip
        assert chained.status_code == 200

    def test_a_created_code_is_located(self, client, auth):
        response = write(client, "POST", LIST, {"code": 599, "phrase": "X"}, **auth)
        assert response.status_code == 201
        assert response["Location"] == "http://testserver/api/status-codes/599/"
        assert response["ETag"] == tag(client, f"{LIST}599/")

    @pytest.mark.parametrize(
        ("header", "value", "status"),
        [("if_match", "*", 200), ("if_none_match", "*", 412), ("if_match", '"a", "b"', 412)],
    )
    def test_stars_and_lists(self, client, auth, header, value, status):
        response = write(client, "PATCH", f"{LIST}404/", {"origin": "x"}, **{header: value}, **auth)
        assert response.status_code == status

    def test_a_weak_tag_never_matches_a_write(self, client, auth):
        etag = tag(client, f"{LIST}404/")
        response = write(
            client, "PATCH", f"{LIST}404/", {"origin": "x"}, if_match=f"W/{etag}", **auth
        )
        assert response.status_code == 412

    def test_a_missing_code_is_a_404_whatever_the_preconditions(self, client, auth):
        response = write(client, "PATCH", f"{LIST}599/", {"origin": "x"}, if_match="*", **auth)
        assert response.status_code == 404


class TestRequiredIfMatch:
    @REQUIRE
    @pytest.mark.parametrize(
        ("method", "body"), [("PATCH", {"origin": "x"}), ("PUT", {"phrase": "X"}), ("DELETE", None)]
    )
    def test_a_change_without_if_match_is_a_428(self, client, auth, method, body):
        response = write(client, method, f"{LIST}404/", body, **auth)
        assert response.status_code == 428
        assert problem(response)["title"] == "Precondition Required"
        assert StatusCode.objects.get(code=404).phrase == "Not Found"

    @REQUIRE
    def test_with_if_match_it_goes_through(self, client, auth):
        etag = tag(client, f"{LIST}404/")
        response = write(client, "PATCH", f"{LIST}404/", {"origin": "x"}, if_match=etag, **auth)
        assert response.status_code == 200

    @REQUIRE
    def test_a_creation_needs_none(self, client, auth):
        assert write(client, "POST", LIST, {"code": 599, "phrase": "X"}, **auth).status_code == 201

    @REQUIRE
    def test_404_and_401_come_first(self, client, auth):
        assert write(client, "PATCH", f"{LIST}599/", {}, **auth).status_code == 404
        assert write(client, "PATCH", f"{LIST}404/", {}).status_code == 401

    def test_off_by_default(self, client, auth):
        assert write(client, "PATCH", f"{LIST}404/", {"origin": "x"}, **auth).status_code == 200


class TestChecks:
    def test_the_settings_are_clean_by_default(self):
        assert check_settings() == []

    @pytest.mark.parametrize("value", ["False", 1, None])
    def test_e003_require_if_match_is_not_a_bool(self, value):
        with override_settings(STATUSCODES_API_REQUIRE_IF_MATCH=value):
            assert [m.id for m in check_settings()] == ["statuscodes.E003"]

    @pytest.mark.parametrize("value", [-1, "60", True, 1.5])
    def test_e002_max_age_is_not_whole_seconds(self, value):
        with override_settings(STATUSCODES_API_MAX_AGE=value):
            assert [m.id for m in check_settings()] == ["statuscodes.E002"]


class TestDeletionsAndTheSync:
    def test_a_code_deleted_through_the_api_stays_deleted_after_a_sync(self, client, auth):
        from django.core.management import call_command

        from statuscodes.models import Deletion

        assert write(client, "DELETE", f"{LIST}418/", **auth).status_code == 204
        assert Deletion.objects.filter(code=418, language=None).exists()
        call_command("sync_statuscodes", verbosity=0)
        assert not StatusCode.objects.filter(code=418).exists()

    def test_creating_it_again_forgets_the_deletion(self, client, auth):
        from statuscodes.models import Deletion

        assert write(client, "DELETE", f"{LIST}418/", **auth).status_code == 204
        body = {"code": 418, "phrase": "I'm a teapot"}
        assert write(client, "POST", LIST, body, **auth).status_code == 201
        assert not Deletion.objects.filter(code=418).exists()

    def test_a_translation_written_again_forgets_its_deletion(self, client, auth):
        from statuscodes.models import Deletion, record_deletion

        StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
        record_deletion(404, "ru")
        body = {"translations": {"ru": {"title": "Не найдено"}}}
        assert write(client, "PATCH", f"{LIST}404/", body, **auth).status_code == 200
        assert not Deletion.objects.filter(code=404, language="ru").exists()


@REQUIRE
def test_the_428_is_told_in_the_language_of_lang(client, auth):
    response = write(client, "PATCH", f"{LIST}404/?lang=ru", {"origin": "x"}, **auth)
    body = problem(response)
    assert body["title"] == "Требуется предусловие"
    assert body["detail"].startswith("Передайте в If-Match")
