"""The API's JSON parser: a bad body is a 400 problem, never a server error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

__all__ = ["BoundedJSONParser"]


class BoundedJSONParser(JSONParser):
    """JSON within Python's nesting limit; deeper is a parse error, not a RecursionError.

    (Size needs nothing here: DRF reads the body through ``request.body``, which enforces
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``, and the exception handler answers that with a 413.)
    """

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None
