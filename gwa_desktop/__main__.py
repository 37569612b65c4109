"""`python -m gwa_desktop` starts the desktop program."""

import sys

from gwa_desktop.ui.app import main

sys.exit(main())
