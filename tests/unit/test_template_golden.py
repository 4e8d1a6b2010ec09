"""Golden cases: each template in ``fixtures/templates`` beside the agenda it must give
(``.json``, the agenda's ``to_dict()`` without its source) or the problems it must report
(``.problems``, one ``path:line: message`` a line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.parse import TemplateError, check_template, parse_template

FIXTURES = Path(__file__).parent / "fixtures" / "templates"
CASES = sorted(FIXTURES.glob("*.md"))


def _expected(case: Path) -> Path:
    found = [p for p in (case.with_suffix(".json"), case.with_suffix(".problems")) if p.exists()]
    assert len(found) == 1, f"{case.name} needs exactly one .json or .problems file"
    return found[0]


def test_there_are_good_and_bad_cases() -> None:
    kinds = {_expected(case).suffix for case in CASES}
    assert kinds == {".json", ".problems"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    expected = _expected(case)
    agenda, problems = check_template(case.read_bytes(), case.name)
    if expected.suffix == ".json":
        assert problems == []
        assert agenda is not None
        got = agenda.to_dict()
        assert got.pop("source") == case.read_text(encoding="utf-8")
        assert got == json.loads(expected.read_text(encoding="utf-8"))
    else:
        assert agenda is None
        assert [str(p) for p in problems] == expected.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.with_suffix(".json").exists()], ids=lambda p: p.stem
)
def test_good_cases_survive_a_session_copy(case: Path) -> None:
    """A session keeps ``to_dict()`` of its agenda; reading it back gives the same agenda."""
    agenda = parse_template(case.read_bytes(), case)
    assert Agenda.from_dict(agenda.to_dict()) == agenda


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.with_suffix(".problems").exists()], ids=lambda p: p.stem
)
def test_bad_cases_raise_every_problem_at_once(case: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(case.read_bytes(), case.name)
    assert str(caught.value) == case.with_suffix(".problems").read_text(encoding="utf-8").rstrip()
