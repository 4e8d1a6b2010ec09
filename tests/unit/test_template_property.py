"""Whatever it is given, the template reader answers with an agenda or a TemplateError."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.link_rules import check_url
from circlekeeper.sessions.templates.org_resources import check_resources
from circlekeeper.sessions.templates.parse import TemplateError, check_template, parse_template
from circlekeeper.sessions.templates.timing_marks import MAX_MINUTES

FRAGMENTS = [
    "---",
    "title: A title",
    "duration: 30",
    "duration: [",
    "summary: {a: 1}",
    "- a: b",
    "# Title",
    "## Welcome (10 min)",
    "## Check-in (15 min, round 2 min)",
    "## Check-out (5 min, round 1 min, fixed)",
    "## Odd (0 min, round 9 min, quick)",
    "## No length",
    "## Resources",
    "- [Helpline](https://findahelpline.com) (crisis)",
    "- [Line](tel:+441234567890) (crisis)",
    "- [Bad](ftp://example.org)",
    "- just words",
    "> Facilitator: guidance",
    "> - a list in a quote",
    "Some [link](mailto:a@example.org) in text.",
    "![image](https://example.org/a.png)",
    "```",
    "    indented code",
    "<div>html</div>",
    "",
    "\t",
    "\r",
]

template_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=30
).map("\n".join)

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _holds(agenda: Agenda) -> None:
    assert agenda.parts
    for part in agenda.parts:
        assert 1 <= part.minutes <= MAX_MINUTES
        if part.round_minutes is not None:
            assert 1 <= part.round_minutes <= part.minutes
    assert sum(r.crisis for r in agenda.resources) <= 1
    assert all(check_url(r.url) is None for r in agenda.resources)
    if agenda.declared_minutes is not None:
        assert agenda.declared_minutes == agenda.minutes


# CommonMark's line endings: LF, CRLF, and a CR on its own. Editors count lines the same way.
LINE_END = re.compile(r"\r\n?|\n")


def _line_count(source: str | bytes) -> int:
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    return len(LINE_END.findall(text)) + 1


def _read(source: str | bytes) -> None:
    lines = _line_count(source)
    try:
        agenda = parse_template(source, "any.md")
    except TemplateError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "any.md"
            assert 1 <= problem.line <= lines + 1
            assert problem.message and "\n" not in problem.message
    else:
        _holds(agenda)


@SETTINGS
@given(st.binary(max_size=500))
def test_any_bytes(data: bytes) -> None:
    _read(data)


@SETTINGS
@given(st.text(max_size=500))
def test_any_text(text: str) -> None:
    _read(text)


@SETTINGS
@given(template_like)
def test_template_like_text(text: str) -> None:
    _read(text)
    _read(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(template_like)
def test_text_and_its_utf8_bytes_read_the_same(text: str) -> None:
    # NUL and lone surrogates are described differently for text and for bytes.
    assume("\x00" not in text and not any("\ud800" <= c <= "\udfff" for c in text))
    assert check_template(text, "a.md") == check_template(text.encode(), "a.md")


@SETTINGS
@given(template_like)
def test_resources_files_never_crash(text: str) -> None:
    resources, problems = check_resources(text, "resources.md")
    assert (resources is None) == bool(problems)
    if resources is not None:
        assert sum(r.crisis for r in resources) <= 1
