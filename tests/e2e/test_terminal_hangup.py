"""The installed app ends, its session saved, when its terminal goes away.

The app runs on a pseudo-terminal of the test's own. Closing the test's end is what a
closed window or a dropped SSH link does to it; a bench that was interrupted once left
two copies spinning on such terminals. Every wait has a generous deadline.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.host import reopen_session
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.session_store import SessionStore

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
ESCAPES = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
"""Terminal escapes, taken out of what the app writes so its words can be found."""
WAIT = 30.0
"""Seconds allowed for anything the app does; generous, for a busy test machine."""
HANGUP_EXIT_CODE = 129

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs POSIX pseudo-terminals"),
]


class PseudoTerminal:
    """The app on a pseudo-terminal in a session of its own, its output read as it comes."""

    def __init__(self, env: dict[str, str]) -> None:
        self.fd, child = os.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.process = subprocess.Popen(
            [PROGRAM], stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
        )
        os.close(child)
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        self.text = ""

    def wait_for(self, words: str, timeout: float = WAIT) -> bool:
        """Read until ``words`` is drawn (True) or ``timeout`` passes (False)."""
        deadline = time.monotonic() + timeout
        while words not in self.text:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return False
            self.text += ESCAPES.sub("", self._decode(os.read(self.fd, 65536)))
        self.text = ""
        return True

    def settle(self, seconds: float) -> None:
        """Read for ``seconds``, letting the app finish what it is doing."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self.fd], [], [], left)[0]:
                os.read(self.fd, 65536)

    def press(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def hang_up(self) -> None:
        """Close the test's end, as a terminal window closing does."""
        os.close(self.fd)
        self.fd = -1

    def exit_code(self) -> int | None:
        """How the app ended, or None if it is still running after :data:`WAIT`.

        While the terminal is open its output is read, so the app never waits to write.
        """
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None and time.monotonic() < deadline:
            if self.fd >= 0 and select.select([self.fd], [], [], 0.1)[0]:
                try:
                    os.read(self.fd, 65536)
                except OSError:  # the app has closed its end
                    self.hang_up()
            elif self.fd < 0:
                time.sleep(0.1)
        return self.process.poll()

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        if self.fd >= 0:
            os.close(self.fd)


@pytest.fixture
def app_on_a_terminal(isolated_dirs: dict[str, Path]):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    terminal = PseudoTerminal(env)
    try:
        assert terminal.wait_for("Agendas")
        yield terminal
    finally:
        terminal.close()


def test_a_running_session_is_saved_and_the_app_ends_when_its_terminal_closes(
    app_on_a_terminal: PseudoTerminal, folders: Folders
) -> None:
    terminal = app_on_a_terminal
    terminal.press("\r")
    assert terminal.wait_for("people")
    terminal.settle(1.0)  # keys pressed before the dialog has its focus would be lost
    # Enter through the start dialog's boxes, each once the focus has moved on.
    terminal.press("8")
    for _ in range(10):
        terminal.press("\r")
        if terminal.wait_for("space starts the timer", timeout=1.0):
            break
    terminal.press(" ")
    assert terminal.wait_for("left of")
    terminal.settle(2.0)  # running time is kept in whole seconds
    terminal.hang_up()
    assert terminal.exit_code() == HANGUP_EXIT_CODE
    # The running time up to the hang-up was written as the app closed, and the session
    # resumes with it; a killed app would have left none since the timer started.
    store = SessionStore.in_folders(folders)
    (entry,) = store.list().sessions
    reopened = reopen_session(store, entry.id, SystemClock())
    try:
        assert reopened.session.status().session_elapsed > 0
    finally:
        reopened.close()


def test_the_app_ends_on_a_hangup_signal(app_on_a_terminal: PseudoTerminal) -> None:
    app_on_a_terminal.process.send_signal(signal.SIGHUP)
    assert app_on_a_terminal.exit_code() == HANGUP_EXIT_CODE
