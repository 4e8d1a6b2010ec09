"""The template library as last read, kept between launches.

Reading every agenda (markdown, then YAML, then the checks) is most of what opening the
app costs beyond Textual itself, and the files rarely change. So what each file read
to, its agenda or its problems, is kept in the user's cache folder, under a digest of the
file's path and bytes. A file whose bytes change has a new digest and is read again; so is
every file when circlekeeper's own code changes. Each file's size and change time are kept
too, so a launch that finds them unchanged trusts the reading without reading the file at
all; a file changed only moments before it was read is always read in full, since another
change within the same tick of the file system's clock would leave both as they were.

The cache is two files. The main one holds each reading's brief, what the lists show
(title, length, parts, summary, problems), and the files' stamps: listing reads only that.
The whole readings wait in a companion file (:mod:`.companion`) until an agenda is first
asked for (previewed, started). The cache is only ever a shortcut: either file missing,
damaged, unwritable or from other code is read past quietly, and the templates themselves
are always what counts.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import time
from pathlib import Path
from typing import Any, NamedTuple

from circlekeeper.sessions.languages.catalogs import SOURCE_LANGUAGE
from circlekeeper.sessions.languages.speaking import current_language
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.settings.folders import ensure_private_dir
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.companion import KeptReadings, reading_digest, readings_file
from circlekeeper.sessions.templates.errors import Problem
from circlekeeper.sessions.templates.link_rules import check_url

FORMAT = 3
"""Bumped when the cache files' layout changes."""

CACHE_NAME = "templates.json"

Reading = tuple["Agenda | None", list[Problem]]
"""What a template file reads to: its agenda (None when it has problems) and problems."""


class Brief(NamedTuple):
    """What the lists show of a template, without its agenda.

    A plain record, made a named tuple rather than a dataclass: this module loads on every
    launch, and a named tuple costs less than half as much to define.
    """

    title: str
    """The agenda's title; empty when the file has problems."""
    minutes: int
    """Planned length, the parts' sum."""
    part_count: int
    """How many parts."""
    summary: str
    """The one line for the picker."""
    problems: tuple[Problem, ...]
    """What is wrong with the file; empty when it has an agenda."""

    @classmethod
    def of(cls, reading: Reading) -> Brief:
        """The brief of a whole reading."""
        agenda, problems = reading
        if agenda is None:
            return cls("", 0, 0, "", tuple(problems))
        return cls(agenda.title, agenda.minutes, len(agenda.parts), agenda.summary, ())


Stamp = tuple[int, int]
"""A file's size and change time (nanoseconds), as the file system reports them."""

SETTLED_NS = 2_000_000_000
"""How long ago a file must have changed for its stamp to be trusted (see the module)."""


def cache_file(cache_dir: Path) -> Path:
    """Where the cache is kept inside the user's cache folder ``cache_dir``.

    Problems are kept in the words of the language spoken when they were found, so each
    language keeps its own readings: English in ``templates.json``, German in
    ``templates-de.json``, each with its companion (:func:`.companion.readings_file`).
    """
    code = current_language().code
    if code == SOURCE_LANGUAGE:
        return cache_dir / CACHE_NAME
    return cache_dir / CACHE_NAME.replace(".json", f"-{code}.json")


PARSER_LIBRARIES = ("markdown_it", "mdit_py_plugins", "yaml")
"""The libraries the template parser reads with; upgrading one drops every reading."""


def code_stamp() -> str:
    """The files the template parser is made of: their names, sizes and change times.

    Any change to that code (an upgrade of circlekeeper or of a library it reads with, an
    edit in a development checkout) changes it, and every cached reading is then dropped.
    The libraries are located, not imported: loading them is what the cache saves. The
    stamp is kept as this text rather than a digest of it: comparing text needs no hashing
    library, which a warm launch would otherwise load for this alone.
    """
    lines = [str(FORMAT)]
    sources = sorted(Path(__file__).parent.glob("*.py"))
    for name in PARSER_LIBRARIES:
        with contextlib.suppress(ImportError, ValueError):
            spec = importlib.util.find_spec(name)
            if spec is not None and spec.origin:
                sources.append(Path(spec.origin))
    for source in sources:
        with contextlib.suppress(OSError):
            stat = source.stat()
            lines.append(f"{source}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(lines)


def file_key(path: Path, data: bytes) -> str:
    """The cache key of a file: its path (problems name it) and its bytes."""
    # Only a file changed since it was last read needs a key: a warm launch hashes nothing.
    import hashlib

    return hashlib.sha256(str(path).encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


def file_stamp(path: Path) -> Stamp | None:
    """``path``'s size and change time; ``None`` if it cannot be read or changed just now."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if time.time_ns() - stat.st_mtime_ns < SETTLED_NS:
        return None
    return stat.st_size, stat.st_mtime_ns


def decode(text: str) -> Reading | None:
    """A whole reading from its kept text, or None when it is not one to trust."""
    try:
        stored = json.loads(text)
        agenda = None if stored["agenda"] is None else Agenda.from_dict(stored["agenda"])
        problems = [Problem(str(p), int(n), str(m)) for p, n, m in stored["problems"]]
    except (KeyError, TypeError, ValueError, OverflowError, RecursionError):
        return None
    return (agenda, problems) if _plausible(agenda, problems) else None


def _brief_from_dict(data: dict[str, Any]) -> Brief:
    """A kept brief; raises KeyError, TypeError or ValueError when it is not one."""
    problems = tuple(Problem(str(p), int(n), str(m)) for p, n, m in data["problems"])
    minutes, parts = int(data["minutes"]), int(data["parts"])
    title, summary = data["title"], data["summary"]
    if not isinstance(title, str) or not isinstance(summary, str):
        raise TypeError("not a brief")
    # Like a reading: an agenda with parts and no problems, or problems and nothing else.
    sound = not problems and parts > 0 and minutes >= 0
    if not sound and not (problems and parts == 0):
        raise ValueError("not a brief")
    # Kept text is text from outside like any other.
    title, summary = safe_text(title, lines=False), safe_text(summary, lines=False)
    return Brief(title, minutes, parts, summary, problems)


def _plausible(agenda: Agenda | None, problems: list[Problem]) -> bool:
    """Whether a reading is one the parser could have given: an agenda with parts and
    only links it accepts and no problems, or problems and no agenda."""
    if agenda is None:
        return bool(problems)
    if problems or not agenda.parts:
        return False
    resources = [*agenda.resources, *(r for part in agenda.parts for r in part.resources)]
    return all(check_url(r.url) is None for r in resources)


def kept_form(reading: Reading) -> dict[str, Any]:
    """A reading as the cache keeps it: its brief, and the whole reading as text."""
    agenda, problems = reading
    whole = {
        "agenda": None if agenda is None else agenda.to_dict(),
        "problems": [[p.path, p.line, p.message] for p in problems],
    }
    brief = Brief.of(reading)
    fields = {"title": brief.title, "minutes": brief.minutes, "parts": brief.part_count}
    fields.update(summary=brief.summary, problems=whole["problems"])
    # Kept as text, so that listing decodes only the briefs.
    return {"brief": fields, "reading": json.dumps(whole)}


class TemplateCache:
    """Readings of template files, looked up by :func:`file_key`.

    Use as a context manager: on leaving, the readings used this time are written back
    (and any others dropped, so the files never grow past the library), if anything
    changed.
    """

    def __init__(self, path: Path | None) -> None:
        """Read the briefs kept at ``path``; ``None`` keeps nothing, so every file is read."""
        self.path = path
        """The cache's main file, or ``None`` for no cache."""
        self._stamp = code_stamp()
        self._stored, self._stored_stamps = self._load()
        self._used: dict[str, dict[str, Any]] = {}
        self._used_stamps: dict[str, list[Any]] = {}
        self._fresh: dict[str, str] = {}
        self._changed = False
        self._readings = KeptReadings(readings_file(path), FORMAT, self._stamp) if path else None

    def _load(self) -> tuple[dict[str, Any], dict[str, Any]]:
        if self.path is None:
            return {}, {}
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}, {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}, {}
        briefs, stamps = data.get("files"), data.get("stamps", {})
        if data.get("code") != self._stamp or not isinstance(briefs, dict):
            return {}, {}
        return briefs, stamps if isinstance(stamps, dict) else {}

    def known_key(self, path: Path, stamp: Stamp | None) -> str | None:
        """The key of ``path``'s reading, if the file is as it was when read (by ``stamp``)."""
        stored = self._stored_stamps.get(str(path))
        if stamp is None or not isinstance(stored, list) or len(stored) != 3:
            return None
        size, changed, key = stored
        return key if (size, changed) == stamp and isinstance(key, str) else None

    def remember(self, path: Path, stamp: Stamp | None, key: str) -> None:
        """Note that ``path``, as ``stamp`` finds it, reads to the reading under ``key``."""
        if stamp is None:
            return
        kept = [*stamp, key]
        self._used_stamps[str(path)] = kept
        if self._stored_stamps.get(str(path)) != kept:
            self._changed = True

    def brief(self, key: str) -> Brief | None:
        """The brief kept for ``key``, or None when there is none to trust."""
        stored = self._stored.get(key)
        if not isinstance(stored, dict):
            return None
        try:
            brief = _brief_from_dict(stored)
        except (KeyError, TypeError, ValueError, OverflowError):
            return None
        self._used[key] = stored
        return brief

    def reading(self, key: str) -> Reading | None:
        """The whole reading kept for ``key``, or None when there is none to trust."""
        text = self._fresh.get(key)
        if text is None:
            stored = self._stored.get(key)
            if self._readings is None or not isinstance(stored, dict):
                return None
            text = self._readings.text(key, stored.get("at"), stored.get("digest"))
        return None if text is None else decode(text)

    def put(self, key: str, reading: Reading) -> None:
        """Keep a fresh reading."""
        self.keep(key, kept_form(reading))

    def keep(self, key: str, stored: dict[str, Any]) -> None:
        """Keep a reading already in the form :func:`kept_form` gives."""
        text = stored["reading"]
        self._used[key] = {**stored["brief"], "digest": reading_digest(text)}
        self._fresh[key] = text
        self._changed = True

    def save(self) -> None:
        """Write the readings used this time, if they differ from what is stored."""
        if self.path is None or self._readings is None:
            return
        dropped = self._used.keys() != self._stored.keys()
        if not (self._changed or dropped or self._used_stamps.keys() != self._stored_stamps.keys()):
            return
        # The writer loads only when something changed: a warm launch writes nothing.
        from circlekeeper.sessions.errors import StorageError
        from circlekeeper.sessions.storage.atomic import write_file_atomic

        briefs = self._used
        with contextlib.suppress(OSError, StorageError):
            ensure_private_dir(self.path.parent)
            if self._fresh or dropped:
                # Before the briefs: a crash between the writes leaves no brief without its
                # reading. One whose reading was lost is dropped, so its file is read afresh.
                written = self._readings.rewrite(self._used, self._fresh)
                briefs = {key: {**self._used[key], "at": at} for key, at in written.items()}
            payload = {"format": FORMAT, "code": self._stamp, "files": briefs}
            payload["stamps"] = self._used_stamps
            write_file_atomic(self.path, json.dumps(payload).encode("utf-8"))
        self._stored, self._used = dict(briefs), dict(briefs)
        self._stored_stamps, self._changed = dict(self._used_stamps), False

    def __enter__(self) -> TemplateCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.save()
