"""How long steps report progress and learn that the user cancelled.

A step calls `progress(done, total, text)` now and then; the callback raises
`Cancelled` when the user pressed Cancel, so every step stops at a point where the
atomic writer or the database transaction can undo what was begun.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    """The callback for the command line and tests: nothing to show, never cancelled."""
