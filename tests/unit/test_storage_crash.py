"""Kill a process that is saving notes, again and again, and check nothing saved is lost.

A child process opens a session and saves notes in a loop, printing each note's id once
the save call has returned. The parent kills it with SIGKILL after a random number of
saves (so at a random point inside the next save), then starts another child on the same
files. At the end every session file must be valid JSON, and every note a child reported
as saved must be in its session.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from circlekeeper.sessions.storage.session_store import SessionStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import sys
from pathlib import Path
from circlekeeper.sessions.storage.session_store import SessionStore

root, session_id, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
handle = SessionStore(root).open(session_id)
n = 0
while True:
    n += 1
    note_id = f"{run}-{n}"
    handle.record.put_note({"id": note_id, "kind": "theme", "text": "a note " * (n % 7 + 1)})
    print(note_id, flush=True)
"""

MIN_SAVES = 200
MIN_KILLS = 8


def test_notes_saved_before_a_kill_survive_it(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    store = SessionStore(root)
    session_ids = []
    for _ in range(2):
        with store.create(datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)) as handle:
            session_ids.append(handle.id)
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    rng = random.Random(20260304)

    saved: dict[str, set[str]] = {sid: set() for sid in session_ids}
    saves = kills = 0
    while saves < MIN_SAVES or kills < MIN_KILLS:
        session_id = session_ids[kills % len(session_ids)]
        child = subprocess.Popen(
            [sys.executable, str(script), str(root), session_id, f"run{kills}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        for _ in range(rng.randint(1, 70)):
            line = child.stdout.readline().strip()
            if not line:
                pytest.fail(f"the child stopped: {child.stderr.read() if child.stderr else ''}")
            saved[session_id].add(line)
            saves += 1
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # Saves whose id was printed before the kill landed count too.
        saved[session_id].update(line.strip() for line in child.stdout if line.strip())
        child.communicate()
        kills += 1

    for session_id in session_ids:
        json.loads(store.path_of(session_id).read_text(encoding="utf-8"))

    listing = SessionStore(root).list()
    assert listing.damaged == []
    assert not list(root.glob(".*.tmp")), "temporary files left by the kills are removed"
    for session_id in session_ids:
        with store.open(session_id) as handle:
            on_disk = {note["id"] for note in handle.record.notes()}
        assert saved[session_id] <= on_disk
