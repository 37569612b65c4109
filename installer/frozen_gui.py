"""Entry script of the frozen desktop program: PyInstaller starts from a script, not an entry point."""

import sys

from gwa_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
