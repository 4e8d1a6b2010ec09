"""One test for each thing the template check reports, asserting the line it names."""

from __future__ import annotations

import pytest

from circlekeeper.sessions.templates.link_rules import MAX_URL_BYTES
from circlekeeper.sessions.templates.parse import TemplateError, check_template, parse_template

ONE_PART = "## Welcome (10 min)\n"


def reported(text: str | bytes) -> list[tuple[int, str]]:
    """The (line, message) of each problem with ``text`` as a template called t.md."""
    agenda, problems = check_template(text, "t.md")
    assert (agenda is None) == bool(problems)
    assert all(p.path == "t.md" for p in problems)
    return [(p.line, p.message) for p in problems]


def only(text: str | bytes) -> tuple[int, str]:
    found = reported(text)
    assert len(found) == 1, found
    return found[0]


def test_a_template_without_parts() -> None:
    line, message = only("# Title\n\nJust words.\n")
    assert line == 1
    assert "no parts" in message and "(10 min)" in message


def test_a_part_without_a_length() -> None:
    assert only("# T\n\n## Welcome (10 min)\n\n## Check-in\n") == (
        5,
        "a part needs its length, e.g. (10 min)",
    )


def test_parentheses_without_timing_are_still_no_length() -> None:
    assert only("## Agreements (and why)\n") == (1, "a part needs its length, e.g. (10 min)")


def test_a_round_without_a_part_length() -> None:
    assert only("\n## Check-in (round 2 min)\n") == (2, "a part needs its length, e.g. (10 min)")


@pytest.mark.parametrize(
    ("heading", "words"),
    [
        ("## Welcome (0 min)", "at least 1 minute, not 0"),
        ("## Welcome (-5 min)", "at least 1 minute, not -5"),
        ("## Welcome (481 min)", "longer than 8 hours"),
        ("## Welcome (99999999999999999999999 min)", "longer than 8 hours"),
        ("## Welcome (10 min, round 0 min)", "at least 1 minute, not 0"),
        ("## Welcome (10 min, round 600 min)", "longer than 8 hours"),
    ],
)
def test_a_length_out_of_range(heading: str, words: str) -> None:
    line, message = only(f"# T\n{heading}\n")
    assert line == 2
    assert words in message


def test_eight_hours_is_still_allowed() -> None:
    assert reported("## All day (480 min, round 480 min)\n") == []


def test_a_round_longer_than_its_part() -> None:
    assert only("# T\n\n\n## Check-in (5 min, round 10 min)\n") == (
        4,
        "a round of 10 minutes a speaker does not fit in a part of 5 minutes",
    )


def test_an_unknown_timing_mark() -> None:
    line, message = only("## Check-in (10 min, quick)\n")
    assert line == 1
    assert "'quick' is not a timing mark" in message


def test_a_length_given_twice() -> None:
    assert only("## Check-in (10 min, 15 min)\n") == (1, "the part's length is given twice")


def test_a_part_without_a_title() -> None:
    assert only("## (10 min)\n") == (1, "a part needs a title before its length")


def test_front_matter_duration_disagreeing_with_the_parts() -> None:
    text = "---\ntitle: T\nduration: 60\n---\n## A (10 min)\n## B (15 min)\n"
    line, message = only(text)
    assert line == 3
    assert "says 60 minutes" in message and "add up to 25" in message


def test_front_matter_duration_that_is_not_positive() -> None:
    assert only("---\nduration: 0\n---\n" + ONE_PART)[0] == 2


def test_invalid_yaml_names_the_file_line() -> None:
    text = "---\ntitle: ok\nsummary: ok\naudience: [unclosed\n---\n" + ONE_PART
    line, message = only(text)
    assert line == 4  # where the unclosed list starts running off the end
    assert message.startswith("the front matter is not valid YAML")


def test_invalid_yaml_on_its_own_line() -> None:
    text = "---\ntitle: ok\n  bad indent: here\n---\n" + ONE_PART
    line, _ = only(text)
    assert line == 3


def test_front_matter_that_is_not_a_mapping() -> None:
    line, message = only("---\n- a list\n- of things\n---\n" + ONE_PART)
    assert line == 1
    assert "key: value" in message


def test_an_unknown_front_matter_key() -> None:
    line, message = only("---\ntitle: T\n\ndurtion: 10\n---\n" + ONE_PART)
    assert line == 4
    assert "unknown front matter key 'durtion'" in message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("duration: ninety", "whole number"),
        ("duration: 90.5", "whole number"),
        ("duration: true", "whole number"),
        ("title: 2024", "should be text"),
        ("summary: [a, b]", "should be text"),
    ],
)
def test_a_wrong_typed_front_matter_value(value: str, words: str) -> None:
    line, message = only(f"---\naudience: us\n{value}\n---\n" + ONE_PART)
    assert line == 3
    assert words in message


def test_front_matter_without_its_closing_line() -> None:
    line, message = only("---\ntitle: T\n\n" + ONE_PART)
    assert line == 1
    assert "no closing '---'" in message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/a", "'ftp:'"),
        ("javascript:alert(1)", "'javascript:'"),
        ("file:///srv/share", "'file:'"),
        ("/relative/page", "no scheme"),
    ],
)
def test_a_link_with_a_bad_scheme(url: str, words: str) -> None:
    text = f"{ONE_PART}\nSome words\nand [a link]({url}) on the second line.\n"
    line, message = only(text)
    assert line == 4
    assert words in message


def test_a_link_too_long_for_a_code() -> None:
    url = "https://example.org/" + "a" * MAX_URL_BYTES
    line, message = only(f"{ONE_PART}\n- [Long]({url})\n")
    assert line == 3
    assert f"at most {MAX_URL_BYTES}" in message


def test_a_link_of_exactly_the_limit_is_fine() -> None:
    url = "https://example.org/"
    url += "a" * (MAX_URL_BYTES - len(url))
    agenda = parse_template(f"{ONE_PART}\n- [Long]({url})\n", "t.md")
    assert agenda.resources[0].url == url


def test_an_image() -> None:
    line, message = only(f"{ONE_PART}\n![a map](https://example.org/map.png)\n")
    assert line == 3
    assert "image" in message


def test_duplicate_part_titles() -> None:
    text = "## Check-in (10 min)\n## Sharing (10 min)\n## check-in (5 min, round 1 min)\n"
    assert only(text) == (3, "the part title 'check-in' is used twice (first on line 1)")


def test_more_than_one_crisis_resource() -> None:
    text = (
        ONE_PART
        + "## Resources\n"
        + "- [Helpline](https://findahelpline.com) (crisis)\n"
        + "- [Our line](tel:+441234567890) (Crisis)\n"
        + "- [Another](https://example.org) ( crisis )\n"
    )
    assert reported(text) == [
        (4, "only one resource can be marked (crisis); the first is on line 3"),
        (5, "only one resource can be marked (crisis); the first is on line 3"),
    ]


def test_a_resource_line_without_a_link() -> None:
    line, message = only(ONE_PART + "## Resources\n- [Helpline](https://a.org)\n- Call Sam\n")
    assert line == 4
    assert "needs a link" in message


def test_a_resource_line_with_two_links() -> None:
    line, message = only(ONE_PART + "## Resources\n- [A](https://a.org) or [B](https://b.org)\n")
    assert line == 3
    assert "one link a line" in message


def test_a_resource_link_outside_the_list() -> None:
    line, message = only(ONE_PART + "## Resources\n\nSee [A](https://a.org).\n")
    assert line == 4
    assert "as a list item" in message


def test_a_second_resources_section() -> None:
    text = ONE_PART + "## Resources\n- [A](https://a.org)\n## resources\n- [B](https://b.org)\n"
    assert only(text) == (4, "a second Resources section; keep every resource in the one on line 2")


def test_a_second_title_heading() -> None:
    assert only("# One\n" + ONE_PART + "# Two\n")[0] == 3


def test_not_utf8_names_the_byte_and_line() -> None:
    data = "# Café\n\n".encode() + ONE_PART.encode() + b"caf\xe9\n"
    line, message = only(data)
    assert line == 4
    offset = data.index(b"\xe9")
    assert f"offset {offset}" in message
    assert "0xe9" in message and "UTF-8" in message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", "", "\ufeff\n"])
def test_an_empty_file(content: str | bytes) -> None:
    assert only(content) == (1, "the file is empty")


def test_a_binary_file() -> None:
    data = b"## A (10 min)\nline two\n\x89PNG\x00\x00\x01"
    line, message = only(data)
    assert line == 3
    assert "binary" in message and "offset 27" in message


def test_a_file_over_one_mebibyte() -> None:
    data = (ONE_PART + "x" * (1024 * 1024)).encode()
    line, message = only(data)
    assert line == 1
    assert "1 MiB" in message


def test_all_problems_come_at_once_sorted_by_line() -> None:
    text = "## B (0 min)\n## A\n---\n## Resources\n- [x](ftp://x)\n"
    with pytest.raises(TemplateError) as caught:
        parse_template(text, "dir/t.md")
    lines = [p.line for p in caught.value.problems]
    assert lines == sorted(lines) and len(lines) == 3
    assert str(caught.value).splitlines()[0].startswith("dir/t.md:1: ")
