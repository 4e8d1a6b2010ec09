"""Bench section ``tui``: what the facilitator's app costs to open and to keep open.

- Launch: seconds from starting the installed ``circlekeeper`` in a pseudo-terminal to
  the home screen drawn (the agenda list and the first agenda's preview), beside a bare
  Textual app that shows a Static and a Footer, started and watched the same way in the
  same run. The runs alternate, in a different order each round, so all meet the same
  machine and none always follows the same program. Medians are printed, and the median
  of each round's ratio against its target: with the template cache warm (<= 1.2x) and
  with it removed before each run (<= 1.4x), and with 1,000 past sessions and 200
  templates of the user's own against an empty setup (<= 1.1x). Another app, made of the
  home screen's Textual widgets with the same words and none of our code, shows how much
  of the time is Textual's.
- Memory is the ``memory`` section's.

Each measurement runs in a child process (``tui_bench_apps.py``, with ``bare``), in
temporary data and config folders, so the figures include Python's start-up and imports,
as a facilitator meets them, and nothing touches the user's own sessions.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import random
import re
import select
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from child_processes import start_on_a_terminal
from tui_bench_apps import BARE_TEXT, fill_history, folders

from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.templates.cache import CACHE_NAME

Figure = tuple[str, float, str, "tuple[str, float] | None"]

APPS = str(Path(__file__).resolve().parent / "tui_bench_apps.py")
"""The programs measured, started as child processes."""
PROGRAM = str(Path(sys.executable).parent / "circlekeeper")
if not Path(PROGRAM).exists():
    PROGRAM = shutil.which("circlekeeper") or PROGRAM

RUNS = 21
"""Rounds: on a shared machine a launch takes anywhere from 0.25 s to 0.4 s, so many."""
PAST_SESSIONS = 1000
OWN_TEMPLATES = 200
SIZE = (160, 50)
"""The pseudo-terminal's columns and rows: room for the preview's first part."""
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def _child_env(root: Path) -> dict[str, str]:
    # Python keeps compiled modules between runs, as on a facilitator's machine, even where
    # the shell running the bench asks it not to write them.
    dropped = ("NO_COLOR", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.pop("TEXTUAL", None)
    env.update(folders(root), TERM="xterm-256color")
    return env


def _first_frame(argv: list[str], env: dict[str, str], wanted: list[str]) -> float:
    """Seconds from starting ``argv`` on a pseudo-terminal until all of ``wanted`` is drawn."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    raw = ""
    started = time.perf_counter()
    parent, process = start_on_a_terminal(argv, env, SIZE)
    try:
        deadline = started + 60
        while not all(word in ANSI.sub("", raw) for word in wanted):
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([parent], [], [], left)[0]:
                raise RuntimeError(f"{argv[0]} never drew {wanted}")
            try:
                raw += decoder.decode(os.read(parent, 65536))
            except OSError as error:  # the terminal closes if the program ends
                raise RuntimeError(f"{argv[0]} ended before drawing {wanted}") from error
        return time.perf_counter() - started
    finally:
        with contextlib.suppress(ProcessLookupError):  # it had already ended
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(parent)


def _home_words(root: Path) -> list[str]:
    """What the home screen shows once drawn: the tab, the first agenda and its first part."""
    from circlekeeper.sessions.settings.folders import Folders
    from circlekeeper.sessions.templates.library import TemplateLibrary

    library = TemplateLibrary.in_folders(Folders.resolve(folders(root)))
    first = next(entry for entry in library.entries() if entry.agenda is not None)
    # The list shows titles; only the drawn preview shows the first part's heading.
    return ["Agendas", first.title, first.agenda.parts[0].title, str(first.path)]


def _cold(cache: Path, launch: Callable[[], float]) -> float:
    """``launch``, with the template cache removed first."""
    cache.unlink(missing_ok=True)
    return launch()


def launch_figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        empty_root, full_root = Path(empty), Path(full)
        fill_history(full_root, PAST_SESSIONS, OWN_TEMPLATES)
        env, full_env = _child_env(empty_root), _child_env(full_root)
        *home, first_path = _home_words(empty_root)
        cache = Folders.resolve(folders(empty_root)).cache / CACHE_NAME
        widgets_argv = [sys.executable, APPS, "widgets", first_path, *home]
        launches: dict[str, Callable[[], float]] = {
            "bare": lambda: _first_frame([sys.executable, APPS, "bare"], env, [BARE_TEXT]),
            "widgets": lambda: _first_frame(widgets_argv, env, home),
            "warm": lambda: _first_frame([PROGRAM], env, home),
            "cold": lambda: _cold(cache, lambda: _first_frame([PROGRAM], env, home)),
            "full": lambda: _first_frame([PROGRAM], full_env, home),
        }
        runs: dict[str, list[float]] = {name: [] for name in launches}
        # Each round takes the programs in an order of its own (the same orders in every
        # bench run), so that none always follows the same one: a launch just after the
        # widgets app, which loads the markdown renderer, was measured about 5% slower,
        # whichever program it was, and in a fixed order one program always paid for it.
        shuffled = random.Random(RUNS)
        for _ in range(RUNS):
            for name in shuffled.sample(list(launches), len(launches)):
                runs[name].append(launches[name]())
    median = {name: statistics.median(times) for name, times in runs.items()}

    def against(name: str, other: str) -> float:
        # Round by round, then the median: the two were started moments apart, so a
        # machine that is slower for a while slows both, where the ratio of the two
        # medians moved by a tenth between runs on a shared machine.
        return statistics.median(a / b for a, b in zip(runs[name], runs[other], strict=True))

    yield (f"bare Textual app (a Static, a Footer) to its first frame, median of {RUNS}",
           median["bare"], " s", None)  # fmt: skip
    yield (
        f"the home screen's Textual widgets alone, no circlekeeper code, median of {RUNS}",
        median["widgets"],
        " s",
        None,
    )
    yield (f"circlekeeper to the home screen drawn, median of {RUNS}", median["warm"], " s", None)
    yield ("launch, warm template cache, against the bare app, median of each round's",
           against("warm", "bare"), "x", ("<=", 1.2))  # fmt: skip
    yield ("launch, cold template cache, against the bare app, median of each round's",
           against("cold", "bare"), "x", ("<=", 1.4))  # fmt: skip
    yield (
        f"launch with {PAST_SESSIONS:,} past sessions and {OWN_TEMPLATES} own templates, "
        "against none, median of each round's",
        against("full", "warm"),
        "x",
        ("<=", 1.1),
    )


def run() -> Iterator[Figure]:
    yield from launch_figures()
