"""The layers stay apart: no Qt below the UI, no SQL in the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import gwa_desktop

PACKAGE = Path(gwa_desktop.__file__).parent
#: The one UI module allowed to know SQLAlchemy: it turns unexpected driver errors into messages.
UI_ERROR_BOUNDARY = PACKAGE / "ui" / "operations.py"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(under: Path) -> list[Path]:
    return sorted(under.rglob("*.py"))


def test_core_never_imports_qt():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules(PACKAGE)
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and "PySide6" in _imported_modules(path)
    ]
    assert offenders == []


def test_ui_never_talks_sql():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules(PACKAGE / "ui")
        if path != UI_ERROR_BOUNDARY and "sqlalchemy" in _imported_modules(path)
    ]
    assert offenders == []


def test_the_checks_see_the_modules_they_guard():
    assert any("PySide6" in _imported_modules(p) for p in _modules(PACKAGE / "ui"))
    assert any("sqlalchemy" in _imported_modules(p) for p in _modules(PACKAGE / "storage"))
