"""The core stays usable without the terminal interface: no module of it pulls in Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import circlekeeper.sessions as core


def core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(core.__path__, prefix=f"{core.__name__}.")
    )


def test_there_are_core_modules_to_check() -> None:
    assert len(core_modules()) > 20


def test_no_core_module_imports_textual_or_rich() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')\n"
        "             or m.startswith('circlekeeper.tui'))\n"
        "print(' '.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
