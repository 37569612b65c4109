"""Build hook: compile the translation catalogs into the package while it is built.

Everything else about the package is declared in pyproject.toml.  The `.mo` files are
not kept in git, so `build_py` compiles them from `translations/*/LC_MESSAGES/*.po`
(which the sdist carries, see MANIFEST.in) into `gwa_desktop/locale/`: a wheel, and a
wheel built from the sdist, then contain them, and `pip install` alone is enough.
An editable install compiles them into the source tree, where `./dev setup` puts them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import SetupError

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "installer"))

from compile_catalogs import CatalogError, compile_catalogs  # noqa: E402


class BuildWithCatalogs(build_py):
    """`build_py` that also writes the compiled catalogs into the built package."""

    def run(self) -> None:
        super().run()
        package = (
            ROOT / "gwa_desktop" if self.editable_mode else Path(self.build_lib) / "gwa_desktop"
        )
        try:
            self._catalogs = compile_catalogs(ROOT / "translations", package / "locale")
        except CatalogError as error:
            raise SetupError(f"The translation catalogs do not compile: {error}") from error

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        """The built files, catalogs included (an editable install keeps them in the source tree)."""
        catalogs = [] if self.editable_mode else getattr(self, "_catalogs", [])
        return [*super().get_outputs(include_bytecode), *map(str, catalogs)]


setup(cmdclass={"build_py": BuildWithCatalogs})
