"""The admin search: only ASCII digits are a code, and no number is a server error."""

from __future__ import annotations

import pytest

from tests.test_admin import CHANGELIST, listed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("term", ["²²²", "①②③", "٤٠٤", "４０４", "404 ²²²", "9" * 5000, "9" * 30])
def test_search_by_other_digits_is_no_server_error_and_no_code(admin_client, term):
    response = admin_client.get(CHANGELIST, {"q": term})
    assert response.status_code == 200
    assert listed(response) == []


def test_search_by_ascii_digits_still_finds_codes(admin_client):
    assert listed(admin_client.get(CHANGELIST, {"q": " 404  410 "})) == [404, 410]
    assert listed(admin_client.get(CHANGELIST, {"q": "404 4040"})) == [404]
