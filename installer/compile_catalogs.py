"""Compile the translators' `.po` files into the `.mo` catalogs the program reads.

Translators work in the top-level `translations/<lang>/LC_MESSAGES/<domain>.po`; the
program reads `gwa_desktop/locale/<lang>/LC_MESSAGES/<domain>.mo` as package data.  One
function does the compiling for both places that need it: the package build (setup.py's
build hook, so a wheel built from the sdist carries its catalogs) and `./dev setup`
(into the source tree, for development).  It needs only Babel and the standard library,
because it runs in the isolated build environment before the package exists.

    python installer/compile_catalogs.py SOURCE TARGET
"""

from __future__ import annotations

import sys
from pathlib import Path


class CatalogError(Exception):
    """A catalog cannot be compiled; the message says which one, where and what to do."""


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Compile every `<lang>/LC_MESSAGES/*.po` below `source` into the same layout below `target`.

    Like `pybabel compile`, fuzzy entries are left out and a catalog whose header is
    fuzzy is refused; unlike it, any syntax or check error stops the build, so a broken
    catalog never ships as a half-translated program.  Earlier `.mo` files in `target`
    are removed first, so a catalog deleted from `translations/` does not linger.
    Returns the written files.
    """
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import PoFileError, read_po
    except ImportError as error:
        raise CatalogError(
            "Compiling the translation catalogs needs Babel, which is not installed here "
            f"({error}). Install it (pip install babel) or build with a tool that installs "
            "pyproject.toml's build requirements (uv build, python -m build)."
        ) from error

    po_files = sorted(source.glob("*/LC_MESSAGES/*.po"))
    if not po_files:
        raise CatalogError(f"No translation catalogs (*/LC_MESSAGES/*.po) found in {source}.")
    for stale in target.glob("*/LC_MESSAGES/*.mo"):
        stale.unlink()
    written = []
    for po_path in po_files:
        try:
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file, abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as error:
            raise CatalogError(
                f"{po_path} cannot be read: {error}. Fix the file (or restore it from git)."
            ) from error
        if catalog.fuzzy:
            raise CatalogError(
                f"{po_path} is marked as fuzzy in its header: review it and remove the fuzzy flag."
            )
        problems = [
            f"{po_path}:{message.lineno}: {problem}"
            for message, errors in catalog.check()
            for problem in errors
        ]
        if problems:
            raise CatalogError("These translations are broken:\n" + "\n".join(problems))
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    try:
        written = compile_catalogs(Path(argv[0]), Path(argv[1]))
    except CatalogError as error:
        print(f"The translation catalogs do not compile: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} catalogs compiled into {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
