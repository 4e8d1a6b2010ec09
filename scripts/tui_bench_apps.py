"""The programs the ``tui`` bench section starts, each in a process of its own.

``python tui_bench_apps.py bare`` runs a bare Textual app with one Static and a Footer;
``clock`` a bare Textual app that redraws a clock once a second; ``widgets PATH TAB
TITLE PART`` the Textual widgets the home screen is made of, with the same words and none
of circlekeeper's code; ``memory`` a whole 90-minute session with :data:`NOTES` notes
through the real app, printing the notes saved and the peak memory; ``bare-memory`` the
bare app run the same way (headless, through Pilot), redrawing a clock, printing its peak
memory.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

NOTES = 200
BARE_TEXT = "A bare Textual app with one Static and a Footer"


def folders(root: Path) -> dict[str, str]:
    """Environment variables putting every circlekeeper folder under ``root``."""
    from circlekeeper.sessions.settings import folders as paths

    return {
        paths.DATA_DIR_ENV: str(root / "data"),
        paths.CONFIG_DIR_ENV: str(root / "config"),
        paths.TEMPLATES_DIR_ENV: str(root / "config" / "templates"),
        paths.EXPORTS_DIR_ENV: str(root / "exports"),
        paths.CACHE_DIR_ENV: str(root / "cache"),
    }


def run_bare() -> None:
    """A bare Textual app: one Static and a Footer, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)
            yield Footer()

    Bare().run()


def run_clock() -> None:
    """A bare Textual app that redraws a clock (one Static) once a second, and nothing else."""
    import time

    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Clock(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(time.strftime("%H:%M:%S"))

        def on_mount(self) -> None:
            self.set_interval(1, lambda: self.query_one(Static).update(time.strftime("%H:%M:%S")))

    Clock().run()


def run_widgets() -> None:
    """The Textual widgets the home screen is made of, filled with the same words.

    For reading the launch figure: what Textual itself costs to draw such a screen, so the
    difference to circlekeeper is the cost of circlekeeper's own code.
    """
    from rich.markdown import Markdown
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import ContentSwitcher, OptionList, Static

    path, tab, title, _ = sys.argv[2:6]
    agenda = Path(path).read_text(encoding="utf-8")

    class Widgets(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("circlekeeper")
            yield Static(f"1 {tab}  2 Resume (0)  3 Past sessions (0)")
            with ContentSwitcher(initial="agendas"):
                with Horizontal(id="agendas"):
                    yield OptionList(*[f"{title}\n  90 min · 7 parts"] * 7)
                    with VerticalScroll():
                        yield Static(title)
                        yield Static(Markdown(agenda))
                with Vertical(id="resume"):
                    yield OptionList()
                with Vertical(id="past"):
                    yield OptionList()
            yield Static("keys")

    Widgets().run()


def fill_history(root: Path, sessions: int, templates: int) -> None:
    """Give the folders under ``root`` a long history: ``sessions`` ended sessions, written
    straight to disk with an index that is up to date, and ``templates`` templates of the
    user's own, each a little different from a built-in one."""
    from datetime import datetime, timezone
    from importlib.resources import files

    from past_sessions import write_past_sessions

    from circlekeeper.sessions.settings.folders import Folders
    from circlekeeper.sessions.storage.session_store import SessionStore

    where = Folders.resolve(folders(root))
    start = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)
    write_past_sessions(SessionStore.in_folders(where).folder.root, sessions, start)
    builtin = sorted(Path(str(files("circlekeeper.templates"))).glob("*.md"))
    where.templates.mkdir(parents=True, exist_ok=True)
    for n in range(templates):
        text = builtin[n % len(builtin)].read_text(encoding="utf-8")
        # Sorted after the built-ins, so the first agenda listed is the same as without them.
        (where.templates / f"zz-ours-{n:03d}.md").write_text(
            f"{text}\n<!-- {n} -->\n", encoding="utf-8"
        )


def _note_text(n: int) -> str:
    themes = (
        "evenings after a long shift are the hardest part",
        "asking for help feels easier in a small group",
        "people want clearer handovers between teams",
        "a buddy for new starters came up more than once",
        "quiet rooms for breaks would help everyone",
    )
    return f"{themes[n % len(themes)]} (note {'abcdefghij'[n % 10]})"


async def drive_session() -> int:
    """Run a 90-minute built-in agenda from the keyboard; the number of notes saved."""
    from textual.widgets import Input

    from circlekeeper.sessions.engine.clock import FakeClock
    from circlekeeper.sessions.settings.config import Settings
    from circlekeeper.tui.app import make_app
    from circlekeeper.tui.dialogs.debrief import DebriefDialog
    from circlekeeper.tui.dialogs.note_editor import NoteEditor
    from circlekeeper.tui.screens.run_session import RunScreen

    clock = FakeClock()
    app = make_app(Settings.load(os.environ), clock=clock)

    async def until(test, what: str) -> None:
        for _ in range(500):
            if test():
                return
            await pilot.pause(0.01)
        raise RuntimeError(f"the app never reached {what}; it shows {app.screen!r}")

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        index = next(i for i, t in enumerate(home.templates) if t.agenda and t.minutes == 90)
        agenda = home.templates[index].agenda
        home.query_one("#template-list").highlighted = index
        await pilot.press("enter")
        # The people present, then Enter through the newcomers, the group and the watch
        # list, which starts the session.
        await pilot.press(*"8", "enter", "enter", "enter", "enter")
        await until(lambda: isinstance(app.screen, RunScreen), "the run screen")
        run = app.screen
        await pilot.press("space")

        per_part = [NOTES // len(agenda.parts)] * len(agenda.parts)
        per_part[-1] += NOTES - sum(per_part)
        written = 0
        for index, (part, count) in enumerate(zip(agenda.parts, per_part, strict=True)):
            step = part.minutes * 60 / (count + 1)
            for _ in range(count):
                clock.advance(step)
                if part.is_round:
                    await pilot.press("s")
                await pilot.press("n")
                await until(lambda: isinstance(app.screen, NoteEditor), "the note editor")
                # Typed key by key, 200 notes would take Pilot a quarter of an hour.
                app.screen.query_one("#note-text", Input).value = _note_text(written)
                await pilot.press("enter")
                await until(lambda: app.screen is run, "the run screen after a note")
                written += 1
            clock.advance(step)
            if index < len(agenda.parts) - 1:
                await pilot.press("right_square_bracket")
        await pilot.press("e", "y")
        await until(lambda: isinstance(app.screen, DebriefDialog), "the debrief")
        await pilot.press("escape")
        await pilot.pause()
        return len(run.session.notes())


def run_memory() -> None:
    import asyncio
    import resource

    with tempfile.TemporaryDirectory() as folder:
        # Never the user's own folders, however this was started.
        os.environ.update(folders(Path(folder)))
        saved = asyncio.run(drive_session())
    print(f"notes={saved} peak_mb={_peak_mb(resource):.1f}")


def run_bare_memory() -> None:
    """The bare app, run as the memory run runs the real one, redrawing a clock."""
    import asyncio
    import resource

    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT, id="clock")
            yield Footer()

    async def drive() -> None:
        app = Bare()
        async with app.run_test(size=(120, 40)) as pilot:
            clock = app.query_one("#clock", Static)
            for second in range(NOTES):
                clock.update(f"{BARE_TEXT} {second // 60:02d}:{second % 60:02d}")
                await pilot.pause()

    asyncio.run(drive())
    print(f"peak_mb={_peak_mb(resource):.1f}")


def _peak_mb(resource) -> float:
    """This process's own peak resident memory.

    On Linux the resource figure also counts the parent's memory at the moment this
    process was started (a bench that had run the drop-box section read 172 MB here), so
    the high-water mark of this process's own memory is read from /proc instead.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes; macOS counts bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    programs = {"bare": run_bare, "clock": run_clock, "widgets": run_widgets, "memory": run_memory}
    programs["bare-memory"] = run_bare_memory
    programs[sys.argv[1]]()
