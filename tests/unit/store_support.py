"""Sessions saved on disk and the installed command run on them, for the storage tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from engine_support import agenda

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.host.opening import start_session
from circlekeeper.sessions.storage.session_store import SessionStore

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
"""The installed console script."""


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``circlekeeper`` on the data folder ``data``, as a user would."""
    return subprocess.run(
        [PROGRAM, "--data-dir", str(data), *args], capture_output=True, text=True, timeout=60
    )


def saved_session(data: Path, *notes: str, when: datetime | None = None) -> str:
    """A session started from the test agenda in ``data``, with ``notes``; returns its id."""
    clock = FakeClock(when or datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc))
    opened = start_session(SessionStore(data / "sessions"), agenda(), clock, attendance=6)
    try:
        for text in notes:
            opened.session.add_note(text, kind="theme")
    finally:
        opened.close()
    return opened.handle.id
