"""The package's house rules, checked on its source."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import statuscodes

PACKAGE = Path(statuscodes.__file__).parent
MODULES = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if "migrations" not in path.parts and path.name != "__init__.py"
)
MAX_FUNCTION_LINES = 50


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_function_is_longer_than_fifty_lines(path):
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree(path))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def _defined_public_names(module: ast.Module) -> set[str]:
    names = set()
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return {name for name in names if not name.startswith("_") and name != "logger"}


WITH_ALL = [path for path in MODULES if "__all__" in path.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", WITH_ALL, ids=module_name)
def test_all_names_exactly_the_public_api(path):
    module = importlib.import_module(module_name(path))
    exported = set(module.__all__)
    assert all(hasattr(module, name) for name in exported), exported - set(dir(module))
    # Every public function, class and constant defined here is exported, and nothing else
    # defined here is (names imported for re-export are allowed).
    defined = _defined_public_names(tree(path))
    assert defined <= exported, sorted(defined - exported)
    assert module.__all__ == sorted(module.__all__, key=lambda n: (not n.isupper(), n))


def test_every_library_module_declares_its_api():
    # Entry points that Django finds by convention need none: apps, admin, urls, commands.
    conventional = {"apps.py", "admin.py", "urls.py", "checks.py", "signals.py"}
    missing = [
        module_name(path)
        for path in MODULES
        if path not in WITH_ALL and path.name not in conventional and "management" not in path.parts
    ]
    assert missing == []


def test_no_private_django_api():
    private = re.compile(
        r"from (django|rest_framework)[\w.]*\._\w+|import (django|rest_framework)[\w.]*\._|trans_real|from (django|rest_framework)[\w.]* import _[a-z]"
    )
    found = [
        f"{module_name(path)}: {line.strip()}"
        for path in MODULES
        for line in path.read_text(encoding="utf-8").splitlines()
        if private.search(line)
    ]
    assert found == []


def test_one_int_but_not_bool_helper():
    pattern = re.compile(
        r"isinstance\([^)]*\bint\b[^)]*\).*isinstance\([^)]*\bbool\b|isinstance\([^)]*\bbool\b[^)]*\).*isinstance\([^)]*\bint\b"
    )
    found = [
        f"{module_name(path)}:{number}"
        for path in MODULES
        if path.name != "validators.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
