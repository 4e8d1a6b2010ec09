"""Keeping the bench's child processes from outliving it.

The bench starts programs on pseudo-terminals, each in a session of its own, so no
signal meant for the bench's terminal reaches them. Two guards make sure each one ends
with the bench, however the bench ends:

- :func:`end_on_signals` turns ``SIGTERM`` and ``SIGHUP`` into an exception in the bench,
  as Ctrl+C already is, so every ``finally`` that stops a child runs;
- :func:`dies_with_parent`, given to ``Popen`` as ``preexec_fn``, asks Linux to kill the
  child when the bench dies, even by ``SIGKILL``, where no ``finally`` can run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
from types import FrameType

PR_SET_PDEATHSIG = 1
"""The ``prctl`` option that names the signal a child gets when its parent dies."""


class Stopped(BaseException):
    """The bench was asked to stop by a signal; raised where it was, to unwind it."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(f"stopped by {signal.Signals(signum).name}")


def end_on_signals() -> None:
    """Let ``SIGTERM`` and ``SIGHUP`` unwind the bench, as ``KeyboardInterrupt`` does."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)


def dies_with_parent() -> None:
    """In a child about to run its program: be killed when the bench dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def start_on_a_terminal(
    argv: list[str], env: dict[str, str], size: tuple[int, int]
) -> tuple[int, subprocess.Popen[bytes]]:
    """Start ``argv`` on a new pseudo-terminal of ``size`` (columns, rows).

    The program runs in a session of its own and dies with the bench. Returns the
    terminal's side the bench reads and writes, and the process.
    """
    parent, child = os.openpty()
    columns, rows = size
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    try:
        process = subprocess.Popen(
            argv,
            stdin=child,
            stdout=child,
            stderr=child,
            env=env,
            start_new_session=True,
            preexec_fn=dies_with_parent,
        )
    except BaseException:
        os.close(parent)
        raise
    finally:
        os.close(child)
    return parent, process
