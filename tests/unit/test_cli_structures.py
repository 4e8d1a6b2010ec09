"""``templates show`` and ``templates check`` on agendas that name structures."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from circlekeeper.tui.cli import cli

CIRCLE = """# Consulting circle

## Welcome (5 min)

- What is said here stays here.

## Wise crowds (60 min, wise crowds, 4 clients)

- What would help?

## Pairs and fours (12 min, 1-2-4-all)

- One idea.
"""


def test_show_prints_each_step_with_its_minutes(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "circle.md"
    path.write_text(CIRCLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["templates", "show", str(path)])
    assert result.exit_code == 0, result.output
    assert "[0:05, 60 min, wise crowds, 4 clients]" in result.output
    assert "  8 min  Client 4 of 4 · Consultants talk: Client: turn your back" in result.output
    assert "  2 min  Pairs: Pairs" in result.output
    assert result.output.count(" min  Client ") == 16


def test_check_fits_structures_to_the_attendance(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "circle.md"
    path.write_text(CIRCLE, encoding="utf-8")
    runner = CliRunner()
    fits = runner.invoke(cli, ["templates", "check", str(path), "--attendance", "6"])
    assert fits.exit_code == 0, fits.output
    three = runner.invoke(cli, ["templates", "check", str(path), "--attendance", "3"])
    assert three.exit_code == 1
    assert f"{path}:7: Wise Crowds needs at least 4 people, not 3 people" in three.output
    assert f"{path}:11: 1-2-4-All needs at least 4 people" in three.output
    path.write_text(CIRCLE.replace("4 clients", "6 clients"), encoding="utf-8")
    five = runner.invoke(cli, ["templates", "check", str(path), "--attendance", "5"])
    assert f"{path}:7: wise crowds, 6 clients asks for 6 clients but only 5 people" in five.output
    assert "Traceback" not in five.output
