"""Bench section ``templates``: what reading agendas costs, against markdown-it alone.

Every figure is a ratio to markdown-it (CommonMark, raw HTML off) tokenising the same
text and nothing else, measured alternately in the same run, so it says what our own
reading (front matter, parts, checks, links) adds to the parser it is built on, whatever
the machine:

- a built-in agenda, read and checked (the home screen reads all of them);
- the whole template list with 50 templates of the user's own beside the built-ins, read
  afresh; and the same list again from the cache, against reading it afresh;
- the worst cases a coordinator could paste near the 1 MiB limit: a paragraph of
  thousands of links and thousands of parts, so a slip never freezes the app.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path

from markdown_it import MarkdownIt

from circlekeeper.sessions.templates.cache import cache_file
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.sessions.templates.parse import check_template

Figure = tuple[str, float, str, "tuple[str, float] | None"]

MARKDOWN_IT = MarkdownIt("commonmark", {"html": False})


def _alone(*texts: str) -> Callable[[], None]:
    """markdown-it tokenising ``texts`` and nothing else."""
    return lambda: [MARKDOWN_IT.parse(text) for text in texts] and None


def _ratio(ours: Callable[[], object], parser: Callable[[], object], repeat: int) -> float:
    """Median time of ``ours`` over the median time of ``parser``, run alternately."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, kept in ((ours, times[0]), (parser, times[1])):
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
    return statistics.median(times[0]) / statistics.median(times[1])


def run() -> Iterator[Figure]:
    builtin = sorted(Path(str(files("circlekeeper.templates"))).glob("*.md"))
    data = builtin[0].read_bytes() if builtin else b"## Welcome (10 min)\n"
    text = data.decode("utf-8")
    took = _ratio(lambda: check_template(data, builtin[0]), _alone(text), repeat=30)
    yield ("read one built-in agenda, against markdown-it alone", took, "x", ("<=", 4))
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        texts = [p.read_text(encoding="utf-8") for p in builtin]
        for number in range(50):
            # Each file differs, so none is read from another's cached reading.
            own = text + f"\n<!-- {number} -->\n"
            Path(folder, f"ours-{number}.md").write_text(own, encoding="utf-8")
            texts.append(own)

        def cold() -> None:
            # A cache folder of its own each time: every file of ours is parsed (the
            # built-ins take the readings shipped with them, as on a first launch).
            with tempfile.TemporaryDirectory() as empty:
                TemplateLibrary(Path(folder), cache_file(Path(empty))).entries()

        took = _ratio(cold, _alone(*texts), repeat=5)
        yield (
            "list built-ins and 50 of your own, read afresh, against markdown-it alone",
            took,
            "x",
            ("<=", 4),
        )
        cached = TemplateLibrary(Path(folder), cache_file(Path(cache)))
        cached.entries()
        took = _ratio(cached.entries, cold, repeat=5)
        yield (
            "list them again, nothing changed (from the cache), against afresh",
            took,
            "x",
            ("<=", 0.25),
        )
    links = "## A (1 min)\n\n" + "[a link](https://example.org/page) " * 28000
    took = _ratio(lambda: check_template(links, "x"), _alone(links), repeat=3)
    yield ("a paragraph of 28,000 links (1 MiB), against markdown-it alone", took, "x", ("<=", 3))
    parts = "".join(f"## Part {n} (1 min)\n" for n in range(40000))
    took = _ratio(lambda: check_template(parts, "x"), _alone(parts), repeat=3)
    yield ("40,000 parts (under 1 MiB), against markdown-it alone", took, "x", ("<=", 3))
