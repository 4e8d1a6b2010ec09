"""Drive the app as a facilitator would, on the agendas the tests own.

The agendas live in ``tests/tui/agendas/`` and are copied into the test's own templates
folder (see ``conftest.py``), so editing a built-in agenda never breaks a UI test.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.run_session import RunScreen

AGENDAS = Path(__file__).parent / "agendas"
"""The agendas the UI tests run on."""

TEMPLATE = "test-circle"
"""Five parts: Welcome 10, Check-in round 15 (2 min a turn), Sharing 20, What we take
away 15, Check-out round 10 (fixed); three resources, the last one for a crisis."""

PARTS = 5
"""How many parts :data:`TEMPLATE` has."""

CRISIS_URL = "https://crisis.example.org/line"
"""The crisis resource :data:`TEMPLATE` names."""


async def start(pilot, attendance: str = "6", watch: str = "Maria", template: str = TEMPLATE):
    """From the home screen, start a session from ``template``."""
    app = pilot.app
    await pilot.pause()
    options = app.screen.query_one("#template-list")
    names = [entry.name for entry in app.screen.templates]
    options.highlighted = names.index(template)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, StartSessionDialog)
    await pilot.press(*attendance, "enter")
    await pilot.press(*watch, "enter")
    await pilot.pause()
    assert isinstance(app.screen, RunScreen)


def posted(seen: list[Message], kind: type[Message]) -> list[Message]:
    """The messages of ``kind`` among those the app's message hook saw, each once.

    The hook sees a message again at each step as it bubbles up (screen, then app).
    """
    unique: dict[int, Message] = {}
    for message in seen:
        if isinstance(message, kind):
            unique.setdefault(id(message), message)
    return list(unique.values())
