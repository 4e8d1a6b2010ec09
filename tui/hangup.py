"""Notice that the app's terminal has gone, so the app can close its session and end.

A terminal can vanish under a running app: a window closed, an SSH link dropped, a tmux
pane killed, or a program that started the app on a pseudo-terminal ending. Textual's
Linux driver then finds its input at end of file and tries again at once, for ever, so
an app left behind would spin on a core until the laptop's battery is flat. Two signs
are watched here:

- ``SIGHUP``, which the system sends when the app's controlling terminal hangs up (and
  which ``kill -HUP`` sends by hand);
- a hang-up on the terminal itself, for an app whose terminal is not its controlling one
  (started in a new session, as a bench or a test harness does), seen by a thread that
  sleeps in ``poll`` on standard input and wakes only when the terminal hangs up.

Either way the callback runs once, in the app's event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable

HANGUP_EXIT_CODE = 128 + signal.SIGHUP
"""The exit code of an app whose terminal went away, as a shell reports a hang-up."""

LAST_SECONDS = 5.0
"""How long an app whose terminal has gone may take to end on its own, once its session
is saved, before :func:`end_within` ends it."""


def end_within(seconds: float, code: int) -> None:
    """End this process with ``code`` after ``seconds``, unless it has ended by then.

    For an app whose terminal has gone, once its session is saved: Textual's own shutdown
    writes to the terminal, and it was seen to wait for ever on its writer thread after
    the terminal closed, leaving the app behind. There is no one to restore a terminal
    for, so nothing is lost by ending without it.
    """

    def end() -> None:
        time.sleep(seconds)
        os._exit(code)

    threading.Thread(target=end, name="last-seconds", daemon=True).start()


def watch_for_hangup(on_hangup: Callable[[], object]) -> None:
    """Call ``on_hangup`` in the running event loop once the terminal has gone.

    Does nothing where there is no terminal to lose (input is not a terminal, or the
    system has no ``SIGHUP``, as on Windows).

    Args:
        on_hangup: Called once, in the event loop this is called from.
    """
    if not hasattr(signal, "SIGHUP") or not _stdin_is_a_terminal():
        return
    loop = asyncio.get_running_loop()
    called = False

    def once() -> None:
        nonlocal called
        if not called:
            called = True
            on_hangup()

    loop.add_signal_handler(signal.SIGHUP, once)
    watcher = threading.Thread(
        target=_wait_for_hangup, args=(loop, once), name="terminal-hangup", daemon=True
    )
    watcher.start()


def _stdin_is_a_terminal() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):  # no standard input, or a stand-in
        return False


def _wait_for_hangup(loop: asyncio.AbstractEventLoop, once: Callable[[], None]) -> None:
    """Sleep until standard input's terminal hangs up, then hand over to the loop."""
    poller = select.poll()
    # Asking for no events at all: poll still reports a hang-up or an error, and nothing
    # else wakes this thread, so it costs nothing while the terminal is there.
    poller.register(sys.stdin.fileno(), 0)
    gone = select.POLLHUP | select.POLLERR | select.POLLNVAL
    while not any(mask & gone for _, mask in poller.poll()):
        pass
    with contextlib.suppress(RuntimeError):  # the loop has closed: the app is ending anyway
        loop.call_soon_threadsafe(once)
