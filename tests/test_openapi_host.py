"""The OpenAPI schema of a small host API: every problem response and the headers it requires."""

from __future__ import annotations

import logging

import pytest
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from tests.shop import urls

#: What each operation answers, and the headers each response must carry (True) or may (False).
EXPECTED = {
    ("/cart/", "post"): {
        "200": {},
        "400": {},
        "401": {"WWW-Authenticate": True},
        "403": {},
        "405": {"Allow": True},
        "406": {},
        "409": {},
        "415": {"Accept-Encoding": False},
    },
    ("/orders/{id}/", "get"): {"200": {}, "404": {}, "405": {"Allow": True}, "406": {}},
    ("/orders/{id}/", "delete"): {
        "204": {},
        "404": {},
        "405": {"Allow": True},
        "406": {},
        "410": {},
    },
    ("/orders/search/", "get"): {
        "200": {},
        "404": {},
        "405": {"Allow": True},
        "406": {},
        # DRF's throttling always says how long to wait, though RFC 6585 says MAY.
        "429": {"Retry-After": True},
    },
}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator(patterns=urls.urlpatterns).get_schema(request=None, public=True)


def test_the_schema_is_valid_openapi(schema):
    validate_schema(schema)


def test_every_operation_lists_its_problems_and_their_headers(schema):
    found = {
        (path, method): {
            code: {name: header["required"] for name, header in response.get("headers", {}).items()}
            for code, response in operation["responses"].items()
        }
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }
    assert found == EXPECTED


def problem_schema(schema, path, method, code):
    response = schema["paths"][path][method]["responses"][code]
    return response["content"]["application/problem+json"]["schema"]


def test_a_problem_type_names_its_page(schema):
    own = problem_schema(schema, "/cart/", "post", "409")["allOf"][1]["properties"]
    assert own["status"] == {"type": "integer", "enum": [409]}
    pattern = own["type"]["pattern"]
    assert "/status-codes/problems/out-of-stock/" in pattern
    assert "/status-codes/409/" in pattern
    assert "quota-exceeded" not in pattern
    described = schema["paths"]["/cart/"]["post"]["responses"]["409"]["description"]
    assert "OutOfStock" in described


@pytest.mark.django_db
def test_the_type_pattern_matches_what_is_sent(schema, client):
    import re

    own = problem_schema(schema, "/orders/search/", "get", "429")["allOf"][1]["properties"]
    sent = client.get("/shop/search/").json()["type"]
    assert re.fullmatch(own["type"]["pattern"], sent)
    assert re.fullmatch(own["type"]["pattern"], "about:blank")
    assert not re.fullmatch(own["type"]["pattern"], "http://x/status-codes/problems/other/")


def test_declared_extension_members_are_documented():
    from statuscodes.api.openapi import ProblemAutoSchema
    from tests.shop.problems import OutOfStock

    class Documented(OutOfStock):
        extension_members = {"sku": {"type": "string"}}

    schema = ProblemAutoSchema._problem_schema.__get__(_Stub())(409, [Documented])
    assert schema["allOf"][1]["properties"]["sku"] == {"type": "string"}


class _Stub:
    registry = type("R", (), {"register_on_missing": lambda self, c: None})()

    def _problem_component(self):
        return {"$ref": "#/components/schemas/Problem"}

    _type_paths = staticmethod(lambda status, classes: [])


def test_the_problem_component(schema):
    problem = schema["components"]["schemas"]["Problem"]
    assert problem["required"] == ["type", "title", "status"]
    assert set(problem["properties"]["errors"]["items"]["properties"]) >= {"detail", "pointer"}


def test_raises_takes_only_http_errors():
    from statuscodes.api.openapi import raises

    with pytest.raises(TypeError, match="HttpError"):
        raises(ValueError)


@pytest.mark.django_db
class TestUndeclared:
    @override_settings(DEBUG=True)
    def test_a_raise_the_view_did_not_declare_is_a_warning_in_debug(self, client, caplog):
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            client.get("/shop/search/")
        assert "Search raised QuotaExceeded (429), which it does not declare" in caplog.text

    def test_not_without_debug(self, client, caplog):
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            client.get("/shop/search/")
        assert "does not declare" not in caplog.text
