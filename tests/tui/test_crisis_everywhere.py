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
from driving import open_dropbox, open_queue, start
from screen_text import footer_text, screen_text
from textual.screen import Screen
from textual.widgets import Input

import circlekeeper.tui.dialogs
import circlekeeper.tui.screens
from circlekeeper.sessions.engine.session import SessionState
from circlekeeper.sessions.groups.meeting import Meeting
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.privacy.guard import Finding
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


async def _push(pilot, build) -> Screen:
    await start(pilot)
    await pilot.press("space")
    screen = build()
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def _by_key(pilot, key: str) -> Screen:
    await start(pilot)
    await pilot.press("space", key)
    await pilot.pause()
    return pilot.app.screen


async def _run(pilot) -> Screen:
    await start(pilot)
    await pilot.press("space")
    return pilot.app.screen


async def _too_small(pilot) -> Screen:
    await start(pilot)
    await pilot.press("space")
    await pilot.resize_terminal(70, 20)
    await pilot.pause()
    return pilot.app.screen


async def _dropbox(pilot) -> Screen:
    await open_dropbox(pilot)
    return pilot.app.screen


async def _queue(pilot) -> Screen:
    await open_dropbox(pilot)
    return await open_queue(pilot)


def _session(pilot):
    return pilot.app.host.session


OPENERS = {
    "HomeScreen": lambda p: _push(
        p, lambda: HomeScreen(p.app.host.store, p.app.library, p.app.host.home_follow_throughs)
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
    "PrivacyPrompt": lambda p: _push(
        p, lambda: PrivacyPrompt("call Maria", [Finding("name", 5, 10, "Maria")])
    ),
}
"""How to reach each class with a session running, by its name."""


def test_every_screen_and_dialog_is_tried():
    assert {cls.__name__ for cls in screen_classes()} == set(OPENERS)


@pytest.mark.parametrize("name", sorted(OPENERS))
async def test_the_crisis_key_works_from(name, build_app):
    app = build_app()
    async with app.run_test(size=(110, 36)) as pilot:
        before = await OPENERS[name](pilot)
        assert type(before).__name__ == name
        session = app.host.session
        if name == "CrisisScreen":
            await pilot.press("exclamation_mark", "ctrl+backslash")
            assert app.screen is before
            assert len([s for s in app.screen_stack if isinstance(s, CrisisScreen)]) == 1
            return
        typing = isinstance(app.focused, Input)
        if before.query(KeysFooter):
            # Where a text box can have focus, the footer shows the chord that works there.
            assert "Crisis" in footer_text(app)
            if before.is_modal:
                assert "^\\ Crisis" in footer_text(app)
        if typing:
            box = app.focused
            await pilot.press("exclamation_mark")
            await pilot.pause()
            assert app.screen is before and box.value.endswith("!")
            typed = box.value
            await pilot.press("ctrl+backslash")
        else:
            await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert session.state is SessionState.PAUSED
        assert "timer stays paused" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # Next comes the follow-through record, which escape skips.
        assert isinstance(app.screen, FollowThroughDialog) and app.screen is not before
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before
        if typing:
            assert box.value == typed


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
