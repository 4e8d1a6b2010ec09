"""The organisation's resources file: read with the template rules, reported by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.links import RESOURCE_EXAMPLE
from circlekeeper.sessions.templates.org_resources import (
    EXAMPLE,
    check_resources_file,
    load_org_resources,
    parse_resources,
)
from circlekeeper.sessions.templates.parse import TemplateError

GOOD = """---
title: Example Org
---

# Example Org's resources

Offered in every session.

- [Our EAP](https://eap.example.org)
- [Wellbeing team](mailto:wellbeing@example.org) — weekdays
- [Crisis line](tel:+441234567890) (crisis)
- [Our EAP again](https://eap.example.org)
"""


@pytest.fixture
def resources_file(isolated_dirs: dict[str, Path]) -> Path:
    isolated_dirs["config"].mkdir(parents=True)
    return isolated_dirs["config"] / "resources.md"


def test_the_user_file_is_read_in_order_without_repeats(resources_file: Path, folders) -> None:
    resources_file.write_text(GOOD, encoding="utf-8")
    assert load_org_resources(folders.resources_file) == (
        Resource("Our EAP", "https://eap.example.org", line=9),
        Resource("Wellbeing team", "mailto:wellbeing@example.org", line=10),
        Resource("Crisis line", "tel:+441234567890", line=11, crisis=True),
    )
    assert check_resources_file(folders.resources_file) == []


def test_no_file_means_no_resources(resources_file: Path, folders) -> None:
    assert load_org_resources(folders.resources_file) == ()
    assert check_resources_file(folders.resources_file) == []


def test_the_example_given_in_messages_is_itself_valid() -> None:
    found = parse_resources(EXAMPLE, "example.md")
    assert len(found) == 3 and sum(r.crisis for r in found) == 1


def test_every_problem_with_its_line(resources_file: Path, folders) -> None:
    resources_file.write_bytes(
        b"\xef\xbb\xbf---\r\ncolour: blue\r\n---\r\n"
        b"- [A](https://a.org) (crisis)\r\n"
        b"- [B](gopher://b.org)\r\n"
        b"- [C](https://c.org) (crisis)\r\n"
        b"- call the office\r\n"
        b"\r\nOr see [D](https://d.org).\r\n"
    )
    assert [
        (p.line, p.message.split(";")[0]) for p in check_resources_file(folders.resources_file)
    ] == [
        (2, "unknown front matter key 'colour'"),
        (5, "the link has 'gopher:'"),
        (6, "only one resource can be marked (crisis)"),
        (
            7,
            f"a resource needs a link, written like {RESOURCE_EXAMPLE}",
        ),
        (
            9,
            f"write each resource as a list item, like {RESOURCE_EXAMPLE}",
        ),
    ]
    with pytest.raises(TemplateError) as caught:
        load_org_resources(folders.resources_file)
    assert str(caught.value).startswith(f"{resources_file}:2: unknown front matter key")


def test_a_file_without_links(tmp_path: Path) -> None:
    path = tmp_path / "resources.md"
    path.write_text("# Our resources\n\nNone yet.\n", encoding="utf-8")
    (problem,) = check_resources_file(path)
    assert (problem.line, problem.message.split(";")[0]) == (1, "the file lists no resources")


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "the file is empty"), (b"\x00\x00", "binary"), (b"- [\xff](https://a.org)", "UTF-8")],
)
def test_unreadable_content(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "resources.md"
    path.write_bytes(content)
    (problem,) = check_resources_file(path)
    assert words in problem.message and problem.line == 1


def test_a_folder_in_place_of_the_file(resources_file: Path, folders) -> None:
    resources_file.mkdir()
    (problem,) = check_resources_file(folders.resources_file)
    assert problem.message == "this is a folder, not a file"
    with pytest.raises(TemplateError):
        load_org_resources(folders.resources_file)
