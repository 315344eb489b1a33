"""The admin: status codes with one inline form per configured language."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import QuerySet
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from statuscodes import dataset
from statuscodes.catalog import declared_text, get_catalog
from statuscodes.exceptions import problem_types
from statuscodes.forms import PhrasesField
from statuscodes.languages import configured_languages, generic_language, normalize_language
from statuscodes.models import (
    ProblemType,
    ProblemTypeTranslation,
    StatusCode,
    StatusCodeTranslation,
    forget_deletion,
    record_deletion,
)
from statuscodes.problem_types import register_problem_types
from statuscodes.search import matches, normalize_search

__all__ = [
    "CodeClassFilter",
    "MissingTranslationFilter",
    "ProblemTextInline",
    "ProblemTypeAdmin",
    "StatusCodeAdmin",
    "TranslationFormSet",
    "TranslationInline",
    "language_names",
    "missing_languages",
]


def language_names() -> dict[str, str]:
    """The configured languages, each with its name in the active language."""
    names: dict[str, str] = {}
    for code, name in settings.LANGUAGES:
        # Django's own catalogue translates the usual names ("Russian" -> "Русский").
        names.setdefault(normalize_language(code), gettext(str(name)))
    return names


def missing_languages(present: set[str]) -> list[str]:
    """The configured languages, in their configured order, without a text among ``present``."""
    return [tag for tag in configured_languages() if tag not in present]


class TranslationFormSet(forms.BaseInlineFormSet):  # type: ignore[type-arg]
    """Offers the missing languages as pre-selected empty forms; checks the set of languages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        present = {text.language for text in self.get_queryset()}
        self.initial_extra = [{"language": tag} for tag in missing_languages(present)]

    def clean(self) -> None:
        languages = []
        for form in self.forms:
            if self.can_delete and getattr(form, "cleaned_data", {}).get(DELETION_FIELD_NAME):
                continue
            # As it would be saved; empty extra forms are skipped and keep an empty language.
            if form.instance.language:
                languages.append(form.instance.language)
        names = language_names()
        errors = [
            ValidationError(
                _("There is more than one text in %(language)s: keep one per language."),
                code="duplicate_language",
                params={"language": names.get(tag, tag)},
            )
            for tag, count in Counter(languages).items()
            if count > 1
        ]
        required = self.required_language()
        if required is not None and required not in languages:
            errors.append(
                ValidationError(
                    _(
                        "A text in %(language)s is required: it is the site's default "
                        "language (settings.LANGUAGE_CODE)."
                    ),
                    code="default_language_missing",
                    params={"language": names.get(required, required)},
                )
            )
        if errors:
            raise ValidationError(errors)
        super().clean()  # Django's own unique checks

    @staticmethod
    def required_language() -> str | None:
        """The configured language that ``LANGUAGE_CODE`` falls back to, if there is one."""
        configured = configured_languages()
        default = normalize_language(settings.LANGUAGE_CODE)
        for tag in (default, generic_language(default)):
            if tag in configured:
                return tag
        return None


class _LanguageInline(admin.StackedInline):  # type: ignore[type-arg]
    """One form per configured language, the language chosen from the settings."""

    formset = TranslationFormSet
    extra = 0

    def formfield_for_dbfield(
        self, db_field: models.Field[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name != "language":
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        # Chosen from the settings at request time, never from model choices (no migrations).
        return forms.ChoiceField(
            choices=[("", "---------"), *language_names().items()],
            label=capfirst(db_field.verbose_name),
            help_text=db_field.help_text,
        )

    def get_extra(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        present = {text.language for text in obj.translations.all()} if obj else set()
        return len(missing_languages(present))

    def get_max_num(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        return len(configured_languages())


class TranslationInline(_LanguageInline):
    model = StatusCodeTranslation
    fields = ["language", "title", "description", "shipped_text", "edited"]
    readonly_fields = ["shipped_text", "edited"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatusCodeTranslation]:
        # shipped_text() reads the code of each text.
        return super().get_queryset(request).select_related("status_code")

    @admin.display(description=_("compared with the shipped text"))
    def shipped_text(self, obj: StatusCodeTranslation) -> SafeString:
        if obj.pk is None:
            return self.get_empty_value_display()
        shipped = dataset.shipped_texts(obj.language).get(obj.status_code.code)
        if shipped is None:
            return format_html("{}", _("No text in this language is shipped."))
        labels = {"title": _("The shipped title:"), "description": _("The shipped description:")}
        differing = [f for f in dataset.TEXT_FIELDS if getattr(obj, f) != shipped[f]]
        if not differing:
            return format_html("{}", _("Same as the shipped text."))
        return format_html(
            '<strong class="statuscodes-differs">{}</strong>{}',
            _("Differs from the shipped text."),
            format_html_join(
                "", "<br><em>{}</em> {}", ((labels[f], shipped[f]) for f in differing)
            ),
        )


class CodeClassFilter(admin.SimpleListFilter):
    title = _("class")
    parameter_name = "class"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(f"{digit}xx", f"{digit}xx") for digit in range(1, 6)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value not in {f"{digit}xx" for digit in range(1, 6)}:
            return queryset
        low = int(value[0]) * 100
        return queryset.filter(code__gte=low, code__lte=low + 99)


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(language_names().items())

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value not in configured_languages():
            return queryset
        return queryset.exclude(translations__language=value)


@admin.register(StatusCode)
class StatusCodeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "code_class", "title", "status", "languages", "missing"]
    list_filter = [CodeClassFilter, "status", MissingTranslationFilter]
    # Shows the search box (and serves autocomplete_fields); get_search_results does the search.
    search_fields = ["code", "phrase", "translations__title", "translations__description"]
    search_help_text = _(
        "A code or its first digits (404, 40; several: 404 410), a class (4xx), or a phrase from "
        "a code's reason phrases, titles or descriptions in any language. Case and ё/е do not "
        "matter."
    )
    ordering = ["code"]
    readonly_fields = ["edited", "created", "updated"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [TranslationInline]
    actions = ["restore_shipped_texts"]

    def formfield_for_dbfield(
        self, db_field: models.Field[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name != "former_phrases":
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        # Editors type phrases, not JSON: a raw JSON textarea took any value, even 5 or null.
        return PhrasesField(
            label=capfirst(db_field.verbose_name),
            help_text=format_lazy("{} {}", db_field.help_text, _("One phrase per line.")),
            required=False,
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatusCode]:
        # Every row's texts in one query, whatever the number of rows.
        return StatusCode.objects.with_translations()

    def get_form(
        self,
        request: HttpRequest,
        obj: StatusCode | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[StatusCode]]:
        # Django's default ("Status code with this Code already exists.") reads badly translated.
        kwargs.setdefault(
            "error_messages",
            {"code": {"unique": _("A status code with this number already exists.")}},
        )
        return super().get_form(request, obj, change, **kwargs)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[StatusCode], search_term: str
    ) -> tuple[QuerySet[StatusCode], bool]:
        """The codes :mod:`statuscodes.search` finds in any language, as the pages and API do."""
        if not normalize_search(search_term):
            return queryset, False
        # Matched in the cached catalogue, not with LIKE: every database folds case the same.
        entries = get_catalog().entries.values()
        codes = [e.code.code for e in entries if matches(e, search_term, language=None)]
        return queryset.filter(code__in=codes), False

    @admin.display(description=_("class"), ordering="code")
    def code_class(self, obj: StatusCode) -> str:
        return obj.code_class

    @admin.display(description=_("title"))
    def title(self, obj: StatusCode) -> str | None:
        return obj.text(get_language()).title or None

    @admin.display(description=_("languages"))
    def languages(self, obj: StatusCode) -> str | None:
        present = {text.language for text in obj.translations.all()}
        return ", ".join(tag for tag in configured_languages() if tag in present) or None

    @admin.display(description=_("missing languages"))
    def missing(self, obj: StatusCode) -> str | None:
        present = {text.language for text in obj.translations.all()}
        return ", ".join(missing_languages(present)) or None

    def save_model(
        self, request: HttpRequest, obj: StatusCode, form: forms.ModelForm[Any], change: bool
    ) -> None:
        # Recorded as an edit so that the dataset sync keeps it: a code typed in as new, too.
        if not change or form.has_changed():
            obj.edited = True
        super().save_model(request, obj, form, change)
        if change and "code" in form.changed_data:
            # Renumbered: for the sync, the old number was deleted.
            record_deletion(form.initial["code"])
        forget_deletion(obj.code)

    def delete_model(self, request: HttpRequest, obj: StatusCode) -> None:
        record_deletion(obj.code)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[StatusCode]) -> None:
        for code in queryset.values_list("code", flat=True):
            record_deletion(code)
        super().delete_queryset(request, queryset)

    def save_formset(
        self,
        request: HttpRequest,
        form: forms.ModelForm[Any],
        formset: forms.BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        moved = []
        for inline_form in formset.forms:
            if inline_form.has_changed():
                inline_form.instance.edited = True
            if inline_form.instance.pk is not None and "language" in inline_form.changed_data:
                moved.append(inline_form.initial["language"])  # its old language lost its text
        super().save_formset(request, form, formset, change)
        code = form.instance.code
        for language in moved:
            record_deletion(code, language)
        for text in formset.deleted_objects:
            record_deletion(code, text.language)
        for text in formset.new_objects:
            forget_deletion(code, text.language)

    @admin.action(description=_("Restore the shipped texts"), permissions=["restore"])
    def restore_shipped_texts(self, request: HttpRequest, queryset: QuerySet[StatusCode]) -> None:
        codes = list(queryset.values_list("code", flat=True))
        with transaction.atomic(using=router.db_for_write(StatusCodeTranslation)):
            # The rule of the sync command, which also moves the data version.
            report = dataset.restore(StatusCode, StatusCodeTranslation, codes=codes)
        restored = report.count("add") + report.count("update")
        if not restored:
            self.message_user(
                request, _("The selected status codes already have the shipped texts.")
            )
            return
        message = ngettext(
            "Restored %(count)d shipped text.", "Restored %(count)d shipped texts.", restored
        )
        self.message_user(request, message % {"count": restored}, messages.SUCCESS)

    def has_restore_permission(self, request: HttpRequest) -> bool:
        """Restoring changes and may add texts: it takes the permissions for both."""
        opts = StatusCodeTranslation._meta
        needed = [f"{opts.app_label}.{get_permission_codename(a, opts)}" for a in ("add", "change")]
        return self.has_change_permission(request) and request.user.has_perms(needed)


class ProblemTextInline(_LanguageInline):
    """The texts of a problem type, one form per configured language, as for status codes."""

    model = ProblemTypeTranslation
    fields = ["language", "title", "description", "declared_text", "edited"]
    readonly_fields = ["declared_text", "edited"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProblemTypeTranslation]:
        return super().get_queryset(request).select_related("problem_type")

    @admin.display(description=_("compared with the text in code"))
    def declared_text(self, obj: ProblemTypeTranslation) -> SafeString:
        cls = problem_types().get(obj.problem_type.slug)
        if obj.pk is None or cls is None:
            return self.get_empty_value_display()
        declared = declared_text(cls, obj.language)
        if (obj.title, obj.description) == (declared.title, declared.description):
            return format_html("{}", _("Same as the text in code."))
        return format_html(
            '<strong class="statuscodes-differs">{}</strong><br><em>{}</em> {}<br><em>{}</em> {}',
            _("Differs from the text in code."),
            _("Title in code:"),
            declared.title,
            _("Description in code:"),
            declared.description,
        )


@admin.register(ProblemType)
class ProblemTypeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The host's problem types: their texts are edited here, the rest comes from the code."""

    list_display = ["slug", "title", "status", "exception", "languages", "missing"]
    list_filter = ["status", MissingTranslationFilter]
    search_fields = ["slug", "translations__title", "translations__description"]
    ordering = ["slug"]
    readonly_fields = ["slug", "status", "exception", "edited", "created", "updated"]
    inlines = [ProblemTextInline]
    actions = ["restore_declared_texts"]
    languages = StatusCodeAdmin.languages
    missing = StatusCodeAdmin.missing

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProblemType]:
        return ProblemType.objects.with_translations()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a type is declared in code, where the raise line lives

    @admin.display(description=_("title"))
    def title(self, obj: ProblemType) -> str | None:
        return obj.text(get_language()).title or None

    def save_formset(
        self,
        request: HttpRequest,
        form: forms.ModelForm[Any],
        formset: forms.BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        for inline_form in formset.forms:
            if inline_form.has_changed():
                inline_form.instance.edited = True
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("Restore the texts in code"), permissions=["change"])
    def restore_declared_texts(self, request: HttpRequest, queryset: QuerySet[ProblemType]) -> None:
        slugs = list(queryset.values_list("slug", flat=True))
        report = register_problem_types(slugs=slugs, restore=True)
        restored = len(report.added) + len(report.updated)
        if not restored:
            self.message_user(
                request, _("The selected problem types already have the texts in code.")
            )
            return
        message = ngettext("Restored %(count)d text.", "Restored %(count)d texts.", restored)
        self.message_user(request, message % {"count": restored}, messages.SUCCESS)
