"""The facilitator's app while phones send cards: key-to-screen times, idle and busy.

The full app runs headless in the bench's own process and event loop, set up with
Textual's Pilot, with a session started and its drop-box open. The note editor is
opened and closed from the keyboard, first idle and then while the phones send, and
each key is timed to the frame that shows its screen.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from dropbox_phones import go, phones_ready

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.engine.clock import SystemClock

KEY_SAMPLES_IDLE = 40
APP_SIZE = (110, 36)


@contextmanager
def own_folders() -> Iterator[None]:
    """Point the app's data, config and template folders at a temporary folder."""
    from circlekeeper.sessions.settings import folders as paths

    names = (paths.DATA_DIR_ENV, paths.CONFIG_DIR_ENV, paths.TEMPLATES_DIR_ENV)
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            os.environ[name] = os.path.join(folder, name.lower())
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


KEY_GAP_SECONDS = 0.02
"""A breath between two key presses, as even a quick facilitator leaves."""


class Frames:
    """Notes when the app hands a frame to the terminal, and what screen it showed.

    Headless, the app composes every frame but writes none; the frame is turned into
    the terminal's bytes here, so the cost of drawing is counted as on a real terminal.
    """

    def __init__(self, app) -> None:
        self._app = app
        self._display = app._display
        self._wanted: tuple[type, asyncio.Future[float]] | None = None
        app._display = self._show

    def _show(self, screen, renderable) -> None:
        self._display(screen, renderable)
        if renderable is not None and hasattr(renderable, "render_segments"):
            renderable.render_segments(self._app.console)
        wanted = self._wanted
        if wanted is not None and isinstance(screen, wanted[0]) and not wanted[1].done():
            wanted[1].set_result(time.perf_counter())
            self._wanted = None

    async def key_to_screen(self, key: str, shows: type) -> float:
        """Seconds from pressing ``key`` until a frame of the screen ``shows`` is drawn."""
        from textual import events

        drawn = asyncio.get_running_loop().create_future()
        self._wanted = (shows, drawn)
        started = time.perf_counter()
        self._app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        seconds = await asyncio.wait_for(drawn, 30) - started
        await asyncio.sleep(KEY_GAP_SECONDS)
        return seconds


async def app_burst() -> tuple[list[float], list[float], int, str]:
    """The app with a session and an open drop-box: key presses idle, then in a burst.

    Returns the idle and the busy key-to-screen times, the cards waiting at the end,
    and the new-cards counter's words at the end.
    """
    from circlekeeper.sessions.settings.config import Settings
    from circlekeeper.tui.app import make_app
    from circlekeeper.tui.dialogs.note_editor import NoteEditor
    from circlekeeper.tui.screens.home import HomeScreen
    from circlekeeper.tui.screens.run_session import RunScreen
    from circlekeeper.tui.widgets.card_counter import CardCounter

    with own_folders():
        app = make_app(Settings.load(os.environ), clock=SystemClock())
        async with app.run_test(size=APP_SIZE) as pilot:
            await pilot.pause()
            app.screen.post_message(
                HomeScreen.StartRequested(app.library.find("colleague-relationships"))
            )
            await pilot.pause()
            # The people present, then Enter through the newcomers, the group and the
            # watch list, which starts the session; then the timer.
            await pilot.press("1", "5", "enter", "enter", "enter", "enter")
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()
            assert isinstance(app.screen, RunScreen), app.screen
            # Opened as the run screen's d key would, with the bench's room limit.
            host = app.host
            assert host.session is not None
            box = DropBox(host.session, rate_per_minute=1000, on_card=host.dropbox_changed)
            host.dropbox = box
            url = await box.open()
            host.dropbox_changed()
            frames = Frames(app)
            # The note editor opened and closed: what a facilitator does as cards come in.
            keys = (("n", NoteEditor), ("escape", RunScreen))
            idle = [await frames.key_to_screen(*keys[n % 2]) for n in range(KEY_SAMPLES_IDLE)]
            busy: list[float] = []
            async with phones_ready(url) as phones:
                assert phones.stdout is not None
                await go(phones)
                done = asyncio.ensure_future(phones.stdout.readline())
                while not done.done() or len(busy) % 2:
                    busy.append(await frames.key_to_screen(*keys[len(busy) % 2]))
                await asyncio.wait_for(done, 60)
                await asyncio.wait_for(phones.wait(), 10)
            await pilot.pause()
            counter = str(app.screen.query_one(CardCounter).render())
            waiting = box.waiting_count()
            await pilot.press("ctrl+q")
    return idle, busy, waiting, counter
