"""The installed ``circlekeeper`` in a real terminal, driven by keys as a facilitator would.

tmux supplies the terminal: a private tmux server per test, a window of a chosen size, keys
sent with ``send-keys`` and the screen read back with ``capture-pane``. Every wait polls
the screen for a bounded time, since the program runs at its own pace in another process.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
TMUX = shutil.which("tmux") or "tmux"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed (scripts/test installs it when run as root)",
    ),
]

EXITED = "circlekeeper exited with"
COMMAND = f"{shlex.quote(PROGRAM)}; echo {EXITED} $?"
"""The program, in a shell that says how it ended (tmux's own exit status is unreliable)."""

WAIT = 20.0
"""Seconds to wait for something to be drawn; generous, for a busy test machine."""


class Terminal:
    """One tmux window running one command, on a tmux server of its own."""

    def __init__(self, socket_name: str, config: Path) -> None:
        self.socket_name = socket_name
        self.config = config
        self.socket_path: Path | None = None

    def tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            [TMUX, "-L", self.socket_name, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
            check=True,
        )
        return result.stdout

    def start(self, size: tuple[int, int], env: dict[str, str]) -> None:
        """Open a window of ``size`` (columns, rows) running the program."""
        columns, rows = size
        # The tmux server starts here and hands its environment to the window.
        self.tmux(
            "new-session", "-d", "-s", "ck", "-x", str(columns), "-y", str(rows), COMMAND, env=env
        )
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def restart(self) -> None:
        """Run the program again in the same window, once it has ended."""
        self.tmux("clear-history", "-t", "ck")
        self.tmux("respawn-pane", "-k", "-t", "ck", COMMAND)

    def screen(self) -> str:
        """What the window shows now, line by line."""
        return self.tmux("capture-pane", "-p", "-t", "ck")

    def scrollback(self) -> str:
        """Everything written outside the app's own screen, the scrolled-off lines too."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", "ck")

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """The screen, once it shows every one of ``texts``; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            if time.monotonic() > deadline:
                missing = [t for t in texts if t not in shown]
                raise AssertionError(f"never shown: {missing}; the screen was:\n{shown}")
            time.sleep(0.1)

    def wait_until_gone(self, text: str, timeout: float = WAIT) -> str:
        """The screen, once ``text`` is no longer on it."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text not in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"still shown: {text!r}; the screen was:\n{shown}")
            time.sleep(0.1)

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is: the app keeps it in the focused text field."""
        x, y = self.tmux("display-message", "-p", "-t", "ck", "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def wait_for_cursor(self, on_row: bool, row: int, timeout: float = WAIT) -> None:
        """Wait until the cursor is on ``row`` (or, with ``on_row`` false, off it)."""
        deadline = time.monotonic() + timeout
        while (self.cursor()[1] == row) != on_row:
            if time.monotonic() > deadline:
                where = "on" if on_row else "off"
                raise AssertionError(f"the cursor never went {where} row {row}:\n{self.screen()}")
            time.sleep(0.1)

    def row_of(self, text: str) -> int:
        """The first screen row showing ``text``."""
        return next(n for n, line in enumerate(self.screen().splitlines()) if text in line)

    def press(self, *keys: str) -> None:
        """Send keys by tmux's names (``Enter``, ``Space``, ``C-q``)."""
        self.tmux("send-keys", "-t", "ck", *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally."""
        self.tmux("send-keys", "-t", "ck", "-l", text)

    def resize(self, columns: int, rows: int) -> None:
        self.tmux("resize-window", "-t", "ck", "-x", str(columns), "-y", str(rows))

    def exit_status(self, timeout: float = WAIT) -> int:
        """The program's exit code, once it has ended (the shell around it prints it)."""
        deadline = time.monotonic() + timeout
        while True:
            # The line may have scrolled off as the app restored the terminal.
            found = re.findall(rf"{EXITED} (\d+)", self.scrollback())
            if found:
                return int(found[-1])
            if time.monotonic() > deadline:
                raise AssertionError(f"still running; the screen was:\n{self.screen()}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(
            [TMUX, "-L", self.socket_name, "kill-server"],
            capture_output=True,
            timeout=30,
        )
        if self.socket_path is not None:  # tmux leaves its socket file behind
            self.socket_path.unlink(missing_ok=True)


def fill_start_dialog(terminal: Terminal, people: str) -> None:
    """Fill the start dialog as a person does: the number present, then Enter to the end.

    Each Enter moves to the next box (newcomers, group, names to watch for) and the last
    one starts; a second Enter sent before the focus has moved would reach the box before.
    """
    terminal.wait_for("How many people are in the group?", "e.g. 8")
    row = terminal.row_of("e.g. 8")
    terminal.type(people)
    terminal.wait_for_cursor(True, row)
    for _ in range(3):
        terminal.press("Enter")
        terminal.wait_for_cursor(False, row)
        row = terminal.cursor()[1]
    terminal.press("Enter")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server whose windows stay open after their program ends."""
    config = tmp_path / "tmux.conf"
    config.write_text("set -g remain-on-exit on\nset -g status off\n", encoding="utf-8")
    term = Terminal(f"ck-{os.getpid()}-{uuid.uuid4().hex[:8]}", config)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def app_env(isolated_dirs: dict[str, Path]) -> dict[str, str]:
    """The program's environment: this test's folders (the autouse fixture set them)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.pop("TMUX", None)  # when the tests themselves run inside tmux
    env["TERM"] = "xterm-256color"
    return env


def test_a_session_from_start_to_quit_and_back(terminal: Terminal, app_env, library) -> None:
    """Start a session from the first agenda, run it, share the screen, quit, and resume."""
    first = library.entries()[0].title
    terminal.start((100, 30), app_env)
    terminal.wait_for("Agendas", first, "Resume (0)")

    terminal.press("Enter")
    terminal.wait_for(f"Start: {first}", "How many people are in the group?", "e.g. 8")
    fill_start_dialog(terminal, "8")
    shown = terminal.wait_for("Part 1 of", "Ready")
    assert "FACILITATOR VIEW" in shown
    assert "Guidance (facilitator only)" in shown

    terminal.press("Space")
    terminal.wait_for("left of")

    terminal.press("v")
    shown = terminal.wait_for("PARTICIPANT VIEW")
    assert "Guidance (facilitator only)" not in shown
    assert "FACILITATOR VIEW" not in shown
    assert "Part 1 of" in shown

    terminal.press("C-q")
    assert terminal.exit_status() == 0

    terminal.restart()
    terminal.wait_for("Agendas", "Resume (1)")


def test_a_small_window_says_what_it_needs_then_comes_back(
    terminal: Terminal, app_env, library
) -> None:
    """70x20 is too small: the app says so and the size it needs; at 100x30 home returns."""
    first = library.entries()[0].title
    terminal.start((70, 20), app_env)
    shown = terminal.wait_for("This window is 70x20", "needs at least 80x24")
    assert "Agendas" not in shown

    terminal.resize(100, 30)
    terminal.wait_for("Agendas", first)
    terminal.wait_until_gone("needs at least")

    terminal.press("C-q")
    assert terminal.exit_status() == 0


def test_the_crisis_key_from_a_text_box_and_from_a_dialog(
    terminal: Terminal, app_env, library
) -> None:
    """ctrl+\\ from a note being typed, ! from help: the crisis line, then back as it was."""
    terminal.start((100, 30), app_env)
    terminal.wait_for("Agendas")
    terminal.press("Enter")
    fill_start_dialog(terminal, "8")
    terminal.wait_for("Part 1 of", "Ready")
    terminal.press("Space")
    terminal.wait_for("left of")

    terminal.press("n")
    terminal.wait_for("New note", "^\\ Crisis")
    terminal.type("half a thought!")
    terminal.wait_for("half a thought!")  # in a text box, ! is typed
    assert "Support is available" not in terminal.screen()
    terminal.press("C-\\")
    shown = terminal.wait_for("Support is available", "timer stays paused")
    assert "half a thought" not in shown
    terminal.press("Escape")
    terminal.wait_for("After the crisis: for you only")  # the follow-through, put off here
    terminal.press("Escape")
    terminal.wait_for("New note", "half a thought!")

    terminal.press("Escape")  # the note is put aside
    terminal.wait_until_gone("New note")
    terminal.press("?")
    terminal.wait_for("Close help")
    terminal.press("!")
    terminal.wait_for("Support is available")
    terminal.press("Escape")
    terminal.wait_for("After the crisis: for you only")
    terminal.press("Escape")
    terminal.wait_for("Close help")

    terminal.press("C-q")
    assert terminal.exit_status() == 0


FACILITATOR_WORDS = (
    "FACILITATOR",
    "Guidance",
    "Notes in this part",
    "press",
    "Press",
    "space",
    "Crisis",
    "Rebalance",
    "^q",
    "v switches",
    "more below",
    "Help",
)
"""Words only the facilitator's screen has: keys, hints, guidance, notes, dialogs."""


def test_the_shared_screen_carries_nothing_of_the_facilitators(terminal: Terminal, app_env) -> None:
    """The participant view at 80x24 and 120x40, read whole, in a speaking round."""
    terminal.start((80, 24), app_env)
    terminal.wait_for("Agendas", "Resume (0)")
    terminal.press("Enter")
    fill_start_dialog(terminal, "6")
    terminal.wait_for("Part 1 of", "Ready")
    terminal.press("]")
    terminal.wait_for("Part 2 of")
    terminal.press("Space")
    terminal.wait_for("Speaker 1 of 6")
    terminal.press("v")
    for size in ((80, 24), (120, 40)):
        terminal.resize(*size)
        # Keys that would open something private, pressed on the shared screen.
        for key in ("n", "e", "b", "d", "?"):
            terminal.press(key)
        terminal.wait_for("PARTICIPANT VIEW", "Speaker 1 of 6", "left")
        time.sleep(0.5)  # anything a key opened would be drawn by now
        shown = terminal.screen()
        found = [word for word in FACILITATOR_WORDS if word in shown]
        assert not found, f"{found} on the shared screen at {size}:\n{shown}"
