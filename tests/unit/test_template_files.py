"""Templates as files: byte order marks, Windows line endings, and files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.sessions.templates.parse import (
    TemplateError,
    check_template_file,
    load_template_file,
    parse_template,
)

TEMPLATE = """---
title: Line endings
duration: 25
---

# Line endings

Opening words.

## Welcome (10 min)

- A prompt

## Check-in (15 min, round 2 min, fixed)

> Guidance.

## Resources

- [Helpline](https://findahelpline.com) (crisis)
"""


def _shape(text: str | bytes) -> list[tuple[str, int]]:
    agenda = parse_template(text, "t.md")
    blocks = [*agenda.intro]
    for part in agenda.parts:
        blocks += [*part.prompts, *part.guidance]
    return [(b.text, b.line) for b in blocks] + [(r.url, r.line) for r in agenda.resources]


@pytest.mark.parametrize(
    "variant",
    [
        TEMPLATE.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + TEMPLATE.encode(),
        b"\xef\xbb\xbf" + TEMPLATE.replace("\n", "\r\n").encode(),
        "\ufeff" + TEMPLATE.replace("\n", "\r\n"),
        TEMPLATE.replace("\n", "\r"),
    ],
    ids=["crlf", "bom", "bom-crlf", "bom-crlf-text", "cr"],
)
def test_bom_and_line_endings_read_the_same(variant: str | bytes) -> None:
    assert _shape(variant) == _shape(TEMPLATE)
    agenda = parse_template(variant, "t.md")
    assert agenda.title == "Line endings"
    assert agenda.declared_minutes == agenda.minutes == 25
    assert agenda.parts[1].fixed and agenda.parts[1].round_minutes == 2
    assert "\r" not in agenda.source and not agenda.source.startswith("\ufeff")


def test_problem_lines_are_right_with_crlf() -> None:
    text = "---\r\ntitle: T\r\nduration: 5\r\n---\r\n## A (10 min)\r\n"
    with pytest.raises(TemplateError) as caught:
        parse_template(b"\xef\xbb\xbf" + text.encode(), "t.md")
    assert [p.line for p in caught.value.problems] == [3]


def test_the_name_is_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "our-check-in.md"
    path.write_text(TEMPLATE, encoding="utf-8")
    agenda = load_template_file(path)
    assert agenda.name == "our-check-in"
    assert check_template_file(path) == []


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.md"
    problems = check_template_file(path)
    assert [str(p) for p in problems] == [f"{path}: cannot read: No such file or directory"]
    with pytest.raises(TemplateError, match="cannot read"):
        load_template_file(path)


def test_a_folder_is_not_a_template(tmp_path: Path) -> None:
    assert str(check_template_file(tmp_path)[0]) == f"{tmp_path}: this is a folder, not a file"


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as out:
        out.write(b"## A (10 min)\n")
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MiB on paper, nothing on disk
    (problem,) = check_template_file(path)
    assert problem.line == 1 and "over 1 MiB" in problem.message


def test_bad_bytes_in_a_file_give_their_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("## Café (10 min)\n".encode("latin-1"))
    (problem,) = check_template_file(path)
    assert str(problem).startswith(f"{path}:1: the file is not UTF-8 text (byte 0xe9 at offset 6)")
