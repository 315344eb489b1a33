"""Reading every code costs a constant number of queries."""

from __future__ import annotations

import pytest
from django.test import override_settings

from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db


def read_all(language):
    return [(c.code, c.text(language).title) for c in StatusCode.objects.with_translations()]


def read_every_language():
    return [
        {t.language: t.title for t in c.translations.all()}
        for c in StatusCode.objects.with_translations()
    ]


def add_codes_and_a_language(count):
    codes = StatusCode.objects.bulk_create(
        StatusCode(code=560 + i, phrase=f"Custom {i}") for i in range(count)
    )
    StatusCodeTranslation.objects.bulk_create(
        StatusCodeTranslation(status_code=c, language=lang, title=f"{lang} {c.code}")
        for c in codes
        for lang in ("en", "ru", "uk")
    )


@pytest.mark.parametrize("language", ["en", "ru", "de"])
def test_one_language_costs_two_queries_whatever_the_size(django_assert_num_queries, language):
    with django_assert_num_queries(2):
        small = read_all(language)
    with override_settings(LANGUAGES=[("en", "E"), ("ru", "R"), ("uk", "U")]):
        add_codes_and_a_language(20)
        with django_assert_num_queries(2):
            large = read_all(language)
    assert len(large) == len(small) + 20


def test_every_language_costs_two_queries_whatever_the_size(django_assert_num_queries):
    with django_assert_num_queries(2):
        small = read_every_language()
    add_codes_and_a_language(20)
    with django_assert_num_queries(2):
        large = read_every_language()
    assert len(large) == len(small) + 20
    assert set(large[-1]) == {"en", "ru", "uk"}
