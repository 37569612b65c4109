"""Arguments that are not valid text end in a message, not in a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gwa_desktop.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


def test_an_invalid_byte_in_the_search_is_refused_with_a_message(database_path, capsys):
    # Python hands the byte 0xFF of a Latin-1 terminal over as the lone surrogate U+DCFF.
    with pytest.raises(SystemExit) as caught:
        main(["--database", str(database_path), "list", "offers", "--search", "caf\udcff"])
    assert caught.value.code == 2
    assert "UTF-8" in capsys.readouterr().err


def test_the_gwa_command_with_a_raw_invalid_byte_prints_no_traceback(database_path):
    result = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"gwa_desktop.cli.main",
            b"--database",
            os.fsencode(database_path),
            b"list",
            b"contacts",
            b"--search",
            b"M\xfcller",
        ],
        cwd=ROOT,
        capture_output=True,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"UTF-8" in result.stderr


def test_a_reader_that_stops_early_is_no_failure(database_path, tmp_path):
    """`gwa list activities | head -1` closes the pipe while gwa writes: exit 0, no bug report."""
    env = {**os.environ, "GWA_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "gwa_desktop.cli.main", "--database", str(database_path)]
    subprocess.run([*command, "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    gwa = subprocess.Popen(
        [*command, "list", "activities"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert gwa.stdout.readline()
    gwa.stdout.close()
    _out, error = gwa.communicate(timeout=60)
    assert gwa.returncode == 0, error
    assert b"Traceback" not in error and b"BrokenPipeError" not in error
