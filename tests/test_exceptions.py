"""Every exception class: status, headers, and errors for missing and bad arguments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from statuscodes import exceptions as exc
from statuscodes.dataset import shipped_codes

FINAL_4XX_5XX = {
    c for c, meta in shipped_codes().items()
    if c >= 400 and meta["status"] in {"standard", "obsoleted"}
}  # fmt: skip
REDIRECTS = {300: "MultipleChoices", 301: "MovedPermanently", 302: "Found", 303: "SeeOther",
             307: "TemporaryRedirect", 308: "PermanentRedirect"}  # fmt: skip
NAMES = {
    400: "BadRequest", 401: "Unauthorized", 402: "PaymentRequired", 403: "Forbidden",
    404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable",
    407: "ProxyAuthenticationRequired", 408: "RequestTimeout", 409: "Conflict", 410: "Gone",
    411: "LengthRequired", 412: "PreconditionFailed", 413: "ContentTooLarge", 414: "URITooLong",
    415: "UnsupportedMediaType", 416: "RangeNotSatisfiable", 417: "ExpectationFailed",
    421: "MisdirectedRequest", 422: "UnprocessableContent", 423: "Locked",
    424: "FailedDependency", 425: "TooEarly", 426: "UpgradeRequired", 428: "PreconditionRequired",
    429: "TooManyRequests", 431: "RequestHeaderFieldsTooLarge", 451: "UnavailableForLegalReasons",
    500: "InternalServerError", 501: "NotImplemented", 502: "BadGateway",
    503: "ServiceUnavailable", 504: "GatewayTimeout", 505: "HTTPVersionNotSupported",
    506: "VariantAlsoNegotiates", 507: "InsufficientStorage", 508: "LoopDetected",
    510: "NotExtended", 511: "NetworkAuthenticationRequired",
}  # fmt: skip
REQUIRED = {
    401: {"www_authenticate": 'Bearer realm="api"'},
    405: {"allow": ["GET"]},
    407: {"proxy_authenticate": "Basic realm=proxy"},
    416: {"length": 100},
    426: {"upgrade": "HTTP/2"},
    301: {"location": "/new/"}, 302: {"location": "/new/"}, 303: {"location": "/new/"},
    307: {"location": "/new/"}, 308: {"location": "/new/"},
}  # fmt: skip


def make(code, **kwargs):
    return exc.exception_class(code)(**{**REQUIRED.get(code, {}), **kwargs})


def test_one_class_per_registered_final_4xx_and_5xx():
    assert set(NAMES) == FINAL_4XX_5XX
    for code, name in {**NAMES, **REDIRECTS}.items():
        cls = getattr(exc, name)
        assert cls.status_code == code
        assert exc.exception_class(code) is cls
        assert issubclass(cls, exc.HttpError)
        assert name in exc.__all__


def test_not_a_subclass_of_what_others_intercept():
    from django.core.exceptions import PermissionDenied
    from django.http import Http404
    from rest_framework.exceptions import APIException

    assert not issubclass(exc.HttpError, (Http404, PermissionDenied, APIException))


def test_old_names_are_aliases():
    assert exc.PayloadTooLarge is exc.ContentTooLarge
    assert exc.RequestEntityTooLarge is exc.ContentTooLarge
    assert exc.UnprocessableEntity is exc.UnprocessableContent
    assert exc.RequestedRangeNotSatisfiable is exc.RangeNotSatisfiable


@pytest.mark.parametrize("code", sorted({*NAMES, *REDIRECTS}))
def test_every_class_constructs_with_its_required_arguments(code):
    error = make(code)
    assert error.status_code == code
    assert error.detail is None


@pytest.mark.parametrize(
    ("code", "argument", "section"),
    [
        (401, "www_authenticate", "RFC 9110 §15.5.2"),
        (405, "allow", "RFC 9110 §15.5.6"),
        (407, "proxy_authenticate", "RFC 9110 §15.5.8"),
        (416, "length", "RFC 9110 §15.5.17"),
        (426, "upgrade", "RFC 9110 §15.5.22"),
        (301, "location", "RFC 9110 §15.4.2"),
        (308, "location", "RFC 9110 §15.4.9"),
    ],
)
def test_missing_required_argument_is_a_type_error_naming_it_and_the_rfc(code, argument, section):
    with pytest.raises(TypeError, match=repr(argument)):
        exc.exception_class(code)()
    for call in (lambda: exc.abort(code), lambda: exc.HttpError(status=code)):
        with pytest.raises(TypeError) as excinfo:
            call()
        assert repr(argument) in str(excinfo.value)
        assert section in str(excinfo.value)


def test_300_location_is_optional():
    assert exc.MultipleChoices().headers == {}
    assert exc.MultipleChoices(location="/a/").headers["Location"] == "/a/"


def test_keyword_of_another_status_is_refused():
    with pytest.raises(TypeError, match="'allow'"):
        exc.NotFound(allow=["GET"])
    with pytest.raises(TypeError, match="'retry_after'"):
        exc.NotFound(retry_after=5)
    with pytest.raises(TypeError, match="'location'"):
        exc.BadRequest(location="/x/")


class TestAllow:
    def test_list(self):
        assert exc.MethodNotAllowed(allow=["GET", "HEAD"]).headers["Allow"] == "GET, HEAD"

    def test_one_string_is_one_method(self):
        assert exc.MethodNotAllowed(allow="GET").headers["Allow"] == "GET"

    def test_empty_list_gives_an_empty_header(self):
        assert exc.MethodNotAllowed(allow=[]).headers["Allow"] == ""

    def test_tuple_set_and_generator(self):
        assert exc.MethodNotAllowed(allow=("GET", "POST")).headers["Allow"] == "GET, POST"
        assert exc.MethodNotAllowed(allow=(m for m in ["PUT"])).headers["Allow"] == "PUT"

    def test_duplicates_are_dropped(self):
        assert exc.MethodNotAllowed(allow=["GET", "GET"]).headers["Allow"] == "GET"

    @pytest.mark.parametrize("bad", [["GET, POST"], ["GE T"], [""], ["GET\r\nX: y"]])
    def test_not_a_token(self, bad):
        with pytest.raises(ValueError, match="method"):
            exc.MethodNotAllowed(allow=bad)

    @pytest.mark.parametrize("bad", [1, [1], b"GET", None])
    def test_wrong_type(self, bad):
        with pytest.raises(TypeError):
            exc.MethodNotAllowed(allow=bad)


class TestChallenges:
    def test_one(self):
        error = exc.Unauthorized(www_authenticate="Basic realm=x")
        assert error.headers["WWW-Authenticate"] == "Basic realm=x"

    def test_several(self):
        error = exc.Unauthorized(www_authenticate=['Bearer realm="api"', "Basic realm=x"])
        assert error.headers["WWW-Authenticate"] == 'Bearer realm="api", Basic realm=x'

    def test_proxy(self):
        error = exc.ProxyAuthenticationRequired(proxy_authenticate="Basic realm=proxy")
        assert error.headers["Proxy-Authenticate"] == "Basic realm=proxy"
        assert "WWW-Authenticate" not in error.headers

    @pytest.mark.parametrize("bad", [[], "", " Basic", "Basic\r\nSet-Cookie: a=b", "=x"])
    def test_bad(self, bad):
        with pytest.raises(ValueError):
            exc.Unauthorized(www_authenticate=bad)


class TestRange:
    def test_content_range(self):
        assert exc.RangeNotSatisfiable(length=1234).headers["Content-Range"] == "bytes */1234"

    def test_zero_and_unit(self):
        error = exc.RangeNotSatisfiable(length=0, unit="items")
        assert error.headers["Content-Range"] == "items */0"

    @pytest.mark.parametrize("bad", [-1, "10", 1.5, True])
    def test_bad_length(self, bad):
        with pytest.raises((ValueError, TypeError)):
            exc.RangeNotSatisfiable(length=bad)

    def test_bad_unit(self):
        with pytest.raises(ValueError, match="unit"):
            exc.RangeNotSatisfiable(length=1, unit="by tes")


class TestUpgrade:
    def test_upgrade_and_connection(self):
        headers = exc.UpgradeRequired(upgrade=["HTTP/2", "websocket"]).headers
        assert headers["Upgrade"] == "HTTP/2, websocket"
        assert headers["Connection"] == "upgrade"

    @pytest.mark.parametrize("bad", [[], "HTTP/2/3", "a b"])
    def test_bad(self, bad):
        with pytest.raises(ValueError):
            exc.UpgradeRequired(upgrade=bad)


class TestLocation:
    @pytest.mark.parametrize(
        "url", ["/next/", "next/", "?page=2", "http://testserver/x", "https://localhost:8443/y"]
    )
    def test_this_site_and_allowed_hosts(self, url):
        assert exc.Found(location=url).headers["Location"] == url

    def test_iri_is_encoded(self):
        assert (
            exc.Found(location="/статьи/").headers["Location"]
            == "/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D0%B8/"
        )

    @pytest.mark.parametrize(
        "url",
        ["//evil.example/", "https://evil.example/", "http://testserver.evil.example/",
         "https://testserver@evil.example/", "javascript:alert(1)", "/\\evil.example",
         "ftp://testserver/", "https:evil.example", "/a b", "/a\r\nSet-Cookie: x", ""],
    )  # fmt: skip
    def test_refused(self, url):
        with pytest.raises(ValueError):
            exc.Found(location=url)

    def test_deliberate_external_redirect(self):
        error = exc.SeeOther(location="https://example.org/", allow_external=True)
        assert error.headers["Location"] == "https://example.org/"

    def test_external_still_refuses_unsafe_schemes(self):
        with pytest.raises(ValueError, match="javascript"):
            exc.SeeOther(location="javascript:alert(1)", allow_external=True)

    def test_allowed_host_patterns(self, settings):
        settings.ALLOWED_HOSTS = [".example.com"]
        assert exc.Found(location="https://api.example.com/").headers["Location"]
        settings.ALLOWED_HOSTS = ["*"]
        with pytest.raises(ValueError):
            exc.Found(location="https://anything.example/")


class TestRetryAfter:
    def test_seconds(self):
        assert exc.ServiceUnavailable(retry_after=120).headers["Retry-After"] == "120"

    def test_zero_is_sent(self):
        assert exc.TooManyRequests(retry_after=0).headers["Retry-After"] == "0"

    def test_timedelta_rounded_up(self):
        error = exc.ContentTooLarge(retry_after=timedelta(seconds=1, milliseconds=1))
        assert error.headers["Retry-After"] == "2"

    def test_aware_datetime(self):
        when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
        error = exc.ServiceUnavailable(retry_after=when)
        assert error.headers["Retry-After"] == "Wed, 02 Jan 2030 03:04:05 GMT"

    def test_other_time_zone_is_converted(self):
        when = datetime(2030, 1, 2, 6, 4, 5, tzinfo=timezone(timedelta(hours=3)))
        error = exc.ServiceUnavailable(retry_after=when)
        assert error.headers["Retry-After"] == "Wed, 02 Jan 2030 03:04:05 GMT"

    def test_on_redirects(self):
        error = exc.MovedPermanently(location="/x/", retry_after=10)
        assert error.headers["Retry-After"] == "10"

    @pytest.mark.parametrize(
        "bad", [-1, True, False, timedelta(seconds=-1), datetime(2030, 1, 1), "10", 1.5]
    )
    def test_bad(self, bad):
        with pytest.raises((ValueError, TypeError)):
            exc.ServiceUnavailable(retry_after=bad)


class TestBlockedBy:
    def test_link(self):
        error = exc.UnavailableForLegalReasons(blocked_by="https://authority.example/")
        assert error.headers["Link"] == '<https://authority.example/>; rel="blocked-by"'

    def test_optional(self):
        assert "Link" not in exc.UnavailableForLegalReasons().headers

    def test_merged_with_a_link_given_in_headers(self):
        error = exc.UnavailableForLegalReasons(
            blocked_by="https://a.example/", headers={"Link": '</terms>; rel="terms-of-service"'}
        )
        assert error.headers["Link"] == (
            '</terms>; rel="terms-of-service", <https://a.example/>; rel="blocked-by"'
        )

    @pytest.mark.parametrize("bad", ["https://a.example/>; rel=x", "a\nb", ""])
    def test_bad(self, bad):
        with pytest.raises(ValueError):
            exc.UnavailableForLegalReasons(blocked_by=bad)


class TestExtraHeaders:
    def test_passed_through(self):
        error = exc.BadRequest(headers={"X-Request-Id": "abc", "Link": "</terms>; rel=terms"})
        assert error.headers == {"X-Request-Id": "abc", "Link": "</terms>; rel=terms"}

    @pytest.mark.parametrize(
        "name",
        ["Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "TE", "Trailer",
         "Upgrade", "content-length"],
    )  # fmt: skip
    def test_framing_and_hop_by_hop_refused(self, name):
        with pytest.raises(ValueError, match="framing"):
            exc.BadRequest(headers={name: "x"})

    @pytest.mark.parametrize(("name", "keyword"), [("Allow", "allow"), ("Location", "location"),
                                                  ("Retry-After", "retry_after")])  # fmt: skip
    def test_owned_by_a_keyword(self, name, keyword):
        with pytest.raises(ValueError, match=f"{keyword}="):
            exc.BadRequest(headers={name: "x"})

    @pytest.mark.parametrize(
        ("name", "value"),
        [("X-A", "a\rb"), ("X-A", "a\nb"), ("X-A", "a\x00b"), ("X A", "v"), ("X-A\n", "v"),
         ("", "v"), ("X-A", " padded"), ("X-A", "snowman ☃")],
    )  # fmt: skip
    def test_bad_names_and_values(self, name, value):
        with pytest.raises(ValueError):
            exc.BadRequest(headers={name: value})

    def test_bad_types(self):
        with pytest.raises(TypeError):
            exc.BadRequest(headers={"X-A": 1})
        with pytest.raises(TypeError):
            exc.BadRequest(headers=[("X-A", "b")])


def test_detail():
    assert exc.NotFound("Нет такой статьи").detail == "Нет такой статьи"
    assert str(exc.NotFound("gone")) == "gone"
    with pytest.raises(TypeError):
        exc.NotFound(42)


def test_default_detail_is_a_class_attribute():
    from django.utils.translation import gettext_lazy as _

    class OutOfStock(exc.Conflict):
        default_detail = _("Out of stock.")

    assert str(OutOfStock().detail) == "Out of stock."
    assert OutOfStock("Sold").detail == "Sold"


class TestAbort:
    def test_known_status(self):
        with pytest.raises(exc.MethodNotAllowed) as excinfo:
            exc.abort(405, "Read only", allow=["GET"])
        assert excinfo.value.headers["Allow"] == "GET"
        assert excinfo.value.detail == "Read only"

    def test_code_without_a_class(self):
        with pytest.raises(exc.HttpError) as excinfo:
            exc.abort(599)
        assert type(excinfo.value) is exc.HttpError
        assert excinfo.value.status_code == 599

    def test_redirect(self):
        with pytest.raises(exc.SeeOther):
            exc.abort(303, location="/done/")

    def test_304_is_left_to_the_conditional_decorators(self):
        with pytest.raises(ValueError, match="conditional"):
            exc.abort(304)

    def test_required_arguments_still_apply(self):
        with pytest.raises(TypeError, match="'allow'"):
            exc.abort(405)

    @pytest.mark.parametrize("bad", [200, 299, 600, 99, True, "404", 404.0])
    def test_bad_status(self, bad):
        with pytest.raises(ValueError, match="300 to 599"):
            exc.abort(bad)

    def test_status_is_only_for_the_base_class(self):
        with pytest.raises(TypeError, match="'status'"):
            exc.NotFound(status=410)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="fixed status"):
            exc.HttpError.__init__(exc.NotFound(), status=410)

    def test_repr(self):
        assert repr(exc.HttpError(status=599)) == "HttpError(status=599, detail=None)"


class TestExtensions:
    def test_members_are_kept(self):
        error = exc.Conflict(extensions={"sku": "A-1", "available": 0})
        assert error.extensions == {"sku": "A-1", "available": 0}
        assert exc.NotFound().extensions == {}

    @pytest.mark.parametrize("name", ["type", "title", "status", "detail", "instance"])
    def test_a_standard_member_cannot_be_replaced(self, name):
        with pytest.raises(ValueError, match="standard member"):
            exc.Conflict(extensions={name: "x"})

    @pytest.mark.parametrize("name", ["", "ab", "1st", "with-dash", "ünï", 5])
    def test_names_follow_rfc_9457(self, name):
        with pytest.raises(ValueError, match="RFC 9457"):
            exc.Conflict(extensions={name: "x"})

    @pytest.mark.parametrize("value", [object(), float("nan"), {1j}, b"bytes"])
    def test_values_must_be_json(self, value):
        with pytest.raises(ValueError, match="not JSON"):
            exc.Conflict(extensions={"value": value})

    def test_not_a_mapping(self):
        with pytest.raises(TypeError, match="mapping"):
            exc.Conflict(extensions=[("sku", 1)])  # type: ignore[arg-type]

    def test_every_class_takes_them(self):
        assert exc.MethodNotAllowed(allow="GET", extensions={"why": 1}).extensions == {"why": 1}
        assert exc.abort.__doc__
        with pytest.raises(exc.HttpError) as excinfo:
            exc.abort(429, retry_after=5, extensions={"quota": 10})
        assert excinfo.value.extensions == {"quota": 10}
