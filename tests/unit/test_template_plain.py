"""Templates are plain: minutes in the digits 0-9, YAML errors where the value broke, and
long text cut where it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.sessions.templates.parse import check_template
from circlekeeper.tui.cli import cli
from circlekeeper.tui.text import TITLE_CHARS


def _problems(source: str) -> list[str]:
    return [str(p) for p in check_template(source, "t.md")[1]]


@pytest.mark.parametrize(
    ("heading", "digits"),
    [("## Welcome (٩٠ min)", "٩٠"), ("## Round (१० min, round २ min)", "१०२")],
)
def test_minutes_in_other_digits_are_named_on_their_line(heading: str, digits: str) -> None:
    assert _problems(f"# T\n\n{heading}\n") == [
        f"t.md:3: the timing marks are written with digits other than 0-9 ({digits}); "
        "write minutes with 0-9, e.g. (10 min)"
    ]


def test_a_duration_in_other_digits_is_named_on_its_line() -> None:
    assert _problems("---\ntitle: T\nduration: ٣٠\n---\n## One (30 min)\n") == [
        "t.md:3: 'duration' is written with digits other than 0-9 (٣٠); write it with 0-9, "
        "like duration: 90"
    ]


def test_a_yaml_error_names_the_line_and_column_where_the_value_starts() -> None:
    source = '---\ntitle: "never closed\nsummary: fine\naudience: all\n---\n## One (5 min)\n'
    assert _problems(source) == [
        "t.md:2: the front matter is not valid YAML: found unexpected end of stream while "
        "scanning a quoted scalar that starts at column 8"
    ]
    bracket = "---\ntitle: T\nsummary: [one, two\naudience: all\n---\n## One (5 min)\n"
    assert _problems(bracket)[0].startswith("t.md:3: the front matter is not valid YAML: ")
    assert _problems(bracket)[0].endswith("that starts at column 10")


def test_templates_show_cuts_long_titles_prompts_and_guidance(tmp_path: Path) -> None:
    # A file can hold a heading or a prompt of any length; the terminal gets a readable cut.
    title, prompt, guidance = "T" * 5_000, "p " * 50_000, "g " * 50_000
    path = tmp_path / "long.md"
    path.write_text(
        f"# Long\n\n## {title} (10 min)\n\n- {prompt}\n\n> {guidance}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["templates", "show", str(path)])
    assert result.exit_code == 0, result.output
    assert len(result.output) < 4_000
    assert f"1. {'T' * (TITLE_CHARS - 1)}…  [0:00, 10 min]" in result.output
    assert result.output.count("…") == 3


def test_a_number_too_long_to_read_is_a_problem_on_its_line_not_a_crash(tmp_path: Path) -> None:
    # Python refuses to read a whole number of more than 4,300 digits; YAML asks it to.
    source = (
        f"---\ntitle: Big\nsummary: fine\nduration: {'9' * 4301}\n---\n\n# Big\n\n## A (10 min)\n"
    )
    assert _problems(source) == [
        "t.md:4: this number is far too long to be real; write it in a few digits"
    ]
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "big.md").write_text(source, encoding="utf-8")
    listed = CliRunner().invoke(cli, ["--templates-dir", str(folder), "templates", "list"])
    assert listed.exit_code == 0, listed.output
    assert "big" in listed.output and "Finding mentors and role models" in listed.output
    checked = CliRunner().invoke(cli, ["templates", "check", str(folder / "big.md")])
    assert checked.exit_code == 1
    assert "big.md:4: this number is far too long" in checked.output
