"""What a user would write by hand: a DRF ModelViewSet with a nested translations serializer."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from statuscodes.models import StatusCode, StatusCodeTranslation


class TranslationSerializer(serializers.ModelSerializer[StatusCodeTranslation]):
    class Meta:
        model = StatusCodeTranslation
        fields = ["language", "title", "description"]


class StatusCodeSerializer(serializers.ModelSerializer[StatusCode]):
    translations = TranslationSerializer(many=True, read_only=True)

    class Meta:
        model = StatusCode
        fields = [
            "code", "phrase", "status", "origin", "reference_document", "reference_section",
            "reference_url", "former_phrases", "translations",
        ]  # fmt: skip


class StatusCodeViewSet(viewsets.ReadOnlyModelViewSet[StatusCode]):
    serializer_class = StatusCodeSerializer
    lookup_field = "code"
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    def get_queryset(self) -> QuerySet[StatusCode]:
        texts = StatusCodeTranslation.objects.all()
        lang = self.request.query_params.get("lang", "all")
        if lang != "all":
            texts = texts.filter(language=lang)
        return StatusCode.objects.prefetch_related(Prefetch("translations", queryset=texts))
