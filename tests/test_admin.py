"""The admin: the change list, the change form with one text per language, restoring the shipped
texts, permissions, and the same pages in Russian.

The tests named ``..._in_russian`` read the app's own Russian strings from its ``.po``.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

from statuscodes import dataset
from statuscodes.models import DataVersion, StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/statuscodes/statuscode/"
ADD = "/admin/statuscodes/statuscode/add/"
RU = {"accept-language": "ru"}


def change_url(code):
    return f"/admin/statuscodes/statuscode/{StatusCode.objects.get(code=code).pk}/change/"


def listed(response):
    """The codes of the change list's rows, in their order."""
    return [obj.code for obj in response.context["cl"].result_list]


def cell(html, code, column):
    """The text of one cell of the change list's row for ``code``."""
    row = re.search(rf"<tr>(?:(?!</tr>).)*?>{code}</a></th>(.*?)</tr>", html, re.S)
    assert row, f"no row for {code}"
    found = re.search(rf'<td class="field-{column}">(.*?)</td>', row.group(1), re.S)
    assert found, f"no {column} column"
    return found.group(1).strip()


def change_form_data(code, *, extra=()):
    """What the change form posts for ``code`` unchanged, plus ``extra`` new texts."""
    data = {
        "code": code.code,
        "phrase": code.phrase,
        "status": code.status,
        "origin": code.origin,
        "reference_document": code.reference_document,
        "reference_section": code.reference_section,
        "reference_url": code.reference_url,
        "former_phrases": "\n".join(code.former_phrases),  # one phrase per line
    }
    texts = list(code.translations.order_by("language")) if code.pk else []
    prefix = "translations"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(len(texts) + len(extra)),
            f"{prefix}-INITIAL_FORMS": str(len(texts)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    )
    for i, text in enumerate(texts):
        data.update(
            {
                f"{prefix}-{i}-id": str(text.pk),
                f"{prefix}-{i}-status_code": str(code.pk),
                f"{prefix}-{i}-language": text.language,
                f"{prefix}-{i}-title": text.title,
                f"{prefix}-{i}-description": text.description,
            }
        )
    for i, (language, title, description) in enumerate(extra, start=len(texts)):
        data.update(
            {
                f"{prefix}-{i}-id": "",
                f"{prefix}-{i}-status_code": str(code.pk or ""),
                f"{prefix}-{i}-language": language,
                f"{prefix}-{i}-title": title,
                f"{prefix}-{i}-description": description,
            }
        )
    return data


def form_index(data, language):
    return next(
        int(key.split("-")[1])
        for key, value in data.items()
        if key.endswith("-language") and value == language
    )


def non_form_errors(response):
    return [str(e) for e in response.context["inline_admin_formsets"][0].formset.non_form_errors()]


@pytest.fixture
def staff_client(client, django_user_model):
    """``staff_client("view_statuscode", ...)``: a logged-in staff member with those permissions."""

    def make(*codenames):
        user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
        user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        client.force_login(user)
        return client

    return make


def new_code(code, phrase="Custom", **texts):
    obj = StatusCode.objects.create(code=code, phrase=phrase)
    for language, title in texts.items():
        StatusCodeTranslation.objects.create(status_code=obj, language=language, title=title)
    return obj


def version():
    return DataVersion.objects.get(pk=1).version


# The change list


def test_changelist_columns_in_english(admin_client):
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    assert cell(html, 404, "code_class") == "4xx"
    assert cell(html, 404, "title") == "Not Found"
    assert cell(html, 404, "status") == "standard"
    assert cell(html, 404, "languages") == "en, ru"
    assert cell(html, 404, "missing") == "-"
    assert cell(html, 444, "status") == "unofficial"


def test_changelist_titles_follow_the_admin_users_language_with_fallback(admin_client):
    new_code(299, en="Only English")
    html = admin_client.get(CHANGELIST, headers=RU).content.decode()
    assert cell(html, 404, "title") == "Не найдено"
    assert cell(html, 404, "status") == "стандартный"
    assert cell(html, 299, "title") == "Only English"
    assert cell(html, 299, "languages") == "en"
    assert cell(html, 299, "missing") == "ru"


def test_changelist_is_ordered_by_code(admin_client):
    new_code(150)
    codes = listed(admin_client.get(CHANGELIST))
    assert codes == sorted(codes)
    assert codes[:6] == [100, 101, 102, 103, 104, 150]


def fill_up_to(count):
    """Leave exactly ``count`` codes, each with an English and a Russian text."""
    codes = list(StatusCode.objects.values_list("code", flat=True))
    if len(codes) > count:
        StatusCode.objects.filter(code__in=codes[count:]).delete()
    free = (c for c in range(100, 600) if c not in codes)
    for _ in range(count - len(codes)):
        new_code(next(free), en="Custom", ru="Своё")
    assert StatusCode.objects.count() == count


@pytest.mark.parametrize("count", [20, 100])
def test_changelist_query_count_does_not_grow_with_the_codes(
    admin_client, django_assert_num_queries, count
):
    fill_up_to(count)
    # Session, user, two counts, the codes, and their texts in one prefetch query.
    with django_assert_num_queries(6):
        response = admin_client.get(CHANGELIST, headers=RU)
    assert len(listed(response)) == count


def test_filter_by_class(admin_client):
    codes = listed(admin_client.get(CHANGELIST, {"class": "4xx"}))
    assert codes == sorted(c for c in dataset.shipped_codes() if 400 <= c <= 499)
    assert listed(admin_client.get(CHANGELIST, {"class": "1xx"})) == [100, 101, 102, 103, 104]


def test_class_filter_offers_the_five_classes(admin_client):
    html = admin_client.get(CHANGELIST).content.decode()
    for digit in range(1, 6):
        assert f'href="?class={digit}xx"' in html


def test_filter_by_status(admin_client):
    codes = listed(admin_client.get(CHANGELIST, {"status__exact": "unused"}))
    assert codes == [306, 418]


def test_filter_by_missing_translation(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code__in=[404, 410], language="ru").delete()
    new_code(299, ru="Только по-русски")
    assert listed(admin_client.get(CHANGELIST, {"missing": "ru"})) == [404, 410]
    assert listed(admin_client.get(CHANGELIST, {"missing": "en"})) == [299]


def test_missing_translation_filter_has_one_option_per_configured_language(admin_client):
    html = admin_client.get(CHANGELIST).content.decode()
    assert 'href="?missing=en">English</a>' in html
    assert 'href="?missing=ru">Russian</a>' in html
    with override_settings(LANGUAGES=[("en", "English"), ("ru", "Russian"), ("uk", "Ukrainian")]):
        html = admin_client.get(CHANGELIST).content.decode()
    assert 'href="?missing=uk">Ukrainian</a>' in html


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("404", [404]),  # a code, not the descriptions that mention it
        ("404 410", [404, 410]),
        ("Legal Reasons", [451]),  # the phrase and the English title
        (
            '"Не найдено"',
            [404],
        ),  # a Russian title, as a phrase (words alone also find 302 «Найдено»)
        ('"не найдено"', [404]),  # in another case: SQLite folds ASCII only
        ('"НЕ НАЙДЕНО"', [404]),
        ("Удалено", [410]),
        ("намеренно удалённого", [410]),  # a Russian description
        ("ended promotions", [410]),  # an English description
        ("ENDED PROMOTIONS", [410]),
    ],
)
def test_search(admin_client, term, expected):
    assert listed(admin_client.get(CHANGELIST, {"q": term})) == expected


def test_search_by_a_number_is_a_code_prefix_and_lists_each_code_once(admin_client):
    # The rule of the pages and the API (statuscodes.search); the admin matched "40" exactly.
    assert listed(admin_client.get(CHANGELIST, {"q": "40"})) == list(range(400, 410))
    assert "403" in StatusCode.objects.get(code=404).text("en").description
    assert 404 not in listed(admin_client.get(CHANGELIST, {"q": "403"}))  # codes, not mentions
    codes = listed(admin_client.get(CHANGELIST, {"q": "Found"}))  # phrases, titles, descriptions
    assert len(codes) == len(set(codes))
    assert {302, 404} <= set(codes)
    assert "RFC 9110" in StatusCode.objects.get(code=404).text("en").description
    assert 404 in listed(admin_client.get(CHANGELIST, {"q": "RFC 9110"}))


def test_search_says_its_rule(admin_client):
    html = admin_client.get(CHANGELIST).content.decode()
    assert "A code or its first digits (404, 40; several: 404 410)" in html
    html = admin_client.get(CHANGELIST, headers=RU).content.decode()
    assert "Код или его первые цифры (404, 40; несколько: 404 410)" in html


@pytest.mark.parametrize("count", [20, 100])
def test_search_query_count_does_not_grow_with_the_codes(
    admin_client, django_assert_num_queries, count
):
    fill_up_to(count)
    admin_client.get(CHANGELIST, {"q": "xx"})  # reads the catalogue
    # The list's six, and the data version: the codes are matched in the cached catalogue.
    with django_assert_num_queries(7):
        response = admin_client.get(CHANGELIST, {"q": "XX"}, headers=RU)  # every class: "4xx"
    assert len(listed(response)) == count


def test_search_combines_with_a_filter(admin_client):
    assert listed(admin_client.get(CHANGELIST, {"q": "Не найдено", "class": "4xx"})) == [404]
    assert listed(admin_client.get(CHANGELIST, {"q": "Не найдено", "class": "5xx"})) == []


def test_changelist_in_russian(admin_client):
    html = admin_client.get(CHANGELIST, headers=RU).content.decode()
    assert 'href="?missing=ru">Русский</a>' in html
    assert "нет перевода на язык" in html
    assert "<span>Языки</span>" in html
    assert "<span>Нет перевода</span>" in html
    assert "Восстановить поставляемые тексты" in html


# The change form


def inline_formset(response):
    return response.context["inline_admin_formsets"][0].formset


def test_change_form_has_one_form_per_language(admin_client):
    formset = inline_formset(admin_client.get(change_url(404)))
    assert [f.instance.language for f in formset.initial_forms] == ["en", "ru"]
    assert formset.extra_forms == []


def test_missing_languages_come_as_empty_forms_with_the_language_selected(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
    response = admin_client.get(change_url(404), headers=RU)
    formset = inline_formset(response)
    assert [f.instance.language for f in formset.initial_forms] == ["en"]
    assert [f.initial for f in formset.extra_forms] == [{"language": "ru"}]
    html = response.content.decode()
    assert re.search(r'name="translations-1-language".*?<option value="ru" selected>', html, re.S)
    assert 'name="translations-1-title" class="vTextField" maxlength="200"' in html  # empty


def test_add_form_offers_every_configured_language(admin_client):
    formset = inline_formset(admin_client.get(ADD))
    assert [f.initial for f in formset.extra_forms] == [{"language": "en"}, {"language": "ru"}]


def test_language_is_chosen_from_the_settings(admin_client):
    with override_settings(LANGUAGES=[("en", "English"), ("ru", "Russian"), ("uk", "Ukrainian")]):
        response = admin_client.get(change_url(404))
    field = inline_formset(response).forms[0].fields["language"]
    assert field.choices == [
        ("", "---------"),
        ("en", "English"),
        ("ru", "Russian"),
        ("uk", "Ukrainian"),
    ]
    html = admin_client.get(change_url(404), headers=RU).content.decode()
    assert '<option value="ru" selected>Русский</option>' in html
    assert '<option value="en">Английский</option>' in html


def test_a_language_outside_the_settings_is_a_form_error(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    index = form_index(data, "ru")
    data[f"translations-{index}-language"] = "de"
    response = admin_client.post(change_url(404), data)
    assert response.status_code == 200
    assert "language" in inline_formset(response).errors[index]


def test_an_empty_extra_form_saves_nothing(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
    code = StatusCode.objects.get(code=404)
    response = admin_client.post(change_url(404), change_form_data(code, extra=[("ru", "", "")]))
    assert response.status_code == 302
    assert list(code.translations.values_list("language", flat=True)) == ["en"]


def test_filling_an_extra_form_adds_an_edited_text(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code, extra=[("ru", "Нет такой страницы", "")])
    before = version()
    assert admin_client.post(change_url(404), data).status_code == 302
    ru = code.translations.get(language="ru")
    assert (ru.title, ru.edited) == ("Нет такой страницы", True)
    assert version() != before


def test_a_duplicate_language_is_a_form_error_not_a_database_error(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-language"] = "en"
    response = admin_client.post(change_url(404), data)
    assert response.status_code == 200
    assert non_form_errors(response) == [
        "There is more than one text in English: keep one per language."
    ]
    assert code.translations.get(language="ru").title == "Не найдено"


def test_a_duplicate_new_language_is_a_form_error(admin_client):
    code = StatusCode.objects.get(code=404)
    response = admin_client.post(
        change_url(404), change_form_data(code, extra=[("ru", "Второй", "")])
    )
    assert response.status_code == 200
    assert non_form_errors(response) == [
        "There is more than one text in Russian: keep one per language."
    ]
    assert code.translations.count() == 2


def test_deleting_the_default_languages_text_is_a_form_error(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'en')}-DELETE"] = "on"
    response = admin_client.post(change_url(404), data)
    assert response.status_code == 200
    assert non_form_errors(response) == [
        "A text in English is required: it is the site's default language (settings.LANGUAGE_CODE)."
    ]
    assert code.translations.filter(language="en").exists()


def test_deleting_another_languages_text_is_allowed(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-DELETE"] = "on"
    assert admin_client.post(change_url(404), data).status_code == 302
    assert list(code.translations.values_list("language", flat=True)) == ["en"]


def test_a_new_code_needs_a_text_in_the_default_language(admin_client):
    data = change_form_data(StatusCode(code=299, phrase="Custom"), extra=[("ru", "Своё", "")])
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert len(non_form_errors(response)) == 1
    assert not StatusCode.objects.filter(code=299).exists()


def test_adding_a_code_with_its_texts(admin_client):
    data = change_form_data(
        StatusCode(code=299, phrase="Custom"), extra=[("en", "Custom", "Ours."), ("ru", "", "")]
    )
    assert admin_client.post(ADD, data).status_code == 302
    code = StatusCode.objects.get(code=299)
    assert code.text("ru").title == "Custom"  # falls back; the empty Russian form was skipped
    assert list(code.translations.values_list("language", flat=True)) == ["en"]


@override_settings(LANGUAGE_CODE="ru")
def test_the_required_language_follows_language_code(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'en')}-DELETE"] = "on"
    assert admin_client.post(change_url(404), data).status_code == 302
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-DELETE"] = "on"
    response = admin_client.post(change_url(404), data, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "A text in Russian is required" in non_form_errors(response)[0]


@override_settings(LANGUAGE_CODE="en-us")
def test_a_regional_language_code_is_satisfied_by_its_generic_text(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'en')}-DELETE"] = "on"
    response = admin_client.post(change_url(404), data)
    assert "A text in English is required" in non_form_errors(response)[0]
    with override_settings(LANGUAGE_CODE="de"):  # not configured: nothing can be required
        data = change_form_data(code)
        data[f"translations-{form_index(data, 'en')}-DELETE"] = "on"
        assert admin_client.post(change_url(404), data).status_code == 302


@pytest.mark.parametrize(
    ("value", "english", "russian"),
    [
        (
            99,
            "Ensure this value is greater than or equal to 100.",
            "Убедитесь, что это значение больше либо равно 100.",
        ),
        (
            600,
            "Ensure this value is less than or equal to 599.",
            "Убедитесь, что это значение меньше либо равно 599.",
        ),
    ],
)
def test_a_code_out_of_range_is_a_form_error(admin_client, value, english, russian):
    data = change_form_data(StatusCode(code=value, phrase="Custom"), extra=[("en", "Custom", "")])
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["code"] == [english]
    response = admin_client.post(ADD, data, headers=RU)
    assert response.context["adminform"].form.errors["code"] == [russian]
    assert russian in response.content.decode()
    assert not StatusCode.objects.filter(code=value).exists()


def test_a_duplicate_code_is_a_form_error(admin_client):
    data = change_form_data(StatusCode(code=404, phrase="Again"), extra=[("en", "Again", "")])
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["code"]
    assert errors == ["A status code with this number already exists."]
    assert StatusCode.objects.filter(code=404).count() == 1


def test_changing_a_code_to_an_existing_one_is_a_form_error(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["code"] = 404
    response = admin_client.post(change_url(418), data)
    assert response.status_code == 200
    assert "code" in response.context["adminform"].form.errors


def test_a_duplicate_code_is_a_form_error_in_russian(admin_client):
    data = change_form_data(StatusCode(code=404, phrase="Again"), extra=[("en", "Again", "")])
    response = admin_client.post(ADD, data, headers=RU)
    assert response.context["adminform"].form.errors["code"] == [
        "Код состояния с таким номером уже существует."
    ]


def test_text_form_errors_in_russian(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-language"] = "en"
    response = admin_client.post(change_url(404), data, headers=RU)
    assert non_form_errors(response) == [
        "Текстов на языке «Английский» больше одного: оставьте по одному на каждый язык."
    ]
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'en')}-DELETE"] = "on"
    response = admin_client.post(change_url(404), data, headers=RU)
    assert non_form_errors(response) == [
        "Нужен текст на языке «Английский»: это язык сайта по умолчанию (settings.LANGUAGE_CODE)."
    ]


def test_editing_a_text_in_the_admin_marks_only_that_text_as_edited(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-description"] = "Новое описание из админки."
    before = version()
    response = admin_client.post(change_url(404), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    ru = StatusCodeTranslation.objects.get(status_code=code, language="ru")
    en = StatusCodeTranslation.objects.get(status_code=code, language="en")
    assert (ru.description, ru.edited) == ("Новое описание из админки.", True)
    assert not en.edited
    code.refresh_from_db()
    assert not code.edited
    assert version() != before


def test_editing_metadata_in_the_admin_marks_the_code_as_edited(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["phrase"] = "I'm a teapot"
    response = admin_client.post(change_url(418), data)
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.phrase, code.edited) == ("I'm a teapot", True)


# The shipped dataset


def shipped_cells(response):
    html = response.content.decode().split('id="translations-empty"')[0]  # not the JS template
    return re.findall(
        r'<div class="form-row field-shipped_text">.*?<div class="readonly">(.*?)</div>', html, re.S
    )


def test_the_form_says_when_a_text_is_the_shipped_one(admin_client):
    assert shipped_cells(admin_client.get(change_url(404))) == ["Same as the shipped text."] * 2


def test_the_form_shows_the_shipped_text_where_it_differs(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(
        description="Наш текст.", edited=True
    )
    en, ru = shipped_cells(admin_client.get(change_url(404)))
    assert en == "Same as the shipped text."
    shipped = dataset.shipped_texts("ru")[404]["description"]
    assert ru.startswith('<strong class="statuscodes-differs">Differs from the shipped text.')
    assert f"<em>The shipped description:</em> {shipped}" in ru
    assert "The shipped title:" not in ru


def test_the_form_says_when_nothing_is_shipped(admin_client):
    new_code(299, en="Custom")
    cells = shipped_cells(admin_client.get(change_url(299)))
    assert cells == ["No text in this language is shipped.", "-"]  # the empty Russian form


def test_the_shipped_text_indicator_in_russian(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(title="Нет")
    html = admin_client.get(change_url(404), headers=RU).content.decode()
    assert "Сравнение с поставляемым текстом:" in html
    assert "Совпадает с поставляемым текстом." in html
    assert "Отличается от поставляемого текста." in html
    assert "<em>Поставляемое название:</em> Не найдено" in html


def restore(client, *codes, **headers):
    pks = StatusCode.objects.filter(code__in=codes).values_list("pk", flat=True)
    return client.post(
        CHANGELIST,
        {"action": "restore_shipped_texts", "_selected_action": [str(pk) for pk in pks]},
        headers=headers,
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_restore_action_puts_the_shipped_texts_back(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(
        description="Наш текст.", edited=True
    )
    StatusCodeTranslation.objects.filter(status_code__code=410, language="ru").delete()
    StatusCodeTranslation.objects.filter(status_code__code=418, language="en").update(
        title="Ours", edited=True
    )
    before = version()
    response = restore(admin_client, 404, 410)
    assert messages_of(response) == ["Restored 2 shipped texts."]
    ru_404 = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
    assert ru_404.description == dataset.shipped_texts("ru")[404]["description"]
    assert not ru_404.edited
    assert StatusCode.objects.get(code=410).text("ru").title == "Удалено"
    untouched = StatusCodeTranslation.objects.get(status_code__code=418, language="en")
    assert (untouched.title, untouched.edited) == ("Ours", True)
    assert version() != before


def test_restore_clears_the_mark_of_a_text_typed_back_to_the_shipped_one(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="en").update(edited=True)
    assert messages_of(restore(admin_client, 404)) == ["Restored 1 shipped text."]
    assert not StatusCodeTranslation.objects.get(status_code__code=404, language="en").edited


def test_restore_leaves_metadata_and_unshipped_codes_alone(admin_client):
    StatusCode.objects.filter(code=418).update(phrase="I'm a teapot", edited=True)
    new_code(299, en="Custom")
    before = version()
    response = restore(admin_client, 418, 299)
    assert messages_of(response) == ["The selected status codes already have the shipped texts."]
    assert StatusCode.objects.get(code=418).phrase == "I'm a teapot"
    assert StatusCode.objects.get(code=299).text("en").title == "Custom"
    assert version() == before


def test_restore_messages_in_russian(admin_client):
    StatusCodeTranslation.objects.filter(status_code__code__in=[404, 410]).update(title="Т")
    assert messages_of(restore(admin_client, 404, **RU)) == ["Восстановлено 2 поставляемых текста."]
    assert messages_of(restore(admin_client, 410, 404, **RU)) == [
        "Восстановлено 2 поставляемых текста."
    ]
    assert messages_of(restore(admin_client, 404, **RU)) == [
        "У выбранных кодов состояния уже стоят поставляемые тексты."
    ]


# Permissions

VIEW = ["view_statuscode", "view_statuscodetranslation"]
CHANGE = [
    *VIEW,
    "change_statuscode",
    "add_statuscodetranslation",
    "change_statuscodetranslation",
    "delete_statuscodetranslation",
]


def test_staff_without_permissions_gets_403(staff_client):
    client = staff_client()
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(404)).status_code == 403
    assert client.get(ADD).status_code == 403
    code = StatusCode.objects.get(code=404)
    assert client.post(change_url(404), change_form_data(code)).status_code == 403


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_view_permission_gives_read_only_pages(staff_client):
    client = staff_client(*VIEW)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not Found" in html
    assert "restore_shipped_texts" not in html
    assert ADD not in html
    response = client.get(change_url(404))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="phrase"' not in html
    assert 'name="translations-0-title"' not in html
    assert 'name="_save"' not in html
    assert "Not Found" in html
    assert "Не найдено" in html
    assert inline_formset(response).extra_forms == []


def test_view_permission_cannot_save_or_restore(staff_client):
    client = staff_client(*VIEW)
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-title"] = "Взлом"
    assert client.post(change_url(404), data).status_code == 403
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(title="Наш")
    restore(client, 404)
    assert code.text("ru").title == "Наш"
    assert client.post(ADD, data).status_code == 403


def test_change_permissions_allow_editing_and_restoring(staff_client):
    client = staff_client(*CHANGE)
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-title"] = "Нет такой"
    assert client.post(change_url(404), data).status_code == 302
    assert code.text("ru").title == "Нет такой"
    assert messages_of(restore(client, 404))[-1] == "Restored 1 shipped text."
    assert code.text("ru").title == "Не найдено"


def test_texts_stay_read_only_without_their_permissions(staff_client):
    client = staff_client("view_statuscode", "change_statuscode", "view_statuscodetranslation")
    response = client.get(change_url(404))
    html = response.content.decode()
    assert 'name="phrase"' in html
    assert 'name="translations-0-title"' not in html
    assert "restore_shipped_texts" not in client.get(CHANGELIST).content.decode()
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data["origin"] = "IETF"
    data[f"translations-{form_index(data, 'ru')}-title"] = "Взлом"
    assert client.post(change_url(404), data).status_code == 302
    code.refresh_from_db()
    assert code.origin == "IETF"
    assert code.text("ru").title == "Не найдено"
