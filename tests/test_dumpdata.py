"""dumpdata and loaddata round-trip the data losslessly with natural keys."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIELDS = ["code", "phrase", "status", "origin", "reference_document", "reference_section",
          "reference_url", "former_phrases", "edited"]  # fmt: skip


def snapshot():
    codes = list(StatusCode.objects.order_by("code").values(*FIELDS))
    texts = list(
        StatusCodeTranslation.objects.order_by("status_code__code", "language").values_list(
            "status_code__code", "language", "title", "description", "edited"
        )
    )
    return codes, texts


def test_round_trip(tmp_path):
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(
        description="Правка «с кавычками» и\nпереводом строки", edited=True
    )
    before = snapshot()
    fixture = tmp_path / "statuscodes.json"
    out = StringIO()
    call_command(
        "dumpdata",
        "statuscodes",
        "--natural-foreign",
        "--natural-primary",
        "--indent=1",
        stdout=out,
    )
    fixture.write_text(out.getvalue(), encoding="utf-8")
    rows = json.loads(out.getvalue())
    assert all("pk" not in row for row in rows if row["model"] != "statuscodes.dataversion")
    assert {"status_code": [404], "language": "ru"}.items() <= next(
        r["fields"]
        for r in rows
        if r["model"] == "statuscodes.statuscodetranslation"
        and r["fields"]["status_code"] == [404]
        and r["fields"]["language"] == "ru"
    ).items()

    StatusCode.objects.all().delete()
    assert not StatusCodeTranslation.objects.exists()
    call_command("loaddata", str(fixture), verbosity=0)
    assert snapshot() == before

    # Loading again updates the same rows by natural key instead of duplicating them.
    call_command("loaddata", str(fixture), verbosity=0)
    assert snapshot() == before


def test_loading_a_fixture_moves_the_data_version(tmp_path):
    from statuscodes.catalog import data_version

    out = StringIO()
    call_command("dumpdata", "statuscodes", "--natural-foreign", "--natural-primary", stdout=out)
    fixture = tmp_path / "all.json"
    fixture.write_text(out.getvalue(), encoding="utf-8")
    dumped = data_version()
    call_command("loaddata", str(fixture), verbosity=0)
    assert data_version() not in {dumped, 0}
