"""The API's JSON parser: a bad body is a 400 or a 413 problem, never a server error."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from statuscodes.exceptions import ContentTooLarge

__all__ = ["BoundedJSONParser"]


class BoundedJSONParser(JSONParser):
    """JSON within ``DATA_UPLOAD_MAX_MEMORY_SIZE`` and Python's nesting limit.

    DRF reads the request as a stream, which Django's upload limit does not cover.
    """

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and stream is not None:
            content = stream.read(limit + 1)
            if len(content) > limit:
                raise ContentTooLarge(
                    _("The request body is larger than %(limit)d bytes.") % {"limit": limit}
                )
            stream = io.BytesIO(content)
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None
