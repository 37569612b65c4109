"""The layers stay apart: they only point down, no Qt below the UI, no SQL in the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import gwa_desktop

PACKAGE = Path(gwa_desktop.__file__).parent
PROJECT = PACKAGE.parent
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
)
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


def test_layers_only_point_down() -> None:
    """import-linter's contracts in pyproject.toml: ui | cli -> services -> output |
    exchange | storage -> domain -> i18n, and no database in prints and exchange
    formats.  A broken contract names the chain of imports that breaks it.  In a
    process of its own: import-linter reconfigures logging, which would silence the
    program's log for the tests that run after it."""
    config = PROJECT / "pyproject.toml"
    if not config.is_file():
        pytest.skip(
            "the contracts live in the checkout's pyproject.toml, not in an installed package"
        )
    run = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, str(config)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout and "2 kept" in run.stdout


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
