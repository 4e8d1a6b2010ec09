"""Bench section ``memory``: what a whole session costs in memory, against a bare Textual app.

A child process runs a 90-minute built-in agenda through the real app with Pilot and a
fake clock, saving 200 notes through the note editor; another runs a bare Textual app (a
Static and a Footer) the same way, redrawing a clock. Each prints its own peak resident
memory. The runs alternate, and the medians give the target: the session's peak at most
1.5x the bare app's plus 40 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench_tui import APPS, _child_env
from tui_bench_apps import NOTES

Figure = tuple[str, float, str, "tuple[str, float] | None"]

RUNS = 2


def _run(program: str) -> dict[str, float]:
    """The figures a child run of ``program`` prints (``name=value`` words)."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, APPS, program],
            capture_output=True,
            text=True,
            env=_child_env(Path(folder)),
            timeout=900,
        )
    if result.returncode != 0:
        raise RuntimeError(f"the {program} run failed:\n{result.stdout}{result.stderr}")
    return {k: float(v) for k, v in (w.split("=", 1) for w in result.stdout.split() if "=" in w)}


def run() -> Iterator[Figure]:
    peaks: dict[str, list[float]] = {"memory": [], "bare-memory": []}
    notes = []
    for n in range(RUNS):
        for program in sorted(peaks, reverse=n % 2 == 1):
            figures = _run(program)
            peaks[program].append(figures["peak_mb"])
            if program == "memory":
                notes.append(figures["notes"])
    bare, session = statistics.median(peaks["bare-memory"]), statistics.median(peaks["memory"])
    yield ("notes saved in each session run (fewest)", min(notes), "", (">=", NOTES))
    yield ("peak memory, a bare Textual app (median)", bare, " MB", None)
    yield (
        f"peak memory, a 90-minute session with {NOTES} notes (median), against "
        "1.5x the bare app + 40 MB",
        session, " MB", ("<=", 1.5 * bare + 40),
    )  # fmt: skip
