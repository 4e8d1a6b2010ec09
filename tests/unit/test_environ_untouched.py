"""Settings travel as arguments: nothing writes the environment, and only the entry
points read it."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import circlekeeper.sessions
import circlekeeper.tui
from circlekeeper.sessions.settings.config import PHONE_REGION_ENV
from circlekeeper.tui.cli import cli

ENTRY_POINTS = {"tui/main.py", "tui/cli/__init__.py"}
"""The modules where the environment is read, once, as the command line is parsed."""


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "groups", "--config-dir", "conf", "--templates-dir", "ours", "sessions"],
        ["--data-dir", "groups", "templates", "list"],
        ["--templates-dir", "ours", "templates", "copy", "first-meeting"],
        ["--config-dir", "conf", "resources"],
        ["privacy", "check", "-"],
        ["qr", "https://findahelpline.com"],
    ],
)
def test_the_command_line_leaves_the_environment_as_it_found_it(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(PHONE_REGION_ENV, raising=False)
    before = dict(os.environ)
    done = CliRunner().invoke(cli, args, input="call 07700 900123\n")
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    assert dict(os.environ) == before


def test_folder_options_reach_the_command_without_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["--templates-dir", "ours", "templates", "copy", "first-meeting"]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    assert (tmp_path / "ours" / "first-meeting.md").is_file()
    assert os.environ.get("CIRCLEKEEPER_TEMPLATES_DIR") != str(tmp_path / "ours")


def test_opening_the_app_leaves_the_environment_as_it_found_it(
    folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    from circlekeeper.sessions.settings import folders as paths
    from circlekeeper.tui.launch import launch

    paths.ensure_private_dir(folders.config)
    folders.config_file.write_text('phone_region = "GB"\n', encoding="utf-8")
    monkeypatch.delenv(PHONE_REGION_ENV, raising=False)
    monkeypatch.setattr("circlekeeper.tui.app.CircleKeeperApp.run", lambda self: 0)
    before = dict(os.environ)
    assert launch(os.environ) == 0
    assert CliRunner().invoke(cli, []).exit_code == 0
    assert dict(os.environ) == before


def _environment_uses(path: Path) -> list[str]:
    """Each write to ``os.environ``, and each ``os.environ.get``/``os.getenv`` or
    ``os.environ[...]`` read, in the module at ``path``, as ``line: what``."""
    found = []
    # A node is written back as source only once it is found: unparsing every statement
    # and expression took this test seconds, each function's body once a node within it.
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
            targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
            if any("os.environ" in ast.unparse(t) for t in targets):
                found.append(f"{node.lineno}: writes {ast.unparse(node)}")
        elif isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            if called in {"os.getenv", "os.putenv", "os.unsetenv"} or called.startswith(
                "os.environ."
            ):
                found.append(f"{node.lineno}: {called}")
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def _modules() -> list[tuple[str, Path]]:
    modules = []
    for package in (circlekeeper.sessions, circlekeeper.tui):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*.py")):
            modules.append((f"{root.name}/{path.relative_to(root).as_posix()}", path))
    return modules


def test_no_module_writes_the_environment_or_reads_it_outside_the_entry_points() -> None:
    problems = []
    for name, path in _modules():
        for use in _environment_uses(path):
            if name in ENTRY_POINTS and "writes" not in use and "os.environ." not in use:
                continue
            problems.append(f"{name}:{use}")
        if name not in ENTRY_POINTS and "os.environ" in path.read_text(encoding="utf-8"):
            problems.append(f"{name}: mentions os.environ outside the entry points")
    assert problems == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nos.environ['A'] = '1'\nos.environ.get('B')\nos.getenv('C')\n"
        "x = os.environ['D']\nos.environ.setdefault('E', '')\n",
        encoding="utf-8",
    )
    uses = _environment_uses(sample)
    assert {int(use.split(":")[0]) for use in uses} == {2, 3, 4, 5, 6}
    assert any(use.startswith("2: writes") for use in uses)


def test_serve_names_the_folders_on_the_command_each_tab_runs(tmp_path: Path) -> None:
    import shlex

    from circlekeeper.sessions.settings.folders import Folders
    from circlekeeper.tui.cli.serve import app_command

    folders = Folders.under(tmp_path / "with space")
    words = shlex.split(app_command("/opt/bin/circlekeeper", folders))
    assert words == [
        "/opt/bin/circlekeeper",
        "--data-dir",
        str(folders.data),
        "--config-dir",
        str(folders.config),
        "--templates-dir",
        str(folders.templates),
    ]
