"""Plain JSON reads skip DRF; every other JSON read goes through it. Both give the same response."""

from __future__ import annotations

import pytest

from statuscodes.api.reads import bodies

LEAN = "application/json"  # served without DRF
THROUGH_DRF = "application/json;q=0.9, text/plain;q=0.1"  # negotiated by DRF, JSON renderer

REPRESENTATIONS = [
    ("GET", "/api/status-codes/", {}),
    ("GET", "/api/status-codes/?lang=ru", {}),
    ("GET", "/api/status-codes/?lang=all", {}),
    ("GET", "/api/status-codes/?class=4xx&status=standard&search=found&ordering=-code", {}),
    ("GET", "/api/status-codes/?search=%D1%83%D0%B4%D0%B0%D0%BB%D1%91%D0%BD", {}),
    ("GET", "/api/status-codes/404/", {}),
    ("GET", "/api/status-codes/404/?lang=ru", {}),
    ("GET", "/api/status-codes/404/?lang=all", {}),
    ("GET", "/api/status-codes/404/", {"accept-language": "ru-RU, en;q=0.5"}),
    ("HEAD", "/api/status-codes/", {}),
    ("HEAD", "/api/status-codes/404/?lang=ru", {}),
    # errors and conditional answers
    ("GET", "/api/status-codes/999/", {}),
    ("GET", "/api/status-codes/abc/", {"accept-language": "ru"}),
    ("GET", "/api/status-codes/?class=9xx&lang=xx", {}),
    ("GET", "/api/status-codes/404/", {"if-match": '"nope"'}),
]

#: What DRF adds that a read does not depend on.
IGNORED = {"allow"}


def exchange(client, method, url, headers, accept):
    bodies.clear()
    response = client.generic(method, url, headers={**headers, "accept": accept})
    return response


def comparable(response):
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower() not in IGNORED}
    return response.status_code, headers, response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url", "headers"), REPRESENTATIONS)
def test_both_paths_give_the_same_response(client, method, url, headers):
    lean = exchange(client, method, url, headers, LEAN)
    drf = exchange(client, method, url, headers, THROUGH_DRF)
    assert comparable(drf) == comparable(lean)
    assert lean.status_code in {200, 400, 404, 412}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/status-codes/", "/api/status-codes/404/?lang=ru"])
def test_both_paths_answer_the_same_304(client, url):
    tag = client.get(url)["ETag"]
    lean = exchange(client, "GET", url, {"if-none-match": tag}, LEAN)
    drf = exchange(client, "GET", url, {"if-none-match": tag}, THROUGH_DRF)
    assert lean.status_code == drf.status_code == 304
    assert comparable(drf) == comparable(lean)


@pytest.mark.django_db
def test_the_drf_path_is_taken(client, monkeypatch):
    """The comparison above is real: the second request does reach DRF's view."""
    from statuscodes.api import views

    calls = []
    original = views.StatusCodeViewSet.retrieve

    def spy(self, request, code):
        calls.append(request.accepted_renderer.format)
        return original(self, request, code)

    monkeypatch.setattr(views.StatusCodeViewSet, "retrieve", spy)
    exchange(client, "GET", "/api/status-codes/404/", {}, LEAN)
    assert calls == []
    exchange(client, "GET", "/api/status-codes/404/", {}, THROUGH_DRF)
    exchange(client, "GET", "/api/status-codes/404/?format=json", {}, LEAN)
    assert calls == ["json", "json"]
