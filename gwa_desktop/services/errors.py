"""Errors the services raise for the user interface to show."""

from __future__ import annotations

from gwa_desktop.i18n import _


class ValidationError(ValueError):
    """Input that cannot be saved; `errors` maps each form field to a translated message.

    The key "" holds messages that concern the whole form rather than one field.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class NotFoundError(LookupError):
    """The record was deleted meanwhile (e.g. in another window)."""


class ConflictError(ValidationError):
    """The record was saved by someone else after this form loaded it (a lost update).

    A ValidationError with a form-wide message, so any caller that shows validation
    messages (the command line, imports) says what happened; the edit forms catch it
    first and ask whether to reload or overwrite. `current_version` is what the other
    save left, for an overwrite the officer chose.
    """

    def __init__(self, record_id: int, current_version: int) -> None:
        self.record_id = record_id
        self.current_version = current_version
        super().__init__(
            {
                "": _(
                    "This entry was changed in the meantime, in another window or on another computer. "
                    "Your input was not saved. Reload the entry to see the other change, or overwrite it with your input."
                )
            }
        )
