"""Kill a process that is saving notes, again and again, and check nothing saved is lost.

A child process opens a session and saves notes in a loop, printing each note's id once
the save call has returned. Each save is a line appended to the session's journal; every
few saves the child closes the session (writing the file whole and removing the journal)
and opens it again. The parent kills it with SIGKILL after a random number of saves (so
at a random point inside the next append, or a compaction), then reads the session as
listing and export do, journal and all, and starts another child on the same files. At
the end every session file must be valid JSON, and every note a child reported as saved
must be in its session.
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

from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import sys
from pathlib import Path
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore

root, session_id, run, every = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = SessionStore(root)
handle = store.open(session_id)
n = 0
while True:
    n += 1
    note_id = f"{run}-{n}"
    handle.record.put_note({"id": note_id, "kind": "theme", "text": "a note é " * (n % 7 + 1)})
    print(note_id, flush=True)
    if n % every == 0:
        handle.close()
        handle = store.open(session_id)
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
    saves = kills = journals = 0
    while saves < MIN_SAVES or kills < MIN_KILLS:
        session_id = session_ids[kills % len(session_ids)]
        every = rng.choice((2, 3, 1000))
        child = subprocess.Popen(
            [sys.executable, str(script), str(root), session_id, f"run{kills}", str(every)],
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
        # Left as the kill left it, journal and all, it lists and exports with every note.
        journal = journal_path(store.path_of(session_id))
        journals += journal.exists()
        assert saved[session_id] <= {n["id"] for n in store.read(session_id).notes()}

    assert journals, "some kills left a journal behind"
    for session_id in session_ids:
        json.loads(store.path_of(session_id).read_text(encoding="utf-8"))

    listing = SessionStore(root).list()
    assert listing.damaged == []
    assert not list(root.glob(".*.tmp")), "temporary files left by the kills are removed"
    for session_id in session_ids:
        with store.open(session_id) as handle:
            on_disk = {note["id"] for note in handle.record.notes()}
        assert saved[session_id] <= on_disk
