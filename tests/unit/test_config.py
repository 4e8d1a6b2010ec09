"""The facilitator's settings file: defaults, values, and clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.settings.checks import read_config
from circlekeeper.sessions.settings.config import Config


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    config = Config.load(tmp_path / "none.toml")
    assert config == Config()
    assert config.bell is False and config.warning_minutes == 2


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'bell = true\nwarning_minutes = 3\ntheme = "textual-light"\n'
        'keymap = { "run.new-note" = "m" }\n',
        encoding="utf-8",
    )
    config = Config.load(path)
    assert config.bell is True
    assert config.warning_minutes == 3
    assert config.theme == "textual-light"
    assert config.keymap == {"run.new-note": "m"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("bell = \n", "1: bell has no value after '='"),
        ("volume = 3\n", "1: unknown setting 'volume'"),
        ('warning_minutes = "two"\n', "1: warning_minutes = 'two' is out of range"),
        ("warning_minutes = true\n", "1: warning_minutes = True is out of range"),
        ("bell = 1\n", "1: bell should be true or false, not 1"),
    ],
)
def test_a_bad_value_keeps_its_default_and_says_what_and_where(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n' + text.replace("1:", ""), encoding="utf-8")
    reading = read_config(path)
    assert reading.config == Config(theme="nord")
    assert len(reading.problems) == 1
    assert reading.problems[0].describe(path).startswith(f"{path}:2: {words[3:]}")


def test_the_app_opens_despite_a_broken_settings_file(folders) -> None:
    # The launch path reads and checks the file without stopping: a bad value is the
    # default, told once the app is open (see tests/tui/test_settings_notice.py).
    paths.ensure_private_dir(folders.config)
    folders.config_file.write_text("theme = [\n", encoding="utf-8")
    probe = (
        "import os\n"
        "from circlekeeper.sessions.settings import Settings\n"
        "from circlekeeper.tui.settings_choices import settings_choices\n"
        "s = Settings.load(os.environ, choices=settings_choices())\n"
        "print([p.describe('config.toml') for p in s.config_problems], s.config.theme == '')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("['config.toml:1: theme: not valid TOML")
    assert done.stdout.rstrip().endswith("True")
