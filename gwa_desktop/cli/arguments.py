"""Argument types shared by the sub-commands: a wrong date or time is explained, with an
example of the form expected, instead of argparse's bare "invalid value"."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

from gwa_desktop.i18n import _

T = TypeVar("T")


def _parsed(text: str, parse: Callable[[str], T], problem: str) -> T:
    try:
        return parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(problem.format(text=text)) from error


def iso_date(text: str) -> date:
    return _parsed(
        text,
        date.fromisoformat,
        _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-24"),
    )


def clock(text: str) -> time:
    return _parsed(
        text, time.fromisoformat, _("{text!r} is not a time; write it as HH:MM, e.g. 15:30")
    )
