"""``circlekeeper config path|init|check|show`` on real files, and one line edited in place."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from textual.binding import Binding
from textual.dom import DOMNode

from circlekeeper.sessions.settings.edit import with_setting
from circlekeeper.tui.binding_ids import BINDING_IDS
from circlekeeper.tui.cli import cli

PROGRAM = str(Path(sys.executable).parent / "circlekeeper")

SLIPS = """\
bell = yes
warning_minutes = -5
phone_region = "XX"
theme = "nord "
keymap = { "run.new-note" = "m", "run.nope" = "x" }
"""


def run(config_dir: Path, *args: str):
    return CliRunner().invoke(cli, ["--config-dir", str(config_dir), "config", *args])


def test_init_writes_a_starter_that_checks_clean_and_is_never_replaced(tmp_path: Path) -> None:
    assert run(tmp_path, "path").output == f"{tmp_path / 'config.toml'}\n"
    missing = run(tmp_path, "check")
    assert missing.exit_code == 0 and "No settings file at" in missing.output
    assert run(tmp_path, "init").exit_code == 0
    starter = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "# bell = true" in starter and "# theme =" in starter
    again = run(tmp_path, "init")
    assert again.exit_code == 1 and "already exists" in again.output
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == starter
    assert run(tmp_path, "check").output == f"{tmp_path / 'config.toml'}: ok\n"


def test_check_names_every_slip_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(SLIPS, encoding="utf-8")
    done = subprocess.run(
        [PROGRAM, "--config-dir", str(tmp_path), "config", "check"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{path}:1: bell = yes: use true or false (in lower case, without quotes)"
    assert lines[1].startswith(f"{path}:2: warning_minutes = -5 is out of range")
    assert lines[2].startswith(f"{path}:3: phone_region = 'XX' is not a region")
    assert lines[3].startswith(f"{path}:4: unknown theme 'nord '; did you mean 'nord'? ")
    assert "textual-light" in lines[3] and "circlekeeper-high-contrast" in lines[3]
    assert lines[4].startswith(f"{path}:5: unknown keymap id 'run.nope';")
    assert "run.new-note" in lines[4]
    assert lines[5] == "5 problems; the app uses the default for each."
    shown = run(tmp_path, "show").output.splitlines()
    assert "bell = false  # default" in shown
    assert 'keymap = { "run.new-note" = "m" }' in shown


def test_one_setting_is_changed_in_its_own_line_or_added_before_any_table() -> None:
    text = '# mine\ntheme = "nord"  # for the projector\nbell = true\n\n[keymap]\n"run.end" = "e"\n'
    changed = with_setting(text, "theme", '"dracula"')
    assert changed == text.replace('"nord"', '"dracula"')
    added = with_setting("# mine\n[keymap]\n", "theme", '"nord"')
    assert added == '# mine\ntheme = "nord"\n[keymap]\n'
    assert with_setting("bell = true", "theme", '"nord"') == 'bell = true\ntheme = "nord"\n'


def test_the_binding_id_list_is_every_binding_in_the_app() -> None:
    for name in (
        "circlekeeper.tui.screens",
        "circlekeeper.tui.dialogs",
        "circlekeeper.tui.widgets",
    ):
        package = importlib.import_module(name)
        for module in pkgutil.iter_modules(package.__path__, f"{name}."):
            importlib.import_module(module.name)
    importlib.import_module("circlekeeper.tui.app")
    found: set[str] = set()
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("circlekeeper."):
            found.update(
                b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id
            )
    missing, gone = sorted(found - set(BINDING_IDS)), sorted(set(BINDING_IDS) - found)
    assert (missing, gone) == ([], []), "update BINDING_IDS in tui/binding_ids.py"
