"""Matching a search text against status codes: one rule for the pages, the API and the admin.

The rule, wherever a code is searched:

1. The query and every text it is compared with are folded alike (:func:`normalize_search`):
   case-folded as Unicode's canonical caseless matching does (``NOT FOUND`` is ``not found``,
   ``УДАЛЁН`` is ``удалён``, a decomposed ``ё`` is ``ё``), ``ё`` read as ``е``, runs of white
   space as one space, and without quotes around the whole query (``"not found"`` is
   ``not found``). An empty query matches every code.
2. A query of ASCII numbers, ``404`` or ``40`` or ``404 410``, matches the codes that start with
   any of them: ``4`` is every 4xx code, ``4040`` none. Digits of other scripts (``٤٠٤``,
   ``²²²``) are no number, only text.
3. Any other query is one phrase: it matches a code when it appears in one of the code's texts,
   each read on its own (a phrase never runs from one text into the next): the status line
   (``404 Not Found``), the class (``4xx``), each former phrase, and the title and description of
   the languages searched. Those are the texts the reader sees: on the pages, the page language's
   text (with its fallback); in the API, the requested language's, or every language's for
   ``lang=all``; in the admin, every language's.

The pages and the API read the cached catalogue; so does the admin, which then filters its
queryset by the codes found, so every database finds exactly the same codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from statuscodes.catalog import Entry, ProblemEntry

__all__ = ["SEARCH_MAX_LENGTH", "matches", "matches_problem", "normalize_search"]

#: The longest search text the pages and the API accept.
SEARCH_MAX_LENGTH = 100

_NUMBERS = re.compile(r"[0-9]+(?: [0-9]+)*")
_QUOTES = ('"', "'")


def normalize_search(text: str) -> str:
    """A query as it is compared: folded like every text, and without quotes around it all.

    Dropping the quotes reads a phrase quoted out of habit (the admin's ``"not found"``) as the
    phrase. Normalising a normalised query changes nothing.
    """
    result = _fold(text)
    while len(result) >= 2 and result[0] == result[-1] and result[0] in _QUOTES:
        result = result[1:-1].strip()
    return result


def _fold(text: str) -> str:
    """Case-folded, with ``ё`` as ``е`` and runs of white space as one space."""
    # Unicode's canonical caseless form (decomposed, then folded), composed again for "ё".
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).casefold())
    # str.split() splits at exactly the white space that re's \s matches, and faster.
    return " ".join(folded.replace("ё", "е").split())


def matches(entry: Entry, query: str, *, language: str | None) -> bool:
    """Whether ``entry`` matches ``query`` by the module's rule.

    ``language`` is the language whose texts are searched, resolved with its fallback as
    ``entry.text()`` resolves it; ``None`` searches the texts of every translation.
    """
    needle = normalize_search(query)
    if not needle:
        return True
    if _NUMBERS.fullmatch(needle):
        code = str(entry.code.code)
        return any(code.startswith(number) for number in needle.split(" "))
    return _in_any(needle, _texts(entry, language))


def matches_problem(entry: ProblemEntry, query: str, *, language: str | None) -> bool:
    """Whether the problem type ``entry`` matches ``query``: the phrase rule, over its slug and
    the title and description of the languages searched (every translation for ``None``)."""
    needle = normalize_search(query)
    return not needle or _in_any(needle, _problem_texts(entry, language))


def _in_any(needle: str, texts: Iterable[str]) -> bool:
    """Whether the folded ``needle`` appears in one of ``texts``, each read on its own."""
    return any(needle in _fold(text) for text in texts)


def _problem_texts(entry: ProblemEntry, language: str | None) -> Iterator[str]:
    yield entry.problem_type.slug
    texts = entry.translations if language is None else (entry.text(language),)
    for text in texts:
        yield text.title
        yield text.description


def _texts(entry: Entry, language: str | None) -> Iterator[str]:
    """What a phrase is looked for in, most telling first (the search stops at a match)."""
    status = entry.code
    yield f"{status.code} {status.phrase}"
    yield f"{status.code // 100}xx"
    former = status.former_phrases
    # A JSON field: a value stored past validation may hold anything; only phrases count.
    if isinstance(former, list):
        yield from (phrase for phrase in former if isinstance(phrase, str))
    if language is None:
        for translation in entry.translations:
            yield translation.title
            yield translation.description
    else:
        text = entry.text(language)
        yield text.title
        yield text.description
