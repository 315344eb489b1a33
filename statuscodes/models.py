"""Status codes and their texts, one row per (code, language)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from statuscodes.languages import fallback_chain, normalize_language, validate_language
from statuscodes.validators import validate_phrases, validate_text, validate_title

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_CODE",
    "MIN_CODE",
    "DataVersion",
    "Deletion",
    "DeletionQuerySet",
    "LocalizedText",
    "ProblemType",
    "ProblemTypeQuerySet",
    "ProblemTypeTranslation",
    "ProblemTypeTranslationManager",
    "StatusCode",
    "StatusCodeQuerySet",
    "StatusCodeTranslation",
    "StatusCodeTranslationManager",
    "TranslatedText",
    "bump_version",
    "forget_deletion",
    "new_version",
    "record_deletion",
    "resolve_text",
]

MIN_CODE = 100
MAX_CODE = 599


@dataclass(frozen=True)
class LocalizedText:
    """A title and a description, each with the language it was actually served in."""

    title: str
    title_language: str | None
    description: str
    description_language: str | None

    @property
    def language(self) -> str | None:
        """The language of the title: the one to announce in ``Content-Language``."""
        return self.title_language


def resolve_text(translations: Iterable[TranslatedText], language: str | None) -> LocalizedText:
    """Pick each field along the fallback chain, then from any non-empty text that exists."""
    by_language = {t.language: (t.title, t.description) for t in translations}
    chain = fallback_chain(language)
    order = [*chain, *sorted(tag for tag in by_language if tag not in chain)]
    title, title_language = _pick(by_language, order, 0)
    description, description_language = _pick(by_language, order, 1)
    return LocalizedText(title, title_language, description, description_language)


def _pick(
    by_language: dict[str, tuple[str, str]], order: list[str], index: int
) -> tuple[str, str | None]:
    for tag in order:
        texts = by_language.get(tag)
        if texts is not None and texts[index]:
            return texts[index], tag
    return "", None


class StatusCodeQuerySet(models.QuerySet["StatusCode"]):
    def get_by_natural_key(self, code: int) -> StatusCode:
        return self.get(code=code)

    def with_translations(self) -> StatusCodeQuerySet:
        """Fetch every language's texts in one extra query, whatever the number of codes."""
        return self.prefetch_related(
            Prefetch("translations", queryset=StatusCodeTranslation.objects.order_by("language"))
        )

    def of_class(self, digit: int) -> StatusCodeQuerySet:
        """Codes of one class: ``of_class(4)`` gives 400 to 499."""
        return self.filter(code__gte=digit * 100, code__lte=digit * 100 + 99)


class StatusCode(models.Model):
    """One HTTP status code and its registry metadata."""

    class Status(models.TextChoices):
        STANDARD = "standard", _("standard")
        TEMPORARY = "temporary", _("temporary")
        UNUSED = "unused", _("unused")
        OBSOLETED = "obsoleted", _("obsoleted")
        UNOFFICIAL = "unofficial", _("unofficial")

    code = models.PositiveSmallIntegerField(
        _("code"),
        unique=True,
        validators=[MinValueValidator(MIN_CODE), MaxValueValidator(MAX_CODE)],
        help_text=_("A three-digit number from 100 to 599."),
    )
    phrase = models.CharField(
        _("reason phrase"),
        max_length=100,
        validators=[validate_text],
        help_text=_("The canonical English reason phrase of the IANA registry."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.STANDARD
    )
    origin = models.CharField(
        _("origin"),
        max_length=100,
        blank=True,
        validators=[validate_text],
        help_text=_("Who uses an unofficial code, e.g. nginx or Cloudflare."),
    )
    reference_document = models.CharField(
        _("reference document"),
        max_length=100,
        blank=True,
        validators=[validate_text],
        help_text=_("For example RFC 9110."),
    )
    reference_section = models.CharField(
        _("reference section"),
        max_length=100,
        blank=True,
        validators=[validate_text],
        help_text=_("For example 15.5.6."),
    )
    reference_url = models.URLField(
        _("reference URL"), max_length=300, blank=True, validators=[validate_text]
    )
    former_phrases = models.JSONField(
        _("former reason phrases"),
        default=list,
        blank=True,
        validators=[validate_phrases],
        help_text=_("Phrases earlier specifications used for this code."),
    )
    edited = models.BooleanField(
        _("edited by a person"),
        default=False,
        help_text=_("Edited metadata is left alone by the dataset sync unless it is forced."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = StatusCodeQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("status code")
        verbose_name_plural = _("status codes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__gte=MIN_CODE, code__lte=MAX_CODE),
                name="statuscodes_code_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.phrase}"

    def clean(self) -> None:
        # blank=True makes clean_fields() skip None along with [], but the column refuses None.
        if self.former_phrases is None:
            try:
                validate_phrases(self.former_phrases)
            except ValidationError as error:
                raise ValidationError({"former_phrases": error}) from None

    def natural_key(self) -> tuple[int]:
        return (self.code,)

    @property
    def code_class(self) -> str:
        """The class of the code, such as ``"4xx"``."""
        return f"{self.code // 100}xx"

    @property
    def reference(self) -> str:
        """The defining document and section, e.g. ``RFC 9110 §15.5.6``."""
        if self.reference_section and self.reference_document:
            return f"{self.reference_document} §{self.reference_section}"
        return self.reference_document

    def text(self, language: str | None) -> LocalizedText:
        """Title and description in ``language``, following the documented fallback chain.

        Uses prefetched translations when :meth:`StatusCodeQuerySet.with_translations` loaded them.
        """
        return resolve_text(self.translations.all(), language)


class StatusCodeTranslationManager(models.Manager["StatusCodeTranslation"]):
    def get_by_natural_key(self, language: str, code: int) -> StatusCodeTranslation:
        return self.get(language=normalize_language(language), status_code__code=code)


class TranslatedText(models.Model):
    """What every text row holds: a language, a title, a description, and whether a person
    edited it (the dataset sync and the problem types' registration keep edited texts)."""

    # No ``choices``: a host that changes LANGUAGES must never get a pending migration.
    language = models.CharField(
        _("language"),
        max_length=15,
        validators=[validate_language],
        help_text=_("A language of settings.LANGUAGES, such as en or ru."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        validators=[validate_title],
        # validate_title's code is "blank", which Django answers with the field's message of that
        # code: give both "" and white space the validator's words.
        error_messages={"blank": _("A title must not be blank.")},
    )
    description = models.TextField(_("description"), blank=True, validators=[validate_text])
    edited = models.BooleanField(
        _("edited by a person"),
        default=False,
        help_text=_("Edited texts are left alone by the dataset sync unless it is forced."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.language = normalize_language(self.language)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.language = normalize_language(self.language)


class StatusCodeTranslation(TranslatedText):
    """The title and description of a status code in one language."""

    status_code = models.ForeignKey(
        StatusCode,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("status code"),
    )

    objects: ClassVar[StatusCodeTranslationManager] = StatusCodeTranslationManager()

    class Meta:
        ordering = ["status_code__code", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["status_code", "language"], name="statuscodes_one_text_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status_code.code} [{self.language}] {self.title}"

    def natural_key(self) -> tuple[Any, ...]:
        return (self.language, *self.status_code.natural_key())

    natural_key.dependencies = ["statuscodes.statuscode"]  # type: ignore[attr-defined]


class DeletionQuerySet(models.QuerySet["Deletion"]):
    def get_by_natural_key(self, code: int, language: str | None) -> Deletion:
        return self.get(code=code, language=language)


class Deletion(models.Model):
    """A code (``language`` empty) or a text that an editor deleted: the dataset sync keeps it
    deleted unless it is forced.
    """

    # Numbers, not foreign keys: the deleted rows are gone.
    code = models.PositiveSmallIntegerField(_("code"))
    # NULL, not "", for the whole code: no language tag can be mistaken for it.
    language = models.CharField(  # noqa: DJ001
        _("language"),
        max_length=15,
        null=True,
        blank=True,
        help_text=_("Empty when the whole status code was deleted."),
    )
    deleted = models.DateTimeField(_("deleted"), default=now)

    objects = DeletionQuerySet.as_manager()

    class Meta:
        ordering = ["code", "language"]
        verbose_name = _("deletion")
        verbose_name_plural = _("deletions")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "language"], name="statuscodes_one_deletion_per_text"
            ),
            # NULLs are distinct in a unique index: the whole code needs its own.
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(language__isnull=True),
                name="statuscodes_one_deletion_per_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}" if self.language is None else f"{self.code} [{self.language}]"

    def natural_key(self) -> tuple[int, str | None]:
        return (self.code, self.language)


def record_deletion(code: int, language: str | None = None, *, using: str | None = None) -> None:
    """Remember that a person deleted ``code`` (``language=None``) or its text in ``language``.

    Call it wherever an editor deletes: the admin does, and so must the API.
    """
    manager = Deletion.objects.db_manager(using)
    if language is None:
        # The code's texts went with it: one record stands for them all.
        manager.filter(code=code).exclude(language=None).delete()
    else:
        language = normalize_language(language)
    manager.update_or_create(code=code, language=language, defaults={"deleted": now()})


def forget_deletion(code: int, language: str | None = None, *, using: str | None = None) -> None:
    """A person created ``code`` (or its text in ``language``) again: the sync may update it."""
    if language is not None:
        language = normalize_language(language)
    Deletion.objects.db_manager(using).filter(code=code, language=language).delete()


class ProblemTypeQuerySet(models.QuerySet["ProblemType"]):
    def get_by_natural_key(self, slug: str) -> ProblemType:
        return self.get(slug=slug)

    def with_translations(self) -> ProblemTypeQuerySet:
        return self.prefetch_related(
            Prefetch("translations", queryset=ProblemTypeTranslation.objects.order_by("language"))
        )


class ProblemType(models.Model):
    """A problem type of the host's own (RFC 9457 §3.1.1), declared in code by ``type_slug``.

    ``register_problem_types`` creates the row and its texts from the class; editors change the
    texts here, and the registration never overwrites what they edited.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the type's address, as in out-of-stock."),
    )
    status = models.PositiveSmallIntegerField(
        _("status code"),
        validators=[MinValueValidator(300), MaxValueValidator(MAX_CODE)],
        help_text=_("The HTTP status its responses carry."),
    )
    exception = models.CharField(
        _("exception"),
        max_length=300,
        blank=True,
        help_text=_("The class that raises it, as it is imported."),
    )
    edited = models.BooleanField(
        _("edited by a person"),
        default=False,
        help_text=_("Edited texts are left alone when the types are registered again."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProblemTypeQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("problem type")
        verbose_name_plural = _("problem types")

    def __str__(self) -> str:
        return self.slug

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def text(self, language: str | None) -> LocalizedText:
        return resolve_text(self.translations.all(), language)


class ProblemTypeTranslationManager(models.Manager["ProblemTypeTranslation"]):
    def get_by_natural_key(self, language: str, slug: str) -> ProblemTypeTranslation:
        return self.get(language=normalize_language(language), problem_type__slug=slug)


class ProblemTypeTranslation(TranslatedText):
    """The title and description of a problem type in one language."""

    problem_type = models.ForeignKey(
        ProblemType,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("problem type"),
    )
    edited = models.BooleanField(
        _("edited by a person"),
        default=False,
        help_text=_("Edited texts are left alone when the types are registered again."),
    )

    objects: ClassVar[ProblemTypeTranslationManager] = ProblemTypeTranslationManager()

    class Meta:
        ordering = ["problem_type__slug", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["problem_type", "language"],
                name="statuscodes_one_problem_text_per_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.problem_type.slug} [{self.language}] {self.title}"

    def natural_key(self) -> tuple[Any, ...]:
        return (self.language, *self.problem_type.natural_key())

    natural_key.dependencies = ["statuscodes.problemtype"]  # type: ignore[attr-defined]


class DataVersion(models.Model):
    """A token that changes with every change to the codes or their texts (one row).

    Every process compares it with the version its cached catalogue was read at, so an edit made
    in one worker is seen by all of them on their next request; it also feeds the ETags. It is
    random rather than a counter so that restoring an old row (``loaddata``) can never bring
    back a value some process has cached for other data.
    """

    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return str(self.version)


def new_version() -> int:
    return secrets.randbits(62) + 1


def bump_version(model: type[models.Model], using: str | None = None) -> None:
    """Give the data a new version, creating its row on first use.

    Takes the model so that migrations can pass their historical one.
    """
    manager: Any = model._default_manager.db_manager(using)
    if not manager.filter(pk=1).update(version=new_version(), changed=now()):
        manager.update_or_create(pk=1, defaults={"version": new_version()})
