"""The crisis key from every screen and every dialog the app has, found by walking its modules.

Each screen and dialog class is discovered, not listed by hand: one added later without a
way to open it here fails :func:`test_every_screen_and_dialog_is_tried`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from driving import open_queue, start
from screen_text import footer_text, screen_text
from textual.screen import Screen
from textual.widgets import Input

import circlekeeper.tui.dialogs
import circlekeeper.tui.screens
from circlekeeper.sessions.engine.session import SessionState
from circlekeeper.sessions.groups.meeting import Meeting
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.privacy.guard import Finding
from circlekeeper.sessions.structures.topic_status import TopicLine
from circlekeeper.tui.dialogs.add_resource import AddResourceDialog
from circlekeeper.tui.dialogs.carry_forward import CarryForwardDialog
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.debrief import DebriefDialog
from circlekeeper.tui.dialogs.dropbox_open import DropBoxOpenDialog
from circlekeeper.tui.dialogs.export import ExportDialog
from circlekeeper.tui.dialogs.follow_through import FollowThroughDialog
from circlekeeper.tui.dialogs.last_time import LastTimeDialog
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.dialogs.rating_hands import RatingHandsDialog
from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.dialogs.topic_forms import ThumbsDialog, TopicDialog, VotesDialog
from circlekeeper.tui.screens.crisis import CrisisScreen
from circlekeeper.tui.screens.group import GroupScreen
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.summary import SummaryScreen
from circlekeeper.tui.widgets.keys_footer import KeysFooter


def screen_classes() -> set[type[Screen]]:
    """Every screen and dialog class defined in the app's screens and dialogs packages,
    leaving out bases that are only there to be built on (those with subclasses)."""
    found: set[type[Screen]] = set()
    for package in (circlekeeper.tui.screens, circlekeeper.tui.dialogs):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                    found.add(cls)
    return {cls for cls in found if not any(c is not cls and issubclass(c, cls) for c in found)}


SIZE = (110, 36)


async def _push(pilot, build) -> Screen:
    screen = build()
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def _by_key(pilot, key: str) -> Screen:
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen


async def _run(pilot) -> Screen:
    return pilot.app.screen


async def _too_small(pilot) -> Screen:
    await pilot.resize_terminal(70, 20)
    await pilot.pause()
    return pilot.app.screen


async def _dropbox(pilot) -> Screen:
    await pilot.press("d")
    await pilot.pause()
    if isinstance(pilot.app.screen, DropBoxOpenDialog):  # not open yet: open it as offered
        await pilot.press("ctrl+s")
        await pilot.pause()
    return pilot.app.screen


async def _queue(pilot) -> Screen:
    await _dropbox(pilot)
    return await open_queue(pilot)


async def _back_to(pilot, run: Screen) -> None:
    """Back to the run screen as it was, with the timer running, for the next class."""
    app = pilot.app
    if app.size != SIZE:
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
    while app.screen is not run:
        app.pop_screen()
        await pilot.pause()
    if app.host.session.state is SessionState.PAUSED:
        await pilot.press("space")
        await pilot.pause()
    assert app.host.session.state is SessionState.RUNNING


TOPIC = TopicLine("1", "Saying no", 0, "facilitator")


def _session(pilot):
    return pilot.app.host.session


OPENERS = {
    "HomeScreen": lambda p: _push(
        p,
        lambda: HomeScreen(
            p.app.library,
            p.app.host.store.list,
            p.app.host.home_follow_throughs.open_due,
        ),
    ),
    "RunScreen": _run,
    "ResourcesScreen": lambda p: _by_key(p, "r"),
    "HelpScreen": lambda p: _by_key(p, "question_mark"),
    "DropBoxScreen": _dropbox,
    "DropBoxQueueScreen": _queue,
    "SummaryScreen": lambda p: _push(p, lambda: SummaryScreen(_session(p))),
    "TooSmallScreen": _too_small,
    "CrisisScreen": lambda p: _by_key(p, "exclamation_mark"),
    "NoteEditor": lambda p: _by_key(p, "n"),
    "DebriefDialog": lambda p: _push(p, lambda: DebriefDialog()),
    "CarryForwardDialog": lambda p: _push(p, lambda: CarryForwardDialog("A group", [])),
    "RatingHandsDialog": lambda p: _push(p, lambda: RatingHandsDialog(5)),
    "GroupScreen": lambda p: _push(
        p, lambda: GroupScreen(GroupStore(p.app.settings.folders.groups))
    ),
    "LastTimeDialog": lambda p: _push(p, lambda: LastTimeDialog(Meeting("g", "A group"))),
    "AddResourceDialog": lambda p: _push(p, lambda: AddResourceDialog()),
    "StartSessionDialog": lambda p: _push(p, lambda: StartSessionDialog("Another")),
    "DropBoxOpenDialog": lambda p: _push(p, lambda: DropBoxOpenDialog()),
    "FollowThroughDialog": lambda p: _push(p, lambda: FollowThroughDialog(date(2026, 3, 4))),
    "ConfirmDialog": lambda p: _push(p, lambda: ConfirmDialog("End the session?")),
    "ExportDialog": lambda p: _push(
        p, lambda: ExportDialog(_session(p), folder=p.app.settings.folders.data)
    ),
    "TopicDialog": lambda p: _push(p, lambda: TopicDialog()),
    "VotesDialog": lambda p: _push(p, lambda: VotesDialog([TOPIC])),
    "ThumbsDialog": lambda p: _push(p, lambda: ThumbsDialog(TOPIC)),
    "PrivacyPrompt": lambda p: _push(
        p, lambda: PrivacyPrompt("call Maria", [Finding("name", 5, 10, "Maria")])
    ),
}
"""How to reach each class with a session running, by its name."""


def test_every_screen_and_dialog_is_tried():
    assert {cls.__name__ for cls in screen_classes()} == set(OPENERS)


CHUNKS = 3
"""The classes are tried in this many app runs, each of a third of them, side by side."""


@pytest.mark.parametrize("chunk", range(CHUNKS))
async def test_the_crisis_key_works_from_every_screen_and_dialog(chunk, build_app):
    names = sorted(OPENERS)[chunk::CHUNKS]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space")
        run = app.screen
        for name in names:
            await _try_the_crisis_key(pilot, name)
            await _back_to(pilot, run)


async def _try_the_crisis_key(pilot, name: str) -> None:
    app = pilot.app
    before = await OPENERS[name](pilot)
    assert type(before).__name__ == name
    session = app.host.session
    if name == "CrisisScreen":
        await pilot.press("exclamation_mark", "ctrl+backslash")
        assert app.screen is before
        assert len([s for s in app.screen_stack if isinstance(s, CrisisScreen)]) == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        return
    typing = isinstance(app.focused, Input)
    if before.query(KeysFooter):
        # Where a text box can have focus, the footer shows the chord that works there.
        assert "Crisis" in footer_text(app), name
        if before.is_modal:
            assert "^\\ Crisis" in footer_text(app), name
    if typing:
        box = app.focused
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert app.screen is before and box.value.endswith("!"), name
        typed = box.value
        await pilot.press("ctrl+backslash")
    else:
        await pilot.press("exclamation_mark")
    await pilot.pause()
    assert isinstance(app.screen, CrisisScreen), name
    assert session.state is SessionState.PAUSED, name
    assert "timer stays paused" in screen_text(app), name
    await pilot.press("escape")
    await pilot.pause()
    # Next comes the follow-through record, which escape skips.
    assert isinstance(app.screen, FollowThroughDialog) and app.screen is not before, name
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is before, name
    if typing:
        assert box.value == typed, name


async def test_from_home_the_way_back_says_nothing_of_a_timer(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert "esc Back" in screen_text(app)
        assert "timer" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # With no session, the follow-through still comes, then the way back home.
        assert isinstance(app.screen, FollowThroughDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
