"""Property-based: no constructor input yields a header with CR or LF, or an Allow or Retry-After
value outside the RFC grammar."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from statuscodes import exceptions as exc

TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
ALLOW = re.compile(rf"({TOKEN}(, {TOKEN})*)?")  # RFC 9110 §10.2.1: #method
RETRY_AFTER = re.compile(  # RFC 9110 §10.2.3: HTTP-date / delay-seconds
    r"\d+|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{4} \d{2}:\d{2}:\d{2} GMT"
)
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
HEADER_TEXT = st.one_of(ANY_TEXT, st.sampled_from(["GET", "a\r\nb", "\n", "x\x00", "é", " a"]))

KEYWORDS = {
    401: "www_authenticate", 407: "proxy_authenticate", 405: "allow", 426: "upgrade",
    302: "location", 451: "blocked_by",
}  # fmt: skip


def construct(factory):
    try:
        return factory()
    except (ValueError, TypeError):
        return None


def assert_clean(error):
    for name, value in error.headers.items():
        for forbidden in ("\r", "\n", "\x00"):
            assert forbidden not in name
            assert forbidden not in value


@settings(max_examples=300)
@given(
    code=st.sampled_from(sorted(KEYWORDS)),
    value=st.one_of(HEADER_TEXT, st.lists(HEADER_TEXT, max_size=4)),
    extra=st.dictionaries(HEADER_TEXT, HEADER_TEXT, max_size=3),
)
def test_no_constructor_input_produces_cr_or_lf(code, value, extra):
    error = construct(lambda: exc.exception_class(code)(**{KEYWORDS[code]: value}, headers=extra))
    if error is not None:
        assert_clean(error)


@settings(max_examples=300)
@given(methods=st.one_of(HEADER_TEXT, st.lists(HEADER_TEXT, max_size=6)))
def test_allow_is_always_a_list_of_tokens(methods):
    error = construct(lambda: exc.MethodNotAllowed(allow=methods))
    if error is not None:
        assert ALLOW.fullmatch(error.headers["Allow"])
        assert_clean(error)
    if isinstance(methods, str) and error is not None:
        assert error.headers["Allow"] == methods  # one string is one method, never letters


@settings(max_examples=300)
@given(
    value=st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.timedeltas(min_value=timedelta(days=-10), max_value=timedelta(days=10**5)),
        st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(9999, 1, 1)),
        st.datetimes(
            min_value=datetime(1970, 1, 2), max_value=datetime(9998, 1, 1), timezones=st.just(UTC)
        ),
        st.booleans(),
        st.floats(),
        ANY_TEXT,
    )
)
def test_retry_after_is_always_seconds_or_an_http_date(value):
    error = construct(lambda: exc.ServiceUnavailable(retry_after=value))
    if error is not None:
        assert RETRY_AFTER.fullmatch(error.headers["Retry-After"])
