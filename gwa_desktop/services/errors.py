"""Errors the services raise for the user interface to show."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that cannot be saved; `errors` maps each form field to a translated message.

    The key "" holds messages that concern the whole form rather than one field.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class NotFoundError(LookupError):
    """The record was deleted meanwhile (e.g. in another window)."""
