"""Drive the app as a facilitator would, on the agendas the tests own.

The agendas live in ``tests/tui/agendas/`` and are copied into the test's own templates
folder (see ``conftest.py``), so editing a built-in agenda never breaks a UI test. The
drop-box's helpers open it as offered and send cards the way a phone's form does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message
from textual.widgets import OptionList

from circlekeeper.tui.dialogs.dropbox_open import DropBoxOpenDialog
from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.dropbox import DropBoxScreen
from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen
from circlekeeper.tui.screens.run_session import RunScreen

if TYPE_CHECKING:
    import aiohttp

    from circlekeeper.sessions.dropbox import DropBox

AGENDAS = Path(__file__).parent / "agendas"
"""The agendas the UI tests run on."""

TEMPLATE = "test-circle"
"""Five parts: Welcome 10, Check-in round 15 (2 min a turn), Sharing 20, What we take
away 15, Check-out round 10 (fixed); three resources, the last one for a crisis."""

PARTS = 5
"""How many parts :data:`TEMPLATE` has."""

CRISIS_URL = "https://crisis.example.org/line"
"""The crisis resource :data:`TEMPLATE` names."""


async def start(
    pilot, attendance: str = "6", watch: str = "Maria", template: str = TEMPLATE, *,
    newcomers: str = "", group: str = "",
):  # fmt: skip
    """From the home screen, start a session from ``template`` (of ``group``, if given)."""
    app = pilot.app
    await pilot.pause()
    options = app.screen.query_one("#template-list")
    names = [entry.name for entry in app.screen.templates]
    options.highlighted = names.index(template)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, StartSessionDialog)
    await pilot.press(*attendance, "enter")
    if newcomers:
        await pilot.press("backspace", *newcomers)
    await pilot.press("enter", *group, "enter")
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


# The drop-box ---------------------------------------------------------------------

DROPBOX_SIZE = (110, 36)
"""The window the drop-box's tests run in: its code and the queue fit side by side."""


async def send(http: aiohttp.ClientSession, box: DropBox, **fields: str) -> None:
    """Send one card the way the phone's form does."""
    assert box.url is not None
    response = await http.post(box.url, data=fields, allow_redirects=False)
    assert response.status == 303, await response.text()


async def answer(http: aiohttp.ClientSession, url: str, *picks: str | tuple[str, ...]) -> None:
    """Answer the open poll the way the phone's form does: per question, the option
    indices picked (a tuple where the question takes more than one)."""
    import re

    page = await (await http.get(url)).text()
    found = re.search(r'name="ticket" value="([^"]+)"', page)
    assert found is not None
    fields = [("ticket", found[1])]
    for number, picked in enumerate(picks):
        fields += [
            (f"q{number}", value) for value in ((picked,) if isinstance(picked, str) else picked)
        ]
    response = await http.post(url + "poll", data=fields, allow_redirects=False)
    assert response.status == 303


async def open_dropbox(pilot) -> DropBox:
    """Start a session and open its drop-box as offered (loopback, every kind of card)."""
    app = pilot.app
    await start(pilot)
    await pilot.press("space")
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, DropBoxOpenDialog)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, DropBoxScreen)
    assert app.host.dropbox is not None and app.host.dropbox.is_open
    return app.host.dropbox


async def open_queue(pilot) -> DropBoxQueueScreen:
    """From the drop-box's screen, read the cards."""
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DropBoxQueueScreen)
    return pilot.app.screen


async def highlight(pilot, queue: DropBoxQueueScreen, text: str) -> None:
    """Move the queue's highlight to the card with these words."""
    ids = [card.id for card in queue.cards.values() if card.text == text]
    assert len(ids) == 1, f"no single card reads {text!r}"
    options = queue.query_one(OptionList)
    options.highlighted = options.get_option_index(ids[0])
    await pilot.pause()


def told(app: App) -> str:
    """Every message the app has put up for the facilitator, in one string."""
    return " | ".join(notification.message for notification in app._notifications)


def notes_on_disk(app) -> list[dict]:
    """The open session's notes on disk: in its file and the journal of its actions since."""
    from circlekeeper.sessions.storage.session_file import read_session

    path: Path = app.host.opened.handle.path
    found = read_session(path)
    assert found is not None
    return list(found[0].get("notes", {}).values())
