"""Fail unless the wheel holds exactly the app, with its data, migrations and compiled messages."""

from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

REQUIRED = [
    "statuscodes/py.typed",
    "statuscodes/migrations/0001_initial.py",
    "statuscodes/migrations/0002_load_dataset.py",
    "statuscodes/data/codes.json",
    "statuscodes/data/texts/en.json",
    "statuscodes/data/texts/ru.json",
    "statuscodes/locale/ru/LC_MESSAGES/django.po",
    "statuscodes/locale/ru/LC_MESSAGES/django.mo",
    "statuscodes/management/commands/sync_statuscodes.py",
    "statuscodes/pytest_plugin.py",
]
#: The entry points a host's pytest finds the strict-mode plugin by.
ENTRY_POINTS = {"pytest11": {"statuscodes": "statuscodes.pytest_plugin"}}


def main(path: str) -> int:
    names = zipfile.ZipFile(path).namelist()
    problems = [f"missing {name}" for name in REQUIRED if name not in names]
    # Every file of the app's source tree (templates, static files, data...) must be in the wheel.
    repo = Path(__file__).resolve().parent.parent
    for source in (repo / "statuscodes").rglob("*"):
        relative = source.relative_to(repo).as_posix()
        if source.is_file() and "__pycache__" not in relative and relative not in names:
            problems.append(f"not packaged: {relative}")
    stray = [n for n in names if not n.startswith(("statuscodes/", "django_statuscodes-"))]
    problems += [f"does not belong in the wheel: {n}" for n in stray]
    problems += _entry_point_problems(zipfile.ZipFile(path), names)
    for problem in problems:
        print(problem)
    print(f"{Path(path).name}: {len(names)} files, {len(problems)} problems")
    return 1 if problems else 0


def _entry_point_problems(wheel: zipfile.ZipFile, names: list[str]) -> list[str]:
    found = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser()
    parser.optionxform = str  # entry point names are case-sensitive
    for name in found:
        parser.read_string(wheel.read(name).decode())
    return [
        f"no entry point {group}: {name} = {value}"
        for group, points in ENTRY_POINTS.items()
        for name, value in points.items()
        if not parser.has_section(group) or parser[group].get(name) != value
    ]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
