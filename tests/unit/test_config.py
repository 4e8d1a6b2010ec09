"""The facilitator's settings file: defaults, values, and clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.settings.config import Config, ConfigError


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
        ("bell = \n", "not valid TOML"),
        ("volume = 3\n", "unknown setting 'volume'"),
        ('warning_minutes = "two"\n', "should be int, not str"),
        ("warning_minutes = true\n", "should be int, not bool"),
        ("bell = 1\n", "should be bool, not int"),
    ],
)
def test_a_bad_file_says_what_and_where(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        Config.load(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert words in str(raised.value)


def test_the_app_refuses_a_broken_settings_file_in_one_line(folders) -> None:
    paths.ensure_private_dir(folders.config)
    folders.config_file.write_text("theme = [\n", encoding="utf-8")
    program = Path(sys.executable).parent / "circlekeeper"
    done = subprocess.run([str(program)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(f"circlekeeper: {folders.config_file}: not valid TOML")
    assert "Traceback" not in done.stderr
