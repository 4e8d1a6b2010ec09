"""Bench section ``timer``: what the run screen costs while its timer runs.

The installed ``circlekeeper`` is started on a pseudo-terminal, in temporary folders, and
driven from the keyboard as a facilitator would: the first agenda, eight people, the
timer started. Beside it, in the same run, a bare Textual app that redraws a clock (one
Static) once a second. Both then run side by side; over each of :data:`ROUNDS` windows of
:data:`WINDOW` seconds the bench reads, for every thread of each process, the time spent
on a CPU (``/proc/PID/task/*/schedstat``) and how often it went to sleep and was woken
(voluntary context switches). The medians of the per-window ratios are printed against
their targets (<= 1.5x the clock app, for both). Both terminals are read all along, so
neither program ever waits on its output.

Linux only: elsewhere the section prints that it cannot measure.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench_tui import ANSI, APPS, PROGRAM, _child_env
from child_processes import start_on_a_terminal

Figure = tuple[str, float, str, "tuple[str, float] | None"]

ROUNDS = 7
WINDOW = 4.0
"""Seconds each measured window lasts."""
SETTLE = 3.0
"""Seconds both programs run before the first window, so start-up is not counted."""
SIZE = (160, 50)
"""Columns and rows: large enough for the block digits a projector shows."""


class Terminal:
    """A program on a pseudo-terminal of its own, whose output is read and kept."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.fd, self.process = start_on_a_terminal(argv, env, SIZE)
        self.name = Path(argv[-1]).name
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.text = ""
        """What the program has drawn since the last :meth:`wait_for`, without escapes."""

    def read(self) -> None:
        """Take what the program has written so far."""
        try:
            self.text += ANSI.sub("", self._decoder.decode(os.read(self.fd, 65536)))
        except OSError as error:  # the terminal closes if the program ends
            raise RuntimeError(f"{self.name} ended unexpectedly") from error

    def wait_for(self, words: str, timeout: float = 60) -> None:
        """Read until ``words`` has been drawn; then forget what was read."""
        deadline = time.perf_counter() + timeout
        while words not in self.text:
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise RuntimeError(f"{self.name} never drew {words!r}")
            self.read()
        self.text = ""

    def press(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        """End the program and everything it started, then close the terminal."""
        with contextlib.suppress(ProcessLookupError):  # it had already ended
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.fd)


def usage(pid: int) -> tuple[float, int]:
    """Seconds on a CPU and voluntary context switches so far, over all of ``pid``'s threads."""
    cpu_ns, wakes = 0, 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            cpu_ns += int((task / "schedstat").read_text().split()[0])
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    wakes += int(line.split()[1])
        except (OSError, IndexError, ValueError):  # a thread that ended meanwhile
            continue
    return cpu_ns / 1e9, wakes


def keep_reading(terminals: list[Terminal], seconds: float) -> None:
    """Read every terminal for ``seconds``, so no program blocks on its output."""
    deadline = time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        ready, _, _ = select.select([t.fd for t in terminals], [], [], left)
        for terminal in terminals:
            if terminal.fd in ready:
                terminal.read()
                terminal.text = terminal.text[-4096:]


def start_the_timer(root: Path) -> Terminal:
    """``circlekeeper`` on the run screen of a new session, its timer running."""
    app = Terminal([PROGRAM], _child_env(root))
    app.wait_for("Agendas")
    app.press("\r")
    app.wait_for("people")
    keep_reading([app], 1.0)  # keys pressed before the dialog has its focus would be lost
    app.press("8\r")
    # Then enter through the dialog's other fields (newcomers, group, watch list), each
    # after the focus has moved on, until the run screen is drawn.
    for _ in range(8):
        try:
            app.wait_for("space starts the timer", timeout=0.7)
            break
        except RuntimeError:
            app.press("\r")
    else:
        app.wait_for("space starts the timer")
    app.press(" ")
    app.wait_for("left of")
    return app


def _median_ratio(windows: dict[str, list[float]]) -> float:
    """The median over the windows of the app's figure over the clock's, window by window."""
    pairs = zip(windows["app"], windows["clock"], strict=True)
    return statistics.median(app / max(clock, 1e-9) for app, clock in pairs)


def run() -> Iterator[Figure]:
    if not Path("/proc/self/schedstat").exists():
        yield ("the timer figures need Linux's /proc (not measured here)", 0, "", None)
        return
    with tempfile.TemporaryDirectory() as folder:
        clock = Terminal([sys.executable, APPS, "clock"], _child_env(Path(folder)))
        try:
            app = start_the_timer(Path(folder))
        except BaseException:
            clock.close()
            raise
        terminals = [clock, app]
        try:
            keep_reading(terminals, SETTLE)
            cpu: dict[str, list[float]] = {"clock": [], "app": []}
            wakes: dict[str, list[float]] = {"clock": [], "app": []}
            for n in range(ROUNDS):
                # Each window's readings alternate in order, so neither is always first.
                order = terminals if n % 2 else terminals[::-1]
                before = {t.name: usage(t.process.pid) for t in order}
                keep_reading(terminals, WINDOW)
                after = {t.name: usage(t.process.pid) for t in order}
                for key, terminal in (("clock", clock), ("app", app)):
                    (c0, w0), (c1, w1) = before[terminal.name], after[terminal.name]
                    cpu[key].append((c1 - c0) / WINDOW)
                    wakes[key].append((w1 - w0) / WINDOW)
        finally:
            for terminal in terminals:
                terminal.close()
    ratio_cpu, ratio_wakes = _median_ratio(cpu), _median_ratio(wakes)
    windows = f"median of {ROUNDS} windows of {WINDOW:g} s"
    yield (f"bare clock app: CPU, {windows}", 100 * statistics.median(cpu["clock"]), "%", None)
    yield (f"bare clock app: wake-ups a second, {windows}", statistics.median(wakes["clock"]),
           "", None)  # fmt: skip
    yield (f"run screen, timer running: CPU, {windows}", 100 * statistics.median(cpu["app"]),
           "%", None)  # fmt: skip
    yield (f"run screen, timer running: wake-ups a second, {windows}",
           statistics.median(wakes["app"]), "", None)  # fmt: skip
    yield ("timer running: CPU against the bare clock app", ratio_cpu, "x", ("<=", 1.5))
    yield ("timer running: wake-ups against the bare clock app", ratio_wakes, "x", ("<=", 1.5))
