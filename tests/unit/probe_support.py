"""Python code run in a fresh interpreter, for the tests that ask what a step loads."""

from __future__ import annotations

import os
import subprocess
import sys


def run_probe(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with this environment's Python in a new process; its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
