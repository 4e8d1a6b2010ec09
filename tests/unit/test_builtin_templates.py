"""The built-in agendas: each one parses, and each one has what a facilitator relies on.

These are content checks on the files shipped in ``circlekeeper.templates``, read through
the same parser a coordinator's own templates go through.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.link_rules import check_url
from circlekeeper.sessions.templates.parse import load_template_file
from circlekeeper.tui.cli import cli

BUILTIN_DIR = Path(str(files("circlekeeper.templates")))
BUILTIN = sorted(BUILTIN_DIR.glob("*.md"))

THEMES = {
    "colleague-relationships",
    "mentors-and-role-models",
    "peer-support-communities",
    "working-with-your-supervisor",
    "wellness-programmes-and-eap",
    "first-meeting",
    "open-sharing-circle",
    "troika-difficult-conversation",
    "wise-crowds-finding-a-mentor",
    "what-the-eap-could-do",
    "lean-coffee-wellbeing-community",
}

MAX_URL_CHARS = 150
"""Well under the QR limit, so every resource scans easily from across a room."""


@pytest.fixture(params=BUILTIN, ids=lambda path: path.stem)
def agenda(request: pytest.FixtureRequest) -> Agenda:
    return load_template_file(request.param)


def test_the_library_covers_every_theme() -> None:
    assert THEMES - {path.stem for path in BUILTIN} == set()


def test_parts_are_enough_for_a_whole_session(agenda: Agenda) -> None:
    assert len(agenda.parts) >= 5
    assert len({part.title for part in agenda.parts}) == len(agenda.parts)


def test_declared_duration_is_the_sum_of_the_parts(agenda: Agenda) -> None:
    assert agenda.declared_minutes == agenda.minutes
    assert 60 <= agenda.minutes <= 90


def test_picker_text_is_present(agenda: Agenda) -> None:
    assert agenda.title and agenda.summary and agenda.audience
    assert "\n" not in agenda.summary
    assert agenda.intro, "opening words for the facilitator"


def test_opens_with_welcome_and_agreements(agenda: Agenda) -> None:
    first = agenda.parts[0]
    assert first.title.lower().startswith("welcome")
    assert any("stays here" in prompt.text for prompt in first.prompts)


def test_has_a_check_in_round_that_may_be_shortened(agenda: Agenda) -> None:
    check_ins = [part for part in agenda.parts if "check-in" in part.title.lower()]
    assert check_ins
    assert all(part.is_round and not part.fixed for part in check_ins)


def test_ends_with_a_fixed_check_out_round(agenda: Agenda) -> None:
    last = agenda.parts[-1]
    assert "check-out" in last.title.lower()
    assert last.is_round and last.fixed


def test_has_action_planning(agenda: Agenda) -> None:
    assert any("small step" in part.title.lower() for part in agenda.parts)


def test_every_part_has_prompts_for_participants(agenda: Agenda) -> None:
    for part in agenda.parts:
        assert part.prompts, part.title


def test_guidance_covers_a_crisis(agenda: Agenda) -> None:
    guidance = [block.text for part in agenda.parts for block in part.guidance]
    crisis = [text for text in guidance if "crisis" in text.lower()]
    assert crisis
    assert any("`!`" in text and "procedure" in text for text in crisis)


def test_guidance_keeps_names_out_of_notes(agenda: Agenda) -> None:
    guidance = " ".join(block.text for part in agenda.parts for block in part.guidance)
    assert "not therapy" in guidance
    assert "Never write a name" in guidance or "never written" in guidance


def test_exactly_one_crisis_resource(agenda: Agenda) -> None:
    crisis = [resource for resource in agenda.resources if resource.crisis]
    assert len(crisis) == 1
    assert crisis[0] == agenda.crisis_resource


def test_resources_are_short_https_links(agenda: Agenda) -> None:
    assert len(agenda.resources) >= 2
    for resource in agenda.resources:
        assert check_url(resource.url) is None, resource.url
        assert resource.url.startswith("https://"), resource.url
        assert len(resource.url) < MAX_URL_CHARS, resource.url


@pytest.mark.parametrize("path", BUILTIN, ids=lambda path: path.stem)
def test_parts_stay_flat(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    deeper = [number for number, line in enumerate(lines, 1) if line.startswith("###")]
    assert deeper == []


def test_rounds_fit_the_smallest_group(agenda: Agenda) -> None:
    for part in agenda.parts:
        if part.is_round:
            assert part.round_minutes is not None
            assert part.minutes // part.round_minutes >= 4, part.title


def test_the_check_command_finds_nothing_to_fix() -> None:
    result = CliRunner().invoke(cli, ["templates", "check", *map(str, BUILTIN)])
    assert result.exit_code == 0, result.output
