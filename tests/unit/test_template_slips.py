"""The common front matter slips are explained with their fix, by ``templates check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.tui.cli import cli

BODY = "\n# Grief\n\n## Welcome (10 min)\n"


def test_each_common_slip_is_named_with_its_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slips = {
        "colon.md": "---\ntitle: Grief: a circle\nduration: 10\n---\n",
        "tab.md": "---\ntitle: Grief\n\tduration: 10\n---\n",
        "unclosed.md": "---\ntitle: Grief\nduration: 10\n",
    }
    for name, front in slips.items():
        (tmp_path / name).write_text(front + BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["templates", "check", *sorted(slips)])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert (
        "colon.md:2: the value of 'title' holds a colon, which YAML reads as a new key; "
        'put the value in quotes: title: "Grief: a circle"'
    ) in lines
    assert any(line.startswith("tab.md:3: a tab in the front matter;") for line in lines), lines
    assert "replace the tab with a space" in result.output
    assert (
        "unclosed.md:1: the front matter has no closing '---' line; add a line holding only "
        "'---' after its last 'key: value' line, before the first heading"
    ) in lines
    assert "mapping values" not in result.output and "cannot start any token" not in result.output
