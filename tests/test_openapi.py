"""The OpenAPI schema documents the API, and schemathesis finds no failure against it."""

from __future__ import annotations

import base64
import re

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema_document(client):
    response = client.get("/api/schema/", headers={"accept": "application/json"})
    assert response.status_code == 200
    return response.json()


def test_schema_documents_parameters_and_problems(schema_document):
    paths = schema_document["paths"]
    assert set(paths) == {
        "/api/status-codes/",
        "/api/status-codes/{code}/",
        "/api/problem-types/",
        "/api/problem-types/{slug}/",
    }
    listing = paths["/api/status-codes/"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {
        "lang",
        "class",
        "status",
        "search",
        "ordering",
    }
    assert "application/problem+json" in listing["responses"]["400"]["content"]
    detail = paths["/api/status-codes/{code}/"]
    assert {"get", "put", "patch", "delete"} <= set(detail)
    assert "application/problem+json" in detail["get"]["responses"]["404"]["content"]
    assert "application/problem+json" in detail["patch"]["responses"]["403"]["content"]
    schemas = schema_document["components"]["schemas"]
    one = schemas["StatusCode"]["properties"]
    assert {"code", "phrase", "title", "description", "language", "class", "headers"} <= set(one)
    assert "translations" in schemas["StatusCodeAllLanguages"]["properties"]


def operations(document, token):
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()

    @schema.auth()
    class EditorAuth:
        """Basic credentials of an editor, given the way schemathesis can also withhold them."""

        def get(self, case, context):
            return token

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), "Authorization": f"Basic {data}"}

    return [result.ok() for result in schema.get_all_operations()]


@pytest.fixture
def keep_test_connection(schema_document):
    """Calling the WSGI application directly, as schemathesis does, would close the test's
    database connection after each request; Django's own test client prevents it the same way
    (and reconnects the handler after each of its requests, hence the dependency)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("keep_test_connection")
def test_api_against_its_schema(schema_document):
    """Every operation, with every schemathesis check, as an editor with all permissions."""
    User.objects.create_superuser("schema", password="pw")
    token = base64.b64encode(b"schema:pw").decode()
    failures = []
    for operation in operations(schema_document, token):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def check(case):
            case.call_and_validate()

        try:
            check()
        except Exception as error:  # collect all operations' failures before failing
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)


def test_swagger_ui_loads_nothing_from_another_host(client):
    html = client.get("/api/docs/").content.decode()
    assert "SwaggerUIBundle" in html
    addresses = re.findall(r"""(?:src|href)=["']([^"']+)""", html) + re.findall(
        r"""url: ["']([^"']+)""", html
    )
    assert addresses
    for address in addresses:
        assert address.startswith("/"), address
        assert not address.startswith("//"), address
