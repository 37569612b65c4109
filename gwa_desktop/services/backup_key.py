"""The key file that encrypts the automatic backups, kept in the data folder.

Backups on closing cannot ask for a password, so they are encrypted with a random key
kept in `backup-key.txt` beside the database (owner-only). This protects the copies
that leave the laptop (a stick, a share) as long as the key file stays behind; whoever
holds both can read them, and without the key file they cannot be read by anyone, so
the officer is told plainly to keep a copy of it apart from the backups.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from gwa_desktop.exchange.atomic import atomic_path
from gwa_desktop.i18n import _
from gwa_desktop.paths import data_dir

KEY_FILE = "backup-key.txt"


def key_file_path() -> Path:
    return data_dir() / KEY_FILE


def stored_key() -> str | None:
    """The key file's key, None when there is none (or it cannot be read)."""
    try:
        key = key_file_path().read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return key or None


def backup_key() -> str:
    """The key, made at first use (a new key only where there was none: an existing
    one still opens the older backups)."""
    key = stored_key()
    if key is not None:
        return key
    key = secrets.token_urlsafe(32)
    with atomic_path(key_file_path()) as temporary:
        os.chmod(temporary, 0o600)
        temporary.write_text(key + "\n", encoding="ascii")
    return key


def password_statement() -> str:
    """What the officer must know about a backup protected with her password."""
    return _(
        "The backup is encrypted with your password. Without it nobody can read the backup: keep it safe."
    )


def key_file_statement() -> str:
    """What the officer must know about the key file, in plain words."""
    return _(
        "Backups are encrypted with the key file {path}. Whoever has this file and a backup can read the "
        "backup; without it nobody can, not even you. Keep a copy of the key file in a safe place, not on the "
        "stick with the backups. For a backup that travels, choose a password instead."
    ).format(path=key_file_path())
