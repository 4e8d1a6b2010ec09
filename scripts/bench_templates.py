"""Bench section ``templates``: what reading agendas costs.

- a built-in agenda, read and checked (the home screen reads all of them): median;
- the whole template list with 50 templates of the user's own beside the built-ins;
- the worst cases a coordinator could paste near the 1 MiB limit: a paragraph of
  thousands of links and thousands of parts, so a slip never freezes the app.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from circlekeeper.sessions.templates.cache import cache_file
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.sessions.templates.parse import check_template

Figure = tuple[str, float, str, "tuple[str, float] | None"]


def _seconds(action, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> Iterator[Figure]:
    builtin = sorted(Path(str(files("circlekeeper.templates"))).glob("*.md"))
    data = builtin[0].read_bytes() if builtin else b"## Welcome (10 min)\n"
    if builtin:
        took = _seconds(lambda: check_template(data, builtin[0]), repeat=30)
        yield (f"read one built-in agenda ({builtin[0].stem})", took * 1000, " ms", ("<=", 20))
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        for number in range(50):
            # Each file differs, so none is read from another's cached reading.
            Path(folder, f"ours-{number}.md").write_bytes(data + f"\n<!-- {number} -->\n".encode())

        def cold() -> None:
            # A cache folder of its own each time: every file is read and parsed.
            with tempfile.TemporaryDirectory() as empty:
                TemplateLibrary(Path(folder), cache_file(Path(empty))).entries()

        took = _seconds(cold, repeat=5)
        yield ("list built-ins and 50 of your own, read afresh", took * 1000, " ms", ("<=", 1000))
        cached = TemplateLibrary(Path(folder), cache_file(Path(cache)))
        cached.entries()
        took = _seconds(cached.entries, repeat=5)
        yield ("list them again, nothing changed (from the cache)", took * 1000, " ms", None)
    links = "## A (1 min)\n\n" + "[a link](https://example.org/page) " * 28000
    yield (
        "a paragraph of 28,000 links (1 MiB)",
        _seconds(lambda: check_template(links, "x")),
        " s",
        ("<=", 5),
    )
    parts = "".join(f"## Part {n} (1 min)\n" for n in range(40000))
    yield (
        "40,000 parts (under 1 MiB)",
        _seconds(lambda: check_template(parts, "x")),
        " s",
        ("<=", 5),
    )
