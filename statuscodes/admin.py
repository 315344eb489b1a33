"""The admin: status codes with one inline form per language."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from statuscodes.models import StatusCode, StatusCodeTranslation


class TranslationInline(admin.StackedInline):  # type: ignore[type-arg]
    model = StatusCodeTranslation
    extra = 0
    fields = ["language", "title", "description", "edited"]
    readonly_fields = ["edited"]


@admin.register(StatusCode)
class StatusCodeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "phrase", "code_class", "status", "origin"]
    list_filter = ["status"]
    search_fields = ["=code", "phrase", "translations__title", "translations__description"]
    ordering = ["code"]
    readonly_fields = ["edited", "created", "updated"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [TranslationInline]

    @admin.display(description=_("class"), ordering="code")
    def code_class(self, obj: StatusCode) -> str:
        return obj.code_class

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatusCode]:
        return super().get_queryset(request).distinct()

    def save_model(
        self, request: HttpRequest, obj: StatusCode, form: ModelForm[Any], change: bool
    ) -> None:
        # Recorded as an edit so that the dataset sync keeps it.
        if change and form.has_changed():
            obj.edited = True
        super().save_model(request, obj, form, change)

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm[Any],
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        for inline_form in formset.forms:
            if inline_form.has_changed():
                inline_form.instance.edited = True
        super().save_formset(request, form, formset, change)
