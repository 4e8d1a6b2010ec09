"""Bench section ``tui``: what the facilitator's app costs to open and to keep open.

- Launch: seconds from starting the installed ``circlekeeper`` in a pseudo-terminal to
  the home screen drawn (the agenda list and the first agenda's preview), beside a bare
  Textual app that shows one Static, started and watched the same way in the same run.
  The runs alternate so both meet the same machine; medians are printed, and their ratio
  against the target (<= 1.5x). A third app, made of the home screen's Textual widgets
  with the same words and none of our code, shows how much of the time is Textual's.
- Memory: peak resident memory of a process that runs a whole 90-minute built-in agenda
  through the app with Pilot and a fake clock, saving 200 notes through the note editor
  (target <= 150 MB).

Each measurement runs in a child process (this file, with ``bare`` or ``memory``), in
temporary data and config folders, so the figures include Python's start-up and imports,
as a facilitator meets them, and nothing touches the user's own sessions.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Iterator
from pathlib import Path

Figure = tuple[str, float, str, "tuple[str, float] | None"]

HERE = Path(__file__).resolve()
PROGRAM = str(Path(sys.executable).parent / "circlekeeper")
if not Path(PROGRAM).exists():
    PROGRAM = shutil.which("circlekeeper") or PROGRAM

RUNS = 11
SIZE = (160, 50)
"""The pseudo-terminal's columns and rows: room for the preview's first part."""
NOTES = 200
BARE_TEXT = "A bare Textual app with one Static"
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def _folders(root: Path) -> dict[str, str]:
    """Environment variables putting every circlekeeper folder under ``root``."""
    from circlekeeper.sessions import paths

    return {
        paths.DATA_DIR_ENV: str(root / "data"),
        paths.CONFIG_DIR_ENV: str(root / "config"),
        paths.TEMPLATES_DIR_ENV: str(root / "config" / "templates"),
        paths.EXPORTS_DIR_ENV: str(root / "exports"),
        paths.CACHE_DIR_ENV: str(root / "cache"),
    }


def _child_env(root: Path) -> dict[str, str]:
    # Python keeps compiled modules between runs, as on a facilitator's machine, even where
    # the shell running the bench asks it not to write them.
    dropped = ("NO_COLOR", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.pop("TEXTUAL", None)
    env.update(_folders(root), TERM="xterm-256color")
    return env


def _first_frame(argv: list[str], env: dict[str, str], wanted: list[str]) -> float:
    """Seconds from starting ``argv`` on a pseudo-terminal until all of ``wanted`` is drawn."""
    parent, child = os.openpty()
    columns, rows = SIZE
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    raw = ""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
    )
    os.close(child)
    try:
        deadline = started + 60
        while not all(word in ANSI.sub("", raw) for word in wanted):
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([parent], [], [], left)[0]:
                raise RuntimeError(f"{argv[0]} never drew {wanted}")
            try:
                raw += decoder.decode(os.read(parent, 65536))
            except OSError as error:  # the terminal closes if the program ends
                raise RuntimeError(f"{argv[0]} ended before drawing {wanted}") from error
        return time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(parent)


def launch_figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = _child_env(root)
        from circlekeeper.sessions.paths import Folders
        from circlekeeper.sessions.templates.library import TemplateLibrary

        library = TemplateLibrary.in_folders(Folders.resolve(_folders(root)))
        first = next(entry for entry in library.entries() if entry.agenda is not None)
        # The list shows titles; only the drawn preview shows the first part's heading.
        home = ["Agendas", first.title, first.agenda.parts[0].title]
        widgets_argv = [sys.executable, str(HERE), "widgets", str(first.path), *home]
        bare, widgets, app = [], [], []
        for _ in range(RUNS):
            bare.append(_first_frame([sys.executable, str(HERE), "bare"], env, [BARE_TEXT]))
            widgets.append(_first_frame(widgets_argv, env, home))
            app.append(_first_frame([PROGRAM], env, home))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    yield (f"bare Textual app to its first frame, median of {RUNS}", bare_median, " s", None)
    yield (
        f"the home screen's Textual widgets alone, no circlekeeper code, median of {RUNS}",
        statistics.median(widgets),
        " s",
        None,
    )
    yield (f"circlekeeper to the home screen drawn, median of {RUNS}", app_median, " s", None)
    yield ("launch, circlekeeper against the bare app", app_median / bare_median, "x", ("<=", 1.5))


def memory_figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, str(HERE), "memory"],
            capture_output=True,
            text=True,
            env=_child_env(Path(folder)),
            timeout=900,
        )
    if result.returncode != 0:
        raise RuntimeError(f"the memory run failed:\n{result.stdout}{result.stderr}")
    figures = dict(line.split("=", 1) for line in result.stdout.split() if "=" in line)
    yield ("notes saved in the memory run", float(figures["notes"]), "", (">=", NOTES))
    yield (
        f"peak memory, a 90-minute session with {NOTES} notes",
        float(figures["peak_mb"]),
        " MB",
        ("<=", 150),
    )


def run() -> Iterator[Figure]:
    yield from launch_figures()
    yield from memory_figures()


# The child processes ------------------------------------------------------------------


def run_bare() -> None:
    """A bare Textual app: one Static, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)

    Bare().run()


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

    from circlekeeper.sessions.config import Settings
    from circlekeeper.sessions.engine.clock import FakeClock
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
        await pilot.press(*"8", "enter", "enter")
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
        os.environ.update(_folders(Path(folder)))
        saved = asyncio.run(drive_session())
    print(f"notes={saved} peak_mb={_peak_mb(resource):.1f}")


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
    {"bare": run_bare, "widgets": run_widgets, "memory": run_memory}[sys.argv[1]]()
