"""Entry script of the frozen `gwa` command: PyInstaller starts from a script, not an entry point."""

import sys

from gwa_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
