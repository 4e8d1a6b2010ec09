"""Pictures of the main screens at 100x30 in the default dark theme.

Update them on purpose with ``scripts/test tests/tui/test_snapshots.py --snapshot-update``
and look at ``snapshot_report.html`` before committing.
"""

from __future__ import annotations

import pytest
from screen_text import settle

SIZE = (100, 30)

TEMPLATE = "colleague-relationships"
"""The pictures were drawn with this built-in agenda; the tests' own ones would redraw them."""


@pytest.fixture
def own_agendas() -> None:
    """Only the built-in agendas, as in the pictures (the home screen lists them all)."""


async def _started(pilot) -> None:
    app = pilot.app
    await pilot.pause()
    names = [entry.name for entry in app.screen.templates]
    app.screen.query_one("#template-list").highlighted = names.index(TEMPLATE)
    await pilot.press("enter", "7", "enter", "enter", "enter", "enter")
    await pilot.pause()


@pytest.fixture
def running(build_app, clock):
    """A session two minutes into its check-in round, with one note."""

    async def run_before(pilot) -> None:
        await _started(pilot)
        await pilot.press("space")
        clock.advance(minutes=11)
        await pilot.press("right_square_bracket", "s")
        clock.advance(minutes=1, seconds=15)
        await settle(pilot)
        await pilot.press("n", *"Theme: new starters feel unseen", "enter")
        await settle(pilot)

    return build_app(), run_before


def test_home(snap_compare, build_app):
    """You should see the agendas on the left and the highlighted one's preview on the right."""
    assert snap_compare(build_app(), terminal_size=SIZE)


def test_run_facilitator_view(snap_compare, running):
    """You should see the agenda, part 2's countdown, speaker 2 of 7, guidance and one note."""
    app, run_before = running
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_run_participant_view(snap_compare, running):
    """You should see a green PARTICIPANT VIEW title, the timers, prompts and a QR code; no
    guidance, no notes, no key footer and no key hints."""
    app, run_before = running

    async def share(pilot) -> None:
        await run_before(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=share)


def test_resources(snap_compare, running):
    """You should see one large QR code with its title and link beneath."""
    app, run_before = running

    async def resources(pilot) -> None:
        await run_before(pilot)
        await pilot.press("r")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 40), run_before=resources)


def test_summary(snap_compare, build_app, clock):
    """You should see planned against actual bars for every part, the action, and notes."""

    async def ended(pilot) -> None:
        await _started(pilot)
        await pilot.press("space")
        clock.advance(minutes=13)
        await pilot.press("n", *"Ask HR about buddy scheme", "tab", "right", "enter")
        await pilot.press("right_square_bracket")
        clock.advance(minutes=12)
        await pilot.press("right_square_bracket")
        clock.advance(minutes=25)
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=ended)
